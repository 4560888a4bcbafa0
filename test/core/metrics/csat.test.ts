import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { csat } from "../../../src/core/metrics/csat";

describe("csat", () => {
  it("CSAT of {5,4,3,5,2} on 1–5 is 3/5 = 0.6: 5, 4, 5 are at least the default threshold 4", () => {
    expect(csat([5, 4, 3, 5, 2])).toBe(0.6);
  });
  it("the threshold counts as satisfied (≥, not >): {4,4,3,2} → 2/4", () => {
    expect(csat([4, 4, 3, 2])).toBe(0.5);
  });
  it("an explicit threshold 5 keeps only top-box: {5,4,3,5,2} → 2/5", () => {
    expect(csat([5, 4, 3, 5, 2], { threshold: 5 })).toBe(0.4);
  });
  it("on a 0–10 scale the default threshold is the top two boxes, 9: {10,9,8,0} → 2/4", () => {
    expect(csat([10, 9, 8, 0], { scaleMax: 10 })).toBe(0.5);
  });
  it("a 0 score is a real (unsatisfied) response, fractional scores are allowed: {0, 4.5, 3.99} → 1/3", () => {
    expect(csat([0, 4.5, 3.99])).toBeCloseTo(1 / 3, 15);
  });
  it("all satisfied is 1, none 0", () => {
    expect(csat([5, 5])).toBe(1);
    expect(csat([1, 2, 3])).toBe(0);
  });
  it("a score above scaleMax, negative or NaN is #NUM!", () => {
    for (const s of [6, -1, Number.NaN, Infinity]) expect(codeOf(() => csat([5, s]))).toBe("NUM");
    expect(codeOf(() => csat([7], { scaleMax: 5 }))).toBe("NUM");
  });
  it("threshold ≤ 0 or above scaleMax, scaleMax ≤ 0, or a default threshold of 0 (scaleMax 1) is #NUM!", () => {
    expect(codeOf(() => csat([3], { threshold: 0 }))).toBe("NUM");
    expect(codeOf(() => csat([3], { threshold: 6 }))).toBe("NUM");
    expect(codeOf(() => csat([3], { scaleMax: 0 }))).toBe("NUM");
    expect(codeOf(() => csat([3], { scaleMax: -5 }))).toBe("NUM");
    expect(codeOf(() => csat([1], { scaleMax: 1 }))).toBe("NUM");
    expect(csat([1, 0], { scaleMax: 1, threshold: 1 })).toBe(0.5); // thumbs up/down: give the threshold
  });
  it("no responses is #DIV/0!", () => {
    expect(codeOf(() => csat([]))).toBe("DIV0");
  });
});
