/**
 * The scorecard's history (DESIGN.md "Scorecard over time and against benchmarks"): a table of values, one
 * row per KPI, per perspective and for the overall score of every recorded period, on its own sheet ("CRM
 * Scorecard History", or its Chinese name), the header in A1:J1 and the records below it, and to its right (from
 * column L) a summary of the scores by period that the history chart draws. This file says what the table
 * looks like and reads it back; historyUpdate.ts records a period into it, historyRecord.ts makes a
 * period's record. Its fixed texts are the catalogue's (src/core/messages/historySheet.ts).
 *
 * The table is plain data the user may sort, filter or annotate; a table edited into a state this reader
 * cannot understand (a header changed, a level or a number that is not one) is reported with its cell
 * addresses and never overwritten.
 */
import { isBlankCell } from "../values/blank";
import { cellAddress, columnLetters, parseCell, sheetAddress } from "../address";
import { LabelId, Message, msg, renderLabels, renderMessage } from "../messages/catalogue";
import type { ScorecardLanguage } from "./labels";
import { periodKey, previousPeriod } from "./period";
import type { SourceBlock } from "./table";

/** The history sheet's name in each language (the first build in a workbook picks it; both are recognised). */
export const HISTORY_SHEET_NAMES: Readonly<Record<ScorecardLanguage, string>> = {
  en: renderMessage(msg("historySheet.sheetName"), "en"),
  zh: renderMessage(msg("historySheet.sheetName"), "zh"),
};

