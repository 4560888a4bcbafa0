/**
 * The scorecard section's state: one plain object, and the functions that make the next one from it (each
 * returns a new state; nothing else changes it). Also what the views derive from it: the options as the core
 * takes them (or what is wrong with the typed ones), the sheet's language, the default rating bands.
 *
 * No DOM and no Excel here: ./actions.ts talks to the workbook and hands what it got to these functions;
 * ./views/* draw the state. The table is read and validated by the core (readScorecardTable); no maths here.
 */
import { COLUMN_ROLES, detectColumns, type ColumnRole, type MappingOverride } from "../../core/scorecard/headers";
import type { HistoryProblem } from "../../core/scorecard/history";
import { misnamedQuarter } from "../../core/scorecard/period";
import { RatingBand, scorecardLabels, ScorecardLanguage } from "../../core/scorecard/labels";
import type { Plan } from "../../core/scorecard/plan";
import { readScorecardTable, TableProblem, TableReading } from "../../core/scorecard/table";
import type { SheetRecordProblem } from "../../core/scorecard/historyRecord";
import type { RecordOutcome } from "./historyWriter";
import type { SelectionRead } from "./selection";
import { sourceBlocker } from "../selectionAction";
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
  /** The period label as typed; blank: the calendar quarter of the as-of date ("2026 Q4"). */
  period: string;
}

/** Which operation is running. `entry`: the scorecard (settings name) a refresh or a record works on. */
export interface Busy {
  kind: "select" | "build" | "refresh" | "record";
  progress: ScorecardProgress | null;
  entry?: string;
}

/** The operations whose failure the result area reports. */
export type Operation = "build" | "refresh" | "open" | "record";

/** What the last Build, Refresh or Record came to. */
export type Outcome =
  | {
      kind: "built" | "refreshed";
      plan: Plan;
      sheet: string;
      syncs: number;
      skipped: WriteResult["skipped"];
      /** Why the workbook's history was not used for the previous values (empty: used, or there is none). */
      historyProblems: HistoryProblem[];
    }
  | { kind: "problems"; problems: TableProblem[] }
  | { kind: "recorded"; period: string; sheet: string; replaced: boolean; syncs: number }
  /** The user kept a recorded period as it was (Cancel or Escape in the confirmation). */
  | { kind: "notReplaced"; period: string }
  /** A record that wrote nothing: the history cannot be read (its cells), the sheet is not as built, or Excel is too old. */
  | { kind: "historyUnreadable"; sheet: string; problems: HistoryProblem[] }
  | { kind: "sheetUnreadable"; problem: SheetRecordProblem }
  | { kind: "recordUnsupported" }
  | { kind: "error"; error: unknown; op: Operation };

/** A period the history holds already, while the pane asks whether to replace it. */
export interface ReplaceQuestion {
  /** The scorecard (its settings name) whose period it is. */
  entry: string;
  period: string;
  /** The history sheet. */
  sheet: string;
}

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
  /** The confirmation before a recorded period is replaced, while it is open. */
  confirm: ReplaceQuestion | null;
}

/** The state of a freshly mounted section. */
export function initialState(available: boolean): ScorecardState {
  return {
    available,
    selection: null,
    selectionProblem: null,
    override: {},
    reading: null,
    options: { cap: "120", onTarget: "100", near: "80", bands: null, mode: "live", language: "auto", period: "" },
    busy: null,
    outcome: null,
    list: { entries: null, status: "idle", error: "" },
    confirm: null,
  };
}

/** An operation starts: the section is busy, the last outcome goes (and an open confirmation closes). */
export function started(s: ScorecardState, kind: Busy["kind"], entry?: string): ScorecardState {
  const busy: Busy = { kind, progress: null, ...(entry === undefined ? {} : { entry }) };
  return kind === "select" ? { ...s, busy, selectionProblem: null } : { ...s, busy, outcome: null, confirm: null };
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

/** Reading the selection failed; what was shown before stays (../selectionAction.ts). */
export { selectionFailed } from "../selectionAction";

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
    outcome: {
      kind: "built",
      plan: r.plan,
      sheet: r.sheetName,
      syncs: r.syncs,
      skipped: r.skipped,
      historyProblems: r.historyProblems,
    },
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
    outcome: {
      kind: "refreshed",
      plan: r.plan,
      sheet: r.sheetName,
      syncs: r.syncs,
      skipped: r.skipped,
      historyProblems: r.historyProblems,
    },
    list: {
      ...s.list,
      entries: (s.list.entries ?? []).map((x) => (x.settingsName === entry.settingsName ? updated : x)),
    },
  };
}

