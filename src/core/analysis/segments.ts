/**
 * The eight-class RFM customer-value model of Chinese CRM textbooks (DESIGN.md "RFM segments"): R is high
 * when the days since the last purchase are ≤ the split, F high when purchases ≥ the split, M high when
 * total spend ≥ the split; the split is each column's mean (default) or median.
 *
 * | R F M | segment |
 * | --- | --- |
 * | high high high | Important value |
 * | high low high | Important development |
 * | low high high | Important retention |
 * | low low high | Important win-back |
 * | high high low | General value |
 * | high low low | General development |
 * | low high low | General retention |
 * | low low low | General win-back |
 */
import { checkCustomerColumns, DescribeCustomer } from "./columns";
import { RFM_SEGMENTS, RfmSegment } from "./labels";
import { SplitRule, splitPoint } from "./quantiles";

/** Options of {@link rfmSegments}. */
export interface RfmSegmentOptions {
  /** "mean" (default) or "median". */
  readonly split?: SplitRule;
  /** Describes customer i in messages; default "customer i+1". */
  readonly describe?: DescribeCustomer;
}

/** Per customer the segment, and the split of each column. */
export interface RfmSegments {
  readonly segments: RfmSegment[];
  readonly splits: { readonly r: number; readonly f: number; readonly m: number };
}

/**
 * The segment of one customer from whether each of R, F, M is high (the table above): M chooses Important
 * or General, R and F the kind.
 * @example segmentOf(true, false, true) // "importantDevelopment"
 */
export function segmentOf(rHigh: boolean, fHigh: boolean, mHigh: boolean): RfmSegment {
  const index = (mHigh ? 0 : 4) + (rHigh ? 0 : 2) + (fHigh ? 0 : 1);
  return RFM_SEGMENTS[index]!;
}

/**
 * RFM segments of a customer table (definitions above). O(n), or O(n log n) with the median split.
 * @param daysSinceLast days since each customer's last purchase (≥ 0)
 * @param purchases each customer's number of purchases (≥ 0)
 * @param totalSpend each customer's total spend (any finite number)
 * @throws CrmError as {@link checkCustomerColumns}: `#VALUE!` for columns of different lengths, `#N/A`
 * without customers, `#NUM!` for negative days or purchases or a value that is not finite.
 * @example rfmSegments([10, 100], [5, 1], [500, 50]).segments // means 55, 3, 275 → ["importantValue", "generalWinBack"]
 */
export function rfmSegments(
  daysSinceLast: ArrayLike<number>,
  purchases: ArrayLike<number>,
  totalSpend: ArrayLike<number>,
  options: RfmSegmentOptions = {},
): RfmSegments {
  const n = checkCustomerColumns(
    [
      { name: "daysSinceLast", values: daysSinceLast, min: 0 },
      { name: "purchases", values: purchases, min: 0 },
      { name: "totalSpend", values: totalSpend },
    ],
    options.describe,
  );
  const rule = options.split ?? "mean";
  const splits = {
    r: splitPoint(daysSinceLast, rule),
    f: splitPoint(purchases, rule),
    m: splitPoint(totalSpend, rule),
  };
  const segments = new Array<RfmSegment>(n);
  for (let i = 0; i < n; i++) {
    segments[i] = segmentOf(daysSinceLast[i]! <= splits.r, purchases[i]! >= splits.f, totalSpend[i]! >= splits.m);
  }
  return { segments, splits };
}
