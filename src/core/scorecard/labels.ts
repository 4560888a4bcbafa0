/**
 * The scorecard sheet's fixed texts in English and Simplified Chinese, by part of the sheet. Their words live
 * in the message catalogue (src/core/messages/scorecardSheet.ts, which says why they are part of the
 * product's contract); this module names them by column and place and renders them once per language.
 */
import { LabelId, Language, msg, renderLabels, renderMessage } from "../messages/catalogue";

/** The sheet languages. */
export type ScorecardLanguage = Language;

/** The KPI table's eleven visible columns of every scorecard, in sheet order. */
export const KPI_COLUMNS = [
  "perspective",
  "metric",
  "direction",
  "actual",
  "target",
  "threshold",
  "weight",
  "achievement",
  "score",
  "points",
  "status",
] as const;

/**
 * The visible columns a scorecard with previous values adds after them: last period's actual, the change
 * (difference and percent), the score the previous actual earns, the change in score and the trend.
 */
export const PREVIOUS_COLUMNS = [
  "previous",
  "change",
  "changePercent",
  "previousScore",
  "scoreChange",
  "trend",
] as const;

/** The visible columns a scorecard with a Benchmark column adds last: the benchmark, the gap, ahead/behind. */
export const BENCHMARK_COLUMNS = ["benchmark", "gap", "versusBenchmark"] as const;

export type KpiColumn =
  (typeof KPI_COLUMNS)[number] | (typeof PREVIOUS_COLUMNS)[number] | (typeof BENCHMARK_COLUMNS)[number];

/** The helper columns to the right of the KPI table (inputs and ranking keys for the live formulas). */
export const HELPER_COLUMNS = ["inputWeight", "pointsLost", "strengthRank", "weaknessRank", "group"] as const;

/**
 * The helpers a scorecard with previous values adds: each KPI's weight and points counted in the previous
 * scores (0 without a previous value), and its rank among the improvements and among the declines.
 */
export const PREVIOUS_HELPER_COLUMNS = ["previousWeight", "previousPoints", "improvementRank", "declineRank"] as const;

export type HelperColumn = (typeof HELPER_COLUMNS)[number] | (typeof PREVIOUS_HELPER_COLUMNS)[number];

/** A rating band: scores at or above `min` (and below the next band up) get `label`. */
export interface RatingBand {
  min: number;
  label: string;
}

/** Every fixed text of one language. */
export interface ScorecardLabels {
  /** Base name of a new scorecard sheet; a number is appended when taken: `CRM Scorecard (2)`. */
  sheetName: string;
  title: string;
  asOf: string;
  source: string;
  overallScore: string;
  rating: string;
  headers: Readonly<Record<KpiColumn, string>>;
  helpers: Readonly<Record<HelperColumn, string>>;
  perspectivesTitle: string;
  strengthsTitle: string;
  weaknessesTitle: string;
  pointsLost: string;
  settingsTitle: string;
  cap: string;
  onTargetFrom: string;
  nearFrom: string;
  fromScore: string;
  mode: string;
  live: string;
  snapshot: string;
  storedSettings: string;
  higher: string;
  lower: string;
  onTarget: string;
  near: string;
  offTarget: string;
  /** Perspective name used when the input has no perspective column. */
  allKpis: string;
  chartTitle: string;
  ratingBands: readonly RatingBand[];
  /** The header's period label and, when the previous values come from the history, their period. */
  period: string;
  comparedWith: string;
  /** The header's previous overall score and its change. */
  previousScore: string;
  change: string;
  /** Titles of the movers, the largest changes in score since the previous period. */
  improvementsTitle: string;
  declinesTitle: string;
  /** The trend's words, shown by the trend column's number format (+1, −1, 0). */
  improved: string;
  declined: string;
  unchanged: string;
  ahead: string;
  behind: string;
}

/** The message of each visible column's header. */
const COLUMN_IDS: Readonly<Record<KpiColumn, LabelId>> = {
  perspective: "scorecardSheet.columnPerspective",
  metric: "scorecardSheet.columnMetric",
  direction: "scorecardSheet.columnDirection",
  actual: "scorecardSheet.columnActual",
  target: "scorecardSheet.columnTarget",
  threshold: "scorecardSheet.columnThreshold",
  weight: "scorecardSheet.columnWeight",
  achievement: "scorecardSheet.columnAchievement",
  score: "scorecardSheet.columnScore",
  points: "scorecardSheet.columnPoints",
  status: "scorecardSheet.columnStatus",
  previous: "scorecardSheet.columnPrevious",
  change: "scorecardSheet.columnChange",
  changePercent: "scorecardSheet.columnChangePercent",
  previousScore: "scorecardSheet.columnPreviousScore",
  scoreChange: "scorecardSheet.columnScoreChange",
  trend: "scorecardSheet.columnTrend",
  benchmark: "scorecardSheet.columnBenchmark",
  gap: "scorecardSheet.columnGap",
  versusBenchmark: "scorecardSheet.columnVersusBenchmark",
};

