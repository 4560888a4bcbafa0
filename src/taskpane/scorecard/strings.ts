/**
 * The scorecard section's texts in English and Simplified Chinese. Texts with blanks to fill are functions;
 * whatever they are filled with reaches the page as text (textContent), never as markup.
 */
import type { Lang } from "../i18n";
import { clause } from "../host";
import type { OptionalFeature } from "./writer";

/** Each sheet language's name in itself, for the sheet-language list (marked with its `lang`). */
export const NATIVE_LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: "English", zh: "中文" };

/** Texts quoted the English way: "a", "b". */
const quotedEn = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(", ");
/** Texts quoted the Chinese way: “a”、“b”. */
const quotedZh = (xs: readonly string[]): string => xs.map((x) => `“${x}”`).join("、");

const en = {
  useSelection: "Use selection",
  useSelectionHelp: "Several equally tall columns picked with Ctrl+click work too.",
  reading: "Reading the selection…",
  noExcel: "Excel is not available here.",
  selectionFailed: (detail: string) => `The selection could not be read: ${clause(detail)}.`,
  selectionEmpty: "The selection holds no values: select the KPI table, with its header row.",
  source: (address: string, rows: number) => `Source: ${address} (${rows} rows below the header)`,
  mappingTitle: "Columns",
  mappingHelp: "Detected from the headers; change any role here.",
  unrecognised: (headers: readonly string[]) =>
    `Headers not recognised: ${quotedEn(headers)}. If one of these columns has a role, choose it above.`,
  noHeaderRow: (address: string, known: string) =>
    `${address}: no cell of this row is a header the builder knows (${known}, …): the header row may be missing from the selection. Select the table with its header row and press Use selection again, or choose the columns above.`,
  notUsed: "— not used —",
  required: (role: string) => `${role} (required)`,
  blankHeader: "(blank)",
  previewTitle: (n: number) => `Preview (first ${n} rows)`,
  problemsTitle: (n: number) =>
    n === 1
      ? "1 problem — nothing will be written until it is fixed"
      : `${n} problems — nothing will be written until they are fixed`,
  noProblems: "No problems found.",
  optionsTitle: "Options",
  cap: "Achievement cap (%)",
  onTarget: "On target from score",
  near: "Near target from score",
  bands: "Rating bands",
  bandLabel: "Label",
  bandMin: "From score",
  mode: "Inputs",
  live: "Live link (formulas refer to the source cells)",
  snapshot: "Snapshot (values copied into the scorecard)",
  language: "Sheet language",
  languageAuto: (detected: string) => `Same as the headers (${detected})`,
  languageNames: { en: "English", zh: "Chinese" } as Record<Lang, string>,
  resetBands: "Default bands",
  notANumber: (what: string, text: string) => `${what}: "${text}" is not a number`,
  capRange: (what: string, text: string) => `${what}: must be from 100 to 10,000, not ${text}`,
  notNegative: (what: string, text: string) => `${what}: must be 0 or more, not ${text}`,
  nearRange: (what: string, text: string, onTarget: string) =>
    `${what}: must be from 0 up to the on-target score (${onTarget}), not ${text}`,
  band: (n: number, label: string) => (label.trim() === "" ? `band ${n}` : `band ${n} (${label.trim()})`),
  bandLabelBlank: (what: string) => `${what}: the label is blank`,
  bandOrder: (what: string, text: string, above: string) =>
    `${what}: its score must be below the band above (${above}), not ${text}`,
  build: "Build scorecard",
  buildAgain: "Build a second scorecard",
  needSelection: "Select the KPI table with its header row, then press Use selection.",
  needFixes: "Build waits until the problems above are fixed.",
  needOptions: "Build waits until the options are fixed.",
  alreadyBuilt: (sheet: string) =>
    `"${sheet}" was built from this table. Building again adds a second scorecard sheet; to update "${sheet}", refresh it instead.`,
  progressBuild: "Building the scorecard",
  progressRefresh: (sheet: string) => `Refreshing "${sheet}"`,
  steps: {
    check: "Checking the workbook…",
    read: "Reading the source cells…",
    write: "Writing the scorecard sheet…",
    cleanup: "Removing the half-built sheet…",
    commit: "Replacing the old sheet…",
    done: "Done.",
  } as Record<"check" | "read" | "write" | "cleanup" | "commit" | "done", string>,
  built: (sheet: string, kpis: number, score: string, rating: string) =>
    `Built "${sheet}": ${kpis} KPIs, overall score ${score} (${rating}).`,
  refreshed: (sheet: string, score: string, rating: string) =>
    `Refreshed "${sheet}": overall score ${score} (${rating}).`,
  open: (sheet: string) => `Open "${sheet}"`,
  skipped: (features: string) => `Not available in this version of Excel, left out: ${features}.`,
  features: {
    columnWidths: "column widths",
    names: "workbook names",
    settingsIndex: "settings copy",
    conditionalFormats: "conditional formatting",
    freezePanes: "frozen header",
    chartSeries: "chart labels",
    chartAxisFormat: "chart axis format",
    pageLayout: "print layout",
  } as Record<OptionalFeature, string>,
  problemsAtBuild: "The source changed since it was read and now has problems; nothing was written.",
  errors: {
    taken: (detail: string) => `Nothing was written: the workbook changed (${clause(detail)}). Try again.`,
    sheetTaken: (sheet: string) =>
      `Nothing was written: a sheet named "${sheet}" was added to the workbook meanwhile (someone else may be editing it). That sheet was left as it is. Try again.`,
    source: (detail: string) => `The source cells could not be read (${clause(detail)}). Nothing was written.`,
    sourceGone: (sheet: string) =>
      `The sheet "${sheet}" that holds the table was not found: it may have been renamed or deleted. Select the table and press Use selection again. Nothing was written.`,
    refreshSourceGone: (sheet: string) =>
      `The sheet "${sheet}" that this scorecard reads was not found: it may have been renamed or deleted. Select the table, press Use selection again and build a new scorecard. Nothing was written.`,
    missing: (sheet: string) => `The scorecard sheet "${sheet}" no longer exists. Nothing was written.`,
    writeRemoved: (detail: string, sheet: string) =>
      `Writing the scorecard failed: ${clause(detail)}. The half-built sheet "${sheet}" was removed; nothing else was changed.`,
    writeNothingAdded: (detail: string, sheet: string) =>
      `Writing the scorecard failed: ${clause(detail)}. The sheet "${sheet}" could not be added; nothing was changed.`,
    writeLeft: (detail: string, why: string, left: string) =>
      `Writing the scorecard failed: ${clause(detail)}. Not everything it had added could be removed (${clause(why)}). Still in the workbook: ${left}.`,
    changedMeanwhile: "the workbook changed meanwhile, so they may not be this build's alone",
    leftSheet: (sheet: string) => `the sheet "${sheet}" (delete it if nobody uses it)`,
    leftNames: (names: string) => `the workbook names ${names} (Formulas › Name Manager)`,
    leftSetting: "a copy of the scorecard's settings in the workbook (harmless)",
    commit: (detail: string, sheet: string, old: string) =>
      `The refreshed scorecard is on sheet "${sheet}", but replacing "${old}" failed: ${clause(detail)}.`,
    commitRename: (detail: string, sheet: string, old: string) =>
      `The refreshed scorecard is on sheet "${sheet}" and the old sheet was removed, but naming it "${old}" failed (${clause(detail)}).`,
    commitNames: (detail: string, old: string) =>
      `"${old}" was refreshed, but updating its workbook names or its settings copy failed (${clause(detail)}).`,
    options: (detail: string) => `The options are not valid: ${clause(detail)}. Nothing was written.`,
    other: (detail: string) => `Something went wrong: ${clause(detail)}.`,
  },
  listTitle: "Scorecards in this workbook",
  reloadList: "Reload list",
  listEmpty: "No scorecards yet.",
  listLoading: "Looking for scorecards…",
  listFailed: (detail: string) => `The list could not be read: ${clause(detail)}.`,
  listItem: (asOf: string, source: string) => `as of ${asOf} · from ${source}`,
  fromIndex: "(settings from the workbook copy)",
  openSheet: "Open",
  refresh: "Refresh",
  refreshNamed: (sheet: string) => `Refresh "${sheet}"`,
  refreshHelp: "Rebuild from the stored settings and today's source cells",
};

