/**
 * Reads a transaction log from a table of cells with a header row (a sheet or a .csv): the customer, date
 * and amount columns (and an optional category column) are found by their headers in English or Chinese,
 * case- and space-insensitively (the words are in the message catalogue, `analysis.words*`), or given by
 * the caller. Blank rows are skipped; every other problem is reported with its cell address, and no log is
 * returned while there is one.
 *
 * Dates are spreadsheet serials (whole days; a time of day is kept and dropped later), `YYYY-MM-DD` or
 * `YYYY/MM/DD` texts (with an optional time), or the 8-digit numbers `YYYYMMDD` that a .csv of such dates
 * reads as (larger than any spreadsheet date, so never ambiguous). Other texts are refused with a hint.
 * Amounts are numbers; negative amounts are refunds (netted: DESIGN.md "Details that must not differ").
 */
import { cellAddress } from "../address";
import type { CustomerId } from "../btyd/rfm";
import { Language, Message, MessageId, msg, renderMessage } from "../messages/catalogue";
import { isBlankOrSpaces } from "../values/blank";
import { excelSerial, MAX_DATE_SERIAL } from "../values/dates";
import type { MatchKey } from "./crossSell";
import type { TransactionLog } from "./customerAnalysis";
import { messageIdsOf } from "./labels";

/** The columns of a log. */
export const LOG_COLUMNS = ["customer", "date", "amount", "category"] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

const WORDS: Readonly<Record<LogColumn, MessageId>> = messageIdsOf("analysis.words", LOG_COLUMNS);
const NAMES: Readonly<Record<LogColumn, MessageId>> = messageIdsOf("analysis.logColumn", LOG_COLUMNS);
/** Problems listed before "… and N more". */
const MAX_PROBLEMS = 20;

/** The outcome of reading a log. */
export interface LogReading {
  /** The log, or null when there are problems. */
  readonly log: TransactionLog | null;
  readonly problems: Message[];
  /** Column index (0-based, within the table) of each column found, or null. */
  readonly columns: Readonly<Record<LogColumn, number | null>>;
  /** The language of the recognised headers ("zh" when any was Chinese). */
  readonly language: Language;
  /** Data rows read (transactions). */
  readonly transactions: number;
}

function fold(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Finds each column by its header words; `mapping` overrides. */
function findColumns(
  header: readonly unknown[],
  mapping: Partial<Record<LogColumn, number | null>>,
): { columns: Record<LogColumn, number | null>; language: Language } {
  const columns = { customer: null, date: null, amount: null, category: null } as Record<LogColumn, number | null>;
  let language: Language = "en";
  for (const col of LOG_COLUMNS) {
    if (mapping[col] !== undefined) {
      columns[col] = mapping[col];
      continue;
    }
    for (const lang of ["en", "zh"] as const) {
      const words = renderMessage({ id: WORDS[col], params: {} }, lang).split("|");
      const j = header.findIndex((h) => typeof h === "string" && words.includes(fold(h)));
      if (j >= 0 && columns[col] === null) {
        columns[col] = j;
        if (lang === "zh") language = "zh";
      }
    }
  }
  return { columns, language };
}

/** A date cell as a serial, or the problem's message id and parameters. */
export function dateSerial(
  v: unknown,
): number | { id: "analysis.logDateText" | "analysis.logDateNumber"; value: string } {
  if (typeof v === "number") {
    if (v >= 0 && v <= MAX_DATE_SERIAL) return v;
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      const y = Math.floor(v / 10000);
      const m = Math.floor(v / 100) % 100;
      const d = v % 100;
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return excelSerial(y, m, d);
    }
    return { id: "analysis.logDateNumber", value: String(v) };
  }
  const text = String(v).trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      const time = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
      return excelSerial(y, mo, d) + time;
    }
  }
  return { id: "analysis.logDateText", value: text };
}

/** The text without surrounding spaces (the same string when it has none, as most ids). */
function trimmed(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first > 32 && last > 32 && first !== 160 && last !== 160 ? s : s.trim();
}

/**
 * Reads a log (module comment). `rows[0]` is the header row; `origin` is the sheet address of its first
 * cell, for the cell addresses in messages. O(rows).
 * @param rows the table, header row first
 * @param origin the sheet position of the table's first cell (0-based)
 * @param origin.row its row
 * @param origin.column its column
 * @param mapping column indices that override the header words (null: the column is not used)
 */
export function readTransactionLog(
  rows: readonly (readonly unknown[])[],
  origin: { readonly row: number; readonly column: number } = { row: 0, column: 0 },
  mapping: Partial<Record<LogColumn, number | null>> = {},
): LogReading {
  const feed: RowFeed = (visit) => {
    for (let r = 1; r < rows.length; r++) visit(rows[r]!, r);
  };
  return readTransactionLogFeed(rows[0] ?? [], feed, origin, mapping);
}

/**
 * Hands a table's data rows to `visit` one at a time, in order, with each row's index in the table (1 = the
 * row under the header). A row need not outlive its visit: a reader may refill one array.
 */
export type RowFeed = (visit: (row: readonly unknown[], r: number) => void) => void;

/**
 * {@link readTransactionLog} over rows that are fed one at a time (a million-row .csv read as it is parsed,
 * without a million row arrays): the same log, problems and messages. O(rows).
 * @param header the header row
 * @param feed the data rows
 * @param origin the sheet position of the table's first cell (0-based)
 * @param origin.row its row
 * @param origin.column its column
 * @param mapping column indices that override the header words
 */
