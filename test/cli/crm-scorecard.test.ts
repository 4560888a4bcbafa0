import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseCsv } from "../../src/cli/crm-scorecard";
import { readXlsx as load, runInProcess, type CliRun } from "../support/cli";

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

const run = (...args: string[]): Promise<CliRun> => runInProcess(main, args);

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
    const zh = await run(path.join(dir, "first.xlsx"), "--sheet", "Nope", "--lang", "zh");
    expect(zh.err[0]).toBe(`${path.join(dir, "first.xlsx")}：没有名为“Nope”的工作表（工作表：“Cover”、“Data”）`);
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

  it("with --lang zh, usage problems, the usage text and core errors are told in Chinese", async () => {
    const r = await run("a.csv", "--lang", "zh", "--cap", "lots");
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe("crm-scorecard：--cap 必须是数值（例如 1.2），而不是“lots”");
    expect(r.err.at(-1)).toMatch(/^用法：crm-scorecard <输入\.xlsx\|输入\.csv>/);
    const help = await run("--help", "--lang=zh");
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^用法：crm-scorecard/);
    const range = await run("a.csv", "--range", "A1:ZZZZ9", "--lang", "zh");
    expect(range.err[0]).toBe('crm-scorecard：--range："ZZZZ9" 不是 A1 这样的单元格地址');
    const cap = await run(
      path.join(dir, "kpis-en.csv"),
      "--cap",
      "0.8",
      "--lang",
      "zh",
      "--out",
      path.join(dir, "c.xlsx"),
    );
    expect(cap).toMatchObject({ code: 1, err: ["达成率上限必须在 1（100%）到 100 之间，而不是 0.8"] });
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

describe("CSV files as spreadsheet programs save them (encodings, separators, decimal commas)", () => {
  // Fixtures made from the Chinese sample by test/fixtures/csv/make.py (Python's codecs).
  const CSV_FIXTURES = path.join(ROOT, "test", "fixtures", "csv");

  it.each([
    ["kpis-zh.gb18030.csv", "已按 GB18030 编码、以逗号分隔读取"],
    ["kpis-zh.utf16le.tab.csv", "已按 UTF-16LE 编码、以制表符分隔读取"],
    ["kpis-zh.utf16be.csv", "已按 UTF-16BE 编码、以逗号分隔读取"],
    ["kpis-zh.semicolon.csv", "已按 UTF-8 编码、以分号分隔读取"],
    ["kpis-zh.gb18030.semicolon.csv", "已按 GB18030 编码、以分号分隔读取"],
  ])("%s builds the same scorecard as the UTF-8 sample and says how it was read", async (name, said) => {
    const input = path.join(dir, name);
    copyFileSync(path.join(CSV_FIXTURES, name), input);
    const out = path.join(dir, `${name}.xlsx`);
    const r = await run(input, "--out", out, "--as-of", "2025-03-31");
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`${said} ${input}` + (name.includes("semicolon") ? "，小数点为逗号（0,82 = 0.82）" : ""));
    // The "Wrote" line and the chart note speak the headers' language too (English only before the catalogue).
    expect(r.out[1]).toMatch(
      /^已写入 .*：工作表“CRM 计分卡”，数据来自 .*，共 19 个 KPI，综合得分 91\.0（A 优秀），模式：链接源数据$/,
    );
    expect(r.out[2]).toMatch(/^注意：图表“.+”（.+）未绘制：exceljs 无法写入图表；请在 Excel 中用任务窗格绘制$/);
    const wb = await load(out);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell("A2").value).toBe("营业收入增长率");
    expect(sheet.getCell("C2").value).toBe(0.1); // "0,10" in the semicolon files
    expect(sheet.getCell("D2").value).toBe(0.12);
  });

  it("says it in English with --lang en; a UTF-8 comma file says nothing about how it was read", async () => {
    const input = path.join(dir, "semi-en.csv");
    copyFileSync(path.join(CSV_FIXTURES, "kpis-zh.semicolon.csv"), input);
    const r = await run(input, "--lang", "en", "--out", path.join(dir, "semi-en.xlsx"));
    expect(r.out[0]).toBe(`Read ${input} as UTF-8, separated by semicolons, with decimal commas (0,82 = 0.82)`);
    const plain = await run(path.join(dir, "kpis-en.csv"), "--out", path.join(dir, "plain-en.xlsx"));
    expect(plain.out[0]).toMatch(/^Wrote /);
  });

  it("a file in none of the encodings is refused with a plain message, nothing written", async () => {
    const input = path.join(dir, "latin1.csv");
    writeFileSync(input, Buffer.from([...Buffer.from("Metric,Actual,Target\nCaf"), 0xe9, ...Buffer.from(",1,2\n")]));
    const r = await run(input, "--out", path.join(dir, "latin1.xlsx"));
    expect(r).toMatchObject({ code: 1, err: [expect.stringMatching(/neither UTF-8, UTF-16 nor GB18030/)] });
    expect(existsSync(path.join(dir, "latin1.xlsx"))).toBe(false);
  });
});

