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
 * To add a row, a column or a ranked list, add its key to the lists here (`HEADER_ROWS`, `RANKED_LISTS`,
 * `PERSPECTIVE_COLUMNS`) or in labels.ts (`KPI_COLUMNS`, `HELPER_COLUMNS`); everything below or right of it
 * moves along, and the anchors, names, print area and chart follow. A new section is a few lines in
 * `scorecardLayout` and a builder in ./sheet.
 */
import { cellAddress, rangeAddress } from "../address";
import { HELPER_COLUMNS, HelperColumn, KPI_COLUMNS, KpiColumn } from "./labels";
import type { PlanAnchors } from "./planTypes";
import { TOP_N } from "./scoring";

/** A column of the KPI table on the sheet: a visible one or a helper. */
export type SheetColumn = KpiColumn | HelperColumn;

/** The header rows, top down. */
export const HEADER_ROWS = ["title", "asOf", "source", "overall"] as const;
export type HeaderRow = (typeof HEADER_ROWS)[number];

/** The header's columns: labels in A, values in B; the overall row has the rating's label and value in C, D. */
export const HEADER_COLUMNS = { label: 0, value: 1, ratingLabel: 2, rating: 3 } as const;

/** The perspective summary's columns, in sheet order. */
export const PERSPECTIVE_COLUMNS = ["perspective", "rating", "weight", "score"] as const;
export type PerspectiveColumn = (typeof PERSPECTIVE_COLUMNS)[number];

/**
 * The ranked lists below the perspectives, in sheet order, each with the KPI-table columns it shows (looked
 * up by rank).
 */
export const RANKED_LISTS = {
  strengths: ["perspective", "metric", "score"],
  weaknesses: ["perspective", "metric", "score", "pointsLost"],
} as const satisfies Record<string, readonly SheetColumn[]>;
export type RankedList = keyof typeof RANKED_LISTS;
const LIST_ORDER = Object.keys(RANKED_LISTS) as RankedList[];

/** The settings block's columns: labels in A, values in B. */
export const SETTINGS_COLUMNS = { label: 0, value: 1 } as const;

/** Rows the perspective chart covers below the perspectives' title row (the chart ends on the header row + this). */
export const CHART_ROWS = 16;

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

/** Where everything is on the sheet. */
export interface ScorecardLayout {
  header: Readonly<Record<HeaderRow, number>> & { last: number };
  /** The KPI table: its header row and rows `first`…`last`. */
  kpis: { header: number; first: number; last: number };
  /** 0-based column of every KPI-table column. */
  col: Readonly<Record<SheetColumn, number>>;
  /** The visible KPI columns in sheet order, and the helpers to their right (after one empty column). */
  kpiColumns: readonly KpiColumn[];
  helperColumns: readonly HelperColumn[];
  /** The last visible KPI column and the last column used at all. */
  lastKpiColumn: number;
  lastColumn: number;
  perspectives: TitledTable;
  perspectiveCol: Readonly<Record<PerspectiveColumn, number>>;
  /** The chart's top-left and bottom-right cells (row, column). */
  chart: { top: number; left: number; bottom: number; right: number };
  lists: Readonly<Record<RankedList, TitledTable>>;
  settings: SettingsRows;
  refs: SettingsRefs;
  lastRow: number;
}

/** The numbers that shape a sheet. */
export interface LayoutShape {
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

/** The ranked lists stacked from `top`, one empty row between them. */
function rankedLists(top: number): Record<RankedList, TitledTable> {
  const out = {} as Record<RankedList, TitledTable>;
  let title = top;
  for (const list of LIST_ORDER) {
    out[list] = titledTable(title, TOP_N);
    title = out[list].last + 2;
  }
  return out;
}

/** The layout of a sheet of `shape.kpis` KPIs in `shape.perspectives` perspectives with `shape.bands` rating bands. */
export function scorecardLayout(shape: LayoutShape): ScorecardLayout {
  const header = positions(HEADER_ROWS, 0);
  const headerLast = HEADER_ROWS.length - 1;
  const kpiHeader = headerLast + 2;
  const kpis = { header: kpiHeader, first: kpiHeader + 1, last: kpiHeader + shape.kpis };
  const col = { ...positions(KPI_COLUMNS, 0), ...positions(HELPER_COLUMNS, KPI_COLUMNS.length + 1) };
  const lastKpiColumn = KPI_COLUMNS.length - 1;
  const perspectives = titledTable(kpis.last + 2, shape.perspectives);
  const chart = {
    top: perspectives.title,
    left: PERSPECTIVE_COLUMNS.length + 1,
    bottom: perspectives.header + CHART_ROWS,
    right: lastKpiColumn,
  };
  const lists = rankedLists(Math.max(perspectives.last, chart.bottom) + 2);
  const settings = settingsRows(lists[LIST_ORDER[LIST_ORDER.length - 1]!].last + 2, shape.bands);
  return {
    header: { ...header, last: headerLast },
    kpis,
    col,
    kpiColumns: KPI_COLUMNS,
    helperColumns: HELPER_COLUMNS,
    lastKpiColumn,
    lastColumn: KPI_COLUMNS.length + HELPER_COLUMNS.length,
    perspectives,
    perspectiveCol: positions(PERSPECTIVE_COLUMNS, 0),
    chart,
    lists,
    settings,
    refs: settingsRefs(settings),
    lastRow: settings.stored,
  };
}

/** The absolute range of a KPI-table column's rows, e.g. "$I$7:$I$25". */
export function kpiColumnRange(layout: ScorecardLayout, column: SheetColumn): string {
  const c = layout.col[column];
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
  const listRange = (list: RankedList): string =>
    R(lists[list].header, 0, lists[list].last, RANKED_LISTS[list].length - 1);
  return {
    overallScore: cellAddress(...at.overallScore),
    rating: cellAddress(...at.rating),
    kpiHeader: R(kpis.header, 0, kpis.header, layout.lastKpiColumn),
    kpiRows: R(kpis.first, 0, kpis.last, layout.lastKpiColumn),
    perspectives: R(perspectives.header, 0, perspectives.last, PERSPECTIVE_COLUMNS.length - 1),
    strengths: listRange("strengths"),
    weaknesses: listRange("weaknesses"),
    cap: cellAddress(settings.cap, SETTINGS_COLUMNS.value),
    settings: cellAddress(settings.stored, SETTINGS_COLUMNS.value),
  };
}
