/**
 * The validation problems of the selected table, each with its cell address, in the pane's language (the
 * core gives both wordings); or "No problems found". When the selection's first row is no header row, that one
 * problem instead of a "no column is mapped" per required role.
 */
import { REQUIRED_ROLES, ROLE_NAMES } from "../../../core/scorecard/headers";
import type { TableProblem } from "../../../core/scorecard/table";
import type { Lang, Translate } from "../../i18n";
import { missingHeaderRow } from "../state";
import { el } from "../../dom";
import type { View, ViewModel } from "./view";

/** A list of problems, each item marked with its address and code. */
export function problemList(problems: readonly TableProblem[], lang: Lang): HTMLUListElement {
  const ul = el("ul", "problems sc-problems");
  for (const p of problems) {
    const li = el("li", "", lang === "zh" ? p.messageZh : p.message);
    if (p.address) li.dataset.address = p.address;
    li.dataset.code = p.code;
    ul.append(li);
  }
  return ul;
}

/** The one problem shown when the selection's first row is no header row (instead of one per missing role). */
function noHeaderRowItem(address: string, t: Translate, lang: Lang): HTMLUListElement {
  const known = REQUIRED_ROLES.map((r) => ROLE_NAMES[lang][r]).join(t("scorecardPane.listSeparator"));
  const ul = el("ul", "problems sc-problems");
  const li = el("li", "", t("scorecardPane.noHeaderRow", { address, known }));
  li.dataset.address = address;
  li.dataset.code = "noHeaderRow";
  ul.append(li);
  return ul;
}

/**
 * The problems card, inside a live region that is always on the page (so that what appears in it is
 * announced); redrawn only when the problems or the language change.
 */
export function problemsView(): View {
  const element = el("div", "sc-problems-live");
  element.setAttribute("aria-live", "polite");
  const card = el("div", "sc-card sc-problems-box");
  let drawn = "";

  const update = ({ state, t, lang }: ViewModel): void => {
    const { reading } = state;
    if (reading === null) {
      drawn = "";
      card.remove();
      return;
    }
    const noHeader = missingHeaderRow(state);
    const problems = reading.problems;
    const key = JSON.stringify([lang, noHeader, problems.map((p) => [p.code, p.message])]);
    if (key === drawn) return;
    drawn = key;
    const n = noHeader === null ? problems.length : 1;
    card.classList.toggle("has-problems", n > 0);
    const list = noHeader === null ? problemList(problems, lang) : noHeaderRowItem(noHeader, t, lang);
    const title = t(n === 1 ? "scorecardPane.problemsOne" : "scorecardPane.problemsMany", { n });
    card.replaceChildren(
      el("h3", n > 0 ? "error" : "success", n > 0 ? title : t("scorecardPane.noProblems")),
      ...(n > 0 ? [list] : []),
    );
    if (card.parentElement !== element) element.append(card);
  };
  return { element, update };
}
