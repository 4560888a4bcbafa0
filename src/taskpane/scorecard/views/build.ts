/**
 * The Build row: the Build scorecard button, a progress bar with the step it is on (announced), and what is
 * wrong with the typed options (Build waits until they are fixed).
 */
import type { ScorecardActions } from "../actions";
import { canBuild, checkOptions } from "../state";
import { el } from "../../dom";
import { optionProblemText } from "./messages";
import { button, setEnabled, setText, type View, type ViewModel } from "./view";

/** The Build row and the option problems under it. */
export function buildView(actions: ScorecardActions): View {
  const element = el("div", "sc-build-part");
  const row = el("div", "sc-build-row");
  const buildBtn = button("", "build", "primary");
  buildBtn.id = "sc-build";
  buildBtn.addEventListener("click", () => void actions.build());
  const progress = el("progress", "sc-progress");
  const step = el("span", "sc-step");
  step.setAttribute("role", "status");
  step.setAttribute("aria-live", "polite");
  row.append(buildBtn, progress, step);
  const optionErrors = el("ul", "sc-option-errors problems");
  element.append(row, optionErrors);

  const update = ({ state, s }: ViewModel): void => {
    setText(buildBtn, s.build);
    const problems = checkOptions(state.options).problems;
    optionErrors.replaceChildren(...problems.map((p) => el("li", "", optionProblemText(p, s))));
    optionErrors.hidden = problems.length === 0;
    setEnabled(buildBtn, canBuild(state));

    const busy = state.busy;
    const p = busy?.kind === "build" || busy?.kind === "refresh" ? busy.progress : null;
    progress.hidden = busy === null || busy.kind === "select";
    if (p) {
      progress.max = Math.max(p.total, 1);
      progress.value = p.done;
      setText(step, s.steps[p.step]);
    } else {
      progress.removeAttribute("value");
      setText(step, busy && busy.kind !== "select" ? s.steps.check : "");
    }
  };
  return { element, update };
}
