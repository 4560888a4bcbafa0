/**
 * Customer lifetime value.
 *
 * The retention model: a customer yields margin m per period and stays each further period with
 * probability r; cash flows are discounted at d per period. Textbooks place the first margin differently
 * (Fader & Hardie, "Reconciling and clarifying CLV formulas", note 024, 2012, compares them), so `timing`
 * chooses, like the `type` argument of Excel's PV:
 *   0 (Gupta & Lehmann 2003): m · Σ_{t=1..T} r^t/(1+d)^t,       unlimited m·r/(1 + d − r)
 *   1 (Blattberg et al., first margin at acquisition): m · Σ_{t=0..T−1} r^t/(1+d)^t, unlimited m(1+d)/(1 + d − r)
 *   2 (Ofek, first margin certain, at the end of period 1): m · Σ_{t=1..T} r^(t−1)/(1+d)^t, unlimited m/(1 + d − r)
 * All three are m·k·Σ_{t=0..T−1} q^t with q = r/(1+d) and k = q, 1 or 1/(1+d); the finite sum is computed in
 * closed form, (q^T − 1)/(q − 1) via expm1/log1p, so any horizon costs O(1) and stays accurate near q = 1.
 */
import { finite, numError } from "../errors";
import { msg } from "../messages/catalogue";

/**
 * Σ_{t=0..T−1} q^t for q ≥ 0, written (q^T − 1)/(q − 1) = expm1(T·log1p(x))/x with x = q − 1, which avoids
 * the cancellation of 1 − q^T when q is near 1. x is passed in (computed from the inputs) for accuracy.
 */
function geometricSum(x: number, periods: number): number {
  if (x === 0) return periods;
  return Math.expm1(periods * Math.log1p(x)) / x;
}

/**
 * Retention-model CLV per customer (see the module comment for the three timings).
 * @param margin margin per customer per period (may be negative)
 * @param retention r, the probability of staying each period, 0..1
 * @param discountRate d per period, > −1
 * @param periods the horizon T, a whole number ≥ 1; undefined for an unlimited horizon
 * @param timing where the first margin falls: 0 (default) Gupta–Lehmann, 1 at acquisition, 2 certain at the
 * end of period 1
 * @throws CrmError `#NUM!` for r outside 0..1, d ≤ −1, T not a whole number ≥ 1, timing not 0/1/2, an
 * unlimited horizon with r ≥ 1 + d (the sum diverges), or a result too large to represent.
 * @example clv(100, 0.8, 0.1) // Gupta–Lehmann: 100·0.8/(1.1 − 0.8) ≈ 266.67
 */
export function clv(margin: number, retention: number, discountRate: number, periods?: number, timing = 0): number {
  if (!(retention >= 0 && retention <= 1)) throw numError("metrics.retentionRange", { value: retention });
  if (!(discountRate > -1 && discountRate < Infinity)) {
    throw numError("metrics.discountRate", { value: discountRate });
  }
  if (timing !== 0 && timing !== 1 && timing !== 2) throw numError("metrics.timing", { value: String(timing) });
  if (!Number.isFinite(margin)) throw numError("input.argNotFinite", { arg: "margin" });
  const growth = 1 + discountRate;
  const first = timing === 0 ? retention / growth : timing === 1 ? 1 : 1 / growth;
  if (periods === undefined) {
    // m·k/(1 − q) with 1 − q = (1 + d − r)/(1 + d).
    const gap = growth - retention;
    if (!(gap > 0)) {
      throw numError("metrics.unlimitedHorizon", { value: retention });
    }
    const value = timing === 0 ? (margin * retention) / gap : timing === 1 ? (margin * growth) / gap : margin / gap;
    return finite(value, msg("metrics.clv"));
  }
  if (!(Number.isInteger(periods) && periods >= 1)) throw numError("metrics.periods", { value: periods });
  const x = (retention - growth) / growth; // q − 1
  return finite(margin * first * geometricSum(x, periods), msg("metrics.clv"));
}

/**
 * Simple CLV = average order value × purchases per year × gross margin × expected lifespan in years
 * (undiscounted, no retention). O(1).
 * @throws CrmError `#NUM!` for a negative order value, purchase frequency or lifespan, a gross margin
 * above 1 (it is a fraction of revenue: 30% is 0.3), or a result too large to represent.
 * @example clvSimple(50, 4, 0.3, 5) // 50·4·0.3·5 = 300
 */
export function clvSimple(
  avgOrderValue: number,
  purchasesPerYear: number,
  grossMargin: number,
  lifespanYears: number,
): number {
  if (!(avgOrderValue >= 0)) throw numError("input.mustNotBeNegative", { arg: "avgOrderValue", value: avgOrderValue });
  if (!(purchasesPerYear >= 0))
    throw numError("input.mustNotBeNegative", { arg: "purchasesPerYear", value: purchasesPerYear });
  if (!(grossMargin <= 1)) throw numError("metrics.grossMargin", { value: grossMargin });
  if (!(lifespanYears >= 0)) throw numError("input.mustNotBeNegative", { arg: "lifespanYears", value: lifespanYears });
  return finite(avgOrderValue * purchasesPerYear * grossMargin * lifespanYears, msg("metrics.clv"));
}
