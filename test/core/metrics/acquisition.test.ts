import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { cac, conversionRate, ltvToCac, paybackPeriods } from "../../../src/core/metrics/acquisition";

describe("cac", () => {
  it("CAC is Σ cost / Σ new customers: (30000 + 20000)/(40 + 60) = 500", () => {
    expect(cac([30000, 20000], [40, 60])).toBe(500);
  });
  it("one total each: 12000 / 48 = 250", () => {
    expect(cac([12000], [48])).toBe(250);
  });
  it("no costs at all sums to 0 (like SUM, and like Excel desktop's blanks-as-0)", () => {
    expect(cac([], [10])).toBe(0);
  });
  it("a negative cost or count is #NUM!", () => {
    expect(codeOf(() => cac([100, -5], [1]))).toBe("NUM");
    expect(codeOf(() => cac([100], [3, -1]))).toBe("NUM");
    expect(codeOf(() => cac([Number.NaN], [1]))).toBe("NUM");
  });
  it("no new customers (0 or none) is #DIV/0!", () => {
    expect(codeOf(() => cac([100], [0, 0]))).toBe("DIV0");
    expect(codeOf(() => cac([100], []))).toBe("DIV0");
  });
  it("a total too large to represent is #NUM!, never Infinity", () => {
    expect(codeOf(() => cac([1.7e308, 1.7e308], [1]))).toBe("NUM");
    expect(codeOf(() => cac([1e308], [1e-308]))).toBe("NUM");
  });
});

describe("conversionRate", () => {
  it("conversion is Σ conversions / Σ leads: (12 + 8)/(150 + 250) = 0.05", () => {
    expect(conversionRate([12, 8], [150, 250])).toBe(0.05);
  });
  it("boundaries: none converted 0, all converted 1", () => {
    expect(conversionRate([0], [10])).toBe(0);
    expect(conversionRate([10], [4, 6])).toBe(1);
  });
  it("more conversions than leads, or a negative count, is #NUM!; no leads #DIV/0!", () => {
    expect(codeOf(() => conversionRate([11], [10]))).toBe("NUM");
    expect(codeOf(() => conversionRate([-1], [10]))).toBe("NUM");
    expect(codeOf(() => conversionRate([0], [0]))).toBe("DIV0");
  });
});

describe("ltvToCac and paybackPeriods", () => {
  it("LTV:CAC is 1500/500 = 3; a loss-making customer (CLV −300) gives −0.6", () => {
    expect(ltvToCac(1500, 500)).toBe(3);
    expect(ltvToCac(-300, 500)).toBe(-0.6);
  });
  it("LTV:CAC with CAC 0 is #DIV/0!, negative CAC #NUM!", () => {
    expect(codeOf(() => ltvToCac(1500, 0))).toBe("DIV0");
    expect(codeOf(() => ltvToCac(1500, -1))).toBe("NUM");
    expect(codeOf(() => ltvToCac(1e308, 1e-10))).toBe("NUM");
  });
  it("payback is CAC / margin per period: 500/60 = 8.333…; CAC 0 pays back at once", () => {
    expect(paybackPeriods(500, 60)).toBeCloseTo(25 / 3, 14);
    expect(paybackPeriods(0, 60)).toBe(0);
  });
  it("payback with margin 0 is #DIV/0!, negative margin or CAC #NUM!", () => {
    expect(codeOf(() => paybackPeriods(500, 0))).toBe("DIV0");
    expect(codeOf(() => paybackPeriods(500, -10))).toBe("NUM");
    expect(codeOf(() => paybackPeriods(-500, 10))).toBe("NUM");
  });
});
