/**
 * Cross-selling rate (DESIGN.md "Customer analysis") = customers who bought in ≥ 2 distinct
 * categories / customers who bought in at least one. Customers and categories match like Excel's COUNTIF, as
 * in CRM.REPEATRATE: text ignores case and surrounding spaces, and a number matches the same digits typed as
 * text (1001 and "1001" are one customer; 12 and "12" one category). A row without a customer is skipped;
 * a customer whose rows have no category at all is left out of the denominator.
 */
import { div0Error, valueError } from "../errors";
import { MatchedKeys, MatchKey, matchKeys } from "../values/matchKeys";

export type { MatchKey } from "../values/matchKeys";

/** The rate and its two counts. */
export interface CrossSell {
  /** crossBuyers / customers. */
  readonly rate: number;
  /** Customers with at least one category. */
  readonly customers: number;
  /** Customers with at least two distinct categories. */
  readonly crossBuyers: number;
}

/**
 * Cross-selling rate of a purchase list (definitions above). O(n) expected.
 * @param customerIds the customer of each row (order line or transaction)
 * @param categories the product category of each row
 * @throws CrmError `#VALUE!` for columns of different lengths, `#DIV/0!` when no customer has a category.
 * @example crossSell(["A", "a ", "B", "C"], ["Books", "music", "Books", null]).rate
 * // A bought Books and Music, B only Books, C has no category → 1/2
 */
export function crossSell(customerIds: readonly MatchKey[], categories: readonly MatchKey[]): CrossSell {
  if (customerIds.length !== categories.length) {
    throw valueError("analysis.perRow", {
      names: "customerIds, categories",
      counts: `${customerIds.length}, ${categories.length}`,
    });
  }
  return crossSellOf(matchKeys(customerIds, "customerIds"), matchKeys(categories, "categories"));
}

/**
 * {@link crossSell} of columns already matched (src/core/values/matchKeys.ts), row for row. O(n).
 * @throws CrmError `#DIV/0!` when no customer has a category.
 */
export function crossSellOf(ids: MatchedKeys, categories: MatchedKeys): CrossSell {
  const cats = categories.index;
  const firstCategory = new Int32Array(ids.distinct).fill(-1);
  const several = new Uint8Array(ids.distinct);
  for (let i = 0; i < ids.index.length; i++) {
    const c = ids.index[i]!;
    const g = cats[i]!;
    if (c < 0 || g < 0) continue;
    const f = firstCategory[c]!;
    if (f < 0) firstCategory[c] = g;
    else if (f !== g) several[c] = 1;
  }
  let customers = 0;
  let crossBuyers = 0;
  for (let c = 0; c < ids.distinct; c++) {
    if (firstCategory[c]! >= 0) customers++;
    crossBuyers += several[c]!;
  }
  if (customers === 0) throw div0Error("analysis.noCategory");
  return { rate: crossBuyers / customers, customers, crossBuyers };
}
