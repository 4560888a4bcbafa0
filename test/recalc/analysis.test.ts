/**
 * The customer-analysis sheet (issue 11), written to .xlsx by the command line's writer from the plan and
 * recalculated by LibreOffice: every summary formula (KPIs, PERCENTILE.INC breaks, splits, distributions,
 * ranked lists) shows the core's value (to 1e-9), in English and Chinese, with the sheet's own models
 * (Pareto/NBD and MBG/NBD), with a stub model whose predictions are checked by hand elsewhere, and without a
 * model; and a log with categories.
 * All files are recalculated in one LibreOffice run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAnalysisXlsx } from "../../src/cli/analysisXlsx";
import { parseRange, cellAddress } from "../../src/core/address";
import { ANALYSIS_CANDIDATES } from "../../src/core/analysis/candidates";
import { AnalysisOptions, analyzeCustomers, TransactionLog } from "../../src/core/analysis/customerAnalysis";
import { BGNBD_FITTER } from "../../src/core/analysis/models";
import { buildAnalysisPlan } from "../../src/core/analysis/sheet/plan";
import type { AnalysisPlan } from "../../src/core/analysis/sheet/planTypes";
import { mulberry32 } from "../../src/core/btyd/simulate";
import { cdnowTransactions } from "../fixtures/cdnow/cdnow";
import { cellText, csvCellValue, recalculateFiles, RecalculatedSheets } from "../support/recalc";
import { systemToolsAvailable } from "../support/systemTools";
import { stubPurchaseModel } from "../support/stubPurchaseModel";

/** A stand-in for Pareto/NBD: P(alive) = (1 + x)/(1 + x + T/15), E[Y(t)] = 0.1·t·P(alive). */
const STUB = stubPurchaseModel("Stub", -1);

/** A seeded log of 3,000 rows over 400 customers in four categories (mixed case, blanks), refunds included. */
function categoryLog(): TransactionLog {
  const rnd = mulberry32(7);
  const cats = ["Books", "books ", "Music", "Toys", "Garden", null];
  const ids: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  const categories: (string | null)[] = [];
  const spend = Array.from({ length: 400 }, () => 5 + 200 * rnd() ** 3); // customers differ in what they spend
  for (let i = 0; i < 3000; i++) {
    const c = Math.floor(rnd() * 400);
    ids.push(`C-${c}`);
    dates.push(45292 + Math.floor(rnd() * 365));
    amounts.push(rnd() < 0.03 ? -5 : Math.round(100 * spend[c]! * (0.5 + rnd())) / 100);
    categories.push(cats[Math.floor(rnd() * cats.length)]!);
  }
  return { customerIds: ids, dates, amounts, categories };
}

const cdnow = cdnowTransactions();
const CDNOW: TransactionLog = { customerIds: cdnow.ids, dates: cdnow.dates, amounts: cdnow.amounts };
const CASES: { name: string; log: TransactionLog; options: AnalysisOptions; language: "en" | "zh" }[] = [
  { name: "cdnow-en", log: CDNOW, options: { candidates: [STUB] }, language: "en" },
  {
    name: "cdnow-zh-median",
    log: CDNOW,
    options: { candidates: [STUB], segmentSplit: "median", bins: 3 },
    language: "zh",
  },
  { name: "categories", log: categoryLog(), options: { candidates: [STUB], periodDays: 1 }, language: "en" },
  { name: "no-model", log: CDNOW, options: { candidates: [BGNBD_FITTER].slice(0, 0) }, language: "zh" },
  { name: "cdnow-models", log: CDNOW, options: { candidates: ANALYSIS_CANDIDATES }, language: "en" },
];

let dir = "";
let plans: AnalysisPlan[] = [];
let results: RecalculatedSheets[] = [];

beforeAll(async () => {
  if (!systemToolsAvailable("soffice")) return;
  dir = mkdtempSync(path.join(os.tmpdir(), "crm-analysis-recalc-"));
  const files: string[] = [];
  plans = [];
  for (const c of CASES) {
    const a = analyzeCustomers(c.log, c.options);
    const plan = buildAnalysisPlan(a, c.options, { language: c.language, transactions: c.log.customerIds.length });
    const file = path.join(dir, `${c.name}.xlsx`);
    await writeAnalysisXlsx(plan, file);
    plans.push(plan);
    files.push(file);
  }
  results = await recalculateFiles(files);
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Formula cells whose recalculated value differs from the core's (1e-9 relative; texts exactly). */
function mismatches(plan: AnalysisPlan, sheets: RecalculatedSheets): string[] {
  const sheet = sheets.get(plan.sheetName);
  if (sheet === undefined) return [`no sheet ${plan.sheetName}`];
  const out: string[] = [];
  for (const b of plan.blocks) {
    const at = parseRange(b.address);
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c?.kind !== "formula") return;
        const address = cellAddress(at.top + i, at.left + j);
        const got = csvCellValue(cellText(sheet, address));
        const want = c.expected;
        const ok =
          typeof want === "number"
            ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
            : String(got) === String(want);
        if (!ok) out.push(`${address} ${c.formula}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
      }),
    );
  }
  return out;
}

describe.skipIf(!systemToolsAvailable("soffice"))(
  "LibreOffice recalculates the analysis sheet to the core's numbers",
  () => {
    CASES.forEach((c, k) => {
      it(`${c.name}: every summary formula`, () => {
        const plan = plans[k]!;
        const count = plan.blocks.flatMap((b) => b.cells.flat()).filter((x) => x?.kind === "formula").length;
        expect(count).toBeGreaterThan(c.name === "no-model" ? 30 : 150);
        expect(mismatches(plan, results[k]!)).toEqual([]);
      });
    });

    it("the categories log's cross-selling rate is a formula over the table (COUNTIF ≥ 2 / ≥ 1)", () => {
      const plan = plans[2]!;
      const sheet = results[2]!.get(plan.sheetName)!;
      expect(cellText(sheet, "A12")).toBe("Cross-selling rate");
      expect(csvCellValue(cellText(sheet, "B12"))).toBeGreaterThan(0);
    });
  },
);
