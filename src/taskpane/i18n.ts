/**
 * The task pane's texts in English and Simplified Chinese. The pane follows Office's display language
 * (zh-* → Chinese, anything else → English) and can be switched by the user.
 */
export type Lang = "en" | "zh";

/** The BCP 47 tag of each language, for `lang` attributes. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { en: "en", zh: "zh-CN" };

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
  about: "About: ",
  notInExcelTitle: "This page works inside Excel",
  notInExcelBody:
    "This is the task pane of the CRM Metrics add-in; opened on its own, it cannot reach a workbook. " +
    "To use it, add (sideload) the add-in to Excel:",
  sideloadWeb:
    "Excel on the web: open a workbook, then Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, " +
    "and choose manifest.xml.",
  sideloadDesktop:
    "Excel on Windows or Mac: run npm start in the add-in's folder (it opens Excel with the add-in), or follow " +
    '"Sideloading by hand" in the README.',
  certificateDone: "If you opened this page to accept its certificate, that is done: you can close this tab.",
  officeJsMissing: "Office.js, Microsoft's library for add-ins, could not be loaded here.",
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
  about: "关于：",
  notInExcelTitle: "此页面需要在 Excel 中使用",
  notInExcelBody: "这是 CRM 指标加载项的任务窗格；单独打开时无法访问工作簿。要使用它，请将加载项旁加载到 Excel：",
  sideloadWeb:
    "Excel 网页版：打开一个工作簿，依次选择“开始”→“加载项”→“更多加载项”→“我的加载项”→“上传我的加载项”，然后选择 manifest.xml。",
  sideloadDesktop:
    "Windows 或 Mac 版 Excel：在加载项所在文件夹中运行 npm start（它会打开已加载此加载项的 Excel），或按照 README 中的“Sideloading by hand”（手动旁加载）一节操作。",
  certificateDone: "如果你打开此页面是为了接受它的证书，这一步已经完成，可以关闭此标签页。",
  officeJsMissing: "此处无法加载 Office.js（Microsoft 的加载项库）。",
};

/** The texts of one language. */
export const STRINGS: Readonly<Record<Lang, Strings>> = { en, zh };

/** Chooses the pane's language from an Office display language tag such as "zh-CN" or "en-US". */
export function langFromDisplayLanguage(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? "zh" : "en";
}
