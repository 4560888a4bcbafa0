/**
 * The Office.js side of the scorecard: applies a core *plan* (src/core/scorecard/plan.ts, whose top comment
 * is the contract) to a new worksheet, and builds, lists and refreshes scorecards. It knows cells and formats,
 * never KPIs; all maths and every decision about the sheet's content are the core's.
 *
 * ## Syncs, whatever the KPI count
 * - `writePlan`: 1 (check that the plan's sheet and names are still free; skipped when the caller has just
 *   read them) + 1 (the whole plan as ONE batch) + 1 only on failure (remove the half-built sheet) ≤ 3.
 * - `buildScorecard`: 1 (re-read the source cells, the sheet names and the workbook names) + 1 (the plan)
 *   + 1 only on failure (clean-up) ≤ 3.
 * - `refreshScorecard`: 1 (read) + 1 (the new sheet) + 1 (commit: swap it in for the old one; or, on failure,
 *   the clean-up) ≤ 3. `listScorecards`: 2. `activateSheet`: 1.
 *
 * ## The write batch, in the plan's order
 * `worksheets.add` → per block one `range.formulas` write of the whole block (numbers, formulas and texts),
 * preceded, for blocks holding texts Excel could read as something else, by a `numberFormat` "@" on just those
 * cells and followed by a `range.values` write of just them (null elsewhere leaves the other cells alone) →
 * formats (one Range object per distinct address, entries in order) → conditional formats (custom expression,
 * data bars) → column widths (equal neighbours together) → freeze panes → page layout (landscape, one page
 * wide, print area, title rows) → the chart → workbook names → the index entry in the workbook settings.
 * Features whose requirement set the host lacks are skipped and reported (`skipped`), never fatal.
 *
 * ## Texts stay texts
 * The plan marks as `forceText` the texts that start with = + - @ ' or read as a number, date or logical value.
 * This writer is stricter still, because Excel parses typed input in more ways than can be listed (`Jan-25`
 * becomes a date, `#N/A` an error value): every text that contains a digit or starts with `#` is written as
 * text too. Costs nothing: the cells hold text either way.
 *
 * ## Nothing is lost
 * Only the new sheet is written (plus the plan's workbook names and one workbook setting). If the batch fails,
 * a further sync deletes the half-built sheet, then the names and the setting the batch may have added, in the
 * batch's order — Excel applies a batch in order and stops at the failure, so what exists is a prefix of the
 * batch and the clean-up stops at the first thing that does not. The sheet name and the names were checked free
 * just before, so the clean-up can only remove what this build made. A refresh builds the new sheet under a
 * free name first; only once it is complete does the commit point the old workbook names at it, delete the old
 * sheet and give the new one the old name.
 *
 * ## Where the settings are
 * In the sheet (the plan's settings cell, reachable through the workbook name `CRM_Scorecard[_n]_Settings`, which
 * follows renames) and, as a copy that survives an edited cell, in the workbook settings under
 * `crm-metrics-excel.scorecard.<that name>` (ExcelApi 1.4). `listScorecards` finds scorecards through the names,
 * so files written by the command line (names and cell, no workbook setting) are listed too.
 */
import { parseCell, parseRange, quotedSheet } from "../../core/address";
import type { MappingOverride } from "../../core/scorecard/headers";
import {
  buildScorecardPlan,
  CellStyle,
  Plan,
  PlanBlock,
  PlanCell,
  PlanFormat,
  ScorecardOptions,
  StoredSettings,
} from "../../core/scorecard/plan";
import { isSettingsName, parseStoredSettings } from "../../core/scorecard/settings";
import { readScorecardTable, TableReading } from "../../core/scorecard/table";
import {
  areasOf,
  defaultRun,
  excelApiSupports,
  ExcelRun,
  queueSourceRead,
  SourceRef,
  splitAddress,
  Supports,
} from "./selection";

export type { ExcelRun, Supports } from "./selection";

/** Parts of a plan a host without the named ExcelApi requirement set cannot take; they are skipped. */
export type OptionalFeature =
  | "columnWidths"
  | "names"
  | "settingsIndex"
  | "conditionalFormats"
  | "freezePanes"
  | "chartSeries"
  | "chartAxisFormat"
  | "pageLayout";

