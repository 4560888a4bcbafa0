import { defineConfig } from "vitest/config";

/**
 * Three layers, one command (`npm test`): unit (pure Node), browser (Debian Chromium with a fake Office
 * host, against the production dist/) and recalc (LibreOffice recalculates native-formula workbooks).
 */
export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test/artifacts/vitest-report.json" }]],
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
