/**
 * Scorecard plan speed: reading and validating a 1,000-KPI table and making its plan (the budget:
 * the plan for 1,000 KPIs in ≤ 50 ms). Also the exceljs writer, for the command line. Prints medians.
 *
 *   npx tsx bench/scorecard.bench.ts
 */
import ExcelJS from "exceljs";
import { writePlanToXlsx } from "../src/cli/xlsxWriter";
import { buildScorecardPlan } from "../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../src/core/scorecard/table";

function table(n: number): unknown[][] {
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const perspectives = ["Financial", "Customer", "Internal process", "Learning & growth"];
  const rows: unknown[][] = [["Metric", "Perspective", "Actual", "Target", "Weight", "Direction", "Threshold"]];
  for (let i = 0; i < n; i++) {
    const lower = rnd() < 0.3;
    const target = 1 + Math.round(rnd() * 9900) / 100;
    const threshold = rnd() < 0.5 ? null : lower ? target * 1.5 : target * 0.5;
    rows.push([
      `KPI ${i + 1}`,
      perspectives[i % 4],
      target * (0.5 + rnd()),
      target,
      1 + Math.floor(rnd() * 10),
      lower ? "lower" : "higher",
      threshold,
    ]);
  }
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(label: string, runs: number, f: () => void): number {
  for (let i = 0; i < Math.min(10, runs); i++) f(); // warm up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  const m = median(ts);
  console.log(
    `${label.padEnd(52)} median ${m.toFixed(2).padStart(8)} ms   max ${Math.max(...ts)
      .toFixed(2)
      .padStart(8)} ms   (${runs} runs)`,
  );
  return m;
}

const values = table(1000);
const source = sourceRange("Sheet1", "A1", values);
const read = readScorecardTable(source);
if (read.table === null) throw new Error(read.problems.map((p) => p.message).join("\n"));
const t = read.table;

console.log("scorecard plan, 1,000 KPIs (budget: plan ≤ 50 ms)");
time("read + validate table (readScorecardTable)", 100, () => void readScorecardTable(source));
const plan = time("plan (buildScorecardPlan)", 100, () => void buildScorecardPlan(t, { asOf: "2025-03-31" }));
const total = time("read + validate + plan", 100, () => {
  const r = readScorecardTable(source);
  buildScorecardPlan(r.table!, { asOf: "2025-03-31" });
});
const p = buildScorecardPlan(t, { asOf: "2025-03-31" });
time("exceljs writer (writePlanToXlsx, in memory)", 10, () => void writePlanToXlsx(p, new ExcelJS.Workbook()));
console.log(
  `plan for 1,000 KPIs: ${plan.toFixed(2)} ms median (with reading: ${total.toFixed(2)} ms) — ${total <= 50 ? "within" : "OVER"} the 50 ms budget`,
);
