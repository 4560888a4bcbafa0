/**
 * A scorecard's stored settings: what a build writes into its sheet (JSON in the settings cell, which the
 * workbook name `CRM_Scorecard[_n]_Settings` points to; the task pane keeps a copy in the workbook settings)
 * so that a Refresh — in the task pane, or on the command line — can rebuild the scorecard from its source
 * with the same column mapping and options. Making them and reading them back are both here, pure.
 */
import { COLUMN_ROLES, COMPARISON_ROLES, type ColumnMapping, type ColumnRole, type ComparisonRole } from "./headers";
import type { RatingBand, ScorecardLanguage } from "./labels";
import { PLAN_VERSION } from "./planTypes";
import type { StatusThresholds } from "./scoring";
import type { ScorecardTable } from "./table";

/** Settings stored with the scorecard so that it can be refreshed (rebuilt from its source). */
export interface StoredSettings {
  app: "crm-metrics-excel";
  kind: "scorecard";
  version: number;
  sheetName: string;
  source: { sheet: string; address: string };
  headers: string[];
  mapping: StoredMapping;
  options: {
    language: ScorecardLanguage;
    cap: number;
    status: StatusThresholds;
    ratingBands: RatingBand[];
    mode: "live" | "snapshot";
    /** The period label the user gave ("2026 Q4", "FY2026 H1"); absent: the calendar quarter of `asOf`. */
    period?: string;
  };
  names: { overallScore: string; rating: string; settings: string };
  asOf: string;
}

/**
 * The column mapping as stored: every role, the comparison roles (COMPARISON_ROLES) only while they are
 * mapped. An absent role is unmapped: `parseStoredSettings` reads it back as null.
 */
export type StoredMapping = Omit<ColumnMapping, ComparisonRole> & Partial<Pick<ColumnMapping, ComparisonRole>>;

/** The options a scorecard was built with, as stored. */
export type StoredOptions = StoredSettings["options"];

/** The workbook names of a scorecard (its overall score, rating and settings cells). */
export type StoredNames = StoredSettings["names"];

/**
 * The settings a build stores: where the table was, its headers and mapping (so that a Refresh keeps a
 * re-mapping the user made while the headers stay the same), the options, the workbook names and the date.
 */
export function storedSettings(
  table: ScorecardTable,
  sheetName: string,
  options: StoredOptions,
  names: StoredNames,
  asOf: string,
): StoredSettings {
  return {
    app: "crm-metrics-excel",
    kind: "scorecard",
    version: PLAN_VERSION,
    sheetName,
    source: { sheet: table.sheet, address: table.address },
    headers: [...table.headers],
    mapping: storedMapping(table.mapping),
    options,
    names,
    asOf,
  };
}

/** The mapping as stored: every role, except the comparison roles while they are unmapped (see COMPARISON_ROLES). */
function storedMapping(mapping: ColumnMapping): StoredMapping {
  const out: Partial<Record<ColumnRole, number | null>> = {};
  for (const role of COLUMN_ROLES) {
    const unmappedComparison = (COMPARISON_ROLES as readonly ColumnRole[]).includes(role) && mapping[role] === null;
    if (!unmappedComparison) out[role] = mapping[role];
  }
  return out as StoredMapping;
}

/**
 * The stored mapping as a complete mapping, for a Refresh's override: a role the settings do not mention is
 * unmapped (null), so a scorecard keeps the columns it was built with while its source's headers stay the same.
 */
export function storedMappingOverride(mapping: StoredMapping): ColumnMapping {
  const out = {} as Record<ColumnRole, number | null>;
  for (const role of COLUMN_ROLES) out[role] = (mapping as Partial<ColumnMapping>)[role] ?? null;
  return out;
}

const SETTINGS_NAME = /^CRM_Scorecard(?:_\d+)?_Settings$/i;

/** Whether a workbook name is a scorecard's settings name: `CRM_Scorecard_Settings`, `CRM_Scorecard_2_Settings`… */
export function isSettingsName(name: string): boolean {
  return SETTINGS_NAME.test(name);
}

type Fields = Readonly<Record<string, unknown>>;

function record(v: unknown): Fields | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Fields) : null;
}

function isString(v: unknown): v is string {
  return typeof v === "string";
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Every role's column; a role the settings do not mention is unmapped (null). null when any is not a column. */
function readMapping(v: unknown): ColumnMapping | null {
  const m = record(v);
  if (m === null) return null;
  const out = {} as Record<ColumnRole, number | null>;
  for (const role of COLUMN_ROLES) {
    const c = m[role] ?? null;
    if (c !== null && !(Number.isInteger(c) && (c as number) >= 0)) return null;
    out[role] = c as number | null;
  }
  return out;
}

function readBands(v: unknown): RatingBand[] | null {
  if (!Array.isArray(v)) return null;
  const bands = v.map(record);
  return bands.every((b) => b !== null && isNumber(b.min) && isString(b.label))
    ? bands.map((b) => ({ min: b!.min as number, label: b!.label as string }))
    : null;
}

function readOptions(v: unknown): StoredOptions | null {
  const o = record(v);
  const status = record(o?.status);
  const ratingBands = readBands(o?.ratingBands);
  if (o === null || status === null || ratingBands === null) return null;
  const { language, cap, mode, period } = o;
  const { onTarget, near } = status;
  if (language !== "en" && language !== "zh") return null;
  if (mode !== "live" && mode !== "snapshot") return null;
  if (!isNumber(cap) || !isNumber(onTarget) || !isNumber(near)) return null;
  if (period !== undefined && !(isString(period) && period.trim() !== "")) return null;
  return { language, cap, status: { onTarget, near }, ratingBands, mode, ...(period === undefined ? {} : { period }) };
}

function readNames(v: unknown): StoredNames | null {
  const n = record(v);
  if (n === null || !isString(n.overallScore) || !isString(n.rating) || !isString(n.settings)) return null;
  return { overallScore: n.overallScore, rating: n.rating, settings: n.settings };
}

function readSource(v: unknown): StoredSettings["source"] | null {
  const s = record(v);
  return s !== null && isString(s.sheet) && isString(s.address) ? { sheet: s.sheet, address: s.address } : null;
}

/**
 * Reads stored settings back: from the JSON text of a settings cell or workbook setting, or from the parsed
 * object. Returns null when the value is not a scorecard's settings — not JSON, another app's or kind's, or a
 * field missing or of the wrong type (a hand-edited cell): the caller then looks for another copy. Unknown
 * fields are dropped; a column role the settings do not mention (stored before that role existed) is
 * unmapped. The version is any positive whole number: a plan of another version keeps its shape.
 */
export function parseStoredSettings(value: unknown): StoredSettings | null {
  let parsed: unknown = value;
  if (typeof parsed === "string") {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return null;
    }
  }
  const s = record(parsed);
  if (s === null || s.app !== "crm-metrics-excel" || s.kind !== "scorecard") return null;
  const { version, sheetName, asOf } = s;
  if (!(typeof version === "number" && Number.isInteger(version) && version >= 1)) return null;
  if (!isString(sheetName) || !isString(asOf)) return null;
  const source = readSource(s.source);
  const headers = Array.isArray(s.headers) && s.headers.every(isString) ? [...s.headers] : null;
  const read = readMapping(s.mapping);
  const mapping = read === null ? null : storedMapping(read);
  const options = readOptions(s.options);
  const names = readNames(s.names);
  if (source === null || headers === null || mapping === null || options === null || names === null) return null;
  return {
    app: "crm-metrics-excel",
    kind: "scorecard",
    version,
    sheetName,
    source,
    headers,
    mapping,
    options,
    names,
    asOf,
  };
}
