/**
 * The scorecard sheet, written by the command line from the shared plan, recalculated by LibreOffice,
 * shows exactly the core's numbers (to 1e-9) — and still does after an input value is changed in the
 * file and the workbook recalculated again, which proves the formulas are live.
 *
 * Inputs: the English and Chinese samples (four perspectives, lower-is-better rows, thresholds), the
 * English sample as a snapshot, a table without weight or perspective columns, and 500 generated KPIs
 * (.xlsx, not at A1, on a second sheet, cap 150 %, ties, zero weights, formula-like names). All files are
 * recalculated in one LibreOffice run.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, plainValue } from "../../src/cli/crm-scorecard";
import { parseRange } from "../../src/core/address";
import { buildScorecardPlan, Plan, planCells, ScorecardOptions } from "../../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../../src/core/scorecard/table";
import { mulberry32 } from "../../src/core/btyd/simulate";
import { cellText, csvCellValue, recalculateFiles, RecalculatedSheets } from "../support/recalc";
import { systemToolsAvailable } from "../support/systemTools";

const FIXTURES = path.join(__dirname, "..", "fixtures", "scorecard");
const AS_OF = "2025-03-31";

/** 500 KPIs: six perspectives, both directions, with and without thresholds, ties, zero weights. */
function bigTable(): unknown[][] {
  const rnd = mulberry32(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const round = (x: number, d: number): number => Number(x.toFixed(d));
  const perspectives = ["Financial", "Customer", "Internal process", "Learning & growth", "客户", "+Growth"];
  const rows: unknown[][] = [["KPI", "Dimension", "Actual", "Target", "Weight (%)", "Direction", "Threshold"]];
  for (let i = 0; i < 500; i++) {
    const perspective = perspectives[i % perspectives.length]!;
    const direction = pick(["higher", "lower", "越高越好", "越低越好"]);
    const lower = direction === "lower" || direction === "越低越好";
    const target = round(1 + rnd() * 99, 2);
    let threshold: number | null = null;
    if (rnd() < 0.6) threshold = lower ? round(target * (1.2 + rnd()), 2) : round(target * rnd() * 0.8, 2);
    let actual = round(target * (0.3 + rnd() * 1.2), 3);
    if (i % 97 === 5 && lower && threshold === null) actual = 0; // scores the cap
    const weight = i % 13 === 0 ? 0 : Math.floor(rnd() * 10) + 1;
    const name = i === 7 ? '=HYPERLINK("x")' : i === 8 ? "@risk" : `KPI ${i + 1}`;
    rows.push([name, perspective, actual, target, weight, direction, threshold]);
  }
  // Exact ties: a KPI repeated, so strengths and weaknesses must break ties by table order.
  rows[21] = [...rows[20]!];
  rows[21][0] = "KPI 21 twin";
  return rows;
}

interface Case {
  name: string;
  input: string;
  args: string[];
  /** The table's sheet and range in the output workbook. */
  sheet: string;
  range?: string;
  options: ScorecardOptions;
  /** A change of one input value (sheet cell → value), applied to the written file before recalculating again. */
  change: { cell: string; value: number };
}

let dir = "";
const cases: Case[] = [];
/** For each case: the output file and the output with an input changed. */
const results = new Map<
  string,
  { original: RecalculatedSheets; changed: RecalculatedSheets; out: string; changedFile: string }
>();

/** The core's plan for the table in `file` (the output workbook), as the CLI built it. */
async function corePlan(file: string, c: Case): Promise<Plan> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(c.sheet)!;
  const r = parseRange(c.range ?? ws.dimensions.range);
  const values: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(plainValue(ws.getCell(row + 1, col + 1).value));
    values.push(line);
  }
  const reading = readScorecardTable(sourceRange(c.sheet, `${String.fromCharCode(65 + r.left)}${r.top + 1}`, values));
  if (reading.table === null) throw new Error(reading.problems.map((p) => p.message).join("\n"));
  const inputSheets = wb.worksheets.map((w) => w.name).filter((n) => !n.startsWith("CRM "));
  return buildScorecardPlan(reading.table, { asOf: AS_OF, existingSheetNames: inputSheets, ...c.options });
}

