/**
 * The one place that turns Excel cell values into clean numbers, or a typed CrmError.
 *
 * Excel hands custom functions `unknown` values: numbers, strings, booleans, `null` or `""` for blanks
 * (0 on Excel desktop — see the blank mask below), and error objects when a range holds `#N/A` and the like.
 * Following Excel's statistical functions: blanks are skipped, text and booleans in a numeric range are
 * `#VALUE!` errors naming the cell, an error value in a range propagates.
 */
import { CrmError, CrmErrorCode, numError, naError, valueError } from "./errors";

/** A rectangular block of cell values as Excel passes it (rows of columns). */
export type Cells = readonly (readonly unknown[])[];

/**
 * Which cells of a range are really blank, for platforms that pass blanks as 0 (Excel desktop):
 * `isBlank(row, column)` with 0-based indices within the range.
 */
export interface BlankMask {
  isBlank(row: number, column: number): boolean;
}

const ERROR_CODES: Readonly<Record<string, CrmErrorCode>> = {
  "#VALUE!": "VALUE",
  "#NUM!": "NUM",
  "#DIV/0!": "DIV0",
  "#N/A": "NA",
  invalidValue: "VALUE",
  invalidNumber: "NUM",
  divisionByZero: "DIV0",
  notAvailable: "NA",
};

/** True for blank cells as any platform passes them: `null`, `undefined` or the empty string. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * Recognises an Excel error value passed into a function (a `CustomFunctions.Error`-like object with a
 * `code`, or the error's display text such as `"#N/A"`) and returns it as a CrmError, else null.
 * Errors without a CRM equivalent (`#REF!`, `#NAME?`, `#NULL!`) become `#N/A`, their text kept in the message.
 */
export function cellError(v: unknown, where: string): CrmError | null {
  let text: string | undefined;
  if (typeof v === "string" && v.startsWith("#") && (v.endsWith("!") || v.endsWith("?") || v === "#N/A")) {
    text = v;
  } else if (typeof v === "object" && v !== null && "code" in v) {
    const code = v.code;
    if (typeof code === "string") text = code;
  }
  if (text === undefined) return null;
  const mapped = ERROR_CODES[text] ?? "NA";
  const shown = text.startsWith("#") ? text : `an error (${text})`;
  return new CrmError(mapped, `${where} is ${shown}`);
}

/** Describes a cell's position for messages: "row 5 of the range", or "row 5, column 2 of the range". */
export function cellPosition(row: number, column: number, columns: number): string {
  return columns === 1 ? `row ${row + 1} of the range` : `row ${row + 1}, column ${column + 1} of the range`;
}

function describeValue(v: unknown): string {
  if (typeof v === "string") return `text "${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  return `a ${typeof v} value`;
}

/** Throws the error for a cell that is neither a number nor blank: its own error value, or `#VALUE!`. */
function rejectCell(v: unknown, where: string): never {
  throw cellError(v, where) ?? valueError(`${where} is ${describeValue(v)}`);
}

/** A range argument given as a single value (Excel passes a scalar when the user types one) becomes 1×1. */
export function asCells(v: unknown): Cells {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]];
  }
  return [[v]];
}

/**
 * The numbers of a range argument, visited in place without copying them out (a whole column is a
 * million cells): `forEach` calls `visit(x, row, column)` for each number in reading order, skipping blanks,
 * and throws for a bad cell; `where(row, column)` names a cell for messages (`scores: row 5 of the range`).
 */
export interface NumberCells {
  forEach(visit: (x: number, row: number, column: number) => void): void;
  where(row: number, column: number): string;
  /** How many zeros the last `forEach` visited (Excel desktop passes blanks as 0: see src/functions/blanks.ts). */
  readonly zeros: number;
}

/**
 * Wraps a range argument as {@link NumberCells}. Validation happens as `forEach` runs: text or booleans →
 * `#VALUE!`, NaN/±Infinity → `#NUM!`, an error value → its own error, each naming the argument and cell.
 * @param values the range as Excel passed it (a scalar is accepted as a 1×1 range)
 * @param argument the argument's name, for messages
 * @param blanks optional mask of really-blank cells (Excel desktop passes blanks as 0)
 */
