/**
 * The Office.js side of the scorecard: applies a core *plan* (src/core/scorecard/plan.ts, whose top comment
 * is the contract) to a new worksheet, and builds, lists and refreshes scorecards. It knows cells and formats,
 * never KPIs; all maths and every decision about the sheet's content are the core's.
 *
 * ## Syncs, whatever the KPI count
 * - `writePlan`: 1 (check that the plan's sheet and names are still free; skipped when the caller has just
 *   read them) + 1 (add the sheet, learn its id) + 1 (the whole plan as ONE batch) + 2 only on failure (see
 *   what of it is there, remove it) ≤ 5.
 * - `buildScorecard`: 1 (re-read the source cells, the sheets (names, ids), the workbook names and settings keys)
 *   + 1 (add the sheet; in the same sync, the scorecard history the list holds, by id, for the previous values:
 *   ./historyWriter.ts) + 1 (the plan) = 3, + 2 only on failure (clean-up). The history is only read, here and
 *   in a refresh.
 * - `refreshScorecard`: 1 (read) + 1 (add the new sheet; the history read with it) + 1 (write it and, in the
 *   same batch after the last write, the commit: swap it in for the old one) = 3; + 2 on a failure (see where
 *   the batch stopped; undo what is not committed). Excel applies a batch in order and stops at its first
 *   failure, so the old sheet is deleted only once every write of the new one has succeeded.
 *   `listScorecards`: 2. `activateSheet`: 1.
 *
 * ## The write batch, in the plan's order
 * (`worksheets.add`, in a sync of its own before the batch) → per block one `range.formulas` write of the whole
 * block (numbers, formulas and texts), preceded, for blocks holding texts Excel could read as something else, by
 * a `numberFormat` "@" on just those cells and followed by a `range.values` write of just them (null elsewhere
 * leaves the other cells alone) →
 * formats (one Range object per distinct address, entries in order) → conditional formats (custom expression,
 * data bars) → column widths (equal neighbours together) → freeze panes → page layout (landscape, one page
 * wide, print area, title rows) → the chart → workbook names → the index entry in the workbook settings → (a build) activating the new sheet.
 * Features whose requirement set the host lacks are skipped and reported (`skipped`), never fatal.
 *
 * ## Texts stay texts
 * The plan marks as `forceText` the texts that start with = + - @ ' or read as a number, date or logical value.
 * This writer is stricter still, because Excel parses typed input in more ways than can be listed (`Jan-25`
 * becomes a date, `#N/A` an error value): every text that contains a digit or starts with `#` is written as
 * text too. Costs nothing: the cells hold text either way.
 *
 * ## Nothing is lost
 * Only the new sheet is written (plus the plan's workbook names and one workbook setting), and the clean-up after
 * a failure removes only what this build itself added — in a co-authored workbook another user can add a sheet,
 * a name or a setting of the same name between any two syncs, and that one is theirs:
 * - The sheet is added in a sync of its own, which also loads its id (`Worksheet.id`: stable through renames and
 *   moves). If adding fails, nothing was added (a sheet named so by someone else since the read is left alone and
 *   reported as "taken"). From then on the sheet is reached only through `worksheets.getItem(id)`, never by name.
 * - If the write batch fails, a first clean-up sync looks at what is there: the sheet with that id (still under
 *   the name this build gave it — a sheet renamed meanwhile is left and reported), each of the plan's names
 *   (this build's only when it refers to that sheet exactly as written), the settings entry (this build's only
 *   when it holds exactly what was written; the read made the plan avoid keys that existed). A second sync
 *   deletes just those. What could not be removed, or might be someone else's, is reported as left.
 * - A refresh builds the new sheet the same way under a free name; only once it is complete does the commit
 *   point the old workbook names at it, delete the old sheet (by the id read at the start) and give the new one
 *   the old name. The commit is queued after the last write of the new sheet, in the same batch: Excel stops a
 *   batch at its first failure, so a failed write never reaches the delete. After a failed batch one sync sees
 *   how far it got. The old sheet still there (by id): nothing is committed — the names the commit had repointed
 *   get their formulas back (read at the start), names it had added are removed (when they refer to the new
 *   sheet as written), the new sheet is removed by id (when it still has the name this refresh gave it), and the
 *   old sheet is made active again if it was; reported as a failed write. The old sheet gone: reported as a
 *   failed commit, with how far it got.
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
import { isSettingsName, parseStoredSettings, storedMappingOverride } from "../../core/scorecard/settings";
import { readScorecardTable, type SourceTable, TableReading } from "../../core/scorecard/table";
import { codeOf, counter, defaultRun, hostOf, messageOf, type ExcelRun, type Supports } from "../host";
import { areasOf, queueSourceRead, SourceRef, splitAddress } from "./selection";
import type { HistoryProblem } from "../../core/scorecard/history";
import { findHistorySheet, queueHistoryRead, type HistoryRead } from "./historyWriter";

export type { ExcelRun, Supports } from "../host";

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

/** What a failed write had added, and what of it is still in the workbook. */
export interface CleanupReport {
  /** Whether the sheet had been added (false: adding it failed, so nothing was added). */
  sheetAdded: boolean;
  /**
   * What this build added (or may have added) that is still there: because a clean-up sync failed (`detail`),
   * or because the workbook changed meanwhile (its sheet renamed or deleted by someone), so that removing it
   * could remove someone else's work.
   */
  left: { sheet: string | null; names: string[]; setting: string | null };
  /** Excel's message when a clean-up sync failed; null when none did. */
  detail: string | null;
}

