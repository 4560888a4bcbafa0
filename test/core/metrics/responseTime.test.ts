import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { percentileInc, responseHours } from "../../../src/core/metrics/responseTime";

// Date-times as Excel serial days; 45000 is 2023-03-15 00:00, 0.25 day = 6 h.
describe("responseHours", () => {
  it("the mean of 6 h and 12 h is 9 h", () => {
    expect(responseHours([45000, 45000.5], [45000.25, 45001])).toBe(9);
  });
  it("pairs with a blank on either side are skipped", () => {
    expect(responseHours([45000, null, 45001, 45002], [45000.25, 45001, null, 45002.5])).toBe(9);
  });
  it("median of 1, 2, 4, 8 h is (2 + 4)/2 = 3 h (PERCENTILE.INC at 0.5)", () => {
    const open = [0, 0, 0, 0].map((x) => 45000 + x);
    const done = [1, 2, 4, 8].map((h) => 45000 + h / 24);
    expect(responseHours(open, done, "median")).toBeCloseTo(3, 9);
  });
  it("p90 of 1..10 h is PERCENTILE.INC({1..10}, 0.9): rank 9·0.9 = 8.1 → 9 + 0.1·(10 − 9) = 9.1 h", () => {
    const hours = [3, 1, 4, 10, 5, 9, 2, 6, 8, 7]; // unsorted on purpose
    const open = hours.map(() => 45000);
    const done = hours.map((h) => 45000 + h / 24);
    expect(responseHours(open, done, "p90")).toBeCloseTo(9.1, 9);
  });
  it("one pair: mean, median and p90 are all that pair's hours", () => {
    for (const s of ["mean", "median", "p90"] as const) expect(responseHours([45000], [45000.5], s)).toBeCloseTo(12, 9);
  });
  it("an immediate response is 0 h", () => {
    expect(responseHours([45000.5], [45000.5])).toBe(0);
  });
  it("a response before its request, or a negative date-time, is #NUM!", () => {
    expect(codeOf(() => responseHours([45001], [45000]))).toBe("NUM");
    expect(codeOf(() => responseHours([-1], [45000]))).toBe("NUM");
    expect(codeOf(() => responseHours([45000], [Number.NaN]))).toBe("NUM");
  });
  it("no complete pair is #DIV/0!", () => {
    expect(codeOf(() => responseHours([45000, null], [null, 45001]))).toBe("DIV0");
    expect(codeOf(() => responseHours([], []))).toBe("DIV0");
  });
  it("lists of different lengths are #VALUE!", () => {
    expect(codeOf(() => responseHours([45000], [45000, 45001]))).toBe("VALUE");
  });
  it("hours too large to represent are #NUM!", () => {
    expect(codeOf(() => responseHours([0], [1e308]))).toBe("NUM");
  });
});

describe("percentileInc (Excel PERCENTILE.INC, R type 7)", () => {
  it("PERCENTILE.INC({15,20,35,40,50}, 0.4): rank 4·0.4 = 1.6 → 20 + 0.6·(35 − 20) = 29", () => {
    expect(percentileInc([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
  });
  it("p = 0 and p = 1 give the minimum and maximum", () => {
    expect(percentileInc([1, 2, 3], 0)).toBe(1);
    expect(percentileInc([1, 2, 3], 1)).toBe(3);
  });
});