export function numberCells(values: unknown, argument: string, blanks?: BlankMask): NumberCells {
  const cells = asCells(values);
  const columns = cells[0]?.length ?? 1;
  const where = (r: number, c: number): string => `${argument}: ${cellPosition(r, c, columns)}`;
  let zeros = 0;
  return {
    where,
    get zeros() {
      return zeros;
    },
    forEach(visit: (x: number, row: number, column: number) => void): void {
      zeros = 0;
      for (let r = 0; r < cells.length; r++) {
        const row = cells[r]!;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v === "number") {
            if (v === 0) {
              if (blanks !== undefined && blanks.isBlank(r, c)) continue;
              zeros++;
            }
            if (v - v === 0) {
              visit(v, r, c); // finite: NaN and ±Infinity fail v − v === 0
              continue;
            }
            throw numError(`${where(r, c)} is not a finite number`);
          }
          if (v === null || v === undefined || v === "") continue;
          rejectCell(v, where(r, c));
        }
      }
    },
  };
}

/**
 * Every number in a range, row by row, skipping blanks.
 * @param values the range as Excel passed it (a scalar is accepted as a 1×1 range)
 * @param argument the argument's name, for messages
 * @param blanks optional mask of really-blank cells (Excel desktop passes blanks as 0)
 * @returns the numbers in reading order; O(cells)
 * @throws CrmError `#VALUE!` for text or booleans, `#NUM!` for NaN/±Infinity, the cell's own error for an
 * error value — each message names the argument and the first offending cell.
 */
export function numbersIn(values: unknown, argument: string, blanks?: BlankMask): number[] {
  const out: number[] = [];
  numberCells(values, argument, blanks).forEach((x) => out.push(x));
  return out;
}

/**
 * Every cell of a range in reading order, keeping blanks as `null`, numbers as numbers and text as
 * trimmed strings (for identifiers such as customer ids).
 * @throws CrmError the cell's own error for an error value; `#VALUE!` for booleans.
 */
export function keysIn(values: unknown, argument: string): (string | number | null)[] {
  const cells = asCells(values);
  const out: (string | number | null)[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const where = (): string => `${argument}: ${cellPosition(r, c, row.length)}`;
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw numError(`${where()} is not a finite number`);
        out.push(v);
      } else if (isBlankCell(v)) out.push(null);
      else if (typeof v === "string" && cellError(v, "") === null) out.push(v.trim());
      else rejectCell(v, where());
    }
  }
  return out;
}

/**
 * The cells of a range in reading order as numbers or `null` for blanks, keeping positions (for paired
 * ranges such as costs and customers, or dates and amounts).
 * @throws CrmError as {@link numbersIn}.
 */
export function numbersOrBlanksIn(values: unknown, argument: string): (number | null)[] {
  const cells = asCells(values);
  const out: (number | null)[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") {
        if (!Number.isFinite(v))
          throw numError(`${argument}: ${cellPosition(r, c, row.length)} is not a finite number`);
        out.push(v);
      } else if (isBlankCell(v)) out.push(null);
      else rejectCell(v, `${argument}: ${cellPosition(r, c, row.length)}`);
    }
  }
  return out;
}

/** Options for {@link numberArg}. */
export interface NumberArgOptions {
  /** Used when the argument is omitted (null) or blank; without it the argument is required. */
  default?: number;
}

/**
 * One scalar numeric argument. A 1×1 range is accepted; a larger range is `#VALUE!`.
 * @throws CrmError `#N/A` when required and missing, `#VALUE!` for text/booleans/larger ranges, `#NUM!` for
 * NaN/±Infinity, the value's own error for an error value.
 */
export function numberArg(v: unknown, argument: string, options: NumberArgOptions = {}): number {
  let x = v;
  if (Array.isArray(x)) {
    const cells = asCells(x);
    if (cells.length !== 1 || cells[0]!.length !== 1) {
      throw valueError(`${argument}: expected a single value, got a range of ${cells.length}×${cells[0]?.length ?? 0}`);
    }
    x = cells[0]![0];
  }
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw numError(`${argument} is not a finite number`);
    return x;
  }
  if (isBlankCell(x)) {
    if (options.default !== undefined) return options.default;
    throw naError(`${argument} is required`);
  }
  const err = cellError(x, argument);
  if (err) throw err;
  throw valueError(`${argument} is ${describeValue(x)}, not a number`);
}

/**
 * One optional text option (e.g. "median"), matched case-insensitively against the allowed words.
 * @throws CrmError `#VALUE!` for an unknown word, naming the allowed ones.
 */
export function optionArg<T extends string>(v: unknown, argument: string, allowed: readonly T[], fallback: T): T {
  let x = v;
  if (Array.isArray(x)) x = asCells(x)[0]?.[0];
  if (isBlankCell(x)) return fallback;
  const err = cellError(x, argument);
  if (err) throw err;
  const word = String(x).trim().toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === word);
  if (hit === undefined)
    throw valueError(`${argument}: "${String(x)}" is not one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  return hit;
}
