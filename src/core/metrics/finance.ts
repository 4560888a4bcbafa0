/**
 * Financial yardsticks of CRM investments: return on investment, total cost of ownership and economic
 * value added.
 */
import { div0Error, finite, numError } from "../errors";
import { msg } from "../messages/catalogue";

/**
 * ROI = (gain − cost)/cost, a fraction (0.25 = 25%). O(1).
 * @throws CrmError `#NUM!` for a negative cost, `#DIV/0!` for a cost of 0.
 * @example roi(125000, 100000) // (125000 − 100000)/100000 = 0.25
 */
export function roi(gain: number, cost: number): number {
  if (cost < 0) throw numError("input.mustNotBeNegative", { arg: "cost", value: cost });
  if (cost === 0) throw div0Error("input.isZero", { arg: "cost" });
  return finite((gain - cost) / cost, msg("metrics.roi"));
}

/**
 * TCO = up-front cost + Σ_{t=1..years} running cost_t /(1 + d)^t: running costs are given year by year
 * in order, the first one discounted one year. A null entry is a year without running cost, so a blank
 * cell keeps the years after it in place (and means the same on Excel desktop, which passes it as 0). O(n).
 * @param upfrontCost the one-off cost at the start, ≥ 0
 * @param runningCosts the running cost of year 1, 2, …, each ≥ 0; null for a year without cost
 * @param discountRate d per year, > −1; 0 (the default) adds the costs undiscounted
 * @throws CrmError `#NUM!` for a negative cost, d ≤ −1, or a total too large to represent.
 * @example tco(10000, [2000, 2000, 2000], 0.1) // 10000 + 2000/1.1 + 2000/1.21 + 2000/1.331 ≈ 14973.70
 */
export function tco(upfrontCost: number, runningCosts: readonly (number | null)[], discountRate = 0): number {
  if (!(upfrontCost >= 0)) throw numError("input.mustNotBeNegative", { arg: "upfrontCost", value: upfrontCost });
  if (!(discountRate > -1)) throw numError("input.greaterThanMinusOne", { arg: "discountRate", value: discountRate });
  const growth = 1 + discountRate;
  let total = upfrontCost;
  let factor = 1;
  for (let t = 0; t < runningCosts.length; t++) {
    factor /= growth; // (1 + d)^−(t+1)
    const cost = runningCosts[t];
    if (cost === null || cost === undefined) continue;
    if (!(cost >= 0)) throw numError("metrics.runningCostNegative", { year: t + 1, value: cost });
    if (cost > 0) total += cost * factor;
  }
  return finite(total, msg("metrics.tco"));
}

/**
 * EVA = NOPAT − WACC × invested capital: profit after charging for the capital it ties up. O(1).
 * @param nopat net operating profit after tax
 * @param investedCapital the capital invested, ≥ 0
 * @param wacc the weighted average cost of capital as a fraction, > −1
 * @throws CrmError `#NUM!` for negative invested capital, a WACC of −1 or less, or a result too large.
 * @example eva(150000, 1000000, 0.1) // 150000 − 0.1·1000000 = 50000
 */
export function eva(nopat: number, investedCapital: number, wacc: number): number {
  if (!(investedCapital >= 0))
    throw numError("input.mustNotBeNegative", { arg: "investedCapital", value: investedCapital });
  if (!(wacc > -1)) throw numError("input.greaterThanMinusOne", { arg: "wacc", value: wacc });
  return finite(nopat - wacc * investedCapital, msg("metrics.eva"));
}
