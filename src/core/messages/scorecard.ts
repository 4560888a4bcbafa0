/**
 * Messages of the scorecard core (src/core/scorecard): checks of the scoring options and of the plan's inputs,
 * the history sheet's problems, and what is wrong with a selected KPI table (table.ts and table/*: each problem
 * names its cells, `{address}: {problem}`; a role is a nested message, the sheet's header of its column, such
 * as `scorecardSheet.columnTarget`). plan.ts still throws three English-only messages (see `legacy.english`).
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
  // --- the KPI table (table.ts, table/*) ---------------------------------------------------------------------
  tableProblemAt: { en: "{address}: {problem}", zh: "{address}：{problem}" },
  /** A list of two or more items (`{rest}` may be a list itself), and a header quoted within one. */
  tableList: { en: "{first}, {rest}", zh: "{first}、{rest}" },
  tableQuoted: { en: '"{text}"', zh: "“{text}”" },
  tableUneven: { en: "the selected columns are not equally tall ({heights} rows)", zh: "所选各列行数不同（{heights} 行）" },
  tableMissingColumn: { en: "no column is mapped to {role} (headers: {headers})", zh: "没有列对应 {role}（表头：{headers}）" },
  tableColumnOutOfRange: { en: "{role} is mapped to column {column}, but the table has {count} columns", zh: "{role}对应第 {column} 列，但表格只有 {count} 列" },
  tableColumnTwice: { en: 'column "{header}" is mapped to both {other} and {role}', zh: "列“{header}”同时对应 {other} 和 {role}" },
  tableBlank: { en: "{role} is blank", zh: "{role}为空" },
  /** A blank perspective with no perspective above it to repeat. */
  tablePerspectiveBlank: { en: "Perspective is blank", zh: "维度 为空" },
  tableError: { en: "{role} is the error {error}", zh: "{role}是错误值 {error}" },
  tableText: { en: '{role} is text "{text}"', zh: "{role}是文本“{text}”" },
  /** A direction word that is neither: the words to use come from the word list `directions`. */
  tableDirection: { en: 'Direction "{text}" is neither {higherEn} nor {lowerEn} ({higherZh} / {lowerZh})', zh: "方向“{text}”不是 {higherZh} 或 {lowerZh}（{higherEn} / {lowerEn}）" },
  tableNegativeWeight: { en: "Weight is negative ({value})", zh: "权重 为负数（{value}）" },
  tableTargetIsThreshold: { en: "target equals threshold ({value})", zh: "目标值 等于 底线（{value}）" },
  tableThresholdAbove: { en: "threshold {threshold} is above target {target} on a higher-is-better KPI", zh: "越高越好的指标，底线 {threshold} 高于目标值 {target}" },
  tableThresholdBelow: { en: "threshold {threshold} is below target {target} on a lower-is-better KPI", zh: "越低越好的指标，底线 {threshold} 低于目标值 {target}" },
  tableTargetNotPositive: { en: "Target must be above 0 when there is no threshold (it is {value})", zh: "没有底线时 目标值 必须大于 0（现为 {value}）" },
  tableNoRows: { en: "the table has no KPI rows below its header row", zh: "表头下方没有指标行" },
  tablePerspectiveWeightsZero: { en: 'weights of perspective "{name}" are all zero', zh: "维度“{name}”的权重全部为零" },
} as const satisfies MessageArea;
