/**
 * The task pane's texts in English and Simplified Chinese. The pane follows Office's display language
 * (zh-* → Chinese, anything else → English) and can be switched by the user.
 */
export type Lang = "en" | "zh";

const en = {
  appName: "CRM Metrics",
  version: "Version",
  language: "Office language",
  switchLanguage: "中文",
  scorecardTitle: "Scorecard builder",
  scorecardIntro: "Select a KPI table (with a header row) and build a weighted balanced scorecard sheet.",
  sharingTitle: "Prepare for sharing",
  sharingIntro: "Replace CRM formulas with their values so that people without the add-in see the numbers.",
  formulasTitle: "Formulas",
  formulasIntro: "Type =CRM. in any cell to see the CRM formulas, e.g. =CRM.NPS(C2:C500).",
  notInExcel: "Open this page from Excel to use it (Office.js is not available here).",
};

export type Strings = typeof en;

const zh: Strings = {
  appName: "CRM 指标",
  version: "版本",
  language: "Office 语言",
  switchLanguage: "English",
  scorecardTitle: "计分卡生成器",
  scorecardIntro: "选择一个带标题行的 KPI 表，生成加权平衡计分卡工作表。",
  sharingTitle: "共享前准备",
  sharingIntro: "将 CRM 公式替换为其数值，让未安装加载项的人也能看到结果。",
  formulasTitle: "公式",
  formulasIntro: "在任意单元格输入 =CRM. 查看 CRM 公式，例如 =CRM.NPS(C2:C500)。",
  notInExcel: "请在 Excel 中打开此页面（此处无法使用 Office.js）。",
};

/** The texts of one language. */
export const STRINGS: Readonly<Record<Lang, Strings>> = { en, zh };

/** Chooses the pane's language from an Office display language tag such as "zh-CN" or "en-US". */
export function langFromDisplayLanguage(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? "zh" : "en";
}