/** Every cell of the plan against LibreOffice's value: numbers to 1e-9 (relative above 1), texts exactly. */
function compare(plan: Plan, sheets: RecalculatedSheets): { checked: number; mismatches: string[] } {
  const sheet = sheets.get(plan.sheetName);
  if (sheet === undefined)
    return { checked: 0, mismatches: [`no sheet "${plan.sheetName}" in ${[...sheets.keys()].join(", ")}`] };
  const mismatches: string[] = [];
  let checked = 0;
  for (const { address, cell } of planCells(plan)) {
    if (address === "B2") continue; // the as-of date, shown by LibreOffice as 2025-03-31
    const text = cellText(sheet, address);
    const expected = cell.kind === "formula" ? cell.expected : cell.value;
    checked++;
    if (typeof expected === "number") {
      const got = csvCellValue(text);
      if (typeof got !== "number" || Math.abs(got - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
        mismatches.push(`${address}: LibreOffice ${text}, core ${expected}`);
      }
    } else if (text !== expected) mismatches.push(`${address}: LibreOffice "${text}", core "${expected}"`);
  }
  return { checked, mismatches };
}

const quiet = { stdout: () => undefined, stderr: (l: string) => console.error(l) };

describe.skipIf(!systemToolsAvailable("soffice"))("scorecards recalculated by LibreOffice equal the core", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "crm-scorecard-recalc-"));
    const en = path.join(dir, "kpis-en.csv");
    const zh = path.join(dir, "kpis-zh.csv");
    copyFileSync(path.join(FIXTURES, "kpis-en.csv"), en);
    copyFileSync(path.join(FIXTURES, "kpis-zh.csv"), zh);
    const plain = path.join(dir, "plain.csv");
    writeFileSync(plain, "Metric,Actual,Target\nCalls,120,100\nVisits,30,40\nDeals,0,5\n");
    const big = path.join(dir, "big.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "The KPI table is on the next sheet.";
    const ws = wb.addWorksheet("KPI data");
    bigTable().forEach((row, r) =>
      row.forEach((v, c) => v !== null && (ws.getCell(r + 3, c + 2).value = v as ExcelJS.CellValue)),
    );
    await wb.xlsx.writeFile(big);

    cases.push(
      {
        name: "English sample, live",
        input: en,
        args: [],
        sheet: "kpis-en",
        options: {},
        change: { cell: "C2", value: 0.125 },
      },
      {
        name: "Chinese sample, live",
        input: zh,
        args: [],
        sheet: "kpis-zh",
        options: {},
        change: { cell: "E16", value: 0 },
      },
      {
        name: "English sample as a Chinese snapshot",
        input: en,
        args: ["--snapshot", "--lang", "zh", "--out", path.join(dir, "snapshot.xlsx")],
        sheet: "kpis-en",
        options: { mode: "snapshot", language: "zh" },
        change: { cell: "C2", value: 0.125 },
      },
      {
        name: "no weight or perspective column",
        input: plain,
        args: [],
        sheet: "plain",
        options: {},
        change: { cell: "B3", value: 45 },
      },
      {
        name: "500 KPIs, cap 150%",
        input: big,
        args: ["--sheet", "KPI data", "--range", "B3:H503", "--cap", "1.5"],
        sheet: "KPI data",
        range: "B3:H503",
        options: { cap: 1.5 },
        change: { cell: "D10", value: 1000 },
      },
    );

    const files: string[] = [];
    for (const c of cases) {
      const out = c.args.includes("--out")
        ? c.args[c.args.indexOf("--out") + 1]!
        : c.input.replace(/\.(csv|xlsx)$/, "-scorecard.xlsx");
      const code = await main([c.input, ...c.args, "--as-of", AS_OF], quiet);
      if (code !== 0) throw new Error(`crm-scorecard failed on ${c.name}`);
      // The same file with one input value changed: formulas untouched, no cached values.
      const changed = new ExcelJS.Workbook();
      await changed.xlsx.readFile(out);
      changed.getWorksheet(c.sheet)!.getCell(c.change.cell).value = c.change.value;
      // Another sheet reads the scorecard through its workbook names.
      const user = changed.addWorksheet("Uses names");
      user.getCell("A1").value = { formula: "CRM_Scorecard_Score" };
      user.getCell("A2").value = { formula: "CRM_Scorecard_Rating" };
      const changedFile = out.replace(/\.xlsx$/, "-changed.xlsx");
      await changed.xlsx.writeFile(changedFile);
      files.push(out, changedFile);
    }
    const sheets = await recalculateFiles(files);
    cases.forEach((c, i) => {
      results.set(c.name, {
        out: files[2 * i]!,
        changedFile: files[2 * i + 1]!,
        original: sheets[2 * i]!,
        changed: sheets[2 * i + 1]!,
      });
    });
  }, 120_000);

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  for (const name of [
    "English sample, live",
    "Chinese sample, live",
    "English sample as a Chinese snapshot",
    "no weight or perspective column",
    "500 KPIs, cap 150%",
  ]) {
    it(`${name}: every cell as LibreOffice computes it equals the core's value`, async () => {
      const c = cases.find((x) => x.name === name)!;
      const r = results.get(name)!;
      const plan = await corePlan(r.out, c);
      const { checked, mismatches } = compare(plan, r.original);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });

    it(`${name}: after an input value is changed and recalculated, it still equals the core`, async () => {
      const c = cases.find((x) => x.name === name)!;
      const r = results.get(name)!;
      const before = await corePlan(r.out, c);
      const after = await corePlan(r.changedFile, c);
      if (c.options.mode === "snapshot") {
        // A snapshot does not follow its source: the old numbers stay.
        expect(compare(before, r.changed).mismatches).toEqual([]);
        return;
      }
      // Same structure (the same formulas), new numbers…
      const formulas = (p: Plan): string[] =>
        [...planCells(p)].flatMap(({ cell }) => (cell.kind === "formula" ? [cell.formula] : []));
      expect(formulas(after)).toEqual(formulas(before));
      expect(after.expected.overall).not.toBeCloseTo(before.expected.overall, 6);
      // …and LibreOffice's recalculated values follow the changed input.
      expect(compare(after, r.changed).mismatches).toEqual([]);
    });
  }

  it("other sheets read the overall score and rating through the workbook names", async () => {
    for (const c of cases) {
      const r = results.get(c.name)!;
      const after = await corePlan(c.options.mode === "snapshot" ? r.out : r.changedFile, c);
      const sheet = r.changed.get("Uses names")!;
      expect(Number(cellText(sheet, "A1"))).toBeCloseTo(after.expected.overall, 9);
      expect(cellText(sheet, "A2")).toBe(after.settings.options.ratingBands[after.expected.rating]!.label);
    }
  });

  it("the English sample's overall score is 91.0133333333 (worked by hand in the core tests), rating A", () => {
    const sheet = results.get("English sample, live")!.original.get("CRM Scorecard")!;
    expect(cellText(sheet, "A4")).toBe("Overall score");
    expect(Number(cellText(sheet, "B4"))).toBeCloseTo(91.0133333333, 9);
    expect(cellText(sheet, "D4")).toBe("A Excellent");
  });

  it("formula-like KPI names come back from LibreOffice as text", () => {
    const sheet = results.get("500 KPIs, cap 150%")!.original.get("CRM Scorecard")!;
    expect(cellText(sheet, "B14")).toBe('=HYPERLINK("x")');
    expect(cellText(sheet, "B15")).toBe("@risk");
    expect(cellText(sheet, "A12")).toBe("+Growth");
  });
});
