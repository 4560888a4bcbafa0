import { describe, expect, it } from "vitest";
import { sameValue, skipReason, valueToWrite } from "../../../src/core/sharing/cellValues";

describe("frozen values", () => {
  it("a cell still holds its frozen number within 1e-13 relative, not beyond", () => {
    expect(sameValue(14.285714285714286, 14.285714285714286)).toBe(true);
    expect(sameValue(14.2857142857143, 14.285714285714286)).toBe(true); // Excel's 15 significant digits
    expect(sameValue(14.29, 14.285714285714286)).toBe(false);
    expect(sameValue("14.29", 14.29)).toBe(false);
    expect(sameValue(0, 0)).toBe(true);
  });

  it("text, logical values and errors must match exactly; empty equals empty", () => {
    expect(sameValue("A", "A")).toBe(true);
    expect(sameValue("a", "A")).toBe(false);
    expect(sameValue("'1-2", "1-2")).toBe(true); // the protective apostrophe a host may hand back
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue(1, true)).toBe(false);
    expect(sameValue("#N/A", "#N/A")).toBe(true);
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue("", 0)).toBe(false);
  });

  it("placeholders and result-only errors are not frozen; constant errors are", () => {
    expect(skipReason("#BUSY!")).toBe("notCalculated");
    expect(skipReason("#GETTING_DATA")).toBe("notCalculated");
    expect(skipReason("#NAME?")).toBe("notCalculated");
    expect(skipReason("#SPILL!")).toBe("resultOnlyError");
    expect(skipReason("#CALC!")).toBe("resultOnlyError");
    expect(skipReason("#N/A")).toBeNull();
    expect(skipReason("#DIV/0!")).toBeNull();
    expect(skipReason(12)).toBeNull();
  });

  it("text that Excel would re-read as something else gets the text prefix", () => {
    expect(valueToWrite("1-2")).toBe("'1-2");
    expect(valueToWrite("=A1")).toBe("'=A1");
    expect(valueToWrite("TRUE")).toBe("'TRUE");
    expect(valueToWrite("'quoted")).toBe("''quoted");
    expect(valueToWrite("A 优秀")).toBe("A 优秀");
    expect(valueToWrite("#N/A")).toBe("#N/A");
    expect(valueToWrite("")).toBe("");
    expect(valueToWrite(3.5)).toBe(3.5);
    expect(valueToWrite(false)).toBe(false);
  });
});
