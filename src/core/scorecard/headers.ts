/**
 * Column roles of a KPI table, recognised from its header row in English or Chinese (DESIGN.md
 * "Scorecard semantics"), case- and space-insensitive; the pane can override any role.
 */
import { type Message, msg, renderMessage, WORDS, type WordList } from "../messages/catalogue";
import { columnHeaderId, type ScorecardLanguage } from "./labels";

/** What a column of the input table means. */
export const COLUMN_ROLES = [
  "metric",
  "perspective",
  "actual",
  "target",
  "weight",
  "direction",
  "threshold",
  "previous",
  "benchmark",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * The optional roles that compare a KPI over time and against others (DESIGN.md "Scorecard over time and
 * against benchmarks"): last period's actual and an industry benchmark. Stored settings mention them only
 * when they are mapped, so a scorecard without them stores exactly what it stored before they existed.
 */
export const COMPARISON_ROLES = ["previous", "benchmark"] as const satisfies readonly ColumnRole[];
export type ComparisonRole = (typeof COMPARISON_ROLES)[number];

/** Roles a table must have. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["metric", "actual", "target"];

/** Each role's column, as a 0-based index into the table's columns, or null when the table lacks it. */
export type ColumnMapping = { readonly [R in ColumnRole]: number | null };

/** A change to a detected mapping: a role → its column (0-based) or null to leave the role unmapped. */
export type MappingOverride = { readonly [R in ColumnRole]?: number | null };

/**
 * Role names as the pane and messages show them: the scorecard sheet's header of the role's column
 * (src/core/messages/scorecardSheet.ts), so a role reads the same in the pane and on the sheet.
 */
export const ROLE_NAMES: Readonly<Record<ScorecardLanguage, Readonly<Record<ColumnRole, string>>>> = {
  en: roleNames("en"),
  zh: roleNames("zh"),
};

/** Each role's name in a language: the sheet's header of its column. */
function roleNames(language: ScorecardLanguage): Record<ColumnRole, string> {
  const names = COLUMN_ROLES.map((role) => [role, renderMessage(roleName(role), language)]);
  return Object.fromEntries(names) as Record<ColumnRole, string>;
}

/** A role's name as a message, to nest in another (`{role} is blank`): the sheet's header of its column. */
export function roleName(role: ColumnRole): Message {
  return msg(columnHeaderId(role));
}

/**
 * Recognised header words per role, already normalised (lower case, no spaces), from the catalogue
 * (src/core/messages/headers.ts). The first English and the first Chinese entry are DESIGN.md's names; the rest
 * are common variants.
 */
const ALIASES: Readonly<Record<ColumnRole, WordList>> = WORDS.headers;

const LOOKUP: ReadonlyMap<string, { role: ColumnRole; language: ScorecardLanguage }> = (() => {
  const m = new Map<string, { role: ColumnRole; language: ScorecardLanguage }>();
  for (const role of COLUMN_ROLES) {
    for (const w of ALIASES[role].en) m.set(w, { role, language: "en" });
    for (const w of ALIASES[role].zh) m.set(w, { role, language: "zh" });
  }
  return m;
})();

/** A header cell's text normalised for matching: lower case, every kind of space removed. */
export function normaliseHeader(text: unknown): string {
  if (typeof text !== "string" && typeof text !== "number") return "";
  return String(text)
    .toLowerCase()
    .replace(/[\s\u00a0\u3000]+/g, "");
}

/**
 * A trailing unit: "(%)" or "%", also in full-width parentheses (U+FF08, U+FF09) as Chinese text writes them.
 */
const TRAILING_UNIT = /([(\uff08][^()\uff08\uff09]*[)\uff09]|%)+$/u;

/** The role a header names, trying it as written, then without a trailing unit such as "(%)" or "%". */
function roleOf(header: unknown): { role: ColumnRole; language: ScorecardLanguage } | undefined {
  const h = normaliseHeader(header);
  if (h === "") return undefined;
  return LOOKUP.get(h) ?? LOOKUP.get(h.replace(TRAILING_UNIT, ""));
}

/** The outcome of reading a header row. */
export interface HeaderDetection {
  /** Each role's column (the first column naming it), or null. */
  mapping: ColumnMapping;
  /** "zh" when more of the recognised headers are Chinese than English, else "en". */
  language: ScorecardLanguage;
}

/**
 * Detects column roles from a header row. A role named by two columns takes the first; unrecognised
 * columns are left unmapped. O(columns).
 * @example detectColumns(["Metric", "Actual", "Target"]).mapping.actual // 1
 */
export function detectColumns(headers: readonly unknown[]): HeaderDetection {
  const mapping = Object.fromEntries(COLUMN_ROLES.map((role) => [role, null])) as Record<ColumnRole, number | null>;
  let en = 0;
  let zh = 0;
  headers.forEach((h, i) => {
    const hit = roleOf(h);
    if (hit === undefined || mapping[hit.role] !== null) return;
    mapping[hit.role] = i;
    if (hit.language === "zh") zh++;
    else en++;
  });
  return { mapping, language: zh > en ? "zh" : "en" };
}

/** The detected mapping with the pane's overrides applied (an override of null unmaps a role). */
export function applyMapping(detected: ColumnMapping, override: MappingOverride | undefined): ColumnMapping {
  if (override === undefined) return detected;
  const out = { ...detected } as Record<ColumnRole, number | null>;
  for (const role of COLUMN_ROLES) {
    const v = override[role];
    if (v !== undefined) out[role] = v;
  }
  return out;
}