/** True when a clean-up report leaves nothing behind. */
export function nothingLeft(left: CleanupReport["left"]): boolean {
  return left.sheet === null && left.names.length === 0 && left.setting === null;
}

/** Details of a `ScorecardError`, by stage. */
export interface ScorecardErrorDetails {
  /** "write": what the clean-up found and did. */
  cleanup?: CleanupReport;
  /** "taken": the sheet name that someone else took between the read and the add. */
  takenSheet?: string;
  /** "commit": the refreshed scorecard's old sheet. */
  oldSheet?: string;
  /** "commit": whether the old sheet was deleted before the failure (null: unknown). */
  oldRemoved?: boolean | null;
  /** "commit": the new sheet's name now (null: unknown). */
  newSheetNow?: string | null;
  /** Excel's error code of the cause, when it has one. */
  code?: string;
}

/**
 * Why an operation failed. `stage`:
 * - "taken": the plan's sheet or one of its names exists already (the workbook changed; `takenSheet` when the
 *   sheet appeared between the read and the add); nothing written;
 * - "source": the source cells could not be read (sheet renamed or deleted); nothing written;
 * - "missing": the scorecard to refresh is gone; nothing written;
 * - "write": adding or writing the new sheet failed; `cleanup` says what was added and what is left of it;
 * - "commit": a refresh wrote the new sheet (`sheetName`) but replacing the old one (`oldSheet`) failed;
 *   `oldRemoved` and `newSheetNow` say how far it got.
 */
export class ScorecardError extends Error {
  readonly cleanup: CleanupReport | null;
  /** True when nothing this operation added is left in the workbook. */
  readonly removed: boolean;
  /** Excel's message when the clean-up failed. */
  readonly cleanupDetail: string | null;
  readonly takenSheet: string | null;
  readonly oldSheet: string | null;
  readonly oldRemoved: boolean | null;
  readonly newSheetNow: string | null;
  /** Excel's error code of the cause ("ItemNotFound": the source sheet is gone, or was renamed), or "". */
  readonly code: string;

  constructor(
    readonly stage: "taken" | "source" | "missing" | "write" | "commit",
    readonly sheetName: string,
    /** Excel's (or the core's) message of the cause. */
    readonly detail: string,
    more: ScorecardErrorDetails = {},
  ) {
    super(englishMessage(stage, sheetName, detail, more));
    this.name = "ScorecardError";
    this.cleanup = more.cleanup ?? null;
    this.removed = this.cleanup === null || nothingLeft(this.cleanup.left);
    this.cleanupDetail = this.cleanup?.detail ?? null;
    this.takenSheet = more.takenSheet ?? null;
    this.oldSheet = more.oldSheet ?? null;
    this.oldRemoved = more.oldRemoved ?? null;
    this.newSheetNow = more.newSheetNow ?? null;
    this.code = more.code ?? "";
  }
}

/** What is left after a clean-up, in English (the pane has its own words). */
function leftInEnglish(left: CleanupReport["left"]): string {
  return [
    ...(left.sheet === null ? [] : [`the sheet "${left.sheet}"`]),
    ...(left.names.length === 0 ? [] : [`the workbook names ${left.names.join(", ")}`]),
    ...(left.setting === null ? [] : [`the settings entry "${left.setting}"`]),
  ].join("; ");
}

