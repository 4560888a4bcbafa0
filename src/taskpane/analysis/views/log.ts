/**
 * The log's problems (each naming its cell and column, from the core) and notes (left out, refunds, blank
 * rows), and the options: the as-of date (default: the last date in the log) and the models' time unit.
 */
import { el } from "../../dom";
import type { AnalysisActions } from "../actions";
import { asOfOf, defaultAsOf, notesOf, PERIOD_DAYS, type PeriodDays } from "../state";
import { setChoices, setText } from "../../views/parts";
import { say, sayMessage, type View, type ViewModel } from "./view";

/** Replaces a list's items when their texts changed. */
function drawList(list: HTMLUListElement, texts: readonly string[]): void {
  const key = texts.join("\u0001");
  if (list.dataset.key === key) return;
  list.replaceChildren(...texts.map((t) => el("li", "", t)));
  list.dataset.key = key;
}

/** The problems card: a heading with the count (or "No problems found"), the problems, then the notes. */
export function problemsView(): View {
  const element = el("div", "sc-card sc-problems-box an-problems");
  element.setAttribute("aria-live", "polite");
  const title = el("h3");
  const list = el("ul", "problems");
  const notesTitle = el("h3");
  const notes = el("ul", "an-notes");
  element.append(title, list, notesTitle, notes);
  const update = ({ state, lang }: ViewModel): void => {
    const r = state.reading;
    element.hidden = r === null;
    if (r === null) return;
    const built = state.outcome?.kind === "problems" ? state.outcome.problems : null;
    const problems = (built ?? r.problems).map((p) => sayMessage(lang, p));
    setText(
      title,
      problems.length === 0
        ? say(lang, "analysisPane.noProblems")
        : say(lang, "analysisPane.problemsTitle", { count: problems.length }),
    );
    drawList(list, problems);
    list.hidden = problems.length === 0;
    const n = notesOf(state).map((m) => sayMessage(lang, m));
    setText(notesTitle, say(lang, "analysisPane.notesTitle"));
    drawList(notes, n);
    notesTitle.hidden = notes.hidden = n.length === 0;
  };
  return { element, update };
}

/** The options card: as-of date and time unit. */
export function optionsView(actions: AnalysisActions): View {
  const element = el("div", "sc-card an-options");
  const title = el("h3");
  const asOfLabel = el("label");
  const asOf = el("input");
  asOf.id = "an-asof";
  asOf.type = "text";
  asOf.inputMode = "numeric";
  asOf.autocomplete = "off";
  asOfLabel.htmlFor = asOf.id;
  const asOfHelp = el("p", "sc-help");
  asOfHelp.id = "an-asof-help";
  const asOfError = el("p", "error");
  asOfError.id = "an-asof-error";
  asOfError.setAttribute("role", "alert");
  asOf.addEventListener("input", () => actions.changeOptions({ asOf: asOf.value }));
  const unitLabel = el("label");
  const unit = el("select");
  unit.id = "an-unit";
  unitLabel.htmlFor = unit.id;
  unit.addEventListener("change", () => actions.changeOptions({ periodDays: Number(unit.value) as PeriodDays }));
  element.append(title, asOfLabel, asOf, asOfHelp, asOfError, unitLabel, unit);
  const update = ({ state, lang }: ViewModel): void => {
    element.hidden = state.reading?.log === null || state.reading === null;
    setText(title, say(lang, "analysisPane.optionsTitle"));
    setText(asOfLabel, say(lang, "analysisPane.asOf"));
    const d = defaultAsOf(state);
    if (asOf.placeholder !== d) asOf.placeholder = d;
    if (document.activeElement !== asOf && asOf.value !== state.asOf) asOf.value = state.asOf;
    setText(asOfHelp, say(lang, "analysisPane.asOfHelp", { date: d }));
    const invalid = asOfOf(state).invalid;
    setText(asOfError, invalid ? say(lang, "analysisPane.asOfInvalid", { text: state.asOf.trim() }) : "");
    asOfError.hidden = !invalid;
    asOf.setAttribute("aria-invalid", invalid ? "true" : "false");
    asOf.setAttribute("aria-describedby", invalid ? `${asOfHelp.id} ${asOfError.id}` : asOfHelp.id);
    setText(unitLabel, say(lang, "analysisPane.unit"));
    const names = { 1: "analysisPane.unitDay", 7: "analysisPane.unitWeek", 30: "analysisPane.unitMonth" } as const;
    setChoices(
      unit,
      PERIOD_DAYS.map((p) => ({ value: String(p), text: say(lang, names[p]) })),
      String(state.periodDays),
    );
  };
  return { element, update };
}
