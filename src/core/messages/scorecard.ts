/**
 * Messages of the scorecard core (src/core/scorecard): checks of the scoring options and of the plan's inputs.
 * The sheet's fixed labels and the KPI table's problems keep their own texts for now (labels.ts, table.ts), and
 * plan.ts still throws three English-only messages (see `legacy.english`); both move here in issue 9's second phase.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SCORECARD = {
  cap: { en: "cap must be between 1 (100%) and 100, not {value}", zh: "达成率上限必须在 1（100%）到 100 之间，而不是 {value}" },
  statusThresholds: { en: "status thresholds must satisfy 0 ≤ near ({near}) ≤ on target ({onTarget})", zh: "状态分数线须满足 0 ≤ 接近目标（{near}）≤ 达标（{onTarget}）" },
  noRatingBand: { en: "there must be at least one rating band", zh: "至少需要一个评级档" },
  bandMinimum: { en: "rating band {band}: minimum is not a number", zh: "第 {band} 个评级档：起始分数不是数值" },
  bandLabel: { en: "rating band {band}: label is blank", zh: "第 {band} 个评级档：名称为空" },
  bandOrder: { en: "rating bands must run from the highest minimum down (band {band}: {min})", zh: "评级档须按起始分数从高到低排列（第 {band} 个档：{min}）" },
  weightsAllZero: { en: "weights are all zero", zh: "权重全部为零" },
  // --- the history sheet (history.ts, historyRecord.ts) ---------------------------------------------------------
  historyHeader: { en: "{cell}: {range} is not the history's header row ({expected})", zh: "{cell}：{range} 不是历史表的标题行（{expected}）" },
  historyPeriodBlank: { en: "{cell}: the period is blank", zh: "{cell}：期间为空" },
  historyLevel: { en: '{cell}: Level "{text}" is not KPI, Perspective or Overall', zh: "{cell}：层级“{text}”不是 指标、维度 或 综合" },
  historyNotNumber: { en: '{cell}: not a number ("{text}")', zh: "{cell}：不是数值（“{text}”）" },
  historyNoMetric: { en: "{cell}: a KPI row has no metric", zh: "{cell}：指标行缺少指标名称" },
  sheetChanged: { en: "The scorecard sheet is not as it was built ({detail}); refresh it, then record the period.", zh: "计分卡工作表已被改动（{detail}）；请先刷新，再记录本期。" },
  sheetNotLabel: { en: '{cell} is not "{text}"', zh: "{cell} 不是“{text}”" },
  sheetNoColumn: { en: 'row {row} has no "{name}" column', zh: "第 {row} 行没有“{name}”列" },
  sheetNotNumber: { en: "{cell} is not a number", zh: "{cell} 不是数值" },
  asOfNotDate: { en: 'asOf: "{value}" is not a date like 2025-03-31', zh: "asOf：“{value}”不是形如 2025-03-31 的日期" },
  perspectiveWeightsAllZero: { en: 'weights of perspective "{name}" are all zero', zh: '维度 "{name}" 的权重全部为零' },
} as const satisfies MessageArea;
