/**
 * Texts of the task pane's "Prepare for sharing" section (src/taskpane/sharing): buttons, progress steps,
 * results, conflicts and the Freeze all confirmation. Counts are messages of their own (`formulaOne`,
 * `formulaMany`, …: English has a singular, Chinese does not), passed as the parameters of the sentences;
 * the pane writes their numbers with the language's digit grouping.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SHARING_PANE = {
  // --- buttons and help -----------------------------------------------------------------------------------------
  check: { en: "Check", zh: "检查" },
  freezeAll: { en: "Freeze all", zh: "全部冻结" },
  freezeSelection: { en: "Freeze selection", zh: "冻结所选" },
  restore: { en: "Restore", zh: "恢复" },
  cancel: { en: "Cancel", zh: "取消" },
  help: { en: "Check lists the CRM formulas. Freeze replaces them with their current values and keeps the formulas inside the workbook; Restore puts them back.", zh: "“检查”列出 CRM 公式。“冻结”用当前数值替换这些公式，并把公式保存在工作簿中；“恢复”将公式放回原处。" },
  notInExcel: { en: "Available when the pane runs in Excel.", zh: "在 Excel 中打开任务窗格后可用。" },

  // --- progress -------------------------------------------------------------------------------------------------
  progressLabel: { en: "Progress", zh: "进度" },
  stepSheets: { en: "Reading the sheets…", zh: "正在读取工作表…" },
  stepCells: { en: "Reading formulas and values…", zh: "正在读取公式和数值…" },
  stepSpills: { en: "Finding spilled results…", zh: "正在查找溢出结果…" },
  stepWrite: { en: "Writing…", zh: "正在写入…" },
  stepRollback: { en: "Undoing the changes…", zh: "正在撤销更改…" },
  cancelling: { en: "Cancelling…", zh: "正在取消…" },
  cancelled: { en: "Cancelled. The workbook is unchanged.", zh: "已取消，工作簿未更改。" },
  failed: { en: "That did not work: {message}. The workbook is unchanged.", zh: "操作未成功：{message}。工作簿未更改。" },
  rollbackFailed: { en: "That did not work, and undoing it failed too: {message}. Every frozen formula is still recorded; press Restore to bring them back.", zh: "操作未成功，撤销也失败了：{message}。所有已冻结的公式仍有记录，请按“恢复”将其放回。" },

  // --- counts ---------------------------------------------------------------------------------------------------
  crmFormulaOne: { en: "{n} CRM formula", zh: "{n} 个 CRM 公式" },
  crmFormulaMany: { en: "{n} CRM formulas", zh: "{n} 个 CRM 公式" },
  formulaOne: { en: "{n} formula", zh: "{n} 个公式" },
  formulaMany: { en: "{n} formulas", zh: "{n} 个公式" },
  sheetOne: { en: "{n} sheet", zh: "{n} 个工作表" },
  sheetMany: { en: "{n} sheets", zh: "{n} 个工作表" },
  cellOne: { en: "{n} cell", zh: "{n} 个单元格" },
  cellMany: { en: "{n} cells", zh: "{n} 个单元格" },

  // --- punctuation ----------------------------------------------------------------------------------------------
  listSeparator: { en: ", ", zh: "、" },
  listMore: { en: "{list} and {n} more", zh: "{list}，另有 {n} 个" },
  colon: { en: ": ", zh: "：" },

  // --- Check ----------------------------------------------------------------------------------------------------
  noCrm: { en: "No CRM formulas in this workbook.", zh: "此工作簿中没有 CRM 公式。" },
  found: { en: "{formulas} on {sheets}.", zh: "{sheets}中共有 {formulas}。" },
  sheetLineSpills: { en: "{formulas}, {spills} spilling", zh: "{formulas}，其中 {spills} 个溢出" },
  dependents: { en: "Sheets that use these results (a scorecard, for example) keep working on the frozen values:", zh: "使用这些结果的工作表（例如计分卡）将基于冻结后的数值继续工作：" },
  dependentLine: { en: "{formulas} read CRM results", zh: "{formulas}引用了 CRM 结果" },
  dependentLineOne: { en: "{formulas} reads CRM results", zh: "{formulas}引用了 CRM 结果" },
  noDependents: { en: "No other formulas read these results.", zh: "没有其他公式引用这些结果。" },
  skippedTitle: { en: "Left as formulas (no result to keep):", zh: "保留为公式（没有可保存的结果）：" },
  skippedLine: { en: "{cell} ({value}): {reason}", zh: "{cell} ({value})：{reason}" },
  notCalculated: { en: "not calculated yet", zh: "尚未计算完成" },
  resultOnlyError: { en: "shows an error Excel cannot store as a value", zh: "显示的错误无法作为数值保存" },
  recordedNone: { en: "Nothing is frozen at the moment.", zh: "目前没有冻结的公式。" },
  recordedOne: { en: "{n} formula is frozen and can be restored.", zh: "{n} 个公式已冻结，可以恢复。" },
  recordedMany: { en: "{n} formulas are frozen and can be restored.", zh: "{n} 个公式已冻结，可以恢复。" },

  // --- Freeze ---------------------------------------------------------------------------------------------------
  frozen: { en: "Froze {formulas} ({cells}). The workbook now shows values only; save it to share.", zh: "已冻结 {formulas}（{cells}）。工作簿现在只显示数值，保存后即可共享。" },
  nothingToFreeze: { en: "There are no CRM formulas to freeze here.", zh: "这里没有可冻结的 CRM 公式。" },
  nothingInSelection: { en: "The selection holds no CRM formulas.", zh: "所选区域中没有 CRM 公式。" },
  recordInside: { en: "The original formulas are kept inside this file, so anyone who receives it could read them. To share outside the company, use Freeze all, then Values only.", zh: "原始公式保存在此文件内，收到文件的任何人都可能读到。如需发给公司以外的人，请使用“全部冻结”，再选“仅保留数值”。" },
  valuesOnlyDone: { en: "Replaced {formulas} ({cells}) by values. No record was kept: they cannot be restored.", zh: "已将 {formulas}（{cells}）替换为数值。未保留任何记录，无法恢复。" },
  recordRemoved: { en: "The record of {formulas} frozen earlier was deleted too.", zh: "之前冻结的 {formulas}的记录也已删除。" },

  // --- Restore --------------------------------------------------------------------------------------------------
  restored: { en: "Restored {formulas}.", zh: "已恢复 {formulas}。" },
  alreadyRestoredOne: { en: "{n} recorded formula was already back in place.", zh: "{n} 个已记录的公式已经在原处。" },
  alreadyRestoredMany: { en: "{n} recorded formulas were already back in place.", zh: "{n} 个已记录的公式已经在原处。" },
  nothingToRestore: { en: "Nothing is frozen, so there is nothing to restore.", zh: "没有冻结的公式，无需恢复。" },
  conflictsTitleOne: { en: "{n} cell was changed since the freeze and was left as it is. Its formula stays recorded:", zh: "{n} 个单元格在冻结后被修改，已保持原样。它们的公式仍保留在记录中：" },
  conflictsTitleMany: { en: "{n} cells were changed since the freeze and were left as they are. Their formulas stay recorded:", zh: "{n} 个单元格在冻结后被修改，已保持原样。它们的公式仍保留在记录中：" },
  edited: { en: "{cell} now holds {now} (was {frozen})", zh: "{cell} 现在为 {now}（原为 {frozen}）" },
  editedNothing: { en: "nothing", zh: "空" },
  editedEmpty: { en: "empty", zh: "空" },
  sheetMissing: { en: "the sheet is gone or was renamed", zh: "工作表已删除或已重命名" },
  formula: { en: "formula", zh: "公式" },
  conflictsHelp: { en: "What this means: each cell listed was changed after the freeze (typed over or cleared), or its sheet was renamed or deleted, so Restore left it as it is instead of overwriting the change. " + "To bring a formula back, enter the formula shown into its cell again (copy it from this list), or undo the change or give the sheet its old name, then press Restore. " + "To keep the change, do nothing: the formula stays in the record and is listed again at each Restore.", zh: "含义：列出的单元格在冻结后被修改（被改写或清除），或其工作表被重命名或删除，因此“恢复”保留了这些修改，没有覆盖它们。" + "要放回公式，请在该单元格中重新输入列出的公式（可从此列表复制），或撤销修改、将工作表改回原名，然后按“恢复”。" + "要保留修改，则无需操作：公式仍保存在记录中，每次“恢复”时都会再次列出。" },

  // --- Freeze all's confirmation --------------------------------------------------------------------------------
  confirmFreezeTitle: { en: "Freeze all CRM formulas?", zh: "冻结全部 CRM 公式？" },
  confirmFreezeBody: { en: "Every CRM formula on every sheet is replaced by its current value. The original formulas stay inside this file, in a hidden record that Restore uses to put them back: anyone who receives the file could read them.", zh: "所有工作表中的每个 CRM 公式都将替换为其当前数值。原始公式会保留在此文件内的隐藏记录中，供“恢复”将其放回：收到文件的任何人都可能读到这些公式。" },
  confirmFreezeOutside: { en: "Sharing outside the company? Choose Values only: it keeps no record.", zh: "要发给公司以外的人？请选择“仅保留数值”：它不保留任何记录。" },
  confirmFreeze: { en: "Freeze all", zh: "全部冻结" },
  valuesOnly: { en: "Values only…", zh: "仅保留数值…" },
  valuesOnlyTitle: { en: "Values only: this cannot be restored", zh: "仅保留数值：此操作无法恢复" },
  valuesOnlyWarning: { en: "Every CRM formula is replaced by its current value and no record is kept; the record of earlier freezes is deleted too. Restore cannot bring any of these formulas back.", zh: "每个 CRM 公式都将替换为其当前数值，且不保留任何记录；之前冻结的记录也会被删除。“恢复”无法找回其中任何公式。" },
  valuesOnlyCopy: { en: "If you will need the formulas again, keep a copy of the workbook as it is now before you continue.", zh: "如果以后还需要这些公式，请在继续之前保存一份当前工作簿的副本。" },
  confirmValuesOnly: { en: "Replace with values, keep no record", zh: "替换为数值，不保留记录" },
} as const satisfies MessageArea;