/** The history table's columns, A to J. */
export const HISTORY_COLUMNS = [
  "period",
  "level",
  "perspective",
  "metric",
  "actual",
  "target",
  "benchmark",
  "score",
  "rating",
  "asOf",
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** The numeric columns (a number or blank; anything else makes the table unreadable). */
const NUMBER_COLUMNS: readonly HistoryColumn[] = ["actual", "target", "benchmark", "score", "asOf"];

/** The first column of the summary of scores by period (L): one empty column after the table. */
export const SUMMARY_COLUMN = HISTORY_COLUMNS.length + 1;

/** What a history row records. */
export type HistoryLevel = "kpi" | "perspective" | "overall";

/** The history's fixed texts. */
export interface HistoryLabels {
  headers: Readonly<Record<HistoryColumn, string>>;
  levels: Readonly<Record<HistoryLevel, string>>;
  /** The summary's first two headers (its other columns are the perspectives). */
  summaryPeriod: string;
  summaryOverall: string;
  chartTitle: string;
}

/** The message of each column's header. */
const HEADER_IDS: Readonly<Record<HistoryColumn, LabelId>> = {
  period: "historySheet.headerPeriod",
  level: "historySheet.headerLevel",
  perspective: "historySheet.headerPerspective",
  metric: "historySheet.headerMetric",
  actual: "historySheet.headerActual",
  target: "historySheet.headerTarget",
  benchmark: "historySheet.headerBenchmark",
  score: "historySheet.headerScore",
  rating: "historySheet.headerRating",
  asOf: "historySheet.headerAsOf",
};

/** The message of each level's word. */
const LEVEL_IDS: Readonly<Record<HistoryLevel, LabelId>> = {
  kpi: "historySheet.levelKpi",
  perspective: "historySheet.levelPerspective",
  overall: "historySheet.levelOverall",
};

/** The history's texts in a language, from the catalogue. */
function labelsIn(language: ScorecardLanguage): HistoryLabels {
  return {
    headers: renderLabels(HEADER_IDS, language),
    levels: renderLabels(LEVEL_IDS, language),
    ...renderLabels(
      {
        summaryPeriod: "historySheet.summaryPeriod",
        summaryOverall: "historySheet.summaryOverall",
        chartTitle: "historySheet.chartTitle",
      },
      language,
    ),
  };
}

const LABELS: Readonly<Record<ScorecardLanguage, HistoryLabels>> = { en: labelsIn("en"), zh: labelsIn("zh") };

/** The history's texts in a language. */
export function historyLabels(language: ScorecardLanguage): HistoryLabels {
  return LABELS[language];
}

/** One row of the history. Blank cells are null (texts: ""). */
export interface HistoryRow {
  period: string;
  level: HistoryLevel;
  /** The perspective ("" on the overall row). */
  perspective: string;
  /** The metric ("" on perspective and overall rows). */
  metric: string;
  actual: number | null;
  target: number | null;
  benchmark: number | null;
  score: number | null;
  /** The rating band's label (perspective and overall rows), "" for KPIs. */
  rating: string;
  /** The as-of date, an Excel serial day. */
  asOf: number | null;
}

/** A history as read from its sheet (or made in memory). */
export interface HistoryTable {
  /** The language of its header row. */
  language: ScorecardLanguage;
  /** The records, top down. */
  rows: HistoryRow[];
  /** Each record's 0-based sheet row (blank rows between records are skipped). */
  sheetRows: number[];
  /** The last row and column the summary to the right uses (0-based), or null when there is none. */
  summary: { bottom: number; right: number } | null;
}

/** A problem that makes a history table unreadable, with its place. */
export interface HistoryProblem {
  code: "header" | "level" | "period" | "number" | "metric";
  /** `'CRM Scorecard History'!F5`. */
  address: string;
  /** What is wrong (src/core/messages, area scorecard), address first; and the same rendered in each language. */
  what: Message;
  message: string;
  messageZh: string;
}

/** The outcome of reading a history sheet: the table, or what makes it unreadable. */
export interface HistoryReading {
  table: HistoryTable | null;
  problems: HistoryProblem[];
}

/** A text as the history compares it: trimmed, inner spaces collapsed, case ignored. */
export function matchKey(s: string): string {
  return s
    .trim()
    .replace(/[\s\u00a0\u3000]+/g, " ")
    .toLowerCase();
}

function cellText(v: unknown): string {
  if (isBlankCell(v)) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "string" ? v.trim() : "";
}

/** A problem reporter for one sheet: `what` makes the message of the problem's cell address. */
function reporter(sheet: string, problems: HistoryProblem[]) {
  return (code: HistoryProblem["code"], row: number, column: number, what: (cell: string) => Message): void => {
    const address = sheetAddress(sheet, cellAddress(row, column));
    const m = what(address);
    problems.push({ code, address, what: m, message: renderMessage(m, "en"), messageZh: renderMessage(m, "zh") });
  };
}

/** The header's language, or null when A1:J1 is not the header in either language. */
function headerLanguage(cells: readonly unknown[]): ScorecardLanguage | null {
  for (const language of ["en", "zh"] as const) {
    const h = LABELS[language].headers;
    if (HISTORY_COLUMNS.every((c, i) => matchKey(cellText(cells[i])) === matchKey(h[c]))) return language;
  }
  return null;
}

function levelOf(v: unknown): HistoryLevel | null {
  const t = matchKey(cellText(v));
  for (const language of ["en", "zh"] as const) {
    const levels = LABELS[language].levels;
    for (const level of ["kpi", "perspective", "overall"] as const) if (matchKey(levels[level]) === t) return level;
  }
  return null;
}

type Report = ReturnType<typeof reporter>;

/** One record, or null (reported) when a cell is not what its column holds. */
function readRow(cells: readonly unknown[], row: number, report: Report): HistoryRow | null {
  let ok = true;
  const fail = (code: HistoryProblem["code"], column: number, what: (cell: string) => Message): void => {
    report(code, row, column, what);
    ok = false;
  };
  const col = (c: HistoryColumn): number => HISTORY_COLUMNS.indexOf(c);
  const period = cellText(cells[col("period")]);
  if (period === "") fail("period", col("period"), (cell) => msg("scorecard.historyPeriodBlank", { cell }));
  const level = levelOf(cells[col("level")]);
  if (level === null) {
    const text = cellText(cells[col("level")]);
    fail("level", col("level"), (cell) => msg("scorecard.historyLevel", { cell, text }));
  }
  const numbers: Partial<Record<HistoryColumn, number | null>> = {};
  for (const c of NUMBER_COLUMNS) {
    const v = cells[col(c)];
    if (isBlankCell(v)) numbers[c] = null;
    else if (typeof v === "number" && Number.isFinite(v)) numbers[c] = v;
    else fail("number", col(c), (cell) => msg("scorecard.historyNotNumber", { cell, text: cellText(v) }));
  }
  const metric = cellText(cells[col("metric")]);
  if (level === "kpi" && metric === "")
    fail("metric", col("metric"), (cell) => msg("scorecard.historyNoMetric", { cell }));
  if (!ok) return null;
  return {
    period,
    level: level!,
    perspective: cellText(cells[col("perspective")]),
    metric,
    actual: numbers.actual ?? null,
    target: numbers.target ?? null,
    benchmark: numbers.benchmark ?? null,
    score: numbers.score ?? null,
    rating: cellText(cells[col("rating")]),
    asOf: numbers.asOf ?? null,
  };
}

/** The extent of the summary: the last row and column with anything from column L on, or null. */
function summaryExtent(values: readonly (readonly unknown[])[], left: number): HistoryTable["summary"] {
  let bottom = -1;
  let right = -1;
  values.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (left + c >= SUMMARY_COLUMN && !isBlankCell(v)) {
        bottom = Math.max(bottom, r);
        right = Math.max(right, left + c);
      }
    }),
  );
  return bottom < 0 ? null : { bottom, right };
}

