/**
 * Where everything is on a scorecard sheet, computed once from the table's shape: every row of every
 * section, every column of the KPI table, the cells the formulas refer to and the plan's anchors. The
 * section builders (./sheet) only read this object; none computes a row of its own.
 *
 * Rows (0-based here; Excel's row numbers are one more), for n KPIs, P perspectives and B rating bands:
 * - header: title, as-of date, source, overall score | rating (4 rows, 4 columns);
 * - one empty row, then the KPI table: its header row (frozen) and n rows; then one empty row;
 * - perspectives: title, header, P rows, with the chart beside them (at least `CHART_ROWS` tall);
 * - ranked lists, each title, header and `TOP_N` rows, an empty row between: strengths, weaknesses;
 * - settings: title, cap, on target, near target, rating-band header, B bands, mode, stored settings.
 *
 * A scorecard with previous values (a Previous column or a history) adds the columns of `PREVIOUS_COLUMNS`
 * and `PREVIOUS_HELPER_COLUMNS` (labels.ts), the perspectives' `PREVIOUS_PERSPECTIVE_COLUMNS`, the header's
 * previous overall score and change (E4:H4) and the movers' lists; one with a Benchmark column adds
 * `BENCHMARK_COLUMNS`. Without them the layout is the one of every scorecard before they existed. A column
 * a sheet does not have is at -1 in `col` (`has` says which it has).
 *
 * To add a row, a column or a ranked list, add its key to the lists here (`HEADER_ROWS`, `RANKED_LISTS`,
 * `PERSPECTIVE_COLUMNS`) or in labels.ts (`KPI_COLUMNS`, `HELPER_COLUMNS`); everything below or right of it
 * moves along, and the anchors, names, print area and chart follow. A new section is a few lines in
 * `scorecardLayout` and a builder in ./sheet.
 */
import { cellAddress, rangeAddress } from "../address";
import {
  BENCHMARK_COLUMNS,
  HELPER_COLUMNS,
  HelperColumn,
  KPI_COLUMNS,
  KpiColumn,
  PREVIOUS_COLUMNS,
  PREVIOUS_HELPER_COLUMNS,
} from "./labels";
import type { PlanAnchors } from "./planTypes";
import { TOP_N } from "./scoring";

/** A column of the KPI table on the sheet: a visible one or a helper. */
export type SheetColumn = KpiColumn | HelperColumn;

/** The header rows, top down. */
export const HEADER_ROWS = ["title", "asOf", "source", "overall"] as const;
export type HeaderRow = (typeof HEADER_ROWS)[number];

/**
 * The header's columns: labels in A, values in B; the overall row has the rating's label and value in C, D
 * and, with previous values, the previous overall score's and the change's in E…H. The as-of row has the
 * period's label and value in C, D, the source row the compared period's (when it comes from the history).
 */
export const HEADER_COLUMNS = {
  label: 0,
  value: 1,
  ratingLabel: 2,
  rating: 3,
  periodLabel: 2,
  period: 3,
  previousLabel: 4,
  previous: 5,
  changeLabel: 6,
  change: 7,
} as const;

/** The perspective summary's columns, in sheet order. */
export const PERSPECTIVE_COLUMNS = ["perspective", "rating", "weight", "score"] as const;

/** The perspective summary's columns with previous values: the previous score and the change. */
export const PREVIOUS_PERSPECTIVE_COLUMNS = ["previousScore", "change"] as const;

export type PerspectiveColumn = (typeof PERSPECTIVE_COLUMNS)[number] | (typeof PREVIOUS_PERSPECTIVE_COLUMNS)[number];

/**
 * The ranked lists below the perspectives, in sheet order, each with the KPI-table columns it shows (looked
 * up by rank).
 */
export const RANKED_LISTS = {
  strengths: ["perspective", "metric", "score"],
  weaknesses: ["perspective", "metric", "score", "pointsLost"],
  improvements: ["perspective", "metric", "previousScore", "score", "scoreChange"],
  declines: ["perspective", "metric", "previousScore", "score", "scoreChange"],
} as const satisfies Record<string, readonly SheetColumn[]>;
export type RankedList = keyof typeof RANKED_LISTS;

/** The lists of a sheet with previous values (the movers); the others are on every sheet. */
const MOVER_LISTS: readonly RankedList[] = ["improvements", "declines"];

/** The settings block's columns: labels in A, values in B. */
export const SETTINGS_COLUMNS = { label: 0, value: 1 } as const;

/** Rows the perspective chart covers below the perspectives' title row (the chart ends on the header row + this). */
export const CHART_ROWS = 16;

/** Columns the perspective chart spans at most (it ends at the KPI table's last column or before). */
export const CHART_COLUMNS = 6;

/** A titled table: title row, header row, then its rows `first`…`last` (`last` < `first` when it has none). */
export interface TitledTable {
  title: number;
  header: number;
  first: number;
  last: number;
}

/** The settings block's rows. */
export interface SettingsRows {
  title: number;
  cap: number;
  onTarget: number;
  near: number;
  bandHeader: number;
  bandFirst: number;
  bandLast: number;
  mode: number;
  stored: number;
}

