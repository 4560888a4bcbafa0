/**
 * Paired range arguments read row by row, for functions with one value per customer or transaction in each
 * of several ranges (CRM.RFM's ids, dates and amounts; BGNBD's frequency, recency and T): each range becomes a
 * column of cell values in reading order with its blanks marked, then the rows where every column has a value
 * are kept. A row blank in every column is skipped; a row blank in only some is `#N/A` naming the cell.
 */
import { CrmError, naError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import type { BlankMask } from "./blank";
import { asCells, cellError, cellOf, cellPosition, shapeOf } from "./cells";
import { isBlankCell } from "./blank";
import { Key, keysIn, numbersWithGaps } from "./ranges";

/** One range argument as a column: its name, its shape, and its cells in reading order. */
interface ColumnBase {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
}

/** A numeric range: the numbers in reading order, NaN where a cell is blank. */
export interface NumberColumn extends ColumnBase {
  readonly values: Float64Array;
}

/**
 * A range of keys (customer ids): numbers or trimmed text, null where a cell is blank. (Not a Float64Array for
 * numeric ids: the core looks ids up in a Map, and a double read from a typed array is boxed at each lookup,
 * which made CRM.RFM a quarter slower.)
 */
export interface KeyColumn extends ColumnBase {
  readonly values: (Key | null)[];
}

/** Either kind of column. */
export type Column = NumberColumn | KeyColumn;

/** A numeric range as a column. @throws CrmError as `numbersIn` (text, booleans, errors, NaN). */
export function numberColumn(raw: unknown, name: string): NumberColumn {
  return { name, values: numbersWithGaps(raw, name), ...shapeOf(raw) };
}

/**
 * Dates as a column: as {@link numberColumn}, with a hint when a date was typed as text.
 * @throws CrmError as `numbersIn`; text is `input.datesAsText`.
 */
export function dateColumn(raw: unknown, name: string): NumberColumn {
  try {
    return numberColumn(raw, name);
  } catch (e) {
    if (e instanceof CrmError && e.id === "input.cellIsText")
      throw valueError("input.datesAsText", { problem: e.what });
    throw e;
  }
}

/** Customer ids as a column. @throws CrmError as `keysIn`. */
export function keyColumn(raw: unknown, name: string): KeyColumn {
  return { name, values: keysIn(raw, name), ...shapeOf(raw) };
}

/** Marks the zeros that are really blank cells (Excel desktop passes blanks as 0) as blank, in place. */
export function maskBlanks<C extends Column>(column: C, mask: BlankMask | undefined): C {
  if (mask === undefined) return column;
  const values = column.values;
  const isBlank = (i: number): boolean =>
    values[i] === 0 && mask.isBlank(Math.floor(i / column.columns), i % column.columns);
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) if (isBlank(i)) values[i] = NaN;
  } else {
    for (let i = 0; i < values.length; i++) if (isBlank(i)) values[i] = null;
  }
  return column;
}

/** Where cell i of a column is, for messages: "row 5 of the range". */
export function positionIn(column: Column, i: number): Message {
  return cellPosition(Math.floor(i / column.columns), i % column.columns, column.columns);
}

function isFilled(column: Column, i: number): boolean {
  const v = column.values[i];
  return typeof v === "number" ? v === v : v !== null;
}

/** Adds 1 to `counts[i]` for every filled cell i of a column; returns how many cells were filled. */
function countFilled(column: Column, counts: Uint8Array): number {
  const values = column.values;
  let filled = 0;
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x === x) {
        counts[i]!++;
        filled++;
      }
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== null) {
        counts[i]!++;
        filled++;
      }
    }
  }
  return filled;
}

/**
 * The cell indices where every column has a value, or null when that is every cell (nothing to pick: the
 * columns can be used as they are). Cells blank in all columns are skipped. O(cells), one pass per column.
 * @throws CrmError `#VALUE!` when the ranges differ in size, `#N/A` naming the first cell that is blank
 * while another column of its row has a value.
 */
