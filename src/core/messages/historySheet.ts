/**
 * The scorecard history sheet's fixed texts (src/core/scorecard/history.ts renders them): its name, the
 * table's header row and level words, and the summary by period with its chart. A history is read back by
 * these texts in either language (the header row tells the table's language, the level words each row's
 * level), so a change makes earlier histories unreadable: change them only deliberately. They repeat words of
 * the scorecard sheet (scorecardSheet.ts) on purpose: a new wording there must not break a stored history.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const HISTORY_SHEET = {
  /** The sheet's name; a workbook's history sheet is found under its name in either language. */
  sheetName: { en: "CRM Scorecard History", zh: "计分卡历史" },

  // --- the header row, A to J -----------------------------------------------------------------------------------
  headerPeriod: { en: "Period", zh: "期间" },
  headerLevel: { en: "Level", zh: "层级" },
  headerPerspective: { en: "Perspective", zh: "维度" },
  headerMetric: { en: "Metric", zh: "指标" },
  headerActual: { en: "Actual", zh: "实际值" },
  headerTarget: { en: "Target", zh: "目标值" },
  headerBenchmark: { en: "Benchmark", zh: "标杆值" },
  headerScore: { en: "Score", zh: "得分" },
  headerRating: { en: "Rating", zh: "评级" },
  headerAsOf: { en: "As of", zh: "截至日期" },

  // --- what a row records ---------------------------------------------------------------------------------------
  levelKpi: { en: "KPI", zh: "指标" },
  levelPerspective: { en: "Perspective", zh: "维度" },
  levelOverall: { en: "Overall", zh: "综合" },

  // --- the summary of scores by period (its other columns are the perspectives) and its chart -------------------
  summaryPeriod: { en: "Period", zh: "期间" },
  summaryOverall: { en: "Overall score", zh: "综合得分" },
  chartTitle: { en: "Scores by period", zh: "各期得分" },
} as const satisfies MessageArea;
