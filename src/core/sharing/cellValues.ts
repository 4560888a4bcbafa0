/**
 * Cell values as Office.js reads them (`range.values`): numbers, strings, booleans, `""` for an empty cell and
 * error values as their display text (`"#N/A"`, `"#DIV/0!"`, `"#BUSY!"`). This module compares them, decides which
 * can be frozen, and prepares them for writing back. Error texts come from the one list (src/core/values).
 */
import { EXCEL_ERRORS, errorTextOf } from "../values/errorValues";

/** A cell's value: a number, text, a logical value; errors are their text (`"#N/A"`); empty is `""`. */
export type CellValue = string | number | boolean;

/**
 * A value read from Excel, made a CellValue: `null`/`undefined` → `""`; an error object (`{ code: "#N/A" }`, as
 * some hosts pass errors) → its text; anything else exotic → JSON text, so that it never equals a real value.
 */
export function cellValue(v: unknown): CellValue {
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  const error = errorTextOf(v);
  if (error !== null) return error;
  return JSON.stringify(v) ?? "";
}

/** The CRM function has not produced a result yet (still calculating), or its name is unknown to Excel. */
const NOT_CALCULATED = new Set(["#BUSY!", "#GETTING_DATA", "#NAME?"]);

/** Errors that a user can type as a constant, so a frozen cell can hold them as they were. */
const CONSTANT_ERRORS = new Set(
  EXCEL_ERRORS.filter((e) => e.typeable && !NOT_CALCULATED.has(e.text)).map((e) => e.text),
);

/** Errors of newer Excel features that exist only as formula results and cannot be stored as a constant. */
const RESULT_ONLY_ERRORS = new Set(
  EXCEL_ERRORS.filter((e) => !e.typeable && !NOT_CALCULATED.has(e.text)).map((e) => e.text),
);

/** Why a CRM formula is left as it is by Freeze. */
export type SkipReason = "notCalculated" | "resultOnlyError";

/**
 * Whether a CRM formula showing this value can be frozen: null when it can, else the reason.
 * - `#BUSY!`, `#GETTING_DATA`, `#NAME?` → "notCalculated": there is no result to keep yet (or the add-in's
 *   functions are not registered); freezing would record the placeholder.
 * - `#SPILL!`, `#CALC!` and the other result-only errors → "resultOnlyError": Excel cannot hold them as a value.
 * Everything else, including `#N/A` or `#DIV/0!` that a CRM function returned on purpose, is frozen as shown.
 */
export function skipReason(v: CellValue): SkipReason | null {
  if (typeof v !== "string" || !v.startsWith("#")) return null;
  if (NOT_CALCULATED.has(v)) return "notCalculated";
  if (RESULT_ONLY_ERRORS.has(v)) return "resultOnlyError";
  return null;
}

/** True for the text of an error value that can be typed as a constant (`#N/A`, `#DIV/0!`...). */
export function isConstantError(v: CellValue): boolean {
  return typeof v === "string" && CONSTANT_ERRORS.has(v);
}

/**
 * Does the cell still hold the frozen value? Numbers are equal within a relative 1e-13 (a double written to
 * Excel and read back may lose its last digits: Excel keeps 15 significant digits for typed input, and no one
 * types a change that small); text, logical values and errors must be equal exactly. An empty cell equals `""`.
 * Text that came back with its protective apostrophe (see `valueToWrite`) counts as equal.
 */
export function sameValue(current: unknown, frozen: CellValue): boolean {
  const c = cellValue(current);
  if (typeof frozen === "number") {
    if (typeof c !== "number") return false;
    if (c === frozen) return true;
    return Math.abs(c - frozen) <= 1e-13 * Math.max(Math.abs(c), Math.abs(frozen));
  }
  if (typeof frozen === "string" && typeof c === "string") return c === frozen || c === `'${frozen}`;
  return c === frozen;
}

/**
 * What to assign to `range.values` so that the cell ends up holding exactly this value. Excel parses text
 * written through the API like typed input (`"1-2"` would become a date, `"=x"` a formula, `"TRUE"` a logical
 * value), so text that could be read as something else gets Excel's text prefix, an apostrophe, which is not
 * part of the value. Error texts (`"#N/A"`) are written bare: Excel turns them back into the error value.
 */
export function valueToWrite(v: CellValue): CellValue {
  if (typeof v !== "string" || v === "" || isConstantError(v)) return v;
  if (/^[=+\-@'#]/.test(v) || /[0-9]/.test(v) || /^\s|\s$/.test(v) || /^(true|false)$/i.test(v)) return `'${v}`;
  return v;
}
