/**
 * Freeze all's confirmation, in the pane (a non-modal dialog that takes the focus; Escape or Cancel closes it and
 * gives the focus back to Freeze all): it says that the original formulas stay inside the file, where anyone who
 * receives it could read them, and offers "Values only" for sharing outside the company, which keeps no record —
 * after a second step (an alert dialog) warning that it cannot be restored.
 *
 * A titled, described region that takes the focus, so that a screen reader reads it; its buttons, in order,
 * confirm, choose values only (first step), or cancel. Escape anywhere in it cancels.
 */
import { el } from "../../dom";
import type { SharingActions } from "../actions";
import { actionButton } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The confirmation; it is hidden while no step is shown. */
export function confirmView(actions: SharingActions): View {
  const root = el("div", "sharing-confirm");
  root.tabIndex = -1;
  root.hidden = true;
  root.style.cssText = "border:1px solid currentColor;padding:4px 10px 10px;margin-top:8px";
  const title = el("h3");
  title.id = "sharing-confirm-title";
  const body = el("p");
  body.id = "sharing-confirm-body";
  const note = el("p");
  note.id = "sharing-confirm-note";
  root.setAttribute("aria-labelledby", title.id);
  root.setAttribute("aria-describedby", `${body.id} ${note.id}`);
  const row = el("div");
  row.style.cssText = "display:flex;flex-wrap:wrap;gap:6px";
  const confirmFreeze = actionButton("confirmFreeze", () => void actions.confirm());
  const valuesOnly = actionButton("valuesOnly", () => actions.askValuesOnly());
  const confirmValuesOnly = actionButton("confirmValuesOnly", () => void actions.confirm());
  const cancel = actionButton("cancelConfirm", () => actions.dismiss());
  row.append(confirmFreeze, valuesOnly, confirmValuesOnly, cancel);
  root.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    actions.dismiss();
  });
  root.append(title, body, note, row);

  const update = ({ state, t }: ViewModel): void => {
    const step = state.confirm;
    root.hidden = step === null;
    root.dataset.step = step ?? "";
    if (step === null) return;
    const first = step === "freezeAll";
    root.setAttribute("role", first ? "dialog" : "alertdialog");
    title.textContent = first ? t("sharingPane.confirmFreezeTitle") : t("sharingPane.valuesOnlyTitle");
    body.textContent = first ? t("sharingPane.confirmFreezeBody") : t("sharingPane.valuesOnlyWarning");
    note.textContent = first ? t("sharingPane.confirmFreezeOutside") : t("sharingPane.valuesOnlyCopy");
    confirmFreeze.textContent = t("sharingPane.confirmFreeze");
    valuesOnly.textContent = t("sharingPane.valuesOnly");
    confirmValuesOnly.textContent = t("sharingPane.confirmValuesOnly");
    cancel.textContent = t("sharingPane.cancel");
    confirmFreeze.hidden = !first;
    valuesOnly.hidden = !first;
    confirmValuesOnly.hidden = first;
  };
  return { element: root, update };
}
