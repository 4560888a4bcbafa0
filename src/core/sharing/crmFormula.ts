/**
 * Recognising formulas that call the add-in's custom functions (namespace `CRM`).
 *
 * What Excel shows for a custom function in a formula (researched on the office-js tracker):
 * - `=CRM.NPS(C2:C500)`: the normal form, namespace + `.` + function id (ids may contain dots: `CRM.NPS.MOE(`).
 *   Excel upper-cases known names, but a formula typed while the add-in was not loaded keeps the user's case, so
 *   matching is case-insensitive.
 * - `=_xldudf_CRM_NPS(C2:C500)`: how a JavaScript custom function is saved in the file (the `_xldudf_` prefix,
 *   namespace and id joined by `_`, dots → `_`). Excel shows this form when a workbook is opened before the
 *   add-in registered its functions, or when registration failed (office-js 3558, 5611, Excel-Custom-Functions 108).
 * - `=[2]!_xldudf_CRM_NPS(...)` or `=SomeAddin.xla!_xldudf_CRM_NPS(...)`: the same call wrongly linked to another
 *   add-in's file (office-js 2051, 2568, 4811). Still our function; recognised (the part before `!` is ignored).
 *
 * Not recognised, on purpose:
 * - `CRM_NPS(`, without `_xldudf_`: Excel writes it only for add-ins declared XLL-compatible
 *   (`EquivalentAddins`, which strips the namespace and turns dots into `_`, office-js 877, 6655). Ours is not, and a
 *   user's own LAMBDA or VBA function may well be called `CRM_TOTAL`; freezing it would touch a formula that does
 *   not call our functions.
 * - `=CRM.Total` without `(`: a defined name with a dot, not a call.
 * - `XCRM.NPS(`, `MY.CRM.NPS(`: another name that merely contains `CRM.` (the whole name must start with it).
 * - `"CRM.NPS("` inside a string literal, `'CRM.x(1'!A1` inside a quoted sheet name, `Table1[CRM.NPS(]`.
 */
import { tokenize } from "./formulaLexer";

const DOT_FORM = /^CRM\.([A-Za-z_\\][A-Za-z0-9_.]*)$/i;
const SAVED_FORM = /^_xldudf_CRM_([A-Za-z0-9_.]+)$/i;

/**
 * The CRM functions a formula calls, in order of appearance, upper-cased as written after the namespace
 * (`NPS`, `NPS.MOE`; the saved form gives `NPS_MOE`). Empty for anything that is not a formula string.
 * O(length of the formula).
 * @example crmCalls('=ROUND(CRM.NPS(A1:A9),1)&" pts"') // ["NPS"]
 */
export function crmCalls(formula: unknown): string[] {
  if (typeof formula !== "string" || !formula.startsWith("=")) return [];
  // Every form contains "crm" somewhere; most formulas in a workbook do not, so this saves the lexing.
  if (!/crm/i.test(formula)) return [];
  const tokens = tokenize(formula);
  const names: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.kind !== "word" || next.kind !== "punct" || next.text !== "(") continue;
    const m = DOT_FORM.exec(t.text) ?? SAVED_FORM.exec(t.text);
    if (m) names.push(m[1]!.toUpperCase());
  }
  return names;
}

/**
 * True when the formula calls at least one CRM function (see the module comment for the forms recognised).
 * @example callsCrm("=crm.nps(A1:A9)") // true
 * @example callsCrm('="CRM.NPS(A1)"') // false: text
 */
export function callsCrm(formula: unknown): boolean {
  return crmCalls(formula).length > 0;
}

/** True when a cell's `formulas` entry is a formula (text starting with `=` that differs from its value). */
export function isFormula(formula: unknown, value: unknown): formula is string {
  return typeof formula === "string" && formula.length > 1 && formula.startsWith("=") && formula !== value;
}
