/**
 * The Office.js side of the scorecard history: reads the history sheet ("CRM Scorecard History", or its
 * Chinese name: HISTORY_SHEET_NAMES) for a build or refresh, and records a scorecard's period into it ("Record this period").
 * It knows cells and formats; what to write is the core's (src/core/scorecard/historyUpdate.ts).
 *
 * ## The history sheet is found in a list, then read by id
 * Whether the workbook has a history sheet is learnt from the list of its sheets (names and ids), loaded in a
 * read the caller makes anyway; only a sheet found there is read, through `worksheets.getItem(id)`. No method
 * is ever called on a null object (a `getItemOrNullObject` that found nothing): Excel may fail the whole sync
 * for that. So the history's cells are read one sync after the list: in Build and Refresh in the sync that adds
 * their new sheet (./writer.ts), here in the second read.
 *
 * ## Record this period, in at most 3 syncs
 * 1 read: the list of sheets and the scorecard sheet's values (`getItem` by its name: a scorecard deleted
 *   meanwhile fails this read-only sync, reported as "missing"); the core reads the period's record from the
 *   sheet's values (what the scorecard shows now). A scorecard sheet changed by hand is reported, nothing written.
 * 2 with a history: its used range and whether its chart exists (by id). A history edited into a state the core
 *   cannot read is reported and nothing is written; a period recorded before is reported ("exists") unless
 *   `replace`. Without a history: add its sheet, learn its id.
 * 3 write: the new rows appended, then the period's old rows deleted (A:J, shifting up), the summary and the
 *   chart rewritten. Nothing else is touched: no other sheet, no name, no setting. A failed write of a new
 *   history sheet removes that sheet (by its id; one more sync), a failed write to an existing one leaves at
 *   worst the period twice (the append comes first), never a period lost.
 */
import { parseRange, splitAddress } from "../../core/address";
import {
  HISTORY_SHEET_NAMES,
  historySheetName,
  readHistoryTable,
  type HistoryProblem,
  type HistoryTable,
} from "../../core/scorecard/history";
import { periodRecordFromSheet, type SheetRecordProblem } from "../../core/scorecard/historyRecord";
import {
  HISTORY_CHART_NAME,
  recordPeriod,
  type HistoryFormat,
  type HistoryUpdate,
} from "../../core/scorecard/historyUpdate";
import { codeOf, counter, hostOf, messageOf, type Supports } from "../host";
import type { ExcelHooks, ScorecardEntry } from "./writer";

/** The history sheet as a read found it. */
export interface HistoryRead {
  /** Its name, or null when the workbook has none. */
  sheet: string | null;
  /** The table (null: no sheet, an empty sheet, or an unreadable table — see `problems`). */
  table: HistoryTable | null;
  /** What makes the table unreadable (empty when it was read, or there is none). */
  problems: HistoryProblem[];
  /** Whether the history chart is on it. */
  hasChart: boolean;
}

const NONE: HistoryRead = { sheet: null, table: null, problems: [], hasChart: false };

/** A sheet as the list of the workbook's sheets gives it. */
export interface ListedSheet {
  name: string;
  id: string;
}

/**
 * The history sheet among the workbook's sheets (HISTORY_SHEET_NAMES, in either language, case ignored), or
 * null. Without ExcelApi 1.4 (workbook settings, names, null objects) the workbook has no history the pane uses.
 */
export function findHistorySheet(sheets: readonly ListedSheet[], supports: Supports): ListedSheet | null {
  if (!supports("1.4")) return null;
  const found = historySheetName(
    sheets.map((s) => s.name),
    "en",
  );
  return found.exists ? (sheets.find((s) => s.name === found.name) ?? null) : null;
}

/**
 * Queues, in the caller's next sync, the read of the history sheet the list found (`sheet`, reached by its id:
 * its used range and whether its chart is there). Returns what was read, once that sync is done. Nothing is
 * queued for no sheet.
 */
export function queueHistoryRead(context: Excel.RequestContext, sheet: ListedSheet | null): () => HistoryRead {
  if (sheet === null) return () => NONE;
  const ws = context.workbook.worksheets.getItem(sheet.id);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,values");
  const chart = ws.charts.getItemOrNullObject(HISTORY_CHART_NAME);
  chart.load("name");
  return () => {
    const hasChart = !chart.isNullObject;
    if (used.isNullObject) return { sheet: sheet.name, table: null, problems: [], hasChart };
    const topLeft = splitAddress(used.address).range.split(":")[0]!;
    const reading = readHistoryTable(sheet.name, { topLeft, values: used.values as unknown[][] });
    return { sheet: sheet.name, table: reading.table, problems: reading.problems, hasChart };
  };
}

/** What recording a period did, or why it wrote nothing. */
export type RecordOutcome =
  | { kind: "recorded"; period: string; replaced: boolean; sheetName: string; created: boolean; syncs: number }
  /** The period is in the history already: ask, then call again with `replace`. Nothing written. */
  | { kind: "exists"; period: string; sheetName: string; syncs: number }
  /** The history table cannot be read (edited by hand): nothing written. */
  | { kind: "unreadableHistory"; sheetName: string; problems: HistoryProblem[]; syncs: number }
  /** The scorecard sheet is not as built: nothing written. */
  | { kind: "unreadableSheet"; problem: SheetRecordProblem; syncs: number }
  /** The host lacks ExcelApi 1.4. Nothing written. */
  | { kind: "unsupported"; syncs: number };

/**
 * Why recording failed: "missing" the scorecard sheet is gone; "taken" a sheet of the history's name appeared
 * meanwhile; "write" writing failed (`removed`: the new history sheet this record had added was removed; null
 * when the sheet existed before, which then holds the period at worst twice).
 */
