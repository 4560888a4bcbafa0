/**
 * The pane's current language, shared by every section: `currentLang()` reads it, `onLangChange(cb)` is
 * called after the user switches (sections re-render their texts), `setLang` is used by the header switch.
 */
import type { Lang } from "./i18n";

let current: Lang = "en";
const listeners: ((lang: Lang) => void)[] = [];

/** The pane's language now. */
export function currentLang(): Lang {
  return current;
}

/** Sets the language and tells every section. */
export function setLang(lang: Lang): void {
  current = lang;
  for (const l of listeners) l(lang);
}

/** Registers a section's re-render; returns a function that unregisters it. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}
