/**
 * The fake Office/Excel host for tests: an in-memory workbook behind the Office.js proxy-object model,
 * recording every call and counting `context.sync()`.
 *
 * WHERE IT RUNS
 * - Node (vitest): `createFakeHost(config)` from this module; nothing is installed until `host.install()`.
 * - Browser (Chromium, test/support/browser.ts): browser.ts is bundled by esbuild into one script injected
 *   before the page's scripts; it reads `globalThis.__fakeHostConfig`, installs `Office`, `Excel`,
 *   `OfficeExtension`, `CustomFunctions` and `OfficeRuntime` on globalThis and exposes the host as
 *   `globalThis.__fakeHost`.
 *
 * THE MODULES, by concern
 *   types.ts            the public types: FakeHostConfig (every option documented), FakeCall, FakeHost
 *   a1.ts, cellValues.ts  addresses and rectangles; typed input, value types, display text
 *   sheetState.ts, bookState.ts  the workbook: cells, formulas and spills; sheets, names, settings, XML parts
 *   callLog.ts, faults.ts  the log of calls and payload estimates; injected faults and held syncs
 *   clientObject.ts, requestContext.ts  the proxy-object model (queued work, load, null objects) and sync
 *   workbookApi.ts, rangeApi.ts, namesApi.ts, settingsApi.ts, customXmlApi.ts  the Office.js objects emulated
 *   globals.ts          Excel, Office, OfficeExtension, CustomFunctions, OfficeRuntime
 *   inspection.ts, customFunctionCalls.ts  what tests read and type, and calling custom functions
 *
 * OFFICE.JS SEMANTICS EMULATED (details in each module)
 * - Proxy objects: methods return proxies at once; property writes and method calls are queued and applied,
 *   in order, at `context.sync()`; `load()` snapshots the state at its place in the queue; reading a property
 *   neither loaded nor set throws PropertyNotLoaded; `isNullObject` is readable after the sync that resolved it.
 * - A failing operation rejects the sync; the operations before it in the batch stay applied (no rollback).
 * - Range writes take a 2-D array of exactly the range's shape or one scalar; a written string is parsed like
 *   typed input ("=…" formulas, numbers, TRUE/FALSE, "'…" quote prefix) unless the cell's format is "@".
 *   Reading: empty cells are "", error values are strings, valueTypes Empty/Double/String/Boolean/Error.
 * - Formula results: config.evaluate / host.setEvaluator, else the value the formula last had in that cell,
 *   else a literal (=5, ="x", =TRUE), else "". A 2-D result spills; a blocked spill shows "#SPILL!".
 * - Everything not implemented (format.fill.color, conditionalFormats.add, charts.add, freezePanes, …) is a
 *   generic recording proxy: accepted, recorded, queued (faults can target it), changing nothing.
 *
 * THE LOG: host.calls — { i, path, kind, args, sheet, address, write, batch, status } per call (see FakeCall);
 * host.syncCount; host.log() a JSON-safe copy. FAULTS: config.faults / host.inject (faults.ts).
 *
 * KNOWN LIMITS (deliberate; extend when a test needs more): no formula calculation; insert/delete of cells
 * and copyFrom do not move or adjust references; RangeAreas.address joins areas with "," (no space);
 * formulas of spilled (non-anchor) cells read back as their values; writes to a null object are ignored;
 * findAll matches formula text for formula cells; Range.text knows only General, 0, 0.0…, 0% and 0.0…%;
 * getSpecialCells knows Formulas, Constants and Blanks; `batch` numbers are global, so with two contexts
 * syncing concurrently (a custom function while the pane writes) they are approximate.
 */
import { parseRect } from "./a1";
import { BookState, checkName } from "./bookState";
import { CallLog } from "./callLog";
import { clone } from "./cellValues";
import { customFunctionCalls } from "./customFunctionCalls";
import { Faults } from "./faults";
import { createGlobals } from "./globals";
import type { HostEnv } from "./hostEnv";
import { inspection, selectAreas } from "./inspection";
import { OfficeError } from "./officeError";
import { eachInput } from "./sheetState";
import type { FakeHost, FakeHostConfig, FakeSheetSpec } from "./types";

export * from "./types";
export { MAX_COLS, MAX_ROWS, colIndex, colLetters, parseRect, quoteSheet, rectAddress, splitSheet } from "./a1";
export type { Rect } from "./a1";
export { OfficeError } from "./officeError";

const GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions", "OfficeRuntime"] as const;

