/**
 * The "Prepare for sharing" section's texts, English and Simplified Chinese (the pane's own texts are in
 * ../i18n.ts). Texts with counts are functions; numbers are shown with the language's grouping.
 */
import type { Lang } from "../i18n";

function n(x: number, lang: Lang): string {
  return x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
}

const en = {
  check: "Check",
  freezeAll: "Freeze all",
  freezeSelection: "Freeze selection",
  restore: "Restore",
  cancel: "Cancel",
  help: "Check lists the CRM formulas. Freeze replaces them with their current values and keeps the formulas inside the workbook; Restore puts them back.",
  notInExcel: "Available when the pane runs in Excel.",
  stepSheets: "Reading the sheets…",
  stepCells: "Reading formulas and values…",
  stepSpills: "Finding spilled results…",
  stepWrite: "Writing…",
  stepRollback: "Undoing the changes…",
  cancelling: "Cancelling…",
  cancelled: "Cancelled. The workbook is unchanged.",
  failed: (message: string) => `That did not work: ${message}. The workbook is unchanged.`,
  rollbackFailed: (message: string) =>
    `That did not work, and undoing it failed too: ${message}. Every frozen formula is still recorded; press Restore to bring them back.`,
  noCrm: "No CRM formulas in this workbook.",
  found: (formulas: number, sheets: number, lang: Lang) =>
    `${n(formulas, lang)} CRM formula${formulas === 1 ? "" : "s"} on ${n(sheets, lang)} sheet${sheets === 1 ? "" : "s"}.`,
  sheetLine: (formulas: number, spills: number, lang: Lang) =>
    `${n(formulas, lang)} formula${formulas === 1 ? "" : "s"}` + (spills > 0 ? `, ${n(spills, lang)} spilling` : ""),
  more: (count: number, lang: Lang) => ` and ${n(count, lang)} more`,
  listSeparator: ", ",
  colon: ": ",
  dependents: "Sheets that use these results (a scorecard, for example) keep working on the frozen values:",
  dependentLine: (formulas: number, lang: Lang) =>
    `${n(formulas, lang)} formula${formulas === 1 ? "" : "s"} read CRM results`,
  noDependents: "No other formulas read these results.",
  skippedTitle: "Left as formulas (no result to keep):",
  notCalculated: "not calculated yet",
  resultOnlyError: "shows an error Excel cannot store as a value",
  recorded: (count: number, lang: Lang) =>
    count === 0
      ? "Nothing is frozen at the moment."
      : `${n(count, lang)} formula${count === 1 ? " is" : "s are"} frozen and can be restored.`,
  frozen: (formulas: number, cells: number, lang: Lang) =>
    `Froze ${n(formulas, lang)} formula${formulas === 1 ? "" : "s"} (${n(cells, lang)} cell${cells === 1 ? "" : "s"}). The workbook now shows values only; save it to share.`,
  nothingToFreeze: "There are no CRM formulas to freeze here.",
  nothingInSelection: "The selection holds no CRM formulas.",
  restored: (formulas: number, lang: Lang) => `Restored ${n(formulas, lang)} formula${formulas === 1 ? "" : "s"}.`,
  alreadyRestored: (formulas: number, lang: Lang) =>
    `${n(formulas, lang)} recorded formula${formulas === 1 ? " was" : "s were"} already back in place.`,
  nothingToRestore: "Nothing is frozen, so there is nothing to restore.",
  conflictsTitle: (count: number, lang: Lang) =>
    count === 1
      ? "1 cell was changed since the freeze and was left as it is. Its formula stays recorded:"
      : `${n(count, lang)} cells were changed since the freeze and were left as they are. Their formulas stay recorded:`,
  edited: (cell: string, now: string, frozen: string) =>
    `${cell} now holds ${now || "nothing"} (was ${frozen || "empty"})`,
  sheetMissing: "the sheet is gone or was renamed",
  formula: "formula",
  conflictsHelp:
    "What this means: each cell listed was changed after the freeze (typed over or cleared), or its sheet was renamed or deleted, so Restore left it as it is instead of overwriting the change. " +
    "To bring a formula back, enter the formula shown into its cell again (copy it from this list), or undo the change or give the sheet its old name, then press Restore. " +
    "To keep the change, do nothing: the formula stays in the record and is listed again at each Restore.",
  progressLabel: "Progress",
  confirmFreezeTitle: "Freeze all CRM formulas?",
  confirmFreezeBody:
    "Every CRM formula on every sheet is replaced by its current value. The original formulas stay inside this file, in a hidden record that Restore uses to put them back: anyone who receives the file could read them.",
  confirmFreezeOutside: "Sharing outside the company? Choose Values only: it keeps no record.",
  confirmFreeze: "Freeze all",
  valuesOnly: "Values only…",
  valuesOnlyTitle: "Values only: this cannot be restored",
  valuesOnlyWarning:
    "Every CRM formula is replaced by its current value and no record is kept; the record of earlier freezes is deleted too. Restore cannot bring any of these formulas back.",
  valuesOnlyCopy: "If you will need the formulas again, keep a copy of the workbook as it is now before you continue.",
  confirmValuesOnly: "Replace with values, keep no record",
  recordInside:
    "The original formulas are kept inside this file, so anyone who receives it could read them. To share outside the company, use Freeze all, then Values only.",
  valuesOnlyDone: (formulas: number, cells: number, lang: Lang) =>
    `Replaced ${n(formulas, lang)} formula${formulas === 1 ? "" : "s"} (${n(cells, lang)} cell${cells === 1 ? "" : "s"}) by values. No record was kept: they cannot be restored.`,
  recordRemoved: (count: number, lang: Lang) =>
    `The record of ${n(count, lang)} formula${count === 1 ? "" : "s"} frozen earlier was deleted too.`,
};

