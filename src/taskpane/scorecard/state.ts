/**
 * The scorecard section's state: one plain object, and the functions that make the next one from it (each
 * returns a new state; nothing else changes it). Also what the views derive from it: the options as the core
 * takes them (or what is wrong with the typed ones), the sheet's language, the default rating bands.
 *
 * No DOM and no Excel here: ./actions.ts talks to the workbook and hands what it got to these functions;
 * ./views/* draw the state. The table is read and validated by the core (readScorecardTable); no maths here.
 */
import type { ColumnRole, MappingOverride } from "../../core/scorecard/headers";
import { RatingBand, scorecardLabels, ScorecardLanguage } from "../../core/scorecard/labels";
import type { Plan } from "../../core/scorecard/plan";
import { readScorecardTable, TableProblem, TableReading } from "../../core/scorecard/table";
import type { SelectionRead } from "./selection";
import type {
  BuildOptions,
  BuildOutcome,
  RefreshOutcome,
  ScorecardEntry,
  ScorecardProgress,
  WriteResult,
} from "./writer";

/** A rating band as typed in the options (texts, checked when used). */
export interface BandInput {
  label: string;
  min: string;
}

/** The options as typed: texts for the numbers, checked by `checkOptions`. */
export interface OptionInputs {
  /** The achievement cap in percent ("120"). */
  cap: string;
  onTarget: string;
  near: string;
  /** null: the default bands of the sheet's language (they follow it); else the user's. */
  bands: BandInput[] | null;
  mode: "live" | "snapshot";
  language: "auto" | ScorecardLanguage;
}

/** Which operation is running. `entry`: the scorecard (settings name) a refresh works on. */
export interface Busy {
  kind: "select" | "build" | "refresh";
  progress: ScorecardProgress | null;
  entry?: string;
}

/** What the last Build or Refresh came to. */
export type Outcome =
  | { kind: "built" | "refreshed"; plan: Plan; sheet: string; syncs: number; skipped: WriteResult["skipped"] }
  | { kind: "problems"; problems: TableProblem[] }
  | { kind: "error"; error: unknown; op: "build" | "refresh" | "open" };

/** Why the selection could not be used: it holds no values, or reading it failed (Excel's message). */
export type SelectionProblem = { kind: "empty" } | { kind: "failed"; detail: string };

/** The workbook's scorecards as the pane knows them. */
export interface ListState {
  entries: ScorecardEntry[] | null;
  status: "idle" | "loading" | "error";
  error: string;
}

/** Everything the section shows. */
export interface ScorecardState {
  /** Whether a workbook can be reached (false outside Excel). */
  available: boolean;
  selection: SelectionRead | null;
  selectionProblem: SelectionProblem | null;
  /** The user's changes to the detected column mapping. */
  override: MappingOverride;
  reading: TableReading | null;
  options: OptionInputs;
  busy: Busy | null;
  outcome: Outcome | null;
  list: ListState;
}

/** The state of a freshly mounted section. */
export function initialState(available: boolean): ScorecardState {
  return {
    available,
    selection: null,
    selectionProblem: null,
    override: {},
    reading: null,
    options: { cap: "120", onTarget: "100", near: "80", bands: null, mode: "live", language: "auto" },
    busy: null,
    outcome: null,
    list: { entries: null, status: "idle", error: "" },
  };
}

/** An operation starts: the section is busy, the last outcome goes. */
export function started(s: ScorecardState, kind: Busy["kind"], entry?: string): ScorecardState {
  const busy: Busy = { kind, progress: null, ...(entry === undefined ? {} : { entry }) };
  return kind === "select" ? { ...s, busy, selectionProblem: null } : { ...s, busy, outcome: null };
}

/** A Build or Refresh reports where it is. */
export function progressed(s: ScorecardState, p: ScorecardProgress): ScorecardState {
  return s.busy === null ? s : { ...s, busy: { ...s.busy, progress: p } };
}

/** The selection was read: the mapping starts afresh from its headers. */
export function selectionRead(s: ScorecardState, selection: SelectionRead): ScorecardState {
  return {
    ...s,
    busy: null,
    selection,
    selectionProblem: null,
    override: {},
    reading: readScorecardTable(selection.source),
    outcome: null,
  };
}

/** Reading the selection failed; what was shown before stays. */
export function selectionFailed(s: ScorecardState, problem: SelectionProblem): ScorecardState {
  return { ...s, busy: null, selectionProblem: problem };
}

/** The user gave a role another column ("" for none), from the mapping lists. */
export function roleChanged(s: ScorecardState, role: ColumnRole, value: string): ScorecardState {
  if (s.selection === null) return s;
  const override = { ...s.override, [role]: value === "" ? null : Number(value) };
  return { ...s, override, reading: readScorecardTable(s.selection.source, override), outcome: null };
}

/** The user typed or chose an option. */
export function optionsChanged(s: ScorecardState, patch: Partial<OptionInputs>): ScorecardState {
  return { ...s, options: { ...s.options, ...patch } };
}