export function filledRows(columns: readonly Column[]): Int32Array | null {
  const n = columns[0]!.values.length;
  if (columns.some((c) => c.values.length !== n)) {
    const sizes = columns.map((c) => `${c.name} ${c.rows}×${c.columns}`).join(", ");
    throw valueError("input.sameCells", { names: columns.map((c) => c.name).join(", "), sizes });
  }
  const k = columns.length;
  const counts = new Uint8Array(n);
  let complete = true;
  for (const column of columns) if (countFilled(column, counts) !== n) complete = false;
  if (complete) return null;
  const rows = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const filled = counts[i]!;
    if (filled === k) rows[kept++] = i;
    else if (filled > 0) {
      const blank = columns.find((c) => !isFilled(c, i))!;
      const given = columns.find((c) => isFilled(c, i))!;
      const where = msg("input.argCell", { arg: blank.name, cell: positionIn(blank, i) });
      throw naError("input.blankBesideValue", { where, other: given.name });
    }
  }
  return rows.subarray(0, kept);
}

/** A number column's values at the filled rows (the values themselves when every row is filled). */
export function pick(column: NumberColumn, rows: Int32Array | null): Float64Array {
  if (rows === null) return column.values;
  const out = new Float64Array(rows.length);
  const values = column.values;
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** A key column's values at the filled rows. */
export function pickKeys(column: KeyColumn, rows: Int32Array | null): ArrayLike<Key> {
  if (rows === null) return column.values as Key[];
  const out = new Array<Key>(rows.length);
  const values = column.values;
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** The cell index of the k-th filled row. */
export function rowIndex(rows: Int32Array | null, k: number): number {
  return rows === null ? k : rows[k]!;
}

/** A per-row result in the shape of `like`: f(i) at the filled cells, "" elsewhere. */
export function inShapeOf(like: Column, rows: Int32Array | null, f: (i: number) => number): (number | string)[][] {
  const out: (number | string)[][] = [];
  for (let r = 0; r < like.rows; r++) out.push(new Array<number | string>(like.columns).fill(""));
  const n = rows === null ? like.values.length : rows.length;
  for (let k = 0; k < n; k++) {
    const i = rowIndex(rows, k);
    out[Math.floor(i / like.columns)]![i % like.columns] = f(i);
  }
  return out;
}

/** Per-row results (values[k] for the k-th filled row) in the shape of `like`, "" elsewhere. */
export function spreadIn(like: Column, rows: Int32Array | null, values: ArrayLike<number>): (number | string)[][] {
  const out: (number | string)[][] = [];
  for (let r = 0; r < like.rows; r++) out.push(new Array<number | string>(like.columns).fill(""));
  for (let k = 0; k < values.length; k++) {
    const i = rowIndex(rows, k);
    out[Math.floor(i / like.columns)]![i % like.columns] = values[k]!;
  }
  return out;
}

/**
 * The first `names.length` non-blank cells of a params range (e.g. the spill of a FIT), as numbers.
 * @param raw the range as Excel passed it
 * @param argument its name, for messages
 * @param names the parameters' names, in order
 * @param blanks which zeros are really blank cells (Excel desktop passes blanks as 0), if known
 * @throws CrmError `#VALUE!` for text, the cell's error for an error value, `#N/A` when too few.
 */
export function paramsIn(raw: unknown, argument: string, names: readonly string[], blanks?: BlankMask): number[] {
  const cells = asCells(raw);
  const out: number[] = [];
  for (let r = 0; r < cells.length && out.length < names.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length && out.length < names.length; c++) {
      const v = row[c];
      if (isBlankCell(v) || (v === 0 && blanks !== undefined && blanks.isBlank(r, c))) continue;
      const where = cellOf(argument, r, c, row.length);
      const err = cellError(v, where);
      if (err) throw err;
      if (typeof v !== "number") {
        throw valueError("input.paramsNotNumber", { where, value: JSON.stringify(v), name: names[out.length]! });
      }
      out.push(v);
    }
  }
  if (out.length < names.length) {
    throw naError("input.paramsTooFew", {
      arg: argument,
      names: names.join(", "),
      count: names.length,
      found: out.length,
    });
  }
  return out;
}
