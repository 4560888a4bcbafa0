/**
 * Recording a period into the scorecard history (history.ts), as plain data a writer applies: which rows
 * to delete, which to write, the summary of scores by period and the chart of it. Pure: the task pane's
 * writer applies an update through Office.js, the command line writes a whole history with exceljs.
 *
 * The records are values, appended below the earlier ones, which are never rewritten. Recording a period
 * that is already in the history replaces only that period's rows (the pane asks first): the new rows are
 * appended first, then the old ones deleted (columns A–J, the rows below move up) — in that order, so that
 * a write that fails half-way leaves the period twice rather than not at all. The summary right of the table
 * (from column L: period, overall score, one column per perspective; periods in `orderPeriods` order, so a
 * period recorded out of order is placed by its label) is derived data: it is rewritten on every record, and
 * the history chart draws it.
 *
 * A writer applies an update in this order: `records.formats` ("@" on the text columns, before the values),
 * `records.writes`, `deleteRows` (bottom run first), `summary.clear`, `summary.formats`, `summary.write`, then
 * the chart (replacing the one of that name).
 */
import { cellAddress, columnLetters, rangeAddress } from "../address";
import {
  HISTORY_COLUMNS,
  historyLabels,
  HistoryLabels,
  HistoryRow,
  HistoryTable,
  matchKey,
  recordedPeriods,
  SUMMARY_COLUMN,
} from "./history";
import type { PeriodRecord } from "./historyRecord";
import type { ScorecardLanguage } from "./labels";
import { orderPeriods, periodKey } from "./period";
import type { CellStyle } from "./planTypes";

/** Values written to a rectangle (null: leave the cell empty). */
export interface HistoryWrite {
  address: string;
  values: (string | number | null)[][];
}

/** A number format (or "@": text, set before the values so names like "=x" or "2026" stay text) and style. */
export interface HistoryFormat {
  range: string;
  numberFormat?: string;
  style?: CellStyle;
}

