/**
 * PERCENTILE.INC (type 7), MEDIAN and the compensated mean behind RFM scores, segments and tiers. Expected
 * values worked by hand from h = (n − 1)·p.
 */
import { describe, expect, it } from "vitest";
import {
  meanOf,
  percentileIncSorted,
  scoreBreaks,
  sortedValues,
  splitPoint,
} from "../../../src/core/analysis/quantiles";
import { mulberry32 } from "../../../src/core/btyd/simulate";

describe("PERCENTILE.INC, type 7", () => {
  it("[1, 2, 3, 4] at 0.25: h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75 (Excel's PERCENTILE.INC gives 1.75)", () => {
    expect(percentileIncSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
  it("at 0 and 1: the smallest and the largest value", () => {
    expect(percentileIncSorted([3, 8, 9], 0)).toBe(3);
    expect(percentileIncSorted([3, 8, 9], 1)).toBe(9);
  });
  it("a single value is every percentile", () => {
    expect(percentileIncSorted([42], 0.4)).toBe(42);
  });
  it("quintile breaks of 1..10: h = 9·j/5 = 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2", () => {
    const b = Array.from(scoreBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5));
    [2.8, 4.6, 6.4, 8.2].forEach((x, j) => expect(b[j]).toBeCloseTo(x, 12));
  });
  it("huge values of opposite signs do not overflow: 1e308 and −1e308 → median 0", () => {
    expect(percentileIncSorted([-1e308, 1e308], 0.5)).toBe(0);
  });
});

describe("mean and median split", () => {
  it("the mean of 0.1, 0.2, 0.3 is the double nearest 0.2 from below, so 0.2 counts as ≥ the mean", () => {
    // exact sum of the three doubles is 0.6000000000000000055…; /3 rounds to 0.19999999999999998
    expect(meanOf([0.1, 0.2, 0.3])).toBe(0.19999999999999998);
    expect(0.2 >= meanOf([0.1, 0.2, 0.3])).toBe(true);
  });
  it("the mean of equal values is that value", () => {
    expect(meanOf(new Array<number>(1000).fill(0.1))).toBe(0.1);
  });
  it("the mean of 1.5e308 twice does not overflow", () => {
    expect(meanOf([1.5e308, 1.5e308])).toBe(1.5e308);
  });
  it("median of an even count is the middle pair's mean (MEDIAN): 1, 2, 10, 11 → 6; mean 24/4 = 6", () => {
    expect(splitPoint([11, 1, 10, 2], "median")).toBe(6);
    expect(splitPoint([11, 1, 10, 2], "mean")).toBe(6);
  });
  it("median of 1, 2, 10 is 2; mean 13/3", () => {
    expect(splitPoint([1, 2, 10], "median")).toBe(2);
    expect(splitPoint([1, 2, 10], "mean")).toBeCloseTo(13 / 3, 14);
  });
});

describe("sorting (radix from 1,024 values)", () => {
  it("orders 5,000 values exactly as the built-in sort: negatives, ±0, duplicates, subnormal and huge values", () => {
    const rng = mulberry32(7);
    const special = [0, -0, 5e-324, -5e-324, 1e308, -1e308, 1, -1, 0.1, -0.1];
    const values = Array.from({ length: 5000 }, (_, i) =>
      i < 200 ? special[i % special.length]! : (rng() - 0.5) * 10 ** Math.floor(rng() * 40 - 20),
    );
    for (let i = 0; i < 300; i++) values.push(Math.floor(rng() * 10)); // ties
    const expected = Float64Array.from(values).sort();
    const got = sortedValues(values);
    expect(Array.from(got).map((x) => (Object.is(x, -0) ? "-0" : x))).toEqual(
      Array.from(expected).map((x) => (Object.is(x, -0) ? "-0" : x)),
    );
    expect(values.length).toBe(5300); // the input is left alone
  });
  it("whole numbers (the low word all zero, two passes skipped) sort too", () => {
    const values = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1000);
    expect(Array.from(sortedValues(values))).toEqual([...values].sort((a, b) => a - b));
  });
});