/** Loads config.sheets, the active sheet and selection, names, settings and custom XML parts. */
function loadInitialWorkbook(book: BookState, config: FakeHostConfig): void {
  for (const [name, spec] of Object.entries(config.sheets || { Sheet1: {} })) {
    const sheet = book.addSheet(name);
    const withCells = (spec || {}) as FakeSheetSpec;
    const cells = (typeof withCells.cells === "object" && withCells.cells !== null ? withCells.cells : spec) || {};
    if (withCells.visibility) sheet.visibility = withCells.visibility;
    for (const [addr, content] of Object.entries(cells as Record<string, unknown>)) {
      if (addr === "visibility") continue;
      const rect = parseRect(addr);
      if (!rect) throw new Error(`fake host config: "${addr}" on sheet "${name}" is not an A1 address`);
      if (Array.isArray(content)) {
        eachInput(rect, content, `config ${name}!${addr}`, (r, c, v) => sheet.applySpec(r, c, v));
      } else {
        for (let r = rect.r0; r <= rect.r1; r++)
          for (let c = rect.c0; c <= rect.c1; c++) sheet.applySpec(r, c, content);
      }
    }
    sheet.resolveSpills();
  }
  if (!book.sheets.length) book.addSheet("Sheet1");
  const active = (config.activeSheet && book.findSheet(config.activeSheet)) || book.sheets[0]!;
  if (config.selection) {
    book.active = active;
    selectAreas(book, config.selection);
  } else book.activate(active);
  const wanted = config.activeSheet ? book.findSheet(config.activeSheet) : undefined;
  if (wanted && book.selection!.sheet !== wanted) {
    throw new Error("fake host config: the selection must be on the active sheet");
  }
  for (const n of config.names || []) {
    const scope = n.scope ? book.findSheet(n.scope) || null : null;
    checkName(n.name);
    book.names.push({
      name: n.name,
      formula: n.formula.startsWith("=") ? n.formula : "=" + n.formula,
      comment: n.comment || "",
      visible: n.visible !== false,
      scope,
    });
  }
  for (const [k, v] of Object.entries(config.settings || {})) book.settings.set(k, clone(v));
  for (const xml of config.customXmlParts || []) book.addXmlPart(xml);
}

/** A fake Office/Excel host with the workbook of `config` (see FakeHostConfig). */
export function createFakeHost(config: FakeHostConfig = {}): FakeHost {
  const platform = config.platform || "OfficeOnline";
  const log = new CallLog(
    config.maxRecordedArgCells === undefined ? 10000 : config.maxRecordedArgCells,
    typeof config.maxPayloadBytes === "number" ? config.maxPayloadBytes : null,
  );
  const book = new BookState(typeof config.evaluate === "function" ? config.evaluate : null);
  const env: HostEnv = {
    config,
    platform,
    book,
    log,
    faults: new Faults(config.faults || []),
    associated: {},
    actions: {},
  };
  const globals = createGlobals(env);
  let saved: { g: object; values: [string, PropertyDescriptor | undefined][] } | null = null;

  const host: FakeHost = {
    config,
    platform,
    Office: globals.Office as typeof Office,
    Excel: globals.Excel as typeof Excel,
    OfficeExtension: globals.OfficeExtension as typeof OfficeExtension,
    CustomFunctions: globals.CustomFunctions as typeof CustomFunctions,
    OfficeRuntime: globals.OfficeRuntime as typeof OfficeRuntime,
    OfficeError,
    install(target?: object): FakeHost {
      const g = target || globalThis;
      saved = { g, values: GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)]) };
      for (const k of GLOBALS)
        Object.defineProperty(g, k, { value: globals[k], configurable: true, writable: true, enumerable: false });
      return host;
    },
    uninstall(): void {
      if (!saved) return;
      for (const [k, d] of saved.values) {
        if (d) Object.defineProperty(saved.g, k, d);
        else delete (saved.g as Record<string, unknown>)[k];
      }
      saved = null;
    },
    get calls() {
      return log.calls;
    },
    get syncCount() {
      return log.syncCount;
    },
    clearLog: () => log.clear(),
    log: () => log.snapshot(),
    faults: env.faults.list,
    inject: (fault) => env.faults.inject(fault),
    holdSyncs: () => env.faults.hold(),
    releaseSyncs: () => env.faults.release(),
    setEvaluator: (fn) => {
      book.evaluator = fn || null;
    },
    associated: env.associated,
    actions: env.actions,
    ...customFunctionCalls(env),
    ...inspection(env),
  };
  book.host = host;
  loadInitialWorkbook(book, config);
  return host;
}