function englishMessage(
  stage: ScorecardError["stage"],
  sheet: string,
  detail: string,
  more: ScorecardErrorDetails,
): string {
  const c = more.cleanup;
  const old = more.oldSheet ?? "";
  switch (stage) {
    case "taken":
      return more.takenSheet === undefined
        ? `nothing was written: ${detail}`
        : `nothing was written: a sheet named "${more.takenSheet}" was added meanwhile (${detail}); it was left as it is`;
    case "source":
      return `the source could not be read (${detail}); nothing was written`;
    case "missing":
      return `the scorecard sheet "${sheet}" no longer exists; nothing was written`;
    case "write":
      if (c !== undefined && !c.sheetAdded)
        return `adding the sheet "${sheet}" failed (${detail}); nothing was written`;
      return c === undefined || nothingLeft(c.left)
        ? `writing the scorecard failed (${detail}); the half-built sheet "${sheet}" was removed`
        : `writing the scorecard failed (${detail}); removing what it had added failed too ` +
            `(${c.detail ?? "the workbook changed meanwhile"}); left: ${leftInEnglish(c.left)}`;
    case "commit":
      if (more.oldRemoved === true && more.newSheetNow === old)
        return `"${old}" was refreshed, but updating its workbook names or settings copy failed (${detail})`;
      if (more.oldRemoved === true)
        return `the refreshed scorecard is on "${more.newSheetNow ?? sheet}" and the old sheet was removed, but naming it "${old}" failed (${detail})`;
      return `the refreshed scorecard was written to "${more.newSheetNow ?? sheet}", but replacing "${old}" failed (${detail})`;
  }
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

function matrix<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

/** Queues one block: its numbers, formulas and texts in one `formulas` write; texts Excel could misread as text. */
export function writeBlock(range: Excel.Range, block: PlanBlock): void {
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

/** Queues a format: the number format of every cell of the range, and the style. */
export function applyFormat(range: Excel.Range, f: PlanFormat): void {
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
  /** Make the new sheet the active one, last in the batch (a build opens what it made). */
  activate?: boolean;
}

/** Queues the plan's conditional formats (custom expressions, data bars). */
function queueConditionalFormats(plan: Plan, range: (address: string) => Excel.Range): void {
  for (const cf of plan.conditionalFormats) {
    const target = range(cf.range);
    if (cf.kind === "expression") {
      const c = target.conditionalFormats.add("Custom");
      c.custom.rule.formula = cf.formula;
      c.custom.format.fill.color = cf.format.fill;
      c.custom.format.font.color = cf.format.fontColor;
    } else if (cf.kind === "iconSet") {
      const c = target.conditionalFormats.add("IconSet");
      c.iconSet.style = "ThreeArrows";
      // The first criterion is the lowest icon's and takes no bound (as in Microsoft's icon-set sample).
      c.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[0]}` },
        { type: "Number", operator: "GreaterThanOrEqual", formula: `=${cf.thresholds[1]}` },
      ];
    } else {
      const c = target.conditionalFormats.add("DataBar");
      c.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
      c.dataBar.upperBoundRule = { type: "Number", formula: String(cf.max) };
      c.dataBar.positiveFormat.fillColor = cf.color;
      c.dataBar.positiveFormat.gradientFill = false;
    }
  }
}

/** Queues the column widths: neighbouring columns of equal width and visibility share one range ("D:F"). */
export function queueColumnWidths(plan: Pick<Plan, "columns">, sheet: Excel.Worksheet): void {
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

/** Queues the frozen panes. */
function queueFreeze(plan: Plan, sheet: Excel.Worksheet): void {
  const { rows, columns } = plan.freeze;
  if (columns === 0) sheet.freezePanes.freezeRows(rows);
  else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
  else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
}

/** Queues the page layout: orientation, fit to pages, print area, title rows. */
function queuePageLayout(plan: Plan, sheet: Excel.Worksheet): void {
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

/** Queues the chart; its axis number format and series labels only where the host has them. */
function queueChart(
  plan: Plan,
  sheet: Excel.Worksheet,
  range: (address: string) => Excel.Range,
  has: (feature: OptionalFeature) => boolean,
): void {
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
}

/**
 * Queues the whole plan on the new sheet `sheet` (added, and reached by its id; no sync), in the order of the top
 * comment. Returns the features skipped for missing requirement sets.
 */
function queuePlan(
  context: Excel.RequestContext,
  plan: Plan,
  sheet: Excel.Worksheet,
  o: QueueOptions,
): WriteResult["skipped"] {
  const skipped: WriteResult["skipped"] = [];
  const has = (feature: OptionalFeature): boolean => {
    const ok = o.supports(FEATURE_REQUIRES[feature]);
    if (!ok) skipped.push({ feature, requires: `ExcelApi ${FEATURE_REQUIRES[feature]}` });
    return ok;
  };
  const wb = context.workbook;
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
  if (plan.conditionalFormats.length > 0 && has("conditionalFormats")) queueConditionalFormats(plan, range);
  if (plan.columns.length > 0 && has("columnWidths")) queueColumnWidths(plan, sheet);
  if ((plan.freeze.rows > 0 || plan.freeze.columns > 0) && has("freezePanes")) queueFreeze(plan, sheet);
  if (has("pageLayout")) queuePageLayout(plan, sheet);
  queueChart(plan, sheet, range, has);
  if (o.names && plan.names.length > 0 && has("names")) {
    for (const n of plan.names) wb.names.add(n.name, n.refersTo, n.comment);
  }
  if (o.index && has("settingsIndex"))
    wb.settings.add(indexKey(plan.settings.names.settings), JSON.stringify(plan.settings));
  if (o.activate === true) sheet.activate();
  return skipped;
}

/** What `QueueOptions` a write used, as the clean-up needs them. */
type Added = QueueOptions & { sheetId: string };

/** What the clean-up needs of a plan: its sheet's name, its workbook names and its settings entry's name. */
type Cleanable = Pick<Plan, "sheetName" | "names"> & { settings: { names: { settings: string } } };

/**
 * Adds the plan's sheet in a sync of its own and returns its id. From then on the sheet is reached only by id,
 * so neither the write nor the clean-up can touch a sheet that someone else gave the same name.
 * @throws ScorecardError "taken" when a sheet of that name appeared since the read (someone else's: left alone),
 *   "write" when adding failed otherwise; either way nothing was added.
 */
export async function addPlanSheet(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  plan: Pick<Plan, "sheetName">,
): Promise<string> {
  const sheet = context.workbook.worksheets.add(plan.sheetName);
  sheet.load("id");
  try {
    await sync();
  } catch (e) {
    if (codeOf(e) === "ItemAlreadyExists")
      throw new ScorecardError("taken", plan.sheetName, messageOf(e), { takenSheet: plan.sheetName });
    const cleanup = { sheetAdded: false, left: { sheet: null, names: [], setting: null }, detail: null };
    throw new ScorecardError("write", plan.sheetName, messageOf(e), { cleanup });
  }
  return sheet.id;
}

/**
 * Adds the plan's sheet (as `addPlanSheet`) and, in the same sync, reads the history sheet the list of sheets
 * holds (by id; ./historyWriter.ts); then plans with the history. The sheet's name does not depend on the history
 * (only on the sheet names and the language), so the plan made before the history was read names it.
 * @param planWith the plan for a history (NONE when there is none)
 */
async function addSheetReadingHistory(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  listed: readonly { name: string; id: string }[],
  supports: Supports,
  planWith: (history: HistoryRead) => Plan,
): Promise<{ sheetId: string; plan: Plan; history: HistoryRead }> {
  const none: HistoryRead = { sheet: null, table: null, problems: [], hasChart: false };
  const first = planWith(none);
  // Queued before the add: if the read fails (the history deleted meanwhile), the add is not made.
  const read = queueHistoryRead(context, findHistorySheet(listed, supports));
  const sheetId = await addPlanSheet(context, sync, first);
  const history = read();
  const plan = history.sheet === null ? first : planWith(history);
  if (plan.sheetName !== first.sheetName) throw new Error(`the plan's sheet changed: ${plan.sheetName}`);
  return { sheetId, plan, history };
}

/** A name's reference with the plan's sheet name replaced by `sheet` (Excel moves names along with a rename). */
function retarget(refersTo: string, from: string, to: string): string {
  return refersTo.split(`=${quotedSheet(from)}!`).join(`=${quotedSheet(to)}!`);
}

/**
 * Whether two references are the same, as hosts may write them differently: with or without the quotes around a
 * sheet name that needs none, with or without `$`, in any case. ("='CRM Scorecard'!$B$4" = "='crm scorecard'!B4")
 */
function sameReference(a: string, b: string): boolean {
  const norm = (x: string): string => {
    const m = /^=?'((?:[^']|'')*)'!(.*)$/.exec(x.trim());
    const text = m ? `${m[1]!.replace(/''/g, "'")}!${m[2]!}` : x.trim().replace(/^=/, "");
    return text.replace(/\$/g, "").toUpperCase();
  };
  return norm(a) === norm(b);
}

