import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Four layers; `npm test` (scripts/test.mjs) runs them in this order, building dist/ before the two that load it:
 * - unit (`npm run test:unit`, the inner loop): pure core, adapters, the fake host and the writers on it, the
 *   command line in-process, the manifest and the metadata generated from the JSDoc. No build, no processes.
 * - integration: what spawns processes or needs the build — `npm start`, the bin and tsx, dist/.
 * - browser: the production dist/ in Debian's Chromium with the fake Office host.
 * - recalc: native-formula workbooks recalculated by LibreOffice.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "test/core/**/*.test.ts",
            "test/functions/**/*.test.ts",
            "test/taskpane/**/*.test.ts",
            "test/project/**/*.test.ts",
            "test/cli/**/*.test.ts",
          ],
          setupFiles: ["test/support/customFunctionsGlobal.ts"],
          environment: "node",
          // The heaviest unit tests (3,000-formula freeze/restore under the web payload limit) take ~2 s alone and
          // over 5 s (vitest's default) on a loaded 2-core machine.
          testTimeout: 20_000,
          // Pure tests and the fake host need no fresh module graph per file: threads sharing their modules cost
          // about 40 % of the CPU that isolated forks do (test files that install the fake host's globals remove
          // them in afterEach).
          pool: "threads",
          isolate: false,
          // A worker per core and at least three: the co-authoring tests wait on timers (a colleague acting 300 ms
          // in), which another worker fills — on 2 cores the layer takes ~20 s instead of ~38 s with vitest's
          // default of one worker there.
          maxWorkers: Math.max(3, availableParallelism()),
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/support/systemTools.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "recalc",
          include: ["test/recalc/**/*.test.ts"],
          globalSetup: ["test/support/systemTools.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
