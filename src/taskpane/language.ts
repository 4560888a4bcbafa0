/**
 * The pane's current language, shared by every section: `currentLang()` reads it, `onLangChange(cb)` is
 * called after it changes (sections re-render their texts), `setLang` sets it, and `t(id, params)` renders a
 * catalogue message in it.
 *
 * The user's own choice (the header switch, `chooseLang`) is remembered per user on this computer —
 * OfficeRuntime.storage where Office provides it, else the browser's localStorage — and `savedLang()` reads it
 * back when the pane opens. Never per workbook: a workbook is shared, and one reader's language is not the
 * next reader's.
 */
import { Lang, Translate, translator } from "./i18n";

let current: Lang = "en";
const listeners: ((lang: Lang) => void)[] = [];

/** The key under which the chosen language is stored ("en" or "zh"). */
export const LANGUAGE_STORAGE_KEY = "crm-metrics.pane-language";

/** How long the pane waits for the stored choice before opening in Office's language. */
const STORAGE_WAIT_MS = 1500;

/** The pane's language now. */
export function currentLang(): Lang {
  return current;
}

/** A catalogue message in the pane's language now: `t("pane.appName")`. */
export const t: Translate = translator(currentLang);

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

/** Per-user storage: OfficeRuntime.storage when Office provides it, else localStorage; null when neither works. */
interface UserStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

function userStore(): UserStore | null {
  if (typeof OfficeRuntime !== "undefined" && OfficeRuntime?.storage) {
    const s = OfficeRuntime.storage;
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v) };
  }
  try {
    const ls = globalThis.localStorage; // reading it throws where storage is blocked
    if (!ls) return null;
    return {
      get: (k) => Promise.resolve(ls.getItem(k)),
      set: (k, v) => Promise.resolve(ls.setItem(k, v)),
    };
  } catch {
    return null;
  }
}

/** The language the user chose earlier on this computer, or null (none stored, or storage unavailable). */
export async function savedLang(): Promise<Lang | null> {
  const store = userStore();
  if (!store) return null;
  try {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STORAGE_WAIT_MS));
    const value = await Promise.race([store.get(LANGUAGE_STORAGE_KEY), timeout]);
    return value === "en" || value === "zh" ? value : null;
  } catch {
    return null;
  }
}

/**
 * The user's choice: sets the language now and remembers it for this user on this computer. If it cannot be
 * stored, the choice still holds until the pane closes.
 */
export async function chooseLang(lang: Lang): Promise<void> {
  setLang(lang);
  try {
    await userStore()?.set(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Storage full or blocked: nothing to lose but the memory of the choice.
  }
}
