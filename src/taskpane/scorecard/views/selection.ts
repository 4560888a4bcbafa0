/**
 * The top of the scorecard section: what to select, the Use selection button, where the selection is and how
 * reading it went (the pane's selection part, ../../views/selection.ts, with the scorecard's texts).
 */
import type { ScorecardActions } from "../actions";
import type { ScorecardState } from "../state";
import type { Translate } from "../../i18n";
import { clause } from "../../host";
import { selectionPart } from "../../views/selection";
import { type View, type ViewModel } from "./view";

/** The status line's text: not in Excel, reading, or why the selection could not be used. */
function statusText(state: ScorecardState, t: Translate): string {
  if (!state.available) return t("scorecardPane.noExcel");
  if (state.busy?.kind === "select") return t("scorecardPane.reading");
  const p = state.selectionProblem;
  if (p === null) return "";
  return p.kind === "empty"
    ? t("scorecardPane.selectionEmpty")
    : t("scorecardPane.selectionFailed", { detail: clause(p.detail) });
}

/** The selection part: intro, Use selection, source line, status. */
export function selectionView(actions: ScorecardActions): View {
  const part = selectionPart("sc-use", () => void actions.useSelection());
  const update = ({ state, t }: ViewModel): void =>
    part.update(state, {
      intro: t("scorecardPane.useSelectionHelp"),
      use: t("scorecardPane.useSelection"),
      status: statusText(state, t),
      source: (address, rows) => t("scorecardPane.source", { address, rows }),
    });
  return { element: part.element, update };
}
