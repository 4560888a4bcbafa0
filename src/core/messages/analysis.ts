/**
 * The customer analysis (src/core/analysis): its labels — segment, value-tier and lifecycle-stage names and the
 * marketing RFM header, part of the contract because people filter and count by them
 * (`=COUNTIF(E:E, "Important value")`), so change them only deliberately — and its checks of customer tables,
 * thresholds and purchase lists.
 */
import type { MessageArea } from "./types";

export const ANALYSIS = {
  // --- the eight RFM segments (DESIGN.md "RFM segments") -----------------------------------------------------
  segmentImportantValue: { en: "Important value", zh: "重要价值客户" },
  segmentImportantDevelopment: { en: "Important development", zh: "重要发展客户" },
  segmentImportantRetention: { en: "Important retention", zh: "重要保持客户" },
  segmentImportantWinBack: { en: "Important win-back", zh: "重要挽留客户" },
  segmentGeneralValue: { en: "General value", zh: "一般价值客户" },
  segmentGeneralDevelopment: { en: "General development", zh: "一般发展客户" },
  segmentGeneralRetention: { en: "General retention", zh: "一般保持客户" },
  segmentGeneralWinBack: { en: "General win-back", zh: "一般挽留客户" },

  // --- value tiers and lifecycle stages -----------------------------------------------------------------------
  tierHighValue: { en: "High value", zh: "高价值客户" },
  tierPotential: { en: "Potential", zh: "潜力客户" },
  tierGeneral: { en: "General", zh: "一般客户" },
  tierLowValue: { en: "Low value", zh: "低价值客户" },
  stageNew: { en: "New", zh: "新客户" },
  stageActive: { en: "Active", zh: "活跃客户" },
  stageAtRisk: { en: "At risk", zh: "风险客户" },
  stageLost: { en: "Lost", zh: "流失客户" },

  // --- the marketing RFM header (CRM.RFM's "marketing" layout) ------------------------------------------------
  headerCustomer: { en: "customer", zh: "客户" },
  headerFirstPurchase: { en: "first purchase", zh: "首次购买" },
  headerLastPurchase: { en: "last purchase", zh: "最近购买" },
  headerPurchases: { en: "purchases", zh: "购买次数" },
  headerTotalSpend: { en: "total spend", zh: "消费总额" },
  headerDaysSinceLast: { en: "days since last purchase", zh: "距最近购买天数" },

  // --- checks ---------------------------------------------------------------------------------------------------
  noCustomers: { en: "{names}: there are no customers", zh: "{names}：没有客户数据" },
  outOfRange: { en: "{where} is {value}; it must be {range}", zh: "{where}为 {value}；必须{range}" },
  rangeAtLeast: { en: "≥ {min}", zh: " ≥ {min}" },
  rangeBetween: { en: "from {min} to {max}", zh: "在 {min} 到 {max} 之间" },
  bins: {
    en: "bins must be a whole number from 2 to 9 (so that the code 100R + 10F + M is unambiguous), got {value}",
    zh: "bins 必须是 2 到 9 之间的整数（这样代码 100R + 10F + M 才不会混淆），实际为 {value}",
  },
  newDays: { en: "newDays must be a number of days ≥ 0, got {value}", zh: "newDays 必须是 ≥ 0 的天数，实际为 {value}" },
  probability: {
    en: "{arg} must be a probability from 0 to 1, got {value}",
    zh: "{arg} 必须是 0 到 1 之间的概率，实际为 {value}",
  },
  lostAboveAtRisk: {
    en: "lost ({lost}) must not exceed atRisk ({atRisk})",
    zh: "lost（{lost}）不得大于 atRisk（{atRisk}）",
  },
  perRow: {
    en: "{names} must have one value per row (got {counts})",
    zh: "{names} 必须每行各有一个值（实际为 {counts}）",
  },
  noCategory: { en: "categories: no customer has a category", zh: "categories：没有任何客户有品类" },
} as const satisfies MessageArea;