/**
 * Reads a history sheet: its used range (which must start at A1, the header row). Fully blank record rows
 * are skipped. O(cells).
 * @param sheet the sheet's name, for the problems' addresses
 * @param block the used range's values and top-left cell
 */
export function readHistoryTable(sheet: string, block: SourceBlock): HistoryReading {
  const problems: HistoryProblem[] = [];
  const report = reporter(sheet, problems);
  const tl = parseCell(block.topLeft);
  // In sheet coordinates from A1: pad the used range's values (a used range may start below or right of A1).
  const at = (r: number, c: number): unknown => block.values[r - tl.row]?.[c - tl.column];
  const width = HISTORY_COLUMNS.length;
  const header = Array.from({ length: width }, (_, c) => at(0, c));
  const language = headerLanguage(header);
  if (language === null) {
    const range = `A1:${columnLetters(width - 1)}1`;
    const expected = HISTORY_COLUMNS.map((c) => LABELS.en.headers[c]).join(", ");
    report("header", 0, 0, (cell) => msg("scorecard.historyHeader", { cell, range, expected }));
    return { table: null, problems };
  }
  const rows: HistoryRow[] = [];
  const sheetRows: number[] = [];
  const bottom = tl.row + block.values.length - 1;
  for (let r = 1; r <= bottom; r++) {
    const cells = Array.from({ length: width }, (_, c) => at(r, c));
    if (cells.every(isBlankCell)) continue;
    const row = readRow(cells, r, report);
    if (row !== null) {
      rows.push(row);
      sheetRows.push(r);
    }
  }
  if (problems.length > 0) return { table: null, problems };
  const summary = summaryExtent(block.values, tl.column);
  return {
    table: { language, rows, sheetRows, summary: summary && { ...summary, bottom: summary.bottom + tl.row } },
    problems,
  };
}

/** The distinct periods of a history in the order of their records (first appearance). */
export function recordedPeriods(table: HistoryTable): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of table.rows) {
    const key = periodKey(row.period);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(row.period);
    }
  }
  return out;
}

/** Previous actuals from a history, per KPI. */
export interface HistoryPrevious {
  /** The period they come from. */
  period: string;
  /** Per KPI (in the order asked), the period's actual of the KPI of the same perspective and metric, or null. */
  values: (number | null)[];
}

/**
 * The previous period's actuals for the KPIs of a scorecard of period `period`: the period just before it
 * in the history (see `previousPeriod`), each KPI matched by perspective and metric (case and extra spaces
 * ignored); a KPI the period did not record has none. Null when no recorded period comes before.
 */
export function previousFromHistory(
  table: HistoryTable,
  period: string,
  kpis: readonly { perspective: string; metric: string }[],
): HistoryPrevious | null {
  const prev = previousPeriod(recordedPeriods(table), period);
  if (prev === null) return null;
  const key = periodKey(prev);
  const actuals = new Map<string, number | null>();
  for (const row of table.rows) {
    if (row.level !== "kpi" || periodKey(row.period) !== key) continue;
    const id = `${matchKey(row.perspective)}\u0000${matchKey(row.metric)}`;
    if (!actuals.has(id)) actuals.set(id, row.actual);
  }
  return {
    period: prev,
    values: kpis.map((k) => actuals.get(`${matchKey(k.perspective)}\u0000${matchKey(k.metric)}`) ?? null),
  };
}

/**
 * The workbook's history sheet: the existing sheet named "CRM Scorecard History" or its Chinese name
 * (`HISTORY_SHEET_NAMES`, case ignored), else the name a new one gets in `language`.
 */
export function historySheetName(
  existingSheets: readonly string[],
  language: ScorecardLanguage,
): { name: string; exists: boolean } {
  const names = Object.values(HISTORY_SHEET_NAMES).map((n) => n.toLowerCase());
  const found = existingSheets.find((s) => names.includes(s.toLowerCase()));
  return found === undefined ? { name: HISTORY_SHEET_NAMES[language], exists: false } : { name: found, exists: true };
}
