/**
 * BG/NBD (Fader, Hardie & Lee 2005): the fit reproduces the paper's CDNOW estimates; likelihood, P(alive)
 * and E[Y(t) | x, t_x, T] agree with the paper's formulas evaluated independently in mpmath 1.3 at 40
 * digits (Beta and Gamma functions and hyp2f1 as printed, no rewriting); the promises that hold for all
 * inputs are fast-check properties; every error path has its test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bgnbdExpected,
  bgnbdFit,
  bgnbdLogLikelihood,
  bgnbdObjective,
  BgnbdParams,
  bgnbdPAlive,
} from "../../../src/core/btyd/bgnbd";
import { mulberry32, simulateBgnbd } from "../../../src/core/btyd/simulate";
import { cdnowSummary } from "../../fixtures/cdnow/cdnow";
import { derivativeErrors, modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";
import { bgnbdParamsArbitrary, customerArbitrary } from "../../support/btydArbitraries";

const PUBLISHED: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("BG/NBD fit on CDNOW", () => {
  const cdnow = cdnowSummary();
  const fit = bgnbdFit(cdnow.x, cdnow.tx, cdnow.T);

  it("reproduces the published r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (FHL 2005, Marketing Science 24(2))", () => {
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it("reaches the maximum SciPy's BFGS finds from the same data (LL −9582.425561; bench/peer_bgnbd.py)", () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.425561, 5);
  });

  it("reports the log-likelihood Σ ln L at its estimates", () => {
    expect(fit.logLikelihood).toBeCloseTo(bgnbdLogLikelihood(fit.params, cdnow.x, cdnow.tx, cdnow.T), 8);
  });

  it("does not depend on grouping or order: every customer twice, reversed → same estimates, twice the LL", () => {
    const twice = <T>(v: T[]): T[] => [...v, ...v].reverse();
    const f2 = bgnbdFit(twice(cdnow.x), twice(cdnow.tx), twice(cdnow.T));
    for (const k of ["r", "alpha", "a", "b"] as const) expect(f2.params[k]).toBeCloseTo(fit.params[k], 8);
    expect(f2.logLikelihood).toBeCloseTo(2 * fit.logLikelihood, 5);
  });

  it("a penalizer shrinks the parameters (λ = 0.1: smaller r² + α² + a² + b², lower LL)", () => {
    const p = bgnbdFit(cdnow.x, cdnow.tx, cdnow.T, { penalizer: 0.1 });
    const norm = (q: BgnbdParams): number => q.r ** 2 + q.alpha ** 2 + q.a ** 2 + q.b ** 2;
    expect(norm(p.params)).toBeLessThan(norm(fit.params));
    expect(p.logLikelihood).toBeLessThan(fit.logLikelihood);
  });
});

describe("BG/NBD fit on simulated customers", () => {
  it("recovers the generating parameters of 20,000 customers drawn from the model (seed 7) within 10%", () => {
    const s = simulateBgnbd(PUBLISHED, 20_000, mulberry32(7));
    const f = bgnbdFit(s.frequency, s.recency, s.T);
    for (const k of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(f.params[k] / PUBLISHED[k] - 1), k).toBeLessThan(0.1);
    }
  });
});

describe("BG/NBD likelihood, P(alive) and E[Y(t)] against the paper's formulas (mpmath)", () => {
  it("Σ ln L of (0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86) at the published estimates is −14.4824128585370", () => {
    expect(bgnbdLogLikelihood(PUBLISHED, [0, 2, 1], [0, 30.43, 1.71], [38.86, 38.86, 38.86])).toBeCloseTo(
      -14.482412858537018,
      12,
    );
  });

  it("analytic gradient and Hessian of the fit's objective match central differences", () => {
    const { x, tx, T } = cdnowSummary();
    for (const penalizer of [0, 0.1]) {
      const theta = [Math.log(0.5), Math.log(3), Math.log(1.3), Math.log(2)];
      const err = derivativeErrors(bgnbdObjective(x, tx, T, penalizer), theta, 1e-5);
      // every entry within toBeCloseTo(…, 7) of its central difference: |difference| < 0.5e-7
      expect(err.gradient).toBeLessThan(0.5e-7);
      expect(err.hessian).toBeLessThan(0.5e-7);
    }
  });

  it("E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226, as Hardie's BG/NBD spreadsheet (and lifetimes' test)", () => {
    expect(bgnbdExpected(PUBLISHED, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  // [t, x, t_x, T, E] — mpmath: (a+b+x−1)/(a−1)·(1 − ((α+T)/(α+T+t))^(r+x)·hyp2f1(r+x, b+x, a+b+x−1, t/(α+T+t)))/D
  const expected: [number, number, number, number, number][] = [
    [39, 2, 30.43, 38.86, 1.2260281747671444],
    [39, 0, 0, 38.86, 0.19509805201126265],
    [1, 0, 0, 38.86, 0.005595657889484052],
    [52, 7, 35.71, 38.86, 5.6272098791409615],
    [0.01, 1, 1.71, 38.86, 6.092080312011525e-5],
    [260, 29, 37.0, 38.86, 66.02344628085862],
    [10, 3, 5.0, 38.0, 0.029253096834031104],
  ];
  it.each(expected)("E[Y(%f) | x = %i, t_x = %f, T = %f] = %f to 1e-13", (t, x, tx, T, e) => {
    expect(Math.abs(bgnbdExpected(PUBLISHED, t, x, tx, T) / e - 1)).toBeLessThan(1e-13);
  });

  it("E[Y(t)] is continuous through a = 1, where the paper's form is 0/0 (mpmath, 80 digits, at a = 1 + 1e-40)", () => {
    const at = (a: number, x: number, tx: number): number =>
      bgnbdExpected({ r: 0.5, alpha: 3, a, b: 2 }, 13, x, tx, 20);
    expect(at(1, 0, 0)).toBeCloseTo(0.24998293949215858, 14);
    expect(at(1, 3, 10)).toBeCloseTo(0.5813320158696805, 14);
    expect(at(1 + 1e-9, 3, 10)).toBeCloseTo(0.5813320158696805, 8);
    expect(at(1 - 1e-9, 3, 10)).toBeCloseTo(0.5813320158696805, 8);
  });

  it("E[Y(0)] = 0", () => {
    expect(bgnbdExpected(PUBLISHED, 0, 4, 20, 30)).toBe(0);
  });

  // [x, t_x, T, P(alive)] — mpmath: 1/(1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x))
  const alive: [number, number, number, number][] = [
    [2, 30.43, 38.86, 0.726578570080673],
    [1, 1.71, 38.86, 0.2121009853773791],
    [7, 35.71, 38.86, 0.8600671246886445],
    [29, 37.0, 38.86, 0.9139224197694371],
    [3, 5.0, 38.0, 0.04061338147927465],
  ];
  it.each(alive)("P(alive | x = %i, t_x = %f, T = %f) = %f", (x, tx, T, p) => {
    expect(bgnbdPAlive(PUBLISHED, x, tx, T)).toBeCloseTo(p, 14);
  });

  it("P(alive) = 1 for every customer without repeat purchases (frequency 0)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (T) => {
        expect(bgnbdPAlive(PUBLISHED, 0, 0, T)).toBe(1);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe("BG/NBD properties for all parameters and customers (fast-check, seed 20250101)", () => {
  const params = bgnbdParamsArbitrary;
  const customer = customerArbitrary(50, 100);

  it("P(alive) is in [0, 1]", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const v = bgnbdPAlive(p, c.x, c.tx, c.T);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });

  it("expected purchases are finite, ≥ 0 and increasing in t", () => {
    fc.assert(
      fc.property(
        params,
        customer,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        (p, c, t, dt) => {
          const e1 = bgnbdExpected(p, t, c.x, c.tx, c.T);
          const e2 = bgnbdExpected(p, t + dt, c.x, c.tx, c.T);
          expect(Number.isFinite(e2)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1);
        },
      ),
      { seed: 20250101, numRuns: 300 },
    );
  });
});

describe("BG/NBD errors", () => {
  it("no customers → #N/A", () => {
    expect(crmError(() => bgnbdFit([], [], [])).code).toBe("NA");
  });
  it("no repeat buyers → #N/A naming the reason", () => {
    const e = crmError(() => bgnbdFit([0, 0, 0], [0, 0, 0], [10, 20, 30]));
    expect([e.code, e.message]).toEqual(["NA", expect.stringContaining("no customer has a repeat purchase")]);
  });
  it("all customers identical → #N/A", () => {
    const e = crmError(() => bgnbdFit([2, 2, 2], [5, 5, 5], [10, 10, 10]));
    expect([e.code, e.message]).toEqual(["NA", expect.stringContaining("all customers have the same")]);
  });
  it("data without any sign of dropout (every customer bought on the last day) → #N/A naming the runaway parameters", () => {
    const e = crmError(() => bgnbdFit([1, 2, 3, 4], [10, 20, 30, 40], [10, 20, 30, 40]));
    expect(e.code).toBe("NA");
    expect(e.message).toMatch(/BG\/NBD fit is impossible on this data: .*b → ∞/);
  });
  it("ranges of different lengths → #VALUE!", () => {
    expect(crmError(() => bgnbdFit([1, 2], [1], [3, 4])).code).toBe("VALUE");
  });
  it("a negative penalizer → #NUM!", () => {
    expect(crmError(() => bgnbdFit([0, 1], [0, 1], [2, 3], { penalizer: -1 })).code).toBe("NUM");
  });
  it.each([
    [1.5, 1, 2, "frequency 1.5 is not a whole number"],
    [-1, 0, 2, "frequency -1 is not a whole number"],
    [1, -1, 2, "recency -1 is negative"],
    [1, 3, 2, "T 2 is less than recency 3"],
    [0, 1, 2, "recency is 1 with frequency 0"],
  ])("invalid customer x = %f, t_x = %f, T = %f → #NUM! naming customer 2: %s", (x, tx, T, text) => {
    const e = crmError(() => bgnbdFit([1, x, 0], [1, tx, 0], [3, T, 3]));
    expect(e.code).toBe("NUM");
    expect(e.message).toContain(`customer 2: ${text}`);
    expect(crmError(() => bgnbdPAlive(PUBLISHED, x, tx, T)).code).toBe("NUM");
    expect(crmError(() => bgnbdExpected(PUBLISHED, 5, x, tx, T)).code).toBe("NUM");
  });
  it.each(["r", "alpha", "a", "b"] as const)("parameter %s ≤ 0 or not finite → #NUM! naming it", (k) => {
    for (const bad of [0, -1, NaN, Infinity]) {
      const e = crmError(() => bgnbdPAlive({ ...PUBLISHED, [k]: bad }, 1, 1, 2));
      expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining(`BG/NBD ${k} must be a positive number`)]);
    }
  });
  it("a negative or infinite horizon t → #NUM!", () => {
    expect(crmError(() => bgnbdExpected(PUBLISHED, -1, 1, 1, 2)).code).toBe("NUM");
    expect(crmError(() => bgnbdExpected(PUBLISHED, Infinity, 1, 1, 2)).code).toBe("NUM");
  });
});

describe("BG/NBD at every horizon (issue 10; reference: btyd_models.py, E[Y(t)] as a posterior integral in mpmath)", () => {
  const REF = modelsFixture().bgnbd;
  it.each(REF.customers.map((c) => [c.x, c.tx, c.T, c] as const))(
    "customer (%f, %f, %f): E[Y(t)] for t = 39, 520 and 20,000 weeks to 1e-10",
    (x, tx, T, c) => {
      for (const [t, e] of Object.entries(c.expected)) {
        expect(relative(bgnbdExpected(PUBLISHED, Number(t), x, tx, T), e)).toBeLessThan(1e-10);
      }
    },
  );
  it("the issue's case: (0.1639, 1.8643, 1.8503, 3.1811), new customer, t = 20000 → 3.2374348412 (SciPy, mpmath), was #NUM!", () => {
    const p = { r: 0.1639, alpha: 1.8643, a: 1.8503, b: 3.1811 };
    expect(bgnbdExpected(p, 20000, 0, 0, 0)).toBeCloseTo(3.2374348412, 10);
  });
});