/** An operation failed with `error`. */
export function failed(s: ScorecardState, error: unknown, op: Operation): ScorecardState {
  return { ...s, busy: null, outcome: { kind: "error", error, op } };
}

/**
 * A Record of `entry` ended: recorded; or the period is in the history already, and the pane asks (the
 * confirmation opens, nothing is shown as an outcome yet); or nothing was written, and why.
 */
export function recordEnded(s: ScorecardState, entry: ScorecardEntry, r: RecordOutcome): ScorecardState {
  const done = { ...s, busy: null, confirm: null };
  switch (r.kind) {
    case "recorded":
      return {
        ...done,
        outcome: { kind: "recorded", period: r.period, sheet: r.sheetName, replaced: r.replaced, syncs: r.syncs },
      };
    case "exists":
      return { ...done, outcome: null, confirm: { entry: entry.settingsName, period: r.period, sheet: r.sheetName } };
    case "unreadableHistory":
      return { ...done, outcome: { kind: "historyUnreadable", sheet: r.sheetName, problems: r.problems } };
    case "unreadableSheet":
      return { ...done, outcome: { kind: "sheetUnreadable", problem: r.problem } };
    case "unsupported":
      return { ...done, outcome: { kind: "recordUnsupported" } };
  }
}

/** The user kept the recorded period as it was (Cancel, or Escape): the confirmation closes and says so. */
export function replaceDeclined(s: ScorecardState): ScorecardState {
  if (s.confirm === null) return s;
  return { ...s, confirm: null, outcome: { kind: "notReplaced", period: s.confirm.period } };
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
export type OptionField = "cap" | "onTarget" | "near" | "period" | { band: number; part: "label" | "min" };

/**
 * Something wrong with a typed option, as data the views word in the pane's language: a text that is no
 * number; a cap outside 100–10,000 %; a negative on-target score; a near-target score outside 0..on target; a
 * blank band label; a band that does not start below the one above it.
 */
export type OptionProblem =
  | { kind: "notANumber"; field: OptionField; text: string; label?: string }
  | { kind: "capRange"; field: "cap"; text: string }
  | { kind: "notNegative"; field: "onTarget"; text: string }
  | { kind: "nearRange"; field: "near"; text: string; onTarget: string }
  | { kind: "bandLabelBlank"; field: { band: number; part: "label" }; label: string }
  | { kind: "bandOrder"; field: { band: number; part: "min" }; label: string; text: string; above: string }
  | { kind: "periodNotQuarter"; field: "period"; text: string };

/** A typed number: its value, or NaN (with a problem) when it is none. */
function typedNumber(text: string, field: OptionField, problems: OptionProblem[], label?: string): number {
  const t = text.trim();
  const x = t === "" ? NaN : Number(t);
  if (!Number.isFinite(x))
    problems.push({ kind: "notANumber", field, text, ...(label === undefined ? {} : { label }) });
  return x;
}

/** The typed rating bands as the core takes them, checked as the core checks them. */
function checkBands(bands: readonly BandInput[], problems: OptionProblem[]): RatingBand[] {
  const out = bands.map((b, i) => ({
    label: b.label.trim(),
    min: typedNumber(b.min, { band: i, part: "min" }, problems, b.label),
  }));
  out.forEach((b, i) => {
    const label = bands[i]!.label;
    if (b.label === "") problems.push({ kind: "bandLabelBlank", field: { band: i, part: "label" }, label });
    const above = out[i - 1];
    if (above !== undefined && Number.isFinite(b.min) && Number.isFinite(above.min) && !(b.min < above.min)) {
      const field = { band: i, part: "min" as const };
      problems.push({ kind: "bandOrder", field, label, text: bands[i]!.min.trim(), above: bands[i - 1]!.min.trim() });
    }
  });
  return out;
}

/**
 * The options as the core takes them, and everything the core would refuse in them (the same rules as its
 * `checkScoringOptions`, so that a refusal is shown at the field, when typed, in the pane's language).
 */
export function checkOptions(o: OptionInputs): { options: BuildOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const capPercent = typedNumber(o.cap, "cap", problems);
  const cap = capPercent / 100; // the cap is typed as a percentage; the core takes a fraction
  if (Number.isFinite(cap) && (cap < 1 || cap > 100))
    problems.push({ kind: "capRange", field: "cap", text: o.cap.trim() });
  const onTarget = typedNumber(o.onTarget, "onTarget", problems);
  const near = typedNumber(o.near, "near", problems);
  if (Number.isFinite(onTarget) && onTarget < 0) {
    problems.push({ kind: "notNegative", field: "onTarget", text: o.onTarget.trim() });
  } else if (Number.isFinite(onTarget) && Number.isFinite(near) && (near < 0 || near > onTarget)) {
    problems.push({ kind: "nearRange", field: "near", text: o.near.trim(), onTarget: o.onTarget.trim() });
  }
  const ratingBands = o.bands === null ? undefined : checkBands(o.bands, problems);
  const period = o.period.trim();
  if (misnamedQuarter(period)) problems.push({ kind: "periodNotQuarter", field: "period", text: period });
  const options: BuildOptions = {
    cap,
    status: { onTarget, near },
    mode: o.mode,
    ...(o.language === "auto" ? {} : { language: o.language }),
    ...(ratingBands ? { ratingBands } : {}),
    ...(period === "" ? {} : { period }),
  };
  return { options, problems };
}

/** The key of an option field, for element ids ("cap", "band-2-min"). */
export function fieldKey(field: OptionField): string {
  return typeof field === "string" ? field : `band-${field.band}-${field.part}`;
}

/** Why Build cannot run now, or null when it can. */
export type BuildBlocker = "noExcel" | "busy" | "noSelection" | "problems" | "options";

/** What keeps Build from running now (null: nothing). */
export function buildBlocker(s: ScorecardState): BuildBlocker | null {
  const blocker = sourceBlocker(s);
  if (blocker !== null) return blocker;
  if (s.reading?.table === null) return "problems";
  if (checkOptions(s.options).problems.length > 0) return "options";
  return null;
}

/** Whether Build can run now. */
export function canBuild(s: ScorecardState): boolean {
  return buildBlocker(s) === null;
}

/** The workbook's scorecards built from the selected table (same sheet and address), oldest first. */
export function scorecardsOfSelection(s: ScorecardState): ScorecardEntry[] {
  const ref = s.selection?.ref;
  if (ref === undefined) return [];
  const address = ref.areas.join(",").toUpperCase();
  return (s.list.entries ?? []).filter(
    (e) =>
      e.settings.source.sheet.toLowerCase() === ref.sheet.toLowerCase() &&
      e.settings.source.address.toUpperCase() === address,
  );
}

/**
 * The address of the selection's first row when it looks like data rather than a header row: none of its
 * cells names a column the builder knows, so every required role is missing. Null otherwise (then the core's
 * problems say what is missing, one by one).
 */
export function missingHeaderRow(s: ScorecardState): string | null {
  const r = s.reading;
  if (r === null || r.problems.length === 0 || !r.problems.every((p) => p.code === "missingColumn")) return null;
  if (COLUMN_ROLES.some((role) => r.mapping[role] !== null)) return null;
  return r.problems[0]?.address ?? null;
}

/** The headers no role was recognised in (blank ones aside); none when the header row itself is missing. */
export function unrecognisedHeaders(s: ScorecardState): string[] {
  const r = s.reading;
  if (r === null || missingHeaderRow(s) !== null) return [];
  const detected = new Set(Object.values(detectColumns(r.headers).mapping).filter((c) => c !== null));
  return r.headers.filter((h, i) => h !== "" && !detected.has(i));
}
