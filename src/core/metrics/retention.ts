/**
 * Keeping customers: retention rate, churn rate and the repeat purchase rate. Rates are fractions.
 */
import { div0Error, numError } from "../errors";
import { MatchedKeys, matchKeys } from "../values/matchKeys";

function checkCount(x: number, argument: string): void {
  if (!(x >= 0)) throw numError("input.mustNotBeNegative", { arg: argument, value: x });
}

/** Checks that one count is not above another. @throws CrmError `#NUM!` naming both. */
function checkNotAbove(arg: string, value: number, other: string, otherValue: number): void {
  if (value > otherValue) throw numError("metrics.exceeds", { arg, value, other, otherValue });
}

/**
 * Customer retention rate = (E − N)/S: of the S customers at the start of a period, the share still there
 * at its end (E at the end, N of them acquired during the period). O(1).
 * @throws CrmError `#NUM!` for a negative count, N > E or E − N > S; `#DIV/0!` when S = 0.
 * @example retentionRate(1000, 1100, 200) // (1100 − 200)/1000 = 0.9
 */
export function retentionRate(startCustomers: number, endCustomers: number, newCustomers: number): number {
  checkCount(startCustomers, "startCustomers");
  checkCount(endCustomers, "endCustomers");
  checkCount(newCustomers, "newCustomers");
  if (startCustomers === 0) throw div0Error("input.isZero", { arg: "startCustomers" });
  checkNotAbove("newCustomers", newCustomers, "endCustomers", endCustomers);
  const kept = endCustomers - newCustomers;
  if (kept > startCustomers) {
    throw numError("metrics.keptExceedStart", { value: kept, start: startCustomers });
  }
  return kept / startCustomers;
}

/**
 * Churn rate = lost / S: the share of the S customers at the start of a period lost during it. O(1).
 * @throws CrmError `#NUM!` for a negative count or more lost than there were; `#DIV/0!` when S = 0.
 * @example churnRate(1000, 100) // 100/1000 = 0.1
 */
export function churnRate(startCustomers: number, lostCustomers: number): number {
  checkCount(startCustomers, "startCustomers");
  checkCount(lostCustomers, "lostCustomers");
  if (startCustomers === 0) throw div0Error("input.isZero", { arg: "startCustomers" });
  checkNotAbove("lostCustomers", lostCustomers, "startCustomers", startCustomers);
  return lostCustomers / startCustomers;
}

/** A customer id as matched by {@link repeatRate}, or null for a blank. */
export type CustomerId = string | number | null;

/**
 * Repeat purchase rate = customers with ≥ 2 orders / customers, from an order list holding one customer id
 * per order. Ids match like Excel's COUNTIF: text ignores case and surrounding spaces, and a number matches
 * the same digits typed as text (1001 and "1001" are one customer), through src/core/values/matchKeys.ts.
 * Blanks (null, empty text) are skipped. O(n) expected time and memory.
 * @throws CrmError `#DIV/0!` when there are no ids.
 * @example repeatRate(["A", "B", "a", "C", "B", "B"]) // A and B ordered twice or more, of A, B, C → 2/3
 */
export function repeatRate(customerIds: readonly CustomerId[]): number {
  return repeatRateOf(matchKeys(customerIds, "customerIds"));
}

/**
 * {@link repeatRate} of ids already matched (src/core/values/matchKeys.ts). O(n).
 * @throws CrmError `#DIV/0!` when there are no ids.
 */
export function repeatRateOf({ index, distinct }: MatchedKeys): number {
  const orders = new Uint8Array(distinct); // per customer: 1 once, 2 repeat
  for (let i = 0; i < index.length; i++) {
    const c = index[i]!;
    if (c >= 0 && orders[c]! < 2) orders[c]!++;
  }
  let repeaters = 0;
  for (let c = 0; c < distinct; c++) if (orders[c] === 2) repeaters++;
  if (distinct === 0) throw div0Error("metrics.noCustomerIds");
  return repeaters / distinct;
}
