/**
 * Messages of the "Buy Till You Die" models and the transaction-log summaries (src/core/btyd): customer and
 * transaction places, summary checks, fit failures and the cohort table's limits.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const BTYD = {
  // --- places -----------------------------------------------------------------------------------------------
  customer: { en: "customer", zh: "该客户" },
  customerNumber: { en: "customer {n}", zh: "第 {n} 位客户" },
  transactionNumber: { en: "transaction {n}", zh: "第 {n} 笔交易" },
  rowNumber: { en: "row {n}", zh: "第 {n} 行" },

  // --- transaction logs -------------------------------------------------------------------------------------
  perTransaction: { en: "{names} must have one value per transaction (got {counts})", zh: "{names} 必须每个交易各有一个值（实际为 {counts}）" },
  perCustomer: { en: "{names} must have one value per customer (got {counts})", zh: "{names} 必须每个客户各有一个值（实际为 {counts}）" },
  logEmpty: { en: "the transaction log is empty", zh: "交易记录为空" },
  dateBelow: { en: "dates: {where} has the date {date}; Excel dates are serials ≥ {min}", zh: "dates：{where}的日期为 {date}；Excel 日期是 ≥ {min} 的序列号" },
  dateOutside: { en: "dates: {where} has the date {date}; Excel dates are serials from 1 to 2958465 (9999-12-31)", zh: "dates：{where}的日期为 {date}；Excel 日期是 1 到 2958465（9999-12-31）之间的序列号" },
  cohortTooWide: { en: "the cohort table would be {columns} columns wide, more than the {maxColumns} of a sheet: the dates run from {first} to {last}; look for a mistyped date, or use a longer grain", zh: "同期群表将有 {columns} 列，超过工作表的 {maxColumns} 列：日期从 {first} 到 {last}；请检查是否有输错的日期，或改用更长的周期" },
  periodDays: { en: "periodDays must be > 0, got {value}", zh: "periodDays 必须大于 0，实际为 {value}" },
  asOfDate: { en: "asOfDate must be an Excel date ≥ 0, got {value}", zh: "asOfDate 必须是 ≥ 0 的 Excel 日期，实际为 {value}" },
  nothingBeforeAsOf: { en: "no transaction falls on or before the as-of date", zh: "截至日期当天或之前没有交易" },

  // --- customer summaries -----------------------------------------------------------------------------------
  customerInvalid: { en: "{where}: {problem}", zh: "{where}：{problem}" },
  frequencyWhole: { en: "frequency {value} is not a whole number ≥ 0", zh: "频次 {value} 不是 ≥ 0 的整数" },
  recencyNegative: { en: "recency {value} is negative", zh: "最近购买时间 {value} 为负数" },
  ageBelowRecency: { en: "T {age} is less than recency {recency} (both count from the first purchase)", zh: "T {age} 小于最近购买时间 {recency}（两者都从首次购买起算）" },
  recencyWithoutRepeat: { en: "recency is {value} with frequency 0; recency is the time of the last repeat purchase, 0 without one", zh: "频次为 0 时最近购买时间为 {value}；最近购买时间是最后一次重复购买的时间，没有重复购买时为 0" },
  perRow: { en: "{names} must have one value per row (got {counts})", zh: "{names} 必须每行各有一个值（实际为 {counts}）" },
  monetaryNegative: { en: "monetary {value} is negative", zh: "平均消费 {value} 为负数" },
  monetaryZero: { en: "monetary is 0 with repeat purchases; the Gamma-Gamma model needs positive spend", zh: "有重复购买但平均消费为 0；Gamma-Gamma 模型需要正的消费金额" },

  // --- discrete-time patterns (BG/BB) -------------------------------------------------------------------------
  periodsWhole: { en: "periods {value} is not a whole number ≥ 0", zh: "周期数 {value} 不是 ≥ 0 的整数" },
  frequencyAbovePeriods: { en: "frequency {x} is more than the {n} periods", zh: "频次 {x} 超过了周期数 {n}" },
  recencyWhole: { en: "recency {value} is not a whole number ≥ 0", zh: "最近交易期 {value} 不是 ≥ 0 的整数" },
  recencyWithoutTransaction: { en: "recency is {value} with frequency 0; recency is the period of the last transaction, 0 without one", zh: "频次为 0 时最近交易期为 {value}；最近交易期是最后一次交易所在的周期，没有交易时为 0" },
  recencyOutside: { en: "recency {tx} must lie between the frequency {x} and the {n} periods (the period of the last transaction)", zh: "最近交易期 {tx} 必须介于频次 {x} 与周期数 {n} 之间（最后一次交易所在的周期）" },
  countNegative: { en: "{where}: count {value} must be a number ≥ 0", zh: "{where}：人数 {value} 必须是 ≥ 0 的数" },
  futurePeriods: { en: "futurePeriods must be a whole number ≥ 0, got {value}", zh: "futurePeriods 必须是 ≥ 0 的整数，实际为 {value}" },

  // --- cohorts (sBG) ------------------------------------------------------------------------------------------
  activeTooShort: { en: "active needs the cohort at period 0 and at least two later periods (got {count} values)", zh: "active 需要第 0 期的群组人数以及至少两个后续周期（实际只有 {count} 个值）" },
  activeNegative: { en: "active: value {n} is {value}; the numbers active must be ≥ 0", zh: "active：第 {n} 个值为 {value}；活跃人数必须 ≥ 0" },
  activeIncreasing: { en: "active: value {n} ({value}) is more than the one before ({previous}); a cohort only shrinks", zh: "active：第 {n} 个值（{value}）大于前一个值（{previous}）；群组只会缩小" },
  activeEmpty: { en: "active: the cohort at period 0 is empty", zh: "active：第 0 期的群组为空" },
  survivalPeriod: { en: "t must be a whole number of periods ≥ 0, got {value}", zh: "t 必须是 ≥ 0 的整数周期数，实际为 {value}" },
  retentionPeriod: { en: "t must be a whole number of periods ≥ 1, got {value}", zh: "t 必须是 ≥ 1 的整数周期数，实际为 {value}" },
  discountRate: { en: "discountRate must be ≥ 0, got {value}", zh: "discountRate 必须 ≥ 0，实际为 {value}" },
  renewals: { en: "renewals must be a whole number ≥ 0, got {value}", zh: "renewals 必须是 ≥ 0 的整数，实际为 {value}" },
  lifetimeInfinite: { en: "with discountRate 0 the expected lifetime is infinite when alpha ≤ 1 (alpha = {alpha})", zh: "discountRate 为 0 且 alpha ≤ 1 时预期生命周期为无穷大（alpha = {alpha}）" },

  // --- parameters and options -------------------------------------------------------------------------------
  paramPositive: { en: "params: {model} {name} must be a positive number, got {value}", zh: "params：{model} 的 {name} 必须是正数，实际为 {value}" },
  penalizer: { en: "penalizer must be ≥ 0, got {value}", zh: "penalizer 必须 ≥ 0，实际为 {value}" },
  horizon: { en: "t must be a number of periods ≥ 0, got {value}", zh: "t 必须是 ≥ 0 的周期数，实际为 {value}" },
  months: { en: "months must be a whole number from 1 to 1200, got {value}", zh: "months 必须是 1 到 1200 之间的整数，实际为 {value}" },
  monthlyDiscount: { en: "monthlyDiscount must be greater than −1, got {value}", zh: "monthlyDiscount 必须大于 −1，实际为 {value}" },

  model: { en: 'model must be "bgnbd", "mbgnbd" or "pnbd", got "{value}"', zh: 'model 必须是 "bgnbd"、"mbgnbd" 或 "pnbd"，实际为 "{value}"' },

  // --- fits ---------------------------------------------------------------------------------------------------
  fitNoCustomers: { en: "{model} fit needs customers; the ranges hold none", zh: "{model} 拟合需要客户数据，但区域中没有" },
  fitNoRepeat: { en: "{model} fit is impossible: no customer has a repeat purchase (every frequency is 0)", zh: "无法拟合 {model}：没有客户重复购买（所有频次均为 0）" },
  fitSameCustomers: { en: "{model} fit is impossible: all customers have the same frequency, recency and T", zh: "无法拟合 {model}：所有客户的数据完全相同" },
  fitNoCount: { en: "{model} fit needs customers; the counts add up to 0", zh: "{model} 拟合需要客户数据，但人数合计为 0" },
  fitNoTransaction: { en: "{model} fit is impossible: no customer has a transaction (every frequency is 0)", zh: "无法拟合 {model}：没有客户发生交易（所有频次均为 0）" },
  fitOnePattern: { en: "{model} fit is impossible: all customers share one pattern of frequency, recency and periods", zh: "无法拟合 {model}：所有客户的频次、最近交易期与周期数完全相同" },
  fitNobodyLost: { en: "{model} fit is impossible: nobody was lost (the cohort never shrinks)", zh: "无法拟合 {model}：没有客户流失（群组从未缩小）" },
  fitAllLost: { en: "{model} fit is impossible: the whole cohort was lost in the first period", zh: "无法拟合 {model}：整个群组在第一期就全部流失" },
  fitSameRepeatBuyers: { en: "{model} fit is impossible: all repeat buyers have the same frequency and monetary value", zh: "无法拟合 {model}：所有重复购买客户的频次与平均消费完全相同" },
  fitDrift: { en: "{model} fit is impossible on this data: {drift} (the data do not identify the model; {hint})", zh: "无法在此数据上拟合 {model}：{drift}（数据无法识别该模型；{hint}）" },
  fitNotConverged: { en: "{model} fit did not converge ({status} after {iterations} iterations)", zh: "{model} 拟合未收敛（{iterations} 次迭代后：{status}）" },
  hintBgnbd: { en: "more customers, a longer history or a penalizer may help", zh: "更多客户、更长的历史数据或设置 penalizer 可能有帮助" },
  hintBgbb: { en: "more customers or more periods may help", zh: "更多客户或更多周期可能有帮助" },
  hintSbg: { en: "retention does not rise over time as the model assumes; constant retention (CRM.CLV) describes it", zh: "留存率并未像模型假设的那样随时间上升；应使用固定留存率（CRM.CLV）" },
  hintGammaGamma: { en: "more repeat buyers with varied spend may help", zh: "更多消费金额各不相同的重复购买客户可能有帮助" },

  // --- predictions --------------------------------------------------------------------------------------------
  populationMeanSpend: { en: "the population mean spend pγ/(q − 1) does not exist for q = {q} ≤ 1", zh: "q = {q} ≤ 1 时总体平均消费 pγ/(q − 1) 不存在" },
  spendNotExist: { en: "{where}: expected spend does not exist (p·x + q − 1 = {value} ≤ 0)", zh: "{where}：预期消费不存在（p·x + q − 1 = {value} ≤ 0）" },
  hypergeometric: { en: "the hypergeometric series 2F1({a}, {b}; {c}; {z}) did not converge", zh: "超几何级数 2F1({a}, {b}; {c}; {z}) 不收敛" },
  hypergeometricNearOne: { en: "the hypergeometric series near z = 1 did not converge (y = {y})", zh: "z = 1 附近的超几何级数不收敛（y = {y}）" },
  hypergeometricDiverges: { en: "2F1({a}, {b}; {c}; 1) diverges: c − a − b = {excess} is not positive", zh: "2F1({a}, {b}; {c}; 1) 发散：c − a − b = {excess} 不是正数" },
  pnbdSeries: { en: "the Pareto/NBD series did not converge (z = {z})", zh: "Pareto/NBD 级数不收敛（z = {z}）" },
  hypergeometricZ: { en: "2F1 is evaluated here only for z ≤ 1, got {z}", zh: "此处只对 z ≤ 1 计算 2F1，实际为 {z}" },
  hypergeometricC: { en: "2F1 is undefined for c = {c} (a non-positive integer)", zh: "c = {c}（非正整数）时 2F1 无定义" },

  // --- quantities named by `finite` -----------------------------------------------------------------------
  logLikelihood: { en: "the log-likelihood", zh: "对数似然值" },
  expectedPurchases: { en: "expected purchases", zh: "预期购买次数" },
  expectedSpend: { en: "expected spend", zh: "预期消费" },
  expectedTransactions: { en: "expected transactions", zh: "预期交易次数" },
  derl: { en: "DERL", zh: "DERL（折现预期剩余生命周期）" },
} as const satisfies MessageArea;