/** The ExcelApi version each optional feature needs. */
export const FEATURE_REQUIRES: Readonly<Record<OptionalFeature, string>> = {
  columnWidths: "1.2",
  names: "1.4",
  settingsIndex: "1.4",
  conditionalFormats: "1.6",
  freezePanes: "1.7",
  chartSeries: "1.7",
  chartAxisFormat: "1.8",
  pageLayout: "1.9",
};

/** Where an operation is. */
export interface ScorecardProgress {
  step: "check" | "read" | "write" | "cleanup" | "commit" | "done";
  /** Syncs finished so far, and the number a successful run makes. */
  done: number;
  total: number;
}

/** How an operation talks to Excel. All optional: `Excel.run`, the host's requirement sets, no progress. */
export interface ExcelHooks {
  run?: ExcelRun;
  supports?: Supports;
  onProgress?: (p: ScorecardProgress) => void;
}

/**
 * Why an operation failed. `stage`:
 * - "taken": the plan's sheet or one of its names exists already (the workbook changed); nothing written;
 * - "source": the source cells could not be read (sheet renamed or deleted); nothing written;
 * - "missing": the scorecard to refresh is gone; nothing written;
 * - "write": writing the new sheet failed; `removed` says whether the half-built sheet was deleted;
 * - "commit": a refresh wrote the new sheet (`sheetName`) but replacing the old one (`oldSheet`) failed.
 */
export class ScorecardError extends Error {
  constructor(
    readonly stage: "taken" | "source" | "missing" | "write" | "commit",
    readonly sheetName: string,
    /** Excel's (or the core's) message of the cause. */
    readonly detail: string,
    readonly removed: boolean = false,
    readonly cleanupDetail: string | null = null,
    readonly oldSheet: string | null = null,
  ) {
    super(englishMessage(stage, sheetName, detail, removed, cleanupDetail, oldSheet));
    this.name = "ScorecardError";
  }
}

function englishMessage(
  stage: ScorecardError["stage"],
  sheet: string,
  detail: string,
  removed: boolean,
  cleanup: string | null,
  old: string | null,
): string {
  switch (stage) {
    case "taken":
      return `nothing was written: ${detail}`;
    case "source":
      return `the source could not be read (${detail}); nothing was written`;
    case "missing":
      return `the scorecard sheet "${sheet}" no longer exists; nothing was written`;
    case "write":
      return removed
        ? `writing the scorecard failed (${detail}); the half-built sheet "${sheet}" was removed`
        : `writing the scorecard failed (${detail}); removing the half-built sheet "${sheet}" failed too (${cleanup ?? "unknown"})`;
    case "commit":
      return `the refreshed scorecard was written to "${sheet}", but replacing "${old ?? ""}" failed (${detail})`;
  }
}

/** An error's message as Excel or the core gave it. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return e.message || (typeof code === "string" ? code : String(e));
  }
  return String(e);
}

/** What a write did. */
export interface WriteResult {
  sheetName: string;
  /** context.sync() calls made. */
  syncs: number;
  skipped: { feature: OptionalFeature; requires: string }[];
}

/** Options of `writePlan`. */
export interface WritePlanOptions {
  /**
   * Check first, in a sync of its own, that the plan's sheet name and workbook names are free (default true).
   * A caller that read the names in the same context just before (and made the plan with them) passes false.
   */
  check?: boolean;
  /** Add the plan's workbook names (default true; a refresh re-points the old names instead). */
  names?: boolean;
  /** Add the workbook-settings index entry (default true). */
  index?: boolean;
  supports?: Supports;
  /** Called before each sync. */
  onSync?: (step: "check" | "write" | "cleanup") => void;
}

/** The workbook-settings key of a scorecard's index entry. */
export function indexKey(settingsName: string): string {
  return `crm-metrics-excel.scorecard.${settingsName}`;
}

/** Whether this writer writes a text cell as text (numberFormat "@", then `values`): see the top comment. */
export function keepsAsText(cell: Extract<PlanCell, { kind: "text" }>): boolean {
  return cell.forceText || cell.value.startsWith("#") || /\d/.test(cell.value);
}

function counter(context: Excel.RequestContext): { sync: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    count: () => n,
  };
}

function matrix<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

