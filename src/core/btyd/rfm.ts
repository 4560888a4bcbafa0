/**
 * RFM summary of a transaction log — the customer-level input of BG/NBD and Gamma-Gamma (the
 * `summary_data_from_transaction_data` of Python's `lifetimes`). DESIGN.md "RFM summary":
 *
 * Each customer's transactions are grouped by calendar day (amounts summed). With days counted as whole
 * Excel date serials (a time of day is dropped):
 * - frequency = distinct purchase days − 1 (repeat purchases),
 * - recency = (last day − first day)/periodDays,
 * - T = (as-of day − first day)/periodDays,
 * - monetary = mean of the daily totals after the first day (0 when frequency = 0).
 * Transactions after the as-of day are left out (the calibration period ends there) and a customer whose
 * first purchase is after it does not appear. The as-of day defaults to the latest day in the log,
 * periodDays to 7 (weeks). This reproduces the published CDNOW summary for all 2,357 customers.
 */
import { naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";

/** A customer id as Excel passes it: a number or a (trimmed) text. */
export type CustomerId = string | number;

/** Options of {@link rfmSummary}. */
export interface RfmOptions {
  /** Excel date serial of the end of the observation period; default the latest date in the log. */
  readonly asOf?: number;
  /** Days per period for recency and T; default 7. */
  readonly periodDays?: number;
  /** Describes transaction i (0-based) in messages; default "transaction i+1". */
  readonly describe?: (i: number) => Message;
}

/** One row per customer, in order of first appearance in the log. */
export interface RfmSummary {
  readonly customers: CustomerId[];
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetary: Float64Array;
}

/** A transaction log grouped by customer and calendar day (see {@link customerDays}). */
export interface CustomerDays {
  /** Customer ids in order of first appearance (transactions after the as-of day left out). */
  readonly customers: CustomerId[];
  /** The as-of day: a whole Excel serial. */
  readonly asOfDay: number;
  /** Each customer's first and last purchase day (whole serials). */
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  /** Distinct purchase days of each customer. */
  readonly purchaseDays: Float64Array;
  /** Sum of all amounts of each customer (refunds, as negative amounts, netted). */
  readonly total: Float64Array;
  /** Sum of the amounts on each customer's days after the first. */
  readonly laterTotal: Float64Array;
  /** For each transaction of the log, its customer's index; −1 when it falls after the as-of day. */
  readonly customerOf: Int32Array;
}

/**
 * Checks a transaction log and resolves its as-of day: the whole day of `options.asOf`, or of the latest
 * date in the log. Checks `options.periodDays` too when given.
 * @throws CrmError `#VALUE!` for inputs of different lengths, `#N/A` for an empty log, `#NUM!` for
 * periodDays ≤ 0 or a negative date or as-of date.
 */
export function transactionLogAsOfDay(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: RfmOptions = {},
): number {
  const n = customerIds.length;
  const describe = options.describe ?? ((i: number) => msg("btyd.transactionNumber", { n: i + 1 }));
  if (dates.length !== n || amounts.length !== n) {
    throw valueError("btyd.perTransaction", {
      names: "customerIds, dates and amounts",
      counts: `${n}, ${dates.length}, ${amounts.length}`,
    });
  }
  if (n === 0) throw naError("btyd.logEmpty");
  const periodDays = options.periodDays;
  if (periodDays !== undefined && (!(periodDays > 0) || !Number.isFinite(periodDays)))
    throw numError("btyd.periodDays", { value: periodDays });
  let asOfDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = dates[i]!;
    if (!(d >= 0) || !Number.isFinite(d)) throw numError("btyd.dateBelow", { where: describe(i), date: d, min: 0 });
    if (d > asOfDay) asOfDay = d;
  }
  if (options.asOf !== undefined) {
    if (!(options.asOf >= 0) || !Number.isFinite(options.asOf))
      throw numError("btyd.asOfDate", { value: options.asOf });
    asOfDay = options.asOf;
  }
  return Math.floor(asOfDay);
}

/**
 * Summarises a transaction log per customer (definitions above). O(n) expected: one hash lookup per
 * transaction for its customer, then a counting sort of the days by customer.
 * @param customerIds one id per transaction
 * @param dates Excel date serials (≥ 0), one per transaction
 * @param amounts one per transaction
 * @throws CrmError `#NUM!` for a negative date or periodDays ≤ 0, `#VALUE!` for inputs of different
 * lengths, `#N/A` for an empty log or when no transaction falls on or before the as-of date.
 * @example rfmSummary(["a", "a", "b"], [45658, 45665, 45660], [10, 20, 5])
 * // a: frequency 1, recency 1, T 1, monetary 20; b: 0, 0, (45665 − 45660)/7 ≈ 0.714, 0
 */
export function rfmSummary(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: RfmOptions = {},
): RfmSummary {
  const periodDays = options.periodDays ?? 7;
  const asOfDay = transactionLogAsOfDay(customerIds, dates, amounts, { ...options, periodDays });
  const g = customerDays(customerIds, dates, amounts, asOfDay);
  return { customers: g.customers, ...btydColumnsOfDays(g, asOfDay, periodDays) };
}

/**
 * The BTYD summary columns of a day grouping: frequency x = purchase days − 1, recency and age T in periods of
 * `periodDays` from the first purchase day, monetary = mean of the daily totals after the first day (0 when
 * x = 0). The one place both CRM.RFM and the customer analysis compute them. O(customers).
 */
