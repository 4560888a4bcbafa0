import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseCsv } from "../../src/cli/crm-scorecard";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "scorecard");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "crm-scorecard-cli-"));
  copyFileSync(path.join(FIXTURES, "kpis-en.csv"), path.join(dir, "kpis-en.csv"));
  copyFileSync(path.join(FIXTURES, "kpis-zh.csv"), path.join(dir, "kpis-zh.csv"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("crm-scorecard writes a workbook", () => {
  it("holds the input table and the scorecard sheet, with live formulas and no cached values", async () => {
    const out = path.join(dir, "en.xlsx");
    const r = await run(path.join(dir, "kpis-en.csv"), "--out", out, "--as-of", "2025-03-31");
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^Wrote .*en\.xlsx: sheet "CRM Scorecard" from 'kpis-en'!A1:G20, 19 KPIs, overall score 91\.0 \(A Excellent\), live mode$/,
    );
    expect(r.out[1]).toMatch(/cannot write charts/);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["kpis-en", "CRM Scorecard"]);
    const input = wb.getWorksheet("kpis-en")!;
    expect(input.getCell("A1").value).toBe("Metric");
    expect(input.getCell("C2").value).toBe(0.1);
    const sc = wb.getWorksheet("CRM Scorecard")!;
    expect(sc.getCell("A4").value).toBe("Overall score");
    expect(sc.getCell("B4").value).toEqual({ formula: "SUM($J$7:$J$25)" });
    expect(sc.getCell("D7").value).toEqual({ formula: "'kpis-en'!C2" });
    expect(sc.getCell("G7").numFmt).toBe("0.0%");
    expect(sc.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(wb.definedNames.model.map((d) => d.name)).toEqual([
      "CRM_Scorecard_Score",
      "CRM_Scorecard_Rating",
      "CRM_Scorecard_Settings",
    ]);
  });

  it("--snapshot copies values; --lang zh writes the Chinese sheet", async () => {
    const out = path.join(dir, "snap.xlsx");
    const r = await run(
      path.join(dir, "kpis-en.csv"),
      "--out",
      out,
      "--snapshot",
      "--lang",
      "zh",
      "--as-of",
      "2025-03-31",
    );
    expect(r.code).toBe(0);
    const sc = (await load(out)).getWorksheet("CRM 计分卡")!;
    expect(sc.getCell("A4").value).toBe("综合得分");
    expect(sc.getCell("D7").value).toBe(0.1);
  });

  it("the Chinese sample defaults to a Chinese sheet; the default output lies beside the input", async () => {
    const r = await run(path.join(dir, "kpis-zh.csv"), "--as-of", "2025-03-31");
    expect(r.code).toBe(0);
    const wb = await load(path.join(dir, "kpis-zh-scorecard.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["kpis-zh", "CRM 计分卡"]);
  });

  it("reads an .xlsx sheet and range, and adds a second scorecard beside an existing one", async () => {
    const first = path.join(dir, "first.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Cover").getCell("A1").value = "cover";
    const data = wb.addWorksheet("Data");
    const rows = parseCsv(readFileSync(path.join(FIXTURES, "kpis-en.csv"), "utf8"));
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (data.getCell(r + 3, c + 2).value = v)));
    await wb.xlsx.writeFile(first);
    expect(
      (await run(first, "--sheet", "Data", "--range", "B3:H22", "--out", path.join(dir, "second.xlsx"))).code,
    ).toBe(0);
    const again = await run(
      path.join(dir, "second.xlsx"),
      "--sheet",
      "Data",
      "--range",
      "B3:H22",
      "--out",
      path.join(dir, "third.xlsx"),
    );
    expect(again.code).toBe(0);
    const third = await load(path.join(dir, "third.xlsx"));
    expect(third.worksheets.map((w) => w.name)).toEqual(["Cover", "Data", "CRM Scorecard", "CRM Scorecard (2)"]);
    expect(third.getWorksheet("CRM Scorecard (2)")!.getCell("D7").value).toEqual({ formula: "'Data'!D4" });
    expect(third.definedNames.model.map((d) => d.name)).toContain("CRM_Scorecard_2_Score");
  });

  it('a KPI named =HYPERLINK("x") is written as a text cell', async () => {
    const csv = path.join(dir, "inject.csv");
    writeFileSync(csv, 'Metric,Actual,Target\n"=HYPERLINK(""x"")",1,2\n+Growth,3,4\n');
    const out = path.join(dir, "inject.xlsx");
    expect((await run(csv, "--out", out)).code).toBe(0);
    const wb = await load(out);
    expect(wb.getWorksheet("inject")!.getCell("A2").value).toBe('=HYPERLINK("x")');
    expect(wb.getWorksheet("CRM Scorecard")!.getCell("B7").value).toBe('=HYPERLINK("x")');
    expect(wb.getWorksheet("CRM Scorecard")!.getCell("B8").value).toBe("+Growth");
  });
});

describe("crm-scorecard refuses bad input", () => {
  it("exit 1 with every problem's cell address, and no file written", async () => {
    const csv = path.join(dir, "bad.csv");
    writeFileSync(
      csv,
      [
        "Metric,Perspective,Actual,Target,Weight",
        "a,X,1,2,1",
        "b,X,1,2,1",
        "c,X,1,2,1",
        "d,X,1,2,1",
        "e,X,1,2,1",
        "f,X,1,n/a,1",
        "g,X,,2,1",
      ].join("\n"),
    );
    const r = await run(csv, "--out", path.join(dir, "bad.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['bad!D7: Target is text "n/a"', "bad!C8: Actual is blank"]);
    expect(existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
  });

  it("weights are all zero → exit 1", async () => {
    const csv = path.join(dir, "zero.csv");
    writeFileSync(csv, "Metric,Actual,Target,Weight\na,1,2,0\nb,1,2,0\n");
    const r = await run(csv, "--out", path.join(dir, "zero.xlsx"));
    expect(r).toMatchObject({ code: 1, err: ["zero!D2:D3: weights are all zero"] });
  });

  it("an existing output file is not overwritten without --force", async () => {
    const out = path.join(dir, "exists.xlsx");
    writeFileSync(out, "precious");
    const r = await run(path.join(dir, "kpis-en.csv"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${out} already exists; use --force to overwrite it`]);
    expect(readFileSync(out, "utf8")).toBe("precious");
    const forced = await run(path.join(dir, "kpis-en.csv"), "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it("a missing file, an unknown sheet → exit 1", async () => {
    expect((await run(path.join(dir, "nope.csv"))).code).toBe(1);
    const r = await run(path.join(dir, "first.xlsx"), "--sheet", "Nope", "--out", path.join(dir, "x.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/no sheet named "Nope" \(sheets: "Cover", "Data"\)/);
  });

  it("usage errors → exit 2 with the usage text", async () => {
    for (const args of [
      [],
      ["a.txt"],
      ["a.csv", "--lang", "fr"],
      ["a.csv", "--cap", "lots"],
      ["a.csv", "--bogus"],
      ["a.csv", "--range", "A1:ZZZZ9"],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.err.at(-1)).toMatch(/^usage: crm-scorecard/);
    }
    expect((await run("--help")).code).toBe(0);
  });

  it("a cap below 100% is refused with exit 1", async () => {
    const r = await run(path.join(dir, "kpis-en.csv"), "--cap", "0.8", "--out", path.join(dir, "cap.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/cap must be between 1/);
  });
});

describe("CSV reading", () => {
  it("converts numbers, grouped numbers and percentages as a spreadsheet does, quoted or not", () => {
    expect(parseCsv('\uFEFFa,b,c,d,e\r\n1.5,"1,200",85%,"=SUM(1)",""\n-3e2,,"say ""hi""",x,007\n')).toEqual([
      ["a", "b", "c", "d", "e"],
      [1.5, 1200, 0.85, "=SUM(1)", null],
      [-300, null, 'say "hi"', "x", 7],
    ]);
    expect(parseCsv('Metric,Weight\nA,"12"\nB,1,200\n')).toEqual([
      ["Metric", "Weight"],
      ["A", 12],
      ["B", 1, 200],
    ]);
  });
});
