/**
 * The progress line while an operation runs: a progress bar, the step it is at (or "Cancelling…") and Cancel,
 * which cannot be pressed twice nor while a rollback undoes the changes. Hidden otherwise.
 */
import type { SharingProgress } from "../operation";
import { el } from "../../dom";
import type { SharingActions } from "../actions";
import { canCancel, progressStep } from "../state";
import { actionButton } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The text of each step. */
type StepText =
  | "sharingPane.stepSheets"
  | "sharingPane.stepCells"
  | "sharingPane.stepSpills"
  | "sharingPane.stepWrite"
  | "sharingPane.stepRollback"
  | "sharingPane.cancelling";
const STEP_TEXT: Readonly<Record<SharingProgress["step"] | "cancelling", StepText | null>> = {
  sheets: "sharingPane.stepSheets",
  cells: "sharingPane.stepCells",
  spills: "sharingPane.stepSpills",
  write: "sharingPane.stepWrite",
  rollback: "sharingPane.stepRollback",
  done: null,
  cancelling: "sharingPane.cancelling",
};

/** The progress line. */
export function progressView(actions: SharingActions): View {
  const line = el("div", "sharing-progress");
  const bar = el("progress");
  const step = el("span", "sharing-step");
  const cancel = actionButton("cancel", () => actions.cancel());
  line.append(bar, step, cancel);
  line.style.cssText = "align-items:center;gap:8px;margin-top:8px";

  const update = ({ state, t }: ViewModel): void => {
    const busy = state.busy;
    cancel.textContent = t("sharingPane.cancel");
    line.hidden = busy === null;
    line.style.display = busy === null ? "none" : "flex";
    if (busy === null) return;
    bar.max = busy.progress?.total ?? 1;
    bar.value = busy.progress?.done ?? 0;
    bar.setAttribute("aria-label", t("sharingPane.progressLabel"));
    cancel.disabled = !canCancel(state);
    const text = STEP_TEXT[progressStep(busy)];
    step.textContent = text === null ? "" : t(text);
  };
  return { element: line, update };
}
