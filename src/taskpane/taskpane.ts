/**
 * The task pane: shows the add-in's name, version and Office's display language, switches between English and
 * Simplified Chinese, and hosts the scorecard builder and the sharing tools. No maths here.
 */
import css from "./taskpane.css";
import { STRINGS, langFromDisplayLanguage } from "./i18n";
import { currentLang, onLangChange, setLang } from "./language";
import { mountScorecard } from "./scorecard/ui";
import { mountSharing } from "./sharing/sharingPane";

/** Applies the current language to every element marked with data-i18n. */
function render(): void {
  const lang = currentLang();
  const s = STRINGS[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = s.appName;
  const name = document.getElementById("app-name");
  if (name) name.textContent = s.appName;
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => {
    const key = el.dataset.i18n as keyof typeof s;
    if (key in s) el.textContent = s[key];
  });
  const toggle = document.getElementById("switch-language");
  if (toggle) toggle.textContent = s.switchLanguage;
}

function start(displayLanguage: string | null): void {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  onLangChange(render);
  setLang(langFromDisplayLanguage(displayLanguage));
  mountScorecard(document.getElementById("scorecard-root")!);
  const shown = document.getElementById("office-language");
  if (shown) shown.textContent = displayLanguage ?? "—";
  document.getElementById("switch-language")?.addEventListener("click", () => {
    setLang(currentLang() === "en" ? "zh" : "en");
  });
  mountSharing(document.getElementById("sharing-root"), currentLang);
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => start(Office.context?.displayLanguage ?? null));
} else {
  start(null);
  const status = document.getElementById("host-status");
  if (status) {
    status.textContent = STRINGS[currentLang()].notInExcel;
    status.hidden = false;
  }
}
