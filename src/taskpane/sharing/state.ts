/**
 * The "Prepare for sharing" section's state: one plain object, and the functions that make the next one from
 * it (each returns a new state; nothing else changes it). Also what the views derive from it: whether the
 * buttons can be pressed, whether Cancel can, what the section is doing.
 *
 * No DOM and no Excel here: ./actions.ts runs the operations (./excelSharing.ts) and hands what they came to
 * to these functions; ./views/* draw the state.
 */
import type { CheckSummary } from "../../core/sharing/check";
import type { RestorePlan } from "../../core/sharing/restore";
import type { FreezeResult } from "./excelSharing";
import { RollbackFailed, SharingCancelled, type SharingProgress } from "./operation";

/** What an operation does: Check, Freeze all (asked first), Freeze selection, Restore, or Values only. */
export type Operation = "check" | "freezeAll" | "freezeSelection" | "restore" | "valuesOnly";

/** The step of the confirmation shown: Freeze all's question, or Values only's warning. */
export type ConfirmStep = "freezeAll" | "valuesOnly";

/** What the last operation came to (`idle` before any). */
export type Outcome =
  | { kind: "idle" }
  | { kind: "check"; summary: CheckSummary }
  | { kind: "freeze"; result: FreezeResult; selectionOnly: boolean }
  | { kind: "restore"; plan: RestorePlan }
  | { kind: "cancelled" }
  | { kind: "error"; error: unknown; rollbackFailed: boolean };

/** The operation that runs. */
export interface Busy {
  operation: Operation;
  /** Where it is (null until it says). */
  progress: SharingProgress | null;
  /** Cancel was pressed: it stops at the next step (or rolls back what it wrote). */
  cancelling: boolean;
}

/** Everything the section shows. */
export interface SharingState {
  /** Whether a workbook can be reached (false outside Excel). */
  available: boolean;
  outcome: Outcome;
  busy: Busy | null;
  confirm: ConfirmStep | null;
  /** Syncs made by the last operation that finished (for diagnostics). */
  syncs: number | null;
}

/** The state of a freshly mounted section. */
export function initialState(available: boolean): SharingState {
  return { available, outcome: { kind: "idle" }, busy: null, confirm: null, syncs: null };
}

/** Whether Check, Freeze all, Freeze selection and Restore can be pressed: a workbook, nothing running or asked. */
export function canStart(s: SharingState): boolean {
  return s.available && s.busy === null && s.confirm === null;
}

/** A confirmation step opens (Freeze all's question, or Values only's warning); not while an operation runs. */
export function confirmOpened(s: SharingState, step: ConfirmStep): SharingState {
  return s.busy === null && s.available ? { ...s, confirm: step } : s;
}

/** The confirmation closes without doing anything (Cancel or Escape). */
export function confirmClosed(s: SharingState): SharingState {
  return { ...s, confirm: null };
}

/**
 * An operation starts: the section is busy and the confirmation (if any) goes; what the last operation came
 * to stays shown until this one ends. Unchanged when one runs already or there is no workbook.
 */
export function started(s: SharingState, operation: Operation): SharingState {
  if (s.busy !== null || !s.available) return s;
  return { ...s, confirm: null, busy: { operation, progress: null, cancelling: false } };
}

/** The operation reports where it is. */
export function progressed(s: SharingState, p: SharingProgress): SharingState {
  return s.busy === null ? s : { ...s, busy: { ...s.busy, progress: p } };
}

/** Cancel was pressed while an operation runs. */
export function cancelRequested(s: SharingState): SharingState {
  return s.busy === null ? s : { ...s, busy: { ...s.busy, cancelling: true } };
}

/** Whether Cancel can be pressed: an operation runs, Cancel was not pressed yet, and it is not rolling back. */
export function canCancel(s: SharingState): boolean {
  return s.busy !== null && !s.busy.cancelling && s.busy.progress?.step !== "rollback";
}

/** What the progress line says: the operation's step, or that it is cancelling (a rollback says itself). */
export function progressStep(busy: Busy): SharingProgress["step"] | "cancelling" {
  const step = busy.progress?.step ?? "sheets";
  return busy.cancelling && step !== "rollback" ? "cancelling" : step;
}

/** The operation ended with a result, after `syncs` syncs. */
export function ended(s: SharingState, outcome: Outcome, syncs: number): SharingState {
  return { ...s, busy: null, outcome, syncs };
}

/**
 * The operation ended with an exception: cancelled (the workbook is unchanged), failed and rolled back, or
 * failed with a failed rollback (the error shown is the commit's own).
 */
export function failed(s: SharingState, e: unknown): SharingState {
  const outcome: Outcome =
    e instanceof SharingCancelled
      ? { kind: "cancelled" }
      : e instanceof RollbackFailed
        ? { kind: "error", error: e.cause, rollbackFailed: true }
        : { kind: "error", error: e, rollbackFailed: false };
  return { ...s, busy: null, outcome };
}

/** What the section is doing, as its `data-state` says: busy, asking, or the last outcome's kind. */
export function sectionState(s: SharingState): "busy" | "confirm" | Outcome["kind"] {
  return s.busy ? "busy" : s.confirm ? "confirm" : s.outcome.kind;
}
