/* eslint-disable */
/**
 * fakeExcel.js — a fake Office/Excel host for tests: an in-memory workbook behind the Office.js proxy-object
 * model, recording every call and counting `context.sync()`.
 *
 * WHERE IT RUNS
 * - Browser (Chromium, see test/support/browser.ts): injected before the page's scripts. It reads
 *   `globalThis.__fakeHostConfig` (set before it runs), installs `Office`, `Excel`, `OfficeExtension`,
 *   `CustomFunctions` and `OfficeRuntime` on globalThis and exposes the host as `globalThis.__fakeHost`.
 * - Node (vitest): `const { createFakeHost } = require("./fakeExcel.js")` (or an ES import) — nothing is
 *   installed until you call `host.install()`. Types: fakeExcel.d.ts beside this file.
 *
 * CONFIG (all optional)
 *   platform        "OfficeOnline" (default) | "PC" | "Mac" — Office.context.platform; on "PC" and "Mac"
 *                   custom-function arguments carry blanks as 0 (see host.argumentValues).
 *   displayLanguage "en-US" (default) — Office.context.displayLanguage (and contentLanguage).
 *   sheets          { "Sheet1": { "A1": 10, "B2": { formula: "=A1*2", value: 20, numberFormat: "0.0" },
 *                                 "C1:D2": [[1, 2], [3, 4]] } }  — or { "Sheet1": { cells: {...} } }.
 *                   A formula whose value is a 2-D array (more than one cell) spills. Default: one empty "Sheet1".
 *   activeSheet     name of the active sheet (default: the selection's sheet, else the first sheet).
 *   selection       "Sheet1!A1:D10", "A1:B2" (active sheet) or an array of areas on one sheet
 *                   (["Sheet1!A1:A5", "Sheet1!C1:C5"]); default A1 of the active sheet.
 *   names           [{ name, formula: "=Sheet1!$B$2", comment?, scope?: sheetName }]
 *   settings        { key: value } (workbook settings / Office.context.document.settings)
 *   customXmlParts  ["<root xmlns='urn:x'>...</root>", ...]
 *   faults          see FAULTS below
 *   syncDelayMs     0 (default: syncs settle on a microtask) or a delay in ms, to let a UI repaint between syncs
 *   requirements    { ExcelApi: "1.12", ... } — isSetSupported answers from this (every set supported when absent)
 *   maxRecordedArgCells 10000 — larger arrays in the call log are summarised as { $array: [rows, columns] }
 *   maxPayloadBytes none (default: no limit) — emulates Excel on the web's payload limit (5 MB there): a sync
 *                   whose estimated request exceeds it rejects with RequestPayloadSizeLimitExceeded before
 *                   applying anything; one whose estimated response exceeds it rejects with
 *                   ResponsePayloadSizeLimitExceeded after its operations were applied (the fake assumes the
 *                   worst for writes in such a batch). Estimates, in bytes: request = per queued operation its
 *                   path + 64 + its arguments as JSON (UTF-8; a proxy argument 16); response = the properties
 *                   each load of the batch left loaded on its object (nested loaded objects included) plus each
 *                   getXml's XML, as JSON.
 *   evaluate        (formula, { sheet, address, host }) => value | 2-D array | undefined — formula results.
 *
 * OFFICE.JS SEMANTICS EMULATED
 * - Proxy objects: methods such as getItem/getRange return proxies at once; property writes and method calls
 *   are QUEUED and applied, in order, at `context.sync()`. `load()` snapshots the state at its place in the
 *   queue. Reading a property that was neither loaded (and synced) nor set throws OfficeExtension.Error
 *   `PropertyNotLoaded`, like Office.js; `isNullObject` is readable only after the sync that resolved it.
 * - A failing operation rejects the sync with an OfficeExtension.Error (code, message, debugInfo.errorLocation);
 *   operations queued BEFORE it in the same batch stay applied, the ones after it are dropped — Excel has no
 *   rollback, so neither has the fake.
 * - Excel.run(batch) makes a context, runs batch, then syncs whatever is still queued (counted only when
 *   something is queued). Objects of a finished run cannot be used in a later sync (InvalidObjectPath).
 * - Range.values/formulas/numberFormat writes take a 2-D array of exactly the range's shape (else
 *   InvalidArgument) or one scalar for every cell; `null` leaves a cell unchanged; "" clears it. A written
 *   string is parsed like typed input (Range.values docs): "=…", "+…", "-…" become formulas, numeric text a
 *   number, "TRUE"/"FALSE" booleans, "'…" text with a quote prefix (stored without the quote) — unless the
 *   cell's number format is "@" (text). Reading: empty cells are "", error values are strings ("#N/A"),
 *   valueTypes are Empty/Double/String/Boolean/Error, numberFormat defaults to "General".
 * - Formula results: config.evaluate / host.setEvaluator decide; otherwise a formula gets the value it last
 *   had in that cell (so freeze → restore round-trips, spills included), otherwise a literal (=5, ="x",
 *   =TRUE), otherwise "" (Empty). Spills: an anchor's 2-D result fills the cells below/right (their
 *   `formulas` read back as their values, like constants); a blocked spill shows "#SPILL!" and re-spills when
 *   the blocker is cleared; writing into a spilled cell blocks the anchor.
 * - Implemented: workbook (worksheets, names, settings, customXmlParts, getSelectedRange(s), getActiveCell),
 *   worksheets (add, getItem(OrNullObject) by name or id, getActiveWorksheet, getFirst, getLast, getCount, items),
 *   worksheet (name, id, position, visibility, tabColor, activate, delete, getRange, getRangeByIndexes,
 *   getRanges, getCell, getUsedRange(OrNullObject), findAll(OrNullObject) — matches the formula text of
 *   formula cells and the value text of the others —, names), range (address, addressLocal, rowIndex,
 *   columnIndex, rowCount, columnCount, cellCount, values, formulas, formulasLocal, numberFormat, text,
 *   valueTypes, hasSpill, isEntireRow/Column, worksheet; getCell, getOffsetRange, getResizedRange,
 *   getAbsoluteResizedRange, getRow, getColumn, getEntireRow/Column, getLastCell/Row/Column,
 *   getRowsAbove/Below, getColumnsBefore/After, getBoundingRect, getIntersection(OrNullObject),
 *   getUsedRange(OrNullObject), getSpecialCells(OrNullObject) for Formulas/Constants/Blanks,
 *   getSpillingToRange(OrNullObject), getSpillParent(OrNullObject), find(OrNullObject), clear, copyFrom
 *   (references are NOT adjusted), select, set), rangeAreas (address, areaCount, cellCount, areas, clear,
 *   getOffsetRangeAreas, select), names/namedItem, settings/setting, customXmlParts/customXmlPart (add,
 *   getByNamespace, getItem, getXml, setXml, delete), OfficeRuntime.storage.
 * - EVERYTHING ELSE (format.fill.color, conditionalFormats.add, charts.add, freezePanes, pageLayout,
 *   format.autofitColumns(), delete/insert of cells, events, …) is a generic recording proxy: any property
 *   chain and method call is accepted, recorded, queued (so faults can target it) and returns a further
 *   proxy. Such calls change nothing in the workbook. `*Async(…, callback)` calls get a succeeded result.
 *
 * THE LOG
 *   host.calls — every call, in order: { i, path, kind: "call"|"get"|"set"|"load"|"sync"|"run"|"associate",
 *   args, sheet, address, write, batch, status }. path is "<object>.<member>": "worksheets.add",
 *   "worksheet.getRange", "range.values" (set), "range.load", "range.format.fill.color" (set),
 *   "worksheet.charts.add" (call), "context.sync", "Excel.run", "CustomFunctions.associate". sheet/address
 *   name the target when known at call time. write is true for property sets and for calls that are not
 *   get…, load, track, untrack, activate or select. batch is the number the next sync will have (1-based);
 *   status of queued work: "queued" → "applied" | "failed" | "dropped".
 *   host.syncCount — context.sync() calls (explicit ones, plus Excel.run's final sync when work is queued).
 *   host.log() — a JSON-safe copy of both (for page.evaluate).
 *
 * FAULTS (config.faults or host.inject(fault)); each fires once:
 *   { sync: 2 }                        the 2nd sync rejects before applying anything of its batch
 *   { path: "range.values", nth: 2, sheet: "CRM Scorecard" }
 *                                      the 2nd executed operation with that path (on that sheet) fails; the
 *                                      earlier operations of its batch stay applied
 *   path may end with "*" (prefix) or be a RegExp; pathPattern takes a RegExp source string (browser configs
 *   are JSON). Optional code (default "GeneralException") and message.
 *
 * INSPECTION (not recorded): host.sheetNames(), host.activeSheetName(), host.selectionAddresses(),
 * host.cell("Sheet1!A1") → { value, formula, numberFormat, quotePrefix, spilledFrom },
 * host.values/formulas/numberFormats("Sheet1!A1:B2"), host.usedAddress(sheet), host.setCell(address,
 * value | { formula, value }) and host.setValues(address, rows) (a user typing), host.select(areas),
 * host.snapshot() (the whole workbook as plain data, for "unchanged" assertions), host.invoke(id, args,
 * invocation) / host.invokeSettled(...) (call an associated custom function; host.setMetadata(functionsJson)
 * pads omitted optional arguments with null), host.argumentValues(address) (a range as the platform passes
 * it to a custom function), host.holdSyncs()/releaseSyncs() (pause syncs to observe progress or cancel).
 *
 * KNOWN LIMITS (deliberate; extend when a test needs more): no formula calculation (see "Formula results");
 * insert/delete of cells and copyFrom do not move or adjust references; RangeAreas.address joins areas with
 * "," (no space); formulas of spilled (non-anchor) cells read back as their values; writes to a null object
 * are ignored; findAll matches formula text for formula cells; Range.text knows only General, 0, 0.0…, 0%
 * and 0.0…%; getSpecialCells knows Formulas, Constants and Blanks; `batch` numbers are global, so with two
 * contexts syncing concurrently (a custom function while the pane writes) they are approximate.
 */
