/**
 * The top of the scorecard section: what to select, the Use selection button, where the selection is and how
 * reading it went (a status line that screen readers announce).
 */
import type { ScorecardActions } from "../actions";
import type { ScorecardStrings } from "../strings";
import type { ScorecardState } from "../state";
import { el } from "../../dom";
import { button, setButtonState, setText, type View, type ViewModel } from "./view";

/** The status line's text: not in Excel, reading, or why the selection could not be used. */
function statusText(state: ScorecardState, s: ScorecardStrings): string {
  if (!state.available) return s.noExcel;
  if (state.busy?.kind === "select") return s.reading;
  const p = state.selectionProblem;
  if (p === null) return "";
  return p.kind === "empty" ? s.selectionEmpty : s.selectionFailed(p.detail);
}

/** The selection part: intro, Use selection, source line, status. */
export function selectionView(actions: ScorecardActions): View {
  const element = el("div", "sc-selection-part");
  const intro = el("p", "sc-help");
  const useBtn = button("", "use-selection", "primary");
  useBtn.id = "sc-use";
  useBtn.addEventListener("click", () => void actions.useSelection());
  const actionsRow = el("div", "sc-actions");
  actionsRow.append(useBtn);
  const sourceLine = el("p", "sc-source");
  const status = el("p", "sc-status");
  status.setAttribute("role", "status");
  element.append(intro, actionsRow, sourceLine, status);

  const update = ({ state, s }: ViewModel): void => {
    setText(intro, s.useSelectionHelp);
    setText(useBtn, s.useSelection);
    setButtonState(useBtn, state.available && state.busy === null, state.busy?.kind === "select");
    setText(status, statusText(state, s));
    status.classList.toggle("error", state.selectionProblem !== null);
    const sel = state.selection;
    setText(sourceLine, sel ? s.source(sel.address, Math.max(0, (sel.source.blocks[0]?.values.length ?? 1) - 1)) : "");
    sourceLine.hidden = sel === null;
  };
  return { element, update };
}
