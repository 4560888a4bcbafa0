/**
 * The pane's colours follow Office's theme (File → Account → Office Theme: White, Colorful, Dark Gray, Black).
 * `Office.context.officeTheme` gives four colours — body and control background and foreground — and the pane
 * derives the rest (muted text, borders, links, error and success text, the notice, disabled controls) from
 * them, each chosen so that text keeps a contrast of at least 4.5:1 against the backgrounds it sits on
 * (WCAG 2.1 SC 1.4.3) whatever colours Office reports. Everything lands in CSS custom properties on <html>
 * (taskpane.css uses only those), with `color-scheme` so that native controls and scroll bars match.
 *
 * Changes: Excel has no theme-change event (Office.EventType.OfficeThemeChanged exists only in Outlook,
 * Mailbox 1.14), so the theme is read when the pane opens and read again whenever the pane regains focus or
 * becomes visible. Without an Office theme (the page opened outside Office) the pane follows the system's
 * light or dark setting (`prefers-color-scheme`) and its changes. In forced-colours mode (Windows high
 * contrast) the browser replaces these colours with the system's; taskpane.css adds system-colour rules.
 */

/** The four colours of Office.OfficeTheme the pane uses, as "#RRGGBB". */
export interface ThemeColours {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** A derived palette: whether it is dark, and the CSS custom properties (name without "--" → colour). */
export interface Palette {
  dark: boolean;
  vars: Record<string, string>;
}

type Rgb = readonly [number, number, number];

const LIGHT: ThemeColours = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#242424",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#242424",
};
const DARK: ThemeColours = {
  bodyBackgroundColor: "#292929",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#1f1f1f",
  controlForegroundColor: "#ffffff",
};

/** WCAG's minimum contrast for normal text (SC 1.4.3). */
const TEXT_CONTRAST = 4.5;

