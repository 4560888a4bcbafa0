import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "../../../src/core/csv/encoding";
import { csvValue, detectDecimalMark, detectDialect, detectSeparator, parseCsv } from "../../../src/core/csv/parse";

// Fixtures made by test/fixtures/csv/make.py (Python's codecs and csv module) from the Chinese sample table;
// kpis-zh.expected.json is the original UTF-8 file as Python's csv.reader reads it.
const DIR = path.join(__dirname, "..", "..", "fixtures", "csv");
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, name)));
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, "kpis-zh.expected.json"), "utf8")) as unknown[][];
const SAMPLE = readFileSync(path.join(__dirname, "..", "..", "fixtures", "scorecard", "kpis-zh.csv"));

describe("the encoding of a CSV file: byte-order mark, then UTF-8 validity, then GB18030", () => {
  it.each([
    ["kpis-zh.gb18030.csv", "GB18030", false],
    ["kpis-zh.gb18030.semicolon.csv", "GB18030", false],
    ["kpis-zh.utf16le.tab.csv", "UTF-16LE", true],
    ["kpis-zh.utf16be.csv", "UTF-16BE", true],
    ["kpis-zh.semicolon.csv", "UTF-8", true],
  ])("%s is %s (byte-order mark: %s), its first header 指标", (name, encoding, bom) => {
    const d = decodeCsvBytes(bytes(name))!;
    expect(d).toMatchObject({ encoding, bom });
    expect(d.text.startsWith("指标")).toBe(true);
  });

  it("the UTF-8 sample without a byte-order mark is UTF-8", () => {
    expect(decodeCsvBytes(new Uint8Array(SAMPLE))).toMatchObject({ encoding: "UTF-8", bom: false });
  });

  it("指标 in GB18030 is D6 B8 B1 EA (the GBK code table), and those bytes are not UTF-8", () => {
    expect(decodeCsvBytes(new Uint8Array([0xd6, 0xb8, 0xb1, 0xea]))).toEqual({
      text: "指标",
      encoding: "GB18030",
      bom: false,
    });
  });

  it("UTF-16 without a byte-order mark is told by its zero bytes", () => {
    const le = Buffer.from("Metric,Actual,Target\n收入,1,2\n", "utf16le");
    expect(decodeCsvBytes(new Uint8Array(le))).toMatchObject({ encoding: "UTF-16LE", bom: false });
    const be = Buffer.from(le).swap16();
    expect(decodeCsvBytes(new Uint8Array(be))).toMatchObject({ encoding: "UTF-16BE", text: le.toString("utf16le") });
  });

  it("plain ASCII is UTF-8; bytes valid in none of the encodings are refused, not replaced", () => {
    expect(decodeCsvBytes(new Uint8Array(Buffer.from("a,b\n1,2\n")))?.encoding).toBe("UTF-8");
    // "Café,1" in Windows-1252: E9 followed by "," is neither UTF-8 nor a GB18030 character.
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]))).toBeNull();
  });
});

describe("the separator: comma, semicolon or tab, whichever splits the header and keeps the rows' width", () => {
  it("finds each fixture's separator", () => {
    const sep = (name: string): string => detectSeparator(decodeCsvBytes(bytes(name))!.text);
    expect(sep("kpis-zh.gb18030.csv")).toBe(",");
    expect(sep("kpis-zh.utf16le.tab.csv")).toBe("\t");
    expect(sep("kpis-zh.semicolon.csv")).toBe(";");
    expect(sep("kpis-zh.gb18030.semicolon.csv")).toBe(";");
  });

  it("separators inside quotes do not count; Excel's sep= line decides; one column is comma", () => {
    expect(detectSeparator('Metric,Note\nA,"x;y;z"\nB,"1;2;3"\n')).toBe(",");
    expect(detectSeparator('Metric;Note\nA;"x,y,z"\nB;"1,2"\n')).toBe(";");
    expect(detectSeparator("sep=;\nMetric,Actual;Target\nA,1;2\n")).toBe(";");
    expect(detectSeparator("Metric\nA\nB\n")).toBe(",");
  });
});

describe("the decimal mark: a comma only where the separator is not one and no number has a point", () => {
  it("0,82 in a semicolon file is a decimal comma; in a comma file there is none", () => {
    expect(detectDecimalMark("Metric;Actual\nA;0,82\n", ";")).toBe(",");
    expect(detectDecimalMark("Metric\tActual\nA\t0,82\n", "\t")).toBe(",");
    expect(detectDecimalMark('Metric,Actual\nA,"0,82"\n', ",")).toBe(".");
  });

  it("a file mixing 0,5 and 0.5, or holding only 1,200 (a thousands group?), keeps the point", () => {
    expect(detectDecimalMark("a;b\nx;0,5\ny;0.5\n", ";")).toBe(".");
    expect(detectDecimalMark("a;b\nx;1,200\n", ";")).toBe(".");
  });

  it("values with a decimal comma: 0,82 · 1.234,5 · 1 234,5 (no-break space) · 85,5 % · -3,5e2", () => {
    expect(csvValue("0,82", ",")).toBe(0.82);
    expect(csvValue("1.234,5", ",")).toBe(1234.5);
    expect(csvValue("1\u00a0234,5", ",")).toBe(1234.5);
    expect(csvValue("85,5 %", ",")).toBeCloseTo(0.855, 15);
    expect(csvValue("-3,5e2", ",")).toBe(-350);
    // With a decimal comma, a point is a thousands group or nothing: 0.5 stays text (reported, never misread).
    expect(csvValue("1.234", ",")).toBe(1234);
    expect(csvValue("0.5", ",")).toBe("0.5");
  });

  it("values with a decimal point, as before: 1.5 · 1,200 · 85% · 007 · text kept as typed", () => {
    expect(csvValue("1.5")).toBe(1.5);
    expect(csvValue("1,200")).toBe(1200);
    expect(csvValue("85%")).toBe(0.85);
    expect(csvValue("007")).toBe(7);
    expect(csvValue(" =SUM(1) ")).toBe(" =SUM(1) ");
    expect(csvValue("  ")).toBeNull();
  });
});

describe("every fixture reads to the cells Python's csv module reads from the original file", () => {
  it.each([
    "kpis-zh.gb18030.csv",
    "kpis-zh.gb18030.semicolon.csv",
    "kpis-zh.utf16le.tab.csv",
    "kpis-zh.utf16be.csv",
    "kpis-zh.semicolon.csv",
  ])("%s", (name) => {
    const text = decodeCsvBytes(bytes(name))!.text;
    expect(parseCsv(text)).toEqual(EXPECTED);
  });

  it("the dialects: semicolon files use decimal commas, the others points", () => {
    const dialect = (name: string): unknown => detectDialect(decodeCsvBytes(bytes(name))!.text);
    expect(dialect("kpis-zh.semicolon.csv")).toEqual({ separator: ";", decimalMark: "," });
    expect(dialect("kpis-zh.utf16le.tab.csv")).toEqual({ separator: "\t", decimalMark: "." });
    expect(dialect("kpis-zh.gb18030.csv")).toEqual({ separator: ",", decimalMark: "." });
  });

  it("Excel's sep= line is not a row", () => {
    expect(parseCsv("sep=;\r\nMetric;Actual\r\nNPS;0,42\r\n")).toEqual([
      ["Metric", "Actual"],
      ["NPS", 0.42],
    ]);
  });
});
