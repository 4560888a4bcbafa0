/**
 * RFM scores (DESIGN.md "Customer analysis"): each of recency (days since the last purchase), frequency
 * (purchases) and monetary value (total spend) is scored 1..k against its own quantile breaks
 * b_j = PERCENTILE.INC(values, j/k), j = 1..k − 1 (type 7):
 * - F and M, higher is better: score = 1 + #{j : v > b_j};
 * - R, fewer days is better: score = 1 + #{j : v < b_j}.
 * Equal values get equal scores, and a column whose values are all equal scores 1 throughout. The RFM code
 * is 100·R + 10·F + M, unambiguous because k ≤ 9.
 */
import { numError } from "../errors";
import { checkCustomerColumns, DescribeCustomer } from "./columns";
import { scoreBreaks, sortedValues } from "./quantiles";

/** Options of {@link rfmScores}. */
export interface RfmScoreOptions {
  /** Number of bins k, a whole number from 2 to 9; default 5. */
  readonly bins?: number;
  /** Describes customer i in messages (the adapters name the cell); default "customer i+1". */
  readonly describe?: DescribeCustomer;
}

/** Per customer the R, F and M scores (1..k) and the RFM code; and the breaks each column was scored by. */
export interface RfmScores {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** 100·R + 10·F + M. */
  readonly code: Uint16Array;
  /** The k − 1 breaks of each column, ascending. */
  readonly breaks: { readonly r: Float64Array; readonly f: Float64Array; readonly m: Float64Array };
}

/**
 * The number of bins, checked.
 * @throws CrmError `#NUM!` unless a whole number from 2 to 9.
 */
export function checkBins(bins: number): number {
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) {
    throw numError("analysis.bins", { value: bins });
  }
  return bins;
}

/**
 * Scores each value against ascending breaks: 1 + the number of breaks it exceeds (`higherIsBetter`), or
 * 1 + the number of breaks above it. O(n·k).
 */
function scoreColumn(values: ArrayLike<number>, breaks: Float64Array, higherIsBetter: boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  const k = breaks.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let s = 1;
    if (higherIsBetter) for (let j = 0; j < k; j++) s += v > breaks[j]! ? 1 : 0;
    else for (let j = 0; j < k; j++) s += v < breaks[j]! ? 1 : 0;
    out[i] = s;
  }
  return out;
}

/**
 * RFM scores of a customer table (definitions above). O(n log n) (three sorts).
 * @param daysSinceLast days since each customer's last purchase (≥ 0)
 * @param purchases each customer's number of purchases (≥ 0)
 * @param totalSpend each customer's total spend (any finite number: refunds may make it negative)
 * @throws CrmError `#VALUE!` for columns of different lengths, `#N/A` without customers, `#NUM!` for a
 * negative day count or purchase count, a value that is not finite, or bins outside 2..9.
 * @example rfmScores([5, 40, 200], [6, 2, 1], [300, 80, 20], { bins: 3 }).code
 * // R breaks 28.33, 93.33; F 1.67, 3.33; M 60, 153.33 → codes 333, 222, 111
 */
export function rfmScores(
  daysSinceLast: ArrayLike<number>,
  purchases: ArrayLike<number>,
  totalSpend: ArrayLike<number>,
  options: RfmScoreOptions = {},
): RfmScores {
  const bins = checkBins(options.bins ?? 5);
  const n = checkCustomerColumns(
    [
      { name: "daysSinceLast", values: daysSinceLast, min: 0 },
      { name: "purchases", values: purchases, min: 0 },
      { name: "totalSpend", values: totalSpend },
    ],
    options.describe,
  );
  const breaks = {
    r: scoreBreaks(sortedValues(daysSinceLast), bins),
    f: scoreBreaks(sortedValues(purchases), bins),
    m: scoreBreaks(sortedValues(totalSpend), bins),
  };
  const r = scoreColumn(daysSinceLast, breaks.r, false);
  const f = scoreColumn(purchases, breaks.f, true);
  const m = scoreColumn(totalSpend, breaks.m, true);
  const code = new Uint16Array(n);
  for (let i = 0; i < n; i++) code[i] = 100 * r[i]! + 10 * f[i]! + m[i]!;
  return { r, f, m, code, breaks };
}