/** The history chart: a line with markers per series (overall, then each perspective) over the periods. */
export interface HistoryChart {
  type: "lineMarkers";
  /** Unique in the workbook. */
  name: string;
  title: string;
  /** The summary block the chart draws, header row and period column included (series by column). */
  source: string;
  /** The same, spelt out: period labels, and each series' name and values. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  valueAxis: { min: number; numberFormat: string };
}

/** What recording a period does to the history sheet, in the order a writer applies it (see the top comment). */
export interface HistoryUpdate {
  /** The sheet has no history yet: the header row is among the writes, and column widths are set. */
  create: boolean;
  /** The period was recorded before: its rows are replaced (the pane asks first). */
  replaces: boolean;
  /** The header (new sheet) and the period's rows, appended below every existing row, with their formats. */
  records: { formats: HistoryFormat[]; writes: HistoryWrite[] };
  /** The period's old rows, deleted after the append (A:J of them, shifting up), bottom run first (0-based). */
  deleteRows: { first: number; last: number }[];
  /** The summary of scores by period: clear the old one (contents and formats), then format and write. */
  summary: { clear: string[]; formats: HistoryFormat[]; write: HistoryWrite };
  /** Column widths (characters) when the sheet is new. */
  columns: { column: string; width: number }[];
  chart: HistoryChart;
  /** The history as it is after the update. */
  table: HistoryTable;
}

/** The history chart's name (one per workbook: there is one history). */
export const HISTORY_CHART_NAME = "CRM_Scorecard_History_Chart";

/** Rows and columns the chart covers, right of the summary. */
const CHART_SIZE = { rows: 20, columns: 8 };

const TEXT_COLUMNS: readonly (typeof HISTORY_COLUMNS)[number][] = [
  "period",
  "level",
  "perspective",
  "metric",
  "rating",
];
const WIDTHS: Readonly<Record<(typeof HISTORY_COLUMNS)[number], number>> = {
  period: 14,
  level: 12,
  perspective: 18,
  metric: 30,
  actual: 12,
  target: 12,
  benchmark: 12,
  score: 10,
  rating: 18,
  asOf: 12,
};
const HEADER_STYLE: CellStyle = Object.freeze({ bold: true, fill: "#DDEBF7" });

function rowValues(row: HistoryRow, labels: HistoryLabels): (string | number | null)[] {
  const text = (s: string): string | null => (s === "" ? null : s);
  return [
    row.period,
    labels.levels[row.level],
    text(row.perspective),
    text(row.metric),
    row.actual,
    row.target,
    row.benchmark,
    row.score,
    text(row.rating),
    row.asOf,
  ];
}

/** Formats of record rows `first`…`last`: text columns as text, the score with one decimal, dates as dates. */
function recordFormats(first: number, last: number): HistoryFormat[] {
  const col = (c: (typeof HISTORY_COLUMNS)[number]): number => HISTORY_COLUMNS.indexOf(c);
  return [
    ...TEXT_COLUMNS.map((c) => ({ range: rangeAddress(first, col(c), last, col(c)), numberFormat: "@" })),
    { range: rangeAddress(first, col("score"), last, col("score")), numberFormat: "0.0" },
    { range: rangeAddress(first, col("asOf"), last, col("asOf")), numberFormat: "yyyy-mm-dd" },
  ];
}

/** Contiguous runs of sheet rows, bottom run first. */
function runs(rows: readonly number[]): { first: number; last: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: { first: number; last: number }[] = [];
  for (const r of sorted) {
    const run = out[out.length - 1];
    if (run !== undefined && run.last === r - 1) run.last = r;
    else out.push({ first: r, last: r });
  }
  return out.reverse();
}

/** The summary of scores by period: header, then per ordered period its overall and perspective scores. */
export function historySummary(table: HistoryTable): {
  values: (string | number | null)[][];
  periods: number;
  perspectives: number;
} {
  const labels = historyLabels(table.language);
  const periods = orderPeriods(recordedPeriods(table));
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const scores = new Map<string, number | null>();
  const byPeriod = new Map(periods.map((p, i) => [periodKey(p), i]));
  const rows = [...table.rows].sort((a, b) => byPeriod.get(periodKey(a.period))! - byPeriod.get(periodKey(b.period))!);
  for (const row of rows) {
    if (row.level === "kpi") continue;
    let series = 0;
    if (row.level === "perspective") {
      const key = matchKey(row.perspective);
      if (!nameIndex.has(key)) {
        names.push(row.perspective);
        nameIndex.set(key, names.length);
      }
      series = nameIndex.get(key)!;
    }
    const cell = `${byPeriod.get(periodKey(row.period))}:${series}`;
    if (!scores.has(cell)) scores.set(cell, row.score);
  }
  const values: (string | number | null)[][] = [[labels.summaryPeriod, labels.summaryOverall, ...names]];
  periods.forEach((p, i) => {
    const line: (string | number | null)[] = [p];
    for (let s = 0; s <= names.length; s++) line.push(scores.get(`${i}:${s}`) ?? null);
    values.push(line);
  });
  return { values, periods: periods.length, perspectives: names.length };
}

/** The summary block's writes, formats and chart. */
function summaryParts(table: HistoryTable): { write: HistoryWrite; formats: HistoryFormat[]; chart: HistoryChart } {
  const labels = historyLabels(table.language);
  const { values, periods } = historySummary(table);
  const left = SUMMARY_COLUMN;
  const right = left + values[0]!.length - 1;
  const R = rangeAddress;
  const series = values[0]!.slice(1).map((name, i) => ({
    name: String(name),
    values: R(1, left + 1 + i, periods, left + 1 + i),
  }));
  return {
    write: { address: R(0, left, periods, right), values },
    formats: [
      { range: R(0, left, 0, right), numberFormat: "@", style: HEADER_STYLE },
      { range: R(1, left, periods, left), numberFormat: "@" },
      { range: R(1, left + 1, periods, right), numberFormat: "0.0" },
    ],
    chart: {
      type: "lineMarkers",
      name: HISTORY_CHART_NAME,
      title: labels.chartTitle,
      source: R(0, left, periods, right),
      categories: R(1, left, periods, left),
      series,
      from: cellAddress(0, right + 2),
      to: cellAddress(CHART_SIZE.rows, right + 1 + CHART_SIZE.columns),
      valueAxis: { min: 0, numberFormat: "0" },
    },
  };
}

/** An empty history in a language (no sheet yet). */
export function emptyHistory(language: ScorecardLanguage): HistoryTable {
  return { language, rows: [], sheetRows: [], summary: null };
}

/** The extent of a summary write (for the next update's clearing). */
function extentOf(w: HistoryWrite): HistoryTable["summary"] {
  return { bottom: w.values.length - 1, right: SUMMARY_COLUMN + (w.values[0]?.length ?? 1) - 1 };
}

/** Header row, column widths: what a new history sheet gets first. */
function newSheetParts(labels: HistoryLabels): {
  formats: HistoryFormat[];
  writes: HistoryWrite[];
  columns: HistoryUpdate["columns"];
} {
  const width = HISTORY_COLUMNS.length;
  const range = rangeAddress(0, 0, 0, width - 1);
  return {
    formats: [{ range, numberFormat: "@", style: HEADER_STYLE }],
    writes: [{ address: range, values: [HISTORY_COLUMNS.map((c) => labels.headers[c])] }],
    columns: HISTORY_COLUMNS.map((c, i) => ({ column: columnLetters(i), width: WIDTHS[c] })),
  };
}

/** The write of record rows `rows` from sheet row `first`. */
function recordWrite(rows: readonly HistoryRow[], first: number, labels: HistoryLabels): HistoryWrite {
  return {
    address: rangeAddress(first, 0, first + rows.length - 1, HISTORY_COLUMNS.length - 1),
    values: rows.map((r) => rowValues(r, labels)),
  };
}

/** Where every row is after deleting `deleted` (0-based sheet rows): each moves up by the deleted rows above it. */
function afterDeleting(rows: readonly number[], deleted: readonly number[]): number[] {
  return rows.map((r) => r - deleted.filter((d) => d < r).length);
}

/**
 * Records a period: the update that appends its rows to the history (then deletes that period's earlier
 * rows, when it was recorded before) and rewrites the summary and chart. O(rows log rows).
 * @param history the history read from its sheet, or null when the workbook has none (the sheet is created)
 * @param record the period's rows (its label is written on each)
 * @param language the language of a new history (an existing one keeps its own)
 */
export function recordPeriod(
  history: HistoryTable | null,
  record: PeriodRecord,
  language: ScorecardLanguage,
): HistoryUpdate {
  const old = history ?? emptyHistory(language);
  const labels = historyLabels(old.language);
  const key = periodKey(record.period);
  const isOld = old.rows.map((row) => periodKey(row.period) === key);
  const replaced = old.sheetRows.filter((_, i) => isOld[i]);
  const first = old.sheetRows.reduce((m, r) => Math.max(m, r), 0) + 1;
  const rows = record.rows.map((r) => ({ ...r, period: record.period }));
  const appended = rows.map((_, i) => first + i);
  const keptRows = old.rows.filter((_, i) => !isOld[i]);
  const keptAt = old.sheetRows.filter((_, i) => !isOld[i]);
  const table: HistoryTable = {
    language: old.language,
    rows: [...keptRows, ...rows],
    sheetRows: afterDeleting([...keptAt, ...appended], replaced),
    summary: null,
  };
  const summary = summaryParts(table);
  table.summary = extentOf(summary.write);
  const start = history === null ? newSheetParts(labels) : { formats: [], writes: [], columns: [] };
  return {
    create: history === null,
    replaces: replaced.length > 0,
    records: {
      formats: [...start.formats, ...recordFormats(first, first + rows.length - 1)],
      writes: [...start.writes, recordWrite(rows, first, labels)],
    },
    deleteRows: runs(replaced),
    summary: {
      clear: old.summary === null ? [] : [rangeAddress(0, SUMMARY_COLUMN, old.summary.bottom, old.summary.right)],
      formats: summary.formats,
      write: summary.write,
    },
    columns: start.columns,
    chart: summary.chart,
    table,
  };
}

/**
 * A whole new history sheet at once (the command line, which records every period in one run): `records`
 * recorded in the order given (a period given twice: the later replaces the earlier), written as one block.
 */
export function historySheet(records: readonly PeriodRecord[], language: ScorecardLanguage): HistoryUpdate {
  let recorded: HistoryTable | null = null;
  for (const record of records) recorded = recordPeriod(recorded, record, language).table;
  const table = recorded ?? emptyHistory(language);
  const labels = historyLabels(language);
  const summary = summaryParts(table);
  const start = newSheetParts(labels);
  const n = table.rows.length;
  return {
    create: true,
    replaces: false,
    records: {
      formats: [...start.formats, ...(n > 0 ? recordFormats(1, n) : [])],
      writes: [...start.writes, ...(n > 0 ? [recordWrite(table.rows, 1, labels)] : [])],
    },
    deleteRows: [],
    summary: { clear: [], formats: summary.formats, write: summary.write },
    columns: start.columns,
    chart: summary.chart,
    table: { ...table, sheetRows: table.rows.map((_, i) => i + 1), summary: extentOf(summary.write) },
  };
}
