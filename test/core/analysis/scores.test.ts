/**
 * RFM scores with k bins (DESIGN.md "RFM scores"): breaks PERCENTILE.INC(values, j/k); F and M score
 * 1 + #{j : v > b_j}, R 1 + #{j : v < b_j}; code 100R + 10F + M. Hand-worked cases, the CDNOW sample against
 * NumPy (numpy.quantile, method "linear" = type 7; test/fixtures/analysis/make_fixtures.py) and properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfmScores } from "../../../src/core/analysis/scores";
import { CrmError } from "../../../src/core/errors";
import { Message, msg } from "../../../src/core/messages/catalogue";
import { codeOf } from "../../support/crmError";
import { cdnowAnalysis } from "../../fixtures/analysis/analysis";

describe("RFM scores, worked by hand", () => {
  it("3 bins of three customers: R breaks 28.33, 93.33; F 1.67, 3.33; M 60, 153.33 → 333, 222, 111", () => {
    // days 5, 40, 200: h = 2·1/3 → 5 + (2/3)·35 = 28.33; h = 4/3 → 40 + (1/3)·160 = 93.33
    const s = rfmScores([5, 40, 200], [6, 2, 1], [300, 80, 20], { bins: 3 });
    expect(s.breaks.r[0]).toBeCloseTo(85 / 3, 12);
    expect(s.breaks.r[1]).toBeCloseTo(280 / 3, 12);
    expect(s.breaks.m[0]).toBeCloseTo(60, 12);
    expect(Array.from(s.r)).toEqual([3, 2, 1]);
    expect(Array.from(s.f)).toEqual([3, 2, 1]);
    expect(Array.from(s.m)).toEqual([3, 2, 1]);
    expect(Array.from(s.code)).toEqual([333, 222, 111]);
  });

  it("quintiles of 1..10 purchases (breaks 2.8, 4.6, 6.4, 8.2): 1–2 → 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5", () => {
    const f = Array.from({ length: 10 }, (_, i) => i + 1);
    const s = rfmScores(new Array<number>(10).fill(0), f, f);
    expect(Array.from(s.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // fewer days is better: days 1..10 score 5, 5, 4, 4, 3, 3, 2, 2, 1, 1
    expect(Array.from(rfmScores(f, f, f).r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("equal values get equal scores: purchases 1,1,1,1,1,1,2,5 with 4 bins → breaks 1, 1, 1.25 → 1s score 1, 2 → 4, 5 → 4", () => {
    const s = rfmScores([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 1, 1, 1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8], { bins: 4 });
    expect(Array.from(s.breaks.f)).toEqual([1, 1, 1.25]);
    expect(Array.from(s.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4]);
  });

  it("a column of equal values scores 1 throughout; a single customer scores 111", () => {
    expect(Array.from(rfmScores([3, 3, 3], [2, 2, 2], [9, 9, 9]).code)).toEqual([111, 111, 111]);
    expect(Array.from(rfmScores([10], [1], [5]).code)).toEqual([111]);
  });

  it("2 and 9 bins are allowed; 1, 10 and 2.5 are #NUM!", () => {
    expect(Array.from(rfmScores([1, 2], [1, 2], [1, 2], { bins: 2 }).code)).toEqual([211, 122]);
    expect(
      Math.max(
        ...rfmScores([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9], { bins: 9 })
          .f,
      ),
    ).toBe(9);
    for (const bins of [1, 10, 2.5, Number.NaN]) expect(codeOf(() => rfmScores([1], [1], [1], { bins }))).toBe("NUM");
  });

  it("negative days or purchases #NUM!; negative spend (net refunds) is allowed; different lengths #VALUE!; none #N/A", () => {
    expect(codeOf(() => rfmScores([-1], [1], [1]))).toBe("NUM");
    expect(codeOf(() => rfmScores([1], [-1], [1]))).toBe("NUM");
    expect(codeOf(() => rfmScores([1, 2], [1, 1], [-5, 5]))).toBeUndefined();
    expect(codeOf(() => rfmScores([1, 2], [1], [1, 2]))).toBe("VALUE");
    expect(codeOf(() => rfmScores([], [], []))).toBe("NA");
    expect(codeOf(() => rfmScores([Number.NaN], [1], [1]))).toBe("NUM");
  });

  it("messages name the argument and the customer (the adapters pass the cell)", () => {
    const describe = (i: number): Message => msg("input.rangeRow", { row: i + 2 });
    expect(() => rfmScores([1, -2], [1, 1], [1, 1], { describe })).toThrow(
      "daysSinceLast: row 3 of the range is -2; it must be ≥ 0",
    );
    try {
      rfmScores([1, -2], [1, 1], [1, 1], { describe });
    } catch (e) {
      expect((e as CrmError).text("zh")).toBe("daysSinceLast：区域第 3 行为 -2；必须 ≥ 0");
    }
  });
});

describe("RFM scores of the CDNOW sample (reference: NumPy, make_fixtures.py)", () => {
  const ref = cdnowAnalysis();
  for (const fixture of [ref.scores5, ref.scores3]) {
    it(`${fixture.bins} bins: the breaks to 1e-12 and every customer's code`, () => {
      const s = rfmScores(ref.daysSinceLast, ref.purchases, ref.totalSpend, { bins: fixture.bins });
      for (const c of ["r", "f", "m"] as const) {
        fixture.breaks[c].forEach((b, j) => expect(s.breaks[c][j]).toBeCloseTo(b, 9));
      }
      expect(Array.from(s.code)).toEqual(fixture.codes);
    });
  }
});

describe("RFM score properties", () => {
  const table = fc
    .array(fc.tuple(fc.nat(1000), fc.nat(50), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
      minLength: 1,
      maxLength: 60,
    })
    .map((rows) => ({ d: rows.map((r) => r[0]), f: rows.map((r) => r[1]), m: rows.map((r) => r[2]) }));

  it("scores are whole numbers 1..k, and monotone: more purchases never score lower, more days never higher", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 9 }), ({ d, f, m }, bins) => {
        const s = rfmScores(d, f, m, { bins });
        for (let i = 0; i < d.length; i++) {
          for (const x of [s.r[i]!, s.f[i]!, s.m[i]!]) expect(x >= 1 && x <= bins).toBe(true);
          expect(s.code[i]).toBe(100 * s.r[i]! + 10 * s.f[i]! + s.m[i]!);
          for (let j = 0; j < d.length; j++) {
            if (f[i]! <= f[j]!) expect(s.f[i]!).toBeLessThanOrEqual(s.f[j]!);
            if (m[i]! <= m[j]!) expect(s.m[i]!).toBeLessThanOrEqual(s.m[j]!);
            if (d[i]! <= d[j]!) expect(s.r[i]!).toBeGreaterThanOrEqual(s.r[j]!);
          }
        }
      }),
    );
  });
});
