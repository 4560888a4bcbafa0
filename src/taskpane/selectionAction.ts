/**
 * What every section with a source range shares: the "Use selection" step (read the workbook's selection through
 * the pane's host and hand the outcome, or why there is none, to the section's state functions), a change of the
 * column mapping, and what keeps a Build from running before the section's own checks. No DOM here.
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

/** The actions of a section with a source range whose columns are mapped to keys `K` (roles, log columns). */
export interface SourceActions<K extends string> {
  /** Reads the selection (nothing while the section is busy or without a workbook). */
  useSelection(): Promise<void>;
  /** The list of `key` now says `value` ("" for not used, else a column's index); ignored while busy. */
  changeColumn(key: K, value: string): void;
}

/** {@link SourceActions} on a section's store and host; `columnChanged` makes the state after a mapping change. */
export function sourceActions<S extends SelectionFields, K extends string>(
  store: Store<S>,
  host: PaneHost,
  steps: SelectionSteps<S> & { columnChanged(s: S, key: K, value: string): S },
): SourceActions<K> {
  return {
    useSelection: () => useSelection(store, host, steps),
    changeColumn(key, value) {
      if (store.get().busy !== null) return;
      store.set(steps.columnChanged(store.get(), key, value));
    },
  };
}

/** The part of a section's state that says whether a Build can start at all. */
export interface SourceBuildFields {
  readonly available: boolean;
  readonly busy: unknown;
  readonly selection: unknown;
  readonly reading: unknown;
}

/** What keeps any section's Build from running before its own checks: no workbook, work under way, nothing read. */
export function sourceBlocker(s: SourceBuildFields): "noExcel" | "busy" | "noSelection" | null {
  if (!s.available) return "noExcel";
  if (s.busy !== null) return "busy";
  if (s.selection === null || s.reading === null) return "noSelection";
  return null;
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