export class HistoryError extends Error {
  constructor(
    readonly stage: "missing" | "taken" | "write",
    readonly sheetName: string,
    readonly detail: string,
    readonly removed: boolean | null = null,
  ) {
    super(`${stage}: ${sheetName}: ${detail}`);
    this.name = "HistoryError";
  }
}

function matrix<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

function applyFormat(sheet: Excel.Worksheet, f: HistoryFormat): void {
  const range = sheet.getRange(f.range);
  const b = parseRange(f.range);
  const [rows, cols] = [b.bottom - b.top + 1, b.right - b.left + 1];
  if (f.numberFormat !== undefined) range.numberFormat = matrix(rows, cols, f.numberFormat);
  if (f.style?.bold !== undefined) range.format.font.bold = f.style.bold;
  if (f.style?.fill !== undefined) range.format.fill.color = f.style.fill;
}

/** Queues a history update on its sheet (no sync), in the core's order. */
function queueUpdate(sheet: Excel.Worksheet, u: HistoryUpdate, hasChart: boolean, supports: Supports): void {
  for (const f of u.records.formats) applyFormat(sheet, f);
  for (const w of u.records.writes) sheet.getRange(w.address).values = w.values;
  for (const run of u.deleteRows) sheet.getRange(`A${run.first + 1}:J${run.last + 1}`).delete("Up");
  for (const range of u.summary.clear) sheet.getRange(range).clear("All");
  for (const f of u.summary.formats) applyFormat(sheet, f);
  sheet.getRange(u.summary.write.address).values = u.summary.write.values;
  if (supports("1.2"))
    for (const c of u.columns)
      sheet.getRange(`${c.column}:${c.column}`).format.columnWidth = Math.round((c.width * 7 + 5) * 0.75 * 100) / 100;
  if (u.create && supports("1.7")) sheet.freezePanes.freezeRows(1);
  const spec = u.chart;
  if (hasChart) sheet.charts.getItem(spec.name).delete();
  const chart = sheet.charts.add("LineMarkers", sheet.getRange(spec.source), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.setPosition(spec.from, spec.to);
  chart.axes.valueAxis.minimum = spec.valueAxis.min;
  if (supports("1.8")) chart.axes.valueAxis.numberFormat = spec.valueAxis.numberFormat;
}

/**
 * Records the period a scorecard shows into the workbook's history (see the top comment): ≤ 3 syncs (2 when it
 * asks first, or finds the history unreadable), only the history sheet written.
 * @param entry the scorecard (from `listScorecards`)
 * @param hooks `replace`: replace the period's rows when it was recorded before (the pane asks first)
 * @throws HistoryError ("missing", "taken", "write")
 */
export async function recordScorecardPeriod(
  entry: ScorecardEntry,
  hooks: ExcelHooks & { replace?: boolean } = {},
): Promise<RecordOutcome> {
  const { run, supports } = hostOf(hooks);
  if (!supports("1.4")) return { kind: "unsupported", syncs: 0 };
  return run(async (context) => {
    const c = counter(context);
    const sync = c.sync;
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    // By name, read only: a scorecard deleted meanwhile fails this sync (no null object to call methods on).
    const used = sheets.getItem(entry.sheet).getUsedRangeOrNullObject(true);
    used.load("address,values");
    hooks.onProgress?.({ step: "read", done: 0, total: 3 });
    try {
      await sync();
    } catch (e) {
      if (codeOf(e) === "ItemNotFound") throw new HistoryError("missing", entry.sheet, messageOf(e));
      throw e;
    }
    if (used.isNullObject) throw new HistoryError("missing", entry.sheet, "");
    const language = entry.settings.options.language;
    const { record, problem } = periodRecordFromSheet(used.values as unknown[][], entry.settings);
    if (record === null) return { kind: "unreadableSheet", problem: problem!, syncs: c.count() };
    const listed = findHistorySheet(sheets.items, supports);
    const sheetName = listed?.name ?? HISTORY_SHEET_NAMES[language];

    let found: HistoryRead = NONE;
    let addedId: string | null = null;
    hooks.onProgress?.({ step: listed ? "read" : "write", done: 1, total: 3 });
    if (listed !== null) {
      const read = queueHistoryRead(context, listed);
      await sync();
      found = read();
    }
    if (found.problems.length > 0)
      return { kind: "unreadableHistory", sheetName, problems: found.problems, syncs: c.count() };
    const update = recordPeriod(found.table, record, language);
    if (update.replaces && hooks.replace !== true)
      return { kind: "exists", period: record.period, sheetName, syncs: c.count() };
    if (listed === null) {
      const added = context.workbook.worksheets.add(sheetName);
      added.load("id");
      try {
        await sync();
      } catch (e) {
        const taken = codeOf(e) === "ItemAlreadyExists";
        throw new HistoryError(taken ? "taken" : "write", sheetName, messageOf(e), taken ? null : true);
      }
      addedId = added.id;
    }
    const sheet = context.workbook.worksheets.getItem(addedId ?? listed!.id);
    hooks.onProgress?.({ step: "write", done: 2, total: 3 });
    queueUpdate(sheet, update, found.hasChart, supports);
    try {
      await sync();
    } catch (e) {
      let removed: boolean | null = null;
      if (addedId !== null) {
        context.workbook.worksheets.getItem(addedId).delete();
        removed = await sync().then(
          () => true,
          () => false,
        );
      }
      throw new HistoryError("write", sheetName, messageOf(e), removed);
    }
    hooks.onProgress?.({ step: "done", done: 3, total: 3 });
    return {
      kind: "recorded",
      period: record.period,
      replaced: update.replaces,
      sheetName,
      created: addedId !== null,
      syncs: c.count(),
    };
  });
}
