/**
 * Texts of the task pane's shell (src/taskpane/taskpane.ts and taskpane.html): the header, the sections'
 * titles and introductions, the About line, and the notice shown when the page is opened outside Excel.
 * taskpane.html names them by id in `data-i18n` attributes.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const PANE = {
  appName: { en: "CRM Metrics", zh: "CRM 指标" },
  /** A language's own name: the language switch shows the other language's, in that language. */
  languageName: { en: "English", zh: "中文" },
  version: { en: "Version", zh: "版本" },
  language: { en: "Office language", zh: "Office 语言" },
  about: { en: "About: ", zh: "关于：" },
  /** A sentence's closing full stop: clause() (src/taskpane/host.ts) takes it off a message embedded in a sentence. */
  fullStop: { en: ".", zh: "。" },

  // --- the sections ---------------------------------------------------------------------------------------------
  scorecardTitle: { en: "Scorecard builder", zh: "计分卡生成器" },
  scorecardIntro: { en: "Select a KPI table (with a header row) and build a weighted balanced scorecard sheet.", zh: "选择一个带标题行的 KPI 表，生成加权平衡计分卡工作表。" },
  analysisTitle: { en: "Customer analysis", zh: "客户分析" },
  analysisIntro: { en: "Select a transaction log and build a live customer analysis: segments, value tiers, lifecycle stages, churn warning and cohorts.", zh: "选择交易记录，生成实时客户分析：客户细分、价值分层、生命周期阶段、流失预警和客户群组。" },
  sharingTitle: { en: "Prepare for sharing", zh: "共享前准备" },
  sharingIntro: { en: "Replace CRM formulas with their values so that people without the add-in see the numbers.", zh: "将 CRM 公式替换为其数值，让未安装加载项的人也能看到结果。" },
  formulasTitle: { en: "Formulas", zh: "公式" },
  formulasIntro: { en: "Type =CRM. in any cell to see the CRM formulas, e.g. =CRM.NPS(C2:C500).", zh: "在任意单元格输入 =CRM. 查看 CRM 公式，例如 =CRM.NPS(C2:C500)。" },

  // --- opened outside Excel -------------------------------------------------------------------------------------
  notInExcelTitle: { en: "This page works inside Excel", zh: "此页面需要在 Excel 中使用" },
  // Texts joined with + are typed string, not literals; say(lang, id) with an id typed MessageId (taskpane/analysis/views/
  // selection.ts) compiles only while one such text exists: type that id LabelId before joining them.
  notInExcelBody: { en: "This is the task pane of the CRM Metrics add-in; opened on its own, it cannot reach a workbook. " + "To use it, add (sideload) the add-in to Excel:", zh: "这是 CRM 指标加载项的任务窗格；单独打开时无法访问工作簿。要使用它，请将加载项旁加载到 Excel：" },
  sideloadWeb: { en: "Excel on the web: open a workbook, then Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, " + "and choose manifest.xml.", zh: "Excel 网页版：打开一个工作簿，依次选择“开始”→“加载项”→“更多加载项”→“我的加载项”→“上传我的加载项”，然后选择 manifest.xml。" },
  sideloadDesktop: { en: "Excel on Windows or Mac: run npm start in the add-in's folder (it opens Excel with the add-in), or follow " + '"Sideloading by hand" in the README.', zh: "Windows 或 Mac 版 Excel：在加载项所在文件夹中运行 npm start（它会打开已加载此加载项的 Excel），或按照 README 中的“Sideloading by hand”（手动旁加载）一节操作。" },
  certificateDone: { en: "If you opened this page to accept its certificate, that is done: you can close this tab.", zh: "如果你打开此页面是为了接受它的证书，这一步已经完成，可以关闭此标签页。" },
  officeJsMissing: { en: "Office.js, Microsoft's library for add-ins, could not be loaded here.", zh: "此处无法加载 Office.js（Microsoft 的加载项库）。" },
} as const satisfies MessageArea;
