/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): the fit reproduces BTYDplus's CDNOW estimates and
 * SciPy's maximum; likelihood, P(alive) and E[Y(t)] — up to t = 20,000 — agree with
 * test/fixtures/models/btyd_models.py (mpmath: the Beta-function likelihood and E[Y(t)] as a posterior
 * integral over the dropout probability, no hypergeometric function); exact derivatives; errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mbgnbdObjective } from "../../../src/core/btyd/bgnbd";
import {
  mbgnbdExpected,
  mbgnbdFit,
  mbgnbdLogLikelihood,
  MbgnbdParams,
  mbgnbdPAlive,
} from "../../../src/core/btyd/mbgnbd";
import { cdnowSummary } from "../../fixtures/cdnow/cdnow";
import { derivativeErrors, modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";
import { bgnbdParamsArbitrary, customerArbitrary } from "../../support/btydArbitraries";

const REF = modelsFixture().mbgnbd;
const PUBLISHED: MbgnbdParams = {
  r: REF.published[0]!,
  alpha: REF.published[1]!,
  a: REF.published[2]!,
  b: REF.published[3]!,
};

describe("MBG/NBD fit on CDNOW", () => {
  const cdnow = cdnowSummary();
  const fit = mbgnbdFit(cdnow.x, cdnow.tx, cdnow.T);

  it("reproduces BTYDplus's r = 0.525, α = 6.183, a = 0.891, b = 1.614 to 3 significant digits", () => {
    expect(fit.params.r.toPrecision(3)).toBe("0.525");
    expect(fit.params.alpha.toPrecision(3)).toBe("6.18");
    expect(fit.params.a.toPrecision(3)).toBe("0.891");
    expect(fit.params.b.toPrecision(3)).toBe("1.61");
  });

  it(`reaches SciPy's maximum (LL ${REF.scipy_fit.ll.toFixed(6)}) and reports Σ ln L at its estimates`, () => {
    expect(fit.logLikelihood).toBeCloseTo(REF.scipy_fit.ll, 5);
    expect(fit.logLikelihood).toBeCloseTo(mbgnbdLogLikelihood(fit.params, cdnow.x, cdnow.tx, cdnow.T), 7);
  });

  it("gradient and Hessian of the objective match central differences", () => {
    for (const penalizer of [0, 0.1]) {
      const err = derivativeErrors(mbgnbdObjective(cdnow.x, cdnow.tx, cdnow.T, penalizer), [-0.7, 1.2, 0.1, 0.6]);
      expect(err.gradient).toBeLessThan(1e-7);
      expect(err.hessian).toBeLessThan(1e-6);
    }
  });
});

describe("MBG/NBD against mpmath (btyd_models.py)", () => {
  it(`Σ ln L over CDNOW at BTYDplus's estimates is ${REF.ll_at_published.toFixed(6)}`, () => {
    const { x, tx, T } = cdnowSummary();
    expect(mbgnbdLogLikelihood(PUBLISHED, x, tx, T)).toBeCloseTo(REF.ll_at_published, 7);
  });

  it.each(REF.customers.map((c) => [c.x, c.tx, c.T, c] as const))(
    "customer (%f, %f, %f): P(alive) and E[Y(t)] for t = 39, 520 and 20,000 to 1e-10",
    (x, tx, T, c) => {
      expect(relative(mbgnbdPAlive(PUBLISHED, x, tx, T), c.palive)).toBeLessThan(1e-12);
      for (const [t, e] of Object.entries(c.expected)) {
        expect(relative(mbgnbdExpected(PUBLISHED, Number(t), x, tx, T), e)).toBeLessThan(1e-10);
      }
    },
  );

  it("one-time buyers fade: P(alive | 0, 0, 38.86) < 1, unlike BG/NBD", () => {
    expect(mbgnbdPAlive(PUBLISHED, 0, 0, 38.86)).toBeLessThan(0.5);
  });
});

describe("MBG/NBD properties (fast-check, seed 20250101)", () => {
  const arb = bgnbdParamsArbitrary;
  const customer = customerArbitrary(50, 100);
  it("P(alive) in [0, 1]; E[Y(t)] finite, ≥ 0 and increasing up to 20,000 periods", () => {
    fc.assert(
      fc.property(arb, customer, fc.double({ min: 0, max: 20000, noNaN: true }), (p, c, t) => {
        const alive = mbgnbdPAlive(p, c.x, c.tx, c.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const e1 = mbgnbdExpected(p, t, c.x, c.tx, c.T);
        const e2 = mbgnbdExpected(p, t * 1.01 + 0.01, c.x, c.tx, c.T);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1);
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});

describe("MBG/NBD errors", () => {
  it("no repeat buyers → #N/A naming MBG/NBD and the reason; bad inputs → #NUM!", () => {
    const e = crmError(() => mbgnbdFit([0, 0], [0, 0], [10, 20]));
    expect([e.code, e.message]).toEqual(["NA", expect.stringContaining("MBG/NBD fit is impossible")]);
    expect(crmError(() => mbgnbdPAlive({ ...PUBLISHED, a: -1 }, 1, 1, 2)).code).toBe("NUM");
    expect(crmError(() => mbgnbdExpected(PUBLISHED, Infinity, 1, 1, 2)).code).toBe("NUM");
  });
});
