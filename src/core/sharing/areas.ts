/**
 * Grouping cells into rectangles, so that a freeze or restore writes one range per rectangle instead of one
 * per cell. The rectangles cover exactly the given cells — never a cell outside them, since writing a
 * rectangle overwrites every cell in it — and do not overlap.
 */
import { Rect } from "./a1";

/**
 * Covers a set of cells of one sheet with disjoint rectangles: first each row's runs of adjacent cells, then
 * runs with the same columns in consecutive rows are stacked into one rectangle. A filled-down column of
 * formulas becomes one rectangle; a block of n×m cells becomes one; scattered cells stay single.
 * Not always the fewest rectangles (that problem is hard in general), but never more than the number of row runs.
 * Duplicate cells are ignored. O(n log n) for n cells (the sort).
 * @example cellAreas([{row:0,column:0},{row:1,column:0},{row:0,column:2}])
 *   // [{top:0,left:0,rows:2,columns:1}, {top:0,left:2,rows:1,columns:1}]
 */
export function cellAreas(cells: readonly { row: number; column: number }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const done: Rect[] = [];
  /** Rectangles that may grow downwards, keyed by "left:columns", all ending on the previous row. */
  let open = new Map<string, Rect>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i]!.row;
    const next = new Map<string, Rect>();
    while (i < sorted.length && sorted[i]!.row === row) {
      const left = sorted[i]!.column;
      let right = left;
      i++;
      while (i < sorted.length && sorted[i]!.row === row && sorted[i]!.column <= right + 1) {
        right = Math.max(right, sorted[i]!.column);
        i++;
      }
      const key = `${left}:${right - left + 1}`;
      const above = open.get(key);
      if (above && above.top + above.rows === row) {
        above.rows++;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: row, left, rows: 1, columns: right - left + 1 });
      }
    }
    for (const r of open.values()) done.push(r);
    open = next;
  }
  for (const r of open.values()) done.push(r);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