describe("odd input ends in a plain message and exit 1 (no stack trace)", () => {
  it("--range A1:G1048576 (whole columns) reads only the used part, in about the time of A1:G20", async () => {
    const t0 = performance.now();
    const r = await run(path.join(dir, "kpis-en.csv"), "--range", "A1:G1048576", "--out", path.join(dir, "col.xlsx"));
    const ms = performance.now() - t0;
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/from 'kpis-en'!A1:G20, 19 KPIs/);
    expect(ms).toBeLessThan(10_000); // was over 10 minutes and 2.2 GB
    // The same from an .xlsx sheet whose table starts at B3.
    const x = await run(
      path.join(dir, "first.xlsx"),
      "--sheet",
      "Data",
      "--range",
      "B3:H1048576",
      "--out",
      path.join(dir, "col2.xlsx"),
    );
    expect(x.code).toBe(0);
    expect(x.out[0]).toMatch(/from Data!B3:H22, 19 KPIs/);
  });

  it("a range with no values in it says so", async () => {
    const r = await run(path.join(dir, "kpis-en.csv"), "--range", "A100:G200", "--out", path.join(dir, "none.xlsx"));
    expect(r).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/the range A100:G200 on sheet "kpis-en" holds no values$/)],
    });
  });

  it('--sheet "a/b:c*" cannot name a sheet: for a .csv and for an .xlsx, in English and Chinese', async () => {
    const csv = await run(path.join(dir, "kpis-en.csv"), "--sheet", "a/b:c*", "--out", path.join(dir, "s.xlsx"));
    expect(csv).toMatchObject({
      code: 1,
      err: ['--sheet "a/b:c*" cannot name a sheet: a sheet name cannot contain : \\ / ? * [ ]'],
    });
    const zh = await run(path.join(dir, "kpis-en.csv"), "--sheet", "a/b:c*", "--lang", "zh");
    expect(zh.err).toEqual(["--sheet “a/b:c*”不能用作工作表名称：工作表名称不能包含 : \\ / ? * [ ]"]);
    const xlsx = await run(path.join(dir, "first.xlsx"), "--sheet", "a/b:c*", "--out", path.join(dir, "s.xlsx"));
    expect(xlsx.code).toBe(1);
    expect(xlsx.err).toEqual([
      `${path.join(dir, "first.xlsx")}: no sheet named "a/b:c*" (sheets: "Cover", "Data"); a sheet name cannot contain : \\ / ? * [ ]`,
    ]);
    expect(existsSync(path.join(dir, "s.xlsx"))).toBe(false);
  });

  it("an input that is a folder", async () => {
    const folder = path.join(dir, "folder.csv");
    mkdirSync(folder, { recursive: true });
    const r = await run(folder, "--out", path.join(dir, "folder.xlsx"));
    expect(r).toMatchObject({
      code: 1,
      err: [`${folder} is a folder, not a file: give the .csv or .xlsx file itself`],
    });
    const zh = await run(folder, "--lang", "zh", "--out", path.join(dir, "folder.xlsx"));
    expect(zh.err).toEqual([`${folder} 是文件夹，不是文件：请给出 .csv 或 .xlsx 文件本身`]);
  });

  it("a CSV wider than 16,384 columns (Excel's last column is XFD)", async () => {
    const input = path.join(dir, "wide.csv");
    const header = Array.from({ length: 16_385 }, (_, i) => `c${i + 1}`).join(",");
    writeFileSync(input, `Metric,Actual,Target\n${header}\n`);
    const r = await run(input, "--out", path.join(dir, "wide.xlsx"));
    expect(r).toMatchObject({
      code: 1,
      err: [`${input}: row 2 has 16,385 columns, more than a sheet holds (16,384, up to column XFD)`],
    });
    // 16,384 columns fit (the table is then read and its problems reported as usual).
    writeFileSync(input, `Metric,Actual,Target\n${header.slice(0, header.lastIndexOf(","))}\n`);
    expect((await run(input, "--out", path.join(dir, "wide.xlsx"))).err[0]).not.toMatch(/more than a sheet holds/);
  });
});
