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
  if (!(retention >= 0 && retention <= 1)) throw numError(`retention: ${retention} must lie from 0 to 1`);
  if (!(discountRate > -1 && discountRate < Infinity)) {
    throw numError(`discountRate: ${discountRate} must be a finite number greater than −1`);
  }
  if (timing !== 0 && timing !== 1 && timing !== 2) throw numError(`timing: ${String(timing)} must be 0, 1 or 2`);
  if (!Number.isFinite(margin)) throw numError("margin is not a finite number");
  const growth = 1 + discountRate;
  const first = timing === 0 ? retention / growth : timing === 1 ? 1 : 1 / growth;
  if (periods === undefined) {
    // m·k/(1 − q) with 1 − q = (1 + d − r)/(1 + d).
    const gap = growth - retention;
    if (!(gap > 0)) {
      throw numError(`retention (${retention}) must be below 1 + discountRate for an unlimited horizon`);
    }
    const value = timing === 0 ? (margin * retention) / gap : timing === 1 ? (margin * growth) / gap : margin / gap;
    return finite(value, "CLV");
  }
  if (!(Number.isInteger(periods) && periods >= 1))
    throw numError(`periods: ${periods} must be a whole number, 1 or more`);
  const x = (retention - growth) / growth; // q − 1
  return finite(margin * first * geometricSum(x, periods), "CLV");
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
  if (!(avgOrderValue >= 0)) throw numError(`avgOrderValue: ${avgOrderValue} must not be negative`);
  if (!(purchasesPerYear >= 0)) throw numError(`purchasesPerYear: ${purchasesPerYear} must not be negative`);
  if (!(grossMargin <= 1)) throw numError(`grossMargin: ${grossMargin} must be a fraction of at most 1 (30% is 0.3)`);
  if (!(lifespanYears >= 0)) throw numError(`lifespanYears: ${lifespanYears} must not be negative`);
  return finite(avgOrderValue * purchasesPerYear * grossMargin * lifespanYears, "CLV");
}
