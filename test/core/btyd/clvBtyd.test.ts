/**
 * Probabilistic CLV (DESIGN.md "Probabilistic CLV"): Σ_k (E[Y(t_k)] − E[Y(t_{k−1})])·E[M]/(1 + d)^k with
 * t_k = k·30.4375/periodDays. References: the same sum evaluated in mpmath 1.3 at 40 digits with the
 * paper's E[Y(t)] (hyp2f1 as printed) and Gamma-Gamma's p(γ + x·m)/(px + q − 1).
 */
import { describe, expect, it } from "vitest";
import { bgnbdExpected } from "../../../src/core/btyd/bgnbd";
import { btydModel, btydParams, clvBtyd, clvBtydMany } from "../../../src/core/btyd/clvBtyd";
import { ggExpectedSpend } from "../../../src/core/btyd/gammagamma";
import { mulberry32, simulateBgnbd, simulateGammaGamma } from "../../../src/core/btyd/simulate";
import { cdnowSummaryWithSpend } from "../../fixtures/cdnow/cdnow";
import { modelsFixture, relative } from "../../fixtures/models/models";
import { crmError } from "../../support/crmError";

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("CLV.BTYD", () => {
  it.each([
    // x, t_x, T, m, options, mpmath
    [2, 30.43, 38.86, 22.35, {}, 36.3112572169821],
    [0, 0, 38.86, 0, { months: 24, monthlyDiscount: 0.02 }, 12.856889838364133],
    [7, 35.71, 38.86, 40.1, { months: 60, monthlyDiscount: 0.005 }, 588.5890836552763],
    [3, 35, 38, 20, { periodDays: 1 }, 195.64971524501516],
  ] as const)("customer (%f, %f, %f, m %f) with %o → %f (mpmath)", (x, tx, T, m, options, expected) => {
    expect(clvBtyd(BG, GG, x, tx, T, m, options)).toBeCloseTo(expected, 10);
  });

  it("without discounting the months telescope: CLV = E[Y(12 months)] × expected spend", () => {
    const clv = clvBtyd(BG, GG, 4, 20, 30, 35, { monthlyDiscount: 0 });
    expect(clv).toBeCloseTo(bgnbdExpected(BG, (12 * 30.4375) / 7, 4, 20, 30) * ggExpectedSpend(GG, 4, 35), 10);
  });

  it("grows with the horizon and shrinks with the discount rate", () => {
    const base = clvBtyd(BG, GG, 2, 30.43, 38.86, 22.35);
    expect(clvBtyd(BG, GG, 2, 30.43, 38.86, 22.35, { months: 24 })).toBeGreaterThan(base);
    expect(clvBtyd(BG, GG, 2, 30.43, 38.86, 22.35, { monthlyDiscount: 0.05 })).toBeLessThan(base);
  });

  it.each([
    [{ months: 0 }, "months"],
    [{ months: 1.5 }, "months"],
    [{ months: 1201 }, "months"],
    [{ monthlyDiscount: -1 }, "monthlyDiscount"],
    [{ periodDays: 0 }, "periodDays"],
  ])("option %o out of its domain → #NUM! naming %s", (options, name) => {
    const e = crmError(() => clvBtyd(BG, GG, 1, 1, 2, 10, options));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining(name)]);
  });

  it("invalid parameters or customer → #NUM!", () => {
    expect(crmError(() => clvBtyd({ ...BG, b: 0 }, GG, 1, 1, 2, 10)).code).toBe("NUM");
    expect(crmError(() => clvBtyd(BG, { ...GG, q: -1 }, 1, 1, 2, 10)).code).toBe("NUM");
    expect(crmError(() => clvBtyd(BG, GG, 1, 3, 2, 10)).code).toBe("NUM");
    expect(crmError(() => clvBtyd(BG, { ...GG, q: 0.5 }, 0, 0, 2, 0)).code).toBe("NUM");
  });
});

