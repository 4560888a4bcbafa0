/**
 * Customer ids and categories numbered as Excel's COUNTIF matches them (DESIGN.md "Customer analysis"): text
 * ignores case and surrounding spaces, and a number matches the same digits typed as text (1001 and "1001" are
 * one customer; 12 and "12" one category). Used by the repeat purchase rate, the cross-selling rate and the
 * customer analysis.
 *
 * Both kinds of key go through open-addressing hash tables (linear probing) that build no strings for the
 * common case: numbers through src/core/btyd/grouping.ts or a table indexed by the value, texts through the
 * table of {@link groupTexts}, which hashes and compares printable ASCII texts case-folded character by
 * character; only a text with surrounding spaces or a character beyond ASCII is folded into a new string first.
 */
import { distinctRows } from "../btyd/grouping";
import type { BlankMask } from "./blank";
import { asCells } from "./cells";
import { errorTextOf } from "./errorValues";
import { badCell, isPlainText } from "./ranges";

/** A customer id or category as Excel passes it: a number, a text, or null for a blank. */
export type MatchKey = string | number | null;

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

/** Each row's key group (−1 for a blank) and how many groups there are. */
export interface MatchedKeys {
  readonly index: Int32Array;
  readonly distinct: number;
}

/**
 * Numbers the distinct keys of a column as COUNTIF matches them: the index of each row's key, −1 for a blank
 * (null or text of spaces only). A text that spells a number joins that number. Groups of numbers come first,
 * then those of texts. O(n) expected.
 * @throws CrmError as {@link matchCells} for NaN/±Infinity or an error text
 * @example matchKeys([7, "C-1", " c-1", "7", null]) // index [0, 1, 1, 0, −1], distinct 2
 */
export function matchKeys(keys: readonly MatchKey[], argument = "keys"): MatchedKeys {
  return matchRows([keys], keys.length, argument, undefined);
}

/**
 * {@link matchKeys} straight from a range argument as Excel passes it, without a column of keys in between:
 * cells in reading order, one row per cell (`index.length` = rows × columns). A cell is read as the value
 * layer's keys are (src/core/values/ranges.ts): a finite number, a text, or a blank (empty, null, or a 0 that
 * `blanks` says is a blank cell: Excel desktop passes blanks as 0).
 * @throws CrmError `#NUM!` for NaN/±Infinity, `#VALUE!` for a logical, an error value as itself, each naming
 *   the argument and cell
 */
export function matchCells(raw: unknown, argument: string, blanks?: BlankMask): MatchedKeys {
  const cells = asCells(raw);
  return matchRows(cells, cells[0]?.length ?? 0, argument, blanks);
}

/**
 * The one loop of {@link matchKeys} and {@link matchCells}: cells row by row (a column of keys is one row of
 * `columns` = its length); each row's cell k = r·columns + c is classified, numbers grouped through
 * {@link distinctNumbers}, texts through {@link groupTexts}.
 */
function matchRows(
  cells: readonly (readonly unknown[])[],
  columns: number,
  argument: string,
  blanks: BlankMask | undefined,
): MatchedKeys {
  const n = cells.length * columns;
  // per cell: −1 blank, TEXT until the texts are grouped, then a text group g as −2 − g; numbers filled in last
  const index = new Int32Array(n).fill(-1);
  const numbers = new NumberRows(n >> 3);
  let textRows = 0;
  for (let r = 0, k = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < columns; c++, k++) {
      const v = row[c];
      if (typeof v === "number") {
        if (v - v !== 0) badCell(v, argument, r, c, columns);
        if (v !== 0 || blanks === undefined || !blanks.isBlank(r, c)) numbers.push(v, k);
      } else if (typeof v === "string") {
        if (v === "") continue;
        if (!isPlainText(v) && errorTextOf(v) !== null) badCell(v, argument, r, c, columns);
        index[k] = TEXT;
        textRows++;
      } else if (v !== null && v !== undefined) badCell(v, argument, r, c, columns);
    }
  }
  const texts = textRows > 0 ? groupTexts(cells, columns, index, textRows, numbers) : 0;
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

/** The rows of a column that hold numbers (or texts that spell them), with the numbers: lists that grow. */
class NumberRows {
  values: Float64Array;
  rows: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(capacity, 16));
    this.rows = new Int32Array(this.values.length);
  }

  /** Appends row `row` holding number `x`. */
  push(x: number, row: number): void {
    if (this.count === this.rows.length) {
      this.values = grown(this.values, 2 * this.count);
      this.rows = grown(this.rows, 2 * this.count);
    }
    this.values[this.count] = x;
    this.rows[this.count++] = row;
  }
}

/** A copy of a typed array in a larger one (the rest zeros). */
function grown<A extends Int32Array | Float64Array>(a: A, size: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  return b;
}

/** Marks a text row in {@link matchKeys} before its texts are grouped (below every text group's −2 − g). */
const TEXT = -0x40000000;

/**
 * A spelling of a text's folded form, whose characters with ASCII capitals lowered ({@link lower}) are the
 * folded text: the text itself when it is printable ASCII without spaces at either end (no string built),
 * else trim().toLowerCase(). "" for a text of spaces only.
 */
