/**
 * Marketing RFM per customer (DESIGN.md "Customer analysis"): from a transaction log, with transactions
 * grouped by calendar day exactly as for the BTYD summary (src/core/btyd/rfm.ts) and only those on or
 * before the as-of date: first and last purchase day, purchases F = distinct purchase days, total spend
 * M = the sum of all amounts, and days since the last purchase R = as-of day − last purchase day.
 *
 * Refunds: a negative amount is netted into its day and into the total (M is net spend), and its day still
 * counts as a purchase day — the same days as the BTYD layout, so F = BTYD frequency + 1 for every customer.
 */
import { CustomerDays, CustomerId, customerDays, RfmOptions, transactionLogAsOfDay } from "../btyd/rfm";

/** Options of {@link marketingRfm}. */
export type MarketingRfmOptions = Pick<RfmOptions, "asOf" | "describe">;

/** One row per customer, in order of first appearance in the log. Days are whole Excel date serials. */
export interface MarketingRfm {
  readonly customers: CustomerId[];
  /** The as-of day (whole serial): `options.asOf`, or the latest day in the log. */
  readonly asOfDay: number;
  readonly firstPurchase: Float64Array;
  readonly lastPurchase: Float64Array;
  /** F: distinct purchase days. */
  readonly purchases: Float64Array;
  /** M: the sum of all amounts (net of refunds). */
  readonly totalSpend: Float64Array;
  /** R: as-of day − last purchase day. */
  readonly daysSinceLast: Float64Array;
  /** As-of day − first purchase day (the lifecycle's age of a customer). */
  readonly daysSinceFirst: Float64Array;
}

/**
 * Marketing RFM of a transaction log (definitions above). O(n) expected.
 * @param customerIds one id per transaction (numbers, or trimmed texts matched exactly)
 * @param dates Excel date serials (≥ 0), one per transaction; a time of day is dropped
 * @param amounts one per transaction
 * @throws CrmError `#VALUE!` for inputs of different lengths, `#N/A` for an empty log or when no
 * transaction falls on or before the as-of date, `#NUM!` for a negative date or as-of date.
 * @example marketingRfm(["A", "A", "B", "A"], [45658, 45665, 45660, 45665], [10, 20, 5, 30])
 * // A: first 45658, last 45665, 2 purchase days, spend 60, 0 days since last; B: 45660, 45660, 1, 5, 5
 */
export function marketingRfm(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: MarketingRfmOptions = {},
): MarketingRfm {
  const asOfDay = transactionLogAsOfDay(customerIds, dates, amounts, options);
  return marketingRfmOfDays(customerDays(customerIds, dates, amounts, asOfDay));
}

/** Marketing RFM of a log already grouped by customer and day (src/core/btyd/rfm.ts). O(customers). */
export function marketingRfmOfDays(g: CustomerDays): MarketingRfm {
  const m = g.customers.length;
  const daysSinceLast = new Float64Array(m);
  const daysSinceFirst = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    daysSinceLast[c] = g.asOfDay - g.lastDay[c]!;
    daysSinceFirst[c] = g.asOfDay - g.firstDay[c]!;
  }
  return {
    customers: g.customers,
    asOfDay: g.asOfDay,
    firstPurchase: g.firstDay,
    lastPurchase: g.lastDay,
    purchases: g.purchaseDays,
    totalSpend: g.total,
    daysSinceLast,
    daysSinceFirst,
  };
}