export type SharingStrings = typeof en;

const zh: SharingStrings = {
  check: "检查",
  freezeAll: "全部冻结",
  freezeSelection: "冻结所选",
  restore: "恢复",
  cancel: "取消",
  help: "“检查”列出 CRM 公式。“冻结”用当前数值替换这些公式，并把公式保存在工作簿中；“恢复”将公式放回原处。",
  notInExcel: "在 Excel 中打开任务窗格后可用。",
  stepSheets: "正在读取工作表…",
  stepCells: "正在读取公式和数值…",
  stepSpills: "正在查找溢出结果…",
  stepWrite: "正在写入…",
  stepRollback: "正在撤销更改…",
  cancelling: "正在取消…",
  cancelled: "已取消，工作簿未更改。",
  failed: (message: string) => `操作未成功：${message}。工作簿未更改。`,
  rollbackFailed: (message: string) =>
    `操作未成功，撤销也失败了：${message}。所有已冻结的公式仍有记录，请按“恢复”将其放回。`,
  noCrm: "此工作簿中没有 CRM 公式。",
  found: (formulas: number, sheets: number, lang: Lang) =>
    `${n(sheets, lang)} 个工作表中共有 ${n(formulas, lang)} 个 CRM 公式。`,
  sheetLine: (formulas: number, spills: number, lang: Lang) =>
    `${n(formulas, lang)} 个公式` + (spills > 0 ? `，其中 ${n(spills, lang)} 个溢出` : ""),
  more: (count: number, lang: Lang) => `，另有 ${n(count, lang)} 个`,
  listSeparator: "、",
  colon: "：",
  dependents: "使用这些结果的工作表（例如计分卡）将基于冻结后的数值继续工作：",
  dependentLine: (formulas: number, lang: Lang) => `${n(formulas, lang)} 个公式引用了 CRM 结果`,
  noDependents: "没有其他公式引用这些结果。",
  skippedTitle: "保留为公式（没有可保存的结果）：",
  notCalculated: "尚未计算完成",
  resultOnlyError: "显示的错误无法作为数值保存",
  recorded: (count: number, lang: Lang) =>
    count === 0 ? "目前没有冻结的公式。" : `${n(count, lang)} 个公式已冻结，可以恢复。`,
  frozen: (formulas: number, cells: number, lang: Lang) =>
    `已冻结 ${n(formulas, lang)} 个公式（${n(cells, lang)} 个单元格）。工作簿现在只显示数值，保存后即可共享。`,
  nothingToFreeze: "这里没有可冻结的 CRM 公式。",
  nothingInSelection: "所选区域中没有 CRM 公式。",
  restored: (formulas: number, lang: Lang) => `已恢复 ${n(formulas, lang)} 个公式。`,
  alreadyRestored: (formulas: number, lang: Lang) => `${n(formulas, lang)} 个已记录的公式已经在原处。`,
  nothingToRestore: "没有冻结的公式，无需恢复。",
  conflictsTitle: (count: number, lang: Lang) =>
    `${n(count, lang)} 个单元格在冻结后被修改，已保持原样。它们的公式仍保留在记录中：`,
  edited: (cell: string, now: string, frozen: string) => `${cell} 现在为 ${now || "空"}（原为 ${frozen || "空"}）`,
  sheetMissing: "工作表已删除或已重命名",
  formula: "公式",
  conflictsHelp:
    "含义：列出的单元格在冻结后被修改（被改写或清除），或其工作表被重命名或删除，因此“恢复”保留了这些修改，没有覆盖它们。" +
    "要放回公式，请在该单元格中重新输入列出的公式（可从此列表复制），或撤销修改、将工作表改回原名，然后按“恢复”。" +
    "要保留修改，则无需操作：公式仍保存在记录中，每次“恢复”时都会再次列出。",
  progressLabel: "进度",
  confirmFreezeTitle: "冻结全部 CRM 公式？",
  confirmFreezeBody:
    "所有工作表中的每个 CRM 公式都将替换为其当前数值。原始公式会保留在此文件内的隐藏记录中，供“恢复”将其放回：收到文件的任何人都可能读到这些公式。",
  confirmFreezeOutside: "要发给公司以外的人？请选择“仅保留数值”：它不保留任何记录。",
  confirmFreeze: "全部冻结",
  valuesOnly: "仅保留数值…",
  valuesOnlyTitle: "仅保留数值：此操作无法恢复",
  valuesOnlyWarning:
    "每个 CRM 公式都将替换为其当前数值，且不保留任何记录；之前冻结的记录也会被删除。“恢复”无法找回其中任何公式。",
  valuesOnlyCopy: "如果以后还需要这些公式，请在继续之前保存一份当前工作簿的副本。",
  confirmValuesOnly: "替换为数值，不保留记录",
  recordInside:
    "原始公式保存在此文件内，收到文件的任何人都可能读到。如需发给公司以外的人，请使用“全部冻结”，再选“仅保留数值”。",
  valuesOnlyDone: (formulas: number, cells: number, lang: Lang) =>
    `已将 ${n(formulas, lang)} 个公式（${n(cells, lang)} 个单元格）替换为数值。未保留任何记录，无法恢复。`,
  recordRemoved: (count: number, lang: Lang) => `之前冻结的 ${n(count, lang)} 个公式的记录也已删除。`,
};

/** The section's texts in each language. */
export const SHARING_STRINGS: Readonly<Record<Lang, SharingStrings>> = { en, zh };
