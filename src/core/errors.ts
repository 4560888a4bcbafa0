/**
 * The core's one error type. Core functions never return NaN or Infinity and never throw anything else;
 * the adapters in src/functions turn a CrmError into the matching Excel error value.
 */

/** Which Excel error a failure maps to (see DESIGN.md "Errors"). */
export type CrmErrorCode = "VALUE" | "NUM" | "DIV0" | "NA";

/**
 * A typed failure: `code` chooses the Excel error, `message` says what is wrong, naming the argument
 * and, for ranges, the first offending cell's position (e.g. `scores: row 5 of the range is text "n/a"`).
 */
export class CrmError extends Error {
  readonly code: CrmErrorCode;

  constructor(code: CrmErrorCode, message: string) {
    super(message);
    this.name = "CrmError";
    this.code = code;
  }
}

/** `#VALUE!`: a value of the wrong kind (text where a number is needed, an unknown option word). */
export function valueError(message: string): CrmError {
  return new CrmError("VALUE", message);
}

/** `#NUM!`: a number outside its domain. */
export function numError(message: string): CrmError {
  return new CrmError("NUM", message);
}

/** `#DIV/0!`: nothing to divide by. */
export function div0Error(message: string): CrmError {
  return new CrmError("DIV0", message);
}

/** `#N/A`: a required value is missing, or a model cannot be fitted to this data. */
export function naError(message: string): CrmError {
  return new CrmError("NA", message);
}

/**
 * Guards a computed number: a core result is always finite. Use at the end of a computation whose
 * inputs were validated but whose arithmetic could still overflow.
 * @throws CrmError `#NUM!` when `x` is NaN or ±Infinity.
 */
export function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw numError(`${what} is too large to compute`);
  return x;
}