/** The items of a failed write that are this build's: found, and found as this build made them. */
interface Found {
  /** Delete these: certainly this build's. */
  ours: { sheet: boolean; names: string[]; setting: string | null };
  /** Leave these: this build's perhaps, but the workbook changed meanwhile. */
  unsure: CleanupReport["left"];
}

/**
 * The clean-up's first sync: looks at the sheet with the build's id, the plan's names and its settings entry.
 * Returns `{ failed }` with Excel's message when the sync failed (then anything may be left).
 */
async function findWhatWasAdded(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  plan: Cleanable,
  a: Added,
): Promise<Found | { failed: string }> {
  const wb = context.workbook;
  const orNull = a.supports("1.4");
  const sheet = orNull ? wb.worksheets.getItemOrNullObject(a.sheetId) : wb.worksheets.getItem(a.sheetId);
  sheet.load("name");
  const names =
    a.names && a.supports(FEATURE_REQUIRES.names)
      ? plan.names.map((n) => ({ n, item: wb.names.getItemOrNullObject(n.name).load("formula") }))
      : [];
  const key = indexKey(plan.settings.names.settings);
  const setting =
    a.index && a.supports(FEATURE_REQUIRES.settingsIndex) ? wb.settings.getItemOrNullObject(key).load("value") : null;
  try {
    await sync();
  } catch (e) {
    // Without ExcelApi 1.4 the sheet is the only item looked at: not found, it is gone (someone deleted it).
    if (!orNull && codeOf(e) === "ItemNotFound")
      return { ours: { sheet: false, names: [], setting: null }, unsure: { sheet: null, names: [], setting: null } };
    return { failed: messageOf(e) };
  }
  const now = orNull && sheet.isNullObject ? null : sheet.name;
  const present = names.filter(({ item }) => !item.isNullObject);
  // Names are this build's when they refer to its sheet exactly as written; with the sheet gone, nobody can tell.
  const mine = present.filter(
    ({ n, item }) => now !== null && sameReference(String(item.formula), retarget(n.refersTo, plan.sheetName, now)),
  );
  const value: unknown = setting === null || setting.isNullObject ? undefined : setting.value;
  const json = JSON.stringify(plan.settings);
  const settingIsOurs = value !== undefined && (typeof value === "string" ? value : JSON.stringify(value)) === json;
  return {
    ours: { sheet: now === plan.sheetName, names: mine.map((x) => x.n.name), setting: settingIsOurs ? key : null },
    unsure: {
      sheet: now !== null && now !== plan.sheetName ? now : null,
      names: now === null ? present.map((x) => x.n.name) : [],
      setting: null,
    },
  };
}

