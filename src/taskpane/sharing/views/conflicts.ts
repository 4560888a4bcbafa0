/**
 * Restore's conflicts: each recorded formula Restore did not put back because its cell was changed after the
 * freeze (or its sheet is gone), with the formula to type back, then what that means and how to resolve it.
 * Empty otherwise; it keeps what it shows while an operation runs.
 */
import type { Conflict, RestorePlan } from "../../../core/sharing/restore";
import { el } from "../../dom";
import type { Translate } from "../../i18n";
import { shownValue } from "../excelSharing";
import { outcomeView, type View } from "./view";

/** One conflict: where, what it holds now and held when frozen (or that its sheet is gone), and the formula. */
function conflictLine(c: Conflict, t: Translate): HTMLLIElement {
  const what =
    c.reason === "sheetMissing"
      ? `${c.entry.sheet}!${c.entry.address}${t("sharingPane.colon")}${t("sharingPane.sheetMissing")}`
      : t("sharingPane.edited", {
          cell: `${c.entry.sheet}!${c.cell}`,
          now: shownValue(c.now) || t("sharingPane.editedNothing"),
          frozen: shownValue(c.frozen) || t("sharingPane.editedEmpty"),
        });
  const li = el("li", undefined, `${what} — ${t("sharingPane.formula")} `);
  li.dataset.cell = `${c.entry.sheet}!${c.entry.address}`;
  li.appendChild(el("code", undefined, c.entry.formula));
  return li;
}

/** The conflicts of a Restore, titled and explained; nothing when there are none. */
function conflictParts(plan: RestorePlan, t: Translate): HTMLElement[] {
  const n = plan.conflicts.length;
  if (n === 0) return [];
  const list = el("ul", "sharing-conflict-list");
  list.append(...plan.conflicts.map((c) => conflictLine(c, t)));
  const title = n === 1 ? t("sharingPane.conflictsTitleOne", { n }) : t("sharingPane.conflictsTitleMany", { n });
  return [el("p", undefined, title), list, el("p", "sharing-conflict-help", t("sharingPane.conflictsHelp"))];
}

/** The conflicts. */
export function conflictsView(): View {
  return outcomeView("sharing-conflicts", (o, t) => (o.kind === "restore" ? conflictParts(o.plan, t) : []));
}
