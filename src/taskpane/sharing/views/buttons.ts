/**
 * The section's help line and its action row: Check, Freeze all (which asks first), Freeze selection, Restore.
 * The buttons cannot be pressed outside Excel, while an operation runs, or while the confirmation is open.
 */
import { el } from "../../dom";
import type { SharingActions } from "../actions";
import { canStart } from "../state";
import { setButtonState } from "../../views/parts";
import { actionButton } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The help line: what the buttons do, or that they work inside Excel. */
export function helpView(): View {
  const help = el("p", "sharing-help");
  return {
    element: help,
    update: ({ state, t }) => {
      help.textContent = state.available ? t("sharingPane.help") : t("sharingPane.notInExcel");
    },
  };
}

/** The texts of the action row's buttons. */
type ButtonText = "sharingPane.check" | "sharingPane.freezeAll" | "sharingPane.freezeSelection" | "sharingPane.restore";

/** The action row; Freeze all is given out too, for the focus to come back to it. */
export function buttonsView(actions: SharingActions): View & { freezeAll: HTMLButtonElement } {
  const row = el("div", "sharing-actions");
  // Layout only (taskpane.css belongs to the pane): buttons wrap with a gap.
  row.style.cssText = "display:flex;flex-wrap:wrap;gap:6px";
  const buttons: [HTMLButtonElement, ButtonText][] = [
    [actionButton("check", () => void actions.run("check")), "sharingPane.check"],
    [actionButton("freezeAll", () => actions.askFreezeAll()), "sharingPane.freezeAll"],
    [actionButton("freezeSelection", () => void actions.run("freezeSelection")), "sharingPane.freezeSelection"],
    [actionButton("restore", () => void actions.run("restore")), "sharingPane.restore"],
  ];
  row.append(...buttons.map(([b]) => b));
  return {
    element: row,
    freezeAll: buttons[1]![0],
    update: ({ state, t }: ViewModel) => {
      // aria-disabled, not disabled: a pressed button keeps the keyboard focus while its operation runs (the
      // state ignores presses while busy); the running one says so with aria-busy
      const running = state.busy?.operation;
      for (const [b, id] of buttons) {
        b.textContent = t(id);
        const op = id.slice("sharingPane.".length);
        setButtonState(b, canStart(state), running === op || (op === "freezeAll" && running === "valuesOnly"));
      }
    },
  };
}