/**
 * Removes what a failed write added — only that (see the top comment) — in at most 2 syncs, and reports what is
 * left.
 */
async function cleanUp(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  plan: Cleanable,
  a: Added,
): Promise<CleanupReport> {
  const found = await findWhatWasAdded(context, sync, plan, a);
  if ("failed" in found) {
    const withNames = a.names && a.supports(FEATURE_REQUIRES.names);
    const withIndex = a.index && a.supports(FEATURE_REQUIRES.settingsIndex);
    return {
      sheetAdded: true,
      left: {
        sheet: plan.sheetName,
        names: withNames ? plan.names.map((n) => n.name) : [],
        setting: withIndex ? indexKey(plan.settings.names.settings) : null,
      },
      detail: found.failed,
    };
  }
  const { ours, unsure } = found;
  const wb = context.workbook;
  for (const n of ours.names) wb.names.getItem(n).delete();
  if (ours.setting !== null) wb.settings.getItem(ours.setting).delete();
  if (ours.sheet) wb.worksheets.getItem(a.sheetId).delete();
  if (ours.sheet || ours.names.length > 0 || ours.setting !== null) {
    try {
      await sync();
    } catch (e) {
      // Excel stops a batch at its first failure: some of these may be gone, the others are left.
      const left = {
        sheet: ours.sheet ? plan.sheetName : unsure.sheet,
        names: [...ours.names, ...unsure.names],
        setting: ours.setting,
      };
      return { sheetAdded: true, left, detail: messageOf(e) };
    }
  }
  return { sheetAdded: true, left: unsure, detail: null };
}

/**
 * Queues the plan on the added sheet (by id) and runs the write sync. On failure cleans up (2 syncs).
 * @throws ScorecardError "write" (after the clean-up).
 */
async function writeToSheet(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  plan: Plan,
  a: Added,
  onCleanup: () => void,
): Promise<WriteResult["skipped"]> {
  const skipped = queuePlan(context, plan, context.workbook.worksheets.getItem(a.sheetId), a);
  try {
    await sync();
  } catch (e) {
    onCleanup();
    const cleanup = await cleanUp(context, sync, plan, a);
    throw new ScorecardError("write", plan.sheetName, messageOf(e), { cleanup });
  }
  return skipped;
}

/**
 * Writes another section's sheet (no workbook names, no settings entry) on the sheet `added` has just added
 * (reached by its id), with the same safety as a scorecard: `queue` queues the content, one sync writes it; if
 * that fails, the clean-up removes the sheet only while it is still this build's (2 syncs) and reports it.
 * @throws ScorecardError "write" (after the clean-up)
 */
export async function writeAddedSheet(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  added: { sheetName: string; sheetId: string; supports: Supports },
  queue: (sheet: Excel.Worksheet) => void,
  onCleanup: () => void = () => undefined,
): Promise<void> {
  queue(context.workbook.worksheets.getItem(added.sheetId));
  try {
    await sync();
  } catch (e) {
    onCleanup();
    const bare: Cleanable = { sheetName: added.sheetName, names: [], settings: { names: { settings: "" } } };
    const a: Added = { names: false, index: false, supports: added.supports, sheetId: added.sheetId };
    const cleanup = await cleanUp(context, sync, bare, a);
    throw new ScorecardError("write", added.sheetName, messageOf(e), { cleanup });
  }
}

/**
 * Applies a plan to a new sheet in 3 syncs, 2 without the check, + 2 on failure (see the top comment).
 * @throws ScorecardError "taken" (nothing written) or "write" (after the clean-up).
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: Plan,
  options: WritePlanOptions = {},
): Promise<WriteResult> {
  const supports = hostOf(options).supports;
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
  options.onSync?.("write");
  const sheetId = await addPlanSheet(context, c.sync, plan);
  options.onSync?.("write");
  const added = { names, index, supports, sheetId };
  const skipped = await writeToSheet(context, c.sync, plan, added, () => options.onSync?.("cleanup"));
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

/** The scorecard settings names (`CRM_Scorecard_Settings`) whose index entries the workbook settings hold. */
function settingsNamesOf(items: readonly { key: string }[]): string[] {
  const prefix = indexKey("");
  return items.filter((x) => x.key.startsWith(prefix)).map((x) => x.key.slice(prefix.length));
}

