/**
 * Probabilistic CLV (DESIGN.md "Probabilistic CLV"): Σ_k (E[Y(t_k)] − E[Y(t_{k−1})])·E[M]/(1 + d)^k with
 * t_k = k·30.4375/periodDays. References: the same sum evaluated in mpmath 1.3 at 40 digits with the
 * paper's E[Y(t)] (hyp2f1 as printed) and Gamma-Gamma's p(γ + x·m)/(px + q − 1).
 */
import { describe, expect, it } from "vitest";
import { bgnbdExpected } from "../../../src/core/btyd/bgnbd";
import { clvBtyd } from "../../../src/core/btyd/clvBtyd";
import { ggExpectedSpend } from "../../../src/core/btyd/gammagamma";
import { CrmError } from "../../../src/core/errors";

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

function crmError(f: () => unknown): CrmError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CrmError);
    return e as CrmError;
  }
  throw new Error("expected a CrmError");
}

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
