/**
 * The command line's input: a .csv (any of the encodings and separators spreadsheet programs write) or an
 * .xlsx sheet, loaded into an exceljs workbook, and the KPI table's cells picked from it — only the used
 * part of a range, so a whole-column range (`A1:G1048576`) costs what the table costs.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cellAddress, MAX_COLUMN, MAX_ROW, parseRange, RangeBounds } from "../core/address";
import { CsvDialect, detectDialect, parseCsv, CsvValue } from "../core/csv/parse";
import { CsvEncoding, decodeCsvBytes } from "../core/csv/encoding";
import { Message, msg, renderMessage } from "../core/messages/catalogue";
import { serialOfUtcDate } from "../core/values/dates";
import { quotedList, sheetNameProblem } from "./messages";

/**
 * Input the command cannot use, or an output it must not write: the message is printed in the command's
 * language, the exit code is 1. `message` is the English text, for logs and tests.
 */
export class InputError extends Error {
  constructor(readonly what: Message) {
    super(renderMessage(what, "en"));
    this.name = "InputError";
  }
}

/** What the command was asked to read. */
export interface InputRequest {
  input: string;
  sheet?: string;
  range?: string;
}

/** The loaded input: the workbook to write into, and the KPI table's cells. */
export interface LoadedInput {
  workbook: ExcelJS.Workbook;
  sheet: string;
  topLeft: string;
  values: unknown[][];
  /** How a .csv was read, when it was not UTF-8 separated by commas (the command says so); else null. */
  csvDialect: (CsvDialect & { encoding: CsvEncoding }) | null;
}

/** A plain value of an exceljs cell, as Office.js would report it (dates as serial numbers). */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOfUtcDate(v);
  if (typeof v === "object") {
    if ("error" in v) return v.error;
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return plainValue((v as ExcelJS.CellFormulaValue).result ?? null);
    if ("text" in v) return plainValue(v.text);
  }
  return String(v);
}

/** The smallest range holding every non-empty cell of a sheet, or null for an empty sheet. */
export function usedBounds(ws: ExcelJS.Worksheet): RangeBounds | null {
  let b: RangeBounds | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plainValue(cell.value);
      if (v === null || v === "") return;
      if (b === null) b = { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 };
      else {
        b.top = Math.min(b.top, r - 1);
        b.bottom = Math.max(b.bottom, r - 1);
        b.left = Math.min(b.left, c - 1);
        b.right = Math.max(b.right, c - 1);
      }
    });
  });
  return b;
}

/**
 * The part of the table's range that holds values: the range keeps its top-left corner (its first row is
 * the header row) and is cut after the sheet's last used row and column. Null when nothing is left.
 */
export function usedPart(range: RangeBounds, used: RangeBounds | null): RangeBounds | null {
  if (used === null) return null;
  const bottom = Math.min(range.bottom, used.bottom);
  const right = Math.min(range.right, used.right);
  if (bottom < range.top || right < range.left || used.top > range.bottom || used.left > range.right) return null;
  return { top: range.top, left: range.left, bottom, right };
}

/** A valid sheet name from a file name: no []:*?/\ characters, at most 31 characters. */
function sheetNameFrom(file: string): string {
  const base = path
    .basename(file, path.extname(file))
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return base === "" || base.toLowerCase() === "history" ? "Input" : base;
}

/** Says plainly why a path is no input file: missing, or a folder. */
function checkIsFile(file: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    throw new InputError(msg("cli.noSuchFile", { file }));
  }
  if (isFolder) throw new InputError(msg("cli.isFolder", { file }));
}

/** Reads a file's bytes, or says plainly why it cannot: missing, a folder, unreadable. */
function readInputBytes(file: string): Buffer {
  checkIsFile(file);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(msg("cli.cannotRead", { file, reason: (e as Error).message }));
  }
}

/** A .csv as a new sheet at A1 (values only, never formulas), after checking it fits on a sheet. */
function loadCsv(
  r: InputRequest,
  workbook: ExcelJS.Workbook,
): Pick<LoadedInput, "csvDialect"> & { ws: ExcelJS.Worksheet } {
  const decoded = decodeCsvBytes(readInputBytes(r.input));
  if (decoded === null) throw new InputError(msg("csv.unknownEncoding", { file: r.input }));
  const dialect = detectDialect(decoded.text);
  const rows: CsvValue[][] = parseCsv(decoded.text, dialect);
  if (rows.length > MAX_ROW + 1) {
    throw new InputError(msg("csv.tooTall", { file: r.input, rows: rows.length.toLocaleString("en") }));
  }
  const wide = rows.findIndex((row) => row.length > MAX_COLUMN + 1);
  if (wide >= 0) {
    const columns = rows[wide]!.length.toLocaleString("en");
    throw new InputError(msg("csv.tooWide", { file: r.input, row: wide + 1, columns }));
  }
  const ws = workbook.addWorksheet(r.sheet ?? sheetNameFrom(r.input));
  rows.forEach((row, i) => row.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)));
  const plain = decoded.encoding === "UTF-8" && dialect.separator === "," && dialect.decimalMark === ".";
  return { ws, csvDialect: plain ? null : { ...dialect, encoding: decoded.encoding } };
}

/** An .xlsx workbook and the sheet asked for (default the first). */
async function loadXlsx(r: InputRequest, workbook: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  checkIsFile(r.input);
  try {
    await workbook.xlsx.readFile(r.input);
  } catch (e) {
    throw new InputError(msg("cli.notXlsx", { file: r.input, reason: (e as Error).message }));
  }
  const found = r.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(r.sheet);
  if (found === undefined) {
    const where = { file: r.input, name: r.sheet ?? "", sheets: quotedList(workbook.worksheets.map((w) => w.name)) };
    const why = r.sheet === undefined ? null : sheetNameProblem(r.sheet);
    throw new InputError(why === null ? msg("cli.noSheet", where) : msg("cli.noSheetBadName", { ...where, why }));
  }
  return found;
}

/**
 * Loads the input into a workbook (a .csv becomes a new sheet at A1) and picks the table's cells: the
 * used part of --range, or of the whole sheet.
 * @throws InputError for a missing, unreadable or oversized file, an unknown or impossible sheet name, or
 * a range with no values.
 */
export async function loadInput(r: InputRequest): Promise<LoadedInput> {
  const workbook = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  let csvDialect: LoadedInput["csvDialect"] = null;
  if (path.extname(r.input).toLowerCase() === ".csv") {
    if (r.sheet !== undefined) {
      const why = sheetNameProblem(r.sheet);
      if (why !== null) throw new InputError(msg("cli.badSheetName", { name: r.sheet, why }));
    }
    ({ ws, csvDialect } = loadCsv(r, workbook));
  } else ws = await loadXlsx(r, workbook);
  const used = usedBounds(ws);
  if (used === null) throw new InputError(msg("cli.emptySheet", { file: r.input, sheet: ws.name }));
  const bounds = r.range !== undefined ? usedPart(parseRange(r.range), used) : used;
  if (bounds === null) {
    throw new InputError(msg("cli.emptyRange", { file: r.input, range: r.range ?? "", sheet: ws.name }));
  }
  const values: unknown[][] = [];
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const line: unknown[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) line.push(plainValue(ws.getCell(row + 1, c + 1).value));
    values.push(line);
  }
  return { workbook, sheet: ws.name, topLeft: cellAddress(bounds.top, bounds.left), values, csvDialect };
}
