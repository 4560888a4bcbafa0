/**
 * Grouping of identical rows, so that a likelihood is evaluated once per distinct customer profile
 * (x, t_x, T) instead of once per customer: CDNOW's 2,357 customers are 1,016 profiles, and because a
 * log recorded by the day allows only so many (x, t_x, T), a million simulated customers are 110,000.
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
  const c0 = columns[0] ?? [];
  const c1 = columns[1] ?? c0;
  const c2 = columns[2] ?? c0;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // group number, or −1 for an empty slot
  const index = new Int32Array(n);
  const firstRow = new Int32Array(n); // the input row that opened each group
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const v0 = c0[i]!;
    const v1 = c1[i]!;
    const v2 = c2[i]!;
    let h = mixValue(0x2545f491, v0);
    if (k > 1) h = mixValue(h, v1);
    if (k > 2) h = mixValue(h, v2);
    for (let c = 3; c < k; c++) h = mixValue(h, columns[c]![i]!);
    let s = h & mask;
    for (;;) {
      const g = slots[s]!;
      if (g < 0) {
        slots[s] = groups;
        index[i] = groups;
        firstRow[groups++] = i;
        break;
      }
      const j = firstRow[g]!;
      let same = c0[j] === v0 && (k < 2 || c1[j] === v1) && (k < 3 || c2[j] === v2);
      for (let c = 3; same && c < k; c++) same = columns[c]![j] === columns[c]![i];
      if (same) {
        index[i] = g;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  const out: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const col = new Float64Array(groups);
    const src = columns[c]!;
    for (let g = 0; g < groups; g++) col[g] = src[firstRow[g]!]!;
    out.push(col);
  }
  const counts = new Float64Array(groups);
  for (let i = 0; i < n; i++) counts[index[i]!]! += 1;
  return { columns: out, counts, index };
}
