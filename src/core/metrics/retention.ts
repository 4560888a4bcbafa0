/**
 * Keeping customers: retention rate, churn rate and the repeat purchase rate. Rates are fractions.
 */
import { div0Error, numError } from "../errors";

function checkCount(x: number, argument: string): void {
  if (!(x >= 0)) throw numError(`${argument}: ${x} must not be negative`);
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
  if (startCustomers === 0) throw div0Error("startCustomers is 0");
  if (newCustomers > endCustomers) {
    throw numError(`newCustomers (${newCustomers}) exceed endCustomers (${endCustomers})`);
  }
  const kept = endCustomers - newCustomers;
  if (kept > startCustomers) {
    throw numError(`endCustomers − newCustomers (${kept}) exceed startCustomers (${startCustomers})`);
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
  if (startCustomers === 0) throw div0Error("startCustomers is 0");
  if (lostCustomers > startCustomers) {
    throw numError(`lostCustomers (${lostCustomers}) exceed startCustomers (${startCustomers})`);
  }
  return lostCustomers / startCustomers;
}

/** A customer id as matched by {@link repeatRate}, or null for a blank. */
export type CustomerId = string | number | null;

/**
 * Repeat purchase rate = customers with ≥ 2 orders / customers, from an order list holding one customer id
 * per order. Ids match like Excel's COUNTIF: text ignores case and surrounding spaces, and a number matches
 * the same digits typed as text (1001 and "1001" are one customer). Blanks (null, empty text) are skipped.
 * O(n) time and O(distinct customers) memory.
 * @throws CrmError `#DIV/0!` when there are no ids.
 * @example repeatRate(["A", "B", "a", "C", "B", "B"]) // A and B ordered twice or more, of A, B, C → 2/3
 */
export function repeatRate(customerIds: readonly CustomerId[]): number {
  // seen: id → whether it has been seen at least twice.
  const seen = new Map<string, boolean>();
  let repeaters = 0;
  for (let i = 0; i < customerIds.length; i++) {
    const id = customerIds[i];
    if (id === null || id === undefined) continue;
    const key = typeof id === "number" ? String(id) : id.trim().toLowerCase();
    if (key === "") continue;
    const twice = seen.get(key);
    if (twice === undefined) seen.set(key, false);
    else if (!twice) {
      seen.set(key, true);
      repeaters++;
    }
  }
  if (seen.size === 0) throw div0Error("customerIds: there are no customer ids");
  return repeaters / seen.size;
}
