/**
 * The confirmation before a recorded period is replaced (state `confirm`): a titled, described alert dialog in
 * the pane, not a browser dialog (Office add-ins cannot use `window.confirm`). It takes the focus when it opens,
 * so that a screen reader reads it; Replace records the period again (only its rows are replaced), Cancel or
 * Escape anywhere in it keeps the period as recorded. When it closes, the focus goes back to the Record button
 * of the scorecard it was about.
 */
import type { ScorecardActions } from "../actions";
import type { ReplaceQuestion } from "../state";
import { el } from "../../dom";
import { button, setButtonState, setText } from "../../views/parts";
import { type ViewModel } from "./view";

/** The confirmation's element and how to draw it. */
export interface ConfirmPart {
  element: HTMLElement;
  /** Draws it; `recordButtonOf(settingsName)`: where the focus goes back to when it closes. */
  update(m: ViewModel, recordButtonOf: (settingsName: string) => HTMLElement | null): void;
}

/** Makes the confirmation; `onReplace(settingsName)` records that scorecard's period again, replacing it. */
export function confirmPart(actions: ScorecardActions, onReplace: (settingsName: string) => void): ConfirmPart {
  const element = el("div", "sc-card sc-confirm");
  element.tabIndex = -1;
  element.hidden = true;
  element.setAttribute("role", "alertdialog");
  const title = el("h3");
  title.id = "sc-confirm-title";
  const body = el("p");
  body.id = "sc-confirm-body";
  element.setAttribute("aria-labelledby", title.id);
  element.setAttribute("aria-describedby", body.id);
  const row = el("div", "sc-list-buttons");
  const replaceBtn = button("", "confirm-replace", "primary");
  const cancelBtn = button("", "cancel-replace");
  row.append(replaceBtn, cancelBtn);
  element.append(title, body, row);

  let shown: ReplaceQuestion | null = null;
  replaceBtn.addEventListener("click", () => {
    if (shown !== null) onReplace(shown.entry);
  });
  cancelBtn.addEventListener("click", () => actions.declineReplace());
  element.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    e.stopPropagation();
    actions.declineReplace();
  });

  const update = ({ state, t }: ViewModel, recordButtonOf: (settingsName: string) => HTMLElement | null): void => {
    const q = state.confirm;
    const before = shown;
    shown = q;
    if (q !== null) {
      setText(title, t("scorecardPane.replaceTitle", { period: q.period }));
      setText(body, t("scorecardPane.replaceBody", { period: q.period, sheet: q.sheet }));
      setText(replaceBtn, t("scorecardPane.replace"));
      setText(cancelBtn, t("scorecardPane.cancel"));
      setButtonState(replaceBtn, state.busy === null);
      element.hidden = false;
      if (before === null || before.entry !== q.entry || before.period !== q.period) element.focus();
      return;
    }
    if (before === null) return;
    // Closing: the focus was on it (or fell to the page as it hid) → back to the Record button it was about.
    const active = document.activeElement;
    const hadFocus = active === null || active === document.body || element.contains(active);
    element.hidden = true;
    if (hadFocus) recordButtonOf(before.entry)?.focus();
  };
  return { element, update };
}
