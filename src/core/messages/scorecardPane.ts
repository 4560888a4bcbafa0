/**
 * Texts of the scorecard section of the task pane (src/taskpane/scorecard) that came with the scorecard over
 * time (issue 12): the Period option, Record this period, the confirmation before a recorded period is replaced,
 * what a record came to, and a history that could not be read. The section's older texts are still in
 * src/taskpane/scorecard/strings.ts and move here in issue 9's second phase.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SCORECARD_PANE = {
  // --- the Period option ----------------------------------------------------------------------------------------
  period: { en: "Period", zh: "期间" },
  periodHelp: { en: "Blank: the calendar quarter of the as-of date ({example}).", zh: "留空：截至日期所在的季度（{example}）。" },
  periodNotQuarter: { en: 'Period: "{text}" reads as a quarter, but a year has only Q1 to Q4', zh: "期间：“{text}”看起来是季度，但一年只有第1至第4季度" },

  // --- Record this period ---------------------------------------------------------------------------------------
  record: { en: "Record this period", zh: "记录本期" },
  recordNamed: { en: 'Record this period of "{sheet}"', zh: "记录本期（“{sheet}”）" },
  recordHelp: { en: "Append this scorecard's values to the history sheet (as values; earlier periods are never rewritten)", zh: "将本计分卡的数值追加到历史工作表（以数值保存；不会改写以往各期）" },
  recording: { en: "Recording the period…", zh: "正在记录本期…" },
  progressRecord: { en: 'Recording the period of "{sheet}"', zh: "正在记录“{sheet}”的本期" },
  recorded: { en: 'Recorded {period} in "{sheet}".', zh: "已将 {period} 记录到“{sheet}”。" },
  recordedReplaced: { en: 'Replaced {period} in "{sheet}".', zh: "已替换“{sheet}”中的 {period}。" },
  openHistory: { en: 'Open "{sheet}"', zh: "打开“{sheet}”" },

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

  // --- a record that failed -------------------------------------------------------------------------------------
  recordMissing: { en: 'The scorecard sheet "{sheet}" no longer exists. Nothing was written.', zh: "计分卡工作表“{sheet}”已不存在。未写入任何内容。" },
  recordTaken: { en: 'Nothing was written: a sheet named "{sheet}" was added meanwhile (someone else may be editing). Try again.', zh: "未写入任何内容：在此期间新增了名为“{sheet}”的工作表（可能有其他人正在编辑）。请重试。" },
  recordWriteRemoved: { en: 'Recording failed: {detail}. The new sheet "{sheet}" was removed; nothing else was changed.', zh: "记录失败：{detail}。已删除新建的工作表“{sheet}”，其他内容均未更改。" },
  recordWriteLeft: { en: 'Recording failed: {detail}. The new sheet "{sheet}" could not be removed; delete it if nobody uses it.', zh: "记录失败：{detail}。无法删除新建的工作表“{sheet}”；如无人使用请删除。" },
  recordWriteExisting: { en: 'Recording failed: {detail}. Earlier periods on "{sheet}" are as they were; the period may be there twice — record it again to replace it.', zh: "记录失败：{detail}。“{sheet}”中以往各期保持原样；本期可能出现两次——再次记录即可替换。" },
} as const satisfies MessageArea;
