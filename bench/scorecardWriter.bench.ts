/**
 * The Office.js scorecard writer against the fake Excel host (test/support/fakeExcel/): how many
 * context.sync() calls a build makes (the budget: at most 3 whatever the KPI count), and how long
 * applying a 1,000-KPI plan to the fake takes (queueing the Office.js calls plus the fake's work; the plan's
 * own time is bench/scorecard.bench.ts). Prints medians.
 *
 *   npx tsx bench/scorecardWriter.bench.ts
 */
import { buildScorecardPlan, type Plan } from "../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../src/core/scorecard/table";
import { readSelection } from "../src/taskpane/scorecard/selection";
import { buildScorecard, writePlan } from "../src/taskpane/scorecard/writer";
import { createFakeHost, type FakeHost } from "../test/support/fakeExcel";
import { generatedKpis } from "../test/support/scorecardKpis";
import { report } from "./support";

function host(rows: unknown[][]): FakeHost {
  return createFakeHost({
    sheets: { Sheet1: { [`A1:G${rows.length}`]: rows } },
    selection: `Sheet1!A1:G${rows.length}`,
    maxRecordedArgCells: 100,
  }).install();
}

/** Syncs of one build (read + write) from the selection, and of the selection read before it. */
async function buildSyncs(n: number): Promise<{ build: number; selection: number }> {
  const h = host(generatedKpis(n));
  try {
    const sel = await readSelection();
    const selection = h.syncCount;
    h.clearLog();
    const r = await buildScorecard({ source: sel.ref, options: { asOf: "2025-03-31" } });
    if (r.kind !== "built") throw new Error("the generated table has problems");
    return { build: h.syncCount, selection };
  } finally {
    h.uninstall();
  }
}

/** Median time of writePlan (no pre-check: one sync) of a plan onto a fresh fake workbook. */
async function applyMs(rows: unknown[][], runs: number): Promise<{ ms: number; syncs: number }> {
  const table = readScorecardTable(sourceRange("Sheet1", "A1", rows)).table!;
  const plan: Plan = buildScorecardPlan(table, { asOf: "2025-03-31", existingSheetNames: ["Sheet1"] });
  const times: number[] = [];
  let syncs = 0;
  for (let i = 0; i < runs + 2; i++) {
    const h = host(rows);
    try {
      const t0 = performance.now();
      const r = await Excel.run((ctx) => writePlan(ctx, plan, { check: false }));
      const t = performance.now() - t0;
      syncs = r.syncs;
      if (i >= 2) times.push(t); // two warm-up runs
    } finally {
      h.uninstall();
    }
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, syncs };
}

/** Syncs of a build whose write fails (read + write + clean-up). */
async function failedBuildSyncs(n: number): Promise<number> {
  const h = host(generatedKpis(n));
  try {
    const sel = await readSelection();
    h.clearLog();
    h.inject({ path: "worksheet.charts.add" });
    await buildScorecard({ source: sel.ref, options: { asOf: "2025-03-31" } }).catch(() => undefined);
    if (h.sheetNames().length !== 1) throw new Error("the half-built sheet was not removed");
    return h.syncCount;
  } finally {
    h.uninstall();
  }
}

/** A count, as an aligned line like report()'s. */
function count(name: string, value: number, goal: string): void {
  console.log(`${name.padEnd(58)} ${String(value).padStart(10)} syncs   (goal ${goal})`);
}

async function main(): Promise<void> {
  for (const n of [19, 1000, 5000]) {
    const s = await buildSyncs(n);
    count(`syncs of a build, ${n.toLocaleString("en")} KPIs (read + write)`, s.build, "≤ 3");
    if (n === 1000) count("syncs of Use selection, 1,000 KPIs", s.selection, "1");
  }
  count("syncs of a failing build, 1,000 KPIs (+ clean-up)", await failedBuildSyncs(1000), "≤ 3");
  const rows = generatedKpis(1000);
  const a = await applyMs(rows, 15);
  report("writePlan of a 1,000-KPI plan to the fake host (median)", a.ms, "ms");
  count("  its syncs", a.syncs, "1");
  const b = await applyMs(generatedKpis(19), 15);
  report("writePlan of the 19-KPI sample-sized plan (median)", b.ms, "ms");
}

void main();
