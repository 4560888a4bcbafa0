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

  // --- the analysis sheet ---------------------------------------------------------------------------------------
  sheetName: { en: "Customer analysis", zh: "客户分析" },
  sheetTitle: { en: "Customer analysis", zh: "客户分析" },
  sheetAsOf: { en: "As of", zh: "截止日期" },
  sheetPeriodDays: { en: "Model time unit (days)", zh: "模型时间单位（天）" },
  sheetTransactions: { en: "Transactions analysed", zh: "分析的交易笔数" },
  sheetKpis: { en: "Headline KPIs", zh: "核心指标" },
  kpiCustomers: { en: "Customers", zh: "客户数" },
  kpiActive: { en: "Active customers (New + Active)", zh: "活跃客户数（新客户 + 活跃客户）" },
  kpiRepeatRate: { en: "Repeat purchase rate (2 or more purchase days)", zh: "重复购买率（购买天数 ≥ 2）" },
  kpiHighValueShare: { en: "High-value share", zh: "高价值客户占比" },
  kpiAtRiskShare: { en: "At-risk share", zh: "风险客户占比" },
  kpiCrossSell: { en: "Cross-selling rate", zh: "交叉销售成功率" },
  kpiRevenue: { en: "Predicted {months}-month revenue (sum of CLV)", zh: "预测未来 {months} 个月收入（CLV 之和）" },
  kpiRevenuePerCustomer: {
    en: "Predicted {months}-month revenue per customer",
    zh: "每位客户预测未来 {months} 个月收入",
  },
  kpiNeedsModel: { en: "needs a purchase model (see Models)", zh: "需要购买模型（见“模型”）" },
  kpiNeedsCategories: { en: "needs a category column", zh: "需要品类列" },
  sheetModels: { en: "Models", zh: "模型" },
  modelName: { en: "Model", zh: "模型" },
  modelLogLikelihood: { en: "Log-likelihood", zh: "对数似然值" },
  modelParameters: { en: "Parameters", zh: "参数" },
  modelRole: { en: "Use", zh: "用途" },
  modelChosen: { en: "chosen: the higher log-likelihood", zh: "选用：对数似然值较高" },
  modelCandidate: { en: "candidate", zh: "备选" },
  modelComparison: { en: "for comparison", zh: "用于比较" },
  modelSpend: { en: "spend per purchase", zh: "每次购买的消费额" },
  modelNotFitted: { en: "not fitted: {reason}", zh: "未能拟合：{reason}" },
  modelNone: {
    en: "No purchase model could be fitted, so P(alive), predictions, value tiers and lifecycle stages are left out; the RFM, scores, segments and cohorts need none.",
    zh: "无法拟合任何购买模型，因此未给出存活概率、预测、价值分层和生命周期阶段；RFM、评分、细分和客户群组分析不需要模型。",
  },
  sheetBreaks: { en: "RFM score breaks (PERCENTILE.INC)", zh: "RFM 评分分界点（PERCENTILE.INC）" },
  breakLabel: { en: "break {j} of {bins}", zh: "第 {j} 个分界点（共 {bins} 档）" },
  splitMean: { en: "segment split (mean)", zh: "细分分界值（平均值）" },
  splitMedian: { en: "segment split (median)", zh: "细分分界值（中位数）" },
  sheetSegments: { en: "RFM segments", zh: "RFM 客户细分" },
  sheetTiers: { en: "Value tiers", zh: "客户价值分层" },
  sheetStages: { en: "Lifecycle stages", zh: "客户生命周期阶段分布" },
  columnCustomers: { en: "Customers", zh: "客户数" },
  columnShare: { en: "Share", zh: "占比" },
  sheetTop: { en: "Top {count} customers by {months}-month CLV", zh: "未来 {months} 个月 CLV 最高的 {count} 位客户" },
  sheetWarning: {
    en: "Churn early warning: the {count} at-risk customers with the highest CLV",
    zh: "客户流失预警：CLV 最高的 {count} 位风险客户",
  },
  columnRank: { en: "Rank", zh: "排名" },
  sheetCohorts: {
    en: "Cohort retention: share of each first-purchase month buying in month n",
    zh: "客户群组留存：各首次购买月份的客户在第 n 个月购买的比例",
  },
  columnCohort: { en: "Cohort", zh: "客户群组" },
  columnMonth: { en: "Month {n}", zh: "第 {n} 月" },
  sheetTable: { en: "Customers", zh: "客户明细" },
  columnDaysSinceFirst: { en: "days since first purchase", zh: "距首次购买天数" },
  columnR: { en: "R score", zh: "R 评分" },
  columnF: { en: "F score", zh: "F 评分" },
  columnM: { en: "M score", zh: "M 评分" },
  columnCode: { en: "RFM code", zh: "RFM 代码" },
  columnSegment: { en: "segment", zh: "客户细分" },
  columnTier: { en: "value tier", zh: "价值分层" },
  columnPAlive: { en: "P(alive)", zh: "存活概率" },
  columnExpected: { en: "expected purchases, next {days} days", zh: "未来 {days} 天预期购买次数" },
  columnClv: { en: "{months}-month CLV", zh: "{months} 个月 CLV" },
  columnStage: { en: "lifecycle stage", zh: "生命周期阶段" },
  columnCategories: { en: "categories bought", zh: "购买品类数" },
  columnClvRank: { en: "CLV rank", zh: "CLV 排名" },
  columnWarningRank: { en: "warning rank", zh: "预警排名" },

  // --- reading a transaction log (the command line) --------------------------------------------------------
  wordsCustomer: {
    en: "customer|customer id|customerid|customer_id|client|client id|member|member id",
    zh: "客户|客户编号|客户id|客户号|客户代码|会员|会员id|会员编号",
  },
  wordsDate: {
    en: "date|order date|purchase date|transaction date|day",
    zh: "日期|交易日期|购买日期|订单日期|下单日期",
  },
  wordsAmount: {
    en: "amount|value|sales|revenue|spend|dollar_value|total",
    zh: "金额|交易金额|消费金额|销售额|订单金额|实付金额",
  },
  wordsCategory: {
    en: "category|product category|product type",
    zh: "品类|类别|产品类别|商品类别|商品品类",
  },
  logColumnCustomer: { en: "customer", zh: "客户" },
  logColumnDate: { en: "date", zh: "日期" },
  logColumnAmount: { en: "amount", zh: "金额" },
  logColumnCategory: { en: "category", zh: "品类" },
  logMissingColumn: {
    en: "no {column} column: the header row must name the customer, date and amount columns (for example customer, date, amount)",
    zh: "缺少{column}列：标题行须写明客户、日期和金额列（例如 客户、日期、金额）",
  },
  logNoTransactions: { en: "the log has a header row but no transactions", zh: "交易记录只有标题行，没有交易" },
  logBlank: {
    en: "{cell} ({column}) is blank but its row has other values",
    zh: "{cell}（{column}）为空，但该行其他单元格有值",
  },
  logAmountText: {
    en: '{cell} ({column}) is the text "{text}"; amounts must be numbers (in Excel, VALUE converts text to numbers)',
    zh: "{cell}（{column}）是文本“{text}”；金额须为数值（在 Excel 中可用 VALUE 把文本转换为数值）",
  },
  logDateText: {
    en: '{cell} ({column}) is the text "{text}", not a date: write dates as YYYY-MM-DD or as spreadsheet dates (in Excel, DATEVALUE converts text to dates)',
    zh: "{cell}（{column}）是文本“{text}”，不是日期：请把日期写成 YYYY-MM-DD 或电子表格日期（在 Excel 中可用 DATEVALUE 把文本转换为日期）",
  },
  logDateNumber: { en: "{cell} ({column}) is {value}, not a date", zh: "{cell}（{column}）为 {value}，不是日期" },
  logNotValue: { en: "{cell} ({column}) holds {value}", zh: "{cell}（{column}）的值为 {value}" },
  logMore: { en: "… and {count} more problems", zh: "……另有 {count} 个问题" },
  cliWrote: {
    en: 'Wrote {file}: sheet "{sheet}", {customers} customers from {transactions} transactions as of {asOf}',
    zh: "已写入 {file}：工作表“{sheet}”，截至 {asOf} 共 {transactions} 笔交易、{customers} 位客户",
  },
  cliModel: {
    en: "model: {model} (log-likelihood {ll}); high-value share {high}, at-risk share {atRisk}",
    zh: "模型：{model}（对数似然值 {ll}）；高价值客户占比 {high}，风险客户占比 {atRisk}",
  },
  cliNoModel: {
    en: "no purchase model could be fitted: the file shows what needs none",
    zh: "无法拟合购买模型：文件只包含不需要模型的部分",
  },
  // --- the live analysis sheet (the task pane: CRM formulas over the log) ----------------------------------
  liveSource: { en: "Transaction log: {address}", zh: "交易记录：{address}" },
  liveNote: {
    en: "Live CRM formulas over the log: the sheet follows the log when it changes; the as-of date (B2) and the time unit in days (B3) can be edited.",
    zh: "基于交易记录的实时 CRM 公式：交易记录变化时本表随之更新；截止日期（B2）和时间单位天数（B3）可以修改。",
  },
  liveParameters: { en: "parameters, then log-likelihood", zh: "参数，最后为对数似然值" },
  liveModelUsed: { en: "Model used and its parameters", zh: "所用模型及其参数" },
  liveCohortsAt: {
    en: "Cohort retention: from cell {cell}, right of the customer table",
    zh: "客户群组留存：见单元格 {cell}（客户明细右侧）",
  },
  liveModelInputs: {
    en: "Model inputs (CRM.RFM, in periods of B3 days)",
    zh: "模型输入（CRM.RFM，以 B3 天为一期）",
  },
  columnTableRow: { en: "row in table", zh: "表中序号" },
  chartCohorts: { en: "Cohort retention curves", zh: "客户群组留存曲线" },
} as const satisfies MessageArea;
