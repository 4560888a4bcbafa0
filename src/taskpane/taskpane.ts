/**
 * The task pane: the add-in's name and a language switch at the top, the scorecard builder, the customer
 * analysis and the sharing tools, and an About line at the bottom (version, Office's display language). It
 * follows Office's theme (./theme), opens in the language the user chose before (./language) or else in Office's, and — opened outside
 * Excel, e.g. in a browser to accept the development certificate — says at the top that it works inside Excel
 * and how to sideload it. No maths here.
 */
import css from "./taskpane.css";
import { entryOf, LabelId, MessageId, msg, renderMessage } from "../core/messages/catalogue";
import { el } from "./dom";
import { LANG_TAGS, langFromDisplayLanguage } from "./i18n";
import { chooseLang, currentLang, onLangChange, savedLang, setLang, t } from "./language";
import { followTheme } from "./theme";
import { officeDisplayLanguage } from "./host";
import { paneContext, type MountSection } from "./section";
import { mountAnalysis } from "./analysis/ui";
import { mountScorecard } from "./scorecard/ui";
import { mountSharing } from "./sharing/ui";

/** Where the page runs, as Office.onReady reports it. */
interface HostInfo {
  /** Office.js is loaded and reports Excel as the host. */
  inExcel: boolean;
  /** Office.js could be loaded at all. */
  officeJs: boolean;
  /** Office's display language ("zh-CN"), or null outside Office. */
  displayLanguage: string | null;
}

/** A section of the page: its element's id, its title and introduction, and how it is mounted (null: text only). */
interface PaneSection {
  readonly id: string;
  readonly title: LabelId;
  readonly intro: LabelId;
  readonly mount: MountSection | null;
}

/** The sections, in page order. */
const SECTIONS: readonly PaneSection[] = [
  { id: "scorecard", title: "pane.scorecardTitle", intro: "pane.scorecardIntro", mount: mountScorecard },
  { id: "analysis", title: "pane.analysisTitle", intro: "pane.analysisIntro", mount: mountAnalysis },
  { id: "sharing", title: "pane.sharingTitle", intro: "pane.sharingIntro", mount: mountSharing },
  { id: "formulas", title: "pane.formulasTitle", intro: "pane.formulasIntro", mount: null },
];

/**
 * A section's element: `<section id aria-labelledby>` with its title (h2) and introduction, named by `data-i18n`
 * (render() fills them in), and for a mounted section the `<div id="{id}-root">` it is mounted into.
 */
function sectionElement(s: PaneSection): { section: HTMLElement; root: HTMLElement | null } {
  const section = el("section");
  section.id = s.id;
  const title = el("h2");
  title.id = `${s.id}-title`;
  title.dataset.i18n = s.title;
  section.setAttribute("aria-labelledby", title.id);
  const intro = el("p");
  intro.dataset.i18n = s.intro;
  section.append(title, intro);
  const root = s.mount === null ? null : el("div");
  if (root !== null) {
    root.id = `${s.id}-root`;
    section.append(root);
  }
  return { section, root };
}

/**
 * Applies the current language: every element marked with `data-i18n="pane.…"` shows that catalogue message
 * (taskpane.html holds no text of its own), the page's title and language follow.
 */
function render(): void {
  const lang = currentLang();
  document.documentElement.lang = LANG_TAGS[lang];
  document.title = t("pane.appName");
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => {
    const id = el.dataset.i18n ?? "";
    if (entryOf(id) !== undefined) el.textContent = renderMessage({ id: id as MessageId, params: {} }, lang);
  });
  const toggle = document.getElementById("switch-language");
  if (toggle) {
    // The switch names the other language in that language, so it is marked as that language.
    const other = lang === "en" ? "zh" : "en";
    toggle.textContent = renderMessage(msg("pane.languageName"), other);
    toggle.lang = LANG_TAGS[other];
  }
}

/** Shows the notice at the top when the page is not running inside Excel. */
function showHostNotice(host: HostInfo): void {
  const notice = document.getElementById("host-status");
  if (notice) notice.hidden = host.inExcel;
  const missing = document.getElementById("office-js-missing");
  if (missing) missing.hidden = host.officeJs;
}

async function start(host: HostInfo): Promise<void> {
  const sections = SECTIONS.map((s) => ({ ...sectionElement(s), mount: s.mount }));
  document.querySelector("main")?.append(...sections.map((s) => s.section));
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  followTheme();
  onLangChange(render);
  setLang((await savedLang()) ?? langFromDisplayLanguage(host.displayLanguage));
  showHostNotice(host);
  document.getElementById("switch-language")?.addEventListener("click", () => {
    void chooseLang(currentLang() === "en" ? "zh" : "en");
  });
  const ctx = paneContext();
  for (const { root, mount } of sections) if (root !== null && mount !== null) mount(root, ctx);
  // Last: tests (and people) read a filled-in Office language as "the pane is ready".
  const shown = document.getElementById("office-language");
  if (shown) shown.textContent = host.displayLanguage ?? "—";
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) =>
    start({ inExcel: info?.host === Office.HostType.Excel, officeJs: true, displayLanguage: officeDisplayLanguage() }),
  );
} else {
  void start({ inExcel: false, officeJs: false, displayLanguage: null });
}
