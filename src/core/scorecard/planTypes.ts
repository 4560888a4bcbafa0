/**
 * The plain-data types of a scorecard plan (see plan.ts for the contract a writer follows). Nothing here
 * computes; the section builders in ./sheet fill these in.
 */
import type { ComparisonResult } from "./comparison";
import type { ScorecardLanguage } from "./labels";
import type { ScorecardResult } from "./scoring";
import type { StoredSettings } from "./settings";

/** Version of the plan and of the stored settings. */
export const PLAN_VERSION = 1;

/** A cell's content. */
export type PlanCell =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string; forceText: boolean }
  | { kind: "formula"; formula: string; expected: number | string };

/** A rectangle of cells: `address` like "A6:Q25"; `cells[r][c]` is its r-th row, c-th column. */
export interface PlanBlock {
  /** What the block is, for people and tests: "header", "kpis", "perspectives", ... */
  id: string;
  address: string;
  cells: (PlanCell | null)[][];
}

/** A border line. */
export interface BorderSpec {
  edges: readonly ("top" | "bottom" | "left" | "right")[];
  style: "thin" | "medium";
  color: string;
}

/** Cell formatting; every field optional (absent = leave as is). Colours are `#RRGGBB`. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: "left" | "center" | "right";
  wrapText?: boolean;
  border?: BorderSpec;
}

/** Formatting for a range. */
export interface PlanFormat {
  range: string;
  /** Excel number format code (en-US), e.g. "0.0%". */
  numberFormat?: string;
  style?: CellStyle;
}

/** Conditional formats. */
export type PlanConditionalFormat =
  | {
      kind: "expression";
      range: string;
      /** Starts with "=", relative to the range's top-left cell (e.g. "=$I7>=$B$40" for range "K7:K25"). */
      formula: string;
      format: { fill: string; fontColor: string };
    }
  | {
      kind: "dataBar";
      range: string;
      color: string;
      /** Fixed bounds of the bar (numbers). */
      min: number;
      max: number;
    }
  | {
      /**
       * Three arrows (Excel's "3 Arrows", Office.js `ThreeArrows`): down below `thresholds[0]`, sideways
       * from it, up from `thresholds[1]` (numbers, "greater than or equal").
       */
      kind: "iconSet";
      range: string;
      icons: "threeArrows";
      thresholds: readonly [number, number];
    };

/** A column's width and visibility. */
export interface PlanColumn {
  /** Column letters, e.g. "B". */
  column: string;
  /** Width in characters of the default font (exceljs `width`). */
  width: number;
  /** The same in points (Office.js `columnWidth`): characters · 7 px + 5 px padding, at 0.75 pt/px. */
  widthPoints: number;
  hidden: boolean;
}

/** Print layout. */
export interface PlanPrint {
  area: string;
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide... */
  fitToPagesWide: number;
  /** ...and as many pages tall as needed (0 = automatic). */
  fitToPagesTall: number;
  /** Rows repeated at the top of each printed page, e.g. "$6:$6". */
  titleRows: string;
}

/** A workbook-scoped name. */
export interface PlanName {
  name: string;
  /** "='CRM Scorecard'!$B$4" */
  refersTo: string;
  comment: string;
}

/** A native chart of the perspective scores. */
export interface PlanChart {
  type: "columnClustered";
  /** Unique per scorecard, like the names. */
  name: string;
  title: string;
  seriesName: string;
  /** Category labels (perspective names), a range on the plan's sheet. */
  categories: string;
  /** Series values (perspective scores), a range on the plan's sheet. */
  values: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  valueAxis: { min: number; max: number; majorUnit: number; numberFormat: string };
}

/** Where things are on the sheet (A1 addresses on the plan's sheet). */
export interface PlanAnchors {
  overallScore: string;
  rating: string;
  kpiHeader: string;
  /** The KPI rows A..K (without the header). */
  kpiRows: string;
  perspectives: string;
  strengths: string;
  weaknesses: string;
  cap: string;
  settings: string;
  /** The movers' lists, on a sheet with previous values. */
  improvements?: string;
  declines?: string;
}

/** Everything a scorecard sheet holds. */
export interface Plan {
  version: number;
  sheetName: string;
  language: ScorecardLanguage;
  mode: "live" | "snapshot";
  blocks: PlanBlock[];
  formats: PlanFormat[];
  conditionalFormats: PlanConditionalFormat[];
  columns: PlanColumn[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; columns: number };
  print: PlanPrint;
  names: PlanName[];
  chart: PlanChart;
  settings: StoredSettings;
  anchors: PlanAnchors;
  /** The used range, e.g. "A1:Q60". */
  usedRange: string;
  /** The core's numbers, which the sheet's formulas reproduce. */
  expected: ScorecardResult;
  /** The core's comparisons with the previous period and the benchmarks, on a sheet that has them. */
  comparison?: ComparisonResult;
}
