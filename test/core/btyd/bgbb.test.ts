/**
 * BG/BB (Fader, Hardie & Shang 2010): the fit on the donations data reproduces the paper's estimates and
 * log-likelihood and SciPy's maximum; P(alive) and E[X(n, n + n*)] agree with
 * test/fixtures/models/btyd_models.py (mpmath; E summed opportunity by opportunity instead of the code's
 * Γ-ratio closed form), also at γ = 1 where that form is 0/0; exact derivatives; errors.
 */
import { describe, expect, it } from "vitest";
import {
  bgbbExpected,
  bgbbFit,
  bgbbLogLikelihood,
  bgbbObjective,
  BgbbParams,
  bgbbPAlive,
} from "../../../src/core/btyd/bgbb";
import { derivativeErrors, donations, modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";

const REF = modelsFixture().bgbb;
const params = (v: number[]): BgbbParams => ({ alpha: v[0]!, beta: v[1]!, gamma: v[2]!, delta: v[3]! });
const PUBLISHED = params(REF.published);

describe("BG/BB fit on the donations (11,104 donors, 6 years, 22 patterns)", () => {
  const d = donations();
  const fit = bgbbFit(d.frequency, d.recency, d.periods, d.count);

  it("reproduces the published α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6 (FHS 2010) to 3 significant digits", () => {
    expect(fit.params.alpha.toPrecision(3)).toBe("1.20");
    expect(fit.params.beta.toPrecision(3)).toBe("0.750");
    expect(fit.params.gamma.toPrecision(3)).toBe("0.657");
    expect(fit.params.delta.toPrecision(3)).toBe("2.78");
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
  });

  it(`reaches SciPy's maximum (LL ${REF.scipy_fit.ll.toFixed(6)})`, () => {
    expect(fit.logLikelihood).toBeCloseTo(REF.scipy_fit.ll, 4);
  });

  it(`Σ count·ln L at the published estimates is ${REF.ll_at_published.toFixed(6)} (mpmath)`, () => {
    expect(bgbbLogLikelihood(PUBLISHED, d.frequency, d.recency, d.periods, d.count)).toBeCloseTo(
      REF.ll_at_published,
      6,
    );
  });

  it("one row per donor gives the same fit as the counts", () => {
    const rows = { x: [] as number[], tx: [] as number[], n: [] as number[] };
    d.count.forEach((c, i) => {
      for (let k = 0; k < c; k++) {
        rows.x.push(d.frequency[i]!);
        rows.tx.push(d.recency[i]!);
        rows.n.push(d.periods[i]!);
      }
    });
    const f = bgbbFit(rows.x, rows.tx, rows.n);
    expect(f.params.alpha).toBeCloseTo(fit.params.alpha, 7);
    expect(f.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
  });

  it("gradient and Hessian of the objective match central differences", () => {
    for (const penalizer of [0, 0.1]) {
      const err = derivativeErrors(
        bgbbObjective(d.frequency, d.recency, d.periods, d.count, penalizer),
        [0.3, -0.2, -0.5, 1.1],
      );
      expect(err.gradient).toBeLessThan(1e-7);
      expect(err.hessian).toBeLessThan(1e-6);
    }
  });
});

describe("BG/BB P(alive) and expected transactions against mpmath (btyd_models.py)", () => {
  it.each(REF.patterns.map((p) => [p.x, p.tx, p.n, p] as const))(
    "pattern (x %d, t_x %d, n %d): P(alive at n) and E for 1, 5, 10 future periods to 1e-12",
    (x, tx, n, p) => {
      expect(relative(bgbbPAlive(PUBLISHED, x, tx, n), p.palive)).toBeLessThan(1e-12);
      for (const [f, e] of Object.entries(p.expected)) {
        expect(relative(bgbbExpected(PUBLISHED, Number(f), x, tx, n), e)).toBeLessThan(1e-12);
      }
    },
  );

  it("E is finite through γ = 1, where the closed form is 0/0", () => {
    const g = REF.gamma_one;
    expect(relative(bgbbExpected(params(g.params), g.future, g.x, g.tx, g.n), g.expected)).toBeLessThan(1e-12);
  });

  it("no future periods, nothing expected; a donor who gave in the last period is more likely alive", () => {
    expect(bgbbExpected(PUBLISHED, 0, 3, 5, 6)).toBe(0);
    expect(bgbbPAlive(PUBLISHED, 3, 6, 6)).toBeGreaterThan(bgbbPAlive(PUBLISHED, 3, 3, 6));
  });
});

describe("BG/BB errors", () => {
  it("no transactions, one pattern, zero counts → #N/A naming the reason", () => {
    const none = crmError(() => bgbbFit([0, 0], [0, 0], [6, 6]));
    expect([none.code, none.message]).toEqual(["NA", expect.stringContaining("no customer has a transaction")]);
    expect(crmError(() => bgbbFit([2, 2], [3, 3], [6, 6])).code).toBe("NA");
    expect(crmError(() => bgbbFit([1, 2], [1, 3], [6, 6], [0, 0])).code).toBe("NA");
  });
  it.each([
    [2, 1, 6, "recency"],
    [7, 7, 6, "more than"],
    [0, 2, 6, "frequency 0"],
    [1.5, 2, 6, "whole number"],
  ])("pattern (%f, %f, %f) → #NUM! naming the rule (%s)", (x, tx, n, words) => {
    const e = crmError(() => bgbbFit([1, x], [1, tx], [6, n]));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining(words)]);
    expect(e.message).toContain("row 2");
  });
  it("columns of different lengths → #VALUE!; a negative count or bad params → #NUM!", () => {
    expect(crmError(() => bgbbFit([1, 2], [1], [6, 6])).code).toBe("VALUE");
    expect(crmError(() => bgbbFit([1, 2], [1, 2], [6, 6], [1, -1])).code).toBe("NUM");
    expect(crmError(() => bgbbPAlive({ ...PUBLISHED, gamma: 0 }, 1, 1, 6)).code).toBe("NUM");
    expect(crmError(() => bgbbExpected(PUBLISHED, 1.5, 1, 1, 6)).code).toBe("NUM");
  });
});
