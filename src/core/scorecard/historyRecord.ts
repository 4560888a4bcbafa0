/**
 * A period's record for the scorecard history (history.ts): the values a scorecard shows, one row per KPI,
 * per perspective and for the overall score. Made either from the core's numbers (the command line, which
 * builds every period itself) or from a scorecard sheet's calculated values (the task pane's "Record this
 * period", which records what the sheet shows now, edits of its settings cells included).
 */
import { cellAddress } from "../address";
import { isBlankCell } from "../values/blank";
import { Message, msg, renderMessage } from "../messages/catalogue";
import type { HistoryRow } from "./history";
import { scorecardLabels, type RatingBand } from "./labels";
import { HEADER_COLUMNS, HEADER_ROWS } from "./layout";
import { defaultPeriodLabel } from "./period";
import type { ScorecardResult } from "./scoring";
import type { StoredSettings } from "./settings";

/** One period's rows for the history, in the order they are recorded (KPIs, perspectives, overall). */
export interface PeriodRecord {
  period: string;
  /** The as-of date (Excel serial day), or null when unknown. */
  asOf: number | null;
  rows: HistoryRow[];
}

/** What a period's record is made of when the core scored it. */
export interface ScoredPeriod {
  period: string;
  asOf: number;
  kpis: readonly { perspective: string; metric: string; actual: number; target: number; benchmark: number | null }[];
  result: ScorecardResult;
  ratingBands: readonly RatingBand[];
}

/** The record of a period the core scored: each KPI's values and score, each perspective's and the overall score and rating. */
export function periodRecordFromScores(p: ScoredPeriod): PeriodRecord {
  const base = { period: p.period, asOf: p.asOf };
  const rows: HistoryRow[] = p.kpis.map((k, i) => ({
    ...base,
    level: "kpi",
    perspective: k.perspective,
    metric: k.metric,
    actual: k.actual,
    target: k.target,
    benchmark: k.benchmark,
    score: p.result.kpis[i]!.score,
    rating: "",
  }));
  const none = { metric: "", actual: null, target: null, benchmark: null };
  for (const q of p.result.perspectives) {
    rows.push({
      ...base,
      ...none,
      level: "perspective",
      perspective: q.name,
      score: q.score,
      rating: p.ratingBands[q.rating]!.label,
    });
  }
  rows.push({
    ...base,
    ...none,
    level: "overall",
    perspective: "",
    score: p.result.overall,
    rating: p.ratingBands[p.result.rating]!.label,
  });
  return { period: p.period, asOf: p.asOf, rows };
}

/** Why a scorecard sheet could not be read for recording: the message, and the same rendered in each language. */
export interface SheetRecordProblem {
  what: Message;
  message: string;
  messageZh: string;
}

/** A cell of the sheet's values (from A1). */
type Values = readonly (readonly unknown[])[];

function textAt(v: Values, r: number, c: number): string {
  const x = v[r]?.[c];
  return typeof x === "string" ? x.trim() : typeof x === "number" ? String(x) : "";
}

/** A number, null for a blank or "", undefined for anything else (text, an error value). */
function numberAt(v: Values, r: number, c: number): number | null | undefined {
  const x = v[r]?.[c];
  if (isBlankCell(x)) return null;
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
}

class Unreadable extends Error {
  constructor(readonly what: Message) {
    super(renderMessage(what, "en"));
  }
}

/** The columns of a header row named by the given texts (the first cell of each), or Unreadable. */
function columnsNamed<K extends string>(
  v: Values,
  row: number,
  names: Readonly<Record<K, string>>,
  optional: readonly NoInfer<K>[],
): Record<K, number> {
  const out = {} as Record<K, number>;
  const cells = v[row] ?? [];
  for (const key of Object.keys(names) as K[]) {
    const c = cells.findIndex((x) => typeof x === "string" && x.trim() === names[key]);
    if (c < 0 && !optional.includes(key))
      throw new Unreadable(msg("scorecard.sheetNoColumn", { row: row + 1, name: names[key] }));
    out[key] = c;
  }
  return out;
}

