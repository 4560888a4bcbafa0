/**
 * Cell positions and rectangles on one sheet, 0-based, and their A1 spelling (`B3`, `B3:D9`, `A:A`, `2:4`).
 * Sheet-qualified addresses are split by `splitAddress` in ../address.ts; this module knows the part after `!`.
 */

import { MAX_COLUMN, MAX_ROW, type Rect } from "../address";

export { cellAddress, columnIndex, columnLetters, parseRect, rectAddress, tryParseCell as parseCell } from "../address";
export type { Rect } from "../address";
export type { CellPosition as CellRef } from "../address";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = MAX_ROW + 1;
export const MAX_COLUMNS = MAX_COLUMN + 1;

/** True when the two rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

/** True when the cell lies inside the rectangle. */
export function contains(r: Rect, row: number, column: number): boolean {
  return row >= r.top && row < r.top + r.rows && column >= r.left && column < r.left + r.columns;
}

/** A number that identifies a cell of one sheet (row-major), for sets and maps. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}
