/**
 * Promises every core metric keeps for any input, clean or not: it returns finite numbers or throws the
 * core's CrmError — never NaN, Infinity, or another exception — and its result lies in the metric's range.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CrmError } from "../../../src/core/errors";
import { cac, conversionRate, ltvToCac, paybackPeriods } from "../../../src/core/metrics/acquisition";
import { clv, clvSimple } from "../../../src/core/metrics/clv";
import { csat } from "../../../src/core/metrics/csat";
import { eva, roi, tco } from "../../../src/core/metrics/finance";
import { nps, npsCounts, npsFromCounts, npsInterval, npsMarginOfError } from "../../../src/core/metrics/nps";
import { percentileInc, responseHours } from "../../../src/core/metrics/responseTime";
import { churnRate, repeatRate, retentionRate } from "../../../src/core/metrics/retention";
import { criticalValue, normalQuantile } from "../../../src/core/stats/normal";

const RUNS = { numRuns: 400 };

/** Any double (NaN, ±Infinity, ±huge, subnormal), small integers and the usual suspects, mixed. */
const anyNumber = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -20, max: 20 }), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 3 },
  { arbitrary: fc.constantFrom(0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity), weight: 1 },
);
const numbers = fc.array(anyNumber, { maxLength: 30 });
const numbersOrNull = fc.array(fc.option(anyNumber, { nil: null }), { maxLength: 30 });
const anyCount = fc.oneof(fc.integer({ min: 0, max: 1000 }), anyNumber);
const counts = fc.record({ promoters: anyCount, passives: anyCount, detractors: anyCount, responses: anyCount });
const validCounts = fc.tuple(fc.nat(500), fc.nat(500), fc.nat(500)).map(([promoters, passives, detractors]) => ({
  promoters,
  passives,
  detractors,
  responses: promoters + passives + detractors,
}));

/** Runs f: returns its result (checked finite) or undefined when it threw a CrmError; fails otherwise. */
function outcome<T extends number | readonly number[]>(f: () => T): T | undefined {
  let r: T;
  try {
    r = f();
  } catch (e) {
    expect(e).toBeInstanceOf(CrmError);
    return undefined;
  }
  const xs: readonly number[] = typeof r === "number" ? [r] : r;
  for (const x of xs) expect(Number.isFinite(x)).toBe(true);
  return r;
}

function inRange(x: number | undefined, lo: number, hi: number): void {
  if (x !== undefined) {
    expect(x).toBeGreaterThanOrEqual(lo);
    expect(x).toBeLessThanOrEqual(hi);
  }
}