export function readTransactionLogFeed(
  header: readonly unknown[],
  feed: RowFeed,
  origin: { readonly row: number; readonly column: number } = { row: 0, column: 0 },
  mapping: Partial<Record<LogColumn, number | null>> = {},
): LogReading {
  const { columns, language } = findColumns(header, mapping);
  const problems: Message[] = [];
  for (const col of ["customer", "date", "amount"] as const) {
    if (columns[col] === null)
      problems.push(msg("analysis.logMissingColumn", { column: { id: NAMES[col], params: {} } }));
  }
  if (problems.length > 0) return { log: null, problems, columns, language, transactions: 0 };
  const data = readRows(feed, origin, columns);
  if (data.problems.length === 0 && data.log.customerIds.length === 0)
    data.problems.push(msg("analysis.logNoTransactions"));
  const shown = data.problems.slice(0, MAX_PROBLEMS);
  if (data.problems.length > MAX_PROBLEMS)
    shown.push(msg("analysis.logMore", { count: data.problems.length - MAX_PROBLEMS }));
  return {
    log: data.problems.length === 0 ? data.log : null,
    problems: shown,
    columns,
    language,
    transactions: data.log.customerIds.length,
  };
}

/** The data rows as a log, and every problem met. */
function readRows(
  feed: RowFeed,
  origin: { row: number; column: number },
  columns: Readonly<Record<LogColumn, number | null>>,
): {
  log: { customerIds: CustomerId[]; dates: number[]; amounts: number[]; categories?: MatchKey[] };
  problems: Message[];
} {
  const [ci, di, ai] = [columns.customer!, columns.date!, columns.amount!];
  const gi = columns.category;
  const ids: CustomerId[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  const categories: MatchKey[] = [];
  const problems: Message[] = [];
  const dateCache = new Map<string, ReturnType<typeof dateSerial>>(); // a log has few distinct dates
  // one string per distinct id and category: a log repeats them, and a million kept copies of a few
  // thousand texts are a million objects for the garbage collector to move (and to hash again later)
  const texts = new Map<string, string>();
  const intern = (t: string): string => {
    const known = texts.get(t);
    if (known !== undefined) return known;
    texts.set(t, t);
    return t;
  };
  const where = (r: number, j: number, col: LogColumn): { cell: string; column: Message } => ({
    cell: cellAddress(origin.row + r, origin.column + j),
    column: { id: NAMES[col], params: {} },
  });
  feed((row, r) => {
    const id = row[ci];
    const date = row[di];
    const amount = row[ai];
    const idBlank = isBlankOrSpaces(id);
    const dateBlank = isBlankOrSpaces(date);
    const amountBlank = isBlankOrSpaces(amount);
    if (idBlank && dateBlank && amountBlank && (gi === null || isBlankOrSpaces(row[gi]))) return;
    let serial: ReturnType<typeof dateSerial> = 0;
    if (typeof date === "string") {
      const cached = dateCache.get(date);
      serial = cached ?? dateSerial(date);
      if (cached === undefined) dateCache.set(date, serial);
    } else if (!dateBlank) serial = dateSerial(date);
    const ok =
      !idBlank &&
      (typeof id === "number" || typeof id === "string") &&
      !dateBlank &&
      typeof serial === "number" &&
      typeof amount === "number" &&
      Number.isFinite(amount);
    if (!ok) {
      problems.push(...rowProblems(r, [id, date, amount], serial, [ci, di, ai], where));
      return;
    }
    ids.push(typeof id === "string" ? intern(trimmed(id)) : id);
    dates.push(serial as number);
    amounts.push(amount);
    if (gi !== null) {
      const g = row[gi];
      categories.push(isBlankOrSpaces(g) ? null : typeof g === "number" ? g : intern(String(g)));
    }
  });
  return { log: { customerIds: ids, dates, amounts, ...(gi === null ? {} : { categories }) }, problems };
}

/** The problems of a row that did not read (blank cells, text amounts, dates that are none). */
function rowProblems(
  r: number,
  [id, date, amount]: readonly unknown[],
  serial: ReturnType<typeof dateSerial>,
  [ci, di, ai]: readonly number[],
  where: (r: number, j: number, col: LogColumn) => { cell: string; column: Message },
): Message[] {
  const out: Message[] = [];
  if (isBlankOrSpaces(id)) out.push(msg("analysis.logBlank", where(r, ci!, "customer")));
  else if (typeof id !== "number" && typeof id !== "string")
    out.push(msg("analysis.logNotValue", { ...where(r, ci!, "customer"), value: String(id) }));
  if (isBlankOrSpaces(date)) out.push(msg("analysis.logBlank", where(r, di!, "date")));
  else if (typeof serial !== "number") {
    out.push(
      serial.id === "analysis.logDateText"
        ? msg("analysis.logDateText", { ...where(r, di!, "date"), text: serial.value })
        : msg("analysis.logDateNumber", { ...where(r, di!, "date"), value: serial.value }),
    );
  }
  if (isBlankOrSpaces(amount)) out.push(msg("analysis.logBlank", where(r, ai!, "amount")));
  else if (typeof amount === "string")
    out.push(msg("analysis.logAmountText", { ...where(r, ai!, "amount"), text: amount }));
  else if (typeof amount !== "number" || !Number.isFinite(amount))
    out.push(msg("analysis.logNotValue", { ...where(r, ai!, "amount"), value: String(amount) }));
  return out;
}
