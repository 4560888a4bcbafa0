/**
 * "Prepare for sharing" through Office.js: Check, Freeze (all, the selection, or values only) and Restore. Reads are batched
 * per sheet, writes per rectangle (src/core/sharing/areas.ts), never per cell. The decisions are core's
 * (src/core/sharing); this file reads, writes and keeps the workbook consistent. No maths here.
 *
 * Syncs on Excel desktop (and on the web while everything fits one request), whatever the number of formulas:
 * Check 2, Freeze 3, Restore 3, plus 1 for Check and Freeze when a CRM formula may spill; one fewer when there
 * is nothing to write; +2 for a rollback, +3 when it must look for a record part whose add was in a failed sync.
 *   1. sheet names, record part ids, the selection's address
 *   2. every sheet's used range (address, formulas, values) and the record parts' XML
 *   3. spill ranges of the CRM cells that may spill (scan.ts `spillCandidates`), if any
 *   4. the commit (Freeze, Restore)
 *
 * Excel on the web refuses a request or a response over 5 MB (100,000 CRM formulas make ~15 MB of used-range
 * reads and ~10 MB of writes). There (Office.context.platform "OfficeOnline", or `payloadBudget` given) every
 * sync is planned to stay under WEB_PAYLOAD_BUDGET estimated bytes each way, so the syncs grow with the payload:
 * - step 2 is tried whole first (small workbooks keep the counts above); when the host refuses it for its size,
 *   one sync reads the used ranges' addresses, then row blocks of the used ranges and the record parts are read,
 *   as many per sync as fit (a block's size is estimated from the bytes per cell read so far; a block refused
 *   anyway is retried at half the size — reads change nothing);
 * - spill probes, the commit's writes (rectangles split into row slices when one is too big) and a rollback's
 *   reads and writes are packed into as few syncs as fit the budget, in their order;
 * - the record is split over several custom XML parts of at most half the budget each (record.ts
 *   `recordToXmlParts`; every reader merges all parts of the namespace, older versions of the add-in included).
 * At 100,000 formulas (bench/sharing.bench.ts): Freeze 17 syncs (8 of them spill probes), Restore 8. A record part
 * over 5 MB written by Excel desktop before this split existed cannot be read on the web (the host refuses it).
 *
 * Consistency. Freeze's commit adds the new record parts (old entries + new) first, then writes the values,
 * then deletes the old record parts (Values only: no parts added; the values, then the old parts deleted).
 * Restore's: the formulas, then the remaining record (the conflicts) is added and the old parts deleted. On the
 * web these are several syncs, in that order. Excel applies a batch in order and stops at a failure, keeping what
 * went before; so if any sync of the commit fails, or Cancel was pressed (the commit stops at the next sync), a
 * rollback (a second Excel.run) undoes what the commit did, and only that — the workbook may be shared, and a
 * colleague or another operation may have changed it meanwhile (see `rollback`):
 * - record parts: it deletes the parts this commit added, by id (learnt when their sync succeeded) or, for an add
 *   in a sync that failed, by the operation id written on each part (record.ts `recordOperation`) — never a part
 *   merely because it is new; it re-adds an earlier part that is gone only if the commit sent its delete;
 * - cells: it writes back only the cells that still hold what the commit wrote (core/sharing/rollback.ts), so a
 *   cell someone typed into, before or after the commit, and a cell the commit never reached, are not written;
 * - sheets, names and settings: Freeze and Restore create none, so there is none to remove.
 * Even if that rollback failed too, a frozen cell is never left without its record: Freeze adds the record before
 * any value, Restore removes entries only after the formulas are back (and an entry whose formula is already back
 * is simply dropped by the next Restore). Cancel before the commit just stops: nothing has been written.
 * What this cannot prevent: Office.js has no conditional write, so a cell in the plan that a colleague changes
 * between this operation's read (step 2) and its commit is overwritten by the commit itself.
 *
 * Requirement sets: ExcelApi 1.5 (custom XML parts), 1.9 (getSelectedRanges), 1.12 (spill ranges).
 * Untested on a real Excel of either kind; the payload sizes are estimates of the JSON the host exchanges.
 */
