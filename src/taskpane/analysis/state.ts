/**
 * The customer-analysis section's state: one plain object, and the functions that make the next one (each
 * returns a new state). Also what the views derive from it: the as-of date as the core takes it, the notes
 * about the log, what keeps Build from running. No DOM and no Excel here; the log is read and checked by the
 * core (readLiveLog), no maths here.
 */
import { isoDateOf, LiveLogReading, logNotes, parseAsOf, readLiveLog } from "../../core/analysis/liveLog";
import type { LogColumn } from "../../core/analysis/logTable";
import type { LiveKpi } from "../../core/analysis/sheet/livePlan";
import { parseCell } from "../../core/address";
import type { Language, Message } from "../../core/messages/catalogue";
import type { SelectionRead } from "../scorecard/selection";
import { sourceBlocker } from "../selectionAction";
import type { SelectionProblem } from "../scorecard/state";
import type { AnalysisOutcome } from "./writer";

export type { SelectionProblem } from "../scorecard/state";

/** The time units offered: days per period of the models. */
export const PERIOD_DAYS = [1, 7, 30] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** Which operation runs, and how far it is. */
export interface Busy {
  kind: "select" | "build" | "kpi";
  done: number;
  total: number;
}

/** What the last Build came to. */
export type Outcome =
  | {
      kind: "built";
      sheet: string;
      sheetId: string;
      syncs: number;
      /** Wall time of the build in ms (read, analyse, plan, write). */
      ms: number;
      customers: number;
      transactions: number;
      notes: Message[];
      kpiCells: Partial<Record<LiveKpi, string>>;
      language: Language;
    }
  | { kind: "problems"; problems: Message[] }
  | { kind: "error"; error: unknown };

/** What the last KPI-table button press came to. */
export type KpiOutcome =
  { kind: "built"; sheet: string; analysis: string; count: number } | { kind: "error"; error: unknown };

/** Everything the section shows. */
export interface AnalysisState {
  available: boolean;
  selection: SelectionRead | null;
  selectionProblem: SelectionProblem | null;
  /** The user's changes to the detected columns (null: not used). */
  mapping: Partial<Record<LogColumn, number | null>>;
  reading: LiveLogReading | null;
  /** The as-of date as typed; "" for the default (the last date in the log). */
  asOf: string;
  periodDays: PeriodDays;
  busy: Busy | null;
  outcome: Outcome | null;
  kpi: KpiOutcome | null;
}

/** The state of a freshly mounted section. */
export function initialState(available: boolean): AnalysisState {
  return {
    available,
    selection: null,
    selectionProblem: null,
    mapping: {},
    reading: null,
    asOf: "",
    periodDays: 7,
    busy: null,
    outcome: null,
    kpi: null,
  };
}

/** The core's reading of a selection under a mapping (its first area: a log is one rectangle). */
export function readingOf(selection: SelectionRead, mapping: AnalysisState["mapping"]): LiveLogReading {
  const block = selection.source.blocks[0];
  const origin = parseCell(block?.topLeft ?? "A1");
  const at = { sheet: selection.ref.sheet, row: origin.row, column: origin.column, address: selection.address };
  return readLiveLog(block?.values ?? [], at, mapping);
}

/** An operation starts. */
export function started(s: AnalysisState, kind: Busy["kind"]): AnalysisState {
  const busy: Busy = { kind, done: 0, total: 3 };
  if (kind === "select") return { ...s, busy, selectionProblem: null };
  return kind === "build" ? { ...s, busy, outcome: null, kpi: null } : { ...s, busy, kpi: null };
}

/** An operation reports its progress. */
export function progressed(s: AnalysisState, p: { done: number; total: number }): AnalysisState {
  return s.busy === null ? s : { ...s, busy: { ...s.busy, ...p } };
}

/** The selection was read: columns detected afresh, the as-of date back to its default. */
export function selectionRead(s: AnalysisState, selection: SelectionRead): AnalysisState {
  return {
    ...s,
    busy: null,
    selection,
    selectionProblem: null,
    mapping: {},
    reading: readingOf(selection, {}),
    asOf: "",
    outcome: null,
  };
}

/** Reading the selection failed; what was shown before stays (../selectionAction.ts). */
export { selectionFailed } from "../selectionAction";

/** The user gave a column another role ("" for none). */
export function columnChanged(s: AnalysisState, column: LogColumn, value: string): AnalysisState {
  if (s.selection === null) return s;
  const mapping = { ...s.mapping, [column]: value === "" ? null : Number(value) };
  return { ...s, mapping, reading: readingOf(s.selection, mapping), outcome: null };
}

/** The user typed an as-of date or chose a time unit. */
export function optionsChanged(s: AnalysisState, patch: { asOf?: string; periodDays?: PeriodDays }): AnalysisState {
  return { ...s, ...patch };
}

/** A Build ended. */
export function buildEnded(s: AnalysisState, r: AnalysisOutcome, ms: number): AnalysisState {
  if (r.kind === "problems") return { ...s, busy: null, outcome: { kind: "problems", problems: r.problems } };
  return {
    ...s,
    busy: null,
    outcome: {
      kind: "built",
      sheet: r.sheetName,
      sheetId: r.sheetId,
      syncs: r.syncs,
      ms,
      customers: r.customers,
      transactions: r.transactions,
      notes: r.notes,
      kpiCells: r.plan.kpiCells,
      language: r.plan.language,
    },
  };
}

/** A Build failed with `error`. */
export function failed(s: AnalysisState, error: unknown): AnalysisState {
  return { ...s, busy: null, outcome: { kind: "error", error } };
}

/** The KPI table was made, or could not be. */
export function kpiEnded(s: AnalysisState, kpi: KpiOutcome): AnalysisState {
  return { ...s, busy: null, kpi };
}

// ---- Derived.

/** The as-of date as the core takes it: typed, or the log's last date; `invalid` when the typed text is none. */
export function asOfOf(s: AnalysisState): { value: number | null; invalid: boolean } {
  if (s.asOf.trim() === "") return { value: s.reading?.lastDate ?? null, invalid: false };
  const v = parseAsOf(s.asOf);
  return { value: v, invalid: v === null };
}

/** The default as-of date shown (`YYYY-MM-DD`), or "" without a log. */
export function defaultAsOf(s: AnalysisState): string {
  const d = s.reading?.lastDate;
  return d === null || d === undefined ? "" : isoDateOf(d);
}

/** What the pane notes about the selected log at the as-of date. */
export function notesOf(s: AnalysisState): Message[] {
  return s.reading === null ? [] : logNotes(s.reading, asOfOf(s).value);
}

/** Why Build cannot run now, or null. */
export type BuildBlocker = "noExcel" | "busy" | "noSelection" | "problems" | "asOf";

/** What keeps Build from running (null: nothing). */
export function buildBlocker(s: AnalysisState): BuildBlocker | null {
  const blocker = sourceBlocker(s);
  if (blocker !== null) return blocker;
  if (s.reading?.log === null) return "problems";
  if (asOfOf(s).invalid) return "asOf";
  return null;
}