/** The user edited rating band `i` (the other bands become the user's too, as they are shown). */
export function bandEdited(s: ScorecardState, i: number, band: BandInput): ScorecardState {
  const bands = (s.options.bands ?? defaultBands(s)).map((b) => ({ ...b }));
  bands[i] = band;
  return optionsChanged(s, { bands });
}

/** A Build ended: the new scorecard joins the list, or the source had problems at build time. */
export function buildEnded(s: ScorecardState, r: BuildOutcome): ScorecardState {
  if (r.kind === "problems") {
    return { ...s, busy: null, reading: r.reading, outcome: { kind: "problems", problems: r.reading.problems } };
  }
  const entry: ScorecardEntry = {
    sheet: r.sheetName,
    settingsName: r.plan.settings.names.settings,
    settings: r.plan.settings,
    settingsFrom: "sheet",
  };
  return {
    ...s,
    busy: null,
    outcome: { kind: "built", plan: r.plan, sheet: r.sheetName, syncs: r.syncs, skipped: r.skipped },
    list: { ...s.list, entries: [...(s.list.entries ?? []), entry] },
  };
}

/** A Refresh of `entry` ended: its list entry now holds the new settings. */
export function refreshEnded(s: ScorecardState, entry: ScorecardEntry, r: RefreshOutcome): ScorecardState {
  if (r.kind === "problems") return { ...s, busy: null, outcome: { kind: "problems", problems: r.reading.problems } };
  const updated: ScorecardEntry = { ...entry, sheet: r.sheetName, settings: r.plan.settings, settingsFrom: "sheet" };
  return {
    ...s,
    busy: null,
    outcome: { kind: "refreshed", plan: r.plan, sheet: r.sheetName, syncs: r.syncs, skipped: r.skipped },
    list: {
      ...s.list,
      entries: (s.list.entries ?? []).map((x) => (x.settingsName === entry.settingsName ? updated : x)),
    },
  };
}

/** An operation failed with `error`. */
export function failed(s: ScorecardState, error: unknown, op: "build" | "refresh" | "open"): ScorecardState {
  return { ...s, busy: null, outcome: { kind: "error", error, op } };
}

/** The list is being read. */
export function listLoading(s: ScorecardState): ScorecardState {
  return { ...s, list: { ...s.list, status: "loading" } };
}

/** The list was read. */
export function listLoaded(s: ScorecardState, entries: ScorecardEntry[]): ScorecardState {
  return { ...s, list: { entries, status: "idle", error: "" } };
}

/** Reading the list failed (Excel's message). */
export function listFailed(s: ScorecardState, error: string): ScorecardState {
  return { ...s, list: { ...s.list, status: "error", error } };
}

// ---- Derived.

/** The language the sheet will be written in: chosen, or that of the headers. */
export function sheetLanguage(s: ScorecardState): ScorecardLanguage {
  return s.options.language === "auto" ? (s.reading?.language ?? "en") : s.options.language;
}

/** The rating bands of the sheet's language, as the options show them. */
export function defaultBands(s: ScorecardState): BandInput[] {
  return scorecardLabels(sheetLanguage(s)).ratingBands.map((b) => ({ label: b.label, min: String(b.min) }));
}

/** The rating bands as shown: the user's, or the defaults. */
export function shownBands(s: ScorecardState): BandInput[] {
  return s.options.bands ?? defaultBands(s);
}

/** The option fields a problem can belong to. */
export type OptionField = "cap" | "onTarget" | "near" | { band: number; part: "label" | "min" };

/** Something wrong with a typed option, in words the strings module renders in the pane's language. */
export type OptionProblem = { kind: "notANumber"; field: OptionField; text: string; bandLabel?: string };

/** The options as the core takes them, or what is wrong with the typed ones. */
export function checkOptions(o: OptionInputs): { options: BuildOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const num = (text: string, field: OptionField, bandLabel?: string): number => {
    const t = text.trim();
    const x = t === "" ? NaN : Number(t);
    if (!Number.isFinite(x)) {
      problems.push({ kind: "notANumber", field, text, ...(bandLabel === undefined ? {} : { bandLabel }) });
    }
    return x;
  };
  const capPercent = num(o.cap, "cap");
  const onTarget = num(o.onTarget, "onTarget");
  const near = num(o.near, "near");
  let ratingBands: RatingBand[] | undefined;
  if (o.bands !== null) {
    ratingBands = o.bands.map((b, i) => ({
      label: b.label.trim(),
      min: num(b.min, { band: i, part: "min" }, b.label),
    }));
  }
  const options: BuildOptions = {
    cap: capPercent / 100, // the cap is typed as a percentage; the core takes a fraction
    status: { onTarget, near },
    mode: o.mode,
    ...(o.language === "auto" ? {} : { language: o.language }),
    ...(ratingBands ? { ratingBands } : {}),
  };
  return { options, problems };
}

/** Whether Build can run now. */
export function canBuild(s: ScorecardState): boolean {
  return s.available && s.busy === null && s.reading?.table != null && checkOptions(s.options).problems.length === 0;
}