import { splitAddress } from "../../core/address";
import { valueError } from "../../core/errors";
import { parseRect, Rect, rectAddress } from "../../core/sharing/a1";
import { cellValue, valueToWrite } from "../../core/sharing/cellValues";
import { checkWorkbook, CheckSummary } from "../../core/sharing/check";
import { FreezePlan, planFreeze, WriteArea } from "../../core/sharing/freeze";
import { PinnedFormula, spillPins } from "../../core/sharing/spillPins";
import {
  FreezeRecord,
  FrozenCell,
  mergeRecords,
  RECORD_NAMESPACE,
  recordFromParts,
  recordOperation,
  recordToXmlParts,
} from "../../core/sharing/record";
import { planRestore, RestorePlan } from "../../core/sharing/restore";
import { planRollback, readBack, UndoneCommit } from "../../core/sharing/rollback";
import { crmCells, scanOf, SheetRect, sheetRects, SheetScan, Spill, spillCandidates } from "../../core/sharing/scan";

/**
 * Estimated bytes one sync may carry each way on Excel on the web, whose limit is 5 MB per request and per
 * response: the rest is margin for what the estimates miss.
 */
export const WEB_PAYLOAD_BUDGET = 4_000_000;

/** Estimated request bytes of one queued operation besides its arguments (its action and object path). */
const OP_BYTES = 200;

/** Bytes per cell (formula + value) assumed for the first row block, before any has been measured. */
const FIRST_CELL_BYTES = 64;

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
  /**
   * Estimated bytes one sync may carry each way. Default: WEB_PAYLOAD_BUDGET on Excel on the web
   * (Office.context.platform "OfficeOnline"), unlimited elsewhere.
   */
  payloadBudget?: number;
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
  /** Formulas recorded in the workbook after the freeze (earlier freezes included; 0 after values only). */
  recorded: number;
  /** Whether this was a values-only freeze (no record kept). */
  valuesOnly: boolean;
  /** Formulas of earlier freezes whose record a values-only freeze removed (0 otherwise). */
  recordRemoved: number;
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

/** The payload budget of a sync (see SharingOptions.payloadBudget). */
export function payloadBudget(o: SharingOptions): number {
  if (o.payloadBudget !== undefined) return o.payloadBudget;
  let platform: unknown;
  try {
    platform = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office?.context?.platform;
  } catch {
    platform = undefined;
  }
  return platform === "OfficeOnline" ? WEB_PAYLOAD_BUDGET : Infinity;
}

/** Whether a host error is Excel on the web refusing a request or response for its size. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded$/.test(code);
}

/** Estimated size of a value as JSON, in UTF-8 bytes (strings with their quotes and escapes). O(size). */
export function jsonBytes(x: unknown): number {
  if (typeof x === "string") {
    let n = 2;
    for (let i = 0; i < x.length; i++) {
      const c = x.charCodeAt(i);
      n += c < 0x80 ? (c === 34 || c === 92 ? 2 : 1) : c < 0x800 ? 2 : 3;
    }
    return n;
  }
  if (typeof x === "number") return String(x).length;
  if (typeof x === "boolean") return 5;
  if (Array.isArray(x)) {
    let n = 2;
    for (const y of x) n += jsonBytes(y) + 1;
    return n;
  }
  return 4;
}

/** A piece of a commit or rollback: its estimated request bytes, and what it queues. */
interface Op {
  bytes: number;
  apply: () => void;
  /** Called when the sync carrying it is sent: from then on it may have run, even if that sync fails. */
  sent?: () => void;
  /** Called when the sync carrying it has succeeded. */
  done?: () => void;
}

/**
 * Queues the operations in order, syncing whenever the next would take the batch over the budget (one sync
 * in all when the budget is unlimited). Between syncs a cancel stops it (SharingCancelled).
 */
async function runOps(ops: readonly Op[], budget: number, sync: () => Promise<void>, signal?: AbortSignal) {
  let i = 0;
  while (i < ops.length) {
    const start = i;
    let bytes = 0;
    while (i < ops.length && (i === start || bytes + ops[i]!.bytes <= budget)) {
      bytes += ops[i]!.bytes;
      ops[i]!.apply();
      i++;
    }
    const batch = ops.slice(start, i);
    for (const op of batch) op.sent?.();
    await sync();
    for (const op of batch) op.done?.();
    if (i < ops.length) checkCancelled(signal);
  }
}

