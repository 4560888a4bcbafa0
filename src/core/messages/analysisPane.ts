/**
 * The task pane's customer-analysis section (src/taskpane/analysis): its controls, notes and outcomes, the
 * problems of a log that CRM formulas could not read (dates typed as text or as digits), and the KPI table it
 * makes for the scorecard.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const ANALYSIS_PANE = {
  // --- choosing the log ---------------------------------------------------------------------------------------
  useSelection: { en: "Use selection", zh: "使用所选区域" },
  useSelectionHelp: { en: "Select the transaction log with its header row: customer, date, amount and, if you have one, category.", zh: "请选择带标题行的交易记录：客户、日期、金额，以及（如有）品类。" },
  reading: { en: "Reading the selection…", zh: "正在读取所选区域……" },
  noExcel: { en: "Excel is not available here.", zh: "此处无法使用 Excel。" },
  selectionEmpty: { en: "The selection holds no values: select the transaction log, with its header row.", zh: "所选区域没有数值：请选择交易记录（含标题行）。" },
  selectionFailed: { en: "The selection could not be read: {detail}", zh: "无法读取所选区域：{detail}" },
  source: { en: "Log: {address} ({rows} rows below the header)", zh: "交易记录：{address}（标题行下 {rows} 行）" },
  mappingTitle: { en: "Columns", zh: "列" },
  mappingHelp: { en: "Detected from the headers; change any column here.", zh: "根据标题行识别；可在此更改。" },
  required: { en: "{name} (required)", zh: "{name}（必填）" },
  notUsed: { en: "— not used —", zh: "— 不使用 —" },
  blankHeader: { en: "(blank)", zh: "（空）" },
  problemsTitle: { en: "Problems: {count} — nothing will be written until they are fixed", zh: "问题：{count} 个——修正之前不会写入任何内容" },
  noProblems: { en: "No problems found.", zh: "未发现问题。" },
  notesTitle: { en: "Notes", zh: "说明" },
  dateText: { en: '{cell} ({column}) is the text "{text}", not a date: CRM formulas need real dates. Convert the column (select it, Data → Text to Columns → Finish, or =DATEVALUE({cell}) in a helper column), then press Use selection again', zh: "{cell}（{column}）是文本“{text}”，不是日期：CRM 公式需要真正的日期。请转换该列（选中该列，数据 → 分列 → 完成；或在辅助列中使用 =DATEVALUE({cell})），然后再次点击“使用所选区域”" },
  dateDigits: { en: "{cell} ({column}) is {value}, a date written as digits: CRM formulas need real dates. Convert it in a helper column with =DATE(LEFT({cell},4),MID({cell},5,2),RIGHT({cell},2))", zh: "{cell}（{column}）为 {value}，是以数字书写的日期：CRM 公式需要真正的日期。请在辅助列中用 =DATE(LEFT({cell},4),MID({cell},5,2),RIGHT({cell},2)) 转换" },
  afterAsOf: { en: "{count} transactions after the as-of date are left out", zh: "截止日期之后的 {count} 笔交易不计入" },
  refunds: { en: "{count} negative amounts count as refunds: netted into their day's total (purchases count days)", zh: "{count} 笔负金额按退款处理：计入当天的净额（购买次数按天计）" },
  blankRows: { en: "{count} blank rows are skipped", zh: "已跳过 {count} 个空行" },
  singleCustomer: { en: "The log has a single customer: models, shares and splits say little about one customer", zh: "交易记录只有一位客户：模型、占比和分界对一位客户意义不大" },
  noModel: { en: "No purchase model could be fitted ({reason}): the sheet shows the RFM, scores, segments and cohorts, which need none", zh: "无法拟合购买模型（{reason}）：工作表只显示不需要模型的 RFM、评分、细分和群组" },
  noSpend: { en: "No spend model ({reason}): CLV, value tiers and the lists are left out", zh: "没有消费金额模型（{reason}）：未包含 CLV、价值分层和名单" },

  // --- options ----------------------------------------------------------------------------------------------
  optionsTitle: { en: "Options", zh: "选项" },
  asOf: { en: "As-of date", zh: "截止日期" },
  asOfHelp: { en: "Default: the last date in the log ({date}).", zh: "默认：交易记录中的最后日期（{date}）。" },
  asOfInvalid: { en: 'As-of date: "{text}" is not a date (YYYY-MM-DD)', zh: "截止日期：“{text}”不是日期（YYYY-MM-DD）" },
  unit: { en: "Time unit of the models", zh: "模型的时间单位" },
  unitDay: { en: "days", zh: "天" },
  unitWeek: { en: "weeks", zh: "周" },
  unitMonth: { en: "months (30 days)", zh: "月（30 天）" },

  // --- build and outcome ------------------------------------------------------------------------------------
  build: { en: "Build analysis", zh: "生成客户分析" },
  building: { en: "Building the analysis… ({done} of {total} steps)", zh: "正在生成客户分析……（第 {done} / {total} 步）" },
  built: { en: 'Built "{sheet}": {customers} customers from {transactions} transactions ({syncs} syncs, {seconds} s).', zh: "已生成“{sheet}”：{transactions} 笔交易、{customers} 位客户（{syncs} 次同步，{seconds} 秒）。" },
  open: { en: 'Open "{sheet}"', zh: "打开“{sheet}”" },
  kpiButton: { en: "Create KPI table for the scorecard", zh: "为计分卡创建 KPI 表" },
  kpiBusy: { en: "Creating the KPI table…", zh: "正在创建 KPI 表……" },
  kpiBuilt: { en: 'Created "{sheet}": {count} KPIs linked to "{analysis}". Fill in the targets, then select it and build the scorecard.', zh: "已创建“{sheet}”：{count} 个指标链接到“{analysis}”。请填写目标值，然后选中该表生成计分卡。" },
  kpiSheetName: { en: "KPI table", zh: "KPI 表" },
  kpiPerspective: { en: "Customer", zh: "客户" },
  kpiHigher: { en: "higher", zh: "越高越好" },
  kpiLower: { en: "lower", zh: "越低越好" },
  errorWrite: { en: 'Writing failed: {detail}. The half-built sheet "{sheet}" was removed; nothing else was changed.', zh: "写入失败：{detail}。已删除未完成的工作表“{sheet}”；其他内容均未更改。" },
  errorLeft: { en: 'Writing failed: {detail}. Not everything it had added could be removed ({cleanup}). Still in the workbook: the sheet "{sheet}" (delete it if nobody uses it).', zh: "写入失败：{detail}。未能删除其添加的全部内容（{cleanup}）。仍留在工作簿中的有：工作表“{sheet}”（如无人使用请删除）。" },
  errorTaken: { en: 'Nothing was written: a sheet named "{sheet}" was added meanwhile (someone else may be editing the workbook). Try again.', zh: "未写入任何内容：在此期间有人添加了名为“{sheet}”的工作表（可能有其他人正在编辑工作簿）。请重试。" },
  errorSource: { en: "The log could not be read again ({detail}): nothing was written.", zh: "无法再次读取交易记录（{detail}）：未写入任何内容。" },
  errorMissing: { en: "The analysis sheet is no longer in the workbook: build the analysis again.", zh: "工作簿中已没有该客户分析工作表：请重新生成客户分析。" },
  errorOther: { en: "Something went wrong ({detail}): nothing was written.", zh: "出现错误（{detail}）：未写入任何内容。" },
} as const satisfies MessageArea;
