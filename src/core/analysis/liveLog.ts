/**
 * A transaction log as the live analysis sheet will read it (the task pane's customer analysis): the log
 * reader's problems (logTable.ts), plus the dates that the reader converts for the command line but that CRM
 * formulas cannot read — ISO texts (`2024-01-05`) and 8-digit numbers (`20240105`) — each with how to convert
 * it; the default as-of date (the last date in the log); where the log's columns are on the sheet; and the
 * notes that are no problems: transactions after the as-of date (left out), refunds (netted), blank rows
 * (skipped), a single customer, no model (with the reason).
 */
import { cellAddress, rangeAddress } from "../address";
import { Message, msg } from "../messages/catalogue";
import { excelCalendarDate, excelSerial } from "../values/dates";
import type { CustomerAnalysis } from "./customerAnalysis";
import type { LiveLogSource } from "./sheet/liveRefs";
import { dateSerial, LOG_COLUMNS, LogColumn, LogReading, readTransactionLog } from "./logTable";

/** What the pane shows of a selected log. */
export interface LiveLogReading extends LogReading {
  /** The last date of the log (a serial, whole day), null without transactions. */
  readonly lastDate: number | null;
  /** Rows skipped as blank. */
  readonly blankRows: number;
  /** Where each column's data is, on the log's sheet (null while there are problems). */
  readonly source: LiveLogSource | null;
}

const NAMES = {
  customer: "analysis.logColumnCustomer",
  date: "analysis.logColumnDate",
  amount: "analysis.logColumnAmount",
  category: "analysis.logColumnCategory",
} as const;

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Reads a selected log (module comment). O(rows).
 * @param rows the selected cells, header row first
 * @param at where they are: the sheet, the top-left cell (0-based) and the selection's address for display
 * @param at.sheet the log's sheet
 * @param at.row the header row (0-based)
 * @param at.column the first column (0-based)
 * @param at.address the selection, for display
 * @param mapping column indices that override the header words (null: not used)
 */
export function readLiveLog(
  rows: readonly (readonly unknown[])[],
  at: { sheet: string; row: number; column: number; address: string },
  mapping: Partial<Record<LogColumn, number | null>> = {},
): LiveLogReading {
  const reading = readTransactionLog(rows, { row: at.row, column: at.column }, mapping);
  const di = reading.columns.date;
  const extra: Message[] = [];
  let blankRows = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (LOG_COLUMNS.every((c) => reading.columns[c] === null || blank(row[reading.columns[c]]))) {
      blankRows++;
      continue;
    }
    if (di === null) continue;
    const v = row[di];
    const where = { cell: cellAddress(at.row + r, at.column + di), column: msg(NAMES.date) };
    if (typeof v === "string" && !blank(v) && typeof dateSerial(v) === "number")
      extra.push(msg("analysisPane.dateText", { ...where, text: v.trim() }));
    else if (typeof v === "number" && v >= 19000101) extra.push(msg("analysisPane.dateDigits", { ...where, value: v }));
  }
  const problems = [...reading.problems, ...extra.slice(0, 20)];
  if (extra.length > 20) problems.push(msg("analysis.logMore", { count: extra.length - 20 }));
  const log = problems.length === 0 ? reading.log : null;
  let lastDate: number | null = null;
  if (log !== null)
    for (let i = 0; i < log.dates.length; i++) lastDate = Math.max(lastDate ?? -Infinity, log.dates[i]!);
  return {
    ...reading,
    log,
    problems,
    lastDate: lastDate === null ? null : Math.floor(lastDate),
    blankRows,
    source: log === null ? null : sourceOf(reading, rows.length, at),
  };
}

/** Each mapped column's data cells (below the header) on the sheet. */
function sourceOf(
  reading: LogReading,
  height: number,
  at: { sheet: string; row: number; column: number; address: string },
): LiveLogSource {
  const range = (j: number): string =>
    rangeAddress(at.row + 1, at.column + j, at.row + Math.max(height - 1, 1), at.column + j);
  const c = reading.columns;
  return {
    sheet: at.sheet,
    address: at.address,
    ranges: {
      customer: range(c.customer!),
      date: range(c.date!),
      amount: range(c.amount!),
      ...(c.category === null ? {} : { category: range(c.category) }),
    },
  };
}

/**
 * What the pane notes about a log before building (none is a problem): transactions after the as-of date,
 * negative amounts (refunds), blank rows. O(transactions).
 */
export function logNotes(reading: LiveLogReading, asOf: number | null): Message[] {
  const log = reading.log;
  if (log === null) return [];
  let after = 0;
  let refunds = 0;
  for (let i = 0; i < log.dates.length; i++) {
    if (asOf !== null && Math.floor(log.dates[i]!) > asOf) after++;
    if (log.amounts[i]! < 0) refunds++;
  }
  const out: Message[] = [];
  if (after > 0) out.push(msg("analysisPane.afterAsOf", { count: after }));
  if (refunds > 0) out.push(msg("analysisPane.refunds", { count: refunds }));
  if (reading.blankRows > 0) out.push(msg("analysisPane.blankRows", { count: reading.blankRows }));
  return out;
}

/** What the built sheet leaves out, and why: a single customer, no purchase model, no spend model. */
export function analysisNotes(a: CustomerAnalysis): Message[] {
  const out: Message[] = [];
  if (a.table.customers.length === 1) out.push(msg("analysisPane.singleCustomer"));
  const m = a.models;
  if (m.chosen === null) {
    const reason = m.candidates.find((o) => o.problem !== null)?.problem;
    out.push(msg("analysisPane.noModel", { reason: reason ?? msg("analysis.modelNone") }));
  } else if (m.spend === null && m.spendProblem !== null)
    out.push(msg("analysisPane.noSpend", { reason: m.spendProblem }));
  return out;
}

/** A serial day as `YYYY-MM-DD` (the as-of field shows the default so). */
export function isoDateOf(serial: number): string {
  const day = Math.floor(serial);
  const { year, month } = excelCalendarDate(day);
  const d = day - excelSerial(year, month, 1) + 1;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(d)}`;
}

/** A typed as-of date (`YYYY-MM-DD`, or `YYYY/MM/DD`) as a serial day; null when it is none. */
export function parseAsOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(t)) return null;
  const v = dateSerial(t);
  if (typeof v !== "number") return null;
  return isoDateOf(v).replace(/-/g, "") ===
    t
      .split(/[-/]/)
      .map((p, i) => (i === 0 ? p : p.padStart(2, "0")))
      .join("")
    ? v
    : null;
}