/** Absolute references of the settings cells the formulas read. */
export interface SettingsRefs {
  cap: string;
  onTarget: string;
  near: string;
  /** Per rating band, its label's and its minimum's cell. */
  bands: { label: string; min: string }[];
}

/** Which optional parts a sheet has. */
export interface LayoutParts {
  /** Previous values (a Previous column or a history): the comparison columns, sums and movers. */
  previous: boolean;
  /** A Benchmark column. */
  benchmark: boolean;
  /** A period label in the header (C2:D2); with previous values always. */
  period: boolean;
  /** The compared period in the header (C3:D3): previous values from the history. */
  comparedWith: boolean;
}

/** Where everything is on the sheet. */
export interface ScorecardLayout {
  has: Readonly<LayoutParts>;
  header: Readonly<Record<HeaderRow, number>> & { last: number; right: number };
  /** The KPI table: its header row and rows `first`…`last`. */
  kpis: { header: number; first: number; last: number };
  /** 0-based column of every KPI-table column; -1 for a column this sheet does not have. */
  col: Readonly<Record<SheetColumn, number>>;
  /** The visible KPI columns in sheet order, and the helpers to their right (after one empty column). */
  kpiColumns: readonly KpiColumn[];
  helperColumns: readonly HelperColumn[];
  /** The last visible KPI column and the last column used at all. */
  lastKpiColumn: number;
  lastColumn: number;
  perspectives: TitledTable;
  /** The perspective columns in sheet order, and each one's column (-1 when absent). */
  perspectiveColumns: readonly PerspectiveColumn[];
  perspectiveCol: Readonly<Record<PerspectiveColumn, number>>;
  /** The chart's top-left and bottom-right cells (row, column). */
  chart: { top: number; left: number; bottom: number; right: number };
  /** The ranked lists this sheet has, top down, and where each is. */
  listOrder: readonly RankedList[];
  lists: Readonly<Record<"strengths" | "weaknesses", TitledTable>> & Readonly<Partial<Record<RankedList, TitledTable>>>;
  settings: SettingsRows;
  refs: SettingsRefs;
  lastRow: number;
}

/** The numbers that shape a sheet, and its optional parts (absent: the sheet does not have them). */
export interface LayoutShape extends Partial<LayoutParts> {
  kpis: number;
  perspectives: number;
  bands: number;
}

/** Positions of keys laid out from `start`, in order. */
function positions<K extends string>(keys: readonly K[], start: number): Record<K, number> {
  const out = {} as Record<K, number>;
  keys.forEach((k, i) => (out[k] = start + i));
  return out;
}

function titledTable(title: number, rows: number): TitledTable {
  return { title, header: title + 1, first: title + 2, last: title + 1 + rows };
}

function settingsRows(title: number, bands: number): SettingsRows {
  const bandHeader = title + 4;
  const bandLast = bandHeader + bands;
  return {
    title,
    cap: title + 1,
    onTarget: title + 2,
    near: title + 3,
    bandHeader,
    bandFirst: bandHeader + 1,
    bandLast,
    mode: bandLast + 1,
    stored: bandLast + 2,
  };
}

function settingsRefs(s: SettingsRows): SettingsRefs {
  const ref = (row: number, column: number): string => cellAddress(row, column, true);
  const bands: SettingsRefs["bands"] = [];
  for (let r = s.bandFirst; r <= s.bandLast; r++)
    bands.push({ label: ref(r, SETTINGS_COLUMNS.label), min: ref(r, SETTINGS_COLUMNS.value) });
  return {
    cap: ref(s.cap, SETTINGS_COLUMNS.value),
    onTarget: ref(s.onTarget, SETTINGS_COLUMNS.value),
    near: ref(s.near, SETTINGS_COLUMNS.value),
    bands,
  };
}

/** Each key of `present` at its place from `start`; the other keys of `all` at -1 (not on the sheet). */
function columnsOf<K extends string>(all: readonly K[], present: readonly K[], start: number): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of all) out[k] = -1;
  return { ...out, ...positions(present, start) };
}

/** The ranked lists stacked from `top`, one empty row between them. */
function rankedLists(top: number, order: readonly RankedList[]): ScorecardLayout["lists"] {
  const out = {} as Record<RankedList, TitledTable>;
  let title = top;
  for (const list of order) {
    out[list] = titledTable(title, TOP_N);
    title = out[list].last + 2;
  }
  return out;
}

/** The optional parts, resolved: a period label comes with previous values; a compared period needs them. */
function layoutParts(shape: LayoutShape): LayoutParts {
  const previous = shape.previous === true;
  return {
    previous,
    benchmark: shape.benchmark === true,
    period: previous || shape.period === true,
    comparedWith: previous && shape.comparedWith === true,
  };
}

