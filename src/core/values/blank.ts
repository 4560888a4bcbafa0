/**
 * Blank cells. Excel on the web passes a blank cell as `null` or `""`; Excel desktop passes blanks inside a
 * range as 0 (office-js 1951, 4702, 5262), so a range reader may be given a {@link BlankMask} that says which
 * zeros are really blank (src/functions/blanks.ts reads it from the workbook).
 */

/** True for blank cells as any platform passes them: `null`, `undefined` or the empty string. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** True for a blank cell or text of spaces only (for names and labels, where "  " says nothing). */
export function isBlankOrSpaces(v: unknown): boolean {
  return isBlankCell(v) || (typeof v === "string" && v.trim() === "");
}

/**
 * Which cells of a range are really blank, for platforms that pass blanks as 0 (Excel desktop):
 * `isBlank(row, column)` with 0-based indices within the range.
 */
export interface BlankMask {
  isBlank(row: number, column: number): boolean;
}
