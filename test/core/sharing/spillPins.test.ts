/**
 * Spill references after a freeze (src/core/sharing/spillPins.ts): a formula that reads a frozen CRM spill as
 * `X#` is rewritten to the fixed range the spill covers, keeping `$` and the sheet; other `#` (error literals,
 * texts, spills that are not frozen, other sheets) are left alone. Expected formulas are written by hand.
 */
import { describe, expect, it } from "vitest";
import { planFreeze } from "../../../src/core/sharing/freeze";
import type { SheetScan } from "../../../src/core/sharing/scan";
import { pinSpillReferences, spillPins } from "../../../src/core/sharing/spillPins";

const SPILL = { sheet: "Customer analysis", row: 105, column: 0, rows: 2358, columns: 6 }; // A106, 2,358 × 6

describe("pinSpillReferences", () => {
  it("pins $A$106# to $A$106:$F$2463 (2,358 rows from 106, 6 columns from A)", () => {
    expect(
      pinSpillReferences("=COUNTA(INDEX($A$106#,2,1):INDEX($A$106#,ROWS($A$106#),1))", "Customer analysis", [SPILL]),
    ).toBe("=COUNTA(INDEX($A$106:$F$2463,2,1):INDEX($A$106:$F$2463,ROWS($A$106:$F$2463),1))");
  });

  it("keeps relative parts relative and the sheet qualifier, quoted or not, case-insensitively", () => {
    const s = { sheet: "Data", row: 1, column: 1, rows: 3, columns: 1 };
    expect(pinSpillReferences("=SUM(B2#)+SUM(Data!$B2#)+SUM('data'!B$2#)", "Other", [s])).toBe(
      "=SUM(B2#)+SUM(Data!$B2:$B4)+SUM('data'!B$2:B$4)",
    );
    expect(pinSpillReferences("=SUM(B2#)", "Data", [s])).toBe("=SUM(B2:B4)");
    const q = { sheet: "Bob's data", row: 0, column: 2, rows: 2, columns: 2 };
    expect(pinSpillReferences("=COUNT('Bob''s data'!C1#)", "x", [q])).toBe("=COUNT('Bob''s data'!C1:D2)");
  });

  it("leaves texts, error literals, unfrozen spills and names that end in a cell-like word alone", () => {
    const s = { sheet: "S", row: 1, column: 1, rows: 3, columns: 1 };
    expect(pinSpillReferences('=IF(B2#="B2#",#N/A,C2#)&XB2#', "S", [s])).toBe('=IF(B2:B4="B2#",#N/A,C2#)&XB2#');
  });
});

describe("spillPins over a freeze plan", () => {
  // A1 =CRM.RFM.SEGMENT(...) spilling A1:A3; B1 =COUNTIF(A1#,"x"); C1 =CRM.NPS(A1#) (frozen too: not pinned)
  const scan: SheetScan = {
    name: "S",
    top: 0,
    left: 0,
    formulas: [
      ["=CRM.RFM.SEGMENT(D1:D3,E1:E3,F1:F3)", '=COUNTIF(A1#,"x")', "=CRM.NPS(A1#)"],
      ["", "=ROWS(S!$A$1#)", ""],
      ["", "=SUM(D1:D3)", ""],
    ],
    values: [
      ["x", 2, 0],
      ["y", 3, ""],
      ["x", 6, ""],
    ],
  };
  it("rewrites the non-frozen formulas that read the frozen spill, and only those", () => {
    const plan = planFreeze([scan], { spills: [{ sheet: "S", row: 0, column: 0, rows: 3, columns: 1 }] });
    expect(plan.entries.map((e) => e.address)).toEqual(["A1", "C1"]);
    expect(spillPins([scan], plan)).toEqual([
      { sheet: "S", row: 0, column: 1, address: "B1", formula: '=COUNTIF(A1:A3,"x")' },
      { sheet: "S", row: 1, column: 1, address: "B2", formula: "=ROWS(S!$A$1:$A$3)" },
    ]);
  });
  it("a freeze of nothing pins nothing", () => {
    expect(spillPins([scan], { entries: [], areas: [], skipped: [], cells: 0 })).toEqual([]);
  });
});
