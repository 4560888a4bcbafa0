/**
 * Blank-safety for score functions. Excel desktop passes blank cells of a range as 0 (office-js issues
 * 1951, 4702, 5262), and 0 is a real score on NPS's 0–10 scale. When a range argument holds zeros, this reads
 * the range's `valueTypes` through Office.js (one `context.sync()`) to tell real zeros from blanks. Ranges
 * without zeros, and calls without an address, cost nothing.
 */
import { splitAddress } from "../core/address";
import type { BlankMask } from "../core/input";
import { asCells } from "../core/input";

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
