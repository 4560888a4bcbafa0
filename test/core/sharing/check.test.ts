import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/core/sharing/check";
import { planFreeze } from "../../../src/core/sharing/freeze";
import { SheetScan } from "../../../src/core/sharing/scan";

const data: SheetScan = {
  name: "KPIs",
  top: 0,
  left: 0,
  formulas: [
    ["metric", "actual", "=CRM.SEGMENTS(A1:A9)"],
    ["NPS", "=CRM.NPS(Survey!C2:C500)", 2],
    ["CAC", "=CRM.CAC(B2:B13,C2:C13)", 3],
    ["Margin", 0.4, "=B2*2"],
  ],
  values: [
    ["metric", "actual", 1],
    ["NPS", 14.29, 2],
    ["CAC", 120, 3],
    ["Margin", 0.4, 28.58],
  ],
};
const scorecard: SheetScan = {
  name: "CRM Scorecard",
  top: 1,
  left: 1,
  formulas: [
    ["=KPIs!B2/100", "=SUM(KPIs!B4:B9)"],
    ["=KPIs!C3", "=MAX(KPIs!B:B)"],
    ['="KPIs!B2"', "=B2+1"],
  ],
  values: [
    [0.1429, 0.4],
    [3, 120],
    ["KPIs!B2", 1.1429],
  ],
};
const survey: SheetScan = { name: "Survey", top: 0, left: 2, formulas: [[10], [9]], values: [[10], [9]] };
const spills = [{ sheet: "KPIs", row: 0, column: 2, rows: 3, columns: 1 }];

describe("Check summary", () => {
  const summary = checkWorkbook([data, scorecard, survey], spills, { version: 1, cells: [] });

  it("lists per sheet the CRM formulas, their count, spills and first addresses", () => {
    expect(summary.sheets).toEqual([
      { sheet: "KPIs", formulas: 3, spills: 1, cells: 5, addresses: ["C1", "B2", "B3"], first: ["C1", "B2", "B3"] },
    ]);
    expect(summary.formulas).toBe(3);
    expect(summary.cells).toBe(5);
  });

  it("finds the sheets whose native formulas read CRM results, spill cells included", () => {
    // Scorecard: B2 (=KPIs!B2) yes; C2 (=SUM(KPIs!B4:B9)) no, B4 holds 0.4; B3 (=KPIs!C3, a spill cell) yes;
    // C3 (=MAX(KPIs!B:B)) yes; B4 is text; C4 reads its own sheet. KPIs!C4 (=B2*2) reads KPIs!B2 → yes.
    expect(summary.dependents).toEqual([
      { sheet: "KPIs", formulas: 1, first: ["C4"] },
      { sheet: "CRM Scorecard", formulas: 3, first: ["B2", "B3", "C3"] },
    ]);
  });

  it("counts the same cells and skips the same formulas as the freeze plan", () => {
    const plan = planFreeze([data, scorecard, survey], { spills });
    expect(summary.cells).toBe(plan.cells);
    expect(summary.skipped).toEqual(plan.skipped);
  });

  it("lists only the first five addresses", () => {
    const many: SheetScan = {
      name: "M",
      top: 0,
      left: 0,
      formulas: Array.from({ length: 8 }, () => ["=CRM.X()"]),
      values: Array.from({ length: 8 }, () => [1]),
    };
    const s = checkWorkbook([many]).sheets[0]!;
    expect(s.formulas).toBe(8);
    expect(s.first).toEqual(["A1", "A2", "A3", "A4", "A5"]);
  });

  it("an empty workbook has nothing to freeze and no dependents", () => {
    expect(checkWorkbook([survey])).toEqual({
      sheets: [],
      formulas: 0,
      cells: 0,
      skipped: [],
      dependents: [],
      recorded: 0,
    });
  });
});
