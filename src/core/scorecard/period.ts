/**
 * Period labels of a scorecard (DESIGN.md "Scorecard over time and against benchmarks"): the default label
 * is the calendar quarter of the as-of date, "2026 Q4" in English and its Chinese form (the message
 * `scorecardSheet.quarter`). Quarter labels in either language sort by time and name the same period (the
 * forms read are the catalogue's `periods.quarterForms`); any other label ("FY2026 H1", "Pilot") keeps the
 * place in which it was recorded.
 */
import { valueError } from "../errors";
import { render, WORDS } from "../messages/catalogue";
import { LANGUAGES } from "../messages/types";
import type { ScorecardLanguage } from "./labels";

/** A calendar quarter. */
export interface Quarter {
  year: number;
  /** 1–4. */
  quarter: number;
}

/** A quarter form as a pattern: literal text, `{year}` four digits, `{quarter}` a digit 1–4 or a quarter word. */
function quarterPattern(form: string, words: readonly string[]): RegExp {
  const quarter = ["[1-4]", ...words.map(escapeRegExp)].join("|");
  const parts = form.split(/(\{year\}|\{quarter\})/).map((part) => {
    if (part === "{year}") return "(?<year>\\d{4})";
    if (part === "{quarter}") return `(?<quarter>${quarter})`;
    return escapeRegExp(part);
  });
  return new RegExp(`^${parts.join("")}$`, "iu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every language's quarter forms as patterns, each with the language's quarter words (1 to 4 in order). */
const QUARTER_PATTERNS: readonly { pattern: RegExp; words: readonly string[] }[] = LANGUAGES.flatMap((language) => {
  const words = WORDS.periods.quarterNumbers[language];
  return WORDS.periods.quarterForms[language].map((form) => ({ pattern: quarterPattern(form, words), words }));
});

/**
 * The quarter a label names, or null: "2026 Q4", "2026Q4", "2026 q4", or a Chinese form such as the one
 * `quarterLabel` writes, with the quarter as a digit or a Chinese numeral (spaces anywhere ignored).
 * @example parseQuarterLabel(quarterLabel({ year: 2026, quarter: 4 }, "zh")) // { year: 2026, quarter: 4 }
 */
export function parseQuarterLabel(label: string): Quarter | null {
  const s = label.replace(/[\s\u00a0\u3000]+/g, "");
  for (const { pattern, words } of QUARTER_PATTERNS) {
    const m = pattern.exec(s)?.groups;
    if (m === undefined) continue;
    const word = words.indexOf(m.quarter!);
    return { year: Number(m.year), quarter: word >= 0 ? word + 1 : Number(m.quarter) };
  }
  return null;
}

/**
 * Whether a label is written like a quarter ("2026 Q5", its Chinese form: four digits, then Q or the Chinese year-quarter form and a
 * number, spaces ignored) but names none, quarters being 1–4. Such a label would not sort by time with the
 * quarters (it is no quarter to `parseQuarterLabel`), so the pane takes it for a typing slip rather than a label
 * of the user's own ("FY2026 H1").
 * @example misnamedQuarter("2026 Q5") // true
 * @example misnamedQuarter("2026 Q4") // false
 */
export function misnamedQuarter(label: string): boolean {
  const s = label.replace(/[\s\u00a0\u3000]+/g, "");
  const m = /^\d{4}(?:[Qq](\d+)|\u5e74\u7b2c?(\d+)\u5b63\u5ea6?)$/.exec(s);
  if (m === null) return false;
  const n = Number(m[1] ?? m[2]);
  return !(n >= 1 && n <= 4);
}

/** A quarter's label in a language: "2026 Q4" and its Chinese form (`scorecardSheet.quarter`). */
export function quarterLabel(q: Quarter, language: ScorecardLanguage): string {
  return render("scorecardSheet.quarter", { year: q.year, quarter: q.quarter }, language);
}

/**
 * The default period label: the calendar quarter of an as-of date "YYYY-MM-DD" (months 1–3 are Q1, …).
 * @throws CrmError `#VALUE!` when the date is not "YYYY-MM-DD".
 * @example defaultPeriodLabel("2026-11-15", "en") // "2026 Q4"
 */
export function defaultPeriodLabel(asOf: string, language: ScorecardLanguage): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(asOf);
  const month = m ? Number(m[2]) : NaN;
  if (!m || !(month >= 1 && month <= 12)) throw valueError("scorecard.asOfNotDate", { value: asOf });
  return quarterLabel({ year: Number(m[1]), quarter: Math.ceil(month / 3) }, language);
}

/**
 * The key two labels share when they name the same period: the quarter for quarter labels (in either
 * language), else the label without surrounding spaces, case ignored.
 */
export function periodKey(label: string): string {
  const q = parseQuarterLabel(label);
  return q === null ? `label:${label.trim().toLowerCase()}` : `quarter:${q.year}-${q.quarter}`;
}

/**
 * Distinct periods in the order they are shown: the first label of each period, in the given (recorded)
 * order, except that the quarter labels are sorted by time among the places quarter labels hold. So a
 * history of quarters reads in time order whatever order they were recorded in, a history of other labels
 * reads in recorded order, and a mixed one keeps its other labels where they were. O(n log n).
 * @example orderPeriods(["2026 Q3", "Pilot", "2026 Q1"]) // ["2026 Q1", "Pilot", "2026 Q3"]
 */
export function orderPeriods(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const label of labels) {
    const key = periodKey(label);
    if (!seen.has(key)) {
      seen.add(key);
      distinct.push(label);
    }
  }
  const slots: number[] = [];
  const quarters: { label: string; q: Quarter }[] = [];
  distinct.forEach((label, i) => {
    const q = parseQuarterLabel(label);
    if (q !== null) {
      slots.push(i);
      quarters.push({ label, q });
    }
  });
  quarters.sort((a, b) => a.q.year - b.q.year || a.q.quarter - b.q.quarter);
  const out = [...distinct];
  slots.forEach((slot, i) => (out[slot] = quarters[i]!.label));
  return out;
}

/**
 * The period just before `current` among the recorded ones: with `current` placed among them as
 * `orderPeriods` would place it (at the end when it is not a quarter and not recorded yet), the period
 * before it, or null when it comes first.
 * @example previousPeriod(["2026 Q1", "2026 Q3"], "2026 Q2") // "2026 Q1"
 */
export function previousPeriod(recorded: readonly string[], current: string): string | null {
  const key = periodKey(current);
  const order = orderPeriods([...recorded, current]);
  const at = order.findIndex((label) => periodKey(label) === key);
  return at > 0 ? order[at - 1]! : null;
}

/**
 * The last day of the quarter a label names, "YYYY-MM-DD", or null for a label that is not a quarter: the
 * as-of date the command line gives a past period it records.
 * @example quarterEndDate("2026 Q2") // "2026-06-30"
 */
export function quarterEndDate(label: string): string | null {
  const q = parseQuarterLabel(label);
  if (q === null) return null;
  const day = new Date(Date.UTC(q.year, q.quarter * 3, 0)).getUTCDate();
  return `${q.year}-${String(q.quarter * 3).padStart(2, "0")}-${day}`;
}
