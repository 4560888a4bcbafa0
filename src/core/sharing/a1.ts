/**
 * Cell positions and rectangles on one sheet, 0-based, and their A1 spelling (`B3`, `B3:D9`, `A:A`, `2:4`).
 * Sheet-qualified addresses are split by `splitAddress` in ../address.ts; this module knows the part after `!`.
 */

import { MAX_COLUMN, type Rect } from "../address";

export { cellAddress, columnIndex, columnLetters, parseRect, rectAddress, tryParseCell as parseCell } from "../address";
export type { Rect } from "../address";

/** Excel's grid is 16,384 columns wide (XFD). */
const MAX_COLUMNS = MAX_COLUMN + 1;

/** True when the two rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

/** A number that identifies a cell of one sheet (row-major), for sets and maps. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}
