/**
 * The one Excel-value layer (src/core/values): error texts, blanks, display text, range and argument readers,
 * paired columns. Expected values follow Excel's conventions as DESIGN.md states them ("Errors").
 */
import { describe, expect, it } from "vitest";
import { numberArg, optionalNumberArg, optionArg } from "../../../src/core/values/args";
import { isBlankCell, isBlankOrSpaces } from "../../../src/core/values/blank";
import { asCells, cellError, shapeOf, shapeText } from "../../../src/core/values/cells";
import { filledRows, keyColumn, numberColumn, paramsIn, pick, pickKeys } from "../../../src/core/values/columns";
import { displayText, numberText, quotedValue } from "../../../src/core/values/display";
import { crmCodeOf, errorTextOf, EXCEL_ERRORS, excelError } from "../../../src/core/values/errorValues";
import { dateTimesIn, keysIn, numbersIn, numbersWithGaps } from "../../../src/core/values/ranges";
import { msg } from "../../../src/core/messages/catalogue";
import { crmError } from "../../support/crmError";

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe("Excel's error values: one list", () => {
  it("holds the classic seven and the newer result-only errors, #PYTHON! and #GETTING_DATA included", () => {
    const texts = EXCEL_ERRORS.map((e) => e.text);
    for (const t of ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]) {
      expect(excelError(t)?.typeable, t).toBe(true);
    }
    for (const t of [
      "#PYTHON!",
      "#GETTING_DATA",
      "#BUSY!",
      "#CONNECT!",
      "#BLOCKED!",
      "#UNKNOWN!",
      "#FIELD!",
      "#CALC!",
      "#SPILL!",
    ]) {
      expect(texts, t).toContain(t);
      expect(excelError(t)?.typeable, t).toBe(false);
    }
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("only Excel's own texts are errors: a KPI named #1 product! stays text; an error object's code counts", () => {
    expect(errorTextOf("#1 product!")).toBeNull();
    expect(errorTextOf("#hashtag")).toBeNull();
    expect(errorTextOf(" #N/A ")).toBe("#N/A");
    expect(errorTextOf({ code: "#REF!" })).toBe("#REF!");
    expect(errorTextOf({ code: "notAvailable" })).toBe("#N/A");
    expect(errorTextOf({ code: "somethingNew" })).toBe("somethingNew");
    expect(errorTextOf(7)).toBeNull();
  });

  it("the four CRM codes keep theirs; every other error is #N/A", () => {
    expect(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A", "#REF!", "#PYTHON!"].map(crmCodeOf)).toEqual([
      "VALUE",
      "NUM",
      "DIV0",
      "NA",
      "NA",
      "NA",
    ]);
  });

  it("an error met in a numeric range propagates as itself, #GETTING_DATA and #PYTHON! too (not 'is text')", () => {
    for (const e of ["#GETTING_DATA", "#PYTHON!", "#SPILL!"]) {
      const err = crmError(() => numbersIn(col(1, e), "scores"));
      expect([err.code, err.message]).toEqual(["NA", `scores: row 2 of the range is ${e}`]);
    }
  });
});

describe("blanks and display text", () => {
  it("null, undefined and the empty string are blank; spaces are blank for names only", () => {
    expect([null, undefined, "", " ", 0, false].map(isBlankCell)).toEqual([true, true, true, false, false, false]);
    expect([" ", "\u3000", "x"].map(isBlankOrSpaces)).toEqual([true, true, false]);
  });

  it("display text: trimmed text, numbers, TRUE/FALSE, error texts; long text shortened for quoting", () => {
    expect([" a ", 1.5, true, "#N/A", null].map(displayText)).toEqual(["a", "1.5", "TRUE", "#N/A", ""]);
    expect(quotedValue("x".repeat(50))).toBe("x".repeat(37) + "...");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
  });
});

