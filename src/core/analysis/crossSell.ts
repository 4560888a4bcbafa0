/**
 * Cross-selling rate (DESIGN.md "Customer analysis") = customers who bought in ≥ 2 distinct
 * categories / customers who bought in at least one. Customers and categories match like Excel's COUNTIF, as
 * in CRM.REPEATRATE: text ignores case and surrounding spaces, and a number matches the same digits typed as
 * text (1001 and "1001" are one customer; 12 and "12" one category). A row without a customer is skipped;
 * a customer whose rows have no category at all is left out of the denominator.
 */
import { div0Error, valueError } from "../errors";
import { distinctRows } from "../btyd/grouping";
import { asCanonicalNumber } from "../metrics/retention";

/** A customer id or category as Excel passes it: a number, a text, or null for a blank. */
export type MatchKey = string | number | null;

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
 * The distinct values of a column of numbers in first-seen order and each value's group. Whole numbers from 0
 * to a few times the column's length (customer numbers, mostly) are looked up in a table indexed by the value;
 * any other column goes through the hash table of src/core/btyd/grouping.ts. O(n) either way.
 */
function distinctNumbers(numbers: Float64Array): { index: Int32Array; values: Float64Array } {
  const n = numbers.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = numbers[i]!;
    if (!((x | 0) === x && x >= 0)) {
      max = -1;
      break;
    }
    if (x > max) max = x;
  }
  if (max < 0 || max > 4 * n + 1024) {
    const groups = distinctRows([numbers]);
    return { index: groups.index, values: groups.columns[0]! };
  }
  const groupOf = new Int32Array(max + 1).fill(-1);
  const index = new Int32Array(n);
  const values = new Float64Array(n);
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const x = numbers[i]!;
    let g = groupOf[x]!;
    if (g < 0) {
      groupOf[x] = g = groups;
      values[groups++] = x;
    }
    index[i] = g;
  }
  return { index, values: values.subarray(0, groups) };
}

/**
 * Numbers the distinct keys of a column as COUNTIF matches them: the index of each row's key, −1 for a blank
 * (null or text of spaces only). Numbers go through a hash table on their values (src/core/btyd/grouping.ts),
 * texts through a Map with a one-entry cache for runs of the same text; then each distinct text is folded
 * once (trimmed, lower-cased, joining the number it spells). O(n) expected.
 */
export function matchKeys(keys: readonly MatchKey[]): { index: Int32Array; distinct: number } {
  const n = keys.length;
  const index = new Int32Array(n).fill(-1);
  const numbers = new Float64Array(n);
  const numberRows = new Int32Array(n);
  let numberCount = 0;
  const textRows = new Int32Array(n).fill(-1); // raw text index per row
  const texts = new Map<string, number>();
  const rawTexts: string[] = [];
  let lastText: string | undefined;
  let lastRaw = -1;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (typeof k === "number") {
      numbers[numberCount] = k;
      numberRows[numberCount++] = i;
    } else if (typeof k === "string") {
      if (k !== lastText) {
        let r = texts.get(k);
        if (r === undefined) texts.set(k, (r = rawTexts.push(k) - 1));
        lastText = k;
        lastRaw = r;
      }
      textRows[i] = lastRaw;
    }
  }
  const numberGroups = distinctNumbers(numbers.subarray(0, numberCount));
  for (let j = 0; j < numberCount; j++) index[numberRows[j]!] = numberGroups.index[j]!;
  let distinct = numberGroups.values.length;
  let byNumber: Map<number, number> | undefined; // built only when a text spells a number
  const byText = new Map<string, number>();
  const folded = rawTexts.map((t) => {
    const key = t.trim().toLowerCase();
    if (key === "") return -1;
    const x = asCanonicalNumber(key);
    if (x !== undefined) {
      byNumber ??= new Map(Array.from(numberGroups.values, (v, g) => [v, g]));
      let g = byNumber.get(x);
      if (g === undefined) byNumber.set(x, (g = distinct++));
      return g;
    }
    let g = byText.get(key);
    if (g === undefined) byText.set(key, (g = distinct++));
    return g;
  });
  for (let i = 0; i < n; i++) if (textRows[i]! >= 0) index[i] = folded[textRows[i]!]!;
  return { index, distinct };
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
  const ids = matchKeys(customerIds);
  const cats = matchKeys(categories).index;
  const firstCategory = new Int32Array(ids.distinct).fill(-1);
  const several = new Uint8Array(ids.distinct);
  for (let i = 0; i < customerIds.length; i++) {
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