/** The options of a build the user chooses (the existing names are read by the build itself). */
export type BuildOptions = Omit<ScorecardOptions, "existingSheetNames" | "existingNames">;

/** What to build: the source cells, the pane's changes to the column mapping, the options. */
export interface BuildRequest {
  source: SourceRef;
  mapping?: MappingOverride;
  options?: BuildOptions;
}

/** What a build or refresh wrote: its plan, the sheet, the syncs, what it skipped. */
interface Written {
  plan: Plan;
  sheetName: string;
  syncs: number;
  skipped: WriteResult["skipped"];
  /** Why the workbook's history could not be used for the previous values (empty: used, or none). */
  historyProblems: HistoryProblem[];
}

/** The source has problems now (it was edited since it was read): nothing was written. */
type SourceProblems = { kind: "problems"; reading: TableReading; syncs: number };

/** What a build came to. */
export type BuildOutcome = ({ kind: "built" } & Written) | SourceProblems;

/** How a build or a refresh reports its steps (3 in all) to `hooks.onProgress`. */
function progressOf(hooks: ExcelHooks): (step: ScorecardProgress["step"], done: number) => void {
  return (step, done) => hooks.onProgress?.({ step, done, total: 3 });
}

/**
 * The first sync of a build or a refresh: the source cells, read with whatever the batch queued before them
 * (sheets, names, settings). A failure is the source's: ScorecardError "source" with Excel's code
 * (ItemNotFound: its sheet was renamed or deleted). Returns the source table's getter.
 */
async function syncWithSource(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  ref: SourceRef,
  progress: (step: ScorecardProgress["step"], done: number) => void,
): Promise<() => SourceTable> {
  const source = queueSourceRead(context, ref);
  progress("read", 0);
  try {
    await sync();
  } catch (e) {
    throw new ScorecardError("source", ref.sheet, messageOf(e), { code: codeOf(e) });
  }
  return source;
}

/**
 * Builds a scorecard: re-reads the source (the cells may have changed since the pane showed them), validates
 * and plans it in the core, adds a new sheet and writes it there, and opens it (activates it, in the same batch).
 * 3 syncs (+ 2 for a clean-up after a failure).
 * @throws ScorecardError ("source", "write", "taken"), or the core's CrmError for invalid options.
 */
