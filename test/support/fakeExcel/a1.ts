/**
 * A1 addresses and rectangles of the fake host. A Rect is { r0, c0, r1, c1 }, 0-based and inclusive; a cell's
 * key (for maps) is row × MAX_COLS + column.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column index of letters: A → 0, AA → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of an index: 0 → A, 26 → AA. */
export function colLetters(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?([0-9]{1,7})$/;

/** Parses "A1", "$A$1:B2", "A:C", "3:5" into a rect, or returns null. */
export function parseRect(text: unknown): Rect | null {
  if (typeof text !== "string") return null;
  const parts = text.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parts[0]!;
  const b = parts.length === 2 ? parts[1]! : a;
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  let rect: Rect;
  if ((m1 = CELL_RE.exec(a)) && (m2 = CELL_RE.exec(b))) {
    rect = { r0: +m1[2]! - 1, c0: colIndex(m1[1]!), r1: +m2[2]! - 1, c1: colIndex(m2[1]!) };
  } else if (parts.length === 2 && (m1 = COL_RE.exec(a)) && (m2 = COL_RE.exec(b))) {
    rect = { r0: 0, c0: colIndex(m1[1]!), r1: MAX_ROWS - 1, c1: colIndex(m2[1]!) };
  } else if (parts.length === 2 && (m1 = ROW_RE.exec(a)) && (m2 = ROW_RE.exec(b))) {
    rect = { r0: +m1[1]! - 1, c0: 0, r1: +m2[1]! - 1, c1: MAX_COLS - 1 };
  } else return null;
  return normRect(rect);
}

/** The rect with its corners ordered, or null when it leaves the sheet. */
export function normRect(r: Rect): Rect | null {
  const n = {
    r0: Math.min(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    r1: Math.max(r.r0, r.r1),
    c1: Math.max(r.c0, r.c1),
  };
  if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) return null;
  return n;
}

/** Splits "Sheet1!A1", "'My sheet'!A1:B2" into { sheet, ref }; sheet is null without a qualifier. */
export function splitSheet(address: unknown): { sheet: string | null; ref: string } {
  const s = String(address).trim();
  const q = /^'((?:[^']|'')+)'!(.*)$/.exec(s);
  if (q) return { sheet: q[1]!.replace(/''/g, "'"), ref: q[2]! };
  const bang = s.lastIndexOf("!");
  if (bang > 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { sheet: null, ref: s };
}

/** True when a name would read as a cell reference (A1, R1C1, R, C). */
export function looksLikeCellRef(name: string): boolean {
  const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  return (!!m && colIndex(m[1]!) < MAX_COLS) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name) || /^[RrCc]$/.test(name);
}

/** Sheet name as Excel writes it in an address: quoted when not a plain word. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeCellRef(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B2:D5", "C:C", "2:5" ($-absolute when asked). */
export function rectAddress(r: Rect, absolute?: boolean): string {
  const d = absolute ? "$" : "";
  const wholeCols = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
  const wholeRows = r.c0 === 0 && r.c1 === MAX_COLS - 1;
  if (wholeRows) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (wholeCols) return `${d}${colLetters(r.c0)}:${d}${colLetters(r.c1)}`;
  const a = `${d}${colLetters(r.c0)}${d}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${d}${colLetters(r.c1)}${d}${r.r1 + 1}`;
}

/** "Sheet1!B2:D5", the sheet quoted when needed. */
export function qualified(sheetName: string, rect: Rect, absolute?: boolean): string {
  return `${quoteSheet(sheetName)}!${rectAddress(rect, absolute)}`;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;
export const inRect = (rect: Rect, r: number, c: number): boolean =>
  r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;

/** The common cells of two rects, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

/** The one-cell rect at (r, c). */
export const cellRect = (r: number, c: number): Rect => ({ r0: r, c0: c, r1: r, c1: c });

/** A cell's key in a sheet's map. */
export const cellKey = (r: number, c: number): number => r * MAX_COLS + c;
/** The row and column of a cell key. */
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

/** Merges single cells (row-major list of [r, c]) into rectangles: runs per row, stacked when equal. */
export function cellsToRects(cells: readonly (readonly [number, number])[]): Rect[] {
  const runs: Rect[] = [];
  for (const [r, c] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.r0 === r && last.c1 === c - 1) last.c1 = c;
    else runs.push({ r0: r, r1: r, c0: c, c1: c });
  }
  const rects: Rect[] = [];
  for (const run of runs) {
    const above = rects.find((x) => x.r1 === run.r0 - 1 && x.c0 === run.c0 && x.c1 === run.c1);
    if (above) above.r1 = run.r0;
    else rects.push(run);
  }
  return rects;
}
