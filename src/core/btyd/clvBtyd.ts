/**
 * Probabilistic ("Buy Till You Die") customer lifetime value: BG/NBD for how many purchases, Gamma-Gamma
 * for how much each is worth (DESIGN.md "Probabilistic CLV"; `lifetimes`' customer_lifetime_value):
 *
 *   CLV = Σ_{k=1..months} (E[Y(t_k) | x, t_x, T] − E[Y(t_{k−1}) | x, t_x, T]) · E[M | x, m_x] / (1 + d)^k,
 *
 * t_k = k·30.4375/periodDays periods (a month is 30.4375 days, 365.25/12), d the monthly discount rate.
 * The result is revenue; multiply by a margin for profit.
 */
import { finite, numError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { bgnbdExpected, BgnbdParams, checkBgnbdParams } from "./bgnbd";
import { checkGammaGammaParams, ggExpectedSpend, GammaGammaParams } from "./gammagamma";

/** Days in the average month. */
export const DAYS_PER_MONTH = 30.4375;

/** Options of {@link clvBtyd}. */
export interface ClvBtydOptions {
  /** Whole months of horizon, 1..1200; default 12. */
  readonly months?: number;
  /** Discount rate per month, > −1; default 0.01. */
  readonly monthlyDiscount?: number;
  /** Days per period of t_x and T (the unit the models were fitted in); default 7. */
  readonly periodDays?: number;
}

/** Checks and completes CLV options. @throws CrmError `#NUM!` naming the bad option. */
export function clvOptions(options: ClvBtydOptions = {}): Required<ClvBtydOptions> {
  const months = options.months ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const periodDays = options.periodDays ?? 7;
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw numError("btyd.months", { value: months });
  }
  if (!(monthlyDiscount > -1) || !Number.isFinite(monthlyDiscount)) {
    throw numError("btyd.monthlyDiscount", { value: monthlyDiscount });
  }
  if (!(periodDays > 0) || !Number.isFinite(periodDays)) throw numError("btyd.periodDays", { value: periodDays });
  return { months, monthlyDiscount, periodDays };
}

/**
 * Discounted expected revenue of one customer over the coming months (formula above).
 * O(months · terms of ₂F₁).
 * @throws CrmError `#NUM!` for invalid parameters, customer data or options (as bgnbdExpected,
 * ggExpectedSpend and {@link clvOptions}).
 * @example clvBtyd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }, 2, 30.43, 38.86, 22.35) // ≈ 36.3
 */
export function clvBtyd(
  bg: BgnbdParams,
  gg: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  monetary: number,
  options: ClvBtydOptions = {},
  where: Message = msg("btyd.customer"),
): number {
  const { months, monthlyDiscount, periodDays } = clvOptions(options);
  checkBgnbdParams(bg);
  checkGammaGammaParams(gg);
  const spend = ggExpectedSpend(gg, x, monetary, where);
  const step = DAYS_PER_MONTH / periodDays;
  let total = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 1; k <= months; k++) {
    const expected = bgnbdExpected(bg, k * step, x, tx, T, where);
    discount /= 1 + monthlyDiscount;
    total += (expected - previous) * discount;
    previous = expected;
  }
  return finite(total * spend, msg("metrics.clv"));
}
