/**
 * Texts of the scorecard section of the task pane (src/taskpane/scorecard): Use selection and the columns, the
 * preview and the problems, the options, Build and what it came to (or what went wrong, and what is left of it),
 * the workbook's scorecards with Open, Refresh and Record this period, the confirmation before a recorded period
 * is replaced, and a history that could not be read. The section renders every text it shows from here.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SCORECARD_PANE = {
  // --- choosing the table ---------------------------------------------------------------------------------------
  useSelection: { en: "Use selection", zh: "使用所选区域" },
  useSelectionHelp: { en: "Several equally tall columns picked with Ctrl+click work too.", zh: "也可以按住 Ctrl 选择几列等高的列。" },
  reading: { en: "Reading the selection…", zh: "正在读取所选区域…" },
  noExcel: { en: "Excel is not available here.", zh: "此处无法使用 Excel。" },
  selectionFailed: { en: "The selection could not be read: {detail}.", zh: "无法读取所选区域：{detail}。" },
  selectionEmpty: { en: "The selection holds no values: select the KPI table, with its header row.", zh: "所选区域没有任何值：请选择 KPI 表（包括标题行）。" },
  source: { en: "Source: {address} ({rows} rows below the header)", zh: "数据来源：{address}（标题行下 {rows} 行）" },

  // --- the columns ----------------------------------------------------------------------------------------------
  mappingTitle: { en: "Columns", zh: "列" },
  mappingHelp: { en: "Detected from the headers; change any role here.", zh: "根据标题自动识别；可在此更改各列的角色。" },
  quoted: { en: '"{text}"', zh: "“{text}”" },
  listSeparator: { en: ", ", zh: "、" },
  unrecognised: { en: "Headers not recognised: {headers}. If one of these columns has a role, choose it above.", zh: "未识别的标题：{headers}。如其中某列有对应的角色，请在上方选择。" },
  noHeaderRow: { en: "{address}: no cell of this row is a header the builder knows ({known}, …): the header row may be missing from the selection. Select the table with its header row and press Use selection again, or choose the columns above.", zh: "{address}：此行没有生成器认识的标题（{known}等），所选区域可能缺少标题行。请选择包括标题行的表格，然后再次按“使用所选区域”；或在上方为各列选择角色。" },
  notUsed: { en: "— not used —", zh: "— 不使用 —" },
  required: { en: "{role} (required)", zh: "{role}（必填）" },
  blankHeader: { en: "(blank)", zh: "（空）" },

  // --- preview and problems -------------------------------------------------------------------------------------
  previewTitle: { en: "Preview (first {n} rows)", zh: "预览（前 {n} 行）" },
  problemsOne: { en: "{n} problem — nothing will be written until it is fixed", zh: "{n} 个问题——修正之前不会写入任何内容" },
  problemsMany: { en: "{n} problems — nothing will be written until they are fixed", zh: "{n} 个问题——修正之前不会写入任何内容" },
  noProblems: { en: "No problems found.", zh: "未发现问题。" },

  // --- the options ----------------------------------------------------------------------------------------------
  optionsTitle: { en: "Options", zh: "选项" },
  cap: { en: "Achievement cap (%)", zh: "达成率上限（%）" },
  onTarget: { en: "On target from score", zh: "达标分数线" },
  near: { en: "Near target from score", zh: "接近目标分数线" },
  bands: { en: "Rating bands", zh: "评级区间" },
  bandLabel: { en: "Label", zh: "名称" },
  bandMin: { en: "From score", zh: "起始分数" },
  mode: { en: "Inputs", zh: "输入值" },
  live: { en: "Live link (formulas refer to the source cells)", zh: "链接源数据（公式引用源单元格）" },
  snapshot: { en: "Snapshot (values copied into the scorecard)", zh: "快照（将数值复制到计分卡）" },
  language: { en: "Sheet language", zh: "工作表语言" },
  languageAuto: { en: "Same as the headers ({detected})", zh: "与标题相同（{detected}）" },
  languageEnglish: { en: "English", zh: "英文" },
  languageChinese: { en: "Chinese", zh: "中文" },
  resetBands: { en: "Default bands", zh: "恢复默认区间" },
  period: { en: "Period", zh: "期间" },
  periodHelp: { en: "Blank: the calendar quarter of the as-of date ({example}).", zh: "留空：截至日期所在的季度（{example}）。" },

  // --- what is wrong with a typed option ------------------------------------------------------------------------
  notANumber: { en: '{what}: "{text}" is not a number', zh: "{what}：“{text}”不是数字" },
  capRange: { en: "{what}: must be from 100 to 10,000, not {text}", zh: "{what}：须在 100 到 10000 之间，当前为 {text}" },
  notNegative: { en: "{what}: must be 0 or more, not {text}", zh: "{what}：不能小于 0，当前为 {text}" },
  nearRange: { en: "{what}: must be from 0 up to the on-target score ({onTarget}), not {text}", zh: "{what}：须在 0 到达标分数线（{onTarget}）之间，当前为 {text}" },
  band: { en: "band {n}", zh: "第 {n} 档" },
  bandNamed: { en: "band {n} ({label})", zh: "第 {n} 档（{label}）" },
  bandLabelBlank: { en: "{what}: the label is blank", zh: "{what}：名称为空" },
  bandOrder: { en: "{what}: its score must be below the band above ({above}), not {text}", zh: "{what}：起始分数须低于上一档（{above}），当前为 {text}" },
  periodNotQuarter: { en: 'Period: "{text}" reads as a quarter, but a year has only Q1 to Q4', zh: "期间：“{text}”看起来是季度，但一年只有第1至第4季度" },

  // --- Build ----------------------------------------------------------------------------------------------------
  build: { en: "Build scorecard", zh: "生成计分卡" },
  buildAgain: { en: "Build a second scorecard", zh: "再生成一份计分卡" },
  needSelection: { en: "Select the KPI table with its header row, then press Use selection.", zh: "请先选择包括标题行的 KPI 表，然后按“使用所选区域”。" },
  needFixes: { en: "Build waits until the problems above are fixed.", zh: "请先修正上面的问题，然后才能生成。" },
  needOptions: { en: "Build waits until the options are fixed.", zh: "请先修正选项，然后才能生成。" },
  alreadyBuilt: { en: '"{sheet}" was built from this table. Building again adds a second scorecard sheet; to update "{sheet}", refresh it instead.', zh: "“{sheet}”已由此表生成。再次生成会新增第二个计分卡工作表；如需更新“{sheet}”，请改为刷新它。" },
  progressBuild: { en: "Building the scorecard", zh: "正在生成计分卡" },
  progressRefresh: { en: 'Refreshing "{sheet}"', zh: "正在刷新“{sheet}”" },
  stepCheck: { en: "Checking the workbook…", zh: "正在检查工作簿…" },
  stepRead: { en: "Reading the source cells…", zh: "正在读取源单元格…" },
  stepWrite: { en: "Writing the scorecard sheet…", zh: "正在写入计分卡工作表…" },
  stepCleanup: { en: "Removing the half-built sheet…", zh: "正在删除未完成的工作表…" },
  stepCommit: { en: "Replacing the old sheet…", zh: "正在替换旧工作表…" },
  stepDone: { en: "Done.", zh: "完成。" },

  // --- what a Build or Refresh came to --------------------------------------------------------------------------
  built: { en: 'Built "{sheet}": {kpis} KPIs, overall score {score} ({rating}).', zh: "已生成“{sheet}”：{kpis} 个指标，综合得分 {score}（{rating}）。" },
  refreshed: { en: 'Refreshed "{sheet}": overall score {score} ({rating}).', zh: "已刷新“{sheet}”：综合得分 {score}（{rating}）。" },
  open: { en: 'Open "{sheet}"', zh: "打开“{sheet}”" },
  skipped: { en: "Not available in this version of Excel, left out: {features}.", zh: "此版本的 Excel 不支持，已略过：{features}。" },
  featureColumnWidths: { en: "column widths", zh: "列宽" },
  featureNames: { en: "workbook names", zh: "工作簿名称" },
  featureSettingsIndex: { en: "settings copy", zh: "设置副本" },
  featureConditionalFormats: { en: "conditional formatting", zh: "条件格式" },
  featureFreezePanes: { en: "frozen header", zh: "冻结标题" },
  featureChartSeries: { en: "chart labels", zh: "图表标签" },
  featureChartAxisFormat: { en: "chart axis format", zh: "图表坐标轴格式" },
  featurePageLayout: { en: "print layout", zh: "打印布局" },
  problemsAtBuild: { en: "The source changed since it was read and now has problems; nothing was written.", zh: "读取后源数据已更改，现在存在问题；未写入任何内容。" },

  // --- a Build or Refresh that failed ---------------------------------------------------------------------------
  errorTaken: { en: "Nothing was written: the workbook changed ({detail}). Try again.", zh: "未写入任何内容：工作簿已更改（{detail}）。请重试。" },
  errorSheetTaken: { en: 'Nothing was written: a sheet named "{sheet}" was added to the workbook meanwhile (someone else may be editing it). That sheet was left as it is. Try again.', zh: "未写入任何内容：在此期间工作簿中新增了名为“{sheet}”的工作表（可能有其他人正在编辑）。该工作表保持原样。请重试。" },
  errorSource: { en: "The source cells could not be read ({detail}). Nothing was written.", zh: "无法读取源单元格（{detail}）。未写入任何内容。" },
  errorSourceGone: { en: 'The sheet "{sheet}" that holds the table was not found: it may have been renamed or deleted. Select the table and press Use selection again. Nothing was written.', zh: "找不到表格所在的工作表“{sheet}”：它可能已被重命名或删除。请选择表格，然后再次按“使用所选区域”。未写入任何内容。" },
  errorRefreshSourceGone: { en: 'The sheet "{sheet}" that this scorecard reads was not found: it may have been renamed or deleted. Select the table, press Use selection again and build a new scorecard. Nothing was written.', zh: "找不到此计分卡读取的工作表“{sheet}”：它可能已被重命名或删除。请选择表格，再次按“使用所选区域”，然后生成新的计分卡。未写入任何内容。" },
  errorMissing: { en: 'The scorecard sheet "{sheet}" no longer exists. Nothing was written.', zh: "计分卡工作表“{sheet}”已不存在。未写入任何内容。" },
  errorWriteRemoved: { en: 'Writing the scorecard failed: {detail}. The half-built sheet "{sheet}" was removed; nothing else was changed.', zh: "写入计分卡失败：{detail}。已删除未完成的工作表“{sheet}”，其他内容均未更改。" },
  errorWriteNothingAdded: { en: 'Writing the scorecard failed: {detail}. The sheet "{sheet}" could not be added; nothing was changed.', zh: "写入计分卡失败：{detail}。无法添加工作表“{sheet}”，未更改任何内容。" },
  errorWriteLeft: { en: "Writing the scorecard failed: {detail}. Not everything it had added could be removed ({why}). Still in the workbook: {left}.", zh: "写入计分卡失败：{detail}。未能删除其添加的全部内容（{why}）。仍留在工作簿中的有：{left}。" },
  changedMeanwhile: { en: "the workbook changed meanwhile, so they may not be this build's alone", zh: "在此期间工作簿已被更改，这些内容可能不只属于本次生成" },
  leftSheet: { en: 'the sheet "{sheet}" (delete it if nobody uses it)', zh: "工作表“{sheet}”（如无人使用请删除）" },
  leftNames: { en: "the workbook names {names} (Formulas › Name Manager)", zh: "工作簿名称 {names}（公式 › 名称管理器）" },
  leftSetting: { en: "a copy of the scorecard's settings in the workbook (harmless)", zh: "工作簿中的一份计分卡设置副本（无害）" },
  leftSeparator: { en: "; ", zh: "；" },
  errorCommit: { en: 'The refreshed scorecard is on sheet "{sheet}", but replacing "{old}" failed: {detail}.', zh: "刷新后的计分卡位于工作表“{sheet}”，但替换“{old}”失败：{detail}。" },
  errorCommitRename: { en: 'The refreshed scorecard is on sheet "{sheet}" and the old sheet was removed, but naming it "{old}" failed ({detail}).', zh: "刷新后的计分卡位于工作表“{sheet}”，旧工作表已删除，但无法将其命名为“{old}”（{detail}）。" },
  errorCommitNames: { en: '"{old}" was refreshed, but updating its workbook names or its settings copy failed ({detail}).', zh: "“{old}”已刷新，但更新其工作簿名称或设置副本失败（{detail}）。" },
  errorOptions: { en: "The options are not valid: {detail}. Nothing was written.", zh: "选项无效：{detail}。未写入任何内容。" },
  errorOther: { en: "Something went wrong: {detail}.", zh: "出现错误：{detail}。" },

  // --- the workbook's scorecards --------------------------------------------------------------------------------
  listTitle: { en: "Scorecards in this workbook", zh: "本工作簿中的计分卡" },
  reloadList: { en: "Reload list", zh: "重新加载列表" },
  listEmpty: { en: "No scorecards yet.", zh: "尚无计分卡。" },
  listLoading: { en: "Looking for scorecards…", zh: "正在查找计分卡…" },
  listFailed: { en: "The list could not be read: {detail}.", zh: "无法读取列表：{detail}。" },
  listItem: { en: "as of {asOf} · from {source}", zh: "截至 {asOf} · 来源 {source}" },
  fromIndex: { en: "(settings from the workbook copy)", zh: "（设置取自工作簿副本）" },
  openSheet: { en: "Open", zh: "打开" },
  refresh: { en: "Refresh", zh: "刷新" },
  refreshNamed: { en: 'Refresh "{sheet}"', zh: "刷新“{sheet}”" },
  refreshHelp: { en: "Rebuild from the stored settings and today's source cells", zh: "按已保存的设置和当前源数据重新生成" },

  // --- Record this period ---------------------------------------------------------------------------------------
  record: { en: "Record this period", zh: "记录本期" },
  recordNamed: { en: 'Record this period of "{sheet}"', zh: "记录本期（“{sheet}”）" },
  recordHelp: { en: "Append this scorecard's values to the history sheet (as values; earlier periods are never rewritten)", zh: "将本计分卡的数值追加到历史工作表（以数值保存；不会改写以往各期）" },
  recording: { en: "Recording the period…", zh: "正在记录本期…" },
  progressRecord: { en: 'Recording the period of "{sheet}"', zh: "正在记录“{sheet}”的本期" },
  recorded: { en: 'Recorded {period} in "{sheet}".', zh: "已将 {period} 记录到“{sheet}”。" },
  recordedReplaced: { en: 'Replaced {period} in "{sheet}".', zh: "已替换“{sheet}”中的 {period}。" },

  // --- the confirmation before a recorded period is replaced ---------------------------------------------------
  replaceTitle: { en: "Replace {period}?", zh: "替换 {period}？" },
  replaceBody: { en: `{period} is already in the history ("{sheet}"). Recording it again replaces only that period's rows; Escape keeps them.`, zh: "{period} 已在历史记录（“{sheet}”）中。再次记录只会替换该期的行；按 Esc 保留原样。" },
  replace: { en: "Replace", zh: "替换" },
  cancel: { en: "Cancel", zh: "取消" },
  notReplaced: { en: "{period} was left as it was recorded.", zh: "{period} 保持原有记录。" },

  // --- a history or a scorecard sheet that cannot be read -------------------------------------------------------
  historyUnreadable: { en: 'The history on "{sheet}" has been edited so that it cannot be read; nothing was written. Fix these cells:', zh: "“{sheet}”中的历史记录已被改动，无法读取；未写入任何内容。请修正以下单元格：" },
  historyNotUsed: { en: 'The history on "{sheet}" could not be read, so it was not used for the previous values:', zh: "无法读取“{sheet}”中的历史记录，因此未用它取得上期值：" },
  recordUnsupported: { en: "Recording a period needs a newer version of Excel (ExcelApi 1.4).", zh: "记录本期需要较新版本的 Excel（ExcelApi 1.4）。" },

  // --- a record that failed (a missing scorecard sheet: errorMissing) -------------------------------------------
  recordTaken: { en: 'Nothing was written: a sheet named "{sheet}" was added meanwhile (someone else may be editing). Try again.', zh: "未写入任何内容：在此期间新增了名为“{sheet}”的工作表（可能有其他人正在编辑）。请重试。" },
  recordWriteRemoved: { en: 'Recording failed: {detail}. The new sheet "{sheet}" was removed; nothing else was changed.', zh: "记录失败：{detail}。已删除新建的工作表“{sheet}”，其他内容均未更改。" },
  recordWriteLeft: { en: 'Recording failed: {detail}. The new sheet "{sheet}" could not be removed; delete it if nobody uses it.', zh: "记录失败：{detail}。无法删除新建的工作表“{sheet}”；如无人使用请删除。" },
  recordWriteExisting: { en: 'Recording failed: {detail}. Earlier periods on "{sheet}" are as they were; the period may be there twice — record it again to replace it.', zh: "记录失败：{detail}。“{sheet}”中以往各期保持原样；本期可能出现两次——再次记录即可替换。" },
} as const satisfies MessageArea;
