import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellValue } from "../../../src/core/sharing/cellValues";
import { planFreeze } from "../../../src/core/sharing/freeze";
import { FreezeRecord } from "../../../src/core/sharing/record";
import { planRestore } from "../../../src/core/sharing/restore";
import { SheetScan } from "../../../src/core/sharing/scan";

/** Applies a plan's areas to a scan, as Excel would: values (freeze) or formulas with their results (restore). */
function apply(
  scan: SheetScan,
  areas: ReturnType<typeof planFreeze>["areas"],
  as: "values" | "formulas",
  results?: Map<string, CellValue>,
): SheetScan {
  const formulas = scan.formulas.map((r) => [...r]);
  const values = scan.values.map((r) => [...r]);
  for (const a of areas) {
    for (let i = 0; i < a.rect.rows; i++) {
      for (let j = 0; j < a.rect.columns; j++) {
        const r = a.rect.top + i - scan.top;
        const c = a.rect.left + j - scan.left;
        if (as === "values") {
          formulas[r]![c] = a.frozen[i]![j]!;
          values[r]![c] = a.frozen[i]![j]!;
        } else {
          formulas[r]![c] = a.formulas[i]![j]! || results?.get(`${r},${c}`) || "";
          values[r]![c] = results?.get(`${r},${c}`) ?? "";
        }
      }
    }
  }
  return { ...scan, formulas, values };
}

const sheet: SheetScan = {
  name: "Data",
  top: 0,
  left: 0,
  formulas: [
    ["=CRM.NPS(A2:A5)", "=SUM(A1:A2)", "=CRM.NPS.CI(A2:A5)"],
    ["=CRM.CSAT(A2:A5)", "text", 40],
  ],
  values: [
    [25, 25.5, -12.5],
    [0.5, "text", 40],
  ],
};
const spills = [{ sheet: "Data", row: 0, column: 2, rows: 2, columns: 1 }];

describe("restore plan", () => {
  it("puts back every formula whose cells still hold the frozen values, clearing the rest of a spill", () => {
    const plan = planFreeze([sheet], { spills });
    const frozen = apply(sheet, plan.areas, "values");
    const restore = planRestore({ version: 1, cells: plan.entries }, [frozen]);
    expect(restore.conflicts).toEqual([]);
    expect(restore.restored).toEqual(plan.entries);
    expect(restore.areas.map((a) => [a.address, a.formulas])).toEqual([
      ["A1:A2", [["=CRM.NPS(A2:A5)"], ["=CRM.CSAT(A2:A5)"]]],
      ["C1:C2", [["=CRM.NPS.CI(A2:A5)"], [""]]],
    ]);
    expect(restore.remaining.cells).toEqual([]);
  });

  it("an edited cell is a conflict: left alone, kept in the record, reported with what it holds now", () => {
    const plan = planFreeze([sheet], { spills });
    const frozen = apply(sheet, plan.areas, "values");
    const edited: SheetScan = {
      ...frozen,
      formulas: [
        [42, "=SUM(A1:A2)", -12.5],
        [0.5, "text", "=1+1"],
      ],
      values: [
        [42, 25.5, -12.5],
        [0.5, "text", 2],
      ],
    };
    const restore = planRestore({ version: 1, cells: plan.entries }, [edited]);
    expect(restore.restored.map((e) => e.address)).toEqual(["A2"]);
    expect(restore.conflicts.map((c) => [c.entry.address, c.reason, c.cell, c.now, c.frozen])).toEqual([
      ["A1", "edited", "A1", 42, 25],
      ["C1", "edited", "C2", "=1+1", 40], // a spill cell now holds a formula
    ]);
    expect(restore.areas.map((a) => a.address)).toEqual(["A2"]);
    expect(restore.remaining.cells.map((e) => e.address)).toEqual(["A1", "C1"]);
  });

  it("a formula already back in place leaves the record without a write", () => {
    const record: FreezeRecord = {
      version: 1,
      cells: [{ sheet: "Data", address: "A1", formula: "=CRM.NPS(A2:A5)", rows: 1, columns: 1, values: [[25]] }],
    };
    const restore = planRestore(record, [sheet]);
    expect(restore.alreadyRestored).toHaveLength(1);
    expect(restore.areas).toEqual([]);
    expect(restore.remaining.cells).toEqual([]);
  });

  it("a deleted or renamed sheet is a conflict; sheet names match case-insensitively", () => {
    const record: FreezeRecord = {
      version: 1,
      cells: [
        { sheet: "Gone", address: "A1", formula: "=CRM.X()", rows: 1, columns: 1, values: [[1]] },
        { sheet: "DATA", address: "B2", formula: "=CRM.X()", rows: 1, columns: 1, values: [["text"]] },
      ],
    };
    const restore = planRestore(record, [sheet]);
    expect(restore.conflicts.map((c) => [c.entry.sheet, c.reason])).toEqual([["Gone", "sheetMissing"]]);
    expect(restore.areas.map((a) => [a.sheet, a.address])).toEqual([["Data", "B2"]]);
  });

  it("a frozen empty text outside today's used range still counts as unchanged", () => {
    const record: FreezeRecord = {
      version: 1,
      cells: [{ sheet: "Data", address: "Z99", formula: '=CRM.LABEL("")', rows: 1, columns: 1, values: [[""]] }],
    };
    expect(planRestore(record, [sheet]).restored).toHaveLength(1);
  });

  it("freeze then restore brings back every CRM formula and touches nothing else (property)", () => {
    const cellArb = fc.oneof(
      fc.constant<[unknown, unknown]>(["", ""]),
      fc.integer({ min: -1000, max: 1000 }).map((n): [unknown, unknown] => [n, n]),
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((x): [unknown, unknown] => [`=CRM.NPS(A${(Math.abs(Math.round(x)) % 9) + 1})`, x]),
      fc.string({ maxLength: 6 }).map((s): [unknown, unknown] => [`=SUM(A1)&"${s.replace(/"/g, "")}"`, s]),
      fc.constantFrom<[unknown, unknown]>(["=CRM.X()", "A"], ["=crm.y()", true], ["=CRM.Z()", "#N/A"]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const scan: SheetScan = {
            name: "S",
            top: 2,
            left: 1,
            formulas: rows.map((r) => r.map((c) => c[0])),
            values: rows.map((r) => r.map((c) => c[1])),
          };
          const plan = planFreeze([scan]);
          const frozen = apply(scan, plan.areas, "values");
          for (let r = 0; r < rows.length; r++) {
            for (let c = 0; c < 4; c++) {
              const f = scan.formulas[r]![c];
              const isCrm = typeof f === "string" && /^=crm\./i.test(f);
              expect(frozen.formulas[r]![c]).toEqual(isCrm ? scan.values[r]![c] : f);
              expect(frozen.values[r]![c]).toEqual(scan.values[r]![c]);
            }
          }
          const restore = planRestore({ version: 1, cells: plan.entries }, [frozen]);
          expect(restore.conflicts).toEqual([]);
          const back = apply(frozen, restore.areas, "formulas");
          expect(back.formulas).toEqual(scan.formulas);
        },
      ),
      { seed: 2024, numRuns: 200 },
    );
  });
});
