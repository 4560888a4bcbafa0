/**
 * Scalar arguments: numbers (required or optional) and option words. Excel passes an omitted optional argument
 * as `null` (TypeScript defaults never apply), a blank cell as `null` or `""` on the web, and a reference to a
 * single cell as that value or as a 1×1 range.
 */
import { naError, numError, valueError } from "../errors";
import { argError, asCells, rejectArg } from "./cells";
import { isBlankCell } from "./blank";

/** Options for {@link numberArg}. */
export interface NumberArgOptions {
  /** Used when the argument is omitted (null) or blank; without it the argument is required. */
  default?: number;
}

/**
 * The single value of a scalar argument (a 1×1 range is unwrapped).
 * @throws CrmError `#VALUE!` for a larger range.
 */
function single(v: unknown, argument: string): unknown {
  if (!Array.isArray(v)) return v;
  const cells = asCells(v);
  if (cells.length !== 1 || cells[0]!.length !== 1) {
    throw valueError("input.argNotSingle", { arg: argument, rows: cells.length, columns: cells[0]?.length ?? 0 });
  }
  return cells[0]![0];
}

/**
 * One scalar numeric argument. A 1×1 range is accepted; a larger range is `#VALUE!`.
 * @throws CrmError `#N/A` when required and missing, `#VALUE!` for text/booleans/larger ranges, `#NUM!` for
 * NaN/±Infinity, the value's own error for an error value.
 */
export function numberArg(v: unknown, argument: string, options: NumberArgOptions = {}): number {
  const x = single(v, argument);
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw numError("input.argNotFinite", { arg: argument });
    return x;
  }
  if (isBlankCell(x)) {
    if (options.default !== undefined) return options.default;
    throw naError("input.argRequired", { arg: argument });
  }
  return rejectArg(x, argument);
}

/**
 * An optional scalar without a default value: undefined when omitted or blank (also as a 1×1 range), else
 * as {@link numberArg}.
 */
export function optionalNumberArg(v: unknown, argument: string): number | undefined {
  const x = single(v, argument);
  return isBlankCell(x) ? undefined : numberArg(x, argument);
}

/**
 * One optional text option (e.g. "median"), matched case-insensitively against the allowed words.
 * @throws CrmError `#VALUE!` for an unknown word, naming the allowed ones.
 */
export function optionArg<T extends string>(v: unknown, argument: string, allowed: readonly T[], fallback: T): T {
  let x = v;
  if (Array.isArray(x)) x = asCells(x)[0]?.[0];
  if (isBlankCell(x)) return fallback;
  const err = argError(x, argument);
  if (err) throw err;
  const word = String(x).trim().toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === word);
  if (hit === undefined) {
    const list = allowed.map((a) => `"${a}"`).join(", ");
    throw valueError("input.optionUnknown", { arg: argument, word: String(x), allowed: list });
  }
  return hit;
}
