/**
 * The status line, a polite live region: what the last operation came to, in one or two sentences (how many
 * CRM formulas Check found, what Freeze froze, what Restore restored, that it was cancelled, or why it failed).
 * It keeps what it says while an operation runs.
 */
import { CrmError } from "../../../core/errors";
import { messageOf } from "../../host";
import { count, type Lang, type Translate } from "../../i18n";
import { el } from "../../dom";
import type { FreezeResult } from "../excelSharing";
import type { RestorePlan } from "../../../core/sharing/restore";
import type { CheckSummary } from "../../../core/sharing/check";
import type { Outcome } from "../state";
import type { View } from "./view";

/** "{n} formulas" as a message, singular for 1. */
export const formulas = (n: number) => count(n, "sharingPane.formulaOne", "sharingPane.formulaMany");

/** An error's text in the pane's language: a core error from the catalogue, else as the host wrote it. */
function errorText(e: unknown, lang: Lang): string {
  return e instanceof CrmError ? e.text(lang) : messageOf(e);
}

/** What Check found, as a sentence. */
function checkStatus(summary: CheckSummary, t: Translate): string {
  if (summary.formulas === 0) return t("sharingPane.noCrm");
  return t("sharingPane.found", {
    formulas: count(summary.formulas, "sharingPane.crmFormulaOne", "sharingPane.crmFormulaMany"),
    sheets: count(summary.sheets.length, "sharingPane.sheetOne", "sharingPane.sheetMany"),
  });
}

/** What Freeze did (and, after Values only, which earlier record it removed). */
function freezeStatus(result: FreezeResult, selectionOnly: boolean, t: Translate): string {
  const { plan } = result;
  const lines: string[] = [];
  const done = {
    formulas: formulas(plan.entries.length),
    cells: count(plan.cells, "sharingPane.cellOne", "sharingPane.cellMany"),
  };
  if (plan.entries.length === 0)
    lines.push(selectionOnly ? t("sharingPane.nothingInSelection") : t("sharingPane.nothingToFreeze"));
  else if (result.valuesOnly) lines.push(t("sharingPane.valuesOnlyDone", done));
  else lines.push(t("sharingPane.frozen", done));
  if (result.recordRemoved > 0)
    lines.push(t("sharingPane.recordRemoved", { formulas: formulas(result.recordRemoved) }));
  return lines.join(" ");
}

/** What Restore did, and how many recorded formulas were back in place already. */
function restoreStatus(plan: RestorePlan, t: Translate): string {
  const lines: string[] = [];
  if (plan.restored.length + plan.alreadyRestored.length + plan.conflicts.length === 0)
    lines.push(t("sharingPane.nothingToRestore"));
  else lines.push(t("sharingPane.restored", { formulas: formulas(plan.restored.length) }));
  const already = plan.alreadyRestored.length;
  if (already === 1) lines.push(t("sharingPane.alreadyRestoredOne", { n: already }));
  else if (already > 1) lines.push(t("sharingPane.alreadyRestoredMany", { n: already }));
  return lines.join(" ");
}

/** The status text of an outcome. */
export function statusText(outcome: Outcome, t: Translate, lang: Lang): string {
  switch (outcome.kind) {
    case "idle":
      return "";
    case "cancelled":
      return t("sharingPane.cancelled");
    case "error": {
      const message = errorText(outcome.error, lang);
      return outcome.rollbackFailed
        ? t("sharingPane.rollbackFailed", { message })
        : t("sharingPane.failed", { message });
    }
    case "check":
      return checkStatus(outcome.summary, t);
    case "freeze":
      return freezeStatus(outcome.result, outcome.selectionOnly, t);
    case "restore":
      return restoreStatus(outcome.plan, t);
  }
}

/** The status line. */
export function statusView(): View {
  const status = el("p", "sharing-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  return {
    element: status,
    update: ({ state, t, lang }) => {
      if (state.busy === null) status.textContent = statusText(state.outcome, t, lang);
    },
  };
}