/**
 * What a commit has reached so far, so that its rollback undoes exactly that (see the module comment). Excel
 * stops a failing batch at the failing operation and keeps what went before, without saying how far it got: an
 * operation in a failed sync may or may not have run.
 */
interface Trace {
  /** Some of the commit's cell writes were sent. */
  wrote: boolean;
  /** Ids of the record parts the commit added, learnt when their sync succeeded. */
  added: Set<string>;
  /** Adds sent in a sync that failed (or is still running): such a part may exist, its id unknown. */
  addsUnconfirmed: number;
  /** Ids of the earlier record parts whose delete was sent. */
  deleted: Set<string>;
}

function newTrace(): Trace {
  return { wrote: false, added: new Set(), addsUnconfirmed: 0, deleted: new Set() };
}

/**
 * A fresh id for one Freeze or Restore, written on the record parts it adds (record.ts `recordOperation`), so that
 * its rollback can tell them from parts someone else added meanwhile. Random: two panes on two computers must
 * not draw the same one.
 */
function newOperationId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const rnd = () => Math.floor(Math.random() * 0x100000000).toString(16);
  return `${Date.now().toString(16)}-${rnd()}-${rnd()}-${rnd()}`;
}

/** Worksheet proxies of one context, one per sheet. */
function sheetGetter(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
    return ws;
  };
}

/** Rows `from` .. `from + rows - 1` of an area, as an area of their own. */
function sliceArea(a: WriteArea, from: number, rows: number): WriteArea {
  const rect: Rect = { top: a.rect.top + from, left: a.rect.left, rows, columns: a.rect.columns };
  return {
    sheet: a.sheet,
    rect,
    address: rectAddress(rect),
    frozen: a.frozen.slice(from, from + rows),
    formulas: a.formulas.slice(from, from + rows),
  };
}

/** The estimated request bytes of writing an area's side. */
function areaBytes(a: WriteArea, side: "formulas" | "frozen"): number {
  return 3 * OP_BYTES + jsonBytes(side === "formulas" ? a.formulas : a.frozen);
}

/**
 * The areas, those too big for one sync (writing `side`, or reading both sides back) split into row slices
 * that fit. Unchanged when the budget is unlimited.
 */
function fitAreas(areas: readonly WriteArea[], budget: number): WriteArea[] {
  if (!Number.isFinite(budget)) return [...areas];
  const out: WriteArea[] = [];
  for (const a of areas) {
    const bytes = readBackBytes(a);
    const pieces = Math.min(a.rect.rows, Math.ceil(bytes / (budget / 2)));
    if (pieces <= 1) {
      out.push(a);
      continue;
    }
    const step = Math.ceil(a.rect.rows / pieces);
    for (let from = 0; from < a.rect.rows; from += step)
      out.push(sliceArea(a, from, Math.min(step, a.rect.rows - from)));
  }
  return out;
}

/** Estimated response bytes of reading an area's formulas and values back (either side, with a margin). */
function readBackBytes(a: WriteArea): number {
  return 3 * OP_BYTES + Math.ceil(1.25 * (jsonBytes(a.formulas) + jsonBytes(a.frozen)));
}

/** The whole of step 2 in one sync: every used range and every record part. */
async function readWhole(
  sync: () => Promise<void>,
  sheets: readonly Excel.Worksheet[],
  partItems: readonly Excel.CustomXmlPart[],
): Promise<{ scans: SheetScan[]; parts: RecordPart[] }> {
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("address,formulas,values");
    return { ws, r };
  });
  const xmls = partItems.map((p) => ({ id: p.id, xml: p.getXml() }));
  await sync();
  const scans = used
    .filter((u) => !u.r.isNullObject)
    .map((u) => scanOf(u.ws.name, u.r.address, u.r.formulas as unknown[][], u.r.values as unknown[][]));
  return { scans, parts: xmls.map((x) => ({ id: x.id, xml: x.xml.value })) };
}

interface Grid {
  ws: Excel.Worksheet;
  address: string;
  rect: Rect;
  /** Rows queued so far (read, or in the batch being synced). */
  queued: number;
  formulas: unknown[][];
  values: unknown[][];
}

/**
 * Step 2 under a payload budget: the used ranges' addresses (1 sync), then row blocks and record parts packed
 * into syncs of at most `budget` estimated response bytes (see the module comment).
 */
