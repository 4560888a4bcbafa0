/**
 * The scorecard over time and against benchmarks, recalculated by LibreOffice: every cell of sheets with
 * Previous 上期值 and Benchmark 标杆值 columns (both, either, neither; English and Chinese headers; live
 * and snapshot; previous values taken from a history; 300 generated KPIs) shows exactly the core's value
 * (to 1e-9) — and still does after input values are changed in the file (an actual, a blank Previous
 * filled in, a Previous cleared, a benchmark added) and the workbook recalculated again.
 *
 * The sheets are written the way the command line writes them: plan → exceljs (src/cli/xlsxWriter.ts);
 * and the command line itself writes four quarters' scorecard and history. All files are recalculated in
 * one LibreOffice run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/crm-scorecard";
import { writePlanToXlsx } from "../../src/cli/xlsxWriter";
import { cellAddress, parseCell } from "../../src/core/address";
import type { HistoryTable } from "../../src/core/scorecard/history";
import { historySheet } from "../../src/core/scorecard/historyUpdate";
import { quarterEndDate } from "../../src/core/scorecard/period";
import {
  buildScorecardPlan,
  Plan,
  planCells,
  scorecardPeriodRecord,
  ScorecardOptions,
} from "../../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../../src/core/scorecard/table";
import { mulberry32 } from "../../src/core/btyd/simulate";
import { cellText, csvCellValue, recalculateFiles, RecalculatedSheets } from "../support/recalc";
import { csvCells } from "../support/scorecardKpis";
import { systemToolsAvailable } from "../support/systemTools";

const FIXTURES = path.join(__dirname, "..", "fixtures", "scorecard");
const AS_OF = "2026-11-15";

type Rows = (string | number | null)[][];

function fixture(name: string): Rows {
  return csvCells(readFileSync(path.join(FIXTURES, name), "utf8"));
}

/** The rows without the columns whose header is in `drop`. */
function without(rows: Rows, drop: readonly string[]): Rows {
  const keep = rows[0]!.map((h, i) => (drop.includes(String(h)) ? -1 : i)).filter((i) => i >= 0);
  return rows.map((r) => keep.map((i) => r[i] ?? null));
}

/**
 * 300 KPIs in five perspectives: both directions, thresholds or not, actual and previous values of 0 on
 * lower-is-better KPIs (the cap), previous values blank, 0, equal to the actual (unchanged) or repeated
 * (ties among the movers), benchmarks blank or equal to the actual (a tie is ahead).
 */
function generated(): Rows {
  const rnd = mulberry32(2026);
  const round = (x: number, d: number): number => Number(x.toFixed(d));
  const rows: Rows = [
    ["KPI", "Group", "Actual", "Target", "Weight", "Direction", "Threshold", "Last period", "Industry benchmark"],
  ];
  for (let i = 0; i < 300; i++) {
    const lower = rnd() < 0.4;
    const target = round(1 + rnd() * 99, 2);
    let threshold: number | null = null;
    if (rnd() < 0.5) threshold = lower ? round(target * (1.2 + rnd()), 2) : round(target * rnd() * 0.8, 2);
    let actual = round(target * (0.3 + rnd() * 1.2), 3);
    if (i % 41 === 3 && lower && threshold === null) actual = 0;
    const p = rnd();
    let previous: number | null =
      p < 0.15 ? null : p < 0.2 ? 0 : p < 0.3 ? actual : round(target * (0.3 + rnd() * 1.2), 3);
    if (i % 53 === 7) previous = rows[rows.length - 1]![7] as number | null; // repeats: equal score changes
    const b = rnd();
    const benchmark = b < 0.2 ? null : b < 0.3 ? actual : round(target * (0.5 + rnd()), 3);
    rows.push([
      `KPI ${i + 1}`,
      `P${i % 5}`,
      actual,
      target,
      1 + (i % 9),
      lower ? "lower" : "higher",
      threshold,
      previous,
      benchmark,
    ]);
  }
  return rows;
}

interface Case {
  name: string;
  sheet: string;
  topLeft: string;
  rows: Rows;
  options: ScorecardOptions;
  /** Input cells (relative to the table: row 0 the header, column 0 its first) set to a value, or cleared (null). */
  changes: { row: number; column: number; value: number | null }[];
}

interface Result {
  original: RecalculatedSheets;
  changed: RecalculatedSheets;
}