/** The message of a visible column's header (to name a column in a message, rendered in its language). */
export function columnHeaderId(column: KpiColumn): LabelId {
  return COLUMN_IDS[column];
}

/** The message of each helper column's header. */
const HELPER_IDS: Readonly<Record<HelperColumn, LabelId>> = {
  inputWeight: "scorecardSheet.helperInputWeight",
  pointsLost: "scorecardSheet.helperPointsLost",
  strengthRank: "scorecardSheet.helperStrengthRank",
  weaknessRank: "scorecardSheet.helperWeaknessRank",
  group: "scorecardSheet.helperGroup",
  previousWeight: "scorecardSheet.helperPreviousWeight",
  previousPoints: "scorecardSheet.helperPreviousPoints",
  improvementRank: "scorecardSheet.helperImprovementRank",
  declineRank: "scorecardSheet.helperDeclineRank",
};

/** The message of each single text (the column headers and rating bands apart). */
const TEXT_IDS: Readonly<Record<Exclude<keyof ScorecardLabels, "headers" | "helpers" | "ratingBands">, LabelId>> = {
  sheetName: "scorecardSheet.sheetName",
  title: "scorecardSheet.title",
  asOf: "scorecardSheet.asOf",
  source: "scorecardSheet.source",
  overallScore: "scorecardSheet.overallScore",
  rating: "scorecardSheet.rating",
  perspectivesTitle: "scorecardSheet.perspectivesTitle",
  strengthsTitle: "scorecardSheet.strengthsTitle",
  weaknessesTitle: "scorecardSheet.weaknessesTitle",
  pointsLost: "scorecardSheet.pointsLost",
  settingsTitle: "scorecardSheet.settingsTitle",
  cap: "scorecardSheet.cap",
  onTargetFrom: "scorecardSheet.onTargetFrom",
  nearFrom: "scorecardSheet.nearFrom",
  fromScore: "scorecardSheet.fromScore",
  mode: "scorecardSheet.mode",
  live: "scorecardSheet.live",
  snapshot: "scorecardSheet.snapshot",
  storedSettings: "scorecardSheet.storedSettings",
  higher: "scorecardSheet.higher",
  lower: "scorecardSheet.lower",
  onTarget: "scorecardSheet.onTarget",
  near: "scorecardSheet.near",
  offTarget: "scorecardSheet.offTarget",
  allKpis: "scorecardSheet.allKpis",
  chartTitle: "scorecardSheet.chartTitle",
  period: "scorecardSheet.period",
  comparedWith: "scorecardSheet.comparedWith",
  previousScore: "scorecardSheet.previousScore",
  change: "scorecardSheet.change",
  improvementsTitle: "scorecardSheet.improvementsTitle",
  declinesTitle: "scorecardSheet.declinesTitle",
  improved: "scorecardSheet.improved",
  declined: "scorecardSheet.declined",
  unchanged: "scorecardSheet.unchanged",
  ahead: "scorecardSheet.ahead",
  behind: "scorecardSheet.behind",
};

/** The default rating bands (DESIGN.md "Scorecard semantics"): A from 90, B from 75, C from 60, D below. */
const RATING_BAND_IDS: readonly { min: number; id: LabelId }[] = [
  { min: 90, id: "scorecardSheet.ratingExcellent" },
  { min: 75, id: "scorecardSheet.ratingGood" },
  { min: 60, id: "scorecardSheet.ratingSatisfactory" },
  { min: 0, id: "scorecardSheet.ratingNeedsImprovement" },
];

/** Every fixed text of a language, from the catalogue. */
function labelsIn(language: Language): ScorecardLabels {
  return {
    ...renderLabels(TEXT_IDS, language),
    headers: renderLabels(COLUMN_IDS, language),
    helpers: renderLabels(HELPER_IDS, language),
    ratingBands: RATING_BAND_IDS.map((b) => ({ min: b.min, label: renderMessage(msg(b.id), language) })),
  };
}

const LABELS: Readonly<Record<ScorecardLanguage, ScorecardLabels>> = { en: labelsIn("en"), zh: labelsIn("zh") };

/** The fixed texts of a sheet language. */
export function scorecardLabels(language: ScorecardLanguage): ScorecardLabels {
  return LABELS[language];
}
