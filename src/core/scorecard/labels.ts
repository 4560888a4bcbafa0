/**
 * The scorecard sheet's fixed texts in English and Simplified Chinese. They are part of the product's
 * contract: people and other sheets rely on them (the KPI table's headers, `Overall score` / `综合得分` with
 * its value in the cell to its right), so change them only deliberately.
 */

/** The sheet languages. */
export type ScorecardLanguage = "en" | "zh";

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

/** The default bands' minimum scores (DESIGN.md: ≥ 90 A, ≥ 75 B, ≥ 60 C, below D), the same in every language. */
const RATING_MINIMA = [90, 75, 60, 0] as const;

/** The default rating bands with these labels, from A down to D. */
function ratingBands(...labels: [a: string, b: string, c: string, d: string]): RatingBand[] {
  return RATING_MINIMA.map((min, i) => ({ min, label: labels[i]! }));
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

const EN: ScorecardLabels = {
  sheetName: "CRM Scorecard",
  title: "CRM Balanced Scorecard",
  asOf: "As of",
  source: "Source",
  overallScore: "Overall score",
  rating: "Rating",
  headers: {
    perspective: "Perspective",
    metric: "Metric",
    direction: "Direction",
    actual: "Actual",
    target: "Target",
    threshold: "Threshold",
    weight: "Weight",
    achievement: "Achievement",
    score: "Score",
    points: "Points",
    status: "Status",
    previous: "Previous",
    change: "Change",
    changePercent: "Change %",
    previousScore: "Previous score",
    scoreChange: "Score change",
    trend: "Trend",
    benchmark: "Benchmark",
    gap: "Gap to benchmark",
    versusBenchmark: "Vs benchmark",
  },
  helpers: {
    inputWeight: "Input weight",
    pointsLost: "Points lost",
    strengthRank: "Strength rank",
    weaknessRank: "Weakness rank",
    group: "Perspective no.",
    previousWeight: "Weight with previous",
    previousPoints: "Previous points",
    improvementRank: "Improvement rank",
    declineRank: "Decline rank",
  },
  perspectivesTitle: "Perspectives",
  strengthsTitle: "Strengths (top 5)",
  weaknessesTitle: "Weaknesses (top 5)",
  pointsLost: "Points lost",
  settingsTitle: "Settings",
  cap: "Achievement cap",
  onTargetFrom: "On target from score",
  nearFrom: "Near target from score",
  fromScore: "From score",
  mode: "Mode",
  live: "Live link",
  snapshot: "Snapshot",
  storedSettings: "Stored settings (for Refresh)",
  higher: "Higher",
  lower: "Lower",
  onTarget: "On target",
  near: "Near target",
  offTarget: "Off target",
  allKpis: "All KPIs",
  chartTitle: "Perspective scores",
  ratingBands: ratingBands("A Excellent", "B Good", "C Satisfactory", "D Needs improvement"),
  period: "Period",
  comparedWith: "Compared with",
  previousScore: "Previous",
  change: "Change",
  improvementsTitle: "Largest improvements (top 5)",
  declinesTitle: "Largest declines (top 5)",
  improved: "Improved",
  declined: "Declined",
  unchanged: "Unchanged",
  ahead: "Ahead",
  behind: "Behind",
};

const ZH: ScorecardLabels = {
  sheetName: "CRM 计分卡",
  title: "CRM 平衡计分卡",
  asOf: "截至日期",
  source: "数据来源",
  overallScore: "综合得分",
  rating: "评级",
  headers: {
    perspective: "维度",
    metric: "指标",
    direction: "方向",
    actual: "实际值",
    target: "目标值",
    threshold: "底线",
    weight: "权重",
    achievement: "达成率",
    score: "得分",
    points: "加权得分",
    status: "状态",
    previous: "上期值",
    change: "变化",
    changePercent: "变化率",
    previousScore: "上期得分",
    scoreChange: "得分变化",
    trend: "趋势",
    benchmark: "标杆值",
    gap: "与标杆差距",
    versusBenchmark: "对标",
  },
  helpers: {
    inputWeight: "原始权重",
    pointsLost: "失分",
    strengthRank: "优势排名",
    weaknessRank: "劣势排名",
    group: "维度序号",
    previousWeight: "有上期值的权重",
    previousPoints: "上期加权得分",
    improvementRank: "进步排名",
    declineRank: "退步排名",
  },
  perspectivesTitle: "维度汇总",
  strengthsTitle: "优势（前 5 项）",
  weaknessesTitle: "劣势（前 5 项）",
  pointsLost: "失分",
  settingsTitle: "设置",
  cap: "达成率上限",
  onTargetFrom: "达标分数线",
  nearFrom: "接近目标分数线",
  fromScore: "起始分数",
  mode: "模式",
  live: "链接源数据",
  snapshot: "快照",
  storedSettings: "已保存的设置（用于刷新）",
  higher: "越高越好",
  lower: "越低越好",
  onTarget: "达标",
  near: "接近目标",
  offTarget: "未达标",
  allKpis: "全部指标",
  chartTitle: "各维度得分",
  ratingBands: ratingBands("A 优秀", "B 良好", "C 合格", "D 待改进"),
  period: "期间",
  comparedWith: "对比期间",
  previousScore: "上期得分",
  change: "变化",
  improvementsTitle: "进步最大（前 5 项）",
  declinesTitle: "退步最大（前 5 项）",
  improved: "改善",
  declined: "下降",
  unchanged: "持平",
  ahead: "领先",
  behind: "落后",
};

/** The fixed texts of a sheet language. */
export function scorecardLabels(language: ScorecardLanguage): ScorecardLabels {
  return language === "zh" ? ZH : EN;
}