/** The layout of a sheet of `shape.kpis` KPIs in `shape.perspectives` perspectives with `shape.bands` rating bands. */
export function scorecardLayout(shape: LayoutShape): ScorecardLayout {
  const has = layoutParts(shape);
  const header = positions(HEADER_ROWS, 0);
  const headerLast = HEADER_ROWS.length - 1;
  const kpiHeader = headerLast + 2;
  const kpis = { header: kpiHeader, first: kpiHeader + 1, last: kpiHeader + shape.kpis };
  const kpiColumns: KpiColumn[] = [
    ...KPI_COLUMNS,
    ...(has.previous ? PREVIOUS_COLUMNS : []),
    ...(has.benchmark ? BENCHMARK_COLUMNS : []),
  ];
  const helperColumns: HelperColumn[] = [...HELPER_COLUMNS, ...(has.previous ? PREVIOUS_HELPER_COLUMNS : [])];
  const col = {
    ...columnsOf<KpiColumn>([...KPI_COLUMNS, ...PREVIOUS_COLUMNS, ...BENCHMARK_COLUMNS], kpiColumns, 0),
    ...columnsOf<HelperColumn>([...HELPER_COLUMNS, ...PREVIOUS_HELPER_COLUMNS], helperColumns, kpiColumns.length + 1),
  };
  const lastKpiColumn = kpiColumns.length - 1;
  const perspectiveColumns: PerspectiveColumn[] = [
    ...PERSPECTIVE_COLUMNS,
    ...(has.previous ? PREVIOUS_PERSPECTIVE_COLUMNS : []),
  ];
  const perspectives = titledTable(kpis.last + 2, shape.perspectives);
  const chartLeft = perspectiveColumns.length + 1;
  const chart = {
    top: perspectives.title,
    left: chartLeft,
    bottom: perspectives.header + CHART_ROWS,
    right: Math.min(lastKpiColumn, chartLeft + CHART_COLUMNS - 1),
  };
  const listOrder = (Object.keys(RANKED_LISTS) as RankedList[]).filter((l) => has.previous || !MOVER_LISTS.includes(l));
  const lists = rankedLists(Math.max(perspectives.last, chart.bottom) + 2, listOrder);
  const settings = settingsRows(lists[listOrder[listOrder.length - 1]!]!.last + 2, shape.bands);
  return {
    has,
    header: { ...header, last: headerLast, right: has.previous ? HEADER_COLUMNS.change : HEADER_COLUMNS.rating },
    kpis,
    col,
    kpiColumns,
    helperColumns,
    lastKpiColumn,
    lastColumn: kpiColumns.length + helperColumns.length,
    perspectives,
    perspectiveColumns,
    perspectiveCol: columnsOf<PerspectiveColumn>(
      [...PERSPECTIVE_COLUMNS, ...PREVIOUS_PERSPECTIVE_COLUMNS],
      perspectiveColumns,
      0,
    ),
    chart,
    listOrder,
    lists,
    settings,
    refs: settingsRefs(settings),
    lastRow: settings.stored,
  };
}

/**
 * The 0-based column of a KPI-table column.
 * @throws Error when the sheet does not have that column (a builder asked for a part the sheet lacks).
 */
export function sheetColumn(layout: ScorecardLayout, column: SheetColumn): number {
  const c = layout.col[column];
  if (c < 0) throw new Error(`the scorecard sheet has no "${column}" column`);
  return c;
}

/** The absolute range of a KPI-table column's rows, e.g. "$I$7:$I$25". */
export function kpiColumnRange(layout: ScorecardLayout, column: SheetColumn): string {
  const c = sheetColumn(layout, column);
  return `${cellAddress(layout.kpis.first, c, true)}:${cellAddress(layout.kpis.last, c, true)}`;
}

/** The cell of the header's overall score and of its rating. */
export function headerCells(layout: ScorecardLayout): { overallScore: [number, number]; rating: [number, number] } {
  const row = layout.header.overall;
  return { overallScore: [row, HEADER_COLUMNS.value], rating: [row, HEADER_COLUMNS.rating] };
}

/** The plan's anchors: the addresses other code and people rely on. */
export function planAnchors(layout: ScorecardLayout): PlanAnchors {
  const { kpis, perspectives, lists, settings } = layout;
  const at = headerCells(layout);
  const R = rangeAddress;
  const listRange = (t: TitledTable, list: RankedList): string => R(t.header, 0, t.last, RANKED_LISTS[list].length - 1);
  const movers: Partial<Record<"improvements" | "declines", string>> = {};
  if (lists.improvements) movers.improvements = listRange(lists.improvements, "improvements");
  if (lists.declines) movers.declines = listRange(lists.declines, "declines");
  return {
    overallScore: cellAddress(...at.overallScore),
    rating: cellAddress(...at.rating),
    kpiHeader: R(kpis.header, 0, kpis.header, layout.lastKpiColumn),
    kpiRows: R(kpis.first, 0, kpis.last, layout.lastKpiColumn),
    perspectives: R(perspectives.header, 0, perspectives.last, layout.perspectiveColumns.length - 1),
    strengths: listRange(lists.strengths, "strengths"),
    weaknesses: listRange(lists.weaknesses, "weaknesses"),
    cap: cellAddress(settings.cap, SETTINGS_COLUMNS.value),
    settings: cellAddress(settings.stored, SETTINGS_COLUMNS.value),
    ...movers,
  };
}
