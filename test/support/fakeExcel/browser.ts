/**
 * The fake host's page entry: test/support/browser.ts bundles this file (esbuild, one IIFE) and injects it
 * before the page's scripts. It builds the host from `globalThis.__fakeHostConfig`, installs the Office
 * globals and exposes the host as `globalThis.__fakeHost`.
 */
import { createFakeHost } from "./index";

const host = createFakeHost(globalThis.__fakeHostConfig || {});
host.install(globalThis);
globalThis.__fakeHost = host;