/** "#abc" or "#aabbcc" (the "#" optional) → [r, g, b] in 0..255; null for anything else. */
function parseHex(colour: unknown): Rgb | null {
  if (typeof colour !== "string") return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  const channel = (i: number): number => parseInt(h.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

function hex(c: Rgb): string {
  return "#" + c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
}

/** Relative luminance as WCAG 2.1 defines it (sRGB channels linearised, weighted 0.2126/0.7152/0.0722). */
function luminance(c: Rgb): number {
  const linear = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
}

/** WCAG contrast ratio (L1 + 0.05)/(L2 + 0.05), lighter over darker. */
function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The colour `share` of the way from a to b (share 0 → a, 1 → b), channel by channel. */
function mix(a: Rgb, b: Rgb, share: number): Rgb {
  const at = (i: 0 | 1 | 2): number => a[i] + (b[i] - a[i]) * share;
  return [at(0), at(1), at(2)];
}

/** The first candidate readable (≥ 4.5:1) on every background; the fallback (the body text) otherwise. */
function readable(candidates: readonly string[], backgrounds: readonly Rgb[], fallback: Rgb): Rgb {
  for (const c of candidates) {
    const rgb = parseHex(c)!;
    if (backgrounds.every((bg) => contrast(rgb, bg) >= TEXT_CONTRAST)) return rgb;
  }
  return fallback;
}

/** The text colour mixed towards the background as far as it stays readable on every background. */
function softened(text: Rgb, bg: Rgb, backgrounds: readonly Rgb[], most: number): Rgb {
  for (let share = most; share > 0; share -= 0.05) {
    const c = mix(text, bg, share);
    if (backgrounds.every((b) => contrast(c, b) >= TEXT_CONTRAST)) return c;
  }
  return text;
}

/** A foreground/background pair of the theme, or the default pair when it is missing or unreadable. */
function pair(fg: unknown, bg: unknown, fallback: readonly [string, string]): [Rgb, Rgb] {
  const f = parseHex(fg);
  const b = parseHex(bg);
  if (f && b && contrast(f, b) >= TEXT_CONTRAST) return [f, b];
  return [parseHex(fallback[0])!, parseHex(fallback[1])!];
}

/**
 * The pane's palette for an Office theme (null: none, then light or dark as `prefersDark` says). Dark means
 * the body background is darker than the body text (true of Dark Gray and Black).
 */
export function paletteFor(theme: Partial<ThemeColours> | null | undefined, prefersDark = false): Palette {
  const given = parseHex(theme?.bodyBackgroundColor) && parseHex(theme?.bodyForegroundColor) ? theme! : null;
  const guessDark = given
    ? luminance(parseHex(given.bodyBackgroundColor)!) < luminance(parseHex(given.bodyForegroundColor)!)
    : prefersDark;
  const d = guessDark ? DARK : LIGHT;
  const [text, bg] = pair(given?.bodyForegroundColor, given?.bodyBackgroundColor, [
    d.bodyForegroundColor,
    d.bodyBackgroundColor,
  ]);
  const dark = luminance(bg) < luminance(text);
  const [controlText, controlBg] = pair(given?.controlForegroundColor, given?.controlBackgroundColor, [
    d.controlForegroundColor,
    d.controlBackgroundColor,
  ]);
  // A shade for table headers: towards the text where the text stays readable on it, else away from it.
  const away = parseHex(dark ? "#000000" : "#ffffff")!;
  const subtle = [mix(text, bg, dark ? 0.88 : 0.95), mix(bg, away, 0.15), bg].find(
    (c) => contrast(text, c) >= TEXT_CONTRAST,
  )!;
  const problemsBg = mix(parseHex("#d13438")!, bg, dark ? 0.8 : 0.93);
  const noticeTint = mix(parseHex("#f1c21b")!, bg, dark ? 0.82 : 0.78);
  const noticeBg = contrast(text, noticeTint) >= TEXT_CONTRAST ? noticeTint : bg;
  const muted = softened(text, bg, [bg, subtle, controlBg, problemsBg], 0.45);
  const brand = readable(
    dark ? ["#5ed3c8", "#8de2da", "#c2f0eb"] : ["#00786f", "#005a53", "#00403b"],
    [bg, subtle],
    text,
  );
  const vars: Record<string, string> = {
    bg: hex(bg),
    text: hex(text),
    "control-bg": hex(controlBg),
    "control-text": hex(controlText),
    muted: hex(muted),
    border: hex(mix(text, bg, dark ? 0.7 : 0.8)),
    "control-border": hex(softened(controlText, controlBg, [controlBg, bg], 0.45)),
    "bg-subtle": hex(subtle),
    brand: hex(brand),
    "brand-button-bg": "#00786f",
    "brand-button-hover": "#005a53",
    "brand-button-text": "#ffffff",
    danger: hex(readable(dark ? ["#ff99a4", "#ffc2c8"] : ["#b10e1c", "#8a0b16", "#5c0710"], [bg, problemsBg], text)),
    ok: hex(readable(dark ? ["#9fd89f", "#c8ecc8"] : ["#0e700e", "#0a540a", "#063b06"], [bg], text)),
    "problems-bg": hex(problemsBg),
    "problems-border": hex(mix(parseHex("#d13438")!, bg, dark ? 0.45 : 0.65)),
    "notice-bg": hex(noticeBg),
    "notice-border": hex(mix(parseHex("#f1c21b")!, bg, dark ? 0.3 : 0.15)),
    focus: hex(text),
    "disabled-bg": hex(mix(text, bg, dark ? 0.9 : 0.94)),
    "disabled-text": hex(mix(text, bg, dark ? 0.64 : 0.74)),
    "disabled-border": hex(mix(text, bg, dark ? 0.8 : 0.88)),
    shadow: dark ? "rgba(0, 0, 0, 0.4)" : "rgba(0, 0, 0, 0.08)",
  };
  return { dark, vars };
}

/** Writes a palette on the element (the page's <html>): custom properties, color-scheme and data-theme. */
export function applyPalette(root: HTMLElement, palette: Palette): void {
  for (const [name, value] of Object.entries(palette.vars)) root.style.setProperty(`--${name}`, value);
  root.style.colorScheme = palette.dark ? "dark" : "light";
  root.dataset.theme = palette.dark ? "dark" : "light";
}

/** Office's theme now, or null outside Office (and where Office does not report one). */
function officeTheme(): Partial<ThemeColours> | null {
  try {
    if (typeof Office === "undefined") return null;
    const t = (Office.context as Office.Context | undefined)?.officeTheme as Partial<ThemeColours> | undefined;
    return t && parseHex(t.bodyBackgroundColor) ? t : null;
  } catch {
    return null; // Office.context can throw outside Office
  }
}

/**
 * Applies Office's theme (or the system's light/dark setting without one) to the page now, and again whenever
 * it may have changed: the pane regains focus or becomes visible, or the system setting changes.
 */
export function followTheme(root: HTMLElement = document.documentElement): void {
  const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const apply = (): void => applyPalette(root, paletteFor(officeTheme(), media?.matches ?? false));
  apply();
  media?.addEventListener("change", apply);
  window.addEventListener("focus", apply);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") apply();
  });
}
