import { describe, expect, it } from "vitest";
import { formulaReferences } from "../../../src/core/sharing/references";

const rect = (top: number, left: number, rows = 1, columns = 1) => ({ top, left, rows, columns });

describe("cell references in formulas", () => {
  it("finds qualified and unqualified cells and ranges", () => {
    expect(formulaReferences("=SUM(Data!B2:B9)*$C$1")).toEqual([
      { sheet: "Data", rect: rect(1, 1, 8, 1) },
      { sheet: null, rect: rect(0, 2) },
    ]);
  });

  it("unquotes sheet names with spaces and doubled quotes", () => {
    expect(formulaReferences("='Q1 data'!A1+'O''Brien'!B2")).toEqual([
      { sheet: "Q1 data", rect: rect(0, 0) },
      { sheet: "O'Brien", rect: rect(1, 1) },
    ]);
  });

  it("reads whole columns, whole rows and spill references", () => {
    expect(formulaReferences("=SUM(B:C)+SUM(2:3)+SUM(D5#)")).toEqual([
      { sheet: null, rect: rect(0, 1, 1_048_576, 2) },
      { sheet: null, rect: rect(1, 0, 2, 16_384) },
      { sheet: null, rect: rect(4, 3) },
    ]);
  });

  it("ignores function names that look like cells, numbers, text, names and tables", () => {
    expect(formulaReferences('=LOG10(100)+2+"A1"+Sales+Table1[Col]+TRUE')).toEqual([]);
  });

  it("skips references into other workbooks", () => {
    expect(formulaReferences("=[1]Data!A1+'[Book2.xlsx]Data'!B2+C3")).toEqual([{ sheet: null, rect: rect(2, 2) }]);
  });

  it("reads sheet names in Chinese", () => {
    expect(formulaReferences("=计分卡!B2")).toEqual([{ sheet: "计分卡", rect: rect(1, 1) }]);
  });
});
