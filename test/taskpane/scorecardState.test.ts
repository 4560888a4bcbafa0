/**
 * The scorecard section's state (src/taskpane/scorecard/state.ts), without a page: the options are refused in
 * the pane exactly when the core's checkScoringOptions would refuse them at Build (issue 13 item 12), each
 * refusal tied to its field; a selection whose first row is data is one "no header row" problem, and headers
 * no role was recognised in are listed (issue 13 item 11).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecardLabels } from "../../src/core/scorecard/labels";
import { checkScoringOptions } from "../../src/core/scorecard/scoring";
import {
  checkOptions,
  initialState,
  missingHeaderRow,
  selectionRead,
  unrecognisedHeaders,
  type OptionInputs,
  type ScorecardState,
} from "../../src/taskpane/scorecard/state";
import type { SelectionRead } from "../../src/taskpane/scorecard/selection";
import { sampleKpis } from "../support/scorecardKpis";

const defaults = initialState(true).options;

/** Whether the core accepts the options the pane would pass it (default bands when the user kept them). */
function coreAccepts(o: OptionInputs): boolean {
  const { options } = checkOptions(o);
  try {
    checkScoringOptions({
      cap: options.cap!,
      status: options.status as { onTarget: number; near: number },
      ratingBands: options.ratingBands ?? scorecardLabels("en").ratingBands,
    });
    return true;
  } catch {
    return false;
  }
}

/** Texts a user might type into a number field. */
const typed = fc.oneof(
  fc.constantFrom("", " ", "lots", "1e3", "-0", "0", "80", "100", "120", "100.0001", "99.9999", "10000", "10001"),
  fc.integer({ min: -50, max: 12000 }).map(String),
  fc.double({ min: -1000, max: 20000, noNaN: true }).map(String),
);
const bands = fc.option(
  fc.array(fc.record({ label: fc.constantFrom("A", "", " ", "优秀"), min: typed }), { minLength: 1, maxLength: 5 }),
  { nil: null },
);

describe("the pane checks the options as the core does, when they are typed", () => {
  it("refuses exactly what checkScoringOptions refuses (5,000 random option sets)", () => {
    fc.assert(
      fc.property(typed, typed, typed, bands, (cap, onTarget, near, b) => {
        const o: OptionInputs = { ...defaults, cap, onTarget, near, bands: b };
        expect(checkOptions(o).problems.length === 0).toBe(coreAccepts(o));
      }),
      { numRuns: 5000, seed: 20260131 },
    );
  });

  it("Near = 120 with On target = 100 is a problem of the Near field, not a core error at Build", () => {
    const { problems } = checkOptions({ ...defaults, near: "120" });
    expect(problems).toEqual([{ kind: "nearRange", field: "near", text: "120", onTarget: "100" }]);
    expect(coreAccepts({ ...defaults, near: "120" })).toBe(false);
  });

  it("a cap of 50 % is refused at its field (the core needs 100 % … 10,000 %)", () => {
    expect(checkOptions({ ...defaults, cap: "50" }).problems).toEqual([{ kind: "capRange", field: "cap", text: "50" }]);
    expect(checkOptions({ ...defaults, cap: "10000" }).problems).toEqual([]);
  });

  it("bands: a blank label and a band not below the one above are refused at their fields", () => {
    const o = {
      ...defaults,
      bands: [
        { label: "A", min: "90" },
        { label: " ", min: "75" },
        { label: "C", min: "80" },
      ],
    };
    expect(checkOptions(o).problems).toEqual([
      { kind: "bandLabelBlank", field: { band: 1, part: "label" }, label: " " },
      { kind: "bandOrder", field: { band: 2, part: "min" }, label: "C", text: "80", above: "75" },
    ]);
  });
});

/** The state after reading `rows` selected at `topLeft` of Sheet1. */
function stateOf(rows: unknown[][], topLeft = "A1"): ScorecardState {
  const source = { sheet: "Sheet1", blocks: [{ topLeft, values: rows }] };
  const selection: SelectionRead = { source, ref: { sheet: "Sheet1", areas: [] }, address: "Sheet1!…", syncs: 1 };
  return selectionRead(initialState(true), selection);
}

describe("headers the pane explains", () => {
  it("a selection without its header row (A2:G20) is one problem at its first row, not three missing columns", () => {
    const s = stateOf(sampleKpis("en").slice(1), "A2");
    expect(s.reading!.problems.map((p) => p.code)).toEqual(["missingColumn", "missingColumn", "missingColumn"]);
    expect(missingHeaderRow(s)).toBe("Sheet1!A2:G2");
    expect(unrecognisedHeaders(s)).toEqual([]);
  });

  it('a table with "Budget" for Target: Target is missing (not a missing header row) and "Budget" is unrecognised', () => {
    const rows: unknown[][] = sampleKpis("en");
    rows[0]![3] = "Budget";
    const s = stateOf(rows);
    expect(missingHeaderRow(s)).toBeNull();
    expect(unrecognisedHeaders(s)).toEqual(["Budget"]);
  });

  it("the sample table has no unrecognised header", () => {
    expect(unrecognisedHeaders(stateOf(sampleKpis("zh")))).toEqual([]);
  });
});

describe("the state is never changed in place", () => {
  it("selectionRead returns a new state and leaves the old one as it was", () => {
    const before = initialState(true);
    const copy = structuredClone(before);
    const after = selectionRead(before, {
      source: { sheet: "S", blocks: [{ topLeft: "A1", values: sampleKpis("en") }] },
      ref: { sheet: "S", areas: ["A1:G20"] },
      address: "S!A1:G20",
      syncs: 1,
    });
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);
    expect(after.reading?.table?.kpis).toHaveLength(19);
  });
});
