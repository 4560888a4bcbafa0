/**
 * `crm-analyze` in-process: it writes the analysis workbook from a .csv or .xlsx log (values per customer,
 * native formulas for the summaries, `_xlfn.` prefixes in the stored XML), refuses to overwrite without
 * --force, and on bad input prints each problem with its cell and writes no file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/crm-analyze";
import { zipEntryText } from "../support/zip";
import { runInProcess, type CliRun } from "../support/cli";

let dir = "";
const LOG = [
  "customer,date,amount,category",
  "A,2025-01-01,10,Books",
  "A,2025-01-08,20,Music",
  "B,2025-01-03,5,Books",
  "A,2025-01-08,30,books",
  "C,2025-02-01,7.5,",
  "B,2025-02-10,-5,Books",
].join("\n");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "crm-analyze-cli-"));
  writeFileSync(path.join(dir, "log.csv"), LOG);
  writeFileSync(path.join(dir, "bad.csv"), "customer,date,amount\nA,2025-01-01,10\nB,01.02.2025,x\n");
  writeFileSync(path.join(dir, "zh.csv"), "客户,日期,金额\nA,2025-01-01,10\nA,2025-01-05,4\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]): Promise<CliRun> => runInProcess(main, args);

describe("crm-analyze", () => {
  it("writes the sheet beside the log: 3 customers, the as-of date, what needs a model left out and said", async () => {
    const r = await run(path.join(dir, "log.csv"));
    expect(r.code).toBe(0);
    const out = path.join(dir, "log-analysis.xlsx");
    expect(r.out[0]).toBe(`Wrote ${out}: sheet "Customer analysis", 3 customers from 6 transactions as of 2025-02-10`);
    expect(r.out[1]).toBe("no purchase model could be fitted: the file shows what needs none");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Customer analysis"]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("Customer analysis");
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2025, 1, 10))); // serial 45698, a date format
    expect((ws.getCell("B7").value as ExcelJS.CellFormulaValue).formula).toMatch(/^COUNTA\(\$A\$\d+:\$A\$\d+\)$/);
  });

  it("stores PERCENTILE.INC with its _xlfn. prefix in the worksheet XML, never bare", () => {
    const xml = zipEntryText(path.join(dir, "log-analysis.xlsx"), "xl/worksheets/sheet1.xml");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!);
    expect(formulas.filter((f) => f.includes("PERCENTILE.INC")).length).toBe(12); // 4 breaks × R, F, M
    expect(formulas.filter((f) => /(^|[^.])PERCENTILE\.INC/.test(f.replace(/_xlfn\.PERCENTILE\.INC/g, "")))).toEqual(
      [],
    );
    expect(xml).not.toMatch(/<\/f><v>/); // formulas carry no cached values: LibreOffice and Excel calculate
  });

  it("refuses to overwrite without --force, and leaves the file as it was", async () => {
    const out = path.join(dir, "log-analysis.xlsx");
    const before = statSync(out).mtimeMs;
    const r = await run(path.join(dir, "log.csv"));
    expect([r.code, r.err]).toEqual([1, [`${out} already exists; use --force to overwrite it`]]);
    expect(statSync(out).mtimeMs).toBe(before);
    expect((await run(path.join(dir, "log.csv"), "--force")).code).toBe(0);
  });

  it("bad input: every problem with its cell, exit 1, no file", async () => {
    const r = await run(path.join(dir, "bad.csv"));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'B3 (date) is the text "01.02.2025", not a date: write dates as YYYY-MM-DD or as spreadsheet dates (in Excel, DATEVALUE converts text to dates)',
      'C3 (amount) is the text "x"; amounts must be numbers (in Excel, VALUE converts text to numbers)',
    ]);
    expect(existsSync(path.join(dir, "bad-analysis.xlsx"))).toBe(false);
  });

  it("Chinese headers give a Chinese sheet and messages; --lang en overrides", async () => {
    const r = await run(path.join(dir, "zh.csv"));
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^已写入 .*zh-analysis\.xlsx：工作表“客户分析”，截至 2025-01-05 共 2 笔交易、1 位客户$/);
    const en = await run(path.join(dir, "zh.csv"), "--lang", "en", "--out", path.join(dir, "zh-en.xlsx"));
    expect(en.out[0]).toMatch(/sheet "Customer analysis"/);
  });

  it("--as-of leaves later transactions out; usage errors exit 2", async () => {
    const r = await run(path.join(dir, "log.csv"), "--as-of", "2025-01-31", "--out", path.join(dir, "jan.xlsx"));
    expect(r.out[0]).toMatch(/2 customers from 6 transactions as of 2025-01-31$/);
    expect((await run(path.join(dir, "log.csv"), "--as-of", "yesterday")).code).toBe(2);
    expect((await run(path.join(dir, "log.txt"))).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  it("reads an .xlsx log too (dates as dates)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(["Customer", "Date", "Amount"]);
    ws.addRow(["A", new Date(Date.UTC(2025, 0, 1)), 10]);
    ws.addRow(["A", new Date(Date.UTC(2025, 0, 9)), 12]);
    const file = path.join(dir, "orders.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run(file);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/1 customers from 2 transactions as of 2025-01-09$/);
    expect(readFileSync(path.join(dir, "orders-analysis.xlsx")).length).toBeGreaterThan(1000);
  });
});
