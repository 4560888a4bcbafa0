/**
 * ₂F₁ and the special functions behind the BTYD models, against independent values: closed forms and
 * mpmath 1.3 (`mpmath.hyp2f1` at 30 significant digits; the (₂F₁ − 1)/b values as (hyp2f1 − 1)/b, and at
 * b = 0 as `mpmath.diff` in b), SciPy 1.17 `gammaln`, `psi` and `polygamma(1, ·)`.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hyp2f1, hyp2f1Excess, hyp2f1ExcessFunction, hyp2f1Function } from "../../../src/core/btyd/hyp2f1";
import {
  digamma,
  gammaRatio,
  logGamma,
  logGammaDifferenceQuotient,
  logGammaSigned,
  trigamma,
} from "../../../src/core/btyd/special";
import { CrmError } from "../../../src/core/errors";

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
}

describe("ln Γ, ψ and ψ′ (reference: SciPy gammaln, psi, polygamma)", () => {
  const cases: [number, number, number, number][] = [
    // x, gammaln(x), psi(x), polygamma(1, x)
    [0.001, 6.907178885383853, -1000.5755719318103, 1000001.6425331959],
    [0.243, 1.3180435846996699, -4.351093864423211, 18.14177978709583],
    [1, 0, -0.5772156649015329, 1.6449340668482266],
    [2.426, 0.2340081168873162, 0.6662079149687962, 0.508471848480258],
    [15.5, 26.536914491115613, 2.7082352425903653, 0.06664201358327598],
    [100, 359.1342053695754, 4.600161852738088, 0.010050166663333573],
  ];
  it.each(cases)("x = %f", (x, lg, psi, tri) => {
    expect(Math.abs(logGamma(x) - lg)).toBeLessThan(1e-14 * Math.max(1, Math.abs(lg)));
    expectRelative(digamma(x), psi, 1e-14);
    expectRelative(trigamma(x), tri, 1e-14);
  });
});

describe("hyp2f1", () => {
  it("₂F₁(1, 1; 2; −1) = ln 2 (A&S 15.1.3: ₂F₁(1, 1; 2; z) = −ln(1 − z)/z)", () => {
    expectRelative(hyp2f1(1, 1, 2, -1), Math.LN2, 1e-15);
  });
  it("₂F₁(½, 1; 3/2; −z²) = arctan(z)/z (A&S 15.1.5), z² = 0.3 and 3", () => {
    for (const z2 of [0.3, 3])
      expectRelative(hyp2f1(0.5, 1, 1.5, -z2), Math.atan(Math.sqrt(z2)) / Math.sqrt(z2), 1e-14);
  });
  it("₂F₁(a, b; b; z) = (1 − z)^(−a) (A&S 15.1.8), on both sides of 0", () => {
    for (const z of [0.3, 0.9, -0.4, -7]) expectRelative(hyp2f1(2.243, 3.1, 3.1, z), (1 - z) ** -2.243, 1e-14);
  });
  it("a polynomial when a is a negative integer: ₂F₁(−2, 1; 1; z) = (1 − z)²", () => {
    expect(hyp2f1(-2, 1, 1, 0.7)).toBeCloseTo(0.09, 15);
  });

  // The CDNOW regime of E[Y(t)]: ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t)) with the published
  // r = 0.243, α = 4.414, a = 0.793, b = 2.426, horizons from 39 weeks to 10 years (z up to 0.98),
  // and the Pfaff side (z < 0) used for short horizons. Values: mpmath.hyp2f1, 30 digits.
  const regime: [number, number, number, number, number][] = [
    [0.243, 2.426, 2.219, 0.4740258161752194, 1.1902512325489785], // x = 0, T = 38.86, t = 39
    [2.243, 4.426, 4.219, 0.4740258161752194, 4.57531589764369], // x = 2, t = 39
    [7.243, 9.426, 9.219, 0.5881421494333476, 720.6732424551964], // x = 7, T = 32, t = 52
    [29.243, 31.426, 31.219, 0.6431716608671273, 15007418900065.914], // x = 29, t = 78
    [1.243, 3.426, 3.219, 0.9796016788865697, 225.30390755961673], // x = 1, T = 1, t = 260
    [10.243, 12.426, 12.219, 0.9551554515497397, 118588039257595.78], // x = 10, T = 20, t = 520
    [2.243, -0.207, 4.219, -0.3, 1.0308344657835788],
    [5.243, 7.426, 7.219, -0.9, 0.031633946983663334],
    [0.243, 2.426, 2.219, -5.0, 0.6325284551677969],
    [12.243, -0.207, 14.219, -40.0, 2.0910380889574203],
  ];
  it.each(regime)("₂F₁(%f, %f; %f; %f) matches mpmath to 1e-13", (a, b, c, z, expected) => {
    expectRelative(hyp2f1(a, b, c, z), expected, 1e-13);
  });

  it("rejects z > 1, z = 1 where the series diverges (c − a − b ≤ 0) and c = 0, −1, … with #NUM!", () => {
    for (const f of [() => hyp2f1(1, 1, 2, 1), () => hyp2f1(1, 1, 2, 1.01), () => hyp2f1(1, 1, -2, 0.5)]) {
      expect(f).toThrow(CrmError);
      try {
        f();
      } catch (e) {
        expect((e as CrmError).code).toBe("NUM");
      }
    }
  });
});

describe("hyp2f1Excess = (₂F₁ − 1)/b", () => {
  // mpmath: (hyp2f1(a, b, c, z) − 1)/b; b = a − 1 = −0.207 as in E[Y(t)] (see bgnbd.ts)
  const cases: [number, number, number, number, number][] = [
    [2.243, -0.207, 4.219, -0.3, -0.14895877190134696],
    [0.243, -0.207, 2.219, -1.0036, -0.09683480291772227],
    [7.243, -0.207, 9.219, -1.5, -0.84105292796214],
    [29.243, -0.207, 31.219, -0.05, -0.045987415163758275],
    [0.243, -0.207, 2.219, -1e-9, -1.0950878772545973e-10], // no cancellation at a tiny horizon
    [0.5, 0, 2.5, -0.4, -0.07399941502997467], // b = 0: mpmath.diff(hyp2f1(a, b, c, z), b) at 0
    [3.2, 0, 4.1, -3.0, -1.1904286965366015],
  ];
  it.each(cases)("excess(%f, %f; %f; %f) matches mpmath to 1e-13", (a, b, c, z, expected) => {
    expectRelative(hyp2f1Excess(a, b, c, z), expected, 1e-13);
  });
  it("(₂F₁(1, b; 2; −1) − 1)/b → 1 − 2·ln 2 as b → 0 (Σ (−1)ⁿ/(n(n + 1)))", () => {
    expectRelative(hyp2f1Excess(1, 0, 2, -1), 1 - 2 * Math.LN2, 1e-15);
  });
  it("agrees with 1 + b·excess = ₂F₁ where both are well-conditioned", () => {
    for (const z of [0.2, 0.7, -0.3, -3]) {
      expectRelative(1 + 1.5 * hyp2f1Excess(0.8, 1.5, 2.7, z), hyp2f1(0.8, 1.5, 2.7, z), 1e-14);
    }
  });
});

describe("ln Γ difference quotient, signed ln Γ and Γ ratios (reference: mpmath 1.3 at 30 digits)", () => {
  // (loggamma(x + h) − loggamma(x))/h, and digamma(x) at h = 0
  const cases: [number, number, number][] = [
    [1, 0, -0.5772156649015329],
    [0.3, 1e-9, -3.502524216077451],
    [0.3, 0.2, -2.6171652594668773],
    [5.5, -0.3, 1.5805793512293462],
    [25, 1e-12, 3.1987425128519944],
    [0.01, 0.4, -9.570143536618186],
    [-0.35, 0.05, 1.7893147687804385], // ln|Γ| on the negative axis
    [-2.6, 1e-7, 0.11489803628131502],
  ];
  it.each(cases)("D(%f, %f) = %f", (x, h, expected) => {
    expectRelative(logGammaDifferenceQuotient(x, h), expected, 1e-13);
  });
  it("ln|Γ(−½)| = ln(2√π) with sign −1; Γ(5)/(Γ(3)Γ(2)) = 12; 1/Γ at a pole is 0", () => {
    const [l, s] = logGammaSigned(-0.5);
    expectRelative(l, Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
    expect(s).toBe(-1);
    expectRelative(gammaRatio([5], [3, 2]), 12, 1e-14);
    expect(gammaRatio([2.5], [-3])).toBe(0);
  });
});

/** test/fixtures/models/hyp2f1_grid.json, made by hyp2f1_grid.py (mpmath hyp2f1 at 40 digits). */
const GRID = JSON.parse(
  readFileSync(
    path.join(path.dirname(new URL(import.meta.url).pathname), "../../fixtures/models/hyp2f1_grid.json"),
    "utf8",
  ),
) as { hyp2f1: [number, number, number, number, number][]; excess: [number, number, number, number, number][] };

