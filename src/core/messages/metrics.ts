/**
 * Messages of the metric functions (src/core/metrics, src/core/stats): domain checks and the names of the
 * quantities that `finite` reports as too large.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const METRICS = {
  // --- counts and totals ------------------------------------------------------------------------------------
  valueNotNegative: { en: "{where} is {value}; it must not be negative", zh: "{where}为 {value}，不能为负数" },
  exceeds: { en: "{arg} ({value}) exceed {other} ({otherValue})", zh: "{arg}（{value}）超过了 {other}（{otherValue}）" },
  keptExceedStart: { en: "endCustomers − newCustomers ({value}) exceed startCustomers ({start})", zh: "endCustomers − newCustomers（{value}）超过了 startCustomers（{start}）" },
  noCustomerIds: { en: "customerIds: there are no customer ids", zh: "customerIds：没有客户编号" },
  noNewCustomers: { en: "newCustomers: there are no new customers", zh: "newCustomers：没有新客户" },
  noLeads: { en: "leads: there are no leads", zh: "leads：没有潜在客户" },
  neverRecovered: { en: "marginPerPeriod: {value} is negative, so CAC is never recovered", zh: "marginPerPeriod：{value} 为负数，获客成本永远无法收回" },
  runningCostNegative: { en: "runningCosts: year {year} is {value}; costs must not be negative", zh: "runningCosts：第 {year} 年为 {value}；成本不能为负数" },

  // --- surveys ----------------------------------------------------------------------------------------------
  npsScore: { en: "{where} is {value}; NPS scores are whole numbers from 0 to 10", zh: "{where}是 {value}；NPS 得分须为 0 到 10 的整数" },
  npsCountsWhole: { en: "NPS counts must be whole numbers of responses, 0 or more", zh: "NPS 计数须为 0 或以上的整数（回答数）" },
  npsCountsSum: { en: "NPS counts: promoters + passives + detractors must equal responses", zh: "NPS 计数：推荐者 + 被动者 + 贬损者之和须等于回答数" },
  noResponses: { en: "{arg}: there are no responses", zh: "{arg}：没有回答" },
  scaleMax: { en: "scaleMax: {value} must be greater than 0", zh: "scaleMax：{value} 必须大于 0" },
  threshold: { en: "threshold: {value} must be greater than 0 and at most scaleMax ({scaleMax})", zh: "threshold：{value} 必须大于 0 且不超过 scaleMax（{scaleMax}）" },
  csatScore: { en: "{where} is {value}; scores must lie from 0 to scaleMax ({scaleMax})", zh: "{where}为 {value}；得分须在 0 到 scaleMax（{scaleMax}）之间" },
  probability: { en: "the probability {value} must lie strictly between 0 and 1", zh: "概率 {value} 必须严格介于 0 与 1 之间" },
  confidence: { en: "confidence: {value} must lie strictly between 0 and 1 (e.g. 0.95)", zh: "confidence：{value} 必须严格介于 0 与 1 之间（例如 0.95）" },

  // --- lifetime value -----------------------------------------------------------------------------------------
  retentionRange: { en: "retention: {value} must lie from 0 to 1", zh: "retention：{value} 必须在 0 到 1 之间" },
  discountRate: { en: "discountRate: {value} must be a finite number greater than −1", zh: "discountRate：{value} 必须是大于 −1 的有限数值" },
  timing: { en: "timing: {value} must be 0, 1 or 2", zh: "timing：{value} 必须是 0、1 或 2" },
  unlimitedHorizon: { en: "retention ({value}) must be below 1 + discountRate for an unlimited horizon", zh: "期限不限时，retention（{value}）必须小于 1 + discountRate" },
  periods: { en: "periods: {value} must be a whole number, 1 or more", zh: "periods：{value} 必须是 1 或以上的整数" },
  grossMargin: { en: "grossMargin: {value} must be a fraction of at most 1 (30% is 0.3)", zh: "grossMargin：{value} 必须是不超过 1 的比例（30% 即 0.3）" },

  // --- service ------------------------------------------------------------------------------------------------
  dateTimeNegative: { en: "{arg}: value {n} is {value}; date-times are not negative", zh: "{arg}：第 {n} 个值为 {value}；日期时间不能为负数" },
  respondedBeforeOpened: { en: "respondedAt: value {n} is earlier than its openedAt", zh: "respondedAt：第 {n} 个值早于对应的 openedAt" },
  noPairs: { en: "there are no complete openedAt/respondedAt pairs", zh: "没有完整的 openedAt/respondedAt 配对" },

  // --- quantities named by `finite` -----------------------------------------------------------------------
  totalOf: { en: "the total of {arg}", zh: "{arg} 的合计" },
  cac: { en: "CAC", zh: "获客成本（CAC）" },
  ltvCac: { en: "LTV:CAC", zh: "LTV:CAC" },
  payback: { en: "the payback period", zh: "回收期" },
  roi: { en: "ROI", zh: "投资回报率（ROI）" },
  tco: { en: "TCO", zh: "总拥有成本（TCO）" },
  eva: { en: "EVA", zh: "经济增加值（EVA）" },
  clv: { en: "CLV", zh: "客户终身价值（CLV）" },
  pairResponseTime: { en: "the response time of pair {n}", zh: "第 {n} 对的响应时间" },
  meanResponseTime: { en: "the mean response time", zh: "平均响应时间" },
  responseTime: { en: "the response time", zh: "响应时间" },
} as const satisfies MessageArea;
