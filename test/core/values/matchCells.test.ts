/**
 * matchCells: keys matched straight from a range as Excel passes it (src/core/values/matchKeys.ts), which
 * CROSSSELL and REPEATRATE read with. Expected groups follow from the definition (COUNTIF: text ignores case
 * and surrounding spaces, a number matches its digits typed as text; numbers' groups first, then texts', each in
 * first-seen order), cells in reading order (row by row); bad cells fail as the value layer's readers do.
 */
import { describe, expect, it } from "vitest";
import { crmError } from "../../support/crmError";
import { matchCells } from "../../../src/core/values/matchKeys";

/** The code and message of the CrmError `f` throws. */
function failure(f: () => unknown): { code: string; message: string } {
  const e = crmError(f);
  return { code: e.code, message: e.message };
}

describe("matchCells", () => {
  it("reads a 2×2 range row by row: A, b / a, 7 → 7 first, then A = a, then b", () => {
    const m = matchCells(
      [
        ["A", "b"],
        [" a", 7],
      ],
      "ids",
    );
    expect(Array.from(m.index)).toEqual([1, 2, 1, 0]);
    expect(m.distinct).toBe(3);
  });

  it("a scalar is a 1×1 range; blanks (null, empty text, spaces) are −1", () => {
    expect(Array.from(matchCells("C-1", "ids").index)).toEqual([0]);
    expect(Array.from(matchCells([[null], [""], ["  "], [undefined]], "ids").index)).toEqual([-1, -1, -1, -1]);
  });

  it("a 0 the blank mask calls blank (Excel desktop) is skipped; a typed 0 stays a key", () => {
    const m = matchCells([[0], ["x"], [0]], "ids", { isBlank: (row) => row === 0 });
    expect(Array.from(m.index)).toEqual([-1, 1, 0]);
    expect(m.distinct).toBe(2);
  });

  it("numbers first (7, 2.5, with the texts that spell them), then texts in first-seen order (c-1, x, ä)", () => {
    const keys = [7, "7", " c-1", "C-1", null, "x", 2.5, "2.5", "Ä", "ä "];
    const m = matchCells(
      keys.map((k) => [k]),
      "ids",
    );
    expect(Array.from(m.index)).toEqual([0, 0, 2, 2, -1, 3, 1, 1, 4, 4]);
    expect(m.distinct).toBe(5);
  });

  it("bad cells name the argument and cell: NaN #NUM!, TRUE #VALUE!, error values as themselves", () => {
    expect(failure(() => matchCells([["a"], [NaN]], "ids"))).toMatchObject({ code: "NUM" });
    expect(failure(() => matchCells([["a"], [NaN]], "ids")).message).toContain("row 2");
    expect(failure(() => matchCells([["a", true]], "ids")).code).toBe("VALUE");
    expect(failure(() => matchCells([["#N/A"]], "ids")).code).toBe("NA");
    expect(failure(() => matchCells([[{ code: "#DIV/0!" }]], "ids")).code).toBe("DIV0");
    expect(failure(() => matchCells([["a"], [NaN]], "categories")).message).toMatch(/^categories/);
  });
});
