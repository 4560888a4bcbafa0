/**
 * A1-style addresses, the one vocabulary of cells the project speaks: column letters, 0-based positions,
 * ranges, and sheet-qualified references as Excel reports them (`Sheet1!C2:C9`, `'Q1 data'!A:A`,
 * `'O''Brien'!B3`). The scorecard plan is written in it, the sharing scan and the blank-safety reader use it.
 */
import { valueError } from "./errors";

/** A 0-based cell position on a sheet: row 0 is Excel row 1, column 0 is column A. */
export interface CellPosition {
  row: number;
  column: number;
}

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COLUMN = 16383;
export const MAX_ROW = 1048575;

/** Column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The 0-based index of column letters: "A" → 0, "AA" → 26 (case-insensitive); -1 when they are not 1–3 letters or lie beyond XFD. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN + 1 ? n - 1 : -1;
}

/** "D7" for row 6, column 3 (0-based); with `absolute`, "$D$7". */
export function cellAddress(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetters(column)}$${row + 1}` : `${columnLetters(column)}${row + 1}`;
}

/** "D7:F9" (or "D7" when the range is one cell); with `absolute`, "$D$7:$F$9". */
export function rangeAddress(top: number, left: number, bottom: number, right: number, absolute = false): string {
  const a = cellAddress(top, left, absolute);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right, absolute)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** Parses "D7" or "$D$7" into a 0-based position; null when it is not a cell inside Excel's grid. */
export function tryParseCell(address: string): CellPosition | null {
  const m = CELL.exec(address.trim());
  if (!m) return null;
  const column = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  return column < 0 || row < 0 || row > MAX_ROW ? null : { row, column };
}

/**
 * Parses "D7" or "$D$7" into a 0-based position.
 * @throws CrmError `#VALUE!` when the text is not a cell address inside Excel's grid.
 */
export function parseCell(address: string): CellPosition {
  const cell = tryParseCell(address);
  if (cell === null) throw valueError("input.notCellAddress", { address });
  return cell;
}

/** A rectangular range, 0-based and inclusive. */
export interface RangeBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Parses "A1:G20" (or a single cell "A1") into bounds, corners in either order.
 * @throws CrmError `#VALUE!` for anything else.
 */
export function parseRange(address: string): RangeBounds {
  const parts = address.trim().split(":");
  if (parts.length > 2 || parts[0] === "") throw valueError("input.notRangeAddress", { address });
  const a = parseCell(parts[0]!);
  const b = parts.length === 2 ? parseCell(parts[1]!) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** A sheet name quoted for a formula: always `'…'`, inner quotes doubled (`'Bob''s'`). */
export function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A sheet name as Excel displays it in a reference: bare when it is a plain word that cannot be read as
 * a cell address or number (`Sheet1`), quoted otherwise (`'My data'`). Used in messages.
 */
export function displaySheet(sheet: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet);
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(sheet) || /^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(sheet);
  return plain && !looksLikeCell ? sheet : quotedSheet(sheet);
}

/** `Sheet1!D7` (as shown in messages). */
export function sheetAddress(sheet: string, address: string): string {
  return `${displaySheet(sheet)}!${address}`;
}

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
    const c = tryParseCell(t);
    return c ? { top: c.row, left: c.column, rows: 1, columns: 1 } : null;
  }
  const a = t.slice(0, colon).replace(/\$/g, "");
  const b = t.slice(colon + 1).replace(/\$/g, "");
  const ca = tryParseCell(a);
  const cb = tryParseCell(b);
  if (ca && cb) return spanning(ca.row, ca.column, cb.row, cb.column);
  const colA = columnIndex(a);
  const colB = columnIndex(b);
  if (colA >= 0 && colB >= 0) return spanning(0, colA, MAX_ROW, colB);
  if (/^[0-9]{1,7}$/.test(a) && /^[0-9]{1,7}$/.test(b)) {
    const ra = Number(a) - 1;
    const rb = Number(b) - 1;
    if (ra >= 0 && rb >= 0 && ra <= MAX_ROW && rb <= MAX_ROW) return spanning(ra, 0, rb, MAX_COLUMN);
  }
  return null;
}

function spanning(r1: number, c1: number, r2: number, c2: number): Rect {
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return { top, left, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

/** A sheet-qualified address split into its sheet name (unquoted) and its range part. */
export interface SheetAddress {
  sheet: string | null;
  range: string;
}

/**
 * Splits `Sheet!A1:B2` into sheet and range, unquoting `'My sheet'` and doubled quotes.
 * @example splitAddress("'O''Brien'!B3") // { sheet: "O'Brien", range: "B3" }
 */
export function splitAddress(address: string): SheetAddress {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}
