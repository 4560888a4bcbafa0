import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { nps, npsCounts, npsFromCounts, npsInterval, npsMarginOfError } from "../../../src/core/metrics/nps";

const counts = (promoters: number, passives: number, detractors: number) => ({
  promoters,
  passives,
  detractors,
  responses: promoters + passives + detractors,
});

describe("nps and npsCounts", () => {
  it("NPS of {10,9,8,7,6,3,10} is 100·(3 − 2)/7 ≈ 14.29: promoters 10, 9, 10; detractors 6, 3", () => {
    expect(nps([10, 9, 8, 7, 6, 3, 10])).toBeCloseTo(100 / 7, 12);
    expect(npsCounts([10, 9, 8, 7, 6, 3, 10])).toEqual(counts(3, 2, 2));
  });
  it("boundaries: 9 is a promoter, 8 and 7 passives, 6 and 0 detractors", () => {
    expect(npsCounts([9, 8, 7, 6, 0])).toEqual(counts(1, 2, 2));
  });
  it("all promoters is +100, all detractors −100, all passives 0", () => {
    expect(nps([9, 10, 10])).toBe(100);
    expect(nps([0, 6, 3])).toBe(-100);
    expect(nps([7, 8])).toBe(0);
  });
  it("a score of 11, −1, 7.5 or NaN is #NUM!; no scores is #DIV/0!", () => {
    for (const bad of [11, -1, 7.5, Number.NaN, Infinity]) expect(codeOf(() => nps([10, bad]))).toBe("NUM");
    expect(codeOf(() => nps([]))).toBe("DIV0");
    expect(codeOf(() => npsFromCounts(counts(0, 0, 0)))).toBe("DIV0");
  });
  it("npsFromCounts rejects counts no survey could produce (parts not summing to responses, fractions) with #NUM!", () => {
    expect(codeOf(() => npsFromCounts({ promoters: 0, passives: 0, detractors: 1, responses: 5e-324 }))).toBe("NUM");
    expect(codeOf(() => npsFromCounts({ promoters: 2, passives: 0, detractors: 0, responses: 1 }))).toBe("NUM");
  });
});

describe("npsMarginOfError (Wald)", () => {
  it("3 promoters, 2 detractors of 7 at 95%: 1.959964·100·√((5/7 − 1/49)/7) = 1.959964·100·√(34/343) ≈ 61.708", () => {
    // p = 3/7, d = 2/7: p + d − (p − d)² = 35/49 − 1/49 = 34/49; /7 = 34/343 = 0.099125; √ = 0.314842.
    expect(npsMarginOfError(counts(3, 2, 2))).toBeCloseTo(61.707860564911414, 9);
  });
  it("50 promoters, 30 passives, 20 detractors: 1.959964·100·√((0.7 − 0.09)/100) = 1.959964·7.81025 ≈ 15.308", () => {
    expect(npsMarginOfError(counts(50, 30, 20))).toBeCloseTo(15.30780807504267, 9);
  });
  it("the confidence sets z: at 90% z = 1.644854, so 61.708·1.644854/1.959964 ≈ 51.787; at 99% 15.308 → 20.118", () => {
    expect(npsMarginOfError(counts(3, 2, 2), 0.9)).toBeCloseTo(51.78686907628531, 9);
    expect(npsMarginOfError(counts(50, 30, 20), 0.99)).toBeCloseTo(20.11786998323366, 9);
  });
  it("is 0 when every response is a promoter (the Wald interval collapses)", () => {
    expect(npsMarginOfError(counts(10, 0, 0))).toBe(0);
  });
  it("confidence outside (0, 1) is #NUM!; no responses #DIV/0!; impossible counts #NUM!", () => {
    for (const c of [0, 1, 95, -0.1, Number.NaN])
      expect(codeOf(() => npsMarginOfError(counts(3, 2, 2), c))).toBe("NUM");
    expect(codeOf(() => npsMarginOfError(counts(0, 0, 0)))).toBe("DIV0");
    expect(codeOf(() => npsMarginOfError({ promoters: 1, passives: 1, detractors: 1, responses: 4 }))).toBe("NUM");
    expect(codeOf(() => npsMarginOfError({ promoters: -1, passives: 2, detractors: 1, responses: 2 }))).toBe("NUM");
    expect(codeOf(() => npsMarginOfError({ promoters: 0.5, passives: 0.5, detractors: 0, responses: 1 }))).toBe("NUM");
  });
});

describe("npsInterval (adjusted Wald: +0.75 promoters, +0.75 detractors, n + 3)", () => {
  it("3/2/2 at 95%: p̃ = 3.75/10, d̃ = 2.75/10, centre 10, half-width 1.959964·100·√(0.64/10) ≈ 49.584", () => {
    // p̃ + d̃ − (p̃ − d̃)² = 0.65 − 0.01 = 0.64; /10 = 0.064; √ = 0.252982; ×195.9964 = 49.5836.
    const [lo, hi] = npsInterval(counts(3, 2, 2));
    expect(lo).toBeCloseTo(-39.583602584364925, 9);
    expect(hi).toBeCloseTo(59.583602584364925, 9);
  });
  it("50/30/20: centre 100·30/103 = 29.126, half-width 1.959964·100·√((71.5/103 − (30/103)²)/103) ≈ 15.075", () => {
    const [lo, hi] = npsInterval(counts(50, 30, 20));
    expect(lo).toBeCloseTo(14.051130178761605, 9);
    expect(hi).toBeCloseTo(44.20129700570441, 9);
  });
  it("all 10 promoters: centre 100·10/13 = 76.92, upper 106.34 clipped to 100, lower 47.50 — not the Wald point 100", () => {
    const [lo, hi] = npsInterval(counts(10, 0, 0));
    expect(lo).toBeCloseTo(47.503551544790206, 9);
    expect(hi).toBe(100);
  });
  it("all 10 detractors: lower clipped to −100, upper −47.50", () => {
    const [lo, hi] = npsInterval(counts(0, 0, 10));
    expect(lo).toBe(-100);
    expect(hi).toBeCloseTo(-47.503551544790206, 9);
  });
  it("a single promoter: p̃ = 1.75/4, d̃ = 0.75/4, centre 25, ±73.50 → [−48.50, 98.50]", () => {
    const [lo, hi] = npsInterval(counts(1, 0, 0));
    expect(lo).toBeCloseTo(-48.49864942025202, 9);
    expect(hi).toBeCloseTo(98.49864942025202, 9);
  });
  it("confidence outside (0, 1) is #NUM!; no responses #DIV/0! (not the 0 ± … of the +3 pseudo-responses)", () => {
    expect(codeOf(() => npsInterval(counts(3, 2, 2), 1))).toBe("NUM");
    expect(codeOf(() => npsInterval(counts(0, 0, 0)))).toBe("DIV0");
  });
});
