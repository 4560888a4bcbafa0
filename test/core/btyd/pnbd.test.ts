/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987): the fit reproduces the estimates published for
 * CDNOW (Fader, Hardie & Lee 2005) and SciPy's maximum; likelihood, P(alive) and E[Y(t)] agree with
 * test/fixtures/models/btyd_models.py (mpmath, the Fader–Hardie ₂F₁ form of the likelihood and a
 * posterior integral for E — routes the code does not take); the exact derivatives match differences,
 * also where α and β are far apart (the integral's u-form); errors name their reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  pnbdExpected,
  pnbdFit,
  pnbdLogLikelihood,
  pnbdObjective,
  PnbdParams,
  pnbdPAlive,
} from "../../../src/core/btyd/pnbd";
import { cdnowSummary } from "../../fixtures/cdnow/cdnow";
import { derivativeErrors, modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";
import { customerArbitrary } from "../../support/btydArbitraries";

const REF = modelsFixture().pnbd;
const params = (v: number[]): PnbdParams => ({ r: v[0]!, alpha: v[1]!, s: v[2]!, beta: v[3]! });
const PUBLISHED = params(REF.published);

describe("Pareto/NBD fit on CDNOW", () => {
  const cdnow = cdnowSummary();
  const fit = pnbdFit(cdnow.x, cdnow.tx, cdnow.T);

  it("reproduces the published r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (FHL 2005) to 3 significant digits", () => {
    expect(fit.params.r.toPrecision(3)).toBe("0.553");
    expect(fit.params.alpha.toPrecision(3)).toBe("10.6");
    expect(fit.params.s.toPrecision(3)).toBe("0.606");
    expect(fit.params.beta.toPrecision(3)).toBe("11.7");
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it(`reaches SciPy's maximum (LL ${REF.scipy_fit.ll.toFixed(6)}, Nelder–Mead + BFGS in btyd_models.py)`, () => {
    expect(fit.logLikelihood).toBeCloseTo(REF.scipy_fit.ll, 5);
    const p = REF.scipy_fit.params;
    expect(relative(fit.params.r, p[0]!)).toBeLessThan(1e-5);
    expect(relative(fit.params.beta, p[3]!)).toBeLessThan(1e-5);
  });

  it("in a handful of Newton steps", () => {
    expect(fit.iterations).toBeLessThanOrEqual(10);
  });

  it("does not depend on grouping or order: every customer twice, reversed → same estimates, twice the LL", () => {
    const twice = <T>(v: T[]): T[] => [...v, ...v].reverse();
    const f2 = pnbdFit(twice(cdnow.x), twice(cdnow.tx), twice(cdnow.T));
    for (const k of ["r", "alpha", "s", "beta"] as const) expect(f2.params[k]).toBeCloseTo(fit.params[k], 7);
    expect(f2.logLikelihood).toBeCloseTo(2 * fit.logLikelihood, 4);
  });

  it("a penalizer shrinks the parameters", () => {
    const p = pnbdFit(cdnow.x, cdnow.tx, cdnow.T, { penalizer: 0.01 }).params;
    const size = (q: PnbdParams): number => q.r ** 2 + q.alpha ** 2 + q.s ** 2 + q.beta ** 2;
    expect(size(p)).toBeLessThan(size(fit.params));
  });
});

describe("Pareto/NBD likelihood, P(alive) and E[Y(t)] against mpmath (btyd_models.py)", () => {
  it(`Σ ln L over CDNOW at the published estimates is ${REF.ll_at_published.toFixed(6)}`, () => {
    const { x, tx, T } = cdnowSummary();
    expect(pnbdLogLikelihood(PUBLISHED, x, tx, T)).toBeCloseTo(REF.ll_at_published, 7);
  });

  it.each(REF.extreme.map((e) => [e.params.join(", "), e] as const))(
    "Σ ln L with (r, α, s, β) = (%s), α and β up to 2,000× apart (the integral's u-form), to 1e-11",
    (_, e) => {
      const [x, tx, T] = [0, 1, 2].map((k) => e.rows.map((row) => row[k]!));
      expect(Math.abs(pnbdLogLikelihood(params(e.params), x!, tx!, T!) - e.ll)).toBeLessThan(
        1e-11 * Math.abs(e.ll) + 1e-11,
      );
    },
  );

  it.each(REF.customers.map((c) => [c.x, c.tx, c.T, c] as const))(
    "customer (%f, %f, %f): P(alive) and E[Y(39)], E[Y(520)] to 1e-11",
    (x, tx, T, c) => {
      expect(relative(pnbdPAlive(PUBLISHED, x, tx, T), c.palive)).toBeLessThan(1e-11);
      for (const [t, e] of Object.entries(c.expected)) {
        expect(relative(pnbdExpected(PUBLISHED, Number(t), x, tx, T), e)).toBeLessThan(1e-11);
      }
    },
  );

  it("P(alive) = 1 when the last purchase was at T; E[Y(0)] = 0", () => {
    expect(pnbdPAlive(PUBLISHED, 3, 10, 10)).toBe(1);
    expect(pnbdExpected(PUBLISHED, 0, 2, 30.43, 38.86)).toBe(0);
  });

  it("E[Y(t)] is continuous through s = 1, where its closed form is 0/0", () => {
    const at1 = pnbdExpected({ ...PUBLISHED, s: 1 }, 52, 2, 30.43, 38.86);
    const near = pnbdExpected({ ...PUBLISHED, s: 1 + 1e-9 }, 52, 2, 30.43, 38.86);
    expect(relative(at1, near)).toBeLessThan(1e-8);
  });
});

describe("Pareto/NBD exact derivatives", () => {
  const { x, tx, T } = cdnowSummary();
  it.each([
    ["CDNOW's optimum", [0.553, 10.578, 0.606, 11.669]],
    ["α = β (the integral's z = 0)", [1, 8, 1, 8]],
    ["β 200× α (u-form for every customer)", [0.5, 0.5, 1.3, 100]],
    ["α 300× β, s = 1", [0.8, 150, 1, 0.5]],
  ])(
    "gradient and Hessian of the objective match central differences at %s",
    (_, p) => {
      for (const penalizer of [0, 0.05]) {
        const err = derivativeErrors(pnbdObjective(x, tx, T, penalizer), p.map(Math.log));
        expect(err.gradient).toBeLessThan(1e-7);
        expect(err.hessian).toBeLessThan(1e-6);
      }
    },
    60_000,
  ); // the u-form goes through jets: slow, and rare in fits
});

describe("Pareto/NBD properties (fast-check, seed 20250101)", () => {
  const arb = fc.record({
    r: fc.double({ min: 0.02, max: 10, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 200, noNaN: true }),
    s: fc.double({ min: 0.02, max: 5, noNaN: true }),
    beta: fc.double({ min: 0.1, max: 200, noNaN: true }),
  });
  const customer = customerArbitrary(60, 200);
  it("P(alive) is in [0, 1] and E[Y(t)] is finite, ≥ 0 and increasing in t", () => {
    fc.assert(
      fc.property(arb, customer, fc.double({ min: 0, max: 5000, noNaN: true }), (p, c, t) => {
        const alive = pnbdPAlive(p, c.x, c.tx, c.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const e1 = pnbdExpected(p, t, c.x, c.tx, c.T);
        const e2 = pnbdExpected(p, t + 1, c.x, c.tx, c.T);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1);
        expect(Number.isFinite(pnbdLogLikelihood(p, [c.x], [c.tx], [c.T]))).toBe(true);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});

describe("Pareto/NBD errors", () => {
  it("no customers, no repeat buyers or one profile → #N/A naming the reason", () => {
    expect(crmError(() => pnbdFit([], [], [])).code).toBe("NA");
    const none = crmError(() => pnbdFit([0, 0], [0, 0], [10, 20]));
    expect([none.code, none.message]).toEqual(["NA", expect.stringContaining("no customer has a repeat purchase")]);
    expect(crmError(() => pnbdFit([2, 2], [5, 5], [9, 9])).code).toBe("NA");
  });
  it("ranges of different lengths → #VALUE!; a bad customer or penalizer → #NUM! naming it", () => {
    expect(crmError(() => pnbdFit([1, 2], [1], [3, 4])).code).toBe("VALUE");
    const e = crmError(() => pnbdFit([1, 2], [1, 5], [3, 4]));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining("customer 2")]);
    expect(crmError(() => pnbdFit([1, 2], [1, 2], [3, 4], { penalizer: -1 })).code).toBe("NUM");
  });
  it("invalid parameters, customer or horizon → #NUM!", () => {
    expect(crmError(() => pnbdPAlive({ ...PUBLISHED, s: 0 }, 1, 1, 2)).code).toBe("NUM");
    expect(crmError(() => pnbdPAlive(PUBLISHED, 1, 3, 2)).code).toBe("NUM");
    expect(crmError(() => pnbdExpected(PUBLISHED, -1, 1, 1, 2)).code).toBe("NUM");
  });
});