function writeBlock(range: Excel.Range, block: PlanBlock): void {
  let plain = false;
  let text = false;
  const formulas = block.cells.map((row) =>
    row.map((c): string | number | null => {
      if (c === null) return null;
      if (c.kind === "number") {
        plain = true;
        return c.value;
      }
      if (c.kind === "formula") {
        plain = true;
        return c.formula;
      }
      if (keepsAsText(c)) {
        text = true;
        return null;
      }
      plain = true;
      return c.value;
    }),
  );
  const textOnly = <T>(f: (c: Extract<PlanCell, { kind: "text" }>) => T): (T | null)[][] =>
    block.cells.map((row) => row.map((c) => (c !== null && c.kind === "text" && keepsAsText(c) ? f(c) : null)));
  if (text) range.numberFormat = textOnly(() => "@");
  if (plain) range.formulas = formulas;
  if (text) range.values = textOnly((c) => c.value);
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, columns: number): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) f.horizontalAlignment = ALIGN[style.horizontalAlignment];
  if (style.wrapText !== undefined) f.wrapText = style.wrapText;
  if (style.border !== undefined) {
    // The plan's border is per cell (as exceljs applies it): the outer edge, plus the inside lines of a
    // range more than one cell deep in that direction.
    const items: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [];
    for (const edge of style.border.edges) {
      if (edge === "top") items.push("EdgeTop");
      if (edge === "bottom") items.push("EdgeBottom");
      if (edge === "left") items.push("EdgeLeft");
      if (edge === "right") items.push("EdgeRight");
      if ((edge === "top" || edge === "bottom") && rows > 1) items.push("InsideHorizontal");
      if ((edge === "left" || edge === "right") && columns > 1) items.push("InsideVertical");
    }
    for (const item of new Set(items)) {
      const b = f.borders.getItem(item);
      b.style = "Continuous";
      b.weight = style.border.style === "medium" ? "Medium" : "Thin";
      b.color = style.border.color;
    }
  }
}

function applyFormat(range: Excel.Range, f: PlanFormat): void {
  const b = parseRange(f.range);
  const rows = b.bottom - b.top + 1;
  const columns = b.right - b.left + 1;
  if (f.numberFormat !== undefined) range.numberFormat = matrix(rows, columns, f.numberFormat);
  if (f.style !== undefined) applyStyle(range, f.style, rows, columns);
}

interface QueueOptions {
  names: boolean;
  index: boolean;
  supports: Supports;
}

