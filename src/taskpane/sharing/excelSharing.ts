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
import { counter, defaultRun } from "../host";
import { cellValue } from "../../core/sharing/cellValues";
import { checkWorkbook, CheckSummary } from "../../core/sharing/check";
import { FreezePlan, planFreeze } from "../../core/sharing/freeze";
import { spillPins } from "../../core/sharing/spillPins";
import { mergeRecords } from "../../core/sharing/record";
import { planRestore, RestorePlan } from "../../core/sharing/restore";
import { addPartOps, commitOrRollBack, pinOps, writeOps } from "./commit";
import { checkCancelled, SharingOptions } from "./operation";
import { readWorkbook } from "./readWorkbook";

export {
  payloadBudget,
  RollbackFailed,
  SharingCancelled,
  WEB_PAYLOAD_BUDGET,
  type SharingOptions,
  type SharingProgress,
} from "./operation";

/** What every operation reports besides its own result. */
export interface Counted {
  /** context.sync() calls made (the rollback's included). */
  syncs: number;
}

/** What Check found. */
export interface CheckResult extends Counted {
  summary: CheckSummary;
}

/** What a Freeze did. */
export interface FreezeResult extends Counted {
  plan: FreezePlan;
  /** Formulas recorded in the workbook after the freeze (earlier freezes included; 0 after values only). */
  recorded: number;
  /** Whether this was a values-only freeze (no record kept). */
  valuesOnly: boolean;
  /** Formulas of earlier freezes whose record a values-only freeze removed (0 otherwise). */
  recordRemoved: number;
}

/** What a Restore did. */
export interface RestoreResult extends Counted {
  plan: RestorePlan;
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
 * (+2–3 if rolled back), more on Excel on the web when the payload needs them. The whole of Freeze is here:
 * read (./readWorkbook.ts), plan (core/sharing/freeze.ts), commit or roll back (./commit.ts).
 * @throws SharingCancelled (workbook unchanged), RollbackFailed, or the host's error after a successful rollback
 */
export async function freezeSharing(o: FreezeOptions = {}): Promise<FreezeResult> {
  const run = o.run ?? defaultRun;
  const total = 4;
  const valuesOnly = o.valuesOnly === true;
  const result = await run(async (context): Promise<FreezeResult> => {
    const c = counter(context);
    const selection = !valuesOnly && o.selectionOnly === true;
    const read = await readWorkbook(context, c.sync, o, { spills: true, selection, total });
    const plan = planFreeze(read.scans, { spills: read.spills, selection: read.selection ?? undefined });
    checkCancelled(o.signal);
    const recordRemoved = valuesOnly ? read.record.cells.length : 0;
    const done = (recorded: number): FreezeResult => ({ plan, recorded, valuesOnly, recordRemoved, syncs: c.count() });
    if (plan.entries.length === 0 && (!valuesOnly || read.parts.length === 0))
      return done(valuesOnly ? 0 : read.record.cells.length);
    const merged = valuesOnly ? null : mergeRecords(read.record, plan.entries);
    const commit = { undone: "freeze", entries: plan.entries, areas: plan.areas, before: read.parts } as const;
    // The record first (a frozen cell never lacks it), then the values; the earlier parts go last (./commit.ts).
    await commitOrRollBack({ context, run, o, sync: c.sync, total }, commit, ({ trace, areas, parts }) => [
      ...addPartOps(context, merged ? parts(merged) : [], trace),
      ...writeOps(context, areas, "frozen", trace),
      ...pinOps(context, spillPins(read.scans, plan)), // `X#` of a frozen spill → its fixed range
    ]);
    return done(merged ? merged.cells.length : 0);
  });
  o.onProgress?.({ step: "done", done: total, total });
  return result;
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
  const result = await run(async (context): Promise<RestoreResult> => {
    const c = counter(context);
    const read = await readWorkbook(context, c.sync, o, { spills: false, selection: false, total });
    const plan = planRestore(read.record, read.scans);
    checkCancelled(o.signal);
    if (plan.restored.length + plan.alreadyRestored.length === 0) return { plan, syncs: c.count() };
    const commit = { undone: "restore", entries: plan.restored, areas: plan.areas, before: read.parts } as const;
    // The formulas, then the remaining record (the conflicts); the earlier parts go last (./commit.ts).
    await commitOrRollBack({ context, run, o, sync: c.sync, total }, commit, ({ trace, areas, parts }) => [
      ...writeOps(context, areas, "formulas", trace),
      ...addPartOps(context, plan.remaining.cells.length > 0 ? parts(plan.remaining) : [], trace),
    ]);
    return { plan, syncs: c.count() };
  });
  o.onProgress?.({ step: "done", done: total, total });
  return result;
}

/** For callers that show values: a cell value as text (`""` for empty). */
export function shownValue(v: unknown): string {
  const x = cellValue(v);
  return typeof x === "boolean" ? (x ? "TRUE" : "FALSE") : String(x);
}
