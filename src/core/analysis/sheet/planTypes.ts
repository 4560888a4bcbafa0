/**
 * The plain-data types of the customer-analysis plan (plan.ts): the summary as blocks of cells (the
 * scorecard plan's cell and format types), and the customer table as columns, because it has a row per
 * customer (a writer streams it row by row instead of holding a cell object per value).
 */
import type { Language } from "../../messages/catalogue";
import type { PlanBlock, PlanColumn, PlanFormat } from "../../scorecard/planTypes";

export type { PlanBlock, PlanCell, PlanColumn, PlanFormat } from "../../scorecard/planTypes";

/** A three-colour scale over a range: the lowest value gets the first colour, the highest the last. */
export interface PlanColorScale {
  range: string;
  /** `#RRGGBB` at the minimum, the 50th percentile and the maximum. */
  colors: readonly [string, string, string];
}

/** One column of the customer table: its header and a value per customer ("" leaves a cell empty). */
export interface TableColumn {
  header: string;
  values: ArrayLike<number> | readonly (string | number)[];
  /** Excel number format code (en-US) of the values. */
  numberFormat?: string;
}

/** The customer table: a header row at `headerRow` (0-based), then one row per customer, from column A. */
export interface TablePlan {
  headerRow: number;
  rows: number;
  columns: TableColumn[];
}

/** Where the sections are (A1 addresses on the plan's sheet). */
export interface AnalysisAnchors {
  kpis: string;
  models: string;
  breaks: string;
  segments: string;
  tiers: string | null;
  stages: string | null;
  top: string | null;
  warning: string | null;
  cohorts: string;
  /** The customer table's data rows, without the header. */
  table: string;
}

/** Everything the analysis sheet holds. */
export interface AnalysisPlan {
  sheetName: string;
  language: Language;
  /** The summary: header, KPIs, models, breaks, distributions, lists, cohorts. */
  blocks: PlanBlock[];
  table: TablePlan;
  /** Formats of the summary and of the table's header row (the data cells' formats are on its columns). */
  formats: PlanFormat[];
  colorScales: PlanColorScale[];
  columns: PlanColumn[];
  /** Rows frozen at the top (none: the summary is long) and columns (the customer id). */
  anchors: AnalysisAnchors;
  usedRange: string;
}
