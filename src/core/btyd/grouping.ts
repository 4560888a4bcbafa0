/**
 * Grouping of identical rows, so that a likelihood is evaluated once per distinct customer profile
 * (x, t_x, T) instead of once per customer: CDNOW's 2,357 customers are 1,016 profiles, and a transaction
 * log recorded by the day has few distinct profiles however many customers it holds.
 *
 * An open-addressing hash table (linear probing) on the values: O(n) expected, first-seen order (so
 * results are deterministic), no strings built.
 */

/** Hash step for one value: equal values hash alike (collisions are resolved by comparing values). */
function mixValue(h: number, v: number): number {
  const q = v * 1048576; // 2²⁰: values differing by more than 1e-6 usually differ in the low 32 bits
  h = Math.imul(h ^ (q | 0), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ ((q / 4294967296) | 0), 0x85ebca77);
  return h ^ (h >>> 13);
}

/** Distinct rows of some numeric columns. */
export interface DistinctRows {
  /** One Float64Array per input column, holding the distinct rows in first-seen order. */
  readonly columns: Float64Array[];
  /** How many input rows each distinct row stands for. */
  readonly counts: Float64Array;
  /** For each input row, the index of its distinct row. */
  readonly index: Int32Array;
}

/**
 * The distinct rows of equally long numeric columns (values must be finite), with multiplicities.
 * O(n·k) expected for n rows of k columns.
 * @example distinctRows([[1, 1, 2], [5, 5, 5]]) // columns [[1, 2], [5, 5]], counts [2, 1], index [0, 0, 1]
 */
export function distinctRows(columns: readonly ArrayLike<number>[]): DistinctRows {
  const k = columns.length;
  const n = k === 0 ? 0 : columns[0]!.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const first: number[] = []; // input row of each distinct row
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    for (let c = 0; c < k; c++) h = mixValue(h, columns[c]![i]!);
    let s = h & mask;
    for (;;) {
      const g = slots[s]!;
      if (g < 0) {
        slots[s] = first.length;
        index[i] = first.length;
        first.push(i);
        break;
      }
      const j = first[g]!;
      let same = true;
      for (let c = 0; c < k; c++) {
        if (columns[c]![j] !== columns[c]![i]) {
          same = false;
          break;
        }
      }
      if (same) {
        index[i] = g;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  const m = first.length;
  const out: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const col = new Float64Array(m);
    const src = columns[c]!;
    for (let g = 0; g < m; g++) col[g] = src[first[g]!]!;
    out.push(col);
  }
  const counts = new Float64Array(m);
  for (let i = 0; i < n; i++) counts[index[i]!]! += 1;
  return { columns: out, counts, index };
}
