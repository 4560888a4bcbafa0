// `npm test`: everything — builds the production dist/ (the browser layer loads it), then runs the three
// vitest layers (unit, browser, recalc) and prints the totals as one plain line: "N passed, N failed".
// Chromium or LibreOffice missing → the browser/recalc layers fail loudly, unless CRM_SKIP_SYSTEM_TESTS=1.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const report = "test/artifacts/vitest-report.json";
const extra = process.argv.slice(2);

const build = spawnSync("npx", ["webpack", "--mode", "production"], { stdio: "inherit" });
if (build.status !== 0) {
  console.error("npm test: the production build failed, so the tests did not run.");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

rmSync(report, { force: true });
const vitest = spawnSync("npx", ["vitest", "run", ...extra], { stdio: "inherit" });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTests ?? 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  const byProject = {};
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const project = /test\/(browser|recalc)\//.test(file.name)
        ? file.name.match(/test\/(browser|recalc)\//)[1]
        : "unit";
      byProject[project] ??= { passed: 0, failed: 0, skipped: 0 };
      const k = t.status === "passed" ? "passed" : t.status === "failed" ? "failed" : "skipped";
      byProject[project][k]++;
    }
  }
  for (const [name, c] of Object.entries(byProject)) {
    console.log(`layer ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
} else {
  failed = 1;
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
