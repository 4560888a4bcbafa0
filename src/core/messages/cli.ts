/**
 * Messages of the command line (src/cli): its usage, files and sheets it cannot use, the line it prints after
 * writing a workbook, and interruptions. How a .csv was read is in ./csv.ts; problems of the KPI table come
 * from the scorecard core in their own two languages.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const CLI = {
  // --- usage ----------------------------------------------------------------------------------------------------
  usage: {
    en: `usage: crm-scorecard <input.xlsx|input.csv> [--sheet NAME] [--range A1:G20] [--out FILE]
                     [--lang en|zh] [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--period LABEL] [--force]
       crm-scorecard <period 1> <period 2> ... --periods "LABEL 1,LABEL 2,..." [options]

  --sheet NAME   sheet to read (.xlsx; default the first); for .csv, the name of the input sheet written
  --range A1:G20 the KPI table, header row first (default: everything on the sheet); only its used part
                 is read, so whole columns (A1:G1048576) are fine
  --out FILE     output workbook (default: <input>-scorecard.xlsx beside the input)
  --lang en|zh   scorecard and message language (default: the language of the input's headers)
  --cap 1.2      achievement cap (default 1.2 = 120%)
  --snapshot     copy the input values instead of linking to the input cells
  --as-of DATE   the scorecard's as-of date (default today)
  --period LABEL the scorecard's period (default the quarter of the as-of date: "2026 Q4")
  --periods L,.. one label per input file (one KPI table per period): writes the latest period's
                 scorecard, compared with the period before, and a history sheet of all the periods
                 (quarter labels sort by time; a table's own Previous column wins over the history)
  --force        overwrite an existing output file

A .csv may be UTF-8, UTF-16 or GB18030, separated by commas, semicolons or tabs (with decimal commas).`,
    zh: `用法：crm-scorecard <输入.xlsx|输入.csv> [--sheet 名称] [--range A1:G20] [--out 文件]
                     [--lang en|zh] [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--period 期间] [--force]
       crm-scorecard <第1期> <第2期> ... --periods 期间1,期间2,... [选项]

  --sheet 名称   要读取的工作表（.xlsx；默认为第一个）；对 .csv 而言，是写入的输入工作表的名称
  --range A1:G20 KPI 表，第一行为标题行（默认：工作表上的全部内容）；只读取其中已使用的部分，
                 因此整列（A1:G1048576）也可以
  --out 文件     输出工作簿（默认：输入文件旁的 <输入>-scorecard.xlsx）
  --lang en|zh   计分卡和提示信息的语言（默认：输入表标题的语言）
  --cap 1.2      达成率上限（默认 1.2 = 120%）
  --snapshot     复制输入的数值，而不是链接到输入单元格
  --as-of 日期   计分卡的截止日期（默认为今天）
  --period 期间  计分卡的期间（默认为截止日期所在的季度：“2026年第4季度”）
  --periods 期间,.. 每个输入文件一个期间（每期一张 KPI 表）：写出最新一期的计分卡（与上一期对比）
                 以及包含所有各期的历史工作表（季度按时间排序；表中自带的上期值列优先于历史记录）
  --force        覆盖已存在的输出文件

.csv 文件可以是 UTF-8、UTF-16 或 GB18030 编码，以逗号、分号或制表符分隔（可使用小数逗号）。`,
  },
  usageProblem: { en: "crm-scorecard: {problem}", zh: "crm-scorecard：{problem}" },
  noInput: { en: "give an input file (.xlsx or .csv)", zh: "请给出输入文件（.xlsx 或 .csv）" },
  periodsNeeded: { en: "name the periods of the {count} input files with --periods", zh: "请用 --periods 给出 {count} 个输入文件的期间" },
  periodsCount: { en: '--periods must name {count} periods, one per input file, not "{value}"', zh: "--periods 必须给出 {count} 个期间（每个输入文件一个），而不是“{value}”" },
  periodsTwice: { en: '--periods names one period twice ("{first}", "{second}")', zh: "--periods 两次给出了同一期间（“{first}”、“{second}”）" },
  periodWithSeveral: { en: "with several input files, name their periods with --periods", zh: "有多个输入文件时，请用 --periods 给出它们的期间" },
  periodsWithOne: { en: "--periods goes with several input files; use --period for one", zh: "--periods 用于多个输入文件；只有一个文件时请用 --period" },
  periodBlank: { en: "--period must not be blank", zh: "--period 不能为空" },
  inputType: { en: 'the input must be an .xlsx or .csv file, not "{input}"', zh: "输入必须是 .xlsx 或 .csv 文件，而不是“{input}”" },
  langValue: { en: '--lang must be en or zh, not "{value}"', zh: "--lang 必须是 en 或 zh，而不是“{value}”" },
  capValue: { en: '--cap must be a number like 1.2, not "{value}"', zh: "--cap 必须是数值（例如 1.2），而不是“{value}”" },
  rangeOption: { en: "--range: {problem}", zh: "--range：{problem}" },
  outType: { en: '--out must name an .xlsx file, not "{out}"', zh: "--out 必须是 .xlsx 文件，而不是“{out}”" },

  // --- files ----------------------------------------------------------------------------------------------------
  noSuchFile: { en: "{file}: no such file", zh: "{file}：文件不存在" },
  isFolder: { en: "{file} is a folder, not a file: give the .csv or .xlsx file itself", zh: "{file} 是文件夹，不是文件：请给出 .csv 或 .xlsx 文件本身" },
  cannotRead: { en: "{file}: cannot read it ({reason})", zh: "{file}：无法读取（{reason}）" },
  notXlsx: { en: "{file}: not a readable .xlsx file ({reason})", zh: "{file}：不是可读取的 .xlsx 文件（{reason}）" },
  outExists: { en: "{out} already exists; use --force to overwrite it", zh: "{out} 已存在；如要覆盖，请加 --force" },
  cannotWrite: { en: "{out}: cannot write ({reason})", zh: "{out}：无法写入（{reason}）" },

  // --- sheets ---------------------------------------------------------------------------------------------------
  sheetNameLength: { en: "a sheet name has 1 to 31 characters", zh: "工作表名称须为 1 到 31 个字符" },
  sheetNameCharacters: { en: "a sheet name cannot contain : \\ / ? * [ ]", zh: "工作表名称不能包含 : \\ / ? * [ ]" },
  sheetNameApostrophe: { en: "a sheet name cannot begin or end with an apostrophe (')", zh: "工作表名称不能以撇号（'）开头或结尾" },
  sheetNameHistory: { en: 'Excel reserves the name "History"', zh: "“History”是 Excel 保留的名称" },
  badSheetName: { en: '--sheet "{name}" cannot name a sheet: {why}', zh: "--sheet “{name}”不能用作工作表名称：{why}" },
  noSheet: { en: '{file}: no sheet named "{name}" (sheets: {sheets})', zh: "{file}：没有名为“{name}”的工作表（工作表：{sheets}）" },
  noSheetBadName: { en: '{file}: no sheet named "{name}" (sheets: {sheets}); {why}', zh: "{file}：没有名为“{name}”的工作表（工作表：{sheets}）；{why}" },
  /** A sheet's name in a list: `"Data"`, `“Data”`. */
  quoted: { en: '"{name}"', zh: "“{name}”" },
  /** A list of two or more: the first item, then the rest. */
  listMore: { en: "{first}, {rest}", zh: "{first}、{rest}" },
  emptySheet: { en: '{file}: sheet "{sheet}" is empty', zh: "{file}：工作表“{sheet}”是空的" },
  emptyRange: { en: '{file}: the range {range} on sheet "{sheet}" holds no values', zh: "{file}：工作表“{sheet}”的区域 {range} 中没有任何值" },
  sheetExists: { en: 'the workbook already has a sheet named "{name}"', zh: "工作簿中已有名为“{name}”的工作表" },

  // --- several periods -------------------------------------------------------------------------------------------
  /** A problem of one of several input files, after its name. */
  inputProblem: { en: "{file}: {problem}", zh: "{file}：{problem}" },
  historyExists: { en: '{file}: the workbook has a history sheet "{sheet}" already; record into it from the task pane in Excel', zh: "{file}：该工作簿已有历史工作表“{sheet}”；请在 Excel 中用任务窗格向其记录" },
  historyNotUsed: { en: 'note: the history on "{sheet}" could not be read and was not used', zh: "注意：无法读取“{sheet}”中的历史记录，未使用它" },

  // --- the result -----------------------------------------------------------------------------------------------
  wrote: { en: 'Wrote {out}: sheet "{sheet}" from {source}, {kpis} KPIs, overall score {score} ({band}), {mode} mode', zh: "已写入 {out}：工作表“{sheet}”，数据来自 {source}，共 {kpis} 个 KPI，综合得分 {score}（{band}），模式：{mode}" },
  modeLive: { en: "live", zh: "链接源数据" },
  modeSnapshot: { en: "snapshot", zh: "快照" },
  note: { en: "note: {note}", zh: "注意：{note}" },
  chartNotDrawn: { en: 'chart "{title}" ({values}) not drawn: exceljs cannot write charts; the task pane draws it in Excel', zh: "图表“{title}”（{values}）未绘制：exceljs 无法写入图表；请在 Excel 中用任务窗格绘制" },

  history: { en: 'History of {count} periods ({periods}) on sheet "{sheet}"', zh: "历史记录共 {count} 期（{periods}），位于工作表“{sheet}”" },
  compared: { en: "Compared with {period}: overall score {previous} → {score} ({change} points)", zh: "与 {period} 对比：综合得分 {previous} → {score}（{change} 分）" },
  previousColumn: { en: "the Previous column", zh: "上期值列" },
  historyChartNotDrawn: { en: 'chart "{title}" ({source} on "{sheet}") not drawn: exceljs cannot write charts; the task pane draws it when it records a period', zh: "图表“{title}”（“{sheet}”上的 {source}）未绘制：exceljs 无法写入图表；在 Excel 中用任务窗格记录本期时会绘制" },

  // --- interruptions --------------------------------------------------------------------------------------------
  interrupted: { en: "crm-scorecard: stopped by {signal}; no output file was written", zh: "crm-scorecard：已被 {signal} 中止；未写入输出文件" },
  unexpected: { en: "crm-scorecard: unexpected failure: {reason}", zh: "crm-scorecard：意外失败：{reason}" },
} as const satisfies MessageArea;
