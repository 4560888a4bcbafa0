import { describe, expect, it } from "vitest";
import { planFreeze } from "../../../src/core/sharing/freeze";
import { SheetScan, spillCandidates, crmCells, sheetRects } from "../../../src/core/sharing/scan";

/**
 * Sheet "Data", used range A1:D5:
 *      A          B                      C                   D
 *  1   score      =CRM.NPS(A2:A5)        =SUM(A2:A5)         =CRM.NPS.CI(A2:A5)  (spills D1:E1... here D1:D2)
 *  2   9          =CRM.CSAT(A2:A5)       note                (spill) 40
 *  3   3          =crm.nps(A2:A3)        =B1*2               x
 *  4   10         ="CRM.NPS(x)"          =CRM.NPS(A2:A5)     =CRM.NPS(A9)  (#BUSY!)
 *  5   7          plain                  7                   =CRM.X()      (#SPILL!)
 */
const data: SheetScan = {
  name: "Data",
  top: 0,
  left: 0,
  formulas: [
    ["score", "=CRM.NPS(A2:A5)", "=SUM(A2:A5)", "=CRM.NPS.CI(A2:A5)"],
    [9, "=CRM.CSAT(A2:A5)", "note", 40],
    [3, "=crm.nps(A2:A3)", "=B1*2", "x"],
    [10, '="CRM.NPS(x)"', "=CRM.NPS(A2:A5)", "=CRM.NPS(A9)"],
    [7, "plain", 7, "=CRM.X()"],
  ],
  values: [
    ["score", 25, 29, -12.5],
    [9, 0.5, "note", 40],
    [3, 0, 50, "x"],
    [10, "CRM.NPS(x)", 25, "#BUSY!"],
    [7, "plain", 7, "#SPILL!"],
  ],
};
const spills = [{ sheet: "Data", row: 0, column: 3, rows: 2, columns: 1 }];

describe("freeze plan", () => {
  it("finds exactly the formulas that call CRM functions", () => {
    expect(crmCells(data).map((c) => c.formula)).toEqual([
      "=CRM.NPS(A2:A5)",
      "=CRM.NPS.CI(A2:A5)",
      "=CRM.CSAT(A2:A5)",
      "=crm.nps(A2:A3)",
      "=CRM.NPS(A2:A5)",
      "=CRM.NPS(A9)",
      "=CRM.X()",
    ]);
  });

  it("asks for spill ranges only where a plain value sits right of or below a CRM formula with a result", () => {
    // B1 (C1 and B2 hold formulas) no; D1 (D2 holds 40) yes; B2 (C2 "note") yes; B3 (C3 and B4 hold formulas) no;
    // C4 (D4 formula, C5 = 7) yes; D4 #BUSY! and D5 #SPILL! never spill.
    expect(spillCandidates(data).map((c) => `${c.row},${c.column}`)).toEqual(["0,3", "1,1", "3,2"]);
  });

  it("plans values over CRM formulas only, the spill as a whole, in rectangles; skips placeholders", () => {
    const plan = planFreeze([data], { spills });
    expect(plan.entries.map((e) => [e.address, e.formula, e.rows, e.columns, e.values])).toEqual([
      ["B1", "=CRM.NPS(A2:A5)", 1, 1, [[25]]],
      ["D1", "=CRM.NPS.CI(A2:A5)", 2, 1, [[-12.5], [40]]],
      ["B2", "=CRM.CSAT(A2:A5)", 1, 1, [[0.5]]],
      ["B3", "=crm.nps(A2:A3)", 1, 1, [[0]]],
      ["C4", "=CRM.NPS(A2:A5)", 1, 1, [[25]]],
    ]);
    // B1:B3 stack into one rectangle; D1:D2 is the spill; C4 alone.
    expect(plan.areas.map((a) => [a.address, a.frozen, a.formulas])).toEqual([
      ["B1:B3", [[25], [0.5], [0]], [["=CRM.NPS(A2:A5)"], ["=CRM.CSAT(A2:A5)"], ["=crm.nps(A2:A3)"]]],
      ["D1:D2", [[-12.5], [40]], [["=CRM.NPS.CI(A2:A5)"], [""]]],
      ["C4", [[25]], [["=CRM.NPS(A2:A5)"]]],
    ]);
    expect(plan.cells).toBe(6);
    expect(plan.skipped.map((s) => [s.address, s.reason])).toEqual([
      ["D4", "notCalculated"],
      ["D5", "resultOnlyError"],
    ]);
  });

  it("never plans a write on a cell that is not a CRM result", () => {
    const plan = planFreeze([data], { spills });
    const written = new Set(
      plan.areas.flatMap((a) =>
        Array.from(
          { length: a.rect.rows * a.rect.columns },
          (_, k) => `${a.rect.top + Math.floor(k / a.rect.columns)},${a.rect.left + (k % a.rect.columns)}`,
        ),
      ),
    );
    expect([...written].sort()).toEqual(["0,1", "0,3", "1,1", "1,3", "2,1", "3,2"]);
  });

  it("with a selection, freezes only the CRM results it meets (a spill when any of its cells is selected)", () => {
    const plan = planFreeze([data], { spills, selection: sheetRects("Data!D2,Data!B3:C3") });
    expect(plan.entries.map((e) => e.address)).toEqual(["D1", "B3"]);
    expect(planFreeze([data], { spills, selection: sheetRects("Other!A1:Z99") }).entries).toEqual([]);
  });

  it("uses the used range's position: a range starting at C5 maps to the right cells", () => {
    const shifted: SheetScan = { name: "S", top: 4, left: 2, formulas: [[1, "=CRM.X()"]], values: [[1, 2]] };
    expect(planFreeze([shifted]).areas.map((a) => a.address)).toEqual(["D5"]);
  });
});

describe("selection addresses", () => {
  it("splits multi-area addresses, keeping commas inside quoted sheet names", () => {
    expect(sheetRects("'Q1, data'!A1:B2, 'Q1, data'!D4")).toEqual([
      { sheet: "Q1, data", rect: { top: 0, left: 0, rows: 2, columns: 2 } },
      { sheet: "Q1, data", rect: { top: 3, left: 3, rows: 1, columns: 1 } },
    ]);
  });
});