async function readChunked(
  sync: () => Promise<void>,
  sheets: readonly Excel.Worksheet[],
  partItems: readonly Excel.CustomXmlPart[],
  budget: number,
  o: SharingOptions,
  progress: () => void,
): Promise<{ scans: SheetScan[]; parts: RecordPart[] }> {
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("address");
    return { ws, r };
  });
  await sync();
  checkCancelled(o.signal);
  const grids: Grid[] = [];
  for (const u of used) {
    if (u.r.isNullObject) continue;
    const rect = parseRect(splitAddress(u.r.address).range);
    if (!rect) throw valueError("sharing.scanNotRange", { sheet: u.ws.name, address: u.r.address });
    grids.push({ ws: u.ws, address: u.r.address, rect, queued: 0, formulas: [], values: [] });
  }
  const xmls = new Map<string, string>();
  let pending = partItems.map((p) => p);
  let perCell = FIRST_CELL_BYTES;
  let g = 0;
  while (pending.length > 0 || g < grids.length) {
    let room = budget;
    // A part this add-in wrote holds at most half the budget; the first part of a batch always goes.
    const parts: { item: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> }[] = [];
    while (pending.length > 0 && (parts.length === 0 || room >= budget / 2)) {
      const item = pending[0]!;
      pending = pending.slice(1);
      parts.push({ item, xml: item.getXml() });
      room -= budget / 2;
    }
    const blocks: { grid: number; start: number; rows: number; r: Excel.Range }[] = [];
    while (g < grids.length && room > 0) {
      const grid = grids[g]!;
      const rowBytes = grid.rect.columns * perCell;
      let rows = Math.min(grid.rect.rows - grid.queued, Math.floor((room - OP_BYTES) / rowBytes));
      if (rows < 1) {
        if (blocks.length > 0 || parts.length > 0) break;
        rows = 1;
      }
      const r = grid.ws.getRangeByIndexes(grid.rect.top + grid.queued, grid.rect.left, rows, grid.rect.columns);
      r.load("formulas,values");
      blocks.push({ grid: g, start: grid.queued, rows, r });
      grid.queued += rows;
      room -= rows * rowBytes + OP_BYTES;
      if (grid.queued === grid.rect.rows) g++;
    }
    try {
      await sync();
    } catch (e) {
      // Too big after all: reads change nothing, so the same rows go again in smaller blocks.
      if (!isPayloadError(e) || blocks.every((b) => b.rows === 1)) throw e;
      for (const b of [...blocks].reverse()) grids[b.grid]!.queued = b.start;
      if (blocks.length > 0) g = blocks[0]!.grid;
      pending = [...parts.map((p) => p.item), ...pending];
      perCell *= 2;
      checkCancelled(o.signal);
      continue;
    }
    checkCancelled(o.signal);
    for (const p of parts) xmls.set(p.item.id, p.xml.value);
    let measured = 0;
    for (const b of blocks) {
      const grid = grids[b.grid]!;
      const formulas = b.r.formulas as unknown[][];
      const values = b.r.values as unknown[][];
      grid.formulas.push(...formulas);
      grid.values.push(...values);
      measured = Math.max(measured, (jsonBytes(formulas) + jsonBytes(values)) / (b.rows * grid.rect.columns));
    }
    if (blocks.length > 0) perCell = Math.max(8, 1.25 * measured);
    progress();
  }
  return {
    scans: grids.map((gr) => scanOf(gr.ws.name, gr.address, gr.formulas, gr.values)),
    parts: partItems.map((p) => ({ id: p.id, xml: xmls.get(p.id)! })),
  };
}

