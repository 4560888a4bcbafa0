/**
 * The scorecard sheet's fixed texts (src/core/scorecard/labels.ts renders them): its name and title, the
 * header, the KPI table's columns and hidden helper columns, the perspectives, ranked lists and settings, the
 * status and trend words, the default rating bands, and the period label of a quarter. They are part of the
 * product's contract: people and other sheets rely on them (the KPI table's headers, "Overall score" with its
 * value in the cell to its right), and a scorecard sheet is read back by them when its period is recorded
 * (src/core/scorecard/historyRecord.ts), so change them only deliberately. The KPI table's input columns
 * (metric, perspective, actual, …) are also the names of the column roles the task pane shows.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SCORECARD_SHEET = {
  // --- the sheet and its header -------------------------------------------------------------------------------
  /** Base name of a new scorecard sheet; a number is appended when taken: `CRM Scorecard (2)`. */
  sheetName: { en: "CRM Scorecard", zh: "CRM 计分卡" },
  title: { en: "CRM Balanced Scorecard", zh: "CRM 平衡计分卡" },
  asOf: { en: "As of", zh: "截至日期" },
  source: { en: "Source", zh: "数据来源" },
  overallScore: { en: "Overall score", zh: "综合得分" },
  rating: { en: "Rating", zh: "评级" },
  period: { en: "Period", zh: "期间" },
  comparedWith: { en: "Compared with", zh: "对比期间" },
  previousScore: { en: "Previous", zh: "上期得分" },
  change: { en: "Change", zh: "变化" },

  // --- the KPI table's visible columns --------------------------------------------------------------------------
  columnPerspective: { en: "Perspective", zh: "维度" },
  columnMetric: { en: "Metric", zh: "指标" },
  columnDirection: { en: "Direction", zh: "方向" },
  columnActual: { en: "Actual", zh: "实际值" },
  columnTarget: { en: "Target", zh: "目标值" },
  columnThreshold: { en: "Threshold", zh: "底线" },
  columnWeight: { en: "Weight", zh: "权重" },
  columnAchievement: { en: "Achievement", zh: "达成率" },
  columnScore: { en: "Score", zh: "得分" },
  columnPoints: { en: "Points", zh: "加权得分" },
  columnStatus: { en: "Status", zh: "状态" },
  columnPrevious: { en: "Previous", zh: "上期值" },
  columnChange: { en: "Change", zh: "变化" },
  columnChangePercent: { en: "Change %", zh: "变化率" },
  columnPreviousScore: { en: "Previous score", zh: "上期得分" },
  columnScoreChange: { en: "Score change", zh: "得分变化" },
  columnTrend: { en: "Trend", zh: "趋势" },
  columnBenchmark: { en: "Benchmark", zh: "标杆值" },
  columnGap: { en: "Gap to benchmark", zh: "与标杆差距" },
  columnVersusBenchmark: { en: "Vs benchmark", zh: "对标" },

  // --- the hidden helper columns to the right of the KPI table --------------------------------------------------
  helperInputWeight: { en: "Input weight", zh: "原始权重" },
  helperPointsLost: { en: "Points lost", zh: "失分" },
  helperStrengthRank: { en: "Strength rank", zh: "优势排名" },
  helperWeaknessRank: { en: "Weakness rank", zh: "劣势排名" },
  helperGroup: { en: "Perspective no.", zh: "维度序号" },
  helperPreviousWeight: { en: "Weight with previous", zh: "有上期值的权重" },
  helperPreviousPoints: { en: "Previous points", zh: "上期加权得分" },
  helperImprovementRank: { en: "Improvement rank", zh: "进步排名" },
  helperDeclineRank: { en: "Decline rank", zh: "退步排名" },

  // --- perspectives, ranked lists, chart ------------------------------------------------------------------------
  perspectivesTitle: { en: "Perspectives", zh: "维度汇总" },
  /** The perspective of every KPI when the input has no perspective column. */
  allKpis: { en: "All KPIs", zh: "全部指标" },
  chartTitle: { en: "Perspective scores", zh: "各维度得分" },
  strengthsTitle: { en: "Strengths (top 5)", zh: "优势（前 5 项）" },
  weaknessesTitle: { en: "Weaknesses (top 5)", zh: "劣势（前 5 项）" },
  pointsLost: { en: "Points lost", zh: "失分" },
  improvementsTitle: { en: "Largest improvements (top 5)", zh: "进步最大（前 5 项）" },
  declinesTitle: { en: "Largest declines (top 5)", zh: "退步最大（前 5 项）" },

  // --- settings -------------------------------------------------------------------------------------------------
  settingsTitle: { en: "Settings", zh: "设置" },
  cap: { en: "Achievement cap", zh: "达成率上限" },
  onTargetFrom: { en: "On target from score", zh: "达标分数线" },
  nearFrom: { en: "Near target from score", zh: "接近目标分数线" },
  fromScore: { en: "From score", zh: "起始分数" },
  mode: { en: "Mode", zh: "模式" },
  live: { en: "Live link", zh: "链接源数据" },
  snapshot: { en: "Snapshot", zh: "快照" },
  storedSettings: { en: "Stored settings (for Refresh)", zh: "已保存的设置（用于刷新）" },
  /** The default rating bands, from ≥ 90 down (DESIGN.md "Scorecard semantics"). */
  ratingExcellent: { en: "A Excellent", zh: "A 优秀" },
  ratingGood: { en: "B Good", zh: "B 良好" },
  ratingSatisfactory: { en: "C Satisfactory", zh: "C 合格" },
  ratingNeedsImprovement: { en: "D Needs improvement", zh: "D 待改进" },

  // --- words shown by number formats: direction, status, trend, benchmark ---------------------------------------
  higher: { en: "Higher", zh: "越高越好" },
  lower: { en: "Lower", zh: "越低越好" },
  onTarget: { en: "On target", zh: "达标" },
  near: { en: "Near target", zh: "接近目标" },
  offTarget: { en: "Off target", zh: "未达标" },
  improved: { en: "Improved", zh: "改善" },
  declined: { en: "Declined", zh: "下降" },
  unchanged: { en: "Unchanged", zh: "持平" },
  ahead: { en: "Ahead", zh: "领先" },
  behind: { en: "Behind", zh: "落后" },

  // --- the period label ---------------------------------------------------------------------------------------
  /** The default period label, the calendar quarter of the as-of date (src/core/scorecard/period.ts). */
  quarter: { en: "{year} Q{quarter}", zh: "{year}年第{quarter}季度" },
} as const satisfies MessageArea;
