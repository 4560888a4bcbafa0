/**
 * Blank-safety for score functions. Excel desktop passes blank cells of a range as 0 (office-js issues
 * 1951, 4702, 5262), and 0 is a real score on NPS's 0–10 scale. When a range argument holds zeros, this reads
 * the range's `valueTypes` through Office.js (one `context.sync()`) to tell real zeros from blanks. Ranges
 * without zeros, and calls without an address, cost nothing.
 */
import { splitAddress } from "../core/address";
import type { BlankMask } from "../core/values/blank";
import { asCells } from "../core/values/cells";
import { Column, maskBlanks } from "../core/values/columns";
import { NumberCells, numberCells } from "../core/values/ranges";

function holdsZero(values: unknown): boolean {
  return asCells(values).some((row) => row.some((v) => v === 0));
}

/**
 * The mask of really-blank cells of a range argument, or undefined when none is needed (no zeros, or no
 * address because the argument was typed in, not referenced).
 * @param values the argument as Excel passed it
 * @param address its address from `invocation.parameterAddresses` (requires `@requiresParameterAddresses`)
 */
export async function blankMaskFor(values: unknown, address: string | undefined): Promise<BlankMask | undefined> {
  if (!address || !holdsZero(values) || typeof Excel === "undefined") return undefined;
  const { sheet, range: rangeAddress } = splitAddress(address);
  return Excel.run(async (context) => {
    const ws =
      sheet === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
    const range = ws.getRange(rangeAddress);
    // Cells outside the used range are blank; reading only the intersection keeps whole columns cheap.
    const used = range.getIntersectionOrNullObject(ws.getUsedRange(true));
    range.load("rowIndex,columnIndex");
    used.load("rowIndex,columnIndex,rowCount,columnCount,valueTypes");
    await context.sync();
    if (used.isNullObject) return { isBlank: () => true };
    const dr = used.rowIndex - range.rowIndex;
    const dc = used.columnIndex - range.columnIndex;
    const types = used.valueTypes;
    return {
      isBlank(row: number, column: number): boolean {
        const t = types[row - dr]?.[column - dc];
        return t === undefined || (t as string) === "Empty";
      },
    };
  });
}

/**
 * Computes from a numeric range argument with its blanks skipped on every platform, in one pass when it can:
 * `compute` runs on the cells as passed; only if it met a zero (or failed after meeting one) and the argument
 * has an address on a platform that may pass blanks as 0, the range's value types are read (one sync) and
 * `compute` runs again on the cells without the blanks.
 */
export async function withBlanksSkipped<T>(
  values: unknown,
  argument: string,
  address: string | undefined,
  compute: (cells: NumberCells) => T,
): Promise<T> {
  const cells = numberCells(values, argument);
  let result: { value: T } | undefined;
  let failure: unknown;
  try {
    result = { value: compute(cells) };
  } catch (e) {
    failure = e;
  }
  if (cells.zeros > 0 && address && blanksMayArriveAsZero()) {
    const mask = await blankMaskFor(values, address);
    if (mask) return compute(numberCells(values, argument, mask));
  }
  if (result) return result.value;
  throw failure;
}

/** Excel on the web passes blanks as null or ""; desktop Excel (Windows, Mac) and unknown hosts may pass 0. */
function blanksMayArriveAsZero(): boolean {
  if (typeof Office === "undefined") return true;
  return Office.context?.platform !== Office.PlatformType?.OfficeOnline;
}

/**
 * A column read from a range argument with its really-blank zeros marked blank (Excel desktop passes blank
 * cells as 0): reads the range's value types only when the column holds a zero and the argument has an address.
 */
export async function withBlanksMasked<C extends Column>(
  column: C,
  raw: unknown,
  address: string | undefined,
): Promise<C> {
  return maskBlanks(column, await blankMaskFor(raw, address));
}

/** The single value of a scalar argument as passed (a 1×1 range unwrapped), else the argument itself. */
function singleValue(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const cells = asCells(v);
  return cells.length === 1 && cells[0]!.length === 1 ? cells[0]![0] : v;
}

/**
 * Optional arguments with the rule "a blank cell given for an optional argument means the argument is omitted"
 * applied on every platform. Excel on the web passes such an argument as null; Excel desktop passed it as 0
 * until a fix (office-js 4702: no requirement set tells the versions apart, and the maintainers suggest reading
 * the cell through its parameter address). A typed value has no parameter address, so a typed 0 stays 0. Only
 * arguments that arrived as 0 and have an address are read — their value types, all in one sync — and only on
 * platforms that may pass blanks as 0.
 * @param args the optional arguments as Excel passed them
 * @param addresses their addresses from `invocation.parameterAddresses`, in the same order
 * @returns the arguments, with null for each that refers to a blank cell
 */
export async function blankArgumentsOmitted(
  args: readonly unknown[],
  addresses: readonly (string | undefined)[],
): Promise<unknown[]> {
  const out = [...args];
  const candidates = args
    .map((v, i) => ({ i, address: addresses[i] }))
    .filter(({ i, address }) => singleValue(args[i]) === 0 && address);
  if (candidates.length === 0 || !blanksMayArriveAsZero() || typeof Excel === "undefined") return out;
  const blank = await Excel.run(async (context) => {
    const ranges = candidates.map(({ address }) => {
      const { sheet, range } = splitAddress(address!);
      const ws =
        sheet === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
      const r = ws.getRange(range);
      r.load("valueTypes");
      return r;
    });
    await context.sync();
    return ranges.map((r) => (r.valueTypes[0]?.[0] as string | undefined) === "Empty");
  });
  candidates.forEach(({ i }, k) => {
    if (blank[k]) out[i] = null;
  });
  return out;
}