function spelling(t: string): string {
  const n = t.length;
  if (n === 0 || t.charCodeAt(0) <= 32 || t.charCodeAt(n - 1) <= 32) return t.trim().toLowerCase();
  for (let i = 0; i < n; i++) if (t.charCodeAt(i) >= 127) return t.trim().toLowerCase();
  return t;
}

/** A character code with ASCII capitals lowered (every other character as is). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

/** Hash of a spelling's folded characters (FNV-1a with a final mix): spellings of one text hash alike. */
function hashFolded(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Whether two spellings fold to the same text. */
function sameFolded(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

/** The number a text spells exactly as JavaScript would print it ("1001", "-2.5"), else undefined. */
export function asCanonicalNumber(text: string): number | undefined {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined; // cheap exit: not a digit or "-"
  const n = Number(text);
  return String(n) === text ? n : undefined;
}

/** The number a spelling's folded text spells (as {@link asCanonicalNumber}), else undefined. */
function spelledNumber(s: string): number | undefined {
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined; // cheap exit before folding: not a digit or "-"
  return asCanonicalNumber(s.toLowerCase());
}

/**
 * Distinct texts as typed that {@link groupTexts} remembers (by the engine's own string hash, which texts parsed
 * from Excel's messages often carry already) before it hashes every row itself: categories and other columns
 * of few texts stay in the cache; ids outgrow it soon.
 */
const TYPED_CACHE = 1024;

/** The size of a hash table for `entries` entries: a power of two, at least twice as large. */
function tableSize(entries: number): number {
  let size = 16;
  while (size < 2 * entries) size *= 2;
  return size;
}

/** A hash table of twice the size, with the first `distinct` entries of `hashes` placed again. */
function rehashed(hashes: Int32Array, distinct: number, size: number): Int32Array {
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let d = 0; d < distinct; d++) {
    let slot = hashes[d]! & mask;
    while (slots[slot]! >= 0) slot = (slot + 1) & mask;
    slots[slot] = d;
  }
  return slots;
}

/**
 * Groups the text rows of {@link matchKeys} (marked TEXT in `index`), in place: −2 − g for text group g, −1
 * for a blank text; a text that spells a number is added to `numbers` instead. Returns the number of text
 * groups. A hash table of the distinct folded texts (each slot a distinct text, by its first spelling), doubled
 * when half full; a run of rows with the same text as typed (a log grouped by customer) is looked up once, and
 * the first {@link TYPED_CACHE} texts as typed are remembered. O(n) expected.
 */
function groupTexts(
  cells: readonly (readonly unknown[])[],
  columns: number,
  index: Int32Array,
  textRows: number,
  numbers: NumberRows,
): number {
  const capacity = Math.max(64, textRows >> 3); // distinct texts before the lists grow: a first guess
  let slots: Int32Array = new Int32Array(tableSize(capacity)).fill(-1); // a distinct text d, or −1 for an empty slot; at most half full
  let mask = slots.length - 1;
  const spellings: string[] = []; // per distinct text: its first spelling
  let hashes = new Int32Array(capacity); // per distinct text, as the next two
  let groupOf = new Int32Array(capacity); // its text group, −1 blank, or −2 a number
  let numberOf = new Float64Array(capacity); // the number it spells
  const typed = new Map<string, number>(); // a cache of the first texts as typed → their distinct text
  let useTyped = true;
  let distinct = 0;
  let texts = 0;
  let lastText = "";
  let last = -1; // the distinct text of lastText
  for (let i = 0; i < index.length; i++) {
    if (index[i] !== TEXT) continue;
    const k = cells[(i / columns) | 0]![i % columns] as string;
    if (k !== lastText || last < 0) {
      const cached = useTyped ? typed.get(k) : undefined;
      if (cached !== undefined) last = cached;
      else {
        const s = spelling(k);
        const h = hashFolded(s);
        let slot = h & mask;
        for (;;) {
          const d = slots[slot]!;
          if (d < 0) {
            slots[slot] = last = distinct++;
            if (distinct > hashes.length) {
              hashes = grown(hashes, 2 * hashes.length);
              groupOf = grown(groupOf, hashes.length);
              numberOf = grown(numberOf, hashes.length);
            }
            hashes[last] = h;
            spellings.push(s);
            if (2 * distinct > slots.length) {
              slots = rehashed(hashes, distinct, 2 * slots.length);
              mask = slots.length - 1;
            }
            const spelled = s === "" ? undefined : spelledNumber(s);
            if (spelled !== undefined) numberOf[last] = spelled;
            groupOf[last] = s === "" ? -1 : spelled !== undefined ? -2 : texts++;
            break;
          }
          if (hashes[d] === h && sameFolded(spellings[d]!, s)) {
            last = d;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (useTyped && typed.size < TYPED_CACHE) typed.set(k, last);
        else useTyped = false;
      }
      lastText = k;
    }
    const g = groupOf[last]!;
    if (g === -2) {
      numbers.push(numberOf[last]!, i);
      index[i] = -1;
    } else index[i] = g >= 0 ? -2 - g : -1;
  }
  return texts;
}
