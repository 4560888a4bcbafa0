/**
 * What every section builder reads: the table, the options as resolved (and validated) once, the core's
 * scores and the layout. A builder returns its part of the plan as a `SheetSection`.
 */
import type { ComparisonResult } from "../comparison";
import type { ScorecardLabels } from "../labels";
import type { ScorecardLayout } from "../layout";
import type { PlanBlock, PlanConditionalFormat, PlanFormat } from "../planTypes";
import type { ScorecardResult } from "../scoring";
import type { StoredNames, StoredOptions, StoredSettings } from "../settings";
import type { Kpi, ScorecardTable } from "../table";

/** The inputs of one build, resolved. */
export interface PlanContext {
  table: ScorecardTable;
  /** The table's KPIs, a blank perspective named (`All KPIs`). */
  kpis: readonly Kpi[];
  labels: ScorecardLabels;
  /** Language, cap, status thresholds, rating bands and mode, defaults applied. */
  options: StoredOptions;
  /** The as-of date as an Excel serial day. */
  asOfSerial: number;
  result: ScorecardResult;
  layout: ScorecardLayout;
  sheetName: string;
  names: StoredNames;
  /** The chart's name, unique like the workbook names. */
  chartName: string;
  settings: StoredSettings;
  /** Previous values and benchmarks compared, or null when the scorecard has neither. */
  comparison: ComparisonResult | null;
  /** Where the previous values come from: the table's Previous column, the history, or nowhere. */
  previousSource: "column" | "history" | null;
  /** The period label (the option, else the calendar quarter of the as-of date). */
  period: string;
  /** The history's period the previous values were taken from, or null. */
  comparedWith: string | null;
}

/** One section's part of a plan, in the plan's order. */
export interface SheetSection {
  blocks: PlanBlock[];
  formats: PlanFormat[];
  conditionalFormats: PlanConditionalFormat[];
}