describe("₂F₁ over mpmath's grid: z from −1e6 to 1 − 1e-9, integer and near-integer c − a − b", () => {
  it(`${GRID.hyp2f1.length} values, each within 1e-12 relative`, () => {
    const bad: string[] = [];
    for (const [a, b, c, z, expected] of GRID.hyp2f1) {
      const got = hyp2f1(a, b, c, z);
      if (!(Math.abs(got / expected - 1) < 1e-12)) bad.push(`2F1(${a}, ${b}; ${c}; ${z}) = ${got}, mpmath ${expected}`);
    }
    expect(bad).toEqual([]);
  });
  it(`${GRID.excess.length} values of the excess (₂F₁ − 1)/b, b from 0 to 0.85, within 1e-12 (1e-11 where b → 0 meets a → 0)`, () => {
    const bad: string[] = [];
    for (const [a, b, c, z, expected] of GRID.excess) {
      const got = hyp2f1Excess(a, b, c, z);
      const tolerance = a === 0.05 ? 1e-11 : 1e-12;
      if (!(Math.abs(got / expected - 1) < tolerance))
        bad.push(`excess(${a}, ${b}; ${c}; ${z}) = ${got}, mpmath ${expected}`);
    }
    expect(bad).toEqual([]);
  });
  it("the functions of z agree with the one-shot calls, whatever order the z come in", () => {
    const f = hyp2f1Function(0.1639, 3.1811, 4.0314);
    const e = hyp2f1ExcessFunction(0.1639, 0.8503, 4.0314);
    for (const z of [0.99, -5000, 0.3, -0.7, 0.9999, -3]) {
      expect(f(z)).toBe(hyp2f1(0.1639, 3.1811, 4.0314, z));
      expect(e(z)).toBe(hyp2f1Excess(0.1639, 0.8503, 4.0314, z));
    }
  });
  it("Gauss's sum at z = 1: ₂F₁(1, 2; 4.5; 1) = Γ(4.5)Γ(1.5)/(Γ(3.5)Γ(2.5)) = 3.5/1.5", () => {
    expectRelative(hyp2f1(1, 2, 4.5, 1), 3.5 / 1.5, 1e-14);
  });
  it("the issue's long horizon: BG/NBD (0.1639, 1.8643, 1.8503, 3.1811), new customer, t = 20000 → 3.2374348412 (SciPy, mpmath)", () => {
    const c = 1.8503 + 3.1811 - 1;
    expect(-c * hyp2f1Excess(0.1639, 0.8503, c, -20000 / 1.8643)).toBeCloseTo(3.2374348412, 10);
  });
});
