/**
 * The top of every section that reads a source range from the selection (the scorecard, the customer analysis):
 * what to select, the Use selection button, where the selection is and how reading it went (a status line that
 * screen readers announce).
 */
import { el } from "../dom";
import type { SelectionRead } from "../scorecard/selection";
import { button, setButtonState, setText } from "./parts";

/** The part of a section's state the selection part shows. */
export interface SelectionPartState {
  readonly available: boolean;
  readonly busy: { readonly kind: string } | null;
  readonly selectionProblem: unknown;
  readonly selection: SelectionRead | null;
}

/** A selection part's texts in the pane's language. */
export interface SelectionPartTexts {
  readonly intro: string;
  readonly use: string;
  readonly status: string;
  /** The source line for the selection's address and its data rows (below the header). */
  source(address: string, rows: number): string;
}

/**
 * The selection part every section with a source range shows: intro, Use selection (button `id`, calling
 * `use`), the source line and the status; `update` redraws it from the section's state and texts.
 */
export function selectionPart(
  id: string,
  use: () => void,
): { element: HTMLElement; update(state: SelectionPartState, t: SelectionPartTexts): void } {
  const element = el("div", "sc-selection-part");
  const intro = el("p", "sc-help");
  const useBtn = button("", "use-selection", "primary");
  useBtn.id = id;
  useBtn.addEventListener("click", use);
  const actionsRow = el("div", "sc-actions");
  actionsRow.append(useBtn);
  const sourceLine = el("p", "sc-source");
  const status = el("p", "sc-status");
  status.setAttribute("role", "status");
  element.append(intro, actionsRow, sourceLine, status);
  const update = (state: SelectionPartState, t: SelectionPartTexts): void => {
    setText(intro, t.intro);
    setText(useBtn, t.use);
    setButtonState(useBtn, state.available && state.busy === null, state.busy?.kind === "select");
    setText(status, t.status);
    status.classList.toggle("error", state.selectionProblem !== null);
    const sel = state.selection;
    setText(sourceLine, sel ? t.source(sel.address, Math.max(0, (sel.source.blocks[0]?.values.length ?? 1) - 1)) : "");
    sourceLine.hidden = sel === null;
  };
  return { element, update };
}
