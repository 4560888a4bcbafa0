/**
 * Acquisition-cohort retention table ("triangle") from a transaction log: customers are grouped by the
 * calendar period of their first purchase; for each cohort, its size and the share of its customers who
 * bought in period 0, 1, 2, … after it (period 0 is the cohort's own period, so its share is 1).
 *
 * Periods are calendar months (default), quarters, or weeks starting on Monday (ISO 8601). Dates are
 * Excel serials: serial 61 is 1900-03-01 and later serials count days from 1899-12-30; serials 1–59 are
 * January and February 1900 and serial 60 is Excel's fictitious 1900-02-29, taken as 1900-02-28.
 * The table covers periods up to the latest in the log; a cohort's periods after that are not observed
 * (null), not zero. It must fit a sheet: 2 + periods from the first to the last date ≤ 16,384 columns (and then
 * the cohorts, at most one per period, fit its rows), which is checked before any table is built.
 */
import { naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { distinctRows } from "./grouping";
import type { CustomerId } from "./rfm";
import { MAX_COLUMN } from "../address";
import {
  excelCalendarDate,
  excelSerial,
  isoDate,
  MAX_DATE_SERIAL,
  weekOfSerial,
  weekStartSerial,
} from "../values/dates";

/** Length of a cohort period. */
export type CohortGrain = "month" | "week" | "quarter";

/** One cohort: its start, size and active shares by period since acquisition. */
export interface CohortRow {
  /** Excel serial of the first day of the cohort's period. */
  readonly start: number;
  readonly size: number;
  /** Share active in periods 0, 1, 2, …; null where the period lies after the end of the log. */
  readonly active: (number | null)[];
}

/** Largest customers × periods grid counted with a flag per cell (bytes). */
const PAIR_GRID_LIMIT = 64 * 1024 * 1024;

/** Period number of a day (consecutive periods have consecutive numbers). */
function periodOf(serialDay: number, grain: CohortGrain): number {
  if (grain === "week") return weekOfSerial(serialDay);
  const { year, month } = excelCalendarDate(serialDay);
  return grain === "month" ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3);
}

/** Excel serial of the first day of a period. */
function periodStart(period: number, grain: CohortGrain): number {
  if (grain === "week") return weekStartSerial(period);
  if (grain === "month") return excelSerial(Math.floor(period / 12), (period % 12) + 1, 1);
  return excelSerial(Math.floor(period / 4), (period % 4) * 3 + 1, 1);
}

/** Excel's columns: a cohort table spills its start, size and one column per period. */
const SHEET_COLUMNS = MAX_COLUMN + 1;

/**
 * Checks every date (an Excel date: 1 to 2,958,465) and that the table fits a sheet's columns, in one pass
 * over the dates, before anything is allocated.
 * @throws CrmError `#NUM!` naming a date outside Excel's dates, `#N/A` for a table wider than a sheet.
 */
function checkWidth(dates: ArrayLike<number>, grain: CohortGrain, describe: (i: number) => Message): void {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (!(d >= 1 && d < MAX_DATE_SERIAL + 1)) throw numError("btyd.dateOutside", { where: describe(i), date: d });
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const columns = 2 + periodOf(Math.floor(last), grain) - periodOf(Math.floor(first), grain) + 1;
  if (columns > SHEET_COLUMNS) {
    throw naError("btyd.cohortTooWide", {
      columns,
      maxColumns: SHEET_COLUMNS,
      first: isoDate(first),
      last: isoDate(last),
    });
  }
}

/**
 * Cohort retention table (definitions above), cohorts in chronological order. O(n) expected.
 * @param customerIds one id per transaction
 * @param dates Excel date serials from 1 to 2,958,465 (9999-12-31), one per transaction
 * @throws CrmError `#VALUE!` for inputs of different lengths, `#NUM!` for a date outside Excel's dates,
 * `#N/A` for an empty log or a table wider than a sheet.
 * @example cohortTable(["a", "b", "a"], [45658, 45670, 45700], "month")
 * // [{ start: 45658 (2025-01-01), size: 2, active: [1, 0.5] }]
 */
