/**
 * The results under the status line. After Check: the CRM formulas per sheet (the first addresses of each), the
 * sheets that read them, the cells that cannot be frozen yet and how many formulas the record holds. After
 * Freeze: the cells it skipped, the record, and (when it kept one) that the formulas stay inside the file.
 * Every text from the workbook reaches the page through textContent only. It keeps what it shows while an
 * operation runs.
 */
import type { CheckSummary, DependentSheet, SheetSummary } from "../../../core/sharing/check";
import type { SkippedCell } from "../../../core/sharing/freeze";
import { el } from "../../dom";
import type { Translate } from "../../i18n";
import { shownValue, type FreezeResult } from "../excelSharing";
import { formulas } from "./status";
import { outcomeView, type View } from "./view";

/** The cells a freeze skips (not calculated yet, or an error only the add-in shows), as a titled list. */
function skippedList(skipped: readonly SkippedCell[], t: Translate): HTMLElement[] {
  if (skipped.length === 0) return [];
  const list = el("ul", "sharing-skipped");
  for (const k of skipped) {
    const reason = k.reason === "notCalculated" ? t("sharingPane.notCalculated") : t("sharingPane.resultOnlyError");
    const cell = `${k.sheet}!${k.address}`;
    const li = el("li", undefined, t("sharingPane.skippedLine", { cell, value: shownValue(k.value), reason }));
    li.dataset.cell = cell;
    list.appendChild(li);
  }
  return [el("p", undefined, t("sharingPane.skippedTitle")), list];
}

/** The first addresses of a list, and how many more there are. */
function addressList(first: readonly string[], total: number, t: Translate): string {
  const list = first.join(t("sharingPane.listSeparator"));
  return total > first.length ? t("sharingPane.listMore", { list, n: total - first.length }) : list;
}

/** How many formulas the record holds, as a sentence. */
function recorded(n: number, t: Translate): string {
  if (n === 0) return t("sharingPane.recordedNone");
  return n === 1 ? t("sharingPane.recordedOne", { n }) : t("sharingPane.recordedMany", { n });
}

/** A line of a sheet list: the sheet's name in bold, then what it holds and its first addresses. */
function sheetLine(sheet: string, what: string, first: readonly string[], total: number, t: Translate) {
  const li = el("li");
  li.dataset.sheet = sheet;
  li.append(el("strong", undefined, sheet), `${t("sharingPane.colon")}${what} — ${addressList(first, total, t)}`);
  return li;
}

/** A sheet with CRM formulas: how many, how many spill. */
function crmSheetLine(sh: SheetSummary, t: Translate): HTMLLIElement {
  const what =
    sh.spills > 0
      ? t("sharingPane.sheetLineSpills", { formulas: formulas(sh.formulas), spills: sh.spills })
      : t(sh.formulas === 1 ? "sharingPane.formulaOne" : "sharingPane.formulaMany", { n: sh.formulas });
  const li = sheetLine(sh.sheet, what, sh.first, sh.formulas, t);
  li.dataset.formulas = String(sh.formulas);
  return li;
}

/** A sheet whose formulas read CRM results. */
function dependentLine(d: DependentSheet, t: Translate): HTMLLIElement {
  const id = d.formulas === 1 ? "sharingPane.dependentLineOne" : "sharingPane.dependentLine";
  return sheetLine(d.sheet, t(id, { formulas: formulas(d.formulas) }), d.first, d.formulas, t);
}

/** What Check found, below its status line. */
function checkResults(summary: CheckSummary, t: Translate): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (summary.sheets.length > 0) {
    const list = el("ul", "sharing-sheets");
    list.append(...summary.sheets.map((sh) => crmSheetLine(sh, t)));
    parts.push(list);
    if (summary.dependents.length > 0) {
      const deps = el("ul", "sharing-dependents");
      deps.append(...summary.dependents.map((d) => dependentLine(d, t)));
      parts.push(el("p", undefined, t("sharingPane.dependents")), deps);
    } else {
      parts.push(el("p", undefined, t("sharingPane.noDependents")));
    }
  }
  return [...parts, ...skippedList(summary.skipped, t), el("p", "sharing-recorded", recorded(summary.recorded, t))];
}

/** What Freeze skipped and what it recorded (nothing of the record after Values only). */
function freezeResults(result: FreezeResult, t: Translate): HTMLElement[] {
  const notes = result.valuesOnly
    ? []
    : [
        el("p", "sharing-recorded", recorded(result.recorded, t)),
        ...(result.recorded > 0 ? [el("p", "sharing-record-note", t("sharingPane.recordInside"))] : []),
      ];
  return [...skippedList(result.plan.skipped, t), ...notes];
}

/** The results. */
export function resultsView(): View {
  return outcomeView("sharing-results", (o, t) =>
    o.kind === "check" ? checkResults(o.summary, t) : o.kind === "freeze" ? freezeResults(o.result, t) : [],
  );
}
