/**
 * Cell positions and rectangles on one sheet, 0-based, and their A1 spelling (`B3`, `B3:D9`, `A:A`, `2:4`).
 * Sheet-qualified addresses are split by `splitAddress` in ../address.ts; this module knows the part after `!`.
 */

import { cellAddress, columnIndex, MAX_COLUMN, MAX_ROW, tryParseCell as parseCell } from "../address";

export { cellAddress, columnIndex, columnLetters, tryParseCell as parseCell } from "../address";
export type { CellPosition as CellRef } from "../address";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = MAX_ROW + 1;
export const MAX_COLUMNS = MAX_COLUMN + 1;

/** A rectangle of cells by its 0-based top-left cell and its size (both ≥ 1). */
export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** `B3` for a 1×1 rectangle, `B3:D9` otherwise. */
export function rectAddress(r: Rect): string {
  const first = cellAddress(r.top, r.left);
  return r.rows === 1 && r.columns === 1
    ? first
    : `${first}:${cellAddress(r.top + r.rows - 1, r.left + r.columns - 1)}`;
}

/**
 * Parses the range part of an address: `B3`, `B3:D9` (corners in any order), whole columns `A:C`, whole rows
 * `2:4`, with or without `$`. Null when it is none of these (a name, a structured reference, an error).
 */
export function parseRect(text: string): Rect | null {
  const t = text.trim();
  const colon = t.indexOf(":");
  if (colon < 0) {
    const c = parseCell(t);
    return c ? { top: c.row, left: c.column, rows: 1, columns: 1 } : null;
  }
  const a = t.slice(0, colon).replace(/\$/g, "");
  const b = t.slice(colon + 1).replace(/\$/g, "");
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return spanning(ca.row, ca.column, cb.row, cb.column);
  const colA = columnIndex(a);
  const colB = columnIndex(b);
  if (colA >= 0 && colB >= 0) return spanning(0, colA, MAX_ROWS - 1, colB);
  if (/^[0-9]{1,7}$/.test(a) && /^[0-9]{1,7}$/.test(b)) {
    const ra = Number(a) - 1;
    const rb = Number(b) - 1;
    if (ra >= 0 && rb >= 0 && ra < MAX_ROWS && rb < MAX_ROWS) return spanning(ra, 0, rb, MAX_COLUMNS - 1);
  }
  return null;
}

function spanning(r1: number, c1: number, r2: number, c2: number): Rect {
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return { top, left, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

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
