/**
 * The customer table's rows written into an exceljs streaming worksheet as XML text, the same bytes exceljs's
 * own row writer produces (`<row r spans x14ac:dyDescent><c r s t><v>…</v></c>…</row>`, style ids from the
 * workbook's style table), without a Row, Cell and model object per value: on 100,000 customers × 20 columns
 * that object churn, not the XML, was most of the writing time and much of the garbage collection.
 *
 * It reaches into exceljs 4.4.0's WorksheetWriter (`stream`, `startedData`, `_rows`) and WorkbookWriter
 * (`styles.addStyleModel`): exceljs is pinned to that version, test/cli/xlsxTableRows.test.ts compares the
 * output with exceljs's own byte for byte, and when the internals are not as expected the rows go through
 * exceljs's public Row API instead.
 */
import type ExcelJS from "exceljs";
import { columnLetters } from "../core/address";
import type { TablePlan } from "../core/analysis/sheet/planTypes";

/** exceljs 4.4.0's ValueType numbers of the two kinds of value the table holds. */
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;
/**
 * Rows per write into the sheet's stream (about 80 kB of XML). After each write the writer lets the event loop
 * run, so that the zip compresses the written part on libuv's thread pool while the next rows are made,
 * instead of all of it after the last row.
 */
const ROWS_PER_CHUNK = 100;

/** The internals of exceljs's streaming writers that this module uses. */
interface SheetInternals {
  stream?: { write(text: string): unknown };
  startedData?: boolean;
  _rows?: unknown[] | null;
}
interface StyleTable {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number;
}

/** Whole numbers below this are printed once and looked up (dates, counts, scores, days, ranks). */
const SMALL_INTEGERS = 1 << 17;

/** `String(v)`, with the texts of small whole numbers kept in `memo` (most of the table's numbers are such). */
function numberText(v: number, memo: (string | undefined)[]): string {
  if (v >= 0 && v < SMALL_INTEGERS && Math.floor(v) === v) {
    return (memo[v] ??= String(v));
  }
  return String(v);
}

/** exceljs's xmlEncode: the five XML specials escaped, control characters other than tab, LF and CR dropped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) out += "&quot;";
    else if (c === 38) out += "&amp;";
    else if (c === 39) out += "&apos;";
    else if (c === 60) out += "&lt;";
    else if (c === 62) out += "&gt;";
    else if (c === 127 || (c <= 31 && (c <= 8 || (c >= 11 && c !== 13)))) continue;
    else out += text[i];
  }
  return out;
}

/** The rows through exceljs's public API: one Row and Cell per value (the path the fast one reproduces). */
function writeRowsWithExcelJs(ws: ExcelJS.Worksheet, table: TablePlan, columnStyles: Partial<ExcelJS.Style>[]): void {
  const { headerRow, rows, columns } = table;
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(headerRow + 2 + i);
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]!.values[i]!;
      if (v === "") continue;
      const cell = r.getCell(j + 1);
      cell.value = v;
      cell.style = columnStyles[j]!;
    }
    r.commit();
  }
}

/**
 * Writes the table's data rows (the header row must be committed already: rows go out in order) into `ws`.
 * Empty strings leave a cell out; numbers are written as JavaScript prints them, texts as `t="str"` cells.
 * O(cells), in chunks of {@link ROWS_PER_CHUNK} rows.
 */
export async function writeTableRows(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
  table: TablePlan,
): Promise<void> {
  const { headerRow, rows, columns } = table;
  // one style object per column, shared by its cells: exceljs looks styles up by object identity
  const columnStyles = columns.map((c): Partial<ExcelJS.Style> =>
    c.numberFormat === undefined ? {} : { numFmt: c.numberFormat },
  );
  const sheet = ws as unknown as SheetInternals;
  const styles = (wb as unknown as { styles?: StyleTable }).styles;
  const ready =
    sheet.startedData === true &&
    Array.isArray(sheet._rows) &&
    sheet._rows.length === 0 &&
    typeof sheet.stream?.write === "function" &&
    typeof styles?.addStyleModel === "function";
  if (!ready) {
    writeRowsWithExcelJs(ws, table, columnStyles);
    return;
  }
  const stream = sheet.stream!;
  const letters = columns.map((_, j) => columnLetters(j));
  // the style id exceljs gives each column's style object for the type of its first value (it then remembers
  // the object), and a row's own (empty) style
  const styleIds: (string | null)[] = columns.map(() => null);
  const styleAttr = (j: number, type: number): string => {
    const known = styleIds[j];
    if (known !== null && known !== undefined) return known;
    const n = styles.addStyleModel(columnStyles[j]!, type);
    const id = n ? ` s="${n}"` : "";
    styleIds[j] = id;
    return id;
  };
  const rowStyleId = styles.addStyleModel({}); // registered already by the header row
  const rowStyle = rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : "";
  const memo = new Array<string | undefined>(SMALL_INTEGERS);
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const number = headerRow + 2 + i;
    let cells = "";
    let min = 0;
    let max = 0;
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]!.values[i]!;
      if (v === "") continue;
      if (min === 0) min = j + 1;
      max = j + 1;
      cells +=
        typeof v === "number"
          ? `<c r="${letters[j]}${number}"${styleAttr(j, NUMBER_TYPE)}><v>${numberText(v, memo)}</v></c>`
          : `<c r="${letters[j]}${number}"${styleAttr(j, STRING_TYPE)} t="str"><v>${xmlText(v)}</v></c>`;
    }
    if (min === 0) continue;
    chunk.push(`<row r="${number}" spans="${min}:${max}"${rowStyle} x14ac:dyDescent="0.25">${cells}</row>`);
    if (chunk.length === ROWS_PER_CHUNK) {
      stream.write(chunk.join(""));
      chunk = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (chunk.length > 0) stream.write(chunk.join(""));
}
