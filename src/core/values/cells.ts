/**
 * Ranges as Excel passes them to a function (rows of columns, or a single value), where a cell is for
 * messages, and the errors for a cell or an argument that holds the wrong kind of value.
 */
import { CrmError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { logicalText, shortText } from "./display";
import { crmCodeOf, errorTextOf } from "./errorValues";

/** A rectangular block of cell values as Excel passes it (rows of columns). */
export type Cells = readonly (readonly unknown[])[];

/** A range argument given as a single value (Excel passes a scalar when the user types one) becomes 1×1. */
export function asCells(v: unknown): Cells {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]];
  }
  return [[v]];
}

/** The size of a range argument. */
export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/** The rows and columns of a range argument (a scalar is 1×1). */
export function shapeOf(values: unknown): Shape {
  const cells = asCells(values);
  return { rows: cells.length, columns: cells[0]?.length ?? 0 };
}

/** A shape for messages: "3×1". */
export function shapeText(shape: Shape): string {
  return `${shape.rows}×${shape.columns}`;
}

/** A cell's position within a range, for messages: "row 5 of the range", or "row 5, column 2 of the range". */
export function cellPosition(row: number, column: number, columns: number): Message {
  return columns === 1
    ? msg("input.rangeRow", { row: row + 1 })
    : msg("input.rangeCell", { row: row + 1, column: column + 1 });
}

/** A cell of a range argument, for messages: "scores: row 5 of the range". */
export function cellOf(argument: string, row: number, column: number, columns: number): Message {
  return msg("input.argCell", { arg: argument, cell: cellPosition(row, column, columns) });
}

/**
 * Recognises an Excel error value in a cell of a range (an error text such as `"#N/A"`, or an error object
 * with a `code`) and returns it as a CrmError, else null. `#VALUE!`, `#NUM!`, `#DIV/0!` and `#N/A` keep their
 * code; the others (`#REF!`, `#NAME?`, `#SPILL!`, …) become `#N/A`, their text kept in the message.
 * @param v the cell's value
 * @param where the cell, e.g. {@link cellOf}
 */
export function cellError(v: unknown, where: Message): CrmError | null {
  return errorOf(
    v,
    (error) => msg("input.cellIsError", { where, error }),
    (code) => msg("input.cellIsErrorCode", { where, code }),
  );
}

/** As {@link cellError}, for a whole (scalar) argument: `margin is #N/A`. */
export function argError(v: unknown, argument: string): CrmError | null {
  const arg = argument;
  return errorOf(
    v,
    (error) => msg("input.argIsError", { arg, error }),
    (code) => msg("input.argIsErrorCode", { arg, code }),
  );
}

/** The CrmError for an error value: `shown(text)` for Excel's error texts, `coded(code)` for an unknown code. */
function errorOf(v: unknown, shown: (text: string) => Message, coded: (code: string) => Message): CrmError | null {
  const text = errorTextOf(v);
  if (text === null) return null;
  return new CrmError(crmCodeOf(text), text.startsWith("#") ? shown(text) : coded(text));
}

/** Throws the error for a cell that is neither a number nor blank: its own error value, or `#VALUE!`. */
export function rejectCell(v: unknown, where: Message): never {
  const err = cellError(v, where);
  if (err) throw err;
  if (typeof v === "string") throw valueError("input.cellIsText", { where, text: shortText(v) });
  if (typeof v === "boolean") throw valueError("input.cellIsLogical", { where, value: logicalText(v) });
  throw valueError("input.cellIsOther", { where, kind: typeof v });
}

/** Throws the error for a scalar argument that is neither a number nor blank. */
export function rejectArg(v: unknown, argument: string): never {
  const err = argError(v, argument);
  if (err) throw err;
  if (typeof v === "string") throw valueError("input.argIsText", { arg: argument, text: shortText(v) });
  if (typeof v === "boolean") throw valueError("input.argIsLogical", { arg: argument, value: logicalText(v) });
  throw valueError("input.argIsOther", { arg: argument, kind: typeof v });
}
