/**
 * The task pane's one way to the host: `Excel.run` (or a stand-in in tests), the ExcelApi requirement sets,
 * counting a batch's `context.sync()` calls, the text of an error as Excel (or the core) gave it, and where the
 * pane runs (Office's platform and display language). Sections receive a `PaneHost` in their context
 * (../section.ts) and never reach for the `Excel` or `Office` globals themselves.
 *
 * Nothing here runs at import: every use of `Office` or `Excel` is inside a function and guarded, so the pane
 * also loads outside Office (in a browser, to accept the development certificate).
 */
import { msg, renderMessage } from "../core/messages/catalogue";
import { LANGUAGES } from "../core/messages/types";

/** `Excel.run`, or a stand-in (tests pass the fake host's). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports an ExcelApi requirement set version ("1.9"). */
export type Supports = (version: string) => boolean;

/** Office's `Excel.run`. */
export const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/** The host's answer, from `Office.context.requirements`; everything is assumed supported without Office. */
export const excelApiSupports: Supports = (version) => {
  try {
    const req = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    return req?.isSetSupported ? req.isSetSupported("ExcelApi", version) : true;
  } catch {
    return true;
  }
};

/** Where Office runs the pane: Excel on the web, on Windows, on a Mac, on an iPad; null outside Office. */
export type OfficePlatform = "web" | "windows" | "mac" | "ipad" | "other" | null;

/** Office's platform (`Office.context.platform`), or null outside Office. */
export function officePlatform(): OfficePlatform {
  let p: unknown;
  try {
    p = typeof Office === "undefined" ? undefined : Office.context?.platform;
  } catch {
    return null; // Office.context can throw outside Office
  }
  if (p === undefined || p === null) return null;
  const known: Record<string, OfficePlatform> = { OfficeOnline: "web", PC: "windows", Mac: "mac", iOS: "ipad" };
  return typeof p === "string" ? (known[p] ?? "other") : "other";
}

/** Office's display language ("zh-CN"), or null where Office.context has none (outside Office). */
export function officeDisplayLanguage(): string | null {
  try {
    return (typeof Office === "undefined" ? undefined : Office.context?.displayLanguage) || null;
  } catch {
    return null;
  }
}

/** What a pane section needs of the host. */
export interface PaneHost {
  /** Runs a batch against the workbook. */
  run: ExcelRun;
  /** The host's ExcelApi requirement sets. */
  supports: Supports;
  /** Whether a workbook can be reached at all (false in a browser outside Office). */
  available: boolean;
  /** Where Office runs the pane (Excel on the web limits a request to 5 MB, for instance). */
  platform: OfficePlatform;
}

/** The `run` and `supports` given (by a test, say), Office's own where not. */
export function hostOf(given: { run?: ExcelRun; supports?: Supports }): { run: ExcelRun; supports: Supports } {
  return { run: given.run ?? defaultRun, supports: given.supports ?? excelApiSupports };
}

/** The host the pane runs in; `overrides` stand in for parts of it (tests pass the fake host's `run`). */
export function paneHost(overrides: { run?: ExcelRun; supports?: Supports } = {}): PaneHost {
  return {
    run: overrides.run ?? defaultRun,
    supports: overrides.supports ?? excelApiSupports,
    available: overrides.run !== undefined || typeof Excel !== "undefined",
    platform: officePlatform(),
  };
}

/** A sync that counts itself: `sync()` runs `context.sync()`, `count()` says how many ran. */
export interface SyncCounter {
  sync: () => Promise<void>;
  count: () => number;
}

/** Counts the syncs made through it (each operation reports its count; tests hold them to a budget). */
export function counter(context: Excel.RequestContext): SyncCounter {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    count: () => n,
  };
}

/** An OfficeExtension.Error's code ("ItemAlreadyExists", "ItemNotFound", …), or "". */
export function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** An error's message as Excel or the core gave it. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return e.message || (typeof code === "string" ? code : String(e));
  }
  return String(e);
}

/** The full stop of each language (the catalogue's `pane.fullStop`): what {@link clause} takes off. */
const FULL_STOPS: readonly string[] = LANGUAGES.map((l) => renderMessage(msg("pane.fullStop"), l));

/**
 * A message to embed in a sentence of ours: without its closing full stop (English or Chinese), so that
 * `failed: ${clause(detail)}.` never reads "already exists..". An ellipsis ("...", "…") is kept.
 */
export function clause(message: string): string {
  const t = message.trim();
  if (t.endsWith("...")) return t;
  const stop = FULL_STOPS.find((s) => t.endsWith(s));
  return stop === undefined ? t : t.slice(0, t.length - stop.length);
}