/** Queues the whole plan on a new sheet (no sync). Returns the features skipped for missing requirement sets. */
function queuePlan(context: Excel.RequestContext, plan: Plan, o: QueueOptions): WriteResult["skipped"] {
  const skipped: WriteResult["skipped"] = [];
  const has = (feature: OptionalFeature): boolean => {
    const ok = o.supports(FEATURE_REQUIRES[feature]);
    if (!ok) skipped.push({ feature, requires: `ExcelApi ${FEATURE_REQUIRES[feature]}` });
    return ok;
  };
  const wb = context.workbook;
  const sheet = wb.worksheets.add(plan.sheetName);
  const ranges = new Map<string, Excel.Range>();
  const range = (address: string): Excel.Range => {
    let r = ranges.get(address);
    if (r === undefined) {
      r = sheet.getRange(address);
      ranges.set(address, r);
    }
    return r;
  };

  for (const block of plan.blocks) writeBlock(range(block.address), block);
  for (const f of plan.formats) applyFormat(range(f.range), f);

  if (plan.conditionalFormats.length > 0 && has("conditionalFormats")) {
    for (const cf of plan.conditionalFormats) {
      const target = range(cf.range);
      if (cf.kind === "expression") {
        const c = target.conditionalFormats.add("Custom");
        c.custom.rule.formula = cf.formula;
        c.custom.format.fill.color = cf.format.fill;
        c.custom.format.font.color = cf.format.fontColor;
      } else {
        const c = target.conditionalFormats.add("DataBar");
        c.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
        c.dataBar.upperBoundRule = { type: "Number", formula: String(cf.max) };
        c.dataBar.positiveFormat.fillColor = cf.color;
        c.dataBar.positiveFormat.gradientFill = false;
      }
    }
  }

  if (plan.columns.length > 0 && has("columnWidths")) {
    // Neighbouring columns of equal width and visibility share one range ("D:F").
    let i = 0;
    while (i < plan.columns.length) {
      const first = plan.columns[i]!;
      let j = i;
      while (
        j + 1 < plan.columns.length &&
        plan.columns[j + 1]!.widthPoints === first.widthPoints &&
        plan.columns[j + 1]!.hidden === first.hidden
      ) {
        j++;
      }
      const cols = sheet.getRange(`${first.column}:${plan.columns[j]!.column}`);
      cols.format.columnWidth = first.widthPoints;
      if (first.hidden) cols.columnHidden = true;
      i = j + 1;
    }
  }

  if ((plan.freeze.rows > 0 || plan.freeze.columns > 0) && has("freezePanes")) {
    const { rows, columns } = plan.freeze;
    if (columns === 0) sheet.freezePanes.freezeRows(rows);
    else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  }

  if (has("pageLayout")) {
    const layout = sheet.pageLayout;
    layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    // Pages tall 0 = automatic: leave verticalFitToPages out.
    layout.zoom =
      plan.print.fitToPagesTall > 0
        ? { horizontalFitToPages: plan.print.fitToPagesWide, verticalFitToPages: plan.print.fitToPagesTall }
        : { horizontalFitToPages: plan.print.fitToPagesWide };
    layout.setPrintArea(plan.print.area);
    layout.setPrintTitleRows(plan.print.titleRows);
  }

  const spec = plan.chart;
  const chart = sheet.charts.add("ColumnClustered", range(spec.values), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.visible = false;
  chart.setPosition(spec.from, spec.to);
  const axis = chart.axes.valueAxis;
  axis.minimum = spec.valueAxis.min;
  axis.maximum = spec.valueAxis.max;
  axis.majorUnit = spec.valueAxis.majorUnit;
  if (has("chartAxisFormat")) axis.numberFormat = spec.valueAxis.numberFormat;
  if (has("chartSeries")) {
    const series = chart.series.getItemAt(0);
    series.name = spec.seriesName;
    series.setXAxisValues(range(spec.categories));
  }

  if (o.names && plan.names.length > 0 && has("names")) {
    for (const n of plan.names) wb.names.add(n.name, n.refersTo, n.comment);
  }
  if (o.index && has("settingsIndex"))
    wb.settings.add(indexKey(plan.settings.names.settings), JSON.stringify(plan.settings));
  return skipped;
}

/**
 * Queues the removal of a half-built sheet and of what its batch added after it, in the batch's order (the
 * first missing item stops the rest, which do not exist either).
 */
function queueCleanup(
  context: Excel.RequestContext,
  plan: Plan,
  o: { names: boolean; index: boolean; supports: Supports },
): void {
  const wb = context.workbook;
  wb.worksheets.getItem(plan.sheetName).delete();
  if (o.names && o.supports(FEATURE_REQUIRES.names)) for (const n of plan.names) wb.names.getItem(n.name).delete();
  if (o.index && o.supports(FEATURE_REQUIRES.settingsIndex))
    wb.settings.getItem(indexKey(plan.settings.names.settings)).delete();
}

/** Runs the clean-up sync; true when the sheet is gone. */
async function cleanUp(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  plan: Plan,
  o: { names: boolean; index: boolean; supports: Supports },
): Promise<{ removed: boolean; detail: string | null }> {
  try {
    queueCleanup(context, plan, o);
    await sync();
    return { removed: true, detail: null };
  } catch (e) {
    // ItemNotFound: that item (and every later one) was never added — the sheet and names were checked free
    // before the write. A failure located at a name or setting came after the sheet's deletion.
    const err = e as { code?: unknown; debugInfo?: { errorLocation?: string } };
    const loc = err.debugInfo?.errorLocation ?? "";
    const gone =
      err.code === "ItemNotFound" ||
      /^(names|namedItem|settings|setting)\b/i.test(loc) ||
      /NamedItem|Setting/i.test(loc);
    return { removed: gone, detail: gone ? null : messageOf(e) };
  }
}

/**
 * Applies a plan to a new sheet in at most 3 syncs (see the top comment).
 * @throws ScorecardError "taken" (nothing written) or "write" (after the clean-up).
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: Plan,
  options: WritePlanOptions = {},
): Promise<WriteResult> {
  const supports = options.supports ?? excelApiSupports;
  const names = options.names ?? true;
  const index = options.index ?? true;
  const c = counter(context);
  if (options.check ?? true) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const wbNames = context.workbook.names;
    wbNames.load("items/name");
    options.onSync?.("check");
    await c.sync();
    const taken = takenBy(
      plan,
      sheets.items.map((s) => s.name),
      names ? wbNames.items.map((n) => n.name) : [],
    );
    if (taken !== null) throw new ScorecardError("taken", plan.sheetName, taken);
  }
  const skipped = queuePlan(context, plan, { names, index, supports });
  try {
    options.onSync?.("write");
    await c.sync();
  } catch (e) {
    options.onSync?.("cleanup");
    const r = await cleanUp(context, c.sync, plan, { names, index, supports });
    throw new ScorecardError("write", plan.sheetName, messageOf(e), r.removed, r.detail);
  }
  return { sheetName: plan.sheetName, syncs: c.count(), skipped };
}

/** Which of the plan's sheet name and names already exists, as a sentence, or null. */
function takenBy(plan: Plan, sheetNames: readonly string[], names: readonly string[]): string | null {
  const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  if (lower(sheetNames).has(plan.sheetName.toLowerCase())) return `a sheet named "${plan.sheetName}" exists already`;
  const n = lower(names);
  const clash = plan.names.find((x) => n.has(x.name.toLowerCase()));
  return clash ? `a workbook name "${clash.name}" exists already` : null;
}

// ---------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------

/** The options of a build the user chooses (the existing names are read by the build itself). */
export type BuildOptions = Omit<ScorecardOptions, "existingSheetNames" | "existingNames">;

/** What to build: the source cells, the pane's changes to the column mapping, the options. */
export interface BuildRequest {
  source: SourceRef;
  mapping?: MappingOverride;
  options?: BuildOptions;
}

export type BuildOutcome =
  | { kind: "built"; plan: Plan; sheetName: string; syncs: number; skipped: WriteResult["skipped"] }
  /** The source has problems now (it was edited since it was read): nothing was written. */
  | { kind: "problems"; reading: TableReading; syncs: number };

/**
 * Builds a scorecard: re-reads the source (the cells may have changed since the pane showed them), validates
 * and plans it in the core, writes it to a new sheet. ≤ 3 syncs.
 * @throws ScorecardError ("source", "write", "taken"), or the core's CrmError for invalid options.
 */
export async function buildScorecard(request: BuildRequest, hooks: ExcelHooks = {}): Promise<BuildOutcome> {
  const run = hooks.run ?? defaultRun;
  const supports = hooks.supports ?? excelApiSupports;
  const progress = (step: ScorecardProgress["step"], done: number): void =>
    hooks.onProgress?.({ step, done, total: 2 });
  return run(async (context) => {
    const c = counter(context);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const names = context.workbook.names;
    names.load("items/name");
    const source = queueSourceRead(context, request.source);
    progress("read", 0);
    try {
      await c.sync();
    } catch (e) {
      throw new ScorecardError("source", request.source.sheet, messageOf(e));
    }
    const reading = readScorecardTable(source(), request.mapping);
    if (reading.table === null) return { kind: "problems", reading, syncs: c.count() };
    const plan = buildScorecardPlan(reading.table, {
      ...request.options,
      existingSheetNames: sheets.items.map((s) => s.name),
      existingNames: names.items.map((n) => n.name),
    });
    progress("write", 1);
    const skipped = queuePlan(context, plan, { names: true, index: true, supports });
    try {
      await c.sync();
    } catch (e) {
      progress("cleanup", 1);
      const r = await cleanUp(context, c.sync, plan, { names: true, index: true, supports });
      throw new ScorecardError("write", plan.sheetName, messageOf(e), r.removed, r.detail);
    }
    progress("done", 2);
    return { kind: "built", plan, sheetName: plan.sheetName, syncs: c.count(), skipped };
  });
}

// ---------------------------------------------------------------------------------------------------------
// List, open, refresh
// ---------------------------------------------------------------------------------------------------------

/** A scorecard found in the workbook. */
export interface ScorecardEntry {
  /** Its sheet now (found through its settings name, so renamed sheets are found). */
  sheet: string;
  /** The workbook name of its settings cell, e.g. "CRM_Scorecard_Settings". */
  settingsName: string;
  settings: StoredSettings;
  /** Where the settings came from: the sheet's settings cell, or the workbook-settings copy. */
  settingsFrom: "sheet" | "index";
}

/** Lists the workbook's scorecards, in sheet order of their settings names. 2 syncs. */
export async function listScorecards(hooks: ExcelHooks = {}): Promise<{ entries: ScorecardEntry[]; syncs: number }> {
  const run = hooks.run ?? defaultRun;
  const supports = hooks.supports ?? excelApiSupports;
  if (!supports("1.4")) return { entries: [], syncs: 0 };
  return run(async (context) => {
    const c = counter(context);
    const names = context.workbook.names;
    names.load("items/name");
    const settings = context.workbook.settings;
    settings.load("items/key,items/value");
    await c.sync();
    const index = new Map<string, unknown>(settings.items.map((s) => [s.key, s.value]));
    const probes = names.items
      .filter((n) => isSettingsName(n.name))
      .map((n) => {
        const r = names.getItem(n.name).getRangeOrNullObject();
        r.load("address,values");
        return { name: n.name, r };
      });
    if (probes.length === 0) return { entries: [], syncs: c.count() };
    await c.sync();
    const entries: ScorecardEntry[] = [];
    for (const { name, r } of probes) {
      if (r.isNullObject) continue;
      const sheet = splitAddress(r.address).sheet;
      const fromCell = parseStoredSettings((r.values as unknown[][])[0]?.[0]);
      const fromIndex = fromCell === null ? parseStoredSettings(index.get(indexKey(name))) : null;
      const s = fromCell ?? fromIndex;
      if (s === null || sheet === "") continue;
      entries.push({ sheet, settingsName: name, settings: s, settingsFrom: fromCell ? "sheet" : "index" });
    }
    return { entries, syncs: c.count() };
  });
}

/** Activates a sheet (the pane's link to a scorecard). 1 sync. */
export async function activateSheet(sheet: string, hooks: ExcelHooks = {}): Promise<void> {
  const run = hooks.run ?? defaultRun;
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).activate();
    await context.sync();
  });
}