(function (root) {
  "use strict";

  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;
  const ERROR_VALUES = new Set([
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
  ]);

  // ------------------------------------------------------------------------------------------------------
  // Errors
  // ------------------------------------------------------------------------------------------------------

  /** OfficeExtension.Error: name "RichApi.Error", code, message, debugInfo. */
  class OfficeError extends Error {
    constructor(code, message, location) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.traceMessages = [];
      this.innerError = null;
      this.debugInfo = {
        code,
        message,
        errorLocation: location || "",
        statement: "",
        surroundingStatements: [],
        fullStatements: [],
      };
    }
    toString() {
      return `${this.name}: ${this.message}`;
    }
  }
  const err = (code, message, location) => new OfficeError(code, message, location);
  const invalidArgument = (what, location) =>
    err(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format.${what ? " (" + what + ")" : ""}`,
      location,
    );
  const itemNotFound = (what, location) =>
    err("ItemNotFound", `The requested resource doesn't exist.${what ? " (" + what + ")" : ""}`, location);
  const notLoaded = (prop, type) =>
    err(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${type}.${prop}`,
    );

  // ------------------------------------------------------------------------------------------------------
  // A1 addresses. A rect is { r0, c0, r1, c1 }, 0-based and inclusive.
  // ------------------------------------------------------------------------------------------------------

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function colLetters(i) {
    let s = "";
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
  const COL_RE = /^\$?([A-Za-z]{1,3})$/;
  const ROW_RE = /^\$?([0-9]{1,7})$/;

  /** Parses "A1", "$A$1:B2", "A:C", "3:5" into a rect, or returns null. */
  function parseRect(text) {
    if (typeof text !== "string") return null;
    const parts = text.trim().split(":");
    if (parts.length < 1 || parts.length > 2) return null;
    const a = parts[0];
    const b = parts.length === 2 ? parts[1] : parts[0];
    let rect = null;
    let m1;
    let m2;
    if ((m1 = CELL_RE.exec(a)) && (m2 = CELL_RE.exec(b))) {
      rect = { r0: +m1[2] - 1, c0: colIndex(m1[1]), r1: +m2[2] - 1, c1: colIndex(m2[1]) };
    } else if (parts.length === 2 && (m1 = COL_RE.exec(a)) && (m2 = COL_RE.exec(b))) {
      rect = { r0: 0, c0: colIndex(m1[1]), r1: MAX_ROWS - 1, c1: colIndex(m2[1]) };
    } else if (parts.length === 2 && (m1 = ROW_RE.exec(a)) && (m2 = ROW_RE.exec(b))) {
      rect = { r0: +m1[1] - 1, c0: 0, r1: +m2[1] - 1, c1: MAX_COLS - 1 };
    } else return null;
    return normRect(rect);
  }
  function normRect(r) {
    const n = {
      r0: Math.min(r.r0, r.r1),
      c0: Math.min(r.c0, r.c1),
      r1: Math.max(r.r0, r.r1),
      c1: Math.max(r.c0, r.c1),
    };
    if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) return null;
    return n;
  }
  /** Splits "Sheet1!A1", "'My sheet'!A1:B2" into { sheet, ref }; sheet is null without a qualifier. */
  function splitSheet(address) {
    const s = String(address).trim();
    const q = /^'((?:[^']|'')+)'!(.*)$/.exec(s);
    if (q) return { sheet: q[1].replace(/''/g, "'"), ref: q[2] };
    const bang = s.lastIndexOf("!");
    if (bang > 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
    return { sheet: null, ref: s };
  }
  function looksLikeCellRef(name) {
    const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
    return (m && colIndex(m[1]) < MAX_COLS) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name) || /^[RrCc]$/.test(name);
  }
  /** Sheet name as Excel writes it in an address: quoted when not a plain word. */
  function quoteSheet(name) {
    return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeCellRef(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function rectAddress(r, absolute) {
    const d = absolute ? "$" : "";
    const wholeCols = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
    const wholeRows = r.c0 === 0 && r.c1 === MAX_COLS - 1;
    if (wholeRows) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
    if (wholeCols) return `${d}${colLetters(r.c0)}:${d}${colLetters(r.c1)}`;
    const a = `${d}${colLetters(r.c0)}${d}${r.r0 + 1}`;
    if (r.r0 === r.r1 && r.c0 === r.c1) return a;
    return `${a}:${d}${colLetters(r.c1)}${d}${r.r1 + 1}`;
  }
  const qualified = (sheetName, rect, absolute) => `${quoteSheet(sheetName)}!${rectAddress(rect, absolute)}`;
  const rectRows = (r) => r.r1 - r.r0 + 1;
  const rectCols = (r) => r.c1 - r.c0 + 1;
  function intersect(a, b) {
    const r = {
      r0: Math.max(a.r0, b.r0),
      c0: Math.max(a.c0, b.c0),
      r1: Math.min(a.r1, b.r1),
      c1: Math.min(a.c1, b.c1),
    };
    return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
  }
  const inRect = (rect, r, c) => r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;

  /** Merges single cells (row-major list of [r, c]) into rectangles: runs per row, stacked when equal. */
  function cellsToRects(cells) {
    const runs = [];
    for (const [r, c] of cells) {
      const last = runs[runs.length - 1];
      if (last && last.r0 === r && last.c1 === c - 1) last.c1 = c;
      else runs.push({ r0: r, r1: r, c0: c, c1: c });
    }
    const rects = [];
    for (const run of runs) {
      const above = rects.find((x) => x.r1 === run.r0 - 1 && x.c0 === run.c0 && x.c1 === run.c1);
      if (above) above.r1 = run.r0;
      else rects.push(run);
    }
    return rects;
  }

  // ------------------------------------------------------------------------------------------------------
  // Cell values
  // ------------------------------------------------------------------------------------------------------

  const isEmpty = (v) => v === null || v === undefined || v === "";
  function valueType(v, hasFormula) {
    if (v === null || v === undefined) return "Empty";
    if (v === "") return hasFormula ? "String" : "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "string" && ERROR_VALUES.has(v)) return "Error";
    return "String";
  }
  const NUMERIC_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
  /** What typing `input` into a cell stores: { clear } | { value, quotePrefix? } | { formula }. */
  function parseInput(input, numberFormat) {
    if (input === "") return { clear: true };
    if (typeof input === "number") {
      if (!Number.isFinite(input)) throw invalidArgument(`${input} is not a valid cell value`);
      return { value: input };
    }
    if (typeof input === "boolean") return { value: input };
    if (typeof input !== "string") throw invalidArgument(`unsupported cell value ${JSON.stringify(input)}`);
    if (numberFormat === "@") return { value: input };
    if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
    if (input.startsWith("=")) return { formula: input };
    if (NUMERIC_RE.test(input)) return { value: Number(input) };
    const pct = /^\s*([+-]?(\d+\.?\d*|\.\d+))%\s*$/.exec(input);
    if (pct) return { value: Number(pct[1]) / 100 };
    if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === "TRUE" };
    if (input.startsWith("+") || input.startsWith("-")) return { formula: "=" + input };
    return { value: input };
  }
  function literalFormulaValue(f) {
    let m;
    if ((m = /^=\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*$/.exec(f))) return Number(m[1]);
    if ((m = /^=\s*"((?:[^"]|"")*)"\s*$/.exec(f))) return m[1].replace(/""/g, '"');
    if ((m = /^=\s*(TRUE|FALSE)\s*$/i.exec(f))) return m[1].toUpperCase() === "TRUE";
    return undefined;
  }
  function displayText(v, nf) {
    if (isEmpty(v)) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number" && typeof nf === "string") {
      const pct = /^0(\.(0+))?%$/.exec(nf);
      if (pct) return (v * 100).toFixed(pct[2] ? pct[2].length : 0) + "%";
      const fix = /^0(\.(0+))?$/.exec(nf);
      if (fix) return v.toFixed(fix[2] ? fix[2].length : 0);
    }
    return String(v);
  }
  const is2D = (v) => Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row));
  const isSpillResult = (v) => is2D(v) && (v.length > 1 || v[0].length > 1);
  function scalarOf(v) {
    if (is2D(v)) return v[0].length ? v[0][0] : null;
    return v === undefined ? null : v;
  }
  function clone(v) {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }

  // ------------------------------------------------------------------------------------------------------
  // The host
  // ------------------------------------------------------------------------------------------------------

  function createFakeHost(config) {
    config = config || {};
    const host = {};
    const platform = config.platform || "OfficeOnline";
    const displayLanguage = config.displayLanguage || "en-US";
    const maxArgCells = config.maxRecordedArgCells === undefined ? 10000 : config.maxRecordedArgCells;
    const maxPayload = typeof config.maxPayloadBytes === "number" ? config.maxPayloadBytes : null;
    const requestBytes = new WeakMap(); // call record → estimated request bytes of its arguments
    const objects = new WeakMap(); // proxy → describer
    let evaluator = typeof config.evaluate === "function" ? config.evaluate : null;
    let nextSheetId = 1;
    let nextXmlId = 1;
    let nextCtxId = 1;
    let syncGate = null;

    host.config = config;
    host.platform = platform;
    host.calls = [];
    host.syncCount = 0;
    host.faults = (config.faults || []).map((f) => Object.assign({ fired: false, seen: 0 }, f));
    host.associated = {};
    host.actions = {};
    host.metadata = null;

    // ---------------------------------------------------------------- workbook state
    const book = {
      sheets: [],
      active: null,
      selection: null, // { sheet, rects, active: { r, c } }
      names: [], // { name, formula, comment, visible, scope: sheet | null }
      settings: new Map(),
      xmlParts: [], // { id, xml, namespaceUri }
      memo: new Map(), // formula results remembered per cell
      storage: new Map(), // OfficeRuntime.storage
    };
    host._book = book;

    class SheetState {
      constructor(name) {
        const n = nextSheetId++;
        this.id = `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}`;
        this.name = name;
        this.cells = new Map(); // key → { v, f, nf, q, arr, parent }
        this.anchors = new Set();
        this.visibility = "Visible";
        this.props = {};
        this.deleted = false;
      }
      key(r, c) {
        return r * MAX_COLS + c;
      }
      get(r, c) {
        return this.cells.get(r * MAX_COLS + c);
      }
    }
    const liveSheets = () => book.sheets.filter((s) => !s.deleted);
    function findSheet(key) {
      if (typeof key !== "string") return undefined;
      const k = key.toLowerCase();
      return liveSheets().find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k);
    }
    function checkSheetName(name, except) {
      if (
        typeof name !== "string" ||
        name.length === 0 ||
        name.length > 31 ||
        /[\\/?*[\]:]/.test(name) ||
        name.startsWith("'") ||
        name.endsWith("'")
      ) {
        throw invalidArgument(`invalid sheet name ${JSON.stringify(name)}`);
      }
      const clash = findSheet(name);
      if (clash && clash !== except) throw err("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
    function addSheet(name) {
      checkSheetName(name);
      const s = new SheetState(name);
      book.sheets.push(s);
      return s;
    }
    /** The log's name for a sheet looked up by name or id (getItem takes either): its name at call time. */
    function sheetHint(key) {
      const s = findSheet(key);
      return s ? s.name : key;
    }
    function liveSheet(s, location) {
      if (!s || s.deleted) throw itemNotFound("the worksheet was deleted", location);
      return s;
    }

    function memoKey(sheet, key, f) {
      return `${sheet.id}|${key}|${f}`;
    }
    function evaluate(sheet, r, c, f) {
      if (evaluator) {
        const res = evaluator(f, {
          sheet: sheet.name,
          address: qualified(sheet.name, { r0: r, c0: c, r1: r, c1: c }),
          host,
        });
        if (res !== undefined) return res;
      }
      const m = book.memo.get(memoKey(sheet, sheet.key(r, c), f));
      if (m !== undefined) return m;
      const lit = literalFormulaValue(f);
      return lit === undefined ? "" : lit;
    }
    function removeGhosts(sheet, key, cell) {
      if (!cell.arr) return;
      const r0 = Math.floor(key / MAX_COLS);
      const c0 = key % MAX_COLS;
      for (let i = 0; i < cell.arr.length; i++) {
        for (let j = 0; j < cell.arr[i].length; j++) {
          const k = sheet.key(r0 + i, c0 + j);
          const g = sheet.cells.get(k);
          if (g && g.parent === key) {
            g.parent = null;
            g.v = null;
            tidy(sheet, k, g);
          }
        }
      }
    }
    function tidy(sheet, key, cell) {
      if (cell.v === null && cell.f === null && cell.nf === null && !cell.arr && cell.parent === null)
        sheet.cells.delete(key);
    }
    function cellFor(sheet, key) {
      let cell = sheet.cells.get(key);
      if (!cell) {
        cell = { v: null, f: null, nf: null, q: false, arr: null, parent: null };
        sheet.cells.set(key, cell);
      }
      return cell;
    }
    /** Writes content into one cell: { clear } | { value, quotePrefix } | { formula, result? }. */
    function writeCell(sheet, r, c, content) {
      const key = sheet.key(r, c);
      const existing = sheet.cells.get(key);
      if (existing && existing.parent !== null) {
        if (content.clear) return; // part of a spill cannot be cleared
        existing.parent = null;
        existing.v = null;
      }
      const cell = cellFor(sheet, key);
      if (cell.f !== null) book.memo.set(memoKey(sheet, key, cell.f), cell.arr || cell.v);
      if (cell.arr) {
        removeGhosts(sheet, key, cell);
        cell.arr = null;
        sheet.anchors.delete(key);
      }
      cell.q = false;
      if (content.clear) {
        cell.v = null;
        cell.f = null;
      } else if (content.formula !== undefined) {
        cell.f = content.formula;
        const res = content.result !== undefined ? content.result : evaluate(sheet, r, c, content.formula);
        if (isSpillResult(res)) {
          cell.arr = res.map((row) => row.slice());
          cell.v = scalarOf(res);
          sheet.anchors.add(key);
        } else {
          cell.v = scalarOf(res);
        }
      } else {
        cell.v = content.value;
        cell.f = null;
        cell.q = !!content.quotePrefix;
      }
      tidy(sheet, key, cell);
    }
    function setFormat(sheet, r, c, nf) {
      const key = sheet.key(r, c);
      const cell = cellFor(sheet, key);
      cell.nf = nf === "General" || nf === "" ? null : nf;
      tidy(sheet, key, cell);
    }
    /** Spills every anchor whose area is free, blocks (#SPILL!) the others. */
    function resolveSpills(sheet) {
      for (const key of sheet.anchors) {
        const anchor = sheet.cells.get(key);
        if (!anchor || !anchor.arr) continue;
        const r0 = Math.floor(key / MAX_COLS);
        const c0 = key % MAX_COLS;
        const rows = anchor.arr.length;
        const cols = Math.max(...anchor.arr.map((row) => row.length));
        let blocked = r0 + rows > MAX_ROWS || c0 + cols > MAX_COLS;
        for (let i = 0; i < rows && !blocked; i++) {
          for (let j = 0; j < cols && !blocked; j++) {
            if (i === 0 && j === 0) continue;
            const g = sheet.get(r0 + i, c0 + j);
            if (g && g.parent !== key && (g.v !== null || g.f !== null || g.parent !== null)) blocked = true;
          }
        }
        if (blocked) {
          removeGhosts(sheet, key, anchor);
          anchor.v = "#SPILL!";
          continue;
        }
        anchor.v = anchor.arr[0][0] === undefined ? null : anchor.arr[0][0];
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            if (i === 0 && j === 0) continue;
            const k = sheet.key(r0 + i, c0 + j);
            const g = cellFor(sheet, k);
            const v = anchor.arr[i][j];
            g.v = v === undefined ? null : v;
            g.parent = key;
            g.f = null;
          }
        }
      }
    }
    function spillAnchorOf(sheet, r, c) {
      const cell = sheet.get(r, c);
      if (!cell) return null;
      if (cell.arr) return sheet.key(r, c);
      if (cell.parent !== null) return cell.parent;
      return null;
    }
    function spillRect(sheet, key) {
      const a = sheet.cells.get(key);
      if (!a || !a.arr || a.v === "#SPILL!") return null;
      const r0 = Math.floor(key / MAX_COLS);
      const c0 = key % MAX_COLS;
      return { r0, c0, r1: r0 + a.arr.length - 1, c1: c0 + Math.max(...a.arr.map((row) => row.length)) - 1 };
    }

    function usedRect(sheet, valuesOnly) {
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const [key, cell] of sheet.cells) {
        const has = cell.v !== null || cell.f !== null || cell.parent !== null || (!valuesOnly && cell.nf !== null);
        if (!has) continue;
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
      return r1 < 0 ? null : { r0, c0, r1, c1 };
    }
    function grid(sheet, rect, fn) {
      const out = new Array(rectRows(rect));
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row = new Array(rectCols(rect));
        for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = fn(sheet.get(r, c));
        out[r - rect.r0] = row;
      }
      return out;
    }
    const cellValue = (cell) => (cell && cell.v !== null ? cell.v : "");
    const cellFormula = (cell) => (cell ? (cell.f !== null ? cell.f : cell.v !== null ? cell.v : "") : "");
    const cellFormat = (cell) => (cell && cell.nf !== null ? cell.nf : "General");
    const cellType = (cell) => (cell ? valueType(cell.v, cell.f !== null) : "Empty");

    /** Applies a 2-D (or scalar) input to every cell of rect; null leaves a cell unchanged. */
    function eachInput(rect, input, location, fn) {
      const rows = rectRows(rect);
      const cols = rectCols(rect);
      if (!Array.isArray(input)) {
        if (input === null || input === undefined) return;
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c, input);
        return;
      }
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        const got = input.length + "×" + (Array.isArray(input[0]) ? input[0].length : "?");
        throw err(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (range ${rows}×${cols}, input ${got})`,
          location,
        );
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = input[i][j];
          if (v !== null && v !== undefined) fn(rect.r0 + i, rect.c0 + j, v);
        }
      }
    }
    function writeInputs(sheet, rect, input, location, asFormulas) {
      eachInput(rect, input, location, (r, c, v) => {
        const nf = cellFormat(sheet.get(r, c));
        let content;
        if (asFormulas && typeof v === "string" && v.startsWith("=")) content = { formula: v };
        else content = parseInput(v, nf);
        writeCell(sheet, r, c, content);
      });
      resolveSpills(sheet);
    }
    function clearRect(sheet, rect, applyTo) {
      const what = applyTo || "All";
      const contents = what === "All" || what === "Contents" || what === "ResetContents";
      const formats = what === "All" || what === "Formats";
      const keys = [];
      for (const key of sheet.cells.keys()) {
        if (inRect(rect, Math.floor(key / MAX_COLS), key % MAX_COLS)) keys.push(key);
      }
      for (const key of keys) {
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        if (contents) writeCell(sheet, r, c, { clear: true });
        if (formats && sheet.cells.has(key)) setFormat(sheet, r, c, null);
      }
      resolveSpills(sheet);
    }
    function matchText(cell, text, criteria) {
      if (!cell || (cell.v === null && cell.f === null)) return false;
      const subject = String(cell.f !== null ? cell.f : displayText(cell.v, cell.nf));
      const cs = criteria && criteria.matchCase;
      const a = cs ? subject : subject.toLowerCase();
      const b = cs ? String(text) : String(text).toLowerCase();
      return criteria && criteria.completeMatch ? a === b : a.includes(b);
    }
    function cellsWhere(sheet, rect, pred) {
      const hits = [];
      for (const [key, cell] of sheet.cells) {
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        if (inRect(rect, r, c) && pred(cell)) hits.push([r, c]);
      }
      hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      return hits;
    }
    function specialCells(sheet, rect, type, valueType_) {
      const vt = valueType_ || "All";
      const typeOk = (cell) => {
        if (vt === "All") return true;
        const t = valueType(cell.v, cell.f !== null);
        const want = {
          Errors: ["Error"],
          Logical: ["Boolean"],
          Numbers: ["Double"],
          Text: ["String"],
          ErrorsLogical: ["Error", "Boolean"],
          ErrorsNumbers: ["Error", "Double"],
          ErrorsText: ["Error", "String"],
          LogicalNumbers: ["Boolean", "Double"],
          LogicalText: ["Boolean", "String"],
          NumbersText: ["Double", "String"],
          ErrorsLogicalNumber: ["Error", "Boolean", "Double"],
          ErrorsLogicalText: ["Error", "Boolean", "String"],
          ErrorsNumberText: ["Error", "Double", "String"],
          LogicalNumbersText: ["Boolean", "Double", "String"],
        }[vt];
        return !want || want.includes(t);
      };
      if (type === "Formulas") return cellsWhere(sheet, rect, (cell) => cell.f !== null && typeOk(cell));
      if (type === "Constants")
        return cellsWhere(sheet, rect, (cell) => cell.f === null && cell.v !== null && typeOk(cell));
      if (type === "Blanks") {
        const used = usedRect(sheet, false);
        const area = used && intersect(rect, used);
        if (!area) return [];
        const hits = [];
        for (let r = area.r0; r <= area.r1; r++) {
          for (let c = area.c0; c <= area.c1; c++) {
            const cell = sheet.get(r, c);
            if (!cell || (cell.v === null && cell.f === null)) hits.push([r, c]);
          }
        }
        return hits;
      }
      throw invalidArgument(`getSpecialCells("${type}") is not emulated by the fake host`);
    }
    /** Resolves an address or defined name to { sheet, rect } (sheet defaults to `sheet`). */
    function resolveRef(text, defaultSheet, location) {
      const { sheet: sheetName, ref } = splitSheet(text);
      const sheet = sheetName === null ? defaultSheet : findSheet(sheetName);
      if (!sheet) throw itemNotFound(`no sheet "${sheetName}"`, location);
      const rect = parseRect(ref);
      if (rect) return { sheet, rect };
      if (sheetName === null) {
        const named = findName(ref, defaultSheet) || findName(ref, null);
        if (named) {
          const t = nameTarget(named);
          if (t) return t;
        }
      }
      throw invalidArgument(`"${text}" is not an address`, location);
    }

    // ---------------------------------------------------------------- names, settings, xml
    function findName(name, scope) {
      const k = String(name).toLowerCase();
      return book.names.find(
        (n) => n.name.toLowerCase() === k && (n.scope || null) === (scope || null) && !(n.scope && n.scope.deleted),
      );
    }
    function nameTarget(n) {
      const m = /^=\s*(.+)$/.exec(n.formula);
      if (!m) return null;
      const { sheet: sheetName, ref } = splitSheet(m[1]);
      const rect = parseRect(ref);
      const sheet = sheetName === null ? n.scope : findSheet(sheetName);
      return rect && sheet ? { sheet, rect } : null;
    }
    function checkName(name) {
      if (
        typeof name !== "string" ||
        name.length === 0 ||
        name.length > 255 ||
        !/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) ||
        looksLikeCellRef(name)
      ) {
        throw invalidArgument(`invalid name ${JSON.stringify(name)}`);
      }
    }
    function nameValue(n) {
      const t = nameTarget(n);
      if (t) return qualified(t.sheet.name, t.rect, true);
      const lit = literalFormulaValue(n.formula);
      return lit === undefined ? n.formula.replace(/^=/, "") : lit;
    }
    function nameType(n) {
      if (nameTarget(n)) return "Range";
      const lit = literalFormulaValue(n.formula);
      if (typeof lit === "number") return "Double";
      if (typeof lit === "boolean") return "Boolean";
      if (typeof lit === "string") return "String";
      return "Formula";
    }
    function xmlNamespace(xml) {
      const s = String(xml);
      const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^>]*?)?)\/?>/.exec(
        s.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ""),
      );
      if (!m) throw invalidArgument("the custom XML part is not XML");
      const prefix = m[1] ? m[1].slice(0, -1) : "";
      const attrs = m[3] || "";
      const re = prefix
        ? new RegExp(`xmlns:${prefix}\\s*=\\s*("([^"]*)"|'([^']*)')`)
        : /xmlns\s*=\s*("([^"]*)"|'([^']*)')/;
      const a = re.exec(attrs);
      return a ? (a[2] !== undefined ? a[2] : a[3]) : "";
    }

    // ---------------------------------------------------------------- the log
    function describe(a, depth) {
      if (a === null || a === undefined || typeof a === "number" || typeof a === "string" || typeof a === "boolean")
        return a;
      if (typeof a === "function" || typeof a === "object") {
        const d = objects.get(a);
        if (d) return d();
      }
      if (typeof a === "function") return "[function]";
      if (typeof a !== "object") return String(a);
      if ((depth || 0) > 5) return "[…]";
      if (Array.isArray(a)) {
        const cells = is2D(a) ? a.reduce((n, row) => n + row.length, 0) : a.length;
        if (cells > maxArgCells) return { $array: is2D(a) ? [a.length, a[0].length] : [a.length] };
        return a.map((x) => describe(x, (depth || 0) + 1));
      }
      if (a instanceof RegExp) return String(a);
      const out = {};
      for (const k of Object.keys(a)) out[k] = describe(a[k], (depth || 0) + 1);
      return out;
    }
    /** Estimated JSON size in UTF-8 bytes (see maxPayloadBytes); proxies count 16, or their loaded properties. */
    function payloadBytes(a, loaded, depth) {
      if (a === null || a === undefined) return 4;
      if (typeof a === "number") return String(a).length;
      if (typeof a === "boolean") return 5;
      if (typeof a === "string") {
        let n = 2;
        for (let i = 0; i < a.length; i++) {
          const c = a.charCodeAt(i);
          n += c < 0x80 ? (c === 34 || c === 92 ? 2 : 1) : c < 0x800 ? 2 : 3;
        }
        return n;
      }
      if ((depth || 0) > 8) return 0;
      if ((typeof a === "object" || typeof a === "function") && objects.has(a)) {
        const l = loaded ? a._loaded : undefined;
        return l ? payloadBytes(l, loaded, (depth || 0) + 1) : 16;
      }
      if (typeof a !== "object") return 16;
      let n = 2;
      if (Array.isArray(a)) {
        for (const x of a) n += payloadBytes(x, loaded, (depth || 0) + 1) + 1;
        return n;
      }
      for (const k of Object.keys(a)) n += k.length + 4 + payloadBytes(a[k], loaded, (depth || 0) + 1);
      return n;
    }
    function record(entry) {
      const rec = Object.assign({ i: host.calls.length, args: [] }, entry);
      if (maxPayload !== null) requestBytes.set(rec, payloadBytes(rec.args, false, 0));
      rec.args = rec.args.map((a) => describe(a, 0));
      host.calls.push(rec);
      return rec;
    }
    host.clearLog = () => {
      host.calls.length = 0;
      host.syncCount = 0;
    };
    host.log = () => JSON.parse(JSON.stringify({ calls: host.calls, syncCount: host.syncCount }));

    // ---------------------------------------------------------------- faults
    function pathMatches(fault, path) {
      if (fault.path instanceof RegExp) return fault.path.test(path);
      if (typeof fault.pathPattern === "string") return new RegExp(fault.pathPattern).test(path);
      if (typeof fault.path === "string") {
        return fault.path.endsWith("*") ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
      }
      return false;
    }
    function faultFor(op) {
      for (const f of host.faults) {
        if (f.fired || f.sync !== undefined) continue;
        if (!pathMatches(f, op.path)) continue;
        if (f.sheet !== undefined && op.sheet !== f.sheet) continue;
        f.seen++;
        if (f.seen >= (f.nth || 1)) {
          f.fired = true;
          return err(f.code || "GeneralException", f.message || `Injected fault at ${op.path}`, op.path);
        }
      }
      return null;
    }
    host.inject = (fault) => {
      host.faults.push(Object.assign({ fired: false, seen: 0 }, fault));
    };
    host.holdSyncs = () => {
      if (!syncGate) {
        let open;
        const p = new Promise((res) => (open = res));
        syncGate = { p, open };
      }
    };
    host.releaseSyncs = () => {
      if (syncGate) {
        const g = syncGate;
        syncGate = null;
        g.open();
      }
    };
    host.setEvaluator = (fn) => {
      evaluator = fn || null;
    };

    // ---------------------------------------------------------------- request context, sync
    class RequestContext {
      constructor() {
        this._id = nextCtxId++;
        this._queue = [];
        this._closed = false;
        this.workbook = makeObject(Workbook, this, "workbook", {});
        this.workbook._bind(book);
        this.application = genericProxy(this, "application", {});
        this.runtime = genericProxy(this, "runtime", {});
        this.trackedObjects = { add() {}, remove() {} };
      }
      load(obj, props) {
        return obj.load(props);
      }
      sync(implicit) {
        host.syncCount++;
        const n = host.syncCount;
        const ops = this._queue;
        this._queue = [];
        record({ path: "context.sync", kind: "sync", batch: n, ops: ops.length, implicit: !!implicit, ctx: this._id });
        const closed = this._closed;
        const run = () => {
          const whole = host.faults.find((f) => !f.fired && f.sync === n);
          if (whole) {
            whole.fired = true;
            for (const op of ops) op.rec.status = "dropped";
            throw err(
              whole.code || "GeneralException",
              whole.message || `Injected fault: sync ${n} failed`,
              "context.sync",
            );
          }
          if (closed && ops.length)
            throw err("InvalidObjectPath", "The object path isn't working for what you're trying to do.", ops[0].path);
          if (maxPayload !== null) {
            const request = ops.reduce((n, op) => n + op.path.length + 64 + (requestBytes.get(op.rec) || 0), 0);
            if (request > maxPayload) {
              for (const op of ops) op.rec.status = "dropped";
              throw err(
                "RequestPayloadSizeLimitExceeded",
                `The request payload size has exceeded the limit (${request} > ${maxPayload} bytes).`,
                "context.sync",
              );
            }
          }
          let response = 0;
          for (let i = 0; i < ops.length; i++) {
            const op = ops[i];
            try {
              const f = faultFor(op);
              if (f) throw f;
              op.run();
              op.rec.status = "applied";
              if (maxPayload !== null && op.target) {
                if (op.path.endsWith(".load")) response += payloadBytes(op.target._loaded, true, 0);
                else if (op.path.endsWith(".getXml") && op.target._t) response += payloadBytes(op.target._t.xml);
              }
            } catch (e) {
              op.rec.status = "failed";
              for (let j = i + 1; j < ops.length; j++) ops[j].rec.status = "dropped";
              if (e instanceof OfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = op.path;
              throw e;
            }
          }
          if (maxPayload !== null && response > maxPayload) {
            throw err(
              "ResponsePayloadSizeLimitExceeded",
              `The response payload size has exceeded the limit (${response} > ${maxPayload} bytes).`,
              "context.sync",
            );
          }
        };
        const delay = config.syncDelayMs || 0;
        const wait = () => (delay > 0 ? new Promise((res) => setTimeout(res, delay)) : Promise.resolve());
        const gate = () => (syncGate ? syncGate.p.then(gate) : Promise.resolve());
        return wait().then(gate).then(run);
      }
    }
    function enqueue(ctx, rec, path, target, fn) {
      ctx._queue.push({ path, sheet: rec.sheet, rec, run: fn, target });
      rec.status = "queued";
    }

    // ---------------------------------------------------------------- proxy objects
    const SKIP = new Set([
      "then",
      "catch",
      "asymmetricMatch",
      "nodeType",
      "tagName",
      "$$typeof",
      "constructor",
      "inspect",
      "toPrimitive",
    ]);
    function makeObject(Cls, ctx, type, hint) {
      const obj = new Cls(ctx, type, hint);
      const proxy = new Proxy(obj, {
        get(t, prop, recv) {
          if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, recv);
          if (SKIP.has(prop) || /^[_$@]/.test(prop)) return undefined;
          if (prop in t._loaded) return t._loaded[prop];
          return t._navGeneric(prop);
        },
        set(t, prop, value, recv) {
          if (typeof prop === "symbol" || prop.startsWith("_") || prop in t) return Reflect.set(t, prop, value, recv);
          t._setGeneric(prop, value);
          return true;
        },
      });
      obj._self = proxy;
      objects.set(proxy, () => obj._describe());
      return proxy;
    }

    /** A generic recording proxy for unimplemented Office.js surface. */
    function genericProxy(ctx, path, hint) {
      const children = new Map();
      const values = new Map();
      const fn = function () {};
      const proxy = new Proxy(fn, {
        get(_t, prop) {
          if (typeof prop === "symbol") return undefined;
          if (SKIP.has(prop) || /^[_$@]/.test(prop)) return undefined;
          if (values.has(prop)) return values.get(prop);
          switch (prop) {
            case "context":
              return ctx;
            case "isNullObject":
              return false;
            case "items":
              return [];
            case "toJSON":
              return () => ({});
            case "toString":
              return () => `[fake ${path}]`;
            case "track":
            case "untrack":
              return () => proxy;
            case "load":
              return (...args) => {
                const rec = record({
                  path: `${path}.load`,
                  kind: "load",
                  args,
                  sheet: hint.sheet,
                  address: hint.address,
                  batch: host.syncCount + 1,
                  write: false,
                });
                if (ctx) enqueue(ctx, rec, `${path}.load`, null, () => {});
                return proxy;
              };
            case "set":
              return (props) => {
                const rec = record({
                  path: `${path}.set`,
                  kind: "call",
                  args: [props],
                  sheet: hint.sheet,
                  address: hint.address,
                  batch: host.syncCount + 1,
                  write: true,
                });
                if (ctx) enqueue(ctx, rec, `${path}.set`, null, () => {});
              };
          }
          if (!children.has(prop)) children.set(prop, genericProxy(ctx, `${path}.${prop}`, hint));
          return children.get(prop);
        },
        set(_t, prop, value) {
          if (typeof prop === "symbol") return true;
          values.set(prop, value);
          const p = `${path}.${prop}`;
          const rec = record({
            path: p,
            kind: "set",
            args: [value],
            sheet: hint.sheet,
            address: hint.address,
            batch: host.syncCount + 1,
            write: true,
          });
          if (ctx) enqueue(ctx, rec, p, null, () => {});
          return true;
        },
        apply(_t, _this, args) {
          const member = path.slice(path.lastIndexOf(".") + 1);
          const write = !/^(get|load|track|untrack|toJSON|activate|select)/.test(member);
          const rec = record({
            path,
            kind: "call",
            args,
            sheet: hint.sheet,
            address: hint.address,
            batch: host.syncCount + 1,
            write,
          });
          if (ctx) enqueue(ctx, rec, path, null, () => {});
          const last = args[args.length - 1];
          if (/Async$/.test(member) && typeof last === "function") {
            setTimeout(() => last({ status: "succeeded", value: undefined, error: null, asyncContext: undefined }), 0);
            return undefined;
          }
          return genericProxy(ctx, `${path}()`, hint);
        },
      });
      objects.set(proxy, () => ({ $object: path, sheet: hint.sheet, address: hint.address }));
      return proxy;
    }

    class ClientResult {
      constructor() {
        this._ready = false;
        this._value = undefined;
      }
      get value() {
        if (!this._ready)
          throw err(
            "ValueNotLoaded",
            'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
            "ClientResult.value",
          );
        return this._value;
      }
      _set(v) {
        this._value = v;
        this._ready = true;
      }
    }

    class ClientObject {
      constructor(ctx, type, hint) {
        this._ctx = ctx;
        this._type = type;
        this._hint = hint || {};
        this._t = undefined;
        this._resolved = false;
        this._isNull = false;
        this._loaded = Object.create(null);
        this._navs = Object.create(null);
        this._self = null;
      }
      get context() {
        return this._ctx;
      }
      get isNullObject() {
        if (!this._resolved) throw notLoaded("isNullObject", this._type);
        return this._isNull;
      }
      _describe() {
        return { $object: this._type, sheet: this._hint.sheet, address: this._hint.address };
      }
      _bind(target) {
        this._resolved = true;
        this._isNull = target === null;
        this._t = target;
      }
      _target() {
        if (!this._resolved)
          throw err("InvalidObjectPath", "The object path isn't working for what you're trying to do.", this._type);
        return this._t;
      }
      _rec(kind, member, args, write) {
        return record({
          path: `${this._type}.${member}`,
          kind,
          args: args || [],
          sheet: this._hint.sheet,
          address: this._hint.address,
          batch: host.syncCount + 1,
          write: !!write,
          ctx: this._ctx._id,
        });
      }
      _checkArgs(args) {
        for (const a of args) {
          if (
            a &&
            (typeof a === "object" || typeof a === "function") &&
            objects.has(a) &&
            a.context &&
            a.context !== this._ctx &&
            a.context._id !== undefined
          ) {
            throw err("InvalidRequestContext", "Cannot use the object across different request contexts.", this._type);
          }
        }
      }
      /** Records and queues a call or set; fn runs at sync with the resolved (non-null) target. */
      _op(kind, member, args, write, fn) {
        this._checkArgs(args);
        const rec = this._rec(kind, member, args, write);
        const path = `${this._type}.${member}`;
        enqueue(this._ctx, rec, path, this, () => {
          const t = this._target();
          if (this._isNull) return; // operations on a null object do nothing
          fn(t);
        });
        return rec;
      }
      /** A child object made by a method: resolve(target) → child target, or null (null object). */
      _child(Cls, type, member, args, hint, resolve) {
        this._checkArgs(args);
        const child = makeObject(Cls, this._ctx, type, hint);
        const rec = this._rec("call", member, args, false);
        enqueue(this._ctx, rec, `${this._type}.${member}`, this, () => {
          const t = this._target();
          if (this._isNull) {
            child._bind(null);
            return;
          }
          child._bind(resolve(t));
        });
        return child;
      }
      _prop(name) {
        if (name in this._loaded) return this._loaded[name];
        if (this._resolved && this._isNull) return null;
        throw notLoaded(name, this._type);
      }
      _setProp(name, value, apply) {
        this._loaded[name] = value;
        this._op("set", name, [value], true, (t) => apply(t, value));
      }
      _navGeneric(prop) {
        if (!(prop in this._navs)) this._navs[prop] = genericProxy(this._ctx, `${this._type}.${prop}`, this._hint);
        return this._navs[prop];
      }
      _setGeneric(prop, value) {
        this._loaded[prop] = value;
        this._op("set", prop, [value], true, () => {});
      }
      _scalars() {
        return [];
      }
      _read() {
        return null;
      }
      _loadNav() {
        return false;
      }
      load(props) {
        const paths = loadPaths(props);
        const rec = this._rec("load", "load", props === undefined ? [] : [props], false);
        enqueue(this._ctx, rec, `${this._type}.load`, this, () => {
          const t = this._target();
          if (this._isNull) return;
          this._snapshot(t, paths);
        });
        return this._self;
      }
      _snapshot(t, paths) {
        const list = paths.length ? paths : this._scalars();
        for (const p of list) {
          const slash = p.indexOf("/");
          if (slash >= 0) {
            this._loadNav(p.slice(0, slash), p.slice(slash + 1), t);
            continue;
          }
          if (this._loadNav(p, "", t)) continue;
          this._loaded[p] = this._read(p, t);
        }
      }
      set(props) {
        for (const [k, v] of Object.entries(props || {})) {
          if (v && typeof v === "object" && !Array.isArray(v)) {
            const nav = this._self[k];
            if (nav && typeof nav.set === "function") nav.set(v);
            else this._setGeneric(k, v);
          } else {
            this._self[k] = v;
          }
        }
      }
      toJSON() {
        return Object.assign({}, this._loaded);
      }
      track() {
        return this._self;
      }
      untrack() {
        return this._self;
      }
    }
    function loadPaths(props) {
      if (props === undefined || props === null) return [];
      if (typeof props === "string")
        return props
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
      if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
      if (typeof props === "object") {
        if (props.select !== undefined || props.expand !== undefined)
          return loadPaths(props.select).concat(loadPaths(props.expand));
        const out = [];
        const walk = (o, prefix) => {
          for (const [k, v] of Object.entries(o)) {
            if (v && typeof v === "object") walk(v, prefix + k + "/");
            else if (v) out.push(prefix + k);
          }
        };
        walk(props, "");
        return out;
      }
      return [];
    }

    // ---------------------------------------------------------------- collections
    /** Loads collection items: each becomes a bound object with its own snapshot. */
    function loadItems(coll, paths, targets, makeItem) {
      const sub = [];
      for (const p of paths) {
        if (p === "items") continue;
        sub.push(p.startsWith("items/") ? p.slice(6) : p);
      }
      const items = targets.map((t) => {
        const item = makeItem(t);
        item._bind(t);
        item._snapshot(t, sub);
        return item;
      });
      coll._loaded.items = items;
    }
    class Collection extends ClientObject {
      get items() {
        return this._prop("items");
      }
      _targets() {
        return [];
      }
      _makeItem() {
        return null;
      }
      _snapshot(t, paths) {
        loadItems(this, paths, this._targets(t), (x) => this._makeItem(x));
      }
      getCount() {
        const result = new ClientResult();
        this._op("call", "getCount", [], false, (t) => result._set(this._targets(t).length));
        return result;
      }
    }

    // ---------------------------------------------------------------- Workbook
    class Workbook extends ClientObject {
      _scalars() {
        return ["name"];
      }
      _read(p) {
        if (p === "name") return config.workbookName || "Book1.xlsx";
        return null;
      }
      get name() {
        return this._prop("name");
      }
      _nav(name, Cls, type) {
        if (!(name in this._navs)) {
          const o = makeObject(Cls, this._ctx, type, {});
          o._bind(book);
          this._navs[name] = o;
        }
        return this._navs[name];
      }
      get worksheets() {
        return this._nav("worksheets", WorksheetCollection, "worksheets");
      }
      get names() {
        return this._nav("names", NamedItemCollection, "names");
      }
      get settings() {
        return this._nav("settings", SettingCollection, "settings");
      }
      get customXmlParts() {
        return this._nav("customXmlParts", CustomXmlPartCollection, "customXmlParts");
      }
      _selectionHint() {
        const s = book.selection;
        if (!s) return {};
        return {
          sheet: s.sheet.name,
          address: s.rects.map((r) => rectAddress(r)).join(","),
          rect: s.rects.length === 1 ? s.rects[0] : undefined,
        };
      }
      getSelectedRange() {
        return this._child(Range, "range", "getSelectedRange", [], this._selectionHint(), () => {
          const s = book.selection;
          if (s.rects.length !== 1)
            throw err(
              "InvalidSelection",
              "The current selection is invalid for this operation (several areas are selected).",
              "workbook.getSelectedRange",
            );
          return { sheet: s.sheet, rect: s.rects[0] };
        });
      }
      getSelectedRanges() {
        return this._child(RangeAreas, "rangeAreas", "getSelectedRanges", [], this._selectionHint(), () => ({
          sheet: book.selection.sheet,
          rects: book.selection.rects.slice(),
        }));
      }
      getActiveCell() {
        return this._child(
          Range,
          "range",
          "getActiveCell",
          [],
          { sheet: book.selection && book.selection.sheet.name },
          () => {
            const s = book.selection;
            return { sheet: s.sheet, rect: { r0: s.active.r, c0: s.active.c, r1: s.active.r, c1: s.active.c } };
          },
        );
      }
    }

    // ---------------------------------------------------------------- Worksheets
    class WorksheetCollection extends Collection {
      _targets() {
        return liveSheets();
      }
      _makeItem(s) {
        return makeObject(Worksheet, this._ctx, "worksheet", { sheet: s.name });
      }
      add(name) {
        let hintName = name;
        if (name === undefined || name === null) {
          let n = 1;
          while (findSheet(`Sheet${n}`)) n++;
          hintName = `Sheet${n}`;
        }
        const ws = makeObject(Worksheet, this._ctx, "worksheet", { sheet: hintName });
        const rec = this._rec("call", "add", name === undefined ? [] : [name], true);
        rec.sheet = hintName;
        enqueue(this._ctx, rec, "worksheets.add", this, () => {
          let finalName = name;
          if (finalName === undefined || finalName === null) {
            let n = 1;
            while (findSheet(`Sheet${n}`)) n++;
            finalName = `Sheet${n}`;
          }
          ws._bind(addSheet(String(finalName)));
        });
        return ws;
      }
      getItem(key) {
        return this._child(Worksheet, "worksheet", "getItem", [key], { sheet: sheetHint(key) }, () => {
          const s = findSheet(key);
          if (!s) throw itemNotFound(`no worksheet "${key}"`, "worksheets.getItem");
          return s;
        });
      }
      getItemOrNullObject(key) {
        return this._child(
          Worksheet,
          "worksheet",
          "getItemOrNullObject",
          [key],
          { sheet: sheetHint(key) },
          () => findSheet(key) || null,
        );
      }
      getActiveWorksheet() {
        return this._child(
          Worksheet,
          "worksheet",
          "getActiveWorksheet",
          [],
          { sheet: book.active && book.active.name },
          () => liveSheet(book.active),
        );
      }
      getFirst(visibleOnly) {
        const pick = () => liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible");
        const first = pick()[0];
        return this._child(
          Worksheet,
          "worksheet",
          "getFirst",
          visibleOnly === undefined ? [] : [visibleOnly],
          { sheet: first && first.name },
          () => pick()[0],
        );
      }
      getLast(visibleOnly) {
        const pick = () => liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible");
        const all = pick();
        return this._child(
          Worksheet,
          "worksheet",
          "getLast",
          visibleOnly === undefined ? [] : [visibleOnly],
          { sheet: all.length ? all[all.length - 1].name : undefined },
          () => {
            const list = pick();
            return list[list.length - 1];
          },
        );
      }
    }

    class Worksheet extends ClientObject {
      _scalars() {
        return ["id", "name", "position", "visibility", "tabColor"];
      }
      _read(p, s) {
        switch (p) {
          case "id":
            return s.id;
          case "name":
            return s.name;
          case "position":
            return liveSheets().indexOf(s);
          case "visibility":
            return s.visibility;
          case "tabColor":
            return s.props.tabColor || "";
          default:
            return p in s.props ? s.props[p] : null;
        }
      }
      _target() {
        const s = super._target();
        if (s && s.deleted) throw itemNotFound(`the worksheet "${s.name}" was deleted`, this._type);
        return s;
      }
      get id() {
        return this._prop("id");
      }
      get name() {
        return this._prop("name");
      }
      set name(v) {
        this._setProp("name", v, (s) => {
          checkSheetName(v, s);
          s.name = v;
        });
      }
      get position() {
        return this._prop("position");
      }
      set position(v) {
        this._setProp("position", v, (s) => {
          const live = liveSheets();
          if (!Number.isInteger(v) || v < 0 || v >= live.length) throw invalidArgument(`position ${v}`);
          book.sheets.splice(book.sheets.indexOf(s), 1);
          const before = live.filter((x) => x !== s)[v];
          book.sheets.splice(before ? book.sheets.indexOf(before) : book.sheets.length, 0, s);
        });
      }
      get visibility() {
        return this._prop("visibility");
      }
      set visibility(v) {
        this._setProp("visibility", v, (s) => {
          if (v !== "Visible" && liveSheets().filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
            throw err(
              "InvalidOperation",
              "A workbook must contain at least one visible worksheet.",
              "worksheet.visibility",
            );
          }
          s.visibility = v;
        });
      }
      get tabColor() {
        return this._prop("tabColor");
      }
      set tabColor(v) {
        this._setProp("tabColor", v, (s) => {
          s.props.tabColor = v;
        });
      }
      _setGeneric(prop, value) {
        this._loaded[prop] = value;
        this._op("set", prop, [value], true, (s) => {
          s.props[prop] = value;
        });
      }
      get names() {
        if (!("names" in this._navs)) {
          const coll = makeObject(NamedItemCollection, this._ctx, "names", this._hint);
          coll._scopeOf = () => this._target();
          coll._bind(book);
          this._navs.names = coll;
        }
        return this._navs.names;
      }
      activate() {
        this._op("call", "activate", [], false, (s) => {
          if (s.visibility !== "Visible")
            throw err("InvalidOperation", "A hidden worksheet cannot be activated.", "worksheet.activate");
          book.active = s;
          book.selection = { sheet: s, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }], active: { r: 0, c: 0 } };
        });
      }
      delete() {
        this._op("call", "delete", [], true, (s) => {
          const visible = liveSheets().filter((x) => x.visibility === "Visible");
          if (visible.length === 1 && visible[0] === s)
            throw err(
              "InvalidOperation",
              "A workbook must contain at least one visible worksheet.",
              "worksheet.delete",
            );
          const live = liveSheets();
          const idx = live.indexOf(s);
          s.deleted = true;
          book.sheets.splice(book.sheets.indexOf(s), 1);
          book.names = book.names.filter((n) => n.scope !== s);
          if (book.active === s) {
            const next = liveSheets().filter((x) => x.visibility === "Visible");
            book.active = next[Math.min(idx, next.length - 1)] || next[0];
            book.selection = { sheet: book.active, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }], active: { r: 0, c: 0 } };
          }
        });
      }
      _rangeHint(rect) {
        return { sheet: this._hint.sheet, address: rect ? rectAddress(rect) : undefined, rect };
      }
      getRange(address) {
        let rect = null;
        if (address === undefined || address === null || address === "")
          rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
        else {
          const sp = splitSheet(address);
          rect = parseRect(sp.ref);
        }
        return this._child(
          Range,
          "range",
          "getRange",
          address === undefined ? [] : [address],
          this._rangeHint(rect),
          (s) => {
            if (address === undefined || address === null || address === "")
              return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
            const t = resolveRef(address, s, "worksheet.getRange");
            if (t.sheet !== s) throw invalidArgument(`"${address}" is on another sheet`, "worksheet.getRange");
            return t;
          },
        );
      }
      getRangeByIndexes(row, col, rows, cols) {
        const rect = normRect({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 });
        return this._child(Range, "range", "getRangeByIndexes", [row, col, rows, cols], this._rangeHint(rect), (s) => {
          if (!rect || rows < 1 || cols < 1) throw invalidArgument("getRangeByIndexes", "worksheet.getRangeByIndexes");
          return { sheet: s, rect };
        });
      }
      getCell(row, col) {
        const rect = normRect({ r0: row, c0: col, r1: row, c1: col });
        return this._child(Range, "range", "getCell", [row, col], this._rangeHint(rect), (s) => {
          if (!rect) throw invalidArgument("getCell", "worksheet.getCell");
          return { sheet: s, rect };
        });
      }
      getRanges(address) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          "getRanges",
          [address],
          { sheet: this._hint.sheet, address },
          (s) => {
            const rects = String(address)
              .split(/\s*[,;]\s*/)
              .filter(Boolean)
              .map((a) => {
                const t = resolveRef(a, s, "worksheet.getRanges");
                if (t.sheet !== s) throw invalidArgument(`"${a}" is on another sheet`, "worksheet.getRanges");
                return t.rect;
              });
            return { sheet: s, rects };
          },
        );
      }
      getUsedRange(valuesOnly) {
        return this._child(
          Range,
          "range",
          "getUsedRange",
          valuesOnly === undefined ? [] : [valuesOnly],
          this._rangeHint(null),
          (s) => ({
            sheet: s,
            rect: usedRect(s, !!valuesOnly) || { r0: 0, c0: 0, r1: 0, c1: 0 },
          }),
        );
      }
      getUsedRangeOrNullObject(valuesOnly) {
        return this._child(
          Range,
          "range",
          "getUsedRangeOrNullObject",
          valuesOnly === undefined ? [] : [valuesOnly],
          this._rangeHint(null),
          (s) => {
            const rect = usedRect(s, !!valuesOnly);
            return rect ? { sheet: s, rect } : null;
          },
        );
      }
      findAll(text, criteria) {
        return this._child(RangeAreas, "rangeAreas", "findAll", [text, criteria], { sheet: this._hint.sheet }, (s) => {
          const hits = cellsWhere(s, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }, (cell) =>
            matchText(cell, text, criteria),
          );
          if (!hits.length) throw itemNotFound(`"${text}" was not found`, "worksheet.findAll");
          return { sheet: s, rects: cellsToRects(hits) };
        });
      }
      findAllOrNullObject(text, criteria) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          "findAllOrNullObject",
          [text, criteria],
          { sheet: this._hint.sheet },
          (s) => {
            const hits = cellsWhere(s, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }, (cell) =>
              matchText(cell, text, criteria),
            );
            return hits.length ? { sheet: s, rects: cellsToRects(hits) } : null;
          },
        );
      }
    }

    // ---------------------------------------------------------------- Range
    const RANGE_SCALARS = [
      "address",
      "addressLocal",
      "cellCount",
      "columnCount",
      "columnIndex",
      "rowCount",
      "rowIndex",
      "values",
      "formulas",
      "formulasLocal",
      "numberFormat",
      "numberFormatLocal",
      "text",
      "valueTypes",
      "isEntireColumn",
      "isEntireRow",
      "hasSpill",
    ];
    class Range extends ClientObject {
      _scalars() {
        return RANGE_SCALARS;
      }
      _target() {
        const t = super._target();
        if (t) liveSheet(t.sheet, this._type);
        return t;
      }
      _read(p, t) {
        const { sheet, rect } = t;
        switch (p) {
          case "address":
          case "addressLocal":
            return qualified(sheet.name, rect);
          case "cellCount":
            return rectRows(rect) * rectCols(rect);
          case "rowCount":
            return rectRows(rect);
          case "columnCount":
            return rectCols(rect);
          case "rowIndex":
            return rect.r0;
          case "columnIndex":
            return rect.c0;
          case "values":
            return grid(sheet, rect, cellValue);
          case "formulas":
          case "formulasLocal":
            return grid(sheet, rect, cellFormula);
          case "numberFormat":
          case "numberFormatLocal":
            return grid(sheet, rect, cellFormat);
          case "text":
            return grid(sheet, rect, (cell) => (cell ? displayText(cell.v, cell.nf) : ""));
          case "valueTypes":
            return grid(sheet, rect, cellType);
          case "isEntireColumn":
            return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
          case "isEntireRow":
            return rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
          case "hasSpill": {
            let yes = 0;
            let no = 0;
            for (let r = rect.r0; r <= rect.r1 && !(yes && no); r++) {
              for (let c = rect.c0; c <= rect.c1 && !(yes && no); c++) {
                if (spillAnchorOf(sheet, r, c) !== null && spillRect(sheet, spillAnchorOf(sheet, r, c))) yes++;
                else no++;
              }
            }
            return yes && no ? null : !!yes;
          }
          default:
            return null;
        }
      }
      _loadNav(name, rest, t) {
        if (name === "worksheet") {
          const ws = this._worksheetNav(false);
          ws._bind(t.sheet);
          ws._snapshot(t.sheet, rest ? [rest] : []);
          return true;
        }
        return false;
      }
      get address() {
        return this._prop("address");
      }
      get addressLocal() {
        return this._prop("addressLocal");
      }
      get cellCount() {
        return this._prop("cellCount");
      }
      get rowCount() {
        return this._prop("rowCount");
      }
      get columnCount() {
        return this._prop("columnCount");
      }
      get rowIndex() {
        return this._prop("rowIndex");
      }
      get columnIndex() {
        return this._prop("columnIndex");
      }
      get valueTypes() {
        return this._prop("valueTypes");
      }
      get text() {
        return this._prop("text");
      }
      get isEntireColumn() {
        return this._prop("isEntireColumn");
      }
      get isEntireRow() {
        return this._prop("isEntireRow");
      }
      get hasSpill() {
        return this._prop("hasSpill");
      }
      get values() {
        return this._prop("values");
      }
      set values(v) {
        this._setProp("values", v, (t) => writeInputs(t.sheet, t.rect, v, "range.values", false));
      }
      get formulas() {
        return this._prop("formulas");
      }
      set formulas(v) {
        this._setProp("formulas", v, (t) => writeInputs(t.sheet, t.rect, v, "range.formulas", true));
      }
      get formulasLocal() {
        return this._prop("formulasLocal");
      }
      set formulasLocal(v) {
        this._setProp("formulasLocal", v, (t) => writeInputs(t.sheet, t.rect, v, "range.formulasLocal", true));
      }
      get numberFormat() {
        return this._prop("numberFormat");
      }
      set numberFormat(v) {
        this._setProp("numberFormat", v, (t) =>
          eachInput(t.rect, v, "range.numberFormat", (r, c, nf) => setFormat(t.sheet, r, c, String(nf))),
        );
      }
      get numberFormatLocal() {
        return this._prop("numberFormatLocal");
      }
      set numberFormatLocal(v) {
        this._setProp("numberFormatLocal", v, (t) =>
          eachInput(t.rect, v, "range.numberFormatLocal", (r, c, nf) => setFormat(t.sheet, r, c, String(nf))),
        );
      }
      get worksheet() {
        return this._worksheetNav(true);
      }
      /** The range's worksheet; `queue` is false when made during a sync (by a load of "worksheet/…"). */
      _worksheetNav(queue) {
        if (!("worksheet" in this._navs)) {
          const ws = makeObject(Worksheet, this._ctx, "worksheet", { sheet: this._hint.sheet });
          this._navs.worksheet = ws;
          if (queue) {
            const rec = this._rec("get", "worksheet", [], false);
            enqueue(this._ctx, rec, "range.worksheet", this, () => {
              const t = this._target();
              ws._bind(t ? t.sheet : null);
            });
          }
        }
        return this._navs.worksheet;
      }
      /** A child range from pure geometry (known at call time when the parent's rect is). */
      _geo(member, args, f) {
        const parentRect = this._hint.rect;
        let rect = null;
        try {
          rect = parentRect ? f(parentRect) : null;
        } catch (e) {
          rect = null;
        }
        return this._child(
          Range,
          "range",
          member,
          args,
          { sheet: this._hint.sheet, rect, address: rect ? rectAddress(rect) : undefined },
          (t) => {
            const r = f(t.rect);
            if (!r) throw invalidArgument(`${member}(${args.join(", ")}) is outside the sheet`, `range.${member}`);
            return { sheet: t.sheet, rect: r };
          },
        );
      }
      getCell(row, col) {
        return this._geo("getCell", [row, col], (r) =>
          normRect({ r0: r.r0 + row, c0: r.c0 + col, r1: r.r0 + row, c1: r.c0 + col }),
        );
      }
      getOffsetRange(dr, dc) {
        return this._geo("getOffsetRange", [dr, dc], (r) =>
          normRect({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc }),
        );
      }
      getResizedRange(dr, dc) {
        return this._geo("getResizedRange", [dr, dc], (r) =>
          r.r1 + dr < r.r0 || r.c1 + dc < r.c0 ? null : normRect({ r0: r.r0, c0: r.c0, r1: r.r1 + dr, c1: r.c1 + dc }),
        );
      }
      getAbsoluteResizedRange(rows, cols) {
        return this._geo("getAbsoluteResizedRange", [rows, cols], (r) =>
          rows < 1 || cols < 1 ? null : normRect({ r0: r.r0, c0: r.c0, r1: r.r0 + rows - 1, c1: r.c0 + cols - 1 }),
        );
      }
      getRow(i) {
        return this._geo("getRow", [i], (r) => normRect({ r0: r.r0 + i, c0: r.c0, r1: r.r0 + i, c1: r.c1 }));
      }
      getColumn(i) {
        return this._geo("getColumn", [i], (r) => normRect({ r0: r.r0, c0: r.c0 + i, r1: r.r1, c1: r.c0 + i }));
      }
      getEntireRow() {
        return this._geo("getEntireRow", [], (r) => ({ r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COLS - 1 }));
      }
      getEntireColumn() {
        return this._geo("getEntireColumn", [], (r) => ({ r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 }));
      }
      getLastCell() {
        return this._geo("getLastCell", [], (r) => ({ r0: r.r1, c0: r.c1, r1: r.r1, c1: r.c1 }));
      }
      getLastRow() {
        return this._geo("getLastRow", [], (r) => ({ r0: r.r1, c0: r.c0, r1: r.r1, c1: r.c1 }));
      }
      getLastColumn() {
        return this._geo("getLastColumn", [], (r) => ({ r0: r.r0, c0: r.c1, r1: r.r1, c1: r.c1 }));
      }
      getRowsAbove(n) {
        const k = n === undefined ? 1 : n;
        return this._geo("getRowsAbove", n === undefined ? [] : [n], (r) =>
          normRect({ r0: r.r0 - k, c0: r.c0, r1: r.r0 - 1, c1: r.c1 }),
        );
      }
      getRowsBelow(n) {
        const k = n === undefined ? 1 : n;
        return this._geo("getRowsBelow", n === undefined ? [] : [n], (r) =>
          normRect({ r0: r.r1 + 1, c0: r.c0, r1: r.r1 + k, c1: r.c1 }),
        );
      }
      getColumnsBefore(n) {
        const k = n === undefined ? 1 : n;
        return this._geo("getColumnsBefore", n === undefined ? [] : [n], (r) =>
          normRect({ r0: r.r0, c0: r.c0 - k, r1: r.r1, c1: r.c0 - 1 }),
        );
      }
      getColumnsAfter(n) {
        const k = n === undefined ? 1 : n;
        return this._geo("getColumnsAfter", n === undefined ? [] : [n], (r) =>
          normRect({ r0: r.r0, c0: r.c1 + 1, r1: r.r1, c1: r.c1 + k }),
        );
      }
      /** The other range of getIntersection/getBoundingRect, resolved at sync (a Range or an address). */
      _otherRect(other, t, member) {
        if (typeof other === "string") {
          const o = resolveRef(other, t.sheet, `range.${member}`);
          if (o.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets", `range.${member}`);
          return o.rect;
        }
        const inner = other && objects.has(other) ? other._target() : null;
        if (!inner || !inner.rect) throw invalidArgument("expected a range", `range.${member}`);
        if (inner.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets", `range.${member}`);
        return inner.rect;
      }
      getIntersection(other) {
        return this._child(Range, "range", "getIntersection", [other], { sheet: this._hint.sheet }, (t) => {
          const r = intersect(t.rect, this._otherRect(other, t, "getIntersection"));
          if (!r) throw itemNotFound("the ranges do not intersect", "range.getIntersection");
          return { sheet: t.sheet, rect: r };
        });
      }
      getIntersectionOrNullObject(other) {
        return this._child(Range, "range", "getIntersectionOrNullObject", [other], { sheet: this._hint.sheet }, (t) => {
          let o;
          try {
            o = this._otherRect(other, t, "getIntersectionOrNullObject");
          } catch (e) {
            if (e && e.code === "InvalidArgument" && /different sheets/.test(e.message)) return null;
            throw e;
          }
          const r = intersect(t.rect, o);
          return r ? { sheet: t.sheet, rect: r } : null;
        });
      }
      getBoundingRect(other) {
        return this._child(Range, "range", "getBoundingRect", [other], { sheet: this._hint.sheet }, (t) => {
          const o = this._otherRect(other, t, "getBoundingRect");
          return {
            sheet: t.sheet,
            rect: {
              r0: Math.min(t.rect.r0, o.r0),
              c0: Math.min(t.rect.c0, o.c0),
              r1: Math.max(t.rect.r1, o.r1),
              c1: Math.max(t.rect.c1, o.c1),
            },
          };
        });
      }
      getUsedRange(valuesOnly) {
        return this._child(
          Range,
          "range",
          "getUsedRange",
          valuesOnly === undefined ? [] : [valuesOnly],
          { sheet: this._hint.sheet },
          (t) => {
            const used = usedRect(t.sheet, !!valuesOnly);
            const r = used && intersect(t.rect, used);
            if (!r) throw itemNotFound("the range has no used cells", "range.getUsedRange");
            return { sheet: t.sheet, rect: r };
          },
        );
      }
      getUsedRangeOrNullObject(valuesOnly) {
        return this._child(
          Range,
          "range",
          "getUsedRangeOrNullObject",
          valuesOnly === undefined ? [] : [valuesOnly],
          { sheet: this._hint.sheet },
          (t) => {
            const used = usedRect(t.sheet, !!valuesOnly);
            const r = used && intersect(t.rect, used);
            return r ? { sheet: t.sheet, rect: r } : null;
          },
        );
      }
      _spillTo(t) {
        const key = spillAnchorOf(t.sheet, t.rect.r0, t.rect.c0);
        if (key === null || key !== t.sheet.key(t.rect.r0, t.rect.c0)) return null;
        const r = spillRect(t.sheet, key);
        return r ? { sheet: t.sheet, rect: r } : null;
      }
      _spillParent(t) {
        const key = spillAnchorOf(t.sheet, t.rect.r0, t.rect.c0);
        if (key === null || !spillRect(t.sheet, key)) return null;
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
      }
      getSpillingToRange() {
        return this._child(Range, "range", "getSpillingToRange", [], { sheet: this._hint.sheet }, (t) => {
          const r = this._spillTo(t);
          if (!r) throw itemNotFound("the cell is not a spill anchor", "range.getSpillingToRange");
          return r;
        });
      }
      getSpillingToRangeOrNullObject() {
        return this._child(Range, "range", "getSpillingToRangeOrNullObject", [], { sheet: this._hint.sheet }, (t) =>
          this._spillTo(t),
        );
      }
      getSpillParent() {
        return this._child(Range, "range", "getSpillParent", [], { sheet: this._hint.sheet }, (t) => {
          if (rectRows(t.rect) * rectCols(t.rect) !== 1)
            throw invalidArgument("getSpillParent needs a single cell", "range.getSpillParent");
          const r = this._spillParent(t);
          if (!r) throw itemNotFound("the cell is not part of a spill", "range.getSpillParent");
          return r;
        });
      }
      getSpillParentOrNullObject() {
        return this._child(Range, "range", "getSpillParentOrNullObject", [], { sheet: this._hint.sheet }, (t) =>
          this._spillParent(t),
        );
      }
      getSpecialCells(type, valueType_) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          "getSpecialCells",
          valueType_ === undefined ? [type] : [type, valueType_],
          { sheet: this._hint.sheet },
          (t) => {
            const hits = specialCells(t.sheet, t.rect, type, valueType_);
            if (!hits.length) throw itemNotFound("No cells were found.", "range.getSpecialCells");
            return { sheet: t.sheet, rects: cellsToRects(hits) };
          },
        );
      }
      getSpecialCellsOrNullObject(type, valueType_) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          "getSpecialCellsOrNullObject",
          valueType_ === undefined ? [type] : [type, valueType_],
          { sheet: this._hint.sheet },
          (t) => {
            const hits = specialCells(t.sheet, t.rect, type, valueType_);
            return hits.length ? { sheet: t.sheet, rects: cellsToRects(hits) } : null;
          },
        );
      }
      find(text, criteria) {
        return this._child(Range, "range", "find", [text, criteria], { sheet: this._hint.sheet }, (t) => {
          const hits = cellsWhere(t.sheet, t.rect, (cell) => matchText(cell, text, criteria));
          if (!hits.length) throw itemNotFound(`"${text}" was not found`, "range.find");
          return { sheet: t.sheet, rect: { r0: hits[0][0], c0: hits[0][1], r1: hits[0][0], c1: hits[0][1] } };
        });
      }
      findOrNullObject(text, criteria) {
        return this._child(Range, "range", "findOrNullObject", [text, criteria], { sheet: this._hint.sheet }, (t) => {
          const hits = cellsWhere(t.sheet, t.rect, (cell) => matchText(cell, text, criteria));
          return hits.length
            ? { sheet: t.sheet, rect: { r0: hits[0][0], c0: hits[0][1], r1: hits[0][0], c1: hits[0][1] } }
            : null;
        });
      }
      clear(applyTo) {
        this._op("call", "clear", applyTo === undefined ? [] : [applyTo], true, (t) =>
          clearRect(t.sheet, t.rect, applyTo),
        );
      }
      select() {
        this._op("call", "select", [], false, (t) => {
          book.active = t.sheet;
          book.selection = { sheet: t.sheet, rects: [t.rect], active: { r: t.rect.r0, c: t.rect.c0 } };
        });
      }
      copyFrom(source, copyType, skipBlanks, transpose) {
        const args = [source];
        if (copyType !== undefined) args.push(copyType);
        if (skipBlanks !== undefined) args.push(skipBlanks);
        if (transpose !== undefined) args.push(transpose);
        this._op("call", "copyFrom", args, true, (t) => {
          const src = typeof source === "string" ? resolveRef(source, t.sheet, "range.copyFrom") : source._target();
          if (!src || !src.rect) throw invalidArgument("copyFrom needs a range", "range.copyFrom");
          const kind = copyType || "All";
          const rows = rectRows(src.rect);
          const cols = rectCols(src.rect);
          const snap = [];
          for (let i = 0; i < rows; i++) {
            const row = [];
            for (let j = 0; j < cols; j++) {
              const cell = src.sheet.get(src.rect.r0 + i, src.rect.c0 + j);
              row.push(cell ? { v: cell.v, f: cell.f, nf: cell.nf, q: cell.q } : null);
            }
            snap.push(row);
          }
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              const s = snap[i][j];
              const [r, c] = transpose ? [t.rect.r0 + j, t.rect.c0 + i] : [t.rect.r0 + i, t.rect.c0 + j];
              if (r >= MAX_ROWS || c >= MAX_COLS) throw invalidArgument("the copy does not fit", "range.copyFrom");
              if (skipBlanks && (!s || (s.v === null && s.f === null))) continue;
              if (kind === "Values" || kind === "All" || kind === "Formulas") {
                let content;
                if (!s || (s.v === null && s.f === null)) content = { clear: true };
                else if (kind !== "Values" && s.f !== null) content = { formula: s.f };
                else content = { value: s.v, quotePrefix: s.q };
                writeCell(t.sheet, r, c, content);
              }
              if (kind === "Formats" || kind === "All") setFormat(t.sheet, r, c, s ? s.nf : null);
            }
          }
          resolveSpills(t.sheet);
        });
      }
    }

    // ---------------------------------------------------------------- RangeAreas
    class RangeAreas extends ClientObject {
      _scalars() {
        return ["address", "addressLocal", "areaCount", "cellCount", "isEntireColumn", "isEntireRow"];
      }
      _target() {
        const t = super._target();
        if (t) liveSheet(t.sheet, this._type);
        return t;
      }
      _read(p, t) {
        switch (p) {
          case "address":
          case "addressLocal":
            return t.rects.map((r) => qualified(t.sheet.name, r)).join(",");
          case "areaCount":
            return t.rects.length;
          case "cellCount":
            return t.rects.reduce((n, r) => n + rectRows(r) * rectCols(r), 0);
          case "isEntireColumn":
            return t.rects.every((r) => r.r0 === 0 && r.r1 === MAX_ROWS - 1);
          case "isEntireRow":
            return t.rects.every((r) => r.c0 === 0 && r.c1 === MAX_COLS - 1);
          default:
            return null;
        }
      }
      _loadNav(name, rest, t) {
        if (name === "areas") {
          const areas = this._areasNav(false);
          areas._bind(t);
          areas._snapshot(t, rest ? [rest] : []);
          return true;
        }
        return false;
      }
      get address() {
        return this._prop("address");
      }
      get addressLocal() {
        return this._prop("addressLocal");
      }
      get areaCount() {
        return this._prop("areaCount");
      }
      get cellCount() {
        return this._prop("cellCount");
      }
      get isEntireColumn() {
        return this._prop("isEntireColumn");
      }
      get isEntireRow() {
        return this._prop("isEntireRow");
      }
      get areas() {
        return this._areasNav(true);
      }
      _areasNav(queue) {
        if (!("areas" in this._navs)) {
          const coll = makeObject(RangeCollection, this._ctx, "rangeCollection", this._hint);
          this._navs.areas = coll;
          if (queue) {
            const rec = this._rec("get", "areas", [], false);
            enqueue(this._ctx, rec, "rangeAreas.areas", this, () => coll._bind(this._target()));
          }
        }
        return this._navs.areas;
      }
      /** The used part of each area (its cells ∩ the sheet's used range); ItemNotFound when no area has one. */
      getUsedRangeAreas(valuesOnly) {
        return this._usedAreas("getUsedRangeAreas", valuesOnly, true);
      }
      getUsedRangeAreasOrNullObject(valuesOnly) {
        return this._usedAreas("getUsedRangeAreasOrNullObject", valuesOnly, false);
      }
      _usedAreas(member, valuesOnly, throwIfNone) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          member,
          valuesOnly === undefined ? [] : [valuesOnly],
          { sheet: this._hint.sheet },
          (t) => {
            const used = usedRect(t.sheet, !!valuesOnly);
            const rects = used ? t.rects.map((r) => intersect(r, used)).filter((r) => r) : [];
            if (rects.length > 0) return { sheet: t.sheet, rects };
            if (throwIfNone) throw itemNotFound("the ranges have no used cells", `rangeAreas.${member}`);
            return null;
          },
        );
      }
      getOffsetRangeAreas(dr, dc) {
        return this._child(
          RangeAreas,
          "rangeAreas",
          "getOffsetRangeAreas",
          [dr, dc],
          { sheet: this._hint.sheet },
          (t) => {
            const rects = t.rects.map((r) => normRect({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc }));
            if (rects.some((r) => !r)) throw invalidArgument("outside the sheet", "rangeAreas.getOffsetRangeAreas");
            return { sheet: t.sheet, rects };
          },
        );
      }
      clear(applyTo) {
        this._op("call", "clear", applyTo === undefined ? [] : [applyTo], true, (t) =>
          t.rects.forEach((r) => clearRect(t.sheet, r, applyTo)),
        );
      }
      select() {
        this._op("call", "select", [], false, (t) => {
          book.active = t.sheet;
          book.selection = { sheet: t.sheet, rects: t.rects.slice(), active: { r: t.rects[0].r0, c: t.rects[0].c0 } };
        });
      }
    }
    class RangeCollection extends Collection {
      _targets(t) {
        return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
      }
      _makeItem(x) {
        return makeObject(Range, this._ctx, "range", {
          sheet: x.sheet.name,
          rect: x.rect,
          address: rectAddress(x.rect),
        });
      }
      getItemAt(i) {
        return this._child(Range, "range", "getItemAt", [i], { sheet: this._hint.sheet }, (t) => {
          const list = this._targets(t);
          if (!list[i]) throw itemNotFound(`no area ${i}`, "rangeCollection.getItemAt");
          return list[i];
        });
      }
    }

    // ---------------------------------------------------------------- Names
    class NamedItemCollection extends Collection {
      _scope() {
        return this._scopeOf ? this._scopeOf() : null;
      }
      _targets() {
        const scope = this._scope();
        return book.names.filter((n) => (n.scope || null) === scope && !(n.scope && n.scope.deleted));
      }
      _makeItem(n) {
        return makeObject(NamedItem, this._ctx, "namedItem", {
          sheet: n.scope ? n.scope.name : undefined,
          address: n.name,
        });
      }
      add(name, reference, comment) {
        const item = makeObject(NamedItem, this._ctx, "namedItem", { sheet: this._hint.sheet, address: name });
        const args = comment === undefined ? [name, reference] : [name, reference, comment];
        this._checkArgs(args);
        const rec = this._rec("call", "add", args, true);
        enqueue(this._ctx, rec, "names.add", this, () => {
          const scope = this._scope();
          checkName(name);
          if (findName(name, scope)) throw err("ItemAlreadyExists", `The name "${name}" already exists.`, "names.add");
          let formula;
          if (typeof reference === "string") formula = reference.startsWith("=") ? reference : "=" + reference;
          else {
            const t = reference && objects.has(reference) ? reference._target() : null;
            if (!t || !t.rect) throw invalidArgument("a name needs a range or a formula", "names.add");
            formula = "=" + qualified(t.sheet.name, t.rect, true);
          }
          const n = { name, formula, comment: comment || "", visible: true, scope };
          book.names.push(n);
          item._bind(n);
        });
        return item;
      }
      addFormulaLocal(name, formula, comment) {
        return this.add(name, formula, comment);
      }
      getItem(name) {
        return this._child(
          NamedItem,
          "namedItem",
          "getItem",
          [name],
          { sheet: this._hint.sheet, address: name },
          () => {
            const n = findName(name, this._scope());
            if (!n) throw itemNotFound(`no name "${name}"`, "names.getItem");
            return n;
          },
        );
      }
      getItemOrNullObject(name) {
        return this._child(
          NamedItem,
          "namedItem",
          "getItemOrNullObject",
          [name],
          { sheet: this._hint.sheet, address: name },
          () => findName(name, this._scope()) || null,
        );
      }
    }
    class NamedItem extends ClientObject {
      _scalars() {
        return ["name", "type", "value", "formula", "comment", "visible", "scope"];
      }
      _target() {
        const n = super._target();
        if (n && !book.names.includes(n)) throw itemNotFound(`the name "${n.name}" was deleted`, "namedItem");
        return n;
      }
      _read(p, n) {
        switch (p) {
          case "name":
            return n.name;
          case "type":
            return nameType(n);
          case "value":
            return nameValue(n);
          case "formula":
            return n.formula;
          case "comment":
            return n.comment;
          case "visible":
            return n.visible;
          case "scope":
            return n.scope ? "Worksheet" : "Workbook";
          default:
            return null;
        }
      }
      get name() {
        return this._prop("name");
      }
      get type() {
        return this._prop("type");
      }
      get value() {
        return this._prop("value");
      }
      get scope() {
        return this._prop("scope");
      }
      get formula() {
        return this._prop("formula");
      }
      set formula(v) {
        this._setProp("formula", v, (n) => {
          n.formula = String(v).startsWith("=") ? String(v) : "=" + v;
        });
      }
      get comment() {
        return this._prop("comment");
      }
      set comment(v) {
        this._setProp("comment", v, (n) => {
          n.comment = v;
        });
      }
      get visible() {
        return this._prop("visible");
      }
      set visible(v) {
        this._setProp("visible", v, (n) => {
          n.visible = !!v;
        });
      }
      delete() {
        this._op("call", "delete", [], true, (n) => {
          book.names = book.names.filter((x) => x !== n);
        });
      }
      getRange() {
        return this._child(Range, "range", "getRange", [], {}, (n) => {
          const t = nameTarget(n);
          if (!t) throw invalidArgument(`the name "${n.name}" is not a range`, "namedItem.getRange");
          return t;
        });
      }
      getRangeOrNullObject() {
        return this._child(Range, "range", "getRangeOrNullObject", [], {}, (n) => nameTarget(n) || null);
      }
    }

    // ---------------------------------------------------------------- Settings
    class SettingCollection extends Collection {
      _targets() {
        return Array.from(book.settings.keys());
      }
      _makeItem(key) {
        return makeObject(Setting, this._ctx, "setting", { address: key });
      }
      add(key, value) {
        const item = makeObject(Setting, this._ctx, "setting", { address: key });
        const rec = this._rec("call", "add", [key, value], true);
        enqueue(this._ctx, rec, "settings.add", this, () => {
          if (typeof key !== "string" || !key) throw invalidArgument("a setting needs a key", "settings.add");
          book.settings.set(key, clone(value));
          item._bind(key);
        });
        return item;
      }
      getItem(key) {
        return this._child(Setting, "setting", "getItem", [key], { address: key }, () => {
          if (!book.settings.has(key)) throw itemNotFound(`no setting "${key}"`, "settings.getItem");
          return key;
        });
      }
      getItemOrNullObject(key) {
        return this._child(Setting, "setting", "getItemOrNullObject", [key], { address: key }, () =>
          book.settings.has(key) ? key : null,
        );
      }
    }
    class Setting extends ClientObject {
      _scalars() {
        return ["key", "value"];
      }
      _read(p, key) {
        if (p === "key") return key;
        if (p === "value") return clone(book.settings.get(key));
        return null;
      }
      get key() {
        return this._prop("key");
      }
      get value() {
        return this._prop("value");
      }
      set value(v) {
        this._setProp("value", v, (key) => book.settings.set(key, clone(v)));
      }
      delete() {
        this._op("call", "delete", [], true, (key) => book.settings.delete(key));
      }
    }

    // ---------------------------------------------------------------- Custom XML parts
    function addXmlPart(xml) {
      const part = {
        id: `{00000000-0000-0000-0000-${String(nextXmlId++).padStart(12, "0")}}`,
        xml: String(xml),
        namespaceUri: xmlNamespace(xml),
      };
      book.xmlParts.push(part);
      return part;
    }
    class CustomXmlPartCollection extends Collection {
      _targets() {
        return book.xmlParts.slice();
      }
      _makeItem(p) {
        return makeObject(CustomXmlPart, this._ctx, "customXmlPart", { address: p.id });
      }
      add(xml) {
        const part = makeObject(CustomXmlPart, this._ctx, "customXmlPart", {});
        const rec = this._rec("call", "add", [xml], true);
        enqueue(this._ctx, rec, "customXmlParts.add", this, () => part._bind(addXmlPart(xml)));
        return part;
      }
      getItem(id) {
        return this._child(CustomXmlPart, "customXmlPart", "getItem", [id], { address: id }, () => {
          const p = book.xmlParts.find((x) => x.id === id);
          if (!p) throw itemNotFound(`no custom XML part ${id}`, "customXmlParts.getItem");
          return p;
        });
      }
      getItemOrNullObject(id) {
        return this._child(
          CustomXmlPart,
          "customXmlPart",
          "getItemOrNullObject",
          [id],
          { address: id },
          () => book.xmlParts.find((x) => x.id === id) || null,
        );
      }
      getByNamespace(ns) {
        return this._child(
          CustomXmlPartScopedCollection,
          "customXmlPartsScoped",
          "getByNamespace",
          [ns],
          { address: ns },
          () => ns,
        );
      }
    }
    class CustomXmlPartScopedCollection extends Collection {
      _targets(ns) {
        return book.xmlParts.filter((p) => p.namespaceUri === ns);
      }
      _makeItem(p) {
        return makeObject(CustomXmlPart, this._ctx, "customXmlPart", { address: p.id });
      }
      getItem(id) {
        return this._child(CustomXmlPart, "customXmlPart", "getItem", [id], { address: id }, (ns) => {
          const p = this._targets(ns).find((x) => x.id === id);
          if (!p) throw itemNotFound(`no custom XML part ${id}`, "customXmlPartsScoped.getItem");
          return p;
        });
      }
      getItemOrNullObject(id) {
        return this._child(
          CustomXmlPart,
          "customXmlPart",
          "getItemOrNullObject",
          [id],
          { address: id },
          (ns) => this._targets(ns).find((x) => x.id === id) || null,
        );
      }
      getOnlyItem() {
        return this._child(CustomXmlPart, "customXmlPart", "getOnlyItem", [], {}, (ns) => {
          const list = this._targets(ns);
          if (list.length !== 1)
            throw err(
              list.length ? "InvalidOperation" : "ItemNotFound",
              `${list.length} parts in the namespace, expected exactly one`,
              "customXmlPartsScoped.getOnlyItem",
            );
          return list[0];
        });
      }
      getOnlyItemOrNullObject() {
        return this._child(CustomXmlPart, "customXmlPart", "getOnlyItemOrNullObject", [], {}, (ns) => {
          const list = this._targets(ns);
          if (list.length > 1)
            throw err(
              "InvalidOperation",
              `${list.length} parts in the namespace, expected at most one`,
              "customXmlPartsScoped.getOnlyItemOrNullObject",
            );
          return list[0] || null;
        });
      }
    }
    class CustomXmlPart extends ClientObject {
      _scalars() {
        return ["id", "namespaceUri"];
      }
      _target() {
        const p = super._target();
        if (p && !book.xmlParts.includes(p)) throw itemNotFound("the custom XML part was deleted", "customXmlPart");
        return p;
      }
      _read(p, part) {
        if (p === "id") return part.id;
        if (p === "namespaceUri") return part.namespaceUri;
        return null;
      }
      get id() {
        return this._prop("id");
      }
      get namespaceUri() {
        return this._prop("namespaceUri");
      }
      getXml() {
        const result = new ClientResult();
        this._op("call", "getXml", [], false, (p) => result._set(p.xml));
        return result;
      }
      setXml(xml) {
        this._op("call", "setXml", [xml], true, (p) => {
          const ns = xmlNamespace(xml);
          p.xml = String(xml);
          p.namespaceUri = ns;
        });
      }
      delete() {
        this._op("call", "delete", [], true, (p) => {
          book.xmlParts = book.xmlParts.filter((x) => x !== p);
        });
      }
    }

    // ---------------------------------------------------------------- Excel, Office, CustomFunctions globals
    function pascal(s) {
      return s.charAt(0).toUpperCase() + s.slice(1);
    }
    function enumProxy() {
      return new Proxy({}, { get: (_t, k) => (typeof k === "string" ? pascal(k) : undefined) });
    }
    const excelKnown = {
      RequestContext: function () {
        return new RequestContext();
      },
      run(...args) {
        const batch = args[args.length - 1];
        if (typeof batch !== "function") return Promise.reject(invalidArgument("Excel.run needs a batch function"));
        const first = args.length > 1 ? args[0] : null;
        const reuse =
          first &&
          (first instanceof RequestContext ? first : first.context instanceof RequestContext ? first.context : null);
        const ctx = reuse || new RequestContext();
        record({ path: "Excel.run", kind: "run", ctx: ctx._id, batch: host.syncCount + 1 });
        return Promise.resolve()
          .then(() => batch(ctx))
          .then(async (result) => {
            if (ctx._queue.length) await ctx.sync(true);
            if (!reuse) ctx._closed = true;
            return result;
          })
          .catch((e) => {
            if (!reuse) {
              ctx._closed = true;
              for (const op of ctx._queue) op.rec.status = "dropped";
              ctx._queue = [];
            }
            throw e;
          });
      },
      ErrorCodes: enumProxy(),
      Error: OfficeError,
    };
    const Excel = new Proxy(excelKnown, {
      get(t, k) {
        if (typeof k !== "string") return undefined;
        if (k in t) return t[k];
        if (k === "then") return undefined;
        if (/^[A-Z]/.test(k)) return (t[k] = enumProxy());
        return undefined;
      },
    });

    const OfficeExtension = {
      Error: OfficeError,
      ErrorCodes: enumProxy(),
      config: { extendedErrorLogging: false },
      ClientResult,
      Promise: Promise,
      ClientRequestContext: RequestContext,
    };

    class CustomFunctionsError extends Error {
      constructor(code, message) {
        super(message || "");
        this.name = "CustomFunctions.Error";
        this.code = code || "#VALUE!";
      }
    }
    const CustomFunctions = {
      Error: CustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
        busy: "#BUSY!",
        connect: "#CONNECT!",
        gettingData: "#GETTING_DATA",
      },
      associate(id, fn) {
        const pairs = typeof id === "object" && id !== null ? Object.entries(id) : [[id, fn]];
        for (const [k, f] of pairs) {
          record({ path: "CustomFunctions.associate", kind: "associate", args: [k], write: false });
          host.associated[String(k)] = f;
        }
      },
    };

    function platformInfo() {
      return { host: "Excel", platform };
    }
    const documentSettings = {
      get(name) {
        record({ path: "Office.settings.get", kind: "call", args: [name] });
        return book.settings.has(name) ? clone(book.settings.get(name)) : null;
      },
      set(name, value) {
        record({ path: "Office.settings.set", kind: "call", args: [name, value], write: true });
        book.settings.set(name, clone(value));
      },
      remove(name) {
        record({ path: "Office.settings.remove", kind: "call", args: [name], write: true });
        book.settings.delete(name);
      },
      saveAsync(a, b) {
        record({ path: "Office.settings.saveAsync", kind: "call", args: [] });
        const cb = typeof a === "function" ? a : b;
        if (cb) setTimeout(() => cb({ status: "succeeded", value: undefined, error: null }), 0);
      },
      refreshAsync(cb) {
        if (cb) setTimeout(() => cb({ status: "succeeded", value: documentSettings, error: null }), 0);
      },
      addHandlerAsync(_type, _handler, a, b) {
        const cb = typeof a === "function" ? a : b;
        if (cb) setTimeout(() => cb({ status: "succeeded" }), 0);
      },
    };
    function isSetSupported(name, version) {
      const req = config.requirements;
      if (!req) return true;
      if (!(name in req)) return false;
      if (version === undefined) return true;
      const a = String(req[name]).split(".").map(Number);
      const b = String(version).split(".").map(Number);
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
      }
      return true;
    }
    const officeContext = {
      displayLanguage,
      contentLanguage: config.contentLanguage || displayLanguage,
      platform,
      host: "Excel",
      diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
      requirements: { isSetSupported },
      document: {
        settings: documentSettings,
        url: config.documentUrl || "https://example.invalid/Book1.xlsx",
        mode: "readWrite",
      },
      officeTheme: {
        bodyBackgroundColor: "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
      },
    };
    const readyInfo = platformInfo();
    const officeKnown = {
      context: officeContext,
      HostType: {
        Excel: "Excel",
        Word: "Word",
        PowerPoint: "PowerPoint",
        Outlook: "Outlook",
        OneNote: "OneNote",
        Project: "Project",
        Access: "Access",
      },
      PlatformType: {
        PC: "PC",
        OfficeOnline: "OfficeOnline",
        Mac: "Mac",
        iOS: "iOS",
        Android: "Android",
        Universal: "Universal",
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady(cb) {
        record({ path: "Office.onReady", kind: "call" });
        return new Promise((resolve) => {
          setTimeout(() => {
            if (typeof cb === "function") cb(readyInfo);
            resolve(readyInfo);
          }, 0);
        });
      },
      actions: {
        associate(id, fn) {
          record({ path: "Office.actions.associate", kind: "call", args: [id] });
          host.actions[id] = fn;
        },
      },
      addin: {
        showAsTaskpane: () => Promise.resolve(),
        hide: () => Promise.resolve(),
        onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
        setStartupBehavior: () => Promise.resolve(),
        getStartupBehavior: () => Promise.resolve("none"),
      },
    };
    const officeGenerics = new Map();
    const Office = new Proxy(officeKnown, {
      get(t, k) {
        if (typeof k !== "string") return undefined;
        if (k in t) return t[k];
        if (k === "then" || k === "initialize") return t[k];
        if (!officeGenerics.has(k)) officeGenerics.set(k, genericProxy(null, `Office.${k}`, {}));
        return officeGenerics.get(k);
      },
      set(t, k, v) {
        t[k] = v;
        return true;
      },
    });
    // Office.js calls Office.initialize (when a page sets it) once it is ready.
    setTimeout(() => {
      if (typeof officeKnown.initialize === "function") officeKnown.initialize("inserted");
    }, 0);

    const OfficeRuntime = {
      storage: {
        getItem: (k) => Promise.resolve(book.storage.has(k) ? book.storage.get(k) : null),
        setItem: (k, v) => Promise.resolve(void book.storage.set(k, String(v))),
        removeItem: (k) => Promise.resolve(void book.storage.delete(k)),
        getItems: (ks) =>
          Promise.resolve(Object.fromEntries(ks.map((k) => [k, book.storage.has(k) ? book.storage.get(k) : null]))),
        setItems: (o) => Promise.resolve(void Object.entries(o).forEach(([k, v]) => book.storage.set(k, String(v)))),
        removeItems: (ks) => Promise.resolve(void ks.forEach((k) => book.storage.delete(k))),
        getKeys: () => Promise.resolve(Array.from(book.storage.keys())),
      },
      displayWebDialog: () => Promise.reject(new Error("displayWebDialog is not available in the fake host")),
    };

    host.Office = Office;
    host.Excel = Excel;
    host.OfficeExtension = OfficeExtension;
    host.CustomFunctions = CustomFunctions;
    host.OfficeRuntime = OfficeRuntime;
    host.OfficeError = OfficeError;
    const GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions", "OfficeRuntime"];
    let saved = null;
    host.install = (target) => {
      const g = target || root;
      saved = { g, values: GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)]) };
      for (const k of GLOBALS)
        Object.defineProperty(g, k, { value: host[k], configurable: true, writable: true, enumerable: false });
      return host;
    };
    host.uninstall = () => {
      if (!saved) return;
      for (const [k, d] of saved.values) {
        if (d) Object.defineProperty(saved.g, k, d);
        else delete saved.g[k];
      }
      saved = null;
    };

    // ---------------------------------------------------------------- inspection helpers
    function at(address) {
      const { sheet: sheetName, ref } = splitSheet(address);
      const sheet = sheetName === null ? book.active : findSheet(sheetName);
      if (!sheet) throw new Error(`fake host: no sheet in "${address}"`);
      const rect = parseRect(ref);
      if (!rect) throw new Error(`fake host: "${address}" is not an A1 address`);
      return { sheet, rect };
    }
    host.sheetNames = () => liveSheets().map((s) => s.name);
    host.activeSheetName = () => (book.active ? book.active.name : null);
    host.selectionAddresses = () =>
      book.selection ? book.selection.rects.map((r) => qualified(book.selection.sheet.name, r)) : [];
    host.cell = (address) => {
      const { sheet, rect } = at(address);
      const cell = sheet.get(rect.r0, rect.c0);
      return {
        value: cell && cell.v !== null ? cell.v : "",
        formula: cell && cell.f !== null ? cell.f : null,
        numberFormat: cellFormat(cell),
        quotePrefix: !!(cell && cell.q),
        spilledFrom:
          cell && cell.parent !== null
            ? qualified(sheet.name, {
                r0: Math.floor(cell.parent / MAX_COLS),
                c0: cell.parent % MAX_COLS,
                r1: Math.floor(cell.parent / MAX_COLS),
                c1: cell.parent % MAX_COLS,
              })
            : null,
      };
    };
    host.values = (address) => {
      const { sheet, rect } = at(address);
      return grid(sheet, rect, cellValue);
    };
    host.formulas = (address) => {
      const { sheet, rect } = at(address);
      return grid(sheet, rect, cellFormula);
    };
    host.numberFormats = (address) => {
      const { sheet, rect } = at(address);
      return grid(sheet, rect, cellFormat);
    };
    host.usedAddress = (sheetName, valuesOnly) => {
      const sheet = findSheet(sheetName);
      const r = sheet && usedRect(sheet, valuesOnly !== false);
      return r ? qualified(sheet.name, r) : null;
    };
    /** A user typing into the workbook (not recorded as an API call). */
    host.setCell = (address, content) => {
      const { sheet, rect } = at(address);
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) applyConfigCell(sheet, r, c, content);
      }
      resolveSpills(sheet);
    };
    host.setValues = (address, rows) => {
      const { sheet, rect } = at(address);
      eachInput(rect, rows, "host.setValues", (r, c, v) => applyConfigCell(sheet, r, c, v));
      resolveSpills(sheet);
    };
    host.select = (areas) => {
      const list = Array.isArray(areas) ? areas : [areas];
      const parsed = list.map(at);
      const sheet = parsed[0].sheet;
      if (parsed.some((p) => p.sheet !== sheet)) throw new Error("fake host: a selection lies on one sheet");
      book.active = sheet;
      book.selection = {
        sheet,
        rects: parsed.map((p) => p.rect),
        active: { r: parsed[0].rect.r0, c: parsed[0].rect.c0 },
      };
    };
    host.snapshot = () => ({
      activeSheet: book.active ? book.active.name : null,
      sheets: liveSheets().map((s) => {
        const cells = {};
        const keys = Array.from(s.cells.keys()).sort((a, b) => a - b);
        for (const key of keys) {
          const cell = s.cells.get(key);
          const out = { value: cell.v === null ? "" : cell.v };
          if (cell.f !== null) out.formula = cell.f;
          if (cell.nf !== null) out.numberFormat = cell.nf;
          if (cell.q) out.quotePrefix = true;
          cells[
            rectAddress({
              r0: Math.floor(key / MAX_COLS),
              c0: key % MAX_COLS,
              r1: Math.floor(key / MAX_COLS),
              c1: key % MAX_COLS,
            })
          ] = out;
        }
        return { name: s.name, visibility: s.visibility, props: clone(s.props), cells };
      }),
      names: book.names.map((n) => ({
        name: n.name,
        formula: n.formula,
        comment: n.comment,
        visible: n.visible,
        scope: n.scope ? n.scope.name : null,
      })),
      settings: Object.fromEntries(Array.from(book.settings.entries()).map(([k, v]) => [k, clone(v)])),
      customXmlParts: book.xmlParts.map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
    });

    // ---------------------------------------------------------------- custom functions
    host.setMetadata = (json) => {
      host.metadata = json;
    };
    function metadataOf(id) {
      const list = host.metadata && host.metadata.functions;
      return list ? list.find((f) => f.id.toUpperCase() === String(id).toUpperCase()) : undefined;
    }
    host.invoke = (id, args, invocation) => {
      const key = Object.keys(host.associated).find((k) => k.toUpperCase() === String(id).toUpperCase());
      const fn = key === undefined ? undefined : host.associated[key];
      if (typeof fn !== "function") return Promise.reject(new Error(`fake host: no function associated with "${id}"`));
      const list = (args || []).slice();
      const meta = metadataOf(id);
      if (meta) while (list.length < meta.parameters.length) list.push(null);
      const inv = Object.assign(
        {
          functionName: String(id).toUpperCase(),
          address: "Sheet1!A1",
          parameterAddresses: undefined,
          isInValuePreview: false,
          onCanceled: undefined,
        },
        invocation || {},
      );
      const results = [];
      inv.setResult = (v) => results.push(v);
      record({ path: "CustomFunctions.invoke", kind: "call", args: [id, list.length] });
      try {
        return Promise.resolve(fn(...list, inv));
      } catch (e) {
        return Promise.reject(e);
      }
    };
    host.invokeSettled = (id, args, invocation) =>
      host.invoke(id, args, invocation).then(
        (value) => ({ ok: true, value }),
        (e) => ({ ok: false, error: { name: e && e.name, code: e && e.code, message: e && e.message } }),
      );
    /** A range's values as Excel passes them to a custom function: blanks as 0 on "PC"/"Mac", else null. */
    host.argumentValues = (address) => {
      const { sheet, rect } = at(address);
      const desktop = platform === "PC" || platform === "Mac";
      return grid(sheet, rect, (cell) => (cell && cell.v !== null ? cell.v : desktop ? 0 : null));
    };

    // ---------------------------------------------------------------- initial workbook
    function applyConfigCell(sheet, r, c, content) {
      if (content !== null && typeof content === "object" && !Array.isArray(content)) {
        if (content.formula !== undefined) {
          const res = content.value !== undefined ? content.value : undefined;
          writeCell(sheet, r, c, { formula: String(content.formula), result: res });
        } else if (content.value !== undefined && content.value !== null) {
          writeCell(
            sheet,
            r,
            c,
            parseInput(content.value, content.numberFormat === "@" ? "@" : cellFormat(sheet.get(r, c))),
          );
        } else if (content.value === null) {
          writeCell(sheet, r, c, { clear: true });
        }
        if (content.numberFormat !== undefined) setFormat(sheet, r, c, content.numberFormat);
        return;
      }
      if (content === null || content === undefined || content === "") writeCell(sheet, r, c, { clear: true });
      else if (typeof content === "string") writeCell(sheet, r, c, parseInput(content, cellFormat(sheet.get(r, c))));
      else writeCell(sheet, r, c, { value: content });
    }
    const sheetsConfig = config.sheets || { Sheet1: {} };
    for (const [name, spec] of Object.entries(sheetsConfig)) {
      const sheet = addSheet(name);
      const cells = spec && typeof spec.cells === "object" && spec.cells !== null ? spec.cells : spec || {};
      if (spec && spec.visibility) sheet.visibility = spec.visibility;
      for (const [addr, content] of Object.entries(cells)) {
        if (addr === "visibility") continue;
        const rect = parseRect(addr);
        if (!rect) throw new Error(`fake host config: "${addr}" on sheet "${name}" is not an A1 address`);
        if (Array.isArray(content)) {
          eachInput(rect, content, `config ${name}!${addr}`, (r, c, v) => applyConfigCell(sheet, r, c, v));
        } else {
          for (let r = rect.r0; r <= rect.r1; r++)
            for (let c = rect.c0; c <= rect.c1; c++) applyConfigCell(sheet, r, c, content);
        }
      }
      resolveSpills(sheet);
    }
    if (!book.sheets.length) addSheet("Sheet1");
    book.active = (config.activeSheet && findSheet(config.activeSheet)) || book.sheets[0];
    if (config.selection) host.select(config.selection);
    else book.selection = { sheet: book.active, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }], active: { r: 0, c: 0 } };
    if (config.activeSheet && findSheet(config.activeSheet) && book.selection.sheet !== findSheet(config.activeSheet)) {
      throw new Error("fake host config: the selection must be on the active sheet");
    }
    for (const n of config.names || []) {
      const scope = n.scope ? findSheet(n.scope) : null;
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
    for (const xml of config.customXmlParts || []) addXmlPart(xml);

    return host;
  }

  const api = {
    createFakeHost,
    parseRect,
    rectAddress,
    colLetters,
    colIndex,
    splitSheet,
    quoteSheet,
    MAX_ROWS,
    MAX_COLS,
  };
  const isNode =
    typeof process !== "undefined" && !!(process.versions && process.versions.node) && typeof window === "undefined";
  if (typeof module === "object" && module && module.exports) {
    module.exports = api;
  } else if (isNode) {
    root.__fakeExcel = api;
  } else {
    const host = createFakeHost(root.__fakeHostConfig || {});
    host.install(root);
    root.__fakeHost = host;
    root.__fakeExcel = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
