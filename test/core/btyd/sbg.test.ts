/**
 * sBG (Fader & Hardie 2007, 2010): fits on the paper's High End and Regular cohorts (years 1–7)
 * reproduce the published α, β and log-likelihoods, on counts and on shares, and SciPy's maximum;
 * survival and retention follow their definitions; DERL and DEL agree with
 * test/fixtures/models/btyd_models.py (mpmath: the expectation over the churn probability of the summed
 * discounted series, not ₂F₁) and with the paper's High End DERL 5.4149, DEL 5.9226 at d = 0.1.
 */
import { describe, expect, it } from "vitest";
import { sbgDel, sbgDerl, sbgFit, sbgRetention, sbgSurvival } from "../../../src/core/btyd/sbg";
import { modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";

const REF = modelsFixture().sbg;

describe.each([
  ["High End", REF.high_end, "0.668", "3.81", -1611.2],
  ["Regular", REF.regular, "0.704", "1.18", -1680.3],
] as const)("sBG on the %s cohort", (_, ref, alpha, beta, ll) => {
  const counts = ref.shares.map((s) => Math.round(s * 1000));
  it(`reproduces α = ${alpha}, β = ${beta}, LL = ${ll} for 1,000 customers (Fader & Hardie 2007)`, () => {
    const fit = sbgFit(counts);
    expect(fit.params.alpha.toPrecision(3)).toBe(alpha);
    expect(fit.params.beta.toPrecision(3)).toBe(beta);
    expect(fit.logLikelihood).toBeCloseTo(ll, 1);
    expect(fit.scale).toBe("counts");
    expect(fit.logLikelihood).toBeCloseTo(ref.scipy_fit_counts.ll, 6);
  });
  it("on shares: the same estimates, the log-likelihood per customer", () => {
    const fit = sbgFit(ref.shares);
    expect(fit.scale).toBe("shares");
    expect(relative(fit.params.alpha, ref.scipy_fit_shares.params[0]!)).toBeLessThan(1e-6);
    expect(relative(fit.params.beta, ref.scipy_fit_shares.params[1]!)).toBeLessThan(1e-6);
    expect(fit.logLikelihood).toBeCloseTo(ref.scipy_fit_shares.ll, 9);
  });
  const p = { alpha: ref.published[0]!, beta: ref.published[1]! };
  it("S(t) and r(t) at the published estimates (mpmath Beta functions; r(t) = (β + t − 1)/(α + β + t − 1))", () => {
    for (const [t, v] of Object.entries(ref.survival))
      expect(relative(sbgSurvival(p, Number(t)), v)).toBeLessThan(1e-13);
    for (const [t, v] of Object.entries(ref.retention))
      expect(relative(sbgRetention(p, Number(t)), v)).toBeLessThan(1e-14);
  });
  it("DERL for d = 0.01, 0.1, 0.25 after 0 and 3 renewals (mpmath) to 1e-12", () => {
    for (const [key, v] of Object.entries(ref.derl)) {
      const [d, n] = key.split("/").map(Number) as [number, number];
      expect(relative(sbgDerl(p, d, n), v)).toBeLessThan(1e-12);
    }
  });
});

describe("sBG values", () => {
  const high = { alpha: 0.668, beta: 3.806 };
  it("High End at d = 0.1: DERL 5.4149 and DEL = 1 + DERL/1.1 = 5.9226 (DESIGN)", () => {
    expect(sbgDerl(high, 0.1)).toBeCloseTo(5.4149, 4);
    expect(sbgDel(high, 0.1)).toBeCloseTo(5.9226, 4);
  });
  it("d = 0 with α > 1: the expected remaining lifetime (β + n)/(α − 1) (mpmath: 7.428571…)", () => {
    const ref = REF.alpha_above_one;
    expect(relative(sbgDerl({ alpha: ref.params[0]!, beta: ref.params[1]! }, 0, 2), ref.derl0)).toBeLessThan(1e-12);
  });
  it("retention rises with tenure and S(t) falls", () => {
    expect(sbgRetention(high, 5)).toBeGreaterThan(sbgRetention(high, 1));
    expect(sbgSurvival(high, 8)).toBeLessThan(sbgSurvival(high, 7));
    expect(sbgSurvival(high, 0)).toBe(1);
  });
});

describe("sBG errors", () => {
  it.each([
    [[1000, 800], "NA", "at least two later periods"],
    [[1000, 1000, 1000], "NA", "nobody was lost"],
    [[1000, 0, 0], "NA", "first period"],
    [[0, 0, 0], "NA", "empty"],
    [[1000, 800, 900], "NUM", "only shrinks"],
    [[1000, -5, -6], "NUM", "≥ 0"],
  ])("active %j → #%s (%s)", (active, code, words) => {
    const e = crmError(() => sbgFit(active));
    expect([e.code, e.message]).toEqual([code, expect.stringContaining(words)]);
  });
  it("retention that falls with tenure (constant-hazard data) → #N/A naming the runaway parameters", () => {
    const e = crmError(() => sbgFit([1000, 900, 810, 729, 656]));
    expect([e.code, e.message]).toEqual(["NA", expect.stringContaining("→ ∞")]);
  });
  it("DERL: d = 0 with α ≤ 1, d < 0, renewals not whole → #NUM!; bad params → #NUM!", () => {
    expect(crmError(() => sbgDerl({ alpha: 0.668, beta: 3.806 }, 0)).message).toContain("infinite");
    expect(crmError(() => sbgDerl({ alpha: 1.5, beta: 3 }, -0.1)).code).toBe("NUM");
    expect(crmError(() => sbgDerl({ alpha: 1.5, beta: 3 }, 0.1, 1.5)).code).toBe("NUM");
    expect(crmError(() => sbgSurvival({ alpha: 0, beta: 3 }, 1)).code).toBe("NUM");
    expect(crmError(() => sbgSurvival({ alpha: 1, beta: 3 }, 1.5)).code).toBe("NUM");
    expect(crmError(() => sbgRetention({ alpha: 1, beta: 3 }, 0)).code).toBe("NUM");
  });
});
