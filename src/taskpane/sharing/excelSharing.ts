/**
 * "Prepare for sharing" through Office.js: Check, Freeze (all or the selection) and Restore, each in a fixed,
 * small number of `context.sync()` calls whatever the number of formulas — reads are batched per sheet,
 * writes per rectangle (src/core/sharing/areas.ts), never per cell. The decisions are core's
 * (src/core/sharing); this file reads, writes and keeps the workbook consistent. No maths here.
 *
 * Syncs, whatever the number of formulas: Check 2, Freeze 3, Restore 3, plus 1 for Check and Freeze when a CRM
 * formula may spill; one fewer when there is nothing to write; +2 for a rollback.
 *   1. sheet names, record part ids, the selection's address
 *   2. every sheet's used range (address, formulas, values) and the record parts' XML
 *   3. spill ranges of the CRM cells that may spill (scan.ts `spillCandidates`), if any
 *   4. the commit (Freeze, Restore)
 *
 * Consistency. Freeze's commit is one batch: first the new record (old entries + new) is added, then the values
 * are written, then the old record part is deleted. Restore's: the formulas, then the old part deleted and the
 * conflicts' part added. Excel applies a batch in order and stops at a failure, keeping what went before; so
 * if the commit fails, or Cancel was pressed while it ran, a rollback (a second Excel.run, 2 syncs) rewrites
 * the planned rectangles that do not hold their earlier content (only those the batch reached) and returns the
 * record parts to what they were. Even if that rollback failed too, a frozen cell is never left without its
 * record: Freeze adds the record before any value, Restore removes entries only after the formulas are back (and
 * an entry whose formula is already back is simply dropped by the next Restore). Cancel before the commit just
 * stops: nothing has been written.
 *
 * Requirement sets: ExcelApi 1.5 (custom XML parts), 1.9 (getSelectedRanges), 1.12 (spill ranges).
 * Limit: Excel on the web refuses requests or responses over 5 MB; with ~100,000 CRM formulas the read of the
 * used ranges and the commit (values + record, ~7 MB) exceed that (bench/sharing.bench.ts prints the sizes).
 * Microsoft documents that limit for Excel on the web only; it is untested here on a real Excel of either kind.
 */
import { cellValue, valueToWrite } from "../../core/sharing/cellValues";
import { checkWorkbook, CheckSummary } from "../../core/sharing/check";
import { areaHolds, FreezePlan, planFreeze, WriteArea } from "../../core/sharing/freeze";
import { FreezeRecord, mergeRecords, RECORD_NAMESPACE, recordFromParts, recordToXml } from "../../core/sharing/record";
import { planRestore, RestorePlan } from "../../core/sharing/restore";
import { crmCells, scanOf, SheetRect, sheetRects, SheetScan, Spill, spillCandidates } from "../../core/sharing/scan";

/** `Excel.run`, or a stand-in (tests pass the fake host's). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Where an operation is: which step of how many, and what it is doing. */
export interface SharingProgress {
  step: "sheets" | "cells" | "spills" | "write" | "rollback" | "done";
  /** Steps finished so far and in all (an estimate until the spill step is known to be needed). */
  done: number;
  total: number;
}

export interface SharingOptions {
  run?: ExcelRun;
  onProgress?: (p: SharingProgress) => void;
  /** Aborting stops before the commit, or rolls the commit back once it has landed. */
  signal?: AbortSignal;
}

/** Thrown when the user cancelled; the workbook is as it was. */
export class SharingCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "SharingCancelled";
  }
}

/** Thrown when a commit failed and its rollback failed too; the record still covers every frozen cell. */
export class RollbackFailed extends Error {
  readonly cause: unknown;
  readonly rollbackError: unknown;
  constructor(cause: unknown, rollbackError: unknown) {
    super(`the change failed (${messageOf(cause)}) and undoing it failed too (${messageOf(rollbackError)})`);
    this.name = "RollbackFailed";
    this.cause = cause;
    this.rollbackError = rollbackError;
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What every operation reports besides its own result. */
export interface Counted {
  /** context.sync() calls made (the rollback's included). */
  syncs: number;
}

export interface CheckResult extends Counted {
  summary: CheckSummary;
}

export interface FreezeResult extends Counted {
  plan: FreezePlan;
  /** Formulas recorded in the workbook after the freeze (earlier freezes included). */
  recorded: number;
}

export interface RestoreResult extends Counted {
  plan: RestorePlan;
}

interface RecordPart {
  id: string;
  xml: string;
}

interface WorkbookRead {
  scans: SheetScan[];
  spills: Spill[];
  parts: RecordPart[];
  record: FreezeRecord;
  selection: SheetRect[] | null;
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SharingCancelled();
}

/** Reads what every operation needs, in 2 syncs (3 with spills). */
async function readWorkbook(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  o: SharingOptions,
  want: { spills: boolean; selection: boolean; total: number },
): Promise<WorkbookRead> {
  const progress = (step: SharingProgress["step"], done: number): void =>
    o.onProgress?.({ step, done, total: want.total });
  progress("sheets", 0);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const partList = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  partList.load("items/id");
  const selected = want.selection ? context.workbook.getSelectedRanges() : null;
  selected?.load("address");
  await sync();
  checkCancelled(o.signal);

  progress("cells", 1);
  const used = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("address,formulas,values");
    return { ws, r };
  });
  const xmls = partList.items.map((p) => ({ id: p.id, xml: p.getXml() }));
  await sync();
  checkCancelled(o.signal);
  const scans = used
    .filter((u) => !u.r.isNullObject)
    .map((u) => scanOf(u.ws.name, u.r.address, u.r.formulas as unknown[][], u.r.values as unknown[][]));
  const parts = xmls.map((x) => ({ id: x.id, xml: x.xml.value }));
  const record = recordFromParts(parts.map((p) => p.xml));
  const selection = selected ? sheetRects(selected.address) : null;

