import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { clv, clvSimple } from "../../../src/core/metrics/clv";

/** The definition summed term by term (DESIGN.md), as an independent reference for the closed form. */
function clvBySummation(m: number, r: number, d: number, T: number, timing: 0 | 1 | 2): number {
  let s = 0;
  for (let t = 1; t <= T; t++) {
    if (timing === 0)
      s += r ** t / (1 + d) ** t; // t = 1..T
    else if (timing === 1)
      s += r ** (t - 1) / (1 + d) ** (t - 1); // t = 0..T−1
    else s += r ** (t - 1) / (1 + d) ** t; // t = 1..T, r^(t−1)
  }
  return m * s;
}

describe("clv, unlimited horizon", () => {
  it("timing 0 (Gupta–Lehmann) is m·r/(1 + d − r): 100·0.8/(1.1 − 0.8) = 80/0.3 = 266.67", () => {
    expect(clv(100, 0.8, 0.1)).toBeCloseTo(800 / 3, 10);
  });
  it("timing 1 (first margin at acquisition) is m(1 + d)/(1 + d − r): 100·1.1/0.3 = 366.67 = timing 0 + m", () => {
    expect(clv(100, 0.8, 0.1, undefined, 1)).toBeCloseTo(1100 / 3, 10);
  });
  it("timing 2 (first margin certain at end of period 1) is m/(1 + d − r): 100/0.3 = 333.33 = timing 1 /(1 + d)", () => {
    expect(clv(100, 0.8, 0.1, undefined, 2)).toBeCloseTo(1000 / 3, 10);
  });
  it("Gupta–Lehmann's margin multiple r/(1 + i − r): 90% retention, 10% discount → 0.9/0.2 = 4.5", () => {
    expect(clv(1, 0.9, 0.1)).toBeCloseTo(4.5, 12);
  });
  it("retention 0: nothing after acquisition (timing 0 → 0), only the first margin for timings 1 and 2", () => {
    expect(clv(100, 0, 0.1)).toBe(0);
    expect(clv(100, 0, 0.1, undefined, 1)).toBe(100);
    expect(clv(100, 0, 0.1, undefined, 2)).toBeCloseTo(100 / 1.1, 12);
  });
  it("a negative margin gives a negative CLV: −50·0.5/(1 − 0.5) = −50", () => {
    expect(clv(-50, 0.5, 0)).toBe(-50);
  });
  it("diverges, so #NUM!, when r ≥ 1 + d (r = 1, d = 0; r = 0.9, d = −0.2)", () => {
    expect(codeOf(() => clv(100, 1, 0))).toBe("NUM");
    expect(codeOf(() => clv(100, 0.9, -0.2))).toBe("NUM");
  });
});

describe("clv, finite horizon", () => {
  // q = r/(1 + d) = 0.8/1.1 = 8/11.
  it("timing 0, T = 3: 100·(q + q² + q³) = 100·(968 + 704 + 512)/1331 = 100·2184/1331 ≈ 164.087", () => {
    expect(clv(100, 0.8, 0.1, 3)).toBeCloseTo(218400 / 1331, 10);
  });
  it("timing 1, T = 3: 100·(1 + q + q²) = 100·273/121 ≈ 225.620, which is Excel's =PV(1.1/0.8 − 1, 3, −100, 0, 1)", () => {
    expect(clv(100, 0.8, 0.1, 3, 1)).toBeCloseTo(27300 / 121, 10);
  });
  it("timing 2, T = 3: (100/1.1)·(1 + q + q²) = 27300/133.1 ≈ 205.109", () => {
    expect(clv(100, 0.8, 0.1, 3, 2)).toBeCloseTo(27300 / 133.1, 10);
  });
  it("T = 1: one margin, m·q, m, or m/(1 + d)", () => {
    expect(clv(100, 0.8, 0.1, 1)).toBeCloseTo(800 / 11, 12);
    expect(clv(100, 0.8, 0.1, 1, 1)).toBe(100);
    expect(clv(100, 0.8, 0.1, 1, 2)).toBeCloseTo(1000 / 11, 12);
  });
  it("q = 1 (r = 1, d = 0) sums T whole margins: T = 5 → 500", () => {
    expect(clv(100, 1, 0, 5)).toBe(500);
    expect(clv(100, 1, 0, 5, 1)).toBe(500);
  });
  it("q > 1 is allowed over a finite horizon: r = 0.9, d = −0.2, q = 1.125, T = 2: 100·(1.125 + 1.265625) = 239.0625", () => {
    expect(clv(100, 0.9, -0.2, 2)).toBeCloseTo(239.0625, 10);
  });
  it("a long horizon approaches the unlimited value: T = 2000 equals 800/3 to 1e-9", () => {
    expect(clv(100, 0.8, 0.1, 2000)).toBeCloseTo(800 / 3, 9);
  });
  it("stays accurate near q = 1: r = 1, d = 1e-9, T = 10000 matches term-by-term summation to 1e-9 relative", () => {
    const ref = clvBySummation(1, 1, 1e-9, 10000, 0);
    expect(Math.abs(clv(1, 1, 1e-9, 10000) / ref - 1)).toBeLessThan(1e-9);
  });
  it("the closed form equals the definition summed term by term (random r, d, T, timing)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom<0 | 1 | 2>(0, 1, 2),
        (r, d, T, timing) => {
          const ref = clvBySummation(100, r, d, T, timing);
          const got = clv(100, r, d, T, timing);
          expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref)));
        },
      ),
      { seed: 1024, numRuns: 1000 },
    );
  });
  it("a huge horizon costs O(1): T = 1e12 returns the unlimited value", () => {
    expect(clv(100, 0.8, 0.1, 1e12)).toBeCloseTo(800 / 3, 9);
  });
  it("an overflowing sum (q > 1, T = 1e6) is #NUM!, never Infinity", () => {
    expect(codeOf(() => clv(100, 1, -0.5, 1e6))).toBe("NUM");
  });
});

