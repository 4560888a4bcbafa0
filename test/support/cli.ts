/** Helpers for the tests that run the built `crm-scorecard` command as a separate process. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./dist";

/** The bin that `npx crm-scorecard` runs, and the built JavaScript it loads. */
export const BIN = path.join(ROOT, "bin", "crm-scorecard.mjs");

/**
 * Builds lib/crm-scorecard.mjs (`npm run build:cli`), as `npm run build` and `npm pack` do. Call in beforeAll
 * of every test file that spawns the command, so that it runs the current source.
 */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stderr}`);
}

/** The environment without the npm_* variables of the `npx vitest` that runs the tests (an npm run inside a
 * test must not inherit this checkout's prefix or configuration). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}