  const spills: Spill[] = [];
  if (want.spills) {
    const byName = new Map(sheets.items.map((ws) => [ws.name, ws]));
    const onSheets = selection
      ? scans.filter((s) => selection.some((r) => r.sheet.toLocaleUpperCase() === s.name.toLocaleUpperCase()))
      : scans;
    const candidates = onSheets.flatMap((s) => spillCandidates(s, crmCells(s)));
    if (candidates.length > 0) {
      progress("spills", 2);
      const probes = candidates.map((c) => {
        const r = byName.get(c.sheet)!.getCell(c.row, c.column).getSpillingToRangeOrNullObject();
        r.load("rowCount,columnCount");
        return { c, r };
      });
      await sync();
      checkCancelled(o.signal);
      for (const { c, r } of probes) {
        if (!r.isNullObject)
          spills.push({ sheet: c.sheet, row: c.row, column: c.column, rows: r.rowCount, columns: r.columnCount });
      }
    }
  }
  return { scans, spills, parts, record, selection };
}

/** Counts syncs of one context. */
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

/** Check: lists the CRM formulas per sheet, the dependent sheets and the record (2–3 syncs, no writes). */
export async function checkSharing(o: SharingOptions = {}): Promise<CheckResult> {
  const run = o.run ?? defaultRun;
  return run(async (context) => {
    const c = counter(context);
    const read = await readWorkbook(context, c.sync, o, { spills: true, selection: false, total: 3 });
    const summary = checkWorkbook(read.scans, read.spills, read.record);
    o.onProgress?.({ step: "done", done: 3, total: 3 });
    return { summary, syncs: c.count() };
  });
}

/** The range of each area, one worksheet proxy per sheet. */
function areaRanges(context: Excel.RequestContext, areas: readonly WriteArea[]): Excel.Range[] {
  const sheets = new Map<string, Excel.Worksheet>();
  return areas.map((a) => {
    let ws = sheets.get(a.sheet);
    if (!ws) sheets.set(a.sheet, (ws = context.workbook.worksheets.getItem(a.sheet)));
    return ws.getRange(a.address);
  });
}

function writeValues(context: Excel.RequestContext, areas: readonly WriteArea[]): void {
  areaRanges(context, areas).forEach((r, i) => {
    r.values = areas[i]!.frozen.map((row) => row.map(valueToWrite));
  });
}

function writeFormulas(context: Excel.RequestContext, areas: readonly WriteArea[]): void {
  areaRanges(context, areas).forEach((r, i) => {
    r.formulas = areas[i]!.formulas;
  });
}

/** How to undo a commit: the rectangles it wrote, and which of their sides they held before. */
interface Undo {
  areas: readonly WriteArea[];
  back: "formulas" | "frozen";
}

/**
 * Puts the workbook back as it was before a failed or cancelled commit, in 2 syncs: reads the planned
 * rectangles and the record parts, then rewrites only the rectangles not already back (so that those the failed
 * batch never reached, e.g. on a protected sheet, are not written at all) and returns the record parts to the
 * earlier set (deleting parts the commit added, re-adding those it deleted).
 */
async function rollback(run: ExcelRun, undo: Undo, parts: readonly RecordPart[]): Promise<number> {
  return run(async (context) => {
    const c = counter(context);
    const ranges = areaRanges(context, undo.areas);
    for (const r of ranges) r.load("formulas,values");
    const now = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
    now.load("items/id");
    await c.sync();
    undo.areas.forEach((a, i) => {
      const r = ranges[i]!;
      if (areaHolds(a, undo.back, r.formulas as unknown[][], r.values as unknown[][])) return;
      if (undo.back === "formulas") r.formulas = a.formulas;
      else r.values = a.frozen.map((row) => row.map(valueToWrite));
    });
    const before = new Set(parts.map((p) => p.id));
    const present = new Set(now.items.map((p) => p.id));
    for (const p of now.items) if (!before.has(p.id)) p.delete();
    for (const p of parts) if (!present.has(p.id)) context.workbook.customXmlParts.add(p.xml);
    await c.sync();
    return c.count();
  });
}

