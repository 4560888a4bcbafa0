/**
 * Scorecard maths against values worked by hand from DESIGN.md "Scorecard semantics".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CrmError } from "../../../src/core/errors";
import { scorecardLabels } from "../../../src/core/scorecard/labels";
import {
  achievement,
  checkScoringOptions,
  ratingIndex,
  round9,
  scoreScorecard,
  ScoredKpi,
  ScoringOptions,
  statusOf,
  weightShares,
} from "../../../src/core/scorecard/scoring";

const OPTIONS: ScoringOptions = {
  cap: 1.2,
  status: { onTarget: 100, near: 80 },
  ratingBands: scorecardLabels("en").ratingBands,
};

describe("achievement", () => {
  it("higher is better without threshold: actual/target, 0.18/0.20 = 0.9", () => {
    expect(achievement({ actual: 0.18, target: 0.2, threshold: null, direction: "higher" }, 1.2)).toBeCloseTo(0.9, 15);
  });

  it("lower is better without threshold: target/actual, 40/50 = 0.8", () => {
    expect(achievement({ actual: 50, target: 40, threshold: null, direction: "lower" }, 1.2)).toBe(0.8);
  });

  it("with a threshold, higher is better: (0.91 − 0.7)/(0.90 − 0.7) = 1.05", () => {
    expect(achievement({ actual: 0.91, target: 0.9, threshold: 0.7, direction: "higher" }, 1.2)).toBeCloseTo(1.05, 14);
  });

  it("with a threshold, lower is better: CAC (850 − 1200)/(800 − 1200) = 350/400 = 0.875", () => {
    expect(achievement({ actual: 850, target: 800, threshold: 1200, direction: "lower" }, 1.2)).toBe(0.875);
  });

  it("with a threshold, lower is better: response time (5.2 − 12)/(4 − 12) = 6.8/8 = 0.85", () => {
    expect(achievement({ actual: 5.2, target: 4, threshold: 12, direction: "lower" }, 1.2)).toBeCloseTo(0.85, 15);
  });

  it("is capped: CLV 12000/10000 = 1.2 at cap 1.2; 14/10 = 1.4 is cut to 1.2", () => {
    expect(achievement({ actual: 12000, target: 10000, threshold: null, direction: "higher" }, 1.2)).toBe(1.2);
    expect(achievement({ actual: 14, target: 10, threshold: null, direction: "higher" }, 1.2)).toBe(1.2);
  });

  it("a larger cap lets more through: 14/10 = 1.4 under cap 1.5", () => {
    expect(achievement({ actual: 14, target: 10, threshold: null, direction: "higher" }, 1.5)).toBeCloseTo(1.4, 15);
  });

  it("is never below 0: actual below the threshold, (0.4 − 0.5)/(0.9 − 0.5) = −0.25 → 0", () => {
    expect(achievement({ actual: 0.4, target: 0.9, threshold: 0.5, direction: "higher" }, 1.2)).toBe(0);
    expect(achievement({ actual: -5, target: 10, threshold: null, direction: "higher" }, 1.2)).toBe(0);
  });

  it("an actual of 0 on a lower-is-better KPI without threshold scores the cap (and so does a negative one)", () => {
    expect(achievement({ actual: 0, target: 3, threshold: null, direction: "lower" }, 1.2)).toBe(1.2);
    expect(achievement({ actual: -1, target: 3, threshold: null, direction: "lower" }, 1.5)).toBe(1.5);
  });

  it("lower is better, far better than target: 40/20 = 2 → cap 1.2", () => {
    expect(achievement({ actual: 20, target: 40, threshold: null, direction: "lower" }, 1.2)).toBe(1.2);
  });
});

describe("status, rating, weights", () => {
  it("status: on target from 100, near from 80, off below", () => {
    const t = { onTarget: 100, near: 80 };
    expect(statusOf(100, t)).toBe("onTarget");
    expect(statusOf(99.999, t)).toBe("near");
    expect(statusOf(80, t)).toBe("near");
    expect(statusOf(79.99, t)).toBe("offTarget");
  });

  it("rating bands ≥ 90 A, ≥ 75 B, ≥ 60 C, else D (0-based band index)", () => {
    const b = OPTIONS.ratingBands;
    expect([95, 90, 89.9, 75, 74.9, 60, 59.9, 0].map((s) => ratingIndex(s, b))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it("a rating compares the score rounded to 9 decimals: 89.99999999999999 is an A", () => {
    expect(ratingIndex(89.99999999999999, OPTIONS.ratingBands)).toBe(0);
    expect(ratingIndex(89.9999999, OPTIONS.ratingBands)).toBe(1);
  });

  it("weights are normalised to sum to 1: 10, 8, 2 → 0.5, 0.4, 0.1", () => {
    expect(weightShares([10, 8, 2])).toEqual([0.5, 0.4, 0.1]);
  });

  it("a zero weight gets a zero share; all-zero weights are a #DIV/0! error", () => {
    expect(weightShares([0, 3])).toEqual([0, 1]);
    expect(() => weightShares([0, 0])).toThrow(CrmError);
  });

  it("round9 rounds half away from zero at 9 decimals", () => {
    expect(round9(79.99999999999999)).toBe(80);
    expect(round9(83.33333333333334)).toBe(83.333333333);
    expect(round9(-1.6000000000000014)).toBe(-1.6);
  });
});

function kpi(
  perspective: string,
  actual: number,
  target: number,
  weight: number,
  threshold: number | null = null,
  direction: "higher" | "lower" = "higher",
): ScoredKpi {
  return { perspective, actual, target, weight, threshold, direction };
}

describe("scoreScorecard", () => {
  it("weights normalise over the scorecard and within each perspective", () => {
    // P1: a scores 100 (w 1), b scores 50 (w 3); P2: c scores 80 (w 4). Σw = 8.
    // shares .125, .375, .5; points 12.5, 18.75, 40; overall 71.25.
    // P1 = (1·100 + 3·50)/4 = 62.5; P2 = 80.
    const r = scoreScorecard([kpi("P1", 10, 10, 1), kpi("P1", 5, 10, 3), kpi("P2", 8, 10, 4)], OPTIONS);
    expect(r.kpis.map((k) => k.weight)).toEqual([0.125, 0.375, 0.5]);
    expect(r.kpis.map((k) => k.score)).toEqual([100, 50, 80]);
    expect(r.kpis.map((k) => k.points)).toEqual([12.5, 18.75, 40]);
    expect(r.overall).toBe(71.25);
    expect(r.perspectives).toEqual([
      { name: "P1", weight: 0.5, score: 62.5, rating: 2 },
      { name: "P2", weight: 0.5, score: 80, rating: 1 },
    ]);
    expect(r.rating).toBe(2); // 71.25 → C
  });

  it("equal weights when every KPI weighs 1: scores 120, 90, 60 → overall 90 (A)", () => {
    const r = scoreScorecard([kpi("", 12, 10, 1), kpi("", 9, 10, 1), kpi("", 6, 10, 1)], OPTIONS);
    expect(r.overall).toBeCloseTo(90, 12);
    expect(r.rating).toBe(0);
  });

  it("a zero-weight KPI still scores, but adds no points", () => {
    const r = scoreScorecard([kpi("P", 5, 10, 0), kpi("P", 10, 10, 2)], OPTIONS);
    expect(r.kpis[0]!.score).toBe(50);
    expect(r.kpis[0]!.points).toBe(0);
    expect(r.overall).toBe(100);
  });

  it("strengths: on-target KPIs, best first, ties in table order; at most 5", () => {
    // scores: 110, 120, 100, 95, 120, 105, 101, 102
    const xs = [11, 12, 10, 9.5, 12, 10.5, 10.1, 10.2].map((a) => kpi("P", a, 10, 1));
    const r = scoreScorecard(xs, OPTIONS);
    expect(r.strengths).toEqual([1, 4, 0, 5, 7]);
  });

  it("weaknesses: off-target KPIs by points lost w·(100 − score), largest first", () => {
    // weights 1, 3, 2, 4 of 10; scores 50, 70, 40, 85.
    // lost: .1·50 = 5, .3·30 = 9, .2·60 = 12, .4·15 = 6 — but the 85 is near target, not a weakness,
    // even though it loses more points than the first KPI.
    const r = scoreScorecard(
      [kpi("P", 5, 10, 1), kpi("P", 7, 10, 3), kpi("P", 4, 10, 2), kpi("P", 8.5, 10, 4)],
      OPTIONS,
    );
    expect(r.kpis.map((k) => k.pointsLost)).toEqual([5, 9, 12, 6]);
    expect(r.weaknesses).toEqual([2, 1, 0]);
  });

  it("the English sample: overall 91.0133333333, ratings A B A B, strengths and weaknesses by hand", () => {
    // Scores by hand (rounded to 9 decimals), weights of 100:
    // Financial: 0.10/0.12 → 83.333333333 (10); (1.8−1)/(2−1) → 80 (8); CAC 87.5 (8); CLV 120 (8); LTV:CAC (3.4−1)/2 → 120 (6)
    //   points 8.3333333333 + 6.4 + 7 + 9.6 + 7.2 = 38.5333333333; score 38.5333333333/0.40 = 96.33333333325
    // Customer: 84 (8), (0.86−0.7)/0.2 → 80 (6), 0.22/0.25 → 88 (8), 0.14/0.15 → 93.333333333 (6), 90 (4)
    //   points 6.72 + 4.8 + 7.04 + 5.59999999998 + 3.6 = 27.75999999998; /0.32 = 86.7499999999375
    // Internal process: 85 (5), 105 (4), 85 (5), 88 (4), 2.9/3 → 96.666666667 (3)
    //   points 4.25 + 4.2 + 4.25 + 3.52 + 2.90000000001 = 19.12000000001; /0.21 = 91.047619047666…
    // Learning & growth: 70 (3), 91.666666667 (2), 75 (1), 91.666666667 (1)
    //   points 2.1 + 1.83333333334 + 0.75 + 0.91666666667 = 5.60000000001; /0.07 = 80.000000000142…
    // Overall = 38.5333333333 + 27.75999999998 + 19.12000000001 + 5.60000000001 = 91.0133333333
    const rows: [string, number, number, number, number | null, "higher" | "lower"][] = [
      ["Financial", 0.1, 0.12, 10, 0, "higher"],
      ["Financial", 1.8, 2.0, 8, 1, "higher"],
      ["Financial", 850, 800, 8, 1200, "lower"],
      ["Financial", 12000, 10000, 8, null, "higher"],
      ["Financial", 3.4, 3, 6, 1, "higher"],
      ["Customer", 42, 50, 8, 0, "higher"],
      ["Customer", 0.86, 0.9, 6, 0.7, "higher"],
      ["Customer", 0.82, 0.85, 8, 0.6, "higher"],
      ["Customer", 0.11, 0.1, 6, 0.25, "lower"],
      ["Customer", 0.18, 0.2, 4, null, "higher"],
      ["Internal process", 5.2, 4, 5, 12, "lower"],
      ["Internal process", 0.91, 0.9, 4, 0.7, "higher"],
      ["Internal process", 0.064, 0.07, 5, 0.03, "higher"],
      ["Internal process", 0.22, 0.25, 4, null, "higher"],
      ["Internal process", 2.1, 2, 3, 5, "lower"],
      ["Learning & growth", 0.78, 0.9, 3, 0.5, "higher"],
      ["Learning & growth", 0.55, 0.6, 2, null, "higher"],
      ["Learning & growth", 18, 24, 1, 0, "higher"],
      ["Learning & growth", 4.1, 4.2, 1, 3, "higher"],
    ];
    const r = scoreScorecard(
      rows.map(([p, a, t, w, h, d]) => kpi(p, a, t, w, h, d)),
      OPTIONS,
    );
    expect(r.kpis.map((k) => k.score)).toEqual([
      83.333333333, 80, 87.5, 120, 120, 84, 80, 88, 93.333333333, 90, 85, 105, 85, 88, 96.666666667, 70, 91.666666667,
      75, 91.666666667,
    ]);
    expect(r.overall).toBeCloseTo(91.0133333333, 10);
    expect(r.perspectives.map((p) => p.name)).toEqual([
      "Financial",
      "Customer",
      "Internal process",
      "Learning & growth",
    ]);
    expect(r.perspectives[0]!.score).toBeCloseTo(96.33333333325, 10);
    expect(r.perspectives[1]!.score).toBeCloseTo(86.7499999999375, 10);
    expect(r.perspectives[2]!.score).toBeCloseTo(91.047619047666, 10);
    expect(r.perspectives[3]!.score).toBeCloseTo(80.000000000142, 10);
    expect(r.perspectives.map((p) => p.weight)).toEqual([
      0.4,
      0.32,
      expect.closeTo(0.21, 15),
      expect.closeTo(0.07, 15),
    ]);
    expect(r.perspectives.map((p) => p.rating)).toEqual([0, 1, 0, 1]);
    expect(r.rating).toBe(0);
    // On target: CLV 120 and LTV:CAC 120 (tie: table order), complaint resolution 105.
    expect(r.strengths).toEqual([3, 4, 11]);
    // Off target: CRM usage 70 (lost .03·30 = 0.9), training 75 (lost .01·25 = 0.25).
    expect(r.weaknesses).toEqual([15, 17]);
    expect(r.kpis[15]!.pointsLost).toBe(0.9);
    expect(r.kpis[17]!.pointsLost).toBe(0.25);
    // CSAT is 80 in decimal arithmetic and 79.99999999999999 in binary before rounding: near, not off.
    expect(r.kpis[6]!.status).toBe("near");
  });

  it("rejects a cap below 1, near above on-target, and bands not running downwards", () => {
    expect(() => checkScoringOptions({ ...OPTIONS, cap: 0.9 })).toThrow(/cap/);
    expect(() => checkScoringOptions({ ...OPTIONS, status: { onTarget: 80, near: 90 } })).toThrow(/near/);
    expect(() =>
      checkScoringOptions({
        ...OPTIONS,
        ratingBands: [
          { min: 50, label: "x" },
          { min: 60, label: "y" },
        ],
      }),
    ).toThrow(/highest/);
    expect(() => checkScoringOptions({ ...OPTIONS, ratingBands: [] })).toThrow(/band/);
  });

  it("for every valid table: scores within [0, 100·cap], shares sum to 1, overall = Σ perspective weight · score", () => {
    const arbKpi = fc.record({
      perspective: fc.constantFrom("A", "B", "C"),
      actual: fc.double({ min: -100, max: 1000, noNaN: true }),
      target: fc.double({ min: 0.01, max: 1000, noNaN: true }),
      weight: fc.double({ min: 0.01, max: 50, noNaN: true }),
      direction: fc.constantFrom<"higher" | "lower">("higher", "lower"),
    });
    fc.assert(
      fc.property(
        fc.array(arbKpi, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (xs, cap) => {
          const r = scoreScorecard(
            xs.map((x) => ({ ...x, threshold: null })),
            { ...OPTIONS, cap },
          );
          let shares = 0;
          for (const k of r.kpis) {
            expect(k.score).toBeGreaterThanOrEqual(0);
            expect(k.score).toBeLessThanOrEqual(round9(100 * cap));
            shares += k.weight;
          }
          expect(shares).toBeCloseTo(1, 12);
          const viaPerspectives = r.perspectives.reduce((s, p) => s + p.weight * p.score, 0);
          expect(r.overall).toBeCloseTo(viaPerspectives, 9);
          expect(r.strengths.length).toBeLessThanOrEqual(5);
          expect(r.weaknesses.length).toBeLessThanOrEqual(5);
        },
      ),
      { seed: 20250331, numRuns: 200 },
    );
  });
});
