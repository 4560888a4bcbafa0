/**
 * The scorecard section's actions: what the buttons do. Each one reads the state from the store, talks to the
 * workbook through the pane's host (../host.ts) and the scorecard writer, and hands the outcome to a state
 * function (./state.ts), which makes the next state. No DOM here. While one operation runs, the others return
 * at once (a click on a busy section does nothing).
 */
import type { ColumnRole } from "../../core/scorecard/headers";
import { messageOf, type PaneHost } from "../host";
import { sourceActions, type SourceActions } from "../selectionAction";
import type { Store } from "../store";
import {
  bandEdited,
  BandInput,
  buildEnded,
  canBuild,
  checkOptions,
  failed,
  listFailed,
  listLoaded,
  listLoading,
  OptionInputs,
  optionsChanged,
  progressed,
  recordEnded,
  refreshEnded,
  replaceDeclined,
  roleChanged,
  ScorecardState,
  selectionRead,
  started,
} from "./state";
import { activateSheet, buildScorecard, listScorecards, refreshScorecard, ScorecardEntry } from "./writer";
import { recordScorecardPeriod } from "./historyWriter";

/** The section's actions, bound to a store and a host: Use selection and the roles (../selectionAction.ts), and its own. */
export interface ScorecardActions extends SourceActions<ColumnRole> {
  changeOptions(patch: Partial<OptionInputs>): void;
  editBand(i: number, band: BandInput): void;
  build(): Promise<void>;
  refresh(entry: ScorecardEntry): Promise<void>;
  /** Records the period of `entry` into the history; `replace`: the user confirmed replacing it. */
  record(entry: ScorecardEntry, replace?: boolean): Promise<void>;
  /** Closes the confirmation before a replace, keeping the recorded period. */
  declineReplace(): void;
  open(sheet: string): Promise<void>;
  loadList(): Promise<void>;
}

/** Binds the actions to `store` and `host`. */
export function scorecardActions(store: Store<ScorecardState>, host: PaneHost): ScorecardActions {
  const hooks = { run: host.run, supports: host.supports };
  const onProgress = (p: Parameters<typeof progressed>[1]): void => store.set(progressed(store.get(), p));
  return {
    ...sourceActions(store, host, {
      started: (s) => started(s, "select"),
      read: selectionRead,
      columnChanged: roleChanged,
    }),
    changeOptions(patch) {
      store.set(optionsChanged(store.get(), patch));
    },
    editBand(i, band) {
      store.set(bandEdited(store.get(), i, band));
    },
    async build() {
      const s = store.get();
      if (!canBuild(s) || s.selection === null) return;
      const { options } = checkOptions(s.options);
      const request = { source: s.selection.ref, mapping: s.override, options };
      store.set(started(s, "build"));
      try {
        store.set(buildEnded(store.get(), await buildScorecard(request, { ...hooks, onProgress })));
      } catch (e) {
        store.set(failed(store.get(), e, "build"));
      }
    },
    async refresh(entry) {
      if (store.get().busy || !host.available) return;
      store.set(started(store.get(), "refresh", entry.settingsName));
      try {
        store.set(refreshEnded(store.get(), entry, await refreshScorecard(entry, { ...hooks, onProgress })));
      } catch (e) {
        store.set(failed(store.get(), e, "refresh"));
      }
    },
    async record(entry, replace = false) {
      if (store.get().busy || !host.available) return;
      store.set(started(store.get(), "record", entry.settingsName));
      try {
        const r = await recordScorecardPeriod(entry, { ...hooks, onProgress, replace });
        store.set(recordEnded(store.get(), entry, r));
      } catch (e) {
        store.set(failed(store.get(), e, "record"));
      }
    },
    declineReplace() {
      store.set(replaceDeclined(store.get()));
    },
    async open(sheet) {
      try {
        await activateSheet(sheet, hooks);
      } catch (e) {
        store.set(failed(store.get(), e, "open"));
      }
    },
    async loadList() {
      if (!host.available || store.get().list.status === "loading") return;
      store.set(listLoading(store.get()));
      try {
        store.set(listLoaded(store.get(), (await listScorecards(hooks)).entries));
      } catch (e) {
        store.set(listFailed(store.get(), messageOf(e)));
      }
    },
  };
}
