/**
 * Value tiers (DESIGN.md "Value tiers"; the seed's four groups): current value
 * c = total spend so far, potential value p = predicted CLV over the horizon; each is high when ≥ its median
 * (default) or mean.
 *
 * | c | p | tier |
 * | --- | --- | --- |
 * | high | high | High value |
 * | low | high | Potential |
 * | high | low | General |
 * | low | low | Low value |
 *
 * High-value share = customers in High value / customers.
 */
import { checkCustomerColumns, DescribeCustomer } from "./columns";
import { ValueTier } from "./labels";
import { SplitRule, splitPoint } from "./quantiles";

/** Options of {@link valueTiers}. */
export interface ValueTierOptions {
  /** "median" (default) or "mean". */
  readonly split?: SplitRule;
  /** Describes customer i in messages; default "customer i+1". */
  readonly describe?: DescribeCustomer;
}

/** Per customer the tier, the split of each column, and the high-value share. */
export interface ValueTiers {
  readonly tiers: ValueTier[];
  readonly splits: { readonly current: number; readonly potential: number };
  /** Customers in High value / customers. */
  readonly highValueShare: number;
}

/**
 * The tier of one customer from whether current and potential value are high (the table above).
 * @example tierOf(false, true) // "potential"
 */
export function tierOf(currentHigh: boolean, potentialHigh: boolean): ValueTier {
  if (potentialHigh) return currentHigh ? "highValue" : "potential";
  return currentHigh ? "general" : "lowValue";
}

/**
 * Value tiers of a customer table (definitions above). O(n log n) with the median split, O(n) with the mean.
 * @param currentValue each customer's total spend so far (any finite number)
 * @param potentialValue each customer's predicted CLV (any finite number)
 * @throws CrmError `#VALUE!` for columns of different lengths, `#N/A` without customers, `#NUM!` for a
 * value that is not finite.
 * @example valueTiers([100, 10, 50], [5, 80, 1]).tiers // medians 50 and 5 → ["highValue", "potential", "general"]
 */
export function valueTiers(
  currentValue: ArrayLike<number>,
  potentialValue: ArrayLike<number>,
  options: ValueTierOptions = {},
): ValueTiers {
  const n = checkCustomerColumns(
    [
      { name: "currentValue", values: currentValue },
      { name: "potentialValue", values: potentialValue },
    ],
    options.describe,
  );
  const rule = options.split ?? "median";
  const splits = { current: splitPoint(currentValue, rule), potential: splitPoint(potentialValue, rule) };
  const tiers = new Array<ValueTier>(n);
  let high = 0;
  for (let i = 0; i < n; i++) {
    const tier = tierOf(currentValue[i]! >= splits.current, potentialValue[i]! >= splits.potential);
    tiers[i] = tier;
    if (tier === "highValue") high++;
  }
  return { tiers, splits, highValueShare: high / n };
}
