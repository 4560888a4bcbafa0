/**
 * The column mapping: one list per role (Metric, Perspective, …) offering the selection's columns by letter
 * and header (the pane's mapping part, ../../views/selection.ts), and the headers no role was recognised in.
 */
import { COLUMN_ROLES, REQUIRED_ROLES, ROLE_NAMES } from "../../../core/scorecard/headers";
import type { ScorecardActions } from "../actions";
import { unrecognisedHeaders } from "../state";
import { columnLettersOf } from "../selection";
import { el } from "../../dom";
import { setText } from "../../views/parts";
import { mappingPart } from "../../views/selection";
import type { View, ViewModel } from "./view";

/** The mapping card. */
export function mappingView(actions: ScorecardActions): View {
  const part = mappingPart(COLUMN_ROLES, { prefix: "sc-role", dataKey: "role" }, (role, value) =>
    actions.changeColumn(role, value),
  );
  const unrecognised = el("p", "sc-help sc-unrecognised");
  part.element.append(unrecognised);

  const update = ({ state, t, lang }: ViewModel): void => {
    const { reading, selection } = state;
    part.element.hidden = reading === null;
    if (reading === null || selection === null) return;
    part.update(
      {
        letters: columnLettersOf(selection.source),
        headers: reading.headers,
        mapping: reading.mapping,
        busy: state.busy !== null,
      },
      {
        title: t("scorecardPane.mappingTitle"),
        help: t("scorecardPane.mappingHelp"),
        notUsed: t("scorecardPane.notUsed"),
        blank: t("scorecardPane.blankHeader"),
        label: (key) => {
          const role = ROLE_NAMES[lang][key];
          return REQUIRED_ROLES.includes(key) ? t("scorecardPane.required", { role }) : role;
        },
      },
    );
    const unknown = unrecognisedHeaders(state);
    const headers = unknown.map((text) => t("scorecardPane.quoted", { text })).join(t("scorecardPane.listSeparator"));
    setText(unrecognised, unknown.length > 0 ? t("scorecardPane.unrecognised", { headers }) : "");
    unrecognised.hidden = unknown.length === 0;
  };
  return { element: part.element, update };
}
