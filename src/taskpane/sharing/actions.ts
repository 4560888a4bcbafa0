/**
 * The sharing section's actions: what its buttons do. Each reads the state from the store, runs an operation
 * of ./excelSharing.ts through the pane's host (../host.ts) and hands the outcome to a state function
 * (./state.ts), which makes the next state. No DOM here; where the keyboard focus goes is the view's (`focus`):
 * on the confirmation when it opens, back on Freeze all when it closes or when the operation it started ends.
 * While an operation runs, the other buttons do nothing.
 */
import type { PaneHost } from "../host";
import type { Store } from "../store";
import { checkSharing, freezeSharing, restoreSharing } from "./excelSharing";
import type { SharingOptions, SharingProgress } from "./operation";
import {
  canStart,
  cancelRequested,
  confirmClosed,
  confirmOpened,
  ended,
  failed,
  type Operation,
  type Outcome,
  progressed,
  type SharingState,
  started,
} from "./state";

/** Where the views put the keyboard focus when the actions ask. */
export interface SharingFocus {
  /** The confirmation (it has just opened, or changed step). */
  confirm(): void;
  /** Freeze all (the confirmation has closed, or the operation it started has ended). */
  freezeAll(): void;
}

/** The section's actions, bound to a store and a host. */
export interface SharingActions {
  /** Check, Freeze selection or Restore: starts at once. */
  run(operation: "check" | "freezeSelection" | "restore"): Promise<void>;
  /** Freeze all: asks first. */
  askFreezeAll(): void;
  /** In Freeze all's question: Values only, which warns first. */
  askValuesOnly(): void;
  /** Confirms the step shown: Freeze all, or Values only. */
  confirm(): Promise<void>;
  /** Closes the confirmation without doing anything (Cancel, Escape). */
  dismiss(): void;
  /** Cancel while an operation runs. */
  cancel(): void;
}

/** Runs one operation and says what it came to (the plain result; exceptions are the caller's). */
async function perform(operation: Operation, options: SharingOptions): Promise<{ outcome: Outcome; syncs: number }> {
  switch (operation) {
    case "check": {
      const r = await checkSharing(options);
      return { outcome: { kind: "check", summary: r.summary }, syncs: r.syncs };
    }
    case "restore": {
      const r = await restoreSharing(options);
      return { outcome: { kind: "restore", plan: r.plan }, syncs: r.syncs };
    }
    default: {
      const selectionOnly = operation === "freezeSelection";
      const r = await freezeSharing({ ...options, selectionOnly, valuesOnly: operation === "valuesOnly" });
      return { outcome: { kind: "freeze", result: r, selectionOnly }, syncs: r.syncs };
    }
  }
}

/** Binds the actions to `store`, `host` and the views' `focus`. */
export function sharingActions(store: Store<SharingState>, host: PaneHost, focus: SharingFocus): SharingActions {
  let controller: AbortController | null = null;

  /** Runs `operation` unless one runs already; `thenFocus` is called when it has ended. */
  async function start(operation: Operation, thenFocus?: () => void): Promise<void> {
    const before = store.get();
    const next = started(before, operation);
    if (next === before) return;
    const mine = new AbortController();
    controller = mine;
    store.set(next);
    const options: SharingOptions = {
      run: host.run,
      platform: host.platform,
      signal: mine.signal,
      onProgress: (p: SharingProgress) => store.set(progressed(store.get(), p)),
    };
    try {
      const r = await perform(operation, options);
      store.set(ended(store.get(), r.outcome, r.syncs));
    } catch (e) {
      store.set(failed(store.get(), e));
    } finally {
      controller = null;
      thenFocus?.();
    }
  }

  const ask = (step: "freezeAll" | "valuesOnly"): void => {
    const before = store.get();
    const next = confirmOpened(before, step);
    if (next === before) return;
    store.set(next);
    focus.confirm();
  };

  return {
    // a press counts only when the buttons are live (they stay focusable while aria-disabled)
    run: (operation) => (canStart(store.get()) ? start(operation) : Promise.resolve()),
    askFreezeAll: () => ask("freezeAll"),
    askValuesOnly: () => ask("valuesOnly"),
    async confirm() {
      const step = store.get().confirm;
      if (step === null) return;
      store.set(confirmClosed(store.get()));
      await start(step, () => focus.freezeAll());
    },
    dismiss() {
      store.set(confirmClosed(store.get()));
      focus.freezeAll();
    },
    cancel() {
      const s = store.get();
      if (s.busy === null || controller === null) return;
      store.set(cancelRequested(s));
      controller.abort();
    },
  };
}