describe("clv domain errors", () => {
  it("retention outside 0..1 (1.4, −0.1) is #NUM!", () => {
    expect(codeOf(() => clv(100, 1.4, 0.1))).toBe("NUM");
    expect(codeOf(() => clv(100, -0.1, 0.1))).toBe("NUM");
  });
  it("discountRate ≤ −1 is #NUM!", () => {
    expect(codeOf(() => clv(100, 0.5, -1))).toBe("NUM");
    expect(codeOf(() => clv(100, 0.5, -2, 3))).toBe("NUM");
  });
  it("periods 0, −1 or 2.5 is #NUM!", () => {
    for (const T of [0, -1, 2.5, Number.NaN]) expect(codeOf(() => clv(100, 0.5, 0.1, T))).toBe("NUM");
  });
  it("timing other than 0, 1, 2 is #NUM!", () => {
    for (const k of [3, -1, 0.5]) expect(codeOf(() => clv(100, 0.5, 0.1, undefined, k))).toBe("NUM");
  });
  it("NaN or infinite inputs are #NUM!", () => {
    expect(codeOf(() => clv(Number.NaN, 0.5, 0.1))).toBe("NUM");
    expect(codeOf(() => clv(Infinity, 0.5, 0.1, 3))).toBe("NUM");
    expect(codeOf(() => clv(100, Number.NaN, 0.1))).toBe("NUM");
    expect(codeOf(() => clv(100, 0.5, Infinity))).toBe("NUM");
  });
});

describe("clvSimple", () => {
  it("is the product: 50 · 4 · 0.3 · 5 = 300", () => {
    expect(clvSimple(50, 4, 0.3, 5)).toBeCloseTo(300, 10);
  });
  it("a zero factor gives 0; a negative gross margin gives a negative value: 50·4·(−0.1)·5 = −100", () => {
    expect(clvSimple(50, 0, 0.3, 5)).toBe(0);
    expect(clvSimple(50, 4, -0.1, 5)).toBeCloseTo(-100, 10);
  });
  it("gross margin above 1 (30 meaning 30%) or a negative value, lifespan, frequency is #NUM!", () => {
    expect(codeOf(() => clvSimple(50, 4, 30, 5))).toBe("NUM");
    expect(codeOf(() => clvSimple(-50, 4, 0.3, 5))).toBe("NUM");
    expect(codeOf(() => clvSimple(50, -4, 0.3, 5))).toBe("NUM");
    expect(codeOf(() => clvSimple(50, 4, 0.3, -5))).toBe("NUM");
    expect(codeOf(() => clvSimple(50, 4, Number.NaN, 5))).toBe("NUM");
  });
  it("an overflowing product is #NUM!", () => {
    expect(codeOf(() => clvSimple(1e200, 1e200, 1, 1))).toBe("NUM");
    expect(codeOf(() => clvSimple(1e200, 1e200, -Infinity, 1))).toBe("NUM");
  });
});