/**
 * The plan with a scorecard's existing workbook names (and chart name) instead of fresh ones, and with the
 * settings (in the plan and in its settings cell) saying so and naming the sheet's final name. A refresh
 * keeps its names so that other sheets' references to them keep working.
 */
export function withExistingNames(plan: Plan, names: StoredSettings["names"], finalSheet: string): Plan {
  const settings: StoredSettings = { ...plan.settings, sheetName: finalSheet, names: { ...names } };
  const rename = new Map<string, string>([
    [plan.settings.names.overallScore, names.overallScore],
    [plan.settings.names.rating, names.rating],
    [plan.settings.names.settings, names.settings],
  ]);
  const at = parseCell(plan.anchors.settings);
  const blocks = plan.blocks.map((b) => {
    const [tl, br] = b.address.split(":");
    const top = parseCell(tl!);
    const bottom = parseCell(br ?? tl!);
    if (at.row < top.row || at.row > bottom.row || at.column < top.column || at.column > bottom.column) return b;
    const cells = b.cells.map((row) => row.slice());
    cells[at.row - top.row]![at.column - top.column] = {
      kind: "text",
      value: JSON.stringify(settings),
      forceText: false,
    };
    return { ...b, cells };
  });
  return {
    ...plan,
    blocks,
    names: plan.names.map((n) => ({
      ...n,
      name: rename.get(n.name) ?? n.name,
      comment: n.comment.split(`(${plan.sheetName})`).join(`(${finalSheet})`),
    })),
    chart: { ...plan.chart, name: `${names.settings.replace(/_Settings$/i, "")}_Chart` },
    settings,
  };
}