describe("every core metric returns finite numbers or throws CrmError", () => {
  it("nps, npsCounts, npsFromCounts: NPS in −100..100", () => {
    const scores = fc.array(fc.oneof(fc.integer({ min: -1, max: 11 }), anyNumber), { maxLength: 30 });
    fc.assert(
      fc.property(scores, counts, (s, c) => {
        inRange(
          outcome(() => nps(s)),
          -100,
          100,
        );
        outcome(() => {
          const k = npsCounts(s);
          return [k.promoters, k.passives, k.detractors, k.responses];
        });
        outcome(() => npsFromCounts(c));
      }),
      { seed: 101, ...RUNS },
    );
  });

  it("npsMarginOfError ≥ 0 and npsInterval within −100..100, lower ≤ upper, for any counts and confidence", () => {
    fc.assert(
      fc.property(fc.oneof(counts, validCounts), anyNumber, (c, conf) => {
        const moe = outcome(() => npsMarginOfError(c, conf));
        if (moe !== undefined) expect(moe).toBeGreaterThanOrEqual(0);
        const ci = outcome(() => npsInterval(c, conf));
        if (ci !== undefined) {
          inRange(ci[0], -100, 100);
          inRange(ci[1], -100, 100);
          expect(ci[0]).toBeLessThanOrEqual(ci[1]);
        }
      }),
      { seed: 102, ...RUNS },
    );
  });

  it("the adjusted-Wald interval contains its centre 100·(P − D)/(n + 3) and widens with confidence", () => {
    fc.assert(
      fc.property(validCounts, fc.double({ min: 0.5, max: 0.98, noNaN: true }), (c, conf) => {
        fc.pre(c.responses > 0);
        const centre = (100 * (c.promoters - c.detractors)) / (c.responses + 3);
        const [lo, hi] = npsInterval(c, conf);
        const [lo99, hi99] = npsInterval(c, 0.99);
        expect(lo).toBeLessThanOrEqual(centre + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(centre - 1e-9);
        expect(lo99).toBeLessThanOrEqual(lo + 1e-9);
        expect(hi99).toBeGreaterThanOrEqual(hi - 1e-9);
      }),
      { seed: 103, ...RUNS },
    );
  });

  it("normalQuantile and criticalValue", () => {
    fc.assert(
      fc.property(anyNumber, (p) => {
        outcome(() => normalQuantile(p));
        const z = outcome(() => criticalValue(p));
        if (z !== undefined) expect(z).toBeGreaterThanOrEqual(0);
      }),
      { seed: 104, ...RUNS },
    );
  });

  it("csat in 0..1", () => {
    const opt = fc.option(anyNumber, { nil: undefined });
    fc.assert(
      fc.property(numbers, opt, opt, (s, threshold, scaleMax) => {
        inRange(
          outcome(() => csat(s, { threshold, scaleMax })),
          0,
          1,
        );
      }),
      { seed: 105, ...RUNS },
    );
  });

  it("cac ≥ 0, conversionRate in 0..1, ltvToCac, paybackPeriods ≥ 0", () => {
    fc.assert(
      fc.property(numbers, numbers, anyNumber, anyNumber, (a, b, x, y) => {
        inRange(
          outcome(() => cac(a, b)),
          0,
          Infinity,
        );
        inRange(
          outcome(() => conversionRate(a, b)),
          0,
          1,
        );
        outcome(() => ltvToCac(x, y));
        inRange(
          outcome(() => paybackPeriods(x, y)),
          0,
          Infinity,
        );
      }),
      { seed: 106, ...RUNS },
    );
  });

  it("retentionRate and churnRate in 0..1", () => {
    fc.assert(
      fc.property(anyCount, anyCount, anyCount, (s, e, n) => {
        inRange(
          outcome(() => retentionRate(s, e, n)),
          0,
          1,
        );
        inRange(
          outcome(() => churnRate(s, e)),
          0,
          1,
        );
      }),
      { seed: 107, ...RUNS },
    );
  });

  it("repeatRate in 0..1", () => {
    const id = fc.oneof(
      fc.constantFrom("A", "a", " A ", "B", "", "  "),
      fc.string({ maxLength: 3 }),
      anyNumber,
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        inRange(
          outcome(() => repeatRate(ids)),
          0,
          1,
        );
      }),
      { seed: 108, ...RUNS },
    );
  });

  it("clv (any timing, finite or unlimited) and clvSimple", () => {
    const periods = fc.option(fc.oneof(fc.integer({ min: -2, max: 1000 }), anyNumber), { nil: undefined });
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyNumber,
        periods,
        fc.oneof(fc.constantFrom(0, 1, 2), anyNumber),
        (m, r, d, T, k) => {
          outcome(() => clv(m, r, d, T, k));
          outcome(() => clvSimple(m, r, d, T ?? 0));
        },
      ),
      { seed: 109, ...RUNS },
    );
  });

  it("clv grows with retention and falls with the discount rate for a positive margin", () => {
    const rate = fc.double({ min: 0, max: 0.95, noNaN: true });
    fc.assert(
      fc.property(
        rate,
        rate,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom(0, 1, 2),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        (r1, r2, d, k, T) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(clv(100, lo, d, T, k)).toBeLessThanOrEqual(clv(100, hi, d, T, k) * (1 + 1e-12));
          expect(clv(100, lo, d + 0.1, T, k)).toBeLessThanOrEqual(clv(100, lo, d, T, k) * (1 + 1e-12));
        },
      ),
      { seed: 110, ...RUNS },
    );
  });

  it("roi, tco (≥ 0), eva", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, numbersOrNull, (a, b, c, costs) => {
        outcome(() => roi(a, b));
        inRange(
          outcome(() => tco(a, costs, b)),
          0,
          Infinity,
        );
        outcome(() => eva(a, b, c));
      }),
      { seed: 111, ...RUNS },
    );
  });

  it("responseHours: min ≤ median ≤ p90 ≤ max, mean within min..max, whatever the pairs", () => {
    const stamp = fc.option(fc.oneof(fc.double({ min: 45000, max: 45010, noNaN: true }), anyNumber), { nil: null });
    const pairs = fc.array(fc.tuple(stamp, stamp), { maxLength: 30 });
    fc.assert(
      fc.property(pairs, (ps) => {
        const open = ps.map((p) => p[0]);
        const done = ps.map((p) => p[1]);
        const mean = outcome(() => responseHours(open, done, "mean"));
        const median = outcome(() => responseHours(open, done, "median"));
        const p90 = outcome(() => responseHours(open, done, "p90"));
        if (median !== undefined && p90 !== undefined) {
          expect(median).toBeLessThanOrEqual(p90);
          const hours = ps.filter(([a, b]) => a !== null && b !== null).map(([a, b]) => (b! - a!) * 24);
          inRange(median, Math.min(...hours), Math.max(...hours));
          inRange(p90, Math.min(...hours), Math.max(...hours));
          if (mean !== undefined) inRange(mean, Math.min(...hours) * (1 - 1e-12), Math.max(...hours) * (1 + 1e-12));
        }
      }),
      { seed: 112, ...RUNS },
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          const sorted = Float64Array.from(xs).sort();
          inRange(
            outcome(() => percentileInc(sorted, p)),
            sorted[0]!,
            sorted[sorted.length - 1]!,
          );
        },
      ),
      { seed: 113, ...RUNS },
    );
  });
});
