/**
 * Messages of the scorecard core (src/core/scorecard): checks of the scoring options and of the plan's inputs.
 * The sheet's fixed labels and the KPI table's problems keep their own texts for now (labels.ts, table.ts), and
 * plan.ts still throws three English-only messages (see `legacy.english`); both move here in issue 9's second phase.
 */
import type { MessageArea } from "./types";

export const SCORECARD = {
  cap: {
    en: "cap must be between 1 (100%) and 100, not {value}",
    zh: "达成率上限必须在 1（100%）到 100 之间，而不是 {value}",
  },
  statusThresholds: {
    en: "status thresholds must satisfy 0 ≤ near ({near}) ≤ on target ({onTarget})",
    zh: "状态分数线须满足 0 ≤ 接近目标（{near}）≤ 达标（{onTarget}）",
  },
  noRatingBand: { en: "there must be at least one rating band", zh: "至少需要一个评级档" },
  bandMinimum: { en: "rating band {band}: minimum is not a number", zh: "第 {band} 个评级档：起始分数不是数值" },
  bandLabel: { en: "rating band {band}: label is blank", zh: "第 {band} 个评级档：名称为空" },
  bandOrder: {
    en: "rating bands must run from the highest minimum down (band {band}: {min})",
    zh: "评级档须按起始分数从高到低排列（第 {band} 个档：{min}）",
  },
  weightsAllZero: { en: "weights are all zero", zh: "权重全部为零" },
  asOfNotDate: {
    en: 'asOf: "{value}" is not a date like 2025-03-31',
    zh: "asOf：“{value}”不是形如 2025-03-31 的日期",
  },
  perspectiveWeightsAllZero: {
    en: 'weights of perspective "{name}" are all zero',
    zh: '维度 "{name}" 的权重全部为零',
  },
} as const satisfies MessageArea;