export function btydColumnsOfDays(
  g: CustomerDays,
  asOfDay: number,
  periodDays: number,
): { frequency: Float64Array; recency: Float64Array; T: Float64Array; monetary: Float64Array } {
  const m = g.customers.length;
  const frequency = new Float64Array(m);
  const recency = new Float64Array(m);
  const T = new Float64Array(m);
  const monetary = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const x = g.purchaseDays[c]! - 1;
    frequency[c] = x;
    recency[c] = (g.lastDay[c]! - g.firstDay[c]!) / periodDays;
    T[c] = (asOfDay - g.firstDay[c]!) / periodDays;
    monetary[c] = x > 0 ? g.laterTotal[c]! / x : 0;
  }
  return { frequency, recency, T, monetary };
}

/**
 * Groups a checked transaction log by customer and calendar day — the one grouping behind the BTYD summary
 * ({@link rfmSummary}) and the marketing RFM (src/core/analysis). Days are whole Excel serials (a time of day
 * is dropped); transactions after `asOfDay` are left out, and every remaining transaction day is a purchase
 * day whatever its amount. O(n) expected: one hash lookup per transaction for its customer, then a counting
 * sort of the days by customer (short buckets by insertion sort).
 * @param customerIds one id per transaction
 * @param dates Excel date serials, one per transaction
 * @param amounts one per transaction
 * @param asOfDay a whole Excel serial, e.g. from {@link transactionLogAsOfDay}
 * @throws CrmError `#N/A` when no transaction falls on or before the as-of day.
 */
export function customerDays(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  asOfDay: number,
): CustomerDays {
  const n = customerIds.length;
  const { customerOf, customers } = numberCustomers(customerIds, dates, asOfDay);
  if (customers.length === 0) throw naError("btyd.nothingBeforeAsOf");
  // each kept transaction's customer and day, and each customer's first and last day
  const first = new Float64Array(customers.length).fill(Infinity);
  const last = new Float64Array(customers.length).fill(-Infinity);
  const cust = new Int32Array(n);
  const day = new Float64Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = customerOf[i]!;
    if (c < 0) continue;
    const d = Math.floor(dates[i]!);
    if (d < first[c]!) first[c] = d;
    if (d > last[c]!) last[c] = d;
    cust[kept] = c;
    day[kept] = d;
    kept++;
  }

  // amounts (all, and after each customer's first day), and distinct purchase days: the days are bucketed by
  // customer (a counting sort, sequential in memory), then each bucket is sorted and its runs counted
  const m = customers.length;
  const total = new Float64Array(m);
  const laterTotal = new Float64Array(m);
  const start = new Int32Array(m + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (customerOf[i]! < 0) continue;
    const c = cust[k]!;
    total[c]! += amounts[i]!;
    if (day[k]! > first[c]!) laterTotal[c]! += amounts[i]!;
    start[c + 1]!++;
    k++;
  }
  for (let c = 0; c < m; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, m);
  const bucketed = new Float64Array(kept);
  for (let j = 0; j < kept; j++) bucketed[fill[cust[j]!]!++] = day[j]!;
  const purchaseDays = new Float64Array(m);
  for (let c = 0; c < m; c++) purchaseDays[c] = distinctInBucket(bucketed, start[c]!, start[c + 1]!);
  return {
    customers,
    asOfDay,
    firstDay: first,
    lastDay: last,
    purchaseDays,
    total,
    laterTotal,
    customerOf,
  };
}

/**
 * Numbers the customers of the transactions on or before the as-of day in order of first appearance: each
 * transaction's customer (−1 when after the as-of day) and the ids. Ids match exactly (1 and "1" differ). When
 * every id is a whole number from 0 to a few times the log's length (customer numbers, mostly) they are
 * looked up in a table indexed by the id, else through a Map. O(n) expected.
 */
function numberCustomers(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  asOfDay: number,
): { customerOf: Int32Array; customers: CustomerId[] } {
  const n = customerIds.length;
  const customerOf = new Int32Array(n).fill(-1);
  const customers: CustomerId[] = [];
  let max = 0;
  for (let i = 0; i < n; i++) {
    const id = customerIds[i]!;
    if (typeof id !== "number" || !((id | 0) === id && id >= 0)) {
      max = -1;
      break;
    }
    if (id > max) max = id;
  }
  if (max >= 0 && max <= 4 * n + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      if (Math.floor(dates[i]!) > asOfDay) continue;
      const id = customerIds[i] as number;
      let c = table[id]!;
      if (c < 0) table[id] = c = customers.push(id) - 1;
      customerOf[i] = c;
    }
    return { customerOf, customers };
  }
  const index = new Map<CustomerId, number>();
  for (let i = 0; i < n; i++) {
    if (Math.floor(dates[i]!) > asOfDay) continue;
    const id = customerIds[i]!;
    let c = index.get(id);
    if (c === undefined) index.set(id, (c = customers.push(id) - 1));
    customerOf[i] = c;
  }
  return { customerOf, customers };
}

/** Sorts `values[lo..hi)` in place (insertion sort for short runs) and counts its distinct values. */
function distinctInBucket(values: Float64Array, lo: number, hi: number): number {
  if (hi - lo <= 32) {
    for (let i = lo + 1; i < hi; i++) {
      const v = values[i]!;
      let j = i - 1;
      while (j >= lo && values[j]! > v) {
        values[j + 1] = values[j]!;
        j--;
      }
      values[j + 1] = v;
    }
  } else {
    values.subarray(lo, hi).sort();
  }
  let count = 0;
  for (let i = lo; i < hi; i++) if (i === lo || values[i] !== values[i - 1]) count++;
  return count;
}
