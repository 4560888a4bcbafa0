/**
 * The column mapping: one list per role (Metric, Perspective, …) offering the selection's columns by letter
 * and header, and the headers no role was recognised in. The lists are made once and updated in place, so the
 * one the user is changing (with ↑/↓, say) keeps focus.
 */
import { COLUMN_ROLES, REQUIRED_ROLES, ROLE_NAMES } from "../../../core/scorecard/headers";
import type { ScorecardActions } from "../actions";
import { unrecognisedHeaders } from "../state";
import { columnLettersOf } from "../selection";
import { el } from "../../dom";
import { setChoices, setText } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The mapping card. */
export function mappingView(actions: ScorecardActions): View {
  const element = el("div", "sc-card sc-mapping");
  const title = el("h3");
  const help = el("p", "sc-help");
  const grid = el("div", "sc-mapping-grid");
  const rows = COLUMN_ROLES.map((role) => {
    const id = `sc-role-${role}`;
    const label = el("label");
    label.htmlFor = id;
    const select = el("select");
    select.id = id;
    select.dataset.role = role;
    select.addEventListener("change", () => actions.changeRole(role, select.value));
    grid.append(label, select);
    return { role, label, select };
  });
  const unrecognised = el("p", "sc-help sc-unrecognised");
  element.append(title, help, grid, unrecognised);

  const update = ({ state, t, lang }: ViewModel): void => {
    const { reading, selection } = state;
    element.hidden = reading === null;
    if (reading === null || selection === null) return;
    setText(title, t("scorecardPane.mappingTitle"));
    setText(help, t("scorecardPane.mappingHelp"));
    const letters = columnLettersOf(selection.source);
    const blank = t("scorecardPane.blankHeader");
    const names = reading.headers.map((h, i) => `${letters[i] ?? i + 1}: ${h === "" ? blank : h}`);
    for (const row of rows) {
      const role = ROLE_NAMES[lang][row.role];
      setText(row.label, REQUIRED_ROLES.includes(row.role) ? t("scorecardPane.required", { role }) : role);
      const current = reading.mapping[row.role];
      const choices = [
        { value: "", text: t("scorecardPane.notUsed") },
        ...names.map((text, i) => ({ value: String(i), text })),
      ];
      setChoices(row.select, choices, current === null ? "" : String(current));
      row.select.disabled = state.busy !== null;
    }
    const unknown = unrecognisedHeaders(state);
    const headers = unknown.map((text) => t("scorecardPane.quoted", { text })).join(t("scorecardPane.listSeparator"));
    setText(unrecognised, unknown.length > 0 ? t("scorecardPane.unrecognised", { headers }) : "");
    unrecognised.hidden = unknown.length === 0;
  };
  return { element, update };
}
