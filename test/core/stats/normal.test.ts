import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { criticalValue, normalQuantile } from "../../../src/core/stats/normal";

describe("normalQuantile (Wichura AS 241)", () => {
  // Reference values: scipy.stats.norm.ppf (Cephes ndtri), an independent implementation; the familiar
  // ones also appear in every z table (1.6449, 1.9600, 2.5758).
  const reference: [number, number][] = [
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.05, -1.6448536269514729],
    [0.2, -0.8416212335729142], // central region, |p − ½| ≤ 0.425
    [0.999, 3.090232306167813], // intermediate tail, r ≤ 5
    [1e-10, -6.361340902404056], // intermediate tail near its edge
    [1e-20, -9.262340089798409], // far tail, r > 5
    [1e-300, -37.0470962993612], // deep far tail
  ];
  for (const [p, z] of reference) {
    it(`Φ⁻¹(${p}) is ${z} to 1e-15 relative (scipy.stats.norm.ppf)`, () => {
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
    });
  }

  it("is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
      }),
      { seed: 20240301, numRuns: 500 },
    );
  });

  it("is increasing in p", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1, noNaN: true }),
        fc.double({ min: 1e-300, max: 1, noNaN: true }),
        (a, b) => {
          fc.pre(a < b && b < 1);
          expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it("rejects probabilities outside (0, 1) with #NUM!", () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN, Infinity, -Infinity])
      expect(codeOf(() => normalQuantile(p))).toBe("NUM");
  });
});

describe("criticalValue", () => {
  it("two-sided z for 95% is 1.959964 (Φ⁻¹(0.975))", () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
  });
  it("two-sided z for 90%, 99%, 99.9% are 1.644854, 2.575829, 3.290527 (scipy)", () => {
    expect(criticalValue(0.9)).toBeCloseTo(1.6448536269514722, 14);
    expect(criticalValue(0.99)).toBeCloseTo(2.5758293035489004, 14);
    expect(criticalValue(0.999)).toBeCloseTo(3.2905267314919255, 13);
  });
  it("stays finite for the largest confidence below 1 (1 − 2⁻⁵³): upper tail 2⁻⁵⁴, z ≈ 8.29", () => {
    const z = criticalValue(1 - 2 ** -53);
    expect(Number.isFinite(z)).toBe(true);
    expect(z).toBeGreaterThan(8.2);
    expect(z).toBeLessThan(8.4);
  });
  it("is 0 for a vanishing confidence", () => {
    expect(Math.abs(criticalValue(1e-300))).toBe(0);
  });
  it("rejects confidence 0, 1, 95 (a percentage), negative and NaN with #NUM!", () => {
    for (const c of [0, 1, 95, -0.5, Number.NaN, Infinity]) expect(codeOf(() => criticalValue(c))).toBe("NUM");
  });
});
