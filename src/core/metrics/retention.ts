/**
 * Keeping customers: retention rate, churn rate and the repeat purchase rate. Rates are fractions.
 */
import { div0Error, numError } from "../errors";

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
 * the same digits typed as text (1001 and "1001" are one customer). Blanks (null, empty text) are skipped.
 * O(n) time and O(distinct customers) memory.
 * @throws CrmError `#DIV/0!` when there are no ids.
 * @example repeatRate(["A", "B", "a", "C", "B", "B"]) // A and B ordered twice or more, of A, B, C → 2/3
 */
export function repeatRate(customerIds: readonly CustomerId[]): number {
  // Pass 1: orders per distinct raw id, capped at 2 — exact-match lookups, with numbers in their own map
  // (much faster than strings).
  const perNumber = new Map<number, number>();
  const perText = new Map<string, number>();
  for (let i = 0; i < customerIds.length; i++) {
    const id = customerIds[i];
    if (id === null || id === undefined) continue;
    if (typeof id === "number") addOrders(perNumber, id, 1);
    else addOrders(perText, id, 1);
  }
  // Pass 2: fold the distinct texts like COUNTIF (trim, ignore case, "1001" joins 1001) — once per
  // distinct text rather than once per order.
  const perFolded = new Map<string, number>();
  for (const [text, orders] of perText) {
    const key = text.trim().toLowerCase();
    if (key === "") continue;
    const n = asCanonicalNumber(key);
    if (n === undefined) addOrders(perFolded, key, orders);
    else addOrders(perNumber, n, orders);
  }
  const customers = perNumber.size + perFolded.size;
  let repeaters = 0;
  for (const orders of perNumber.values()) if (orders >= 2) repeaters++;
  for (const orders of perFolded.values()) if (orders >= 2) repeaters++;
  if (customers === 0) throw div0Error("metrics.noCustomerIds");
  return repeaters / customers;
}

/** Adds orders to key's count, which saturates at 2 (all that matters is once or repeat). */
function addOrders<K>(counts: Map<K, number>, key: K, orders: number): void {
  const before = counts.get(key);
  if (before === undefined) counts.set(key, Math.min(orders, 2));
  else if (before < 2) counts.set(key, 2);
}

/** The number a text spells exactly as JavaScript would print it ("1001", "-2.5"), else undefined. */
export function asCanonicalNumber(text: string): number | undefined {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined; // cheap exit: not a digit or "-"
  const n = Number(text);
  return String(n) === text ? n : undefined;
}
