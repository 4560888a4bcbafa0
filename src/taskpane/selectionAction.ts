/**
 * The "Use selection" step every section with a source range shares: read the workbook's selection through
 * the pane's host and hand the outcome (or why there is none) to the section's state functions. No DOM here.
 */
import { messageOf, type PaneHost } from "./host";
import { EmptySelectionError, readSelection, type SelectionRead } from "./scorecard/selection";
import type { SelectionProblem } from "./scorecard/state";
import type { Store } from "./store";

/** The part of a section's state that reading the selection sets. */
export interface SelectionFields {
  busy: unknown;
  selectionProblem: SelectionProblem | null;
}

/** A section's state functions for reading the selection. */
export interface SelectionSteps<S> {
  /** The read has begun (the section shows it is busy). */
  started(s: S): S;
  /** The selection was read. */
  read(s: S, selection: SelectionRead): S;
}

/** Reading the selection failed; what was shown before stays. */
export function selectionFailed<S extends SelectionFields>(s: S, problem: SelectionProblem): S {
  return { ...s, busy: null, selectionProblem: problem };
}

/**
 * Reads the selection into `store` unless the section is busy or the pane has no workbook: an empty
 * selection and any other failure become the state's `selectionProblem`.
 */
export async function useSelection<S extends SelectionFields>(
  store: Store<S>,
  host: PaneHost,
  steps: SelectionSteps<S>,
): Promise<void> {
  if (store.get().busy !== null || !host.available) return;
  store.set(steps.started(store.get()));
  try {
    const selection = await readSelection(host.run, host.supports);
    store.set(steps.read(store.get(), selection));
  } catch (e) {
    const problem: SelectionProblem =
      e instanceof EmptySelectionError ? { kind: "empty" } : { kind: "failed", detail: messageOf(e) };
    store.set(selectionFailed(store.get(), problem));
  }
}