function must(x: number | null | undefined, r: number, c: number): number {
  if (typeof x === "number") return x;
  throw new Unreadable(msg("scorecard.sheetNotNumber", { cell: cellAddress(r, c) }));
}

/**
 * Reads a period's record from a scorecard sheet's calculated values (its used range from A1): the KPI
 * table by its column headers, the perspective summary below it, the overall score and rating, the as-of
 * date and the period (the sheet's, else the stored option, else the quarter of the stored as-of date).
 * O(cells).
 * @param values the sheet's values from A1 (as `Range.values` gives them: numbers, texts, "" for blanks)
 * @param settings the scorecard's stored settings (its language and options)
 * @returns the record, or why the sheet cannot be read (a sheet changed by hand: Refresh it first)
 */
export function periodRecordFromSheet(
  values: Values,
  settings: StoredSettings,
): { record: PeriodRecord | null; problem: SheetRecordProblem | null } {
  try {
    return { record: readSheet(values, settings), problem: null };
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    const what = msg("scorecard.sheetChanged", { detail: e.what });
    return {
      record: null,
      problem: { what, message: renderMessage(what, "en"), messageZh: renderMessage(what, "zh") },
    };
  }
}

function readSheet(v: Values, settings: StoredSettings): PeriodRecord {
  const L = scorecardLabels(settings.options.language);
  const C = HEADER_COLUMNS;
  const overallRow = HEADER_ROWS.indexOf("overall");
  const asOfRow = HEADER_ROWS.indexOf("asOf");
  if (textAt(v, overallRow, C.label) !== L.overallScore)
    throw new Unreadable(msg("scorecard.sheetNotLabel", { cell: `A${overallRow + 1}`, text: L.overallScore }));
  const asOf = numberAt(v, asOfRow, C.value) ?? null;
  const period =
    textAt(v, asOfRow, C.periodLabel) === L.period && textAt(v, asOfRow, C.period) !== ""
      ? textAt(v, asOfRow, C.period)
      : (settings.options.period ?? defaultPeriodLabel(settings.asOf, settings.options.language));
  const base = { period, asOf };
  const none = { metric: "", actual: null, target: null, benchmark: null };

  const header = HEADER_ROWS.length + 1;
  const h = L.headers;
  const col = columnsNamed(
    v,
    header,
    {
      perspective: h.perspective,
      metric: h.metric,
      actual: h.actual,
      target: h.target,
      score: h.score,
      benchmark: h.benchmark,
    },
    ["benchmark"],
  );
  const rows: HistoryRow[] = [];
  let r = header + 1;
  for (; textAt(v, r, col.metric) !== ""; r++) {
    rows.push({
      ...base,
      level: "kpi",
      perspective: textAt(v, r, col.perspective),
      metric: textAt(v, r, col.metric),
      actual: must(numberAt(v, r, col.actual), r, col.actual),
      target: must(numberAt(v, r, col.target), r, col.target),
      benchmark: col.benchmark < 0 ? null : (numberAt(v, r, col.benchmark) ?? null),
      score: must(numberAt(v, r, col.score), r, col.score),
      rating: "",
    });
  }
  const title = r + 1;
  if (rows.length === 0 || textAt(v, title, 0) !== L.perspectivesTitle)
    throw new Unreadable(msg("scorecard.sheetNotLabel", { cell: `A${title + 1}`, text: L.perspectivesTitle }));
  const p = columnsNamed(v, title + 1, { perspective: h.perspective, rating: L.rating, score: h.score }, []);
  for (r = title + 2; textAt(v, r, p.perspective) !== ""; r++) {
    rows.push({
      ...base,
      ...none,
      level: "perspective",
      perspective: textAt(v, r, p.perspective),
      score: must(numberAt(v, r, p.score), r, p.score),
      rating: textAt(v, r, p.rating),
    });
  }
  rows.push({
    ...base,
    ...none,
    level: "overall",
    perspective: "",
    score: must(numberAt(v, overallRow, C.value), overallRow, C.value),
    rating: textAt(v, overallRow, C.rating),
  });
  return { period, asOf, rows };
}