export type ScorecardStrings = typeof en;

const zh: ScorecardStrings = {
  useSelection: "使用所选区域",
  useSelectionHelp: "也可以按住 Ctrl 选择几列等高的列。",
  reading: "正在读取所选区域…",
  noExcel: "此处无法使用 Excel。",
  selectionFailed: (detail) => `无法读取所选区域：${clause(detail)}。`,
  selectionEmpty: "所选区域没有任何值：请选择 KPI 表（包括标题行）。",
  source: (address, rows) => `数据来源：${address}（标题行下 ${rows} 行）`,
  mappingTitle: "列",
  mappingHelp: "根据标题自动识别；可在此更改各列的角色。",
  unrecognised: (headers) => `未识别的标题：${quotedZh(headers)}。如其中某列有对应的角色，请在上方选择。`,
  noHeaderRow: (address, known) =>
    `${address}：此行没有生成器认识的标题（${known}等），所选区域可能缺少标题行。请选择包括标题行的表格，然后再次按“使用所选区域”；或在上方为各列选择角色。`,
  notUsed: "— 不使用 —",
  required: (role) => `${role}（必填）`,
  blankHeader: "（空）",
  previewTitle: (n) => `预览（前 ${n} 行）`,
  problemsTitle: (n) => `${n} 个问题——修正之前不会写入任何内容`,
  noProblems: "未发现问题。",
  optionsTitle: "选项",
  cap: "达成率上限（%）",
  onTarget: "达标分数线",
  near: "接近目标分数线",
  bands: "评级区间",
  bandLabel: "名称",
  bandMin: "起始分数",
  mode: "输入值",
  live: "链接源数据（公式引用源单元格）",
  snapshot: "快照（将数值复制到计分卡）",
  language: "工作表语言",
  languageAuto: (detected) => `与标题相同（${detected}）`,
  languageNames: { en: "英文", zh: "中文" },
  resetBands: "恢复默认区间",
  notANumber: (what, text) => `${what}：“${text}”不是数字`,
  capRange: (what, text) => `${what}：须在 100 到 10000 之间，当前为 ${text}`,
  notNegative: (what, text) => `${what}：不能小于 0，当前为 ${text}`,
  nearRange: (what, text, onTarget) => `${what}：须在 0 到达标分数线（${onTarget}）之间，当前为 ${text}`,
  band: (n, label) => (label.trim() === "" ? `第 ${n} 档` : `第 ${n} 档（${label.trim()}）`),
  bandLabelBlank: (what) => `${what}：名称为空`,
  bandOrder: (what, text, above) => `${what}：起始分数须低于上一档（${above}），当前为 ${text}`,
  build: "生成计分卡",
  buildAgain: "再生成一份计分卡",
  needSelection: "请先选择包括标题行的 KPI 表，然后按“使用所选区域”。",
  needFixes: "请先修正上面的问题，然后才能生成。",
  needOptions: "请先修正选项，然后才能生成。",
  alreadyBuilt: (sheet) =>
    `“${sheet}”已由此表生成。再次生成会新增第二个计分卡工作表；如需更新“${sheet}”，请改为刷新它。`,
  progressBuild: "正在生成计分卡",
  progressRefresh: (sheet) => `正在刷新“${sheet}”`,
  steps: {
    check: "正在检查工作簿…",
    read: "正在读取源单元格…",
    write: "正在写入计分卡工作表…",
    cleanup: "正在删除未完成的工作表…",
    commit: "正在替换旧工作表…",
    done: "完成。",
  },
  built: (sheet, kpis, score, rating) => `已生成“${sheet}”：${kpis} 个指标，综合得分 ${score}（${rating}）。`,
  refreshed: (sheet, score, rating) => `已刷新“${sheet}”：综合得分 ${score}（${rating}）。`,
  open: (sheet) => `打开“${sheet}”`,
  skipped: (features) => `此版本的 Excel 不支持，已略过：${features}。`,
  features: {
    columnWidths: "列宽",
    names: "工作簿名称",
    settingsIndex: "设置副本",
    conditionalFormats: "条件格式",
    freezePanes: "冻结标题",
    chartSeries: "图表标签",
    chartAxisFormat: "图表坐标轴格式",
    pageLayout: "打印布局",
  },
  problemsAtBuild: "读取后源数据已更改，现在存在问题；未写入任何内容。",
  errors: {
    taken: (detail) => `未写入任何内容：工作簿已更改（${clause(detail)}）。请重试。`,
    sheetTaken: (sheet) =>
      `未写入任何内容：在此期间工作簿中新增了名为“${sheet}”的工作表（可能有其他人正在编辑）。该工作表保持原样。请重试。`,
    source: (detail) => `无法读取源单元格（${clause(detail)}）。未写入任何内容。`,
    sourceGone: (sheet) =>
      `找不到表格所在的工作表“${sheet}”：它可能已被重命名或删除。请选择表格，然后再次按“使用所选区域”。未写入任何内容。`,
    refreshSourceGone: (sheet) =>
      `找不到此计分卡读取的工作表“${sheet}”：它可能已被重命名或删除。请选择表格，再次按“使用所选区域”，然后生成新的计分卡。未写入任何内容。`,
    missing: (sheet) => `计分卡工作表“${sheet}”已不存在。未写入任何内容。`,
    writeRemoved: (detail, sheet) =>
      `写入计分卡失败：${clause(detail)}。已删除未完成的工作表“${sheet}”，其他内容均未更改。`,
    writeNothingAdded: (detail, sheet) =>
      `写入计分卡失败：${clause(detail)}。无法添加工作表“${sheet}”，未更改任何内容。`,
    writeLeft: (detail, why, left) =>
      `写入计分卡失败：${clause(detail)}。未能删除其添加的全部内容（${clause(why)}）。仍留在工作簿中的有：${left}。`,
    changedMeanwhile: "在此期间工作簿已被更改，这些内容可能不只属于本次生成",
    leftSheet: (sheet) => `工作表“${sheet}”（如无人使用请删除）`,
    leftNames: (names) => `工作簿名称 ${names}（公式 › 名称管理器）`,
    leftSetting: "工作簿中的一份计分卡设置副本（无害）",
    commit: (detail, sheet, old) => `刷新后的计分卡位于工作表“${sheet}”，但替换“${old}”失败：${clause(detail)}。`,
    commitRename: (detail, sheet, old) =>
      `刷新后的计分卡位于工作表“${sheet}”，旧工作表已删除，但无法将其命名为“${old}”（${clause(detail)}）。`,
    commitNames: (detail, old) => `“${old}”已刷新，但更新其工作簿名称或设置副本失败（${clause(detail)}）。`,
    options: (detail) => `选项无效：${clause(detail)}。未写入任何内容。`,
    other: (detail) => `出现错误：${clause(detail)}。`,
  },
  listTitle: "本工作簿中的计分卡",
  reloadList: "重新加载列表",
  listEmpty: "尚无计分卡。",
  listLoading: "正在查找计分卡…",
  listFailed: (detail) => `无法读取列表：${clause(detail)}。`,
  listItem: (asOf, source) => `截至 ${asOf} · 来源 ${source}`,
  fromIndex: "（设置取自工作簿副本）",
  openSheet: "打开",
  refresh: "刷新",
  refreshNamed: (sheet) => `刷新“${sheet}”`,
  refreshHelp: "按已保存的设置和当前源数据重新生成",
};

/** The section's texts by pane language. */
export const SCORECARD_STRINGS: Readonly<Record<Lang, ScorecardStrings>> = { en, zh };
