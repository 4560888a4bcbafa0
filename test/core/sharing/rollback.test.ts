/**
 * Undoing a failed Freeze or Restore cell by cell (src/core/sharing/rollback.ts): a cell goes back only when it
 * holds what the commit wrote; what anyone else changed meanwhile is left. The expected writes are worked from the
 * module's rules by hand. Layout: sheet "S", an ordinary entry at B2 (=CRM.NPS → 14.3) and a spilling entry at D2
 * (=CRM.NPS.CI → D2:E2 = -20.5, 48.3).
 */
import { describe, expect, it } from "vitest";
import { FrozenCell } from "../../../src/core/sharing/record";
import { CellNow, planRollback, readBack } from "../../../src/core/sharing/rollback";

const B2: FrozenCell = { sheet: "S", address: "B2", formula: "=CRM.NPS(A1:A9)", rows: 1, columns: 1, values: [[14.3]] };
const D2: FrozenCell = {
  sheet: "S",
  address: "D2",
  formula: "=CRM.NPS.CI(A1:A9)",
  rows: 1,
  columns: 2,
  values: [[-20.5, 48.3]],
};

/** What B2, D2 and E2 hold now (row 1, columns 1, 3, 4 zero-based), read back as three rectangles. */
function now(b2: CellNow, d2: CellNow, e2: CellNow, sheet = "S") {
  const rect = (left: number, columns: number) => ({ top: 1, left, rows: 1, columns });
  return readBack(
    [
      { sheet, rect: rect(1, 1) },
      { sheet, rect: rect(3, 2) },
    ],
    [[[b2.formula]], [[d2.formula, e2.formula]]],
    [[[b2.value]], [[d2.value, e2.value]]],
  );
}
const constant = (v: unknown): CellNow => ({ formula: v, value: v });
const formula = (f: string, v: unknown): CellNow => ({ formula: f, value: v });
const writes = (areas: ReturnType<typeof planRollback>, side: "formulas" | "frozen") =>
  areas.map((a) => [`${a.sheet}!${a.address}`, a[side]]);

describe("undoing a Freeze", () => {
  it("every cell still holds its frozen value: the formulas go back, the spill range is cleared to spill again", () => {
    const back = planRollback([B2, D2], "freeze", now(constant(14.3), constant(-20.5), constant(48.3)));
    expect(writes(back, "formulas")).toEqual([
      ["S!B2", [["=CRM.NPS(A1:A9)"]]],
      ["S!D2:E2", [["=CRM.NPS.CI(A1:A9)", ""]]],
    ]);
  });

  it("a cell someone typed into after the freeze is left; the others go back", () => {
    const back = planRollback([B2, D2], "freeze", now(constant(99), constant(-20.5), constant("typed")));
    expect(writes(back, "formulas")).toEqual([["S!D2", [["=CRM.NPS.CI(A1:A9)"]]]]);
  });

  it("cells the commit never reached (formulas in place, the spill showing) are not written at all", () => {
    const back = planRollback(
      [B2, D2],
      "freeze",
      now(formula(B2.formula, 14.3), formula(D2.formula, -20.5), constant(48.3)),
    );
    expect(back).toEqual([]);
  });

  it("a spill cell written while its formula was not (its spill blocked, #SPILL!) is cleared", () => {
    const back = planRollback([D2], "freeze", now(constant(1), formula(D2.formula, "#SPILL!"), constant(48.3)));
    expect(writes(back, "formulas")).toEqual([["S!E2", [[""]]]]);
  });

  it("a cell that now holds another formula is someone else's and is left", () => {
    const back = planRollback([B2], "freeze", now(formula("=1+1", 2), constant(0), constant(0)));
    expect(back).toEqual([]);
  });

  it("matches the sheet case-insensitively and writes under the name read back", () => {
    const back = planRollback([{ ...B2, sheet: "s" }], "freeze", now(constant(14.3), constant(0), constant(0), "S"));
    expect(writes(back, "formulas")).toEqual([["S!B2", [["=CRM.NPS(A1:A9)"]]]]);
  });
});

describe("undoing a Restore", () => {
  it("the recorded formulas are in place and spilling: every cell goes back to its frozen value", () => {
    const back = planRollback(
      [B2, D2],
      "restore",
      now(formula(B2.formula, 14.3), formula(D2.formula, -20.5), constant(48.3)),
    );
    expect(writes(back, "frozen")).toEqual([
      ["S!B2", [[14.3]]],
      ["S!D2:E2", [[-20.5, 48.3]]],
    ]);
  });

  it("a restored cell someone has typed over is left; an emptied spill cell gets its frozen value back", () => {
    const back = planRollback([B2, D2], "restore", now(constant(99), constant("mine"), constant("")));
    expect(writes(back, "frozen")).toEqual([["S!E2", [[48.3]]]]);
  });

  it("a spill blocked by someone's typing keeps that typing; the formula's cell goes back", () => {
    const back = planRollback([D2], "restore", now(constant(0), formula(D2.formula, "#SPILL!"), constant("typed")));
    expect(writes(back, "frozen")).toEqual([["S!D2", [[-20.5]]]]);
  });

  it("cells the commit never reached (still frozen) are not written at all", () => {
    const back = planRollback([B2, D2], "restore", now(constant(14.3), constant(-20.5), constant(48.3)));
    expect(back).toEqual([]);
  });

  it("another formula in the formula's cell is someone else's and is left", () => {
    const back = planRollback([B2], "restore", now(formula("=CRM.NPS(A1:A5)", 3), constant(0), constant(0)));
    expect(back).toEqual([]);
  });
});

it("cells that were not read back are never written", () => {
  expect(planRollback([B2, D2], "freeze", readBack([], [], []))).toEqual([]);
});