describe("CLV.BTYD with each purchase model (references: btyd_models.py, mpmath E[Y(t)] by posterior integrals)", () => {
  const cases = modelsFixture().clv;
  it.each(cases.map((c) => [c.model, c.x, c.tx, c.T, c.months, c] as const))(
    "%s, customer (%f, %f, %f), %d months → mpmath to 1e-9",
    (model, x, tx, T, months, c) => {
      const options = { months, monthlyDiscount: c.monthlyDiscount, periodDays: c.periodDays, model };
      const params = btydParams(model, c.params);
      expect(relative(clvBtyd(params, GG, x, tx, T, c.m, options), c.clv)).toBeLessThan(1e-9);
      expect(relative(clvBtydMany(params, GG, [x], [tx], [T], [c.m], options)[0]!, c.clv)).toBeLessThan(1e-9);
    },
  );

  it("the issue's case: daily BG/NBD (0.1639, 1.8643, 1.8503, 3.1811), new customer, 360 months answers (was #NUM!)", () => {
    const c = cases.find((k) => k.periodDays === 1)!;
    expect(c.months).toBe(360);
    expect(
      Number.isFinite(clvBtyd(btydParams("bgnbd", c.params), GG, 0, 0, 0, 0, { months: 360, periodDays: 1 })),
    ).toBe(true);
  });

  it("every horizon up to 1,200 months answers for every CDNOW customer, and grows with the horizon", () => {
    const cdnow = cdnowSummaryWithSpend();
    for (const model of ["bgnbd", "mbgnbd", "pnbd"] as const) {
      const params =
        model === "pnbd"
          ? { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }
          : model === "mbgnbd"
            ? { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }
            : BG;
      const long = clvBtydMany(params, GG, cdnow.x, cdnow.tx, cdnow.T, cdnow.zbar, { months: 1200, model });
      const short = clvBtydMany(params, GG, cdnow.x, cdnow.tx, cdnow.T, cdnow.zbar, { months: 600, model });
      for (let i = 0; i < long.length; i++) {
        expect(Number.isFinite(long[i])).toBe(true);
        expect(long[i]).toBeGreaterThanOrEqual(short[i]!);
      }
    }
  }, 60_000); // seconds on a loaded machine

  it("clvBtydMany gives each customer clvBtyd's value (100 simulated customers, daily summaries, three models)", () => {
    const sim = simulateBgnbd(BG, 100, mulberry32(11), { unit: 1 / 7 });
    const spend = simulateGammaGamma(GG, sim.frequency, mulberry32(12));
    const models = [
      ["bgnbd", BG],
      ["mbgnbd", { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }],
      ["pnbd", { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
    ] as const;
    for (const [model, params] of models) {
      const many = clvBtydMany(params, GG, sim.frequency, sim.recency, sim.T, spend, { months: 36, model });
      for (let i = 0; i < 100; i++) {
        const one = clvBtyd(params, GG, sim.frequency[i]!, sim.recency[i]!, sim.T[i]!, spend[i]!, {
          months: 36,
          model,
        });
        expect(relative(many[i]!, one)).toBeLessThan(1e-13);
      }
    }
  });

  it("model names as typed: BG/NBD, mbgnbd, Pareto/NBD; blank is BG/NBD; anything else → #VALUE!", () => {
    expect([
      btydModel("BG/NBD"),
      btydModel(" MBG-NBD "),
      btydModel("Pareto/NBD"),
      btydModel(""),
      btydModel(null),
    ]).toEqual(["bgnbd", "mbgnbd", "pnbd", "bgnbd", "bgnbd"]);
    expect(crmError(() => btydModel("gamma")).code).toBe("VALUE");
    expect(crmError(() => clvBtyd(BG, GG, 1, 1, 2, 10, { model: "x" as "pnbd" })).code).toBe("VALUE");
  });

  it("a FIT row read as its model's parameters; Pareto/NBD's s and β checked as such", () => {
    expect(btydParams("pnbd", [0.553, 10.578, 0.606, 11.669])).toEqual({
      r: 0.553,
      alpha: 10.578,
      s: 0.606,
      beta: 11.669,
    });
    expect(btydParams("mbgnbd", [1, 2, 3, 4])).toEqual({ r: 1, alpha: 2, a: 3, b: 4 });
    const e = crmError(() => btydParams("pnbd", [1, 2, 0, 4]));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining("Pareto/NBD s")]);
  });
});