describe("ranges", () => {
  it("a scalar is a 1×1 range; shapes for messages", () => {
    expect(asCells(5)).toEqual([[5]]);
    expect(shapeText(shapeOf([[1, 2, 3]]))).toBe("1×3");
  });

  it("numbers keep their positions, NaN for blanks; dates-times treat serial 0 as blank", () => {
    expect(Array.from(numbersWithGaps(col(1, null, "", 3), "x"))).toEqual([1, NaN, NaN, 3]);
    expect(dateTimesIn(col(45658.5, 0, null), "x")).toEqual([45658.5, null, null]);
  });

  it("keys: numbers, trimmed text, null for blanks; a logical value is #VALUE! naming the cell", () => {
    expect(keysIn(col(1001, " a ", null, ""), "ids")).toEqual([1001, "a", null, null]);
    const e = crmError(() => keysIn([[1, true]], "ids"));
    expect([e.code, e.message]).toEqual(["VALUE", "ids: row 1, column 2 of the range is the logical value TRUE"]);
  });

  it("NaN and ±Infinity in a range are #NUM! naming the cell", () => {
    const e = crmError(() => numbersWithGaps(col(1, Infinity), "amounts"));
    expect([e.code, e.message]).toEqual(["NUM", "amounts: row 2 of the range is not a finite number"]);
  });

  it("a cell error names its place in both languages", () => {
    const e = cellError("#REF!", msg("input.argCell", { arg: "x", cell: msg("input.rangeRow", { row: 4 }) }))!;
    expect([e.code, e.text("en"), e.text("zh")]).toEqual([
      "NA",
      "x: row 4 of the range is #REF!",
      "x：区域第 4 行是错误值 #REF!",
    ]);
  });
});

describe("paired columns", () => {
  it("every row filled: nothing to pick, the columns are used as they are", () => {
    const a = keyColumn(col("a", "b"), "ids");
    const b = numberColumn(col(1, 2), "amounts");
    expect(filledRows([a, b])).toBeNull();
    expect(pick(b, null)).toBe(b.values);
  });

  it("rows blank in every column are skipped; a row blank in one column only is #N/A naming the cell", () => {
    const a = keyColumn(col("a", null, "c"), "ids");
    const b = numberColumn(col(1, null, 3), "amounts");
    const rows = filledRows([a, b]);
    expect(Array.from(rows!)).toEqual([0, 2]);
    expect(Array.from(pickKeys(a, rows))).toEqual(["a", "c"]);
    const e = crmError(() => filledRows([keyColumn(col("a", "b"), "ids"), numberColumn(col(1, null), "amounts")]));
    expect([e.code, e.message]).toEqual(["NA", "amounts: row 2 of the range is blank but ids has a value there"]);
  });

  it("ranges of different sizes are #VALUE! naming them", () => {
    const e = crmError(() => filledRows([numberColumn(col(1, 2), "a"), numberColumn(col(1), "b")]));
    expect([e.code, e.message]).toEqual(["VALUE", "a, b must be ranges with the same number of cells (a 2×1, b 1×1)"]);
  });

  it("params: the first non-blank cells, as a FIT's spill gives them", () => {
    expect(paramsIn([[null, 1, 2, "", 3, 4, 99]], "params", ["r", "alpha", "a", "b"])).toEqual([1, 2, 3, 4]);
    const few = crmError(() => paramsIn([[1, 2]], "params", ["r", "alpha", "a", "b"]));
    expect([few.code, few.message]).toEqual([
      "NA",
      "params: needs r, alpha, a, b in its first 4 cells (found 2 numbers)",
    ]);
  });
});

describe("scalar arguments", () => {
  it("a required number: a 1×1 range is its value; missing is #N/A; text is #VALUE!", () => {
    expect(numberArg([[2]], "x")).toBe(2);
    expect(crmError(() => numberArg(null, "margin")).message).toBe("margin is required");
    expect(crmError(() => numberArg("high", "retention")).message).toBe('retention is text "high", not a number');
    expect(crmError(() => numberArg([[1], [2]], "d")).message).toBe("d: expected a single value, got a range of 2×1");
  });

  it("optional numbers: omitted or blank is undefined (the default applies), a typed 0 stays 0", () => {
    expect([null, "", [[null]], [[""]]].map((v) => optionalNumberArg(v, "x"))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(optionalNumberArg(0, "x")).toBe(0);
    expect(numberArg(null, "x", { default: 7 })).toBe(7);
  });

  it("option words ignore case and spaces; an unknown word names the allowed ones", () => {
    expect(optionArg(" Median ", "statistic", ["mean", "median"] as const, "mean")).toBe("median");
    expect(optionArg(null, "statistic", ["mean", "median"] as const, "mean")).toBe("mean");
    expect(crmError(() => optionArg("avg", "statistic", ["mean", "median"] as const, "mean")).message).toBe(
      'statistic: "avg" is not one of "mean", "median"',
    );
  });
});