export function cohortTable(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  grain: CohortGrain = "month",
  describe: (i: number) => Message = (i) => msg("btyd.transactionNumber", { n: i + 1 }),
): CohortRow[] {
  const n = customerIds.length;
  if (dates.length !== n)
    throw valueError("btyd.perTransaction", { names: "customerIds and dates", counts: `${n}, ${dates.length}` });
  if (n === 0) throw naError("btyd.logEmpty");
  const index = new Map<CustomerId, number>();
  const cust = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = customerIds[i]!;
    let c = index.get(id);
    if (c === undefined) index.set(id, (c = index.size));
    cust[i] = c;
  }
  return cohortTableOfCustomers(cust, index.size, dates, grain, describe);
}

/**
 * {@link cohortTable} of transactions whose customers are already numbered 0 … customers − 1 (the analysis
 * has them from its day grouping): the same table without looking a million ids up again. O(n) expected.
 * @param customerOf the customer number of each transaction
 * @param customers how many customers there are (every one with a transaction)
 * @param dates Excel date serials ≥ 1, one per transaction
 * @param grain the cohort and period length
 * @param describe names transaction i in messages
 * @throws CrmError `#NUM!` for a date < 1.
 */
export function cohortTableOfCustomers(
  customerOf: ArrayLike<number>,
  customers: number,
  dates: ArrayLike<number>,
  grain: CohortGrain = "month",
  describe: (i: number) => Message = (i) => msg("btyd.transactionNumber", { n: i + 1 }),
): CohortRow[] {
  const n = customerOf.length;
  checkWidth(dates, grain, describe);
  const firstPeriod = new Float64Array(customers).fill(Infinity);
  const cust = customerOf;
  const period = new Float64Array(n);
  let lastPeriod = -Infinity;
  const periodOfDay = new Map<number, number>(); // a log has far fewer days than transactions
  for (let i = 0; i < n; i++) {
    const d = dates[i]!;
    const day = Math.floor(d);
    let p = periodOfDay.get(day);
    if (p === undefined) periodOfDay.set(day, (p = periodOf(day, grain)));
    const c = cust[i]!;
    if (p < firstPeriod[c]!) firstPeriod[c] = p;
    period[i] = p;
    if (p > lastPeriod) lastPeriod = p;
  }
  // cohorts: distinct first periods, chronological
  const cohortPeriods = Array.from(new Set(firstPeriod)).sort((a, b) => a - b);
  const cohortOf = new Map(cohortPeriods.map((p, k) => [p, k]));
  const sizes = new Float64Array(cohortPeriods.length);
  for (const p of firstPeriod) sizes[cohortOf.get(p)!]! += 1;
  const active = cohortPeriods.map((p) => new Float64Array(lastPeriod - p + 1));
  const count = (c: number, p: number): void => {
    const fp = firstPeriod[c]!;
    active[cohortOf.get(fp)!]![p - fp]! += 1;
  };
  // each (customer, period) pair once: a flag per customer and period when that grid is small enough (a
  // million transactions of 100,000 customers over two years of months: 2.4 million bytes), else hashing
  const width = lastPeriod - cohortPeriods[0]! + 1;
  if (customers * width <= PAIR_GRID_LIMIT) {
    const seen = new Uint8Array(customers * width);
    const first = cohortPeriods[0]!;
    for (let i = 0; i < n; i++) {
      const c = cust[i]!;
      const p = period[i]!;
      const cell = c * width + (p - first);
      if (seen[cell] === 0) {
        seen[cell] = 1;
        count(c, p);
      }
    }
  } else {
    const pairs = distinctRows([cust, period]);
    const [pc, pp] = pairs.columns as [Float64Array, Float64Array];
    for (let g = 0; g < pc.length; g++) count(pc[g]!, pp[g]!);
  }
  return cohortPeriods.map((p, k) => {
    const counts = active[k]!;
    const shares: (number | null)[] = [];
    for (let j = 0; j < width; j++) shares.push(j < counts.length ? counts[j]! / sizes[k]! : null);
    return { start: periodStart(p, grain), size: sizes[k]!, active: shares };
  });
}
