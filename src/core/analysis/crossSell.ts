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
 * A text as COUNTIF matches it: trimmed and lower-cased. Printable ASCII without capitals and without spaces
 * at either end is already folded and returned as is (no new string); anything else goes through
 * trim().toLowerCase().
 */
export function foldText(t: string): string {
  const n = t.length;
  if (n === 0 || t.charCodeAt(0) <= 32 || t.charCodeAt(n - 1) <= 32) return t.trim().toLowerCase();
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 127 || (c >= 65 && c <= 90)) return t.trim().toLowerCase();
  }
  return t;
}

/** Distinct texts as typed that {@link matchKeys} remembers before it folds every row instead. */
const TYPED_CACHE = 1024;

/**
 * Numbers the distinct keys of a column as COUNTIF matches them: the index of each row's key, −1 for a blank
 * (null or text of spaces only). Texts are folded ({@link foldText}) and numbered through one Map of folded
 * texts; a text that spells a number joins that number, which goes with the numbers through a hash table on
 * their values (src/core/btyd/grouping.ts). A column of few distinct texts (categories) skips the folding
 * through a cache of the texts as typed; a column of many (ids) folds each row, which costs less than a
 * second Map as large as the first. Groups of numbers come first, then those of texts. O(n) expected.
 */
export function matchKeys(keys: readonly MatchKey[]): { index: Int32Array; distinct: number } {
  const n = keys.length;
  // per row: −1 blank, TEXT until the texts are grouped, then a text group g as −2 − g; numbers filled in last
  const index = new Int32Array(n).fill(-1);
  const values = new Float64Array(n);
  const rows = new Int32Array(n);
  let count = 0;
  let hasText = false;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (typeof k === "number") {
      values[count] = k;
      rows[count++] = i;
    } else if (typeof k === "string") {
      index[i] = TEXT;
      hasText = true;
    }
  }
  const numbers = { values, rows, count };
  const texts = hasText ? groupTexts(keys, index, numbers) : 0;
  const numberGroups = distinctNumbers(numbers.values.subarray(0, numbers.count));
  const numberDistinct = numberGroups.values.length;
  if (texts > 0) {
    for (let i = 0; i < n; i++) {
      const g = index[i]!;
      if (g <= -2) index[i] = numberDistinct - 2 - g;
    }
  }
  for (let j = 0; j < numbers.count; j++) index[numbers.rows[j]!] = numberGroups.index[j]!;
  return { index, distinct: numberDistinct + texts };
}

/** Marks a text row in {@link matchKeys} before its texts are grouped (below every text group's −2 − g). */
const TEXT = -0x40000000;

/**
 * Groups the text rows of {@link matchKeys} (marked TEXT in `index`), in place: −2 − g for text group g, −1
 * for a blank text; a text that spells a number is added to `numbers` instead. Returns the number of text
 * groups. Apart from the numbers' loop so that columns of texts do not slow down columns of numbers.
 */
function groupTexts(
  keys: readonly MatchKey[],
  index: Int32Array,
  numbers: { values: Float64Array; rows: Int32Array; count: number },
): number {
  const NUMBER = -2; // a text that spells a number
  const folded = new Map<string, number>();
  const typed = new Map<string, number>(); // a cache: text as typed → group, NUMBER or −1
  let useTyped = true;
  let texts = 0;
  let lastText = "";
  let lastGroup = -1;
  for (let i = 0; i < index.length; i++) {
    if (index[i] !== TEXT) continue;
    const k = keys[i] as string;
    if (k !== lastText) {
      let g = useTyped ? typed.get(k) : undefined;
      if (g === undefined) {
        const key = foldText(k);
        g = folded.get(key);
        if (g === undefined) {
          if (key === "") g = -1;
          else if (asCanonicalNumber(key) !== undefined) g = NUMBER;
          else folded.set(key, (g = texts++));
        }
        if (useTyped && typed.size < TYPED_CACHE) typed.set(k, g);
        else useTyped = false;
      }
      lastText = k;
      lastGroup = g;
    }
    if (lastGroup === NUMBER) {
      numbers.values[numbers.count] = asCanonicalNumber(foldText(k))!;
      numbers.rows[numbers.count++] = i;
      index[i] = -1;
    } else index[i] = lastGroup >= 0 ? -2 - lastGroup : -1;
  }
  return texts;
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
