/**
 * `crm-scorecard Q1.csv … Q4.csv --periods "2026 Q1,…"`: the latest period's scorecard with a history of
 * all the periods, KPIs matched by perspective and metric, a KPI missing in a period a gap; `--period` for
 * one input. Expected numbers are worked by hand on a two-KPI table (target 100 and 50, equal weights).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/crm-scorecard";
import { readXlsx as load, runInProcess, type CliRun } from "../support/cli";

let dir = "";

/** A period's table: A (Financial, target 100) and, unless left out, B (Customer, target 50). */
function quarter(name: string, a: number, b: number | null): string {
  const file = path.join(dir, `${name}.csv`);
  const lines = ["Metric,Perspective,Actual,Target", `A,Financial,${a},100`];
  if (b !== null) lines.push(`B,Customer,${b},50`);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const run = (...args: string[]): Promise<CliRun> => runInProcess(main, args);

function value(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value;
  return v !== null && typeof v === "object" && "formula" in v ? { formula: v.formula } : v;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "crm-scorecard-periods-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("several periods, one file each", () => {
  it("writes the latest period's scorecard, compared with the period before, and the history of all", async () => {
    // Q1: A 70, B 40 (→ 80). Q2: A 80, B missing. Q3: A 85, B 45 (→ 90). Q4: A 90, B 60 (→ 120).
    const files = [quarter("q1", 70, 40), quarter("q3", 85, 45), quarter("q2", 80, null), quarter("q4", 90, 60)];
    const out = path.join(dir, "year.xlsx");
    const r = await run(
      ...files,
      "--periods",
      "2026 Q1, 2026 Q3, 2026 Q2, 2026 Q4",
      "--as-of",
      "2026-11-15",
      "--out",
      out,
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // Overall Q4: (90 + 120)/2 = 105; previous (Q3's actuals against Q4's targets): (85 + 90)/2 = 87.5.
    expect(r.out.slice(0, 3)).toEqual([
      `Wrote ${out}: sheet "CRM Scorecard" from 'q4'!A1:D3, 2 KPIs, overall score 105.0 (A Excellent), live mode`,
      'History of 4 periods (2026 Q1, 2026 Q2, 2026 Q3, 2026 Q4) on sheet "CRM Scorecard History"',
      "Compared with 2026 Q3: overall score 87.5 → 105.0 (+17.5 points)",
    ]);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["q4", "CRM Scorecard", "CRM Scorecard History"]);
    const sc = wb.getWorksheet("CRM Scorecard")!;
    expect(["C2", "D2", "C3", "D3"].map((a) => value(sc, a))).toEqual([
      "Period",
      "2026 Q4",
      "Compared with",
      "2026 Q3",
    ]);
    expect([value(sc, "L6"), value(sc, "L7"), value(sc, "L8")]).toEqual(["Previous", 85, 45]);
    // The history: recorded in the order given (Q2 has no B: 4 rows), the summary by time.
    const h = wb.getWorksheet("CRM Scorecard History")!;
    expect(value(h, "A1")).toBe("Period");
    const periods: unknown[] = [];
    for (let r2 = 2; r2 <= 20; r2++) periods.push(h.getCell(`A${r2}`).value);
    expect(periods.filter((p) => p !== null)).toEqual([
      ...Array<string>(5).fill("2026 Q1"),
      ...Array<string>(5).fill("2026 Q3"),
      ...Array<string>(3).fill("2026 Q2"),
      ...Array<string>(5).fill("2026 Q4"),
    ]);
    const summary = [1, 2, 3, 4, 5].map((row) => ["L", "M", "N", "O"].map((c) => value(h, `${c}${row}`)));
    expect(summary).toEqual([
      ["Period", "Overall score", "Financial", "Customer"],
      ["2026 Q1", 75, 70, 80],
      ["2026 Q2", 80, 80, null], // B missing: a gap, and the overall is A's alone
      ["2026 Q3", 87.5, 85, 90],
      ["2026 Q4", 105, 90, 120],
    ]);
    // A past quarter is recorded as of its last day (a date cell: exceljs reads it back as a Date).
    expect(value(h, "J12")).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(h.getCell("J12").numFmt).toBe("yyyy-mm-dd");
    expect(r.out.some((l) => /"Scores by period".*not drawn/.test(l))).toBe(true);
  });

  it("a KPI missing in the previous period has no previous value (a gap, not an error)", async () => {
    const files = [quarter("p2", 80, null), quarter("p3", 90, 60)];
    const out = path.join(dir, "gap.xlsx");
    const r = await run(...files, "--periods", "2026年第2季度,2026年第3季度", "--as-of", "2026-08-15", "--out", out);
    expect(r.code).toBe(0);
    const sc = (await load(out)).getWorksheet("CRM Scorecard")!;
    expect([value(sc, "L7"), value(sc, "L8")]).toEqual([80, null]);
    expect(value(sc, "D2")).toBe("2026年第3季度");
  });

  it("every problem of every input, each after its file's name; nothing written", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "Metric,Actual,Target,Previous\nA,1,2,n/a\n");
    const out = path.join(dir, "bad.xlsx");
    const r = await run(quarter("ok", 80, 40), bad, "--periods", "2026 Q1,2026 Q2", "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${bad}: bad!D2: Previous is text "n/a"`]);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["a.csv", "b.csv"], "name the periods of the 2 input files with --periods"],
    [["a.csv", "b.csv", "--periods", "2026 Q1"], "--periods must name 2 periods"],
    [["a.csv", "b.csv", "--periods", "2026 Q1,2026年第1季度"], "names one period twice"],
    [["a.csv", "b.csv", "--period", "2026 Q1"], "name their periods with --periods"],
    [["a.csv", "--periods", "2026 Q1"], "use --period for one"],
    [["a.csv", "--period", " "], "--period must not be blank"],
  ])("usage error: %j", async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain(message);
  });
});

describe("one input", () => {
  it("--period labels the scorecard and is stored for Refresh", async () => {
    const out = path.join(dir, "one.xlsx");
    const r = await run(quarter("one", 80, 40), "--period", "FY2026 H2", "--out", out);
    expect(r.code).toBe(0);
    const sc = (await load(out)).getWorksheet("CRM Scorecard")!;
    expect([value(sc, "C2"), value(sc, "D2")]).toEqual(["Period", "FY2026 H2"]);
    expect(value(sc, "L6")).toBeNull(); // no comparison columns
  });

  it("an .xlsx with a history sheet: the scorecard takes its previous values from it", async () => {
    const first = path.join(dir, "first.xlsx");
    expect(
      (await run(quarter("h1", 70, 40), quarter("h2", 80, 45), "--periods", "2026 Q1,2026 Q2", "--out", first)).code,
    ).toBe(0);
    // The next quarter's table typed into the same workbook, then built from it alone.
    const wb = await load(first);
    const ws = wb.getWorksheet("h2")!;
    ws.getCell("C2").value = 90;
    ws.getCell("C3").value = 50;
    const next = path.join(dir, "next.xlsx");
    await wb.xlsx.writeFile(next);
    const out = path.join(dir, "next-scorecard.xlsx");
    const r = await run(next, "--sheet", "h2", "--range", "A1:D3", "--period", "2026 Q3", "--out", out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const sc = (await load(out)).getWorksheet("CRM Scorecard (2)")!;
    expect([value(sc, "D3"), value(sc, "L7"), value(sc, "L8")]).toEqual(["2026 Q2", 80, 45]);
  });
});