export async function buildScorecard(request: BuildRequest, hooks: ExcelHooks = {}): Promise<BuildOutcome> {
  const { run, supports } = hostOf(hooks);
  const progress = progressOf(hooks);
  return run(async (context) => {
    const c = counter(context);
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name");
    const settings = supports(FEATURE_REQUIRES.settingsIndex) ? context.workbook.settings.load("items/key") : null;
    const source = await syncWithSource(context, c.sync, request.source, progress);
    const reading = readScorecardTable(source(), request.mapping);
    if (reading.table === null) return { kind: "problems", reading, syncs: c.count() };
    const table = reading.table;
    const planWith = (history: HistoryRead): Plan =>
      buildScorecardPlan(table, {
        ...request.options,
        history: history.table,
        existingSheetNames: sheets.items.map((s) => s.name),
        // A settings entry left by an earlier scorecard counts as taken too: this build's must be new.
        existingNames: [...names.items.map((n) => n.name), ...settingsNamesOf(settings?.items ?? [])],
      });
    progress("write", 1);
    // The history (previous values for a table without a Previous column) is read in the sync that adds the sheet.
    const { sheetId, plan, history } = await addSheetReadingHistory(context, c.sync, sheets.items, supports, planWith);
    progress("write", 2);
    const added = { names: true, index: true, supports, sheetId, activate: true };
    const skipped = await writeToSheet(context, c.sync, plan, added, () => progress("cleanup", 2));
    progress("done", 3);
    return {
      kind: "built",
      plan,
      sheetName: plan.sheetName,
      syncs: c.count(),
      skipped,
      historyProblems: history.problems,
    };
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
  const { run, supports } = hostOf(hooks);
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

/** What a refresh came to. */
export type RefreshOutcome = ({ kind: "refreshed" } & Written) | SourceProblems;

/** What the commit of a refresh needs besides the plan. */
interface CommitOptions {
  entry: ScorecardEntry;
  /** The old sheet as the read found it: reached by its id, never by its name. */
  old: { id: string; position: number };
  newId: string;
  /** The workbook's names at the read, lower-cased. */
  existing: ReadonlySet<string>;
  /** Whether the old sheet was the active one (the new one then is). */
  activate: boolean;
  supports: Supports;
  /** The workbook names' formulas at the read (lower-cased name → formula; empty without ExcelApi 1.7). */
  formulas: ReadonlyMap<string, string>;
}

/** A refresh's write-and-commit batch: its request context and counted sync, the plan, the commit's options. */
interface CommitBatch {
  context: Excel.RequestContext;
  sync: () => Promise<void>;
  plan: Plan;
  o: CommitOptions;
}

/**
 * Queues a refresh's commit (no sync): point the scorecard's names at the new sheet, put it where the old one
 * was, delete the old one (by id) and give the new one the old name.
 */
function queueCommit(context: Excel.RequestContext, plan: Plan, o: CommitOptions): void {
  const wb = context.workbook;
  const canSetFormula = o.supports("1.7");
  const withNames = o.supports(FEATURE_REQUIRES.names);
  const newSheet = wb.worksheets.getItem(o.newId);
  const oldName = o.entry.sheet;
  if (withNames && canSetFormula) {
    for (const n of plan.names) {
      if (o.existing.has(n.name.toLowerCase())) wb.names.getItem(n.name).formula = n.refersTo;
      else wb.names.add(n.name, n.refersTo, n.comment);
    }
  }
  newSheet.position = o.old.position;
  if (o.activate) newSheet.activate();
  wb.worksheets.getItem(o.old.id).delete();
  newSheet.name = oldName;
  if (withNames) {
    // Excel moves names along when a sheet is renamed; hosts that do not (older ones, the test fake) are
    // corrected here. Without NamedItem.formula (ExcelApi 1.7) names are replaced instead.
    for (const n of plan.names) {
      const final = retarget(n.refersTo, plan.sheetName, oldName);
      if (canSetFormula) wb.names.getItem(n.name).formula = final;
      else {
        if (o.existing.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
        wb.names.add(n.name, final, n.comment);
      }
    }
  }
  if (o.supports(FEATURE_REQUIRES.settingsIndex))
    wb.settings.add(indexKey(o.entry.settingsName), JSON.stringify(plan.settings));
}

/**
 * Queues the plan on the new sheet (by id) and, after its last write, the commit; one sync. After a failure, one
 * sync sees where the batch stopped (the old and new sheets by id, the plan's names); with the old sheet still
 * there nothing is committed and a second sync undoes the rest (see the top comment).
 * @throws ScorecardError "write" (nothing committed; after the undo) or "commit" (the old sheet is gone)
 */
async function writeAndCommit(batch: CommitBatch, onCleanup: () => void): Promise<WriteResult["skipped"]> {
  const { context, sync, plan, o } = batch;
  const added: Added = { names: false, index: false, supports: o.supports, sheetId: o.newId };
  const skipped = queuePlan(context, plan, context.workbook.worksheets.getItem(o.newId), added);
  queueCommit(context, plan, o);
  try {
    await sync();
  } catch (e) {
    onCleanup();
    const detail = messageOf(e);
    const seen = await whereBatchStopped(batch);
    if (seen === null || seen.oldRemoved) {
      const now = seen === null ? { oldRemoved: null, newSheetNow: null } : seen;
      throw new ScorecardError("commit", plan.sheetName, detail, {
        oldSheet: o.entry.sheet,
        oldRemoved: now.oldRemoved,
        newSheetNow: now.newSheetNow,
      });
    }
    const cleanup = await undoUncommitted(batch, seen);
    throw new ScorecardError("write", plan.sheetName, detail, { cleanup });
  }
  return skipped;
}

/** Where a failed write-and-commit batch stopped: the old sheet, the new sheet's name, the plan's names now. */
interface BatchStop {
  oldRemoved: boolean;
  newSheetNow: string | null;
  /** The plan's names that exist now, with their formulas (ExcelApi 1.7; none without it). */
  names: { name: string; refersTo: string; formula: string }[];
}

/** One sync after a failed write-and-commit batch: see how far it got; null when that sync fails too. */
async function whereBatchStopped({ context, sync, plan, o }: CommitBatch): Promise<BatchStop | null> {
  if (!o.supports("1.4")) return null;
  const wb = context.workbook;
  const old = wb.worksheets.getItemOrNullObject(o.old.id).load("id");
  const fresh = wb.worksheets.getItemOrNullObject(o.newId).load("name");
  const withNames = o.supports("1.7") && o.supports(FEATURE_REQUIRES.names);
  const probes = (withNames ? plan.names : []).map((n) => ({
    n,
    item: wb.names.getItemOrNullObject(n.name).load("formula"),
  }));
  try {
    await sync();
  } catch {
    return null;
  }
  return {
    oldRemoved: old.isNullObject,
    newSheetNow: fresh.isNullObject ? null : fresh.name,
    names: probes
      .filter((p) => !p.item.isNullObject)
      .map((p) => ({ name: p.n.name, refersTo: p.n.refersTo, formula: String(p.item.formula) })),
  };
}

/**
 * After a failed write-and-commit batch that did not reach the old sheet's deletion, one sync: the names the
 * commit repointed get their formulas back, the names it added are removed (only when they refer to the new
 * sheet as written), the new sheet is removed by id (only when it still has the name this refresh gave it), and
 * the old sheet is active again if it was. Reports what is left.
 */
async function undoUncommitted({ context, sync, plan, o }: CommitBatch, seen: BatchStop): Promise<CleanupReport> {
  const formulas = o.formulas;
  const wb = context.workbook;
  const ours = seen.newSheetNow === plan.sheetName;
  // A name the commit reached refers to the new sheet exactly as written.
  const reached = seen.names.filter((n) => sameReference(n.formula, n.refersTo));
  const restore = reached.filter((n) => o.existing.has(n.name.toLowerCase()) && formulas.has(n.name.toLowerCase()));
  const remove = reached.filter((n) => !o.existing.has(n.name.toLowerCase()));
  for (const n of restore) wb.names.getItem(n.name).formula = formulas.get(n.name.toLowerCase())!;
  for (const n of remove) wb.names.getItem(n.name).delete();
  if (o.activate && ours) wb.worksheets.getItem(o.old.id).activate();
  if (ours) wb.worksheets.getItem(o.newId).delete();
  const left = { sheet: ours ? null : seen.newSheetNow, names: [] as string[], setting: null };
  if (restore.length + remove.length === 0 && !ours) return { sheetAdded: true, left, detail: null };
  try {
    await sync();
  } catch (e) {
    const names = [...restore, ...remove].map((n) => n.name);
    return { sheetAdded: true, left: { ...left, sheet: seen.newSheetNow, names }, detail: messageOf(e) };
  }
  return { sheetAdded: true, left, detail: null };
}

/**
 * Rebuilds a scorecard from its stored settings (source, mapping, options) and today's source cells: the new
 * sheet is added under a free name and written first; only when it is complete does the commit point the
 * scorecard's workbook names at it, put it where the old sheet was, delete the old sheet (by its id) and give it
 * the old name. 3 syncs: read, add (the history read with it), write and commit in one batch (+ 2 after a failed
 * batch: see where it stopped, then undo what is not committed).
 * The column mapping is the stored one while the source's headers are unchanged, else detected afresh.
 * @throws ScorecardError ("source", "missing", "write", "commit"), or the core's CrmError.
 */
export async function refreshScorecard(
  entry: ScorecardEntry,
  hooks: ExcelHooks & { asOf?: string } = {},
): Promise<RefreshOutcome> {
  const { run, supports } = hostOf(hooks);
  const progress = progressOf(hooks);
  const s = entry.settings;
  return run(async (context) => {
    const c = counter(context);
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name,items/position,items/id");
    // The names' formulas too (ExcelApi 1.7, which the commit needs to repoint them): a failed batch puts them back.
    const names = wb.names.load(supports("1.7") ? "items/name,items/formula" : "items/name");
    const active = wb.worksheets.getActiveWorksheet().load("name");
    const ref = { sheet: s.source.sheet, areas: areasOf(s.source.address) };
    const source = await syncWithSource(context, c.sync, ref, progress);
    const old = sheets.items.find((w) => w.name === entry.sheet);
    if (old === undefined) throw new ScorecardError("missing", entry.sheet, "");
    const table = source();
    const fresh = readScorecardTable(table);
    const sameHeaders = fresh.headers.length === s.headers.length && fresh.headers.every((h, i) => h === s.headers[i]);
    const reading = sameHeaders ? readScorecardTable(table, storedMappingOverride(s.mapping)) : fresh;
    if (reading.table === null) return { kind: "problems", reading, syncs: c.count() };
    const kpis = reading.table;
    const oldNames = { ...s.names, settings: entry.settingsName };
    const planWith = (history: HistoryRead): Plan =>
      withExistingNames(
        buildScorecardPlan(kpis, {
          language: s.options.language,
          cap: s.options.cap,
          status: s.options.status,
          ratingBands: s.options.ratingBands,
          mode: s.options.mode,
          ...(s.options.period === undefined ? {} : { period: s.options.period }),
          history: history.table,
          ...(hooks.asOf === undefined ? {} : { asOf: hooks.asOf }),
          existingSheetNames: sheets.items.map((w) => w.name),
          existingNames: names.items.map((n) => n.name),
        }),
        oldNames,
        entry.sheet,
      );
    const existing = new Set(names.items.map((n) => n.name.toLowerCase()));
    const formulas = new Map(
      supports("1.7") ? names.items.map((n) => [n.name.toLowerCase(), String(n.formula)] as const) : [],
    );

    progress("write", 1);
    const { sheetId, plan, history } = await addSheetReadingHistory(context, c.sync, sheets.items, supports, planWith);
    progress("write", 2);
    const commit: CommitOptions = {
      entry,
      old: { id: old.id, position: old.position },
      newId: sheetId,
      existing,
      activate: active.name === entry.sheet,
      supports,
      formulas,
    };
    const skipped = await writeAndCommit({ context, sync: c.sync, plan, o: commit }, () => progress("cleanup", 3));
    progress("done", 3);
    return {
      kind: "refreshed",
      plan,
      sheetName: entry.sheet,
      syncs: c.count(),
      skipped,
      historyProblems: history.problems,
    };
  });
}