export type RefreshOutcome =
  | { kind: "refreshed"; plan: Plan; sheetName: string; syncs: number; skipped: WriteResult["skipped"] }
  | { kind: "problems"; reading: TableReading; syncs: number };

/**
 * Rebuilds a scorecard from its stored settings (source, mapping, options) and today's source cells: the new
 * sheet is written under a free name first; only when it is complete does the commit point the scorecard's
 * workbook names at it, put it where the old sheet was, delete the old sheet and give it the old name. ≤ 3 syncs.
 * The column mapping is the stored one while the source's headers are unchanged, else detected afresh.
 * @throws ScorecardError ("source", "missing", "write", "commit"), or the core's CrmError.
 */
export async function refreshScorecard(
  entry: ScorecardEntry,
  hooks: ExcelHooks & { asOf?: string } = {},
): Promise<RefreshOutcome> {
  const run = hooks.run ?? defaultRun;
  const supports = hooks.supports ?? excelApiSupports;
  const progress = (step: ScorecardProgress["step"], done: number): void =>
    hooks.onProgress?.({ step, done, total: 3 });
  const s = entry.settings;
  return run(async (context) => {
    const c = counter(context);
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/position");
    const names = wb.names;
    names.load("items/name");
    const active = wb.worksheets.getActiveWorksheet();
    active.load("name");
    const source = queueSourceRead(context, { sheet: s.source.sheet, areas: areasOf(s.source.address) });
    progress("read", 0);
    try {
      await c.sync();
    } catch (e) {
      throw new ScorecardError("source", s.source.sheet, messageOf(e));
    }
    const old = sheets.items.find((w) => w.name === entry.sheet);
    if (old === undefined) throw new ScorecardError("missing", entry.sheet, "");
    const table = source();
    const fresh = readScorecardTable(table);
    const sameHeaders = fresh.headers.length === s.headers.length && fresh.headers.every((h, i) => h === s.headers[i]);
    const reading = sameHeaders ? readScorecardTable(table, s.mapping) : fresh;
    if (reading.table === null) return { kind: "problems", reading, syncs: c.count() };
    const made = buildScorecardPlan(reading.table, {
      language: s.options.language,
      cap: s.options.cap,
      status: s.options.status,
      ratingBands: s.options.ratingBands,
      mode: s.options.mode,
      ...(hooks.asOf === undefined ? {} : { asOf: hooks.asOf }),
      existingSheetNames: sheets.items.map((w) => w.name),
      existingNames: names.items.map((n) => n.name),
    });
    const oldNames = { ...s.names, settings: entry.settingsName };
    const plan = withExistingNames(made, oldNames, entry.sheet);
    const existing = new Set(names.items.map((n) => n.name.toLowerCase()));

    progress("write", 1);
    const skipped = queuePlan(context, plan, { names: false, index: false, supports });
    try {
      await c.sync();
    } catch (e) {
      progress("cleanup", 1);
      const r = await cleanUp(context, c.sync, plan, { names: false, index: false, supports });
      throw new ScorecardError("write", plan.sheetName, messageOf(e), r.removed, r.detail);
    }

    progress("commit", 2);
    const canSetFormula = supports("1.7");
    const withNames = supports(FEATURE_REQUIRES.names);
    const newSheet = wb.worksheets.getItem(plan.sheetName);
    const finalRef = (refersTo: string): string =>
      refersTo.split(`=${quotedSheet(plan.sheetName)}!`).join(`=${quotedSheet(entry.sheet)}!`);
    if (withNames && canSetFormula) {
      for (const n of plan.names) {
        if (existing.has(n.name.toLowerCase())) wb.names.getItem(n.name).formula = n.refersTo;
        else wb.names.add(n.name, n.refersTo, n.comment);
      }
    }
    newSheet.position = old.position;
    if (active.name === entry.sheet) newSheet.activate();
    wb.worksheets.getItem(entry.sheet).delete();
    newSheet.name = entry.sheet;
    if (withNames) {
      // Excel moves names along when a sheet is renamed; hosts that do not (older ones, the test fake) are
      // corrected here. Without NamedItem.formula (ExcelApi 1.7) names are replaced instead.
      for (const n of plan.names) {
        if (canSetFormula) wb.names.getItem(n.name).formula = finalRef(n.refersTo);
        else {
          if (existing.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
          wb.names.add(n.name, finalRef(n.refersTo), n.comment);
        }
      }
    }
    if (supports(FEATURE_REQUIRES.settingsIndex))
      wb.settings.add(indexKey(entry.settingsName), JSON.stringify(plan.settings));
    try {
      await c.sync();
    } catch (e) {
      throw new ScorecardError("commit", plan.sheetName, messageOf(e), false, null, entry.sheet);
    }
    progress("done", 3);
    return { kind: "refreshed", plan, sheetName: entry.sheet, syncs: c.count(), skipped };
  });
}
