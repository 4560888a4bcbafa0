/**
 * The customer-analysis section's actions: what the buttons do. Each reads the state from the store, talks to
 * the workbook through the pane's host and ./writer, and hands the outcome to a state function. No DOM here.
 * While one operation runs, the others return at once.
 */
import type { LogColumn } from "../../core/analysis/logTable";
import type { PaneHost } from "../host";
import { sourceActions, type SourceActions } from "../selectionAction";
import type { Store } from "../store";
import { activateSheet } from "../scorecard/writer";
import {
  AnalysisState,
  asOfOf,
  buildBlocker,
  buildEnded,
  columnChanged,
  failed,
  kpiEnded,
  optionsChanged,
  PeriodDays,
  progressed,
  selectionRead,
  started,
} from "./state";
import { buildAnalysis, createKpiTable } from "./writer";

/** The section's actions: Use selection and the log's columns (../selectionAction.ts), and its own. */
export interface AnalysisActions extends SourceActions<LogColumn> {
  changeOptions(patch: { asOf?: string; periodDays?: PeriodDays }): void;
  build(): Promise<void>;
  createKpiTable(): Promise<void>;
  open(sheet: string): Promise<void>;
}

const now = (): number => (typeof performance === "undefined" ? Date.now() : performance.now());

/** Binds the actions to `store` and `host`. */
export function analysisActions(store: Store<AnalysisState>, host: PaneHost): AnalysisActions {
  const hooks = {
    run: host.run,
    supports: host.supports,
    onProgress: (p: { done: number; total: number }) => store.set(progressed(store.get(), p)),
  };
  return {
    ...sourceActions(store, host, { started: (s) => started(s, "select"), read: selectionRead, columnChanged }),
    changeOptions(patch) {
      store.set(optionsChanged(store.get(), patch));
    },
    async build() {
      const s = store.get();
      if (buildBlocker(s) !== null || s.selection === null) return;
      const request = {
        source: { sheet: s.selection.ref.sheet, areas: s.selection.ref.areas.slice(0, 1) },
        mapping: s.mapping,
        asOf: s.asOf.trim() === "" ? null : asOfOf(s).value,
        periodDays: s.periodDays,
        language: null,
      };
      store.set(started(s, "build"));
      const t0 = now();
      try {
        const r = await buildAnalysis(request, hooks);
        store.set(buildEnded(store.get(), r, now() - t0));
      } catch (e) {
        store.set(failed(store.get(), e));
      }
    },
    async createKpiTable() {
      const s = store.get();
      const o = s.outcome;
      if (s.busy !== null || o?.kind !== "built") return;
      store.set(started(s, "kpi"));
      try {
        const r = await createKpiTable(
          { analysisSheetId: o.sheetId, kpiCells: o.kpiCells, language: o.language },
          hooks,
        );
        store.set(
          kpiEnded(store.get(), {
            kind: "built",
            sheet: r.sheetName,
            analysis: r.analysisSheet,
            count: r.plan.kpis.length,
          }),
        );
      } catch (e) {
        store.set(kpiEnded(store.get(), { kind: "error", error: e }));
      }
    },
    async open(sheet) {
      try {
        await activateSheet(sheet, hooks);
      } catch (e) {
        store.set(failed(store.get(), e));
      }
    },
  };
}