/**
 * Runs a commit, and on failure or a cancel that arrived meanwhile rolls it back (see the module comment).
 * Returns the syncs the rollback used (0 when none was needed).
 */
async function commitOrRollBack(
  run: ExcelRun,
  o: SharingOptions,
  commit: () => Promise<void>,
  undo: Undo,
  parts: readonly RecordPart[],
  total: number,
): Promise<number> {
  let failure: unknown = null;
  try {
    await commit();
  } catch (e) {
    failure = e;
  }
  if (failure === null && !o.signal?.aborted) return 0;
  o.onProgress?.({ step: "rollback", done: total - 1, total });
  try {
    await rollback(run, undo, parts);
  } catch (e) {
    throw new RollbackFailed(failure ?? new SharingCancelled(), e);
  }
  if (failure === null) throw new SharingCancelled();
  throw failure instanceof Error ? failure : new Error(messageOf(failure));
}

/**
 * Freeze: replaces CRM formulas (all, or those meeting the selection) by their values and records them in the
 * workbook. 3–4 syncs (+2 if rolled back).
 * @throws SharingCancelled (workbook unchanged), RollbackFailed, or the host's error after a successful rollback
 */
export async function freezeSharing(o: SharingOptions & { selectionOnly?: boolean } = {}): Promise<FreezeResult> {
  const run = o.run ?? defaultRun;
  const total = 4;
  let result: FreezeResult | null = null;
  await run(async (context) => {
    const c = counter(context);
    const read = await readWorkbook(context, c.sync, o, { spills: true, selection: o.selectionOnly === true, total });
    const plan = planFreeze(read.scans, { spills: read.spills, selection: read.selection ?? undefined });
    checkCancelled(o.signal);
    if (plan.entries.length === 0) {
      result = { plan, recorded: read.record.cells.length, syncs: c.count() };
      return;
    }
    const merged = mergeRecords(read.record, plan.entries);
    o.onProgress?.({ step: "write", done: 3, total });
    const commit = async (): Promise<void> => {
      context.workbook.customXmlParts.add(recordToXml(merged));
      writeValues(context, plan.areas);
      for (const p of read.parts) context.workbook.customXmlParts.getItem(p.id).delete();
      await c.sync();
    };
    const extra = await commitOrRollBack(run, o, commit, { areas: plan.areas, back: "formulas" }, read.parts, total);
    result = { plan, recorded: merged.cells.length, syncs: c.count() + extra };
  });
  o.onProgress?.({ step: "done", done: total, total });
  return result!;
}

/**
 * Restore: puts every recorded formula back where its cells still hold the frozen values; lists the rest as
 * conflicts and keeps them in the record. 3 syncs (+2 if rolled back).
 * @throws SharingCancelled (workbook unchanged), RollbackFailed, or the host's error after a successful rollback
 */
export async function restoreSharing(o: SharingOptions = {}): Promise<RestoreResult> {
  const run = o.run ?? defaultRun;
  const total = 3;
  let result: RestoreResult | null = null;
  await run(async (context) => {
    const c = counter(context);
    const read = await readWorkbook(context, c.sync, o, { spills: false, selection: false, total });
    const plan = planRestore(read.record, read.scans);
    checkCancelled(o.signal);
    const recordChanges = plan.restored.length + plan.alreadyRestored.length > 0;
    if (!recordChanges) {
      result = { plan, syncs: c.count() };
      return;
    }
    o.onProgress?.({ step: "write", done: 2, total });
    const commit = async (): Promise<void> => {
      writeFormulas(context, plan.areas);
      for (const p of read.parts) context.workbook.customXmlParts.getItem(p.id).delete();
      if (plan.remaining.cells.length > 0) context.workbook.customXmlParts.add(recordToXml(plan.remaining));
      await c.sync();
    };
    const extra = await commitOrRollBack(run, o, commit, { areas: plan.areas, back: "frozen" }, read.parts, total);
    result = { plan, syncs: c.count() + extra };
  });
  o.onProgress?.({ step: "done", done: total, total });
  return result!;
}

/** For callers that show values: a cell value as text (`""` for empty). */
export function shownValue(v: unknown): string {
  const x = cellValue(v);
  return typeof x === "boolean" ? (x ? "TRUE" : "FALSE") : String(x);
}
