/**
 * Service response time: hours between paired Excel date-times (ticket opened, first response).
 * Excel date-times are serial days, so a pair's time is (respondedAt − openedAt) × 24 hours.
 */
import { div0Error, finite, numError, valueError } from "../errors";
import { msg } from "../messages/catalogue";

/** Which summary of the response times to return. */
export type ResponseStatistic = "mean" | "median" | "p90";

/** The statistic words accepted, in the order documented to users. */
export const RESPONSE_STATISTICS: readonly ResponseStatistic[] = ["mean", "median", "p90"];

/**
 * The p-th percentile of ascending-sorted values, defined as Excel's PERCENTILE.INC (= R's type 7,
 * numpy's default "linear"): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x. O(1).
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/**
 * Response time in hours over paired date-times: the mean (default), the median, or the 90th percentile
 * ("p90", as Excel's PERCENTILE.INC(hours, 0.9)). Pairs with a blank (null) on either side are skipped —
 * a ticket not yet answered, or a row not yet filled. O(n) for the mean, O(n log n) otherwise.
 * @param openedAt date-times (Excel serial days, ≥ 0) when each request arrived
 * @param respondedAt date-times of the responses, paired by position with openedAt
 * @param statistic "mean" (default), "median" or "p90"
 * @throws CrmError `#VALUE!` when the lists differ in length; `#NUM!` for a negative date-time or a
 * response earlier than its request; `#DIV/0!` when no pair is complete.
 * @example responseHours([45000, 45000.5], [45000.25, 45001]) // 6 h and 12 h → mean 9
 */
export function responseHours(
  openedAt: readonly (number | null)[],
  respondedAt: readonly (number | null)[],
  statistic: ResponseStatistic = "mean",
): number {
  if (openedAt.length !== respondedAt.length) {
    throw valueError("input.sameSize", {
      arg: "openedAt",
      other: "respondedAt",
      count: openedAt.length,
      otherCount: respondedAt.length,
    });
  }
  const hours: number[] = [];
  let sum = 0;
  for (let i = 0; i < openedAt.length; i++) {
    const a = openedAt[i];
    const b = respondedAt[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    if (!(a >= 0)) throw numError("metrics.dateTimeNegative", { arg: "openedAt", n: i + 1, value: a });
    if (!(b >= 0)) throw numError("metrics.dateTimeNegative", { arg: "respondedAt", n: i + 1, value: b });
    if (b < a) throw numError("metrics.respondedBeforeOpened", { n: i + 1 });
    const h = finite((b - a) * 24, msg("metrics.pairResponseTime", { n: i + 1 }));
    hours.push(h);
    sum += h;
  }
  if (hours.length === 0) throw div0Error("metrics.noPairs");
  switch (statistic) {
    case "mean":
      return finite(sum / hours.length, msg("metrics.meanResponseTime"));
    case "median":
    case "p90": {
      const sorted = Float64Array.from(hours).sort();
      return finite(percentileInc(sorted, statistic === "median" ? 0.5 : 0.9), msg("metrics.responseTime"));
    }
    default:
      throw valueError("input.optionUnknown", {
        arg: "statistic",
        word: String(statistic),
        allowed: '"mean", "median", "p90"',
      });
  }
}
