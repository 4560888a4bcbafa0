/**
 * Proves the recalculation helper: a small workbook written by exceljs with native formulas and no cached
 * values, recalculated by LibreOffice, gives the answers worked out by hand below.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cellText, cellValue, parseCsvText, recalculateWorkbooks, RecalculatedSheets } from "../support/recalc";
import { systemToolsAvailable } from "../support/systemTools";

describe("CSV reading", () => {
  it("parses quoted fields with doubled quotes, commas and line breaks", () => {
    expect(parseCsvText('a,"b,c","say ""hi"""\n1,"x\ny",\n')).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["1", "x\ny", ""],
    ]);
  });
});

describe.skipIf(!systemToolsAvailable("soffice"))("LibreOffice recalculates native formulas", () => {
  let sheets: RecalculatedSheets;
  let other: RecalculatedSheets;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data sheet");
    // A1:A5 = 3, 5, 8, 13, 21; B1:B5 = keys a..e.
    [3, 5, 8, 13, 21].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
    ["a", "b", "c", "d", "e"].forEach((v, i) => (ws.getCell(i + 1, 2).value = v));
    const f = (address: string, formula: string): void => {
      ws.getCell(address).value = { formula };
    };
    f("D1", "SUM(A1:A5)");
    f("D2", "AVERAGE(A1:A5)");
    f("D3", 'IF(D1>40,"big","small")');
    f("D4", 'INDEX(A1:A5,MATCH("d",B1:B5,0))');
    f("D5", "A2/A1");
    f("D6", "SUMPRODUCT(--(A1:A5>A3))");
    f("D7", 'IFERROR(1/0,"none")');
    ws.getCell("E1").value = '=HYPERLINK("http://example.com")';
    ws.getCell("E2").value = "+1";
    ws.getCell("E3").value = "@SUM(A1:A5)";
    ws.getCell("F1").value = 0.125;
    ws.getCell("F1").numFmt = "0.0%";
    // A second sheet refers to the first by its quoted name, as live scorecards do.
    const ws2 = wb.addWorksheet("计分卡 (2)");
    ws2.getCell("A1").value = { formula: "'Data sheet'!D1*2" };

    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet("Only").getCell("A1").value = { formula: "ROUND(2/3,9)" };

    [sheets, other] = (await recalculateWorkbooks([wb, wb2])) as [RecalculatedSheets, RecalculatedSheets];
  });

  it("SUM of 3, 5, 8, 13, 21 is 50", () => {
    expect(cellValue(sheets.get("Data sheet")!, "D1")).toBe(50);
  });

  it("AVERAGE of the same five numbers is 50/5 = 10", () => {
    expect(cellValue(sheets.get("Data sheet")!, "D2")).toBe(10);
  });

  it('IF(50>40, "big", "small") is "big"', () => {
    expect(cellValue(sheets.get("Data sheet")!, "D3")).toBe("big");
  });

  it('INDEX/MATCH finds the value beside key "d": 13', () => {
    expect(cellValue(sheets.get("Data sheet")!, "D4")).toBe(13);
  });

  it("5/3 comes back to 15 significant digits", () => {
    expect(cellValue(sheets.get("Data sheet")!, "D5") as number).toBeCloseTo(5 / 3, 13);
  });

  it("SUMPRODUCT(--(range > 8)) counts 13 and 21: 2", () => {
    expect(cellValue(sheets.get("Data sheet")!, "D6")).toBe(2);
  });

  it('IFERROR(1/0, "none") is "none"', () => {
    expect(cellValue(sheets.get("Data sheet")!, "D7")).toBe("none");
  });

  it('a text cell starting with "=", "+" or "@" stays text', () => {
    const s = sheets.get("Data sheet")!;
    expect(cellText(s, "E1")).toBe('=HYPERLINK("http://example.com")');
    expect(cellText(s, "E2")).toBe("+1");
    expect(cellText(s, "E3")).toBe("@SUM(A1:A5)");
  });

  it("a percent-formatted 0.125 reads back as 0.125", () => {
    expect(cellText(sheets.get("Data sheet")!, "F1")).toBe("12.5%");
    expect(cellValue(sheets.get("Data sheet")!, "F1")).toBe(0.125);
  });

  it("a formula on another sheet follows the quoted sheet reference: 2·50 = 100", () => {
    expect(cellValue(sheets.get("计分卡 (2)")!, "A1")).toBe(100);
  });

  it("one run recalculates several workbooks: ROUND(2/3, 9) = 0.666666667", () => {
    expect(cellValue(other.get("Only")!, "A1")).toBe(0.666666667);
  });
});