function plan(c: Case, rows: Rows): Plan {
  const r = readScorecardTable(sourceRange(c.sheet, c.topLeft, rows));
  if (r.table === null) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return buildScorecardPlan(r.table, { asOf: AS_OF, existingSheetNames: [c.sheet], ...c.options });
}

function changedRows(c: Case): Rows {
  const rows = c.rows.map((r) => [...r]);
  for (const x of c.changes) rows[x.row]![x.column] = x.value;
  return rows;
}

/** The input sheet and the scorecard sheet of a case, as the command line writes them. */
function workbook(c: Case, rows: Rows, p: Plan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(c.sheet);
  const tl = parseCell(c.topLeft);
  rows.forEach((row, r) =>
    row.forEach((v, col) => {
      if (v !== null) ws.getCell(cellAddress(tl.row + r, tl.column + col)).value = v;
    }),
  );
  writePlanToXlsx(p, wb);
  return wb;
}

/** Every cell of the plan against LibreOffice's value: numbers to 1e-9 (relative above 1), texts exactly. */
function compare(p: Plan, sheets: RecalculatedSheets): { checked: number; mismatches: string[] } {
  const sheet = sheets.get(p.sheetName);
  if (sheet === undefined) return { checked: 0, mismatches: [`no sheet "${p.sheetName}"`] };
  const mismatches: string[] = [];
  let checked = 0;
  for (const { address, cell } of planCells(p)) {
    if (address === "B2") continue; // the as-of date, shown as 2026-11-15
    const text = cellText(sheet, address);
    const expected = cell.kind === "formula" ? cell.expected : cell.value;
    checked++;
    if (typeof expected === "number") {
      const got = csvCellValue(text);
      if (typeof got !== "number" || Math.abs(got - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
        mismatches.push(`${address}: LibreOffice ${text}, core ${expected}`);
    } else if (text !== expected) mismatches.push(`${address}: LibreOffice "${text}", core "${expected}"`);
  }
  return { checked, mismatches };
}

/** A history of the previous quarter: the Previous column's values recorded as 2026 Q3's actuals. */
function lastQuarter(): HistoryTable {
  const rows = fixture("kpis-periods-en.csv");
  const previous = rows.map((r, i) => (i === 0 ? r.slice(0, 7) : [...r.slice(0, 2), r[7] ?? null, ...r.slice(3, 7)]));
  // KPIs without a previous value are missing from that quarter: a gap, not an error.
  const recorded = previous.filter((r, i) => i === 0 || r[2] !== null);
  const t = readScorecardTable(sourceRange("Q3", "A1", recorded)).table!;
  return historySheet([scorecardPeriodRecord(t, { asOf: "2026-08-15" })], "en").table;
}

const cases: Case[] = [];
const results = new Map<string, Result>();
let dir = "";

/**
 * The command line's four quarters: the sample table's actuals scaled by 0.85, 0.9, 0.95 and 1 (2026 Q1–Q4),
 * Q2 without its last KPI, given out of order. Its workbook, and the same with Q4's first actual changed.
 */
const CLI = {
  periods: ["2026 Q1", "2026 Q3", "2026 Q2", "2026 Q4"],
  scale: [0.85, 0.95, 0.9, 1],
  files: [] as string[],
  tables: [] as Rows[],
  change: { row: 1, column: 2, value: 0.125 },
  out: "",
};

function cliQuarter(i: number): Rows {
  const rows = fixture("kpis-en.csv").map((r, k) =>
    k === 0 ? r : r.map((v, c) => (c === 2 && typeof v === "number" ? Number((v * CLI.scale[i]!).toFixed(6)) : v)),
  );
  return CLI.periods[i] === "2026 Q2" ? rows.slice(0, -1) : rows;
}

/** The core's plan of the command line's latest quarter, with the history of all four. */
function cliPlan(q4: Rows): Plan {
  const records = CLI.periods.map((period, i) => {
    const rows = period === "2026 Q4" ? q4 : CLI.tables[i]!;
    const t = readScorecardTable(sourceRange("Q4", "A1", rows)).table!;
    return scorecardPeriodRecord(t, { period, asOf: period === "2026 Q4" ? AS_OF : quarterEndDate(period)! });
  });
  const t = readScorecardTable(sourceRange("Q4", "A1", q4)).table!;
  return buildScorecardPlan(t, {
    asOf: AS_OF,
    period: "2026 Q4",
    history: historySheet(records, "en").table,
    existingSheetNames: ["Q4"],
  });
}

describe.skipIf(!systemToolsAvailable("soffice"))(
  "previous period and benchmark columns recalculated by LibreOffice",
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "crm-periods-recalc-"));
      const en = fixture("kpis-periods-en.csv");
      const zh = fixture("kpis-periods-zh.csv");
      cases.push(
        {
          name: "English headers, Previous and Benchmark, live",
          sheet: "KPIs",
          topLeft: "A1",
          rows: en,
          options: {},
          changes: [
            { row: 1, column: 2, value: 0.125 }, // an actual
            { row: 10, column: 7, value: 0.15 }, // a blank Previous filled in
            { row: 2, column: 7, value: null }, // a Previous cleared
            { row: 4, column: 8, value: 11500 }, // a blank benchmark filled in
          ],
        },
        {
          name: "Chinese headers 上期值 and 标杆值, live",
          sheet: "指标",
          topLeft: "B3",
          rows: zh,
          options: {},
          changes: [
            { row: 3, column: 2, value: 700 },
            { row: 17, column: 7, value: 0.5 },
          ],
        },
        {
          name: "Benchmark only",
          sheet: "KPIs",
          topLeft: "A1",
          rows: without(en, ["Previous"]),
          options: {},
          changes: [{ row: 1, column: 2, value: 0.125 }],
        },
        {
          name: "Previous only",
          sheet: "KPIs",
          topLeft: "A1",
          rows: without(en, ["Benchmark"]),
          options: { period: "FY2026 H2" },
          changes: [{ row: 1, column: 7, value: 0.2 }],
        },
        {
          name: "neither (the scorecard of before)",
          sheet: "KPIs",
          topLeft: "A1",
          rows: fixture("kpis-en.csv"),
          options: {},
          changes: [{ row: 1, column: 2, value: 0.125 }],
        },
        {
          name: "previous values from the history",
          sheet: "KPIs",
          topLeft: "A1",
          rows: without(en, ["Previous", "Benchmark"]),
          options: { history: lastQuarter() },
          changes: [{ row: 3, column: 2, value: 700 }],
        },
        {
          name: "Chinese snapshot of the English table",
          sheet: "KPIs",
          topLeft: "A1",
          rows: en,
          options: { mode: "snapshot", language: "zh" },
          changes: [{ row: 1, column: 2, value: 0.125 }],
        },
        {
          name: "300 generated KPIs, cap 150%",
          sheet: "Data 2026",
          topLeft: "C4",
          rows: generated(),
          options: { cap: 1.5 },
          changes: [
            { row: 5, column: 2, value: 0 },
            { row: 6, column: 7, value: 12.5 },
            { row: 7, column: 8, value: null },
          ],
        },
      );
      const workbooks: ExcelJS.Workbook[] = [];
      for (const c of cases) {
        const before = plan(c, c.rows);
        workbooks.push(workbook(c, c.rows, before));
        // The same formulas, with the inputs changed (as a user would type them).
        const wb = workbook(c, c.rows, before);
        const ws = wb.getWorksheet(c.sheet)!;
        const tl = parseCell(c.topLeft);
        for (const x of c.changes) ws.getCell(cellAddress(tl.row + x.row, tl.column + x.column)).value = x.value;
        workbooks.push(wb);
      }
      const files: string[] = [];
      for (let i = 0; i < workbooks.length; i++) {
        const file = path.join(dir, `w${i}.xlsx`);
        await workbooks[i]!.xlsx.writeFile(file);
        files.push(file);
      }
      // The command line: four quarters in, the latest's scorecard and the history out.
      CLI.tables = CLI.periods.map((_, i) => cliQuarter(i));
      CLI.files = CLI.periods.map((p) => path.join(dir, p === "2026 Q4" ? "Q4.csv" : `${p.replace(" ", "")}.csv`));
      CLI.tables.forEach((rows, i) => {
        const text = rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n");
        writeFileSync(CLI.files[i]!, `${text}\n`);
      });
      CLI.out = path.join(dir, "cli.xlsx");
      const quiet = { stdout: () => undefined, stderr: (l: string) => console.error(l) };
      const args = [...CLI.files, "--periods", CLI.periods.join(","), "--as-of", AS_OF, "--out", CLI.out];
      if ((await main(args, quiet)) !== 0) throw new Error("crm-scorecard failed on the four quarters");
      const changed = new ExcelJS.Workbook();
      await changed.xlsx.readFile(CLI.out);
      changed.getWorksheet("Q4")!.getCell(cellAddress(CLI.change.row, CLI.change.column)).value = CLI.change.value;
      const changedFile = path.join(dir, "cli-changed.xlsx");
      await changed.xlsx.writeFile(changedFile);
      files.push(CLI.out, changedFile);

      const sheets = await recalculateFiles(files);
      cases.forEach((c, i) => results.set(c.name, { original: sheets[2 * i]!, changed: sheets[2 * i + 1]! }));
      results.set("command line", { original: sheets[2 * cases.length]!, changed: sheets[2 * cases.length + 1]! });
    }, 180_000);

    afterAll(() => {
      if (dir !== "") rmSync(dir, { recursive: true, force: true });
    });

    it.each([
      "English headers, Previous and Benchmark, live",
      "Chinese headers 上期值 and 标杆值, live",
      "Benchmark only",
      "Previous only",
      "neither (the scorecard of before)",
      "previous values from the history",
      "Chinese snapshot of the English table",
      "300 generated KPIs, cap 150%",
    ])("%s: every cell equals the core, before and after inputs change", (name) => {
      const c = cases.find((x) => x.name === name)!;
      const r = results.get(name)!;
      const before = plan(c, c.rows);
      const { checked, mismatches } = compare(before, r.original);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(200);
      if (c.options.mode === "snapshot") {
        // A snapshot does not follow its source.
        expect(compare(before, r.changed).mismatches).toEqual([]);
        return;
      }
      const after = plan(c, changedRows(c));
      const formulas = (p: Plan): string[] =>
        [...planCells(p)].flatMap(({ cell }) => (cell.kind === "formula" ? [cell.formula] : []));
      expect(formulas(after)).toEqual(formulas(before));
      expect(compare(after, r.changed).mismatches).toEqual([]);
    });

    it("the command line's four quarters: the latest scorecard equals the core, before and after Q4's input changes", () => {
      const r = results.get("command line")!;
      const q4 = CLI.tables[CLI.periods.indexOf("2026 Q4")]!;
      const before = cliPlan(q4);
      expect(before.comparison?.hasPrevious).toBe(true);
      const { checked, mismatches } = compare(before, r.original);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(300);
      const changedQ4 = q4.map((row) => [...row]);
      changedQ4[CLI.change.row]![CLI.change.column] = CLI.change.value;
      expect(compare(cliPlan(changedQ4), r.changed).mismatches).toEqual([]);
      // The history sheet holds values: LibreOffice shows them as written.
      const h = r.original.get("CRM Scorecard History")!;
      expect(["L1", "L2", "L3", "L4", "L5"].map((a) => cellText(h, a))).toEqual([
        "Period",
        "2026 Q1",
        "2026 Q2",
        "2026 Q3",
        "2026 Q4",
      ]);
      expect(Number(cellText(h, "M5"))).toBeCloseTo(before.expected.overall, 9);
    });

    it("the comparison columns are really there (and absent on the scorecard of before)", () => {
      const en = results.get("English headers, Previous and Benchmark, live")!.original.get("CRM Scorecard")!;
      expect(["L6", "Q6", "R6", "T6"].map((a) => cellText(en, a))).toEqual([
        "Previous",
        "Trend",
        "Benchmark",
        "Vs benchmark",
      ]);
      expect(cellText(en, "D2")).toBe("2026 Q4");
      const zh = results.get("Chinese headers 上期值 and 标杆值, live")!.original.get("CRM 计分卡")!;
      expect(["L6", "T6", "C2", "D2"].map((a) => cellText(zh, a))).toEqual(["上期值", "对标", "期间", "2026年第4季度"]);
      const before = results.get("neither (the scorecard of before)")!.original.get("CRM Scorecard")!;
      expect(cellText(before, "L6")).toBe("");
      expect(cellText(before, "M6")).toBe("Input weight");
      const history = results.get("previous values from the history")!.original.get("CRM Scorecard")!;
      expect([cellText(history, "C3"), cellText(history, "D3")]).toEqual(["Compared with", "2026 Q3"]);
    });
  },
);
