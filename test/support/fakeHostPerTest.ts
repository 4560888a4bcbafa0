/**
 * The fake host of the Node tests that drive the task pane's code (test/taskpane): installed by a test, and
 * uninstalled after it, whatever the test's outcome.
 */
import { afterEach } from "vitest";
import { createFakeHost, type FakeHost, type FakeHostConfig } from "./fakeExcel";

/** What a test file installs its fake hosts with. */
export interface FakeHostInstaller {
  /** Installs a fake host with the workbook of `config` and returns it; it is uninstalled after the test. */
  install(config?: FakeHostConfig): FakeHost;
  /** Uninstalls the host installed last, before the test ends. */
  uninstall(): void;
}

/** Call at the top of a test file: registers the afterEach that uninstalls the host a test installed last. */
export function fakeHostPerTest(): FakeHostInstaller {
  let host: FakeHost | null = null;
  const uninstall = (): void => {
    host?.uninstall();
    host = null;
  };
  afterEach(uninstall);
  return {
    install: (config: FakeHostConfig = {}): FakeHost => {
      host = createFakeHost(config).install();
      return host;
    },
    uninstall,
  };
}