/** Reads what every operation needs, in 2 syncs (3 with spills) when it fits the payload budget. */
async function readWorkbook(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  o: SharingOptions,
  want: { spills: boolean; selection: boolean; total: number },
): Promise<WorkbookRead> {
  const progress = (step: SharingProgress["step"], done: number): void =>
    o.onProgress?.({ step, done, total: want.total });
  const budget = payloadBudget(o);
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
  let whole: { scans: SheetScan[]; parts: RecordPart[] };
  try {
    whole = await readWhole(sync, sheets.items, partList.items);
  } catch (e) {
    if (!Number.isFinite(budget) || !isPayloadError(e)) throw e;
    checkCancelled(o.signal);
    whole = await readChunked(sync, sheets.items, partList.items, budget, o, () => progress("cells", 1));
  }
  checkCancelled(o.signal);
  const { scans, parts } = whole;
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
      // A probe is three operations (getCell, getSpillingToRange, load) and a small answer.
      const perSync = Number.isFinite(budget) ? Math.max(1, Math.floor(budget / (3 * OP_BYTES))) : candidates.length;
      for (let from = 0; from < candidates.length; from += perSync) {
        const probes = candidates.slice(from, from + perSync).map((c) => {
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

/** Operations writing one side of each area (the frozen values, or the formulas). */
function writeOps(
  context: Excel.RequestContext,
  areas: readonly WriteArea[],
  side: "formulas" | "frozen",
  trace?: Trace,
): Op[] {
  const sheet = sheetGetter(context);
  return areas.map((a) => ({
    bytes: areaBytes(a, side),
    apply: () => {
      const r = sheet(a.sheet).getRange(a.address);
      if (side === "formulas") r.formulas = a.formulas;
      else r.values = a.frozen.map((row) => row.map(valueToWrite));
    },
    sent: trace && (() => void (trace.wrote = true)),
  }));
}

/** Operations writing the formulas whose spill references a freeze pins (core/sharing/spillPins.ts). */
function pinOps(context: Excel.RequestContext, pins: readonly PinnedFormula[]): Op[] {
  const sheet = sheetGetter(context);
  return pins.map((p) => ({
    bytes: OP_BYTES + jsonBytes(p.formula),
    apply: () => void (sheet(p.sheet).getRange(p.address).formulas = [[p.formula]]),
  }));
}

/** Operations adding record parts; with a trace, each part's id is learnt once its sync succeeds. */
function addPartOps(context: Excel.RequestContext, xmls: readonly string[], trace?: Trace): Op[] {
  return xmls.map((xml) => {
    let part: Excel.CustomXmlPart | null = null;
    return {
      bytes: OP_BYTES + jsonBytes(xml),
      apply: () => {
        part = context.workbook.customXmlParts.add(xml);
        if (trace) part.load("id");
      },
      sent: trace && (() => void trace.addsUnconfirmed++),
      done:
        trace &&
        (() => {
          trace.addsUnconfirmed--;
          trace.added.add(part!.id);
        }),
    };
  });
}

function deletePartOps(context: Excel.RequestContext, ids: readonly string[], trace?: Trace): Op[] {
  return ids.map((id) => ({
    bytes: 2 * OP_BYTES,
    apply: () => context.workbook.customXmlParts.getItem(id).delete(),
    sent: trace && (() => void trace.deleted.add(id)),
  }));
}

/** The record as parts that fit a sync: at most half the budget each (so that two can be read in one). */
function recordXmls(record: FreezeRecord, budget: number, operation: string): string[] {
  return recordToXmlParts(record, budget / 2, operation);
}

/** How to undo a commit: what it planned to write, what the record was before, and what it reached. */
interface Undo {
  undone: UndoneCommit;
  /** The entries the commit writes (a Freeze's new entries, or those a Restore puts back). */
  entries: readonly FrozenCell[];
  /** The rectangles the commit writes, as it splits them. */
  areas: readonly WriteArea[];
  /** The record parts as the operation read them. */
  before: readonly RecordPart[];
  /** The id on the record parts the commit adds. */
  operation: string;
  trace: Trace;
}

/** Reads the rectangles back, packed into syncs of at most `budget` estimated response bytes (one when unlimited). */
async function readAreas(
  context: Excel.RequestContext,
  areas: readonly WriteArea[],
  budget: number,
  sync: () => Promise<void>,
): Promise<{ formulas: unknown[][][]; values: unknown[][][] }> {
  const sheet = sheetGetter(context);
  const ranges: Excel.Range[] = [];
  let i = 0;
  do {
    let bytes = OP_BYTES;
    const start = i;
    while (i < areas.length && (i === start || bytes + readBackBytes(areas[i]!) <= budget)) {
      const r = sheet(areas[i]!.sheet).getRange(areas[i]!.address);
      r.load("formulas,values");
      ranges.push(r);
      bytes += readBackBytes(areas[i]!);
      i++;
    }
    await sync();
  } while (i < areas.length);
  return { formulas: ranges.map((r) => r.formulas as unknown[][]), values: ranges.map((r) => r.values as unknown[][]) };
}

/**
 * Which of these record parts carry the operation's id (record.ts `recordOperation`): their XML is read, two parts a
 * sync under a payload budget (a part this add-in writes holds at most half of it), all in one sync otherwise.
 */
async function partsOf(
  parts: readonly Excel.CustomXmlPart[],
  operation: string,
  budget: number,
  sync: () => Promise<void>,
): Promise<Excel.CustomXmlPart[]> {
  const perSync = Number.isFinite(budget) ? 2 : Math.max(1, parts.length);
  const mine: Excel.CustomXmlPart[] = [];
  for (let k = 0; k < parts.length; k += perSync) {
    const batch = parts.slice(k, k + perSync).map((p) => ({ p, xml: p.getXml() }));
    await sync();
    for (const b of batch) if (recordOperation(b.xml.value) === operation) mine.push(b.p);
  }
  return mine;
}

/**
 * Undoes what a failed or cancelled commit did, and only that (someone may have changed the workbook meanwhile):
 * 1. reads the record parts' ids and, if any cell write was sent, the planned rectangles (1 sync, more under a
 *    payload budget);
 * 2. only when an add was sent in a sync that failed: reads the XML of the parts that are new and not known to be
 *    the commit's, to find those carrying its operation id (1 sync, more under a budget);
 * 3. re-adds the earlier record parts that are gone and whose delete the commit sent, writes back only the cells
 *    that still hold what the commit wrote (core/sharing/rollback.ts `planRollback`), and deletes only the record
 *    parts the commit added (by id). A part, cell, sheet, name or setting anyone else added or changed is left.
 * Returns the syncs made.
 */
async function rollback(run: ExcelRun, undo: Undo, budget: number): Promise<number> {
  return run(async (context) => {
    const c = counter(context);
    const list = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
    list.load("items/id");
    const areas = undo.trace.wrote ? undo.areas : [];
    const read = await readAreas(context, areas, budget, c.sync);
    const before = new Set(undo.before.map((p) => p.id));
    const present = new Set(list.items.map((p) => p.id));
    const mine = list.items.filter((p) => undo.trace.added.has(p.id));
    const unknown = list.items.filter((p) => !before.has(p.id) && !undo.trace.added.has(p.id));
    if (undo.trace.addsUnconfirmed > 0 && unknown.length > 0) {
      mine.push(...(await partsOf(unknown, undo.operation, budget, c.sync)));
    }
    const back = planRollback(undo.entries, undo.undone, readBack(areas, read.formulas, read.values));
    const ops: Op[] = [
      ...addPartOps(
        context,
        undo.before.filter((p) => undo.trace.deleted.has(p.id) && !present.has(p.id)).map((p) => p.xml),
      ),
      ...writeOps(context, fitAreas(back, budget), undo.undone === "freeze" ? "formulas" : "frozen"),
      ...mine.map((p) => ({ bytes: 2 * OP_BYTES, apply: () => p.delete() })),
    ];
    if (ops.length > 0) await runOps(ops, budget, c.sync);
    return c.count();
  });
}

/**
 * Runs a commit, and on failure or a cancel that arrived meanwhile rolls it back (see the module comment).
 * Returns 0 (it returns only when nothing needed undoing; a rollback ends in an exception).
 */
async function commitOrRollBack(
  run: ExcelRun,
  o: SharingOptions,
  commit: () => Promise<void>,
  undo: Undo,
  total: number,
): Promise<number> {
  let failure: unknown = null;
  try {
    await commit();
  } catch (e) {
    failure = e instanceof SharingCancelled ? null : e;
  }
  if (failure === null && !o.signal?.aborted) return 0;
  o.onProgress?.({ step: "rollback", done: total - 1, total });
  try {
    await rollback(run, undo, payloadBudget(o));
  } catch (e) {
    throw new RollbackFailed(failure ?? new SharingCancelled(), e);
  }
  if (failure === null) throw new SharingCancelled();
  throw failure instanceof Error ? failure : new Error(messageOf(failure));
}

/** Freeze's options besides the common ones. */
export interface FreezeOptions extends SharingOptions {
  /** Freeze only the CRM formulas whose result meets the selection. */
  selectionOnly?: boolean;
  /**
   * Values only, for sharing outside the company: every CRM formula of the workbook is replaced by its value and
   * no record is kept; the record of earlier freezes is removed too, so no formula stays in the file and nothing
   * can be restored. `selectionOnly` is ignored.
   */
  valuesOnly?: boolean;
}

/**
 * Freeze: replaces CRM formulas (all, or those meeting the selection) by their values and records them in the
 * workbook; with `valuesOnly`, replaces all of them and keeps no record (removing the earlier one). 3–4 syncs
 * (+2–3 if rolled back), more on Excel on the web when the payload needs them.
 * @throws SharingCancelled (workbook unchanged), RollbackFailed, or the host's error after a successful rollback
 */
export async function freezeSharing(o: FreezeOptions = {}): Promise<FreezeResult> {
  const run = o.run ?? defaultRun;
  const total = 4;
  const budget = payloadBudget(o);
  const valuesOnly = o.valuesOnly === true;
  let result: FreezeResult | null = null;
  await run(async (context) => {
    const c = counter(context);
    const selection = !valuesOnly && o.selectionOnly === true;
    const read = await readWorkbook(context, c.sync, o, { spills: true, selection, total });
    const plan = planFreeze(read.scans, { spills: read.spills, selection: read.selection ?? undefined });
    checkCancelled(o.signal);
    const recordRemoved = valuesOnly ? read.record.cells.length : 0;
    if (plan.entries.length === 0 && (!valuesOnly || read.parts.length === 0)) {
      result = {
        plan,
        recorded: valuesOnly ? 0 : read.record.cells.length,
        valuesOnly,
        recordRemoved,
        syncs: c.count(),
      };
      return;
    }
    const merged = valuesOnly ? null : mergeRecords(read.record, plan.entries);
    const areas = fitAreas(plan.areas, budget);
    const undo: Undo = {
      undone: "freeze",
      entries: plan.entries,
      areas,
      before: read.parts,
      operation: newOperationId(),
      trace: newTrace(),
    };
    o.onProgress?.({ step: "write", done: 3, total });
    // The record first (a frozen cell never lacks it), the values, then the earlier parts (replaced, or dropped).
    const commit = (): Promise<void> =>
      runOps(
        [
          ...(merged ? addPartOps(context, recordXmls(merged, budget, undo.operation), undo.trace) : []),
          ...writeOps(context, areas, "frozen", undo.trace),
          ...pinOps(context, spillPins(read.scans, plan)), // `X#` of a frozen spill → its fixed range
          ...deletePartOps(
            context,
            read.parts.map((p) => p.id),
            undo.trace,
          ),
        ],
        budget,
        c.sync,
        o.signal,
      );
    const extra = await commitOrRollBack(run, o, commit, undo, total);
    result = { plan, recorded: merged ? merged.cells.length : 0, valuesOnly, recordRemoved, syncs: c.count() + extra };
  });
  o.onProgress?.({ step: "done", done: total, total });
  return result!;
}

/**
 * Restore: puts every recorded formula back where its cells still hold the frozen values; lists the rest as
 * conflicts and keeps them in the record. 3 syncs (+2–3 if rolled back), more on Excel on the web when the
 * payload needs them.
 * @throws SharingCancelled (workbook unchanged), RollbackFailed, or the host's error after a successful rollback
 */
export async function restoreSharing(o: SharingOptions = {}): Promise<RestoreResult> {
  const run = o.run ?? defaultRun;
  const total = 3;
  const budget = payloadBudget(o);
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
    const areas = fitAreas(plan.areas, budget);
    const undo: Undo = {
      undone: "restore",
      entries: plan.restored,
      areas,
      before: read.parts,
      operation: newOperationId(),
      trace: newTrace(),
    };
    o.onProgress?.({ step: "write", done: 2, total });
    const remaining = plan.remaining.cells.length > 0 ? recordXmls(plan.remaining, budget, undo.operation) : [];
    const commit = (): Promise<void> =>
      runOps(
        [
          ...writeOps(context, areas, "formulas", undo.trace),
          ...addPartOps(context, remaining, undo.trace),
          ...deletePartOps(
            context,
            read.parts.map((p) => p.id),
            undo.trace,
          ),
        ],
        budget,
        c.sync,
        o.signal,
      );
    const extra = await commitOrRollBack(run, o, commit, undo, total);
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
