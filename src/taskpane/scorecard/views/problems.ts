/**
 * The validation problems of the selected table, each with its cell address, in the pane's language (the
 * core gives both wordings); or "No problems found".
 */
import type { TableProblem } from "../../../core/scorecard/table";
import type { Lang } from "../../i18n";
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

/** The problems card; redrawn only when the problems or the language change. */
export function problemsView(): View {
  const element = el("div", "sc-card sc-problems-box");
  let drawn = "";

  const update = ({ state, s, lang }: ViewModel): void => {
    const { reading } = state;
    element.hidden = reading === null;
    if (reading === null) {
      drawn = "";
      element.replaceChildren();
      return;
    }
    const n = reading.problems.length;
    const key = JSON.stringify([lang, s.noProblems, reading.problems.map((p) => [p.code, p.message])]);
    if (key === drawn) return;
    drawn = key;
    element.classList.toggle("has-problems", n > 0);
    element.replaceChildren(
      el("h3", n > 0 ? "error" : "success", n > 0 ? s.problemsTitle(n) : s.noProblems),
      ...(n > 0 ? [problemList(reading.problems, lang)] : []),
    );
  };
  return { element, update };
}
