// `npm test`: everything, layer by layer (vitest.config.mts) — unit, then the production build (dist/, which
// only integration and browser load), integration, browser, recalc — with each layer's counts and time, and at
// the end the totals as one plain line: "N passed, N failed".
//   npm test                          all layers
//   npm test -- --layers unit,recalc  some layers (the build runs only when one of them loads dist/)
//   npm test -- <vitest arguments>    passed to every layer, e.g. a file filter or -t "pattern"
// Chromium or LibreOffice missing → the browser/recalc layers fail loudly, unless CRM_SKIP_SYSTEM_TESTS=1.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const LAYERS = [
  { name: "unit", dist: false },
  { name: "integration", dist: true },
  { name: "browser", dist: true },
  { name: "recalc", dist: false },
];

const args = process.argv.slice(2);
let wanted = LAYERS.map((l) => l.name);
const at = args.findIndex((a) => a === "--layers" || a.startsWith("--layers="));
if (at >= 0) {
  const value = args[at].includes("=") ? args[at].split("=")[1] : args[at + 1];
  args.splice(at, args[at].includes("=") ? 1 : 2);
  wanted = String(value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((w) => !LAYERS.some((l) => l.name === w));
  if (unknown.length || !wanted.length) {
    console.error(`npm test: --layers takes some of ${LAYERS.map((l) => l.name).join(",")}`);
    process.exit(2);
  }
}
const layers = LAYERS.filter((l) => wanted.includes(l.name));

const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

/** Runs one vitest project and reads its JSON report: the counts, or one failure when it left no report. */
function runLayer(name) {
  const report = `test/artifacts/vitest-${name}.json`;
  rmSync(report, { force: true });
  const t0 = Date.now();
  const run = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      "--project",
      name,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...args,
    ],
    { stdio: "inherit" },
  );
  const c = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, "utf8"));
    c.passed = r.numPassedTests;
    c.failed = r.numFailedTests + (r.numRuntimeErrorTests ?? 0);
    c.skipped = r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests but a failed suite.
    if (r.numFailedTestSuites > 0 && c.failed === 0) c.failed = r.numFailedTestSuites;
  }
  if (run.status !== 0 && c.failed === 0) c.failed = 1;
  lines.push(`layer ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${seconds(t0)} s)`);
  for (const k of Object.keys(totals)) totals[k] += c[k];
}

let distReady = null; // null: not built yet; true/false after the build
for (const layer of layers) {
  if (layer.dist && distReady === null) {
    const t0 = Date.now();
    const build = spawnSync("npx", ["webpack", "--mode", "production"], { stdio: "inherit" });
    distReady = build.status === 0;
    lines.push(`build (dist/): ${distReady ? "done" : "FAILED"} (${seconds(t0)} s)`);
    if (!distReady) {
      console.error("npm test: the production build failed; the layers that load dist/ did not run.");
      totals.failed++;
    }
  }
  if (layer.dist && !distReady) {
    lines.push(`layer ${layer.name}: not run (no dist/)`);
    continue;
  }
  runLayer(layer.name);
}

console.log("");
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ""));
process.exit(totals.failed === 0 ? 0 : 1);
