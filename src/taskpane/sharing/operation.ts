/**
 * What every "Prepare for sharing" operation (Check, Freeze, Restore) shares on the Excel side: its options,
 * the progress it reports, the two ways it can end without a result (cancelled, or failed with a failed
 * rollback) and the payload budget of one sync. The host itself (Excel.run, sync counting, error text,
 * platform) is ../host.ts.
 */
import { messageOf, officePlatform, type ExcelRun, type OfficePlatform } from "../host";

/**
 * Estimated bytes one sync may carry each way on Excel on the web, whose limit is 5 MB per request and per
 * response: the rest is margin for what the estimates miss.
 */
export const WEB_PAYLOAD_BUDGET = 4_000_000;

/** Where an operation is: which step of how many, and what it is doing. */
export interface SharingProgress {
  step: "sheets" | "cells" | "spills" | "write" | "rollback" | "done";
  /** Steps finished so far and in all (an estimate until the spill step is known to be needed). */
  done: number;
  total: number;
}

/** The options of every operation. */
export interface SharingOptions {
  /** `Excel.run` by default. */
  run?: ExcelRun;
  onProgress?: (p: SharingProgress) => void;
  /** Aborting stops before the commit, or rolls the commit back once it has landed. */
  signal?: AbortSignal;
  /**
   * Estimated bytes one sync may carry each way. Default: WEB_PAYLOAD_BUDGET on Excel on the web, unlimited
   * elsewhere.
   */
  payloadBudget?: number;
  /** Where Office runs (the pane's host knows); read from Office.context.platform when not given. */
  platform?: OfficePlatform;
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

/** Throws SharingCancelled once `signal` has been aborted. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SharingCancelled();
}

/** The payload budget of a sync (see SharingOptions.payloadBudget): 4 MB on Excel on the web, else unlimited. */
export function payloadBudget(o: SharingOptions): number {
  if (o.payloadBudget !== undefined) return o.payloadBudget;
  return (o.platform ?? officePlatform()) === "web" ? WEB_PAYLOAD_BUDGET : Infinity;
}
