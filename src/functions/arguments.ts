/**
 * Range and optional arguments as the adapters read them: the value layer's readers (src/core/values) made
 * blank-safe on Excel desktop, which passes blank cells as 0 (office-js 1951, 4702, 5262). A range that holds
 * a zero, or an optional argument that arrived as 0, is checked against the workbook's value types through its
 * parameter address (blanks.ts: one read, only then); typed values have no address and stay as typed.
 *
 * The readers are async so that a bad cell always rejects and never throws synchronously: callers start
 * several reads under one Promise.all, and a synchronous throw there would leave an earlier read's rejection
 * unhandled.
 */
import { Message } from "../core/messages/catalogue";
import {
  dateColumn,
  filledRows,
  keyColumn,
  KeyColumn,
  numberColumn,
  NumberColumn,
  paramsIn,
  pick,
  positionIn,
  rowIndex,
} from "../core/values/columns";
import { blankMaskFor, withBlanksMasked } from "./blanks";
import { excelCallAsync } from "./excel";

/**
 * The invocation details Excel passes as an adapter's last argument. The metadata generator knows that
 * argument by its JSDoc type `{CustomFunctions.Invocation}`, so the declarations may use this shorter name.
 */
export type Invocation = CustomFunctions.Invocation;

/** The parameter addresses of an invocation, in argument order (undefined for a typed-in value). */
export type Addresses = readonly (string | undefined)[];

/** Parameter addresses of an invocation (empty when Excel gave none). */
export function addressesOf(invocation: Invocation | undefined): Addresses {
  return invocation?.parameterAddresses ?? [];
}

/**
 * Runs an adapter body as {@link excelCallAsync} does, handing it the invocation's parameter addresses: the
 * opening every blank-safe adapter shares.
 */
export function excelCallAt<T extends number | string | number[][] | (number | string)[][]>(
  invocation: Invocation | undefined,
  body: (at: Addresses) => Promise<T>,
): Promise<T> {
  return excelCallAsync(() => body(addressesOf(invocation)));
}

/** A numeric range, blank-safely. @throws CrmError as the value layer's `numberColumn`. */
export async function readNumbers(raw: unknown, name: string, address: string | undefined): Promise<NumberColumn> {
  return withBlanksMasked(numberColumn(raw, name), raw, address);
}

/** Dates, blank-safely, with a hint when a date was typed as text. */
export async function readDates(raw: unknown, name: string, address: string | undefined): Promise<NumberColumn> {
  return withBlanksMasked(dateColumn(raw, name), raw, address);
}

/** Keys (customer ids, categories), blank-safely. */
export async function readKeys(raw: unknown, name: string, address: string | undefined): Promise<KeyColumn> {
  return withBlanksMasked(keyColumn(raw, name), raw, address);
}

/**
 * Numeric ranges read in parallel and aligned row by row: the columns and the rows filled in all of them
 * (null when every row is).
 * @param raws the ranges as Excel passed them
 * @param names their argument names, for messages
 * @param addresses their parameter addresses, in the same order
 */
export async function readAligned(
  raws: readonly unknown[],
  names: readonly string[],
  addresses: Addresses,
): Promise<{ columns: NumberColumn[]; rows: Int32Array | null }> {
  const columns = await Promise.all(raws.map((raw, j) => readNumbers(raw, names[j]!, addresses[j])));
  return { columns, rows: filledRows(columns) };
}

/**
 * The first `names.length` non-blank cells of a params range (a FIT's spill), blank-safely: a blank cell among
 * them is skipped on desktop as on the web, a real 0 is kept (and refused by the model's check).
 */
export async function readParams(
  raw: unknown,
  argument: string,
  names: readonly string[],
  address: string | undefined,
): Promise<number[]> {
  return paramsIn(raw, argument, names, await blankMaskFor(raw, address));
}

/** Per-row range arguments: the ranges as Excel passed them, their names and their parameter addresses. */
export interface Ranges {
  readonly raws: readonly unknown[];
  readonly names: readonly string[];
  readonly addresses: Addresses;
}

/** The rows of aligned ranges where every range has a value. */
export interface FilledRows {
  /** Each range's values at the filled rows, in order. */
  readonly values: Float64Array[];
  /** The first range, whose shape per-row results take. */
  readonly first: NumberColumn;
  /** The filled rows' cell indices in `first` (null: every cell). */
  readonly rows: Int32Array | null;
  /** Names the k-th filled row in messages ("row 5 of the range"). */
  readonly describe: (k: number) => Message;
}

/**
 * Reads aligned numeric ranges (blank-safely) and keeps the rows filled in all of them.
 * @throws CrmError from the readers: text, error values, ranges of different sizes, a blank beside a value.
 */
export async function readFilled(ranges: Ranges): Promise<FilledRows> {
  const { columns, rows } = await readAligned(ranges.raws, ranges.names, ranges.addresses);
  const first = columns[0]!;
  return {
    values: columns.map((c) => pick(c, rows)),
    first,
    rows,
    describe: (k) => positionIn(first, rowIndex(rows, k)),
  };
}
