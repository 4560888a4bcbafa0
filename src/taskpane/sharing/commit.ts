/**
 * The writing half of Freeze and Restore: a commit made of queued operations (record parts added, cells
 * written, earlier parts deleted), the trace of how far it got, and the rollback that undoes exactly that and
 * nothing else (see ./excelSharing.ts, "Consistency").
 */
import { counter, messageOf, type ExcelRun } from "../host";
import { valueToWrite } from "../../core/sharing/cellValues";
import type { FrozenCell, FreezeRecord } from "../../core/sharing/record";
import { RECORD_NAMESPACE, recordOperation, recordToXmlParts } from "../../core/sharing/record";
import type { WriteArea } from "../../core/sharing/freeze";
import { planRollback, readBack, UndoneCommit } from "../../core/sharing/rollback";
import type { PinnedFormula } from "../../core/sharing/spillPins";
import { payloadBudget, RollbackFailed, SharingCancelled, SharingOptions } from "./operation";
import { areaBytes, fitAreas, jsonBytes, Op, OP_BYTES, readBackBytes, runOps } from "./payload";
import type { RecordPart } from "./readWorkbook";

/**
 * What a commit has reached so far, so that its rollback undoes exactly that. Excel stops a failing batch at
 * the failing operation and keeps what went before, without saying how far it got: an operation in a failed
 * sync may or may not have run.
 */
export interface Trace {
  /** Some of the commit's cell writes were sent. */
  wrote: boolean;
  /** Ids of the record parts the commit added, learnt when their sync succeeded. */
  added: Set<string>;
  /** Adds sent in a sync that failed (or is still running): such a part may exist, its id unknown. */
  addsUnconfirmed: number;
  /** Ids of the earlier record parts whose delete was sent. */
  deleted: Set<string>;
}

/** A commit that has reached nothing yet. */
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

/** Operations writing one side of each area (the frozen values, or the formulas). */
export function writeOps(
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
export function pinOps(context: Excel.RequestContext, pins: readonly PinnedFormula[]): Op[] {
  const sheet = sheetGetter(context);
  return pins.map((p) => ({
    bytes: OP_BYTES + jsonBytes(p.formula),
    apply: () => void (sheet(p.sheet).getRange(p.address).formulas = [[p.formula]]),
  }));
}

/** Operations adding record parts; with a trace, each part's id is learnt once its sync succeeds. */
export function addPartOps(context: Excel.RequestContext, xmls: readonly string[], trace?: Trace): Op[] {
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

/** Operations deleting the record parts with these ids; with a trace, each delete is noted when sent. */
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
type Undo = CommitPlan & {
  /** The id on the record parts the commit adds. */
  operation: string;
  trace: Trace;
};

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

/** A commit to make: what it undoes if it fails. */
export interface CommitPlan {
  undone: UndoneCommit;
  /** The entries the commit writes (a Freeze's new entries, or those a Restore puts back). */
  entries: readonly FrozenCell[];
  /** The rectangles the commit writes, as planned (split here to fit the payload budget). */
  areas: readonly WriteArea[];
  /** The record parts as the operation read them: deleted at the end of the commit. */
  before: readonly RecordPart[];
}

/** Where a commit runs: the operation's context, its options and `run` (for a rollback), its sync and steps. */
export interface CommitSession {
  context: Excel.RequestContext;
  run: ExcelRun;
  o: SharingOptions;
  sync: () => Promise<void>;
  /** The operation's steps in all; the commit is the last but one. */
  total: number;
}

/**
 * A commit's own operations, in order (the earlier record parts' deletes follow them): given its trace, its
 * rectangles split to fit the budget, and `parts(record)`, the record as XML parts that carry the commit's id.
 */
export type CommitOps = (c: {
  trace: Trace;
  areas: readonly WriteArea[];
  parts: (record: FreezeRecord) => string[];
}) => Op[];

/**
 * Runs a commit — its own operations, then the deletes of the record parts read before — and on failure or a
 * cancel that arrived meanwhile rolls it back (a second `run`). Returns when the commit landed and nothing
 * needed undoing; a rollback always ends in an exception: SharingCancelled, the commit's error, or
 * RollbackFailed when undoing failed too.
 */
export async function commitOrRollBack(session: CommitSession, plan: CommitPlan, ops: CommitOps): Promise<void> {
  const { context, o, total } = session;
  const budget = payloadBudget(o);
  const areas = fitAreas(plan.areas, budget);
  const undo: Undo = { ...plan, areas, operation: newOperationId(), trace: newTrace() };
  o.onProgress?.({ step: "write", done: total - 1, total });
  let failure: unknown = null;
  try {
    const parts = (record: FreezeRecord): string[] => recordXmls(record, budget, undo.operation);
    const all = [
      ...ops({ trace: undo.trace, areas, parts }),
      ...deletePartOps(
        context,
        plan.before.map((p) => p.id),
        undo.trace,
      ),
    ];
    await runOps(all, budget, session.sync, o.signal);
  } catch (e) {
    failure = e instanceof SharingCancelled ? null : e;
  }
  if (failure === null && !o.signal?.aborted) return;
  o.onProgress?.({ step: "rollback", done: total - 1, total });
  try {
    await rollback(session.run, undo, budget);
  } catch (e) {
    throw new RollbackFailed(failure ?? new SharingCancelled(), e);
  }
  if (failure === null) throw new SharingCancelled();
  throw failure instanceof Error ? failure : new Error(messageOf(failure));
}
