/**
 * The Build row (the button, a progress bar with its step, why Build cannot run yet), the outcome (what was
 * built, with Open and the KPI-table button; or what went wrong and what was cleaned up) and the KPI table's
 * outcome. Outcomes are in live regions, so screen readers hear them.
 */
import type { Language } from "../../../core/messages/catalogue";
import { clause, messageOf } from "../../host";
import { el } from "../../dom";
import { ScorecardError } from "../../scorecard/writer";
import type { AnalysisActions } from "../actions";
import { buildBlocker, type AnalysisState } from "../state";
import { button, buildRow, setButtonState, setText } from "../../views/parts";
import { say, sayMessage, type View, type ViewModel } from "./view";

/** An operation's error in the pane's language. */
export function errorText(e: unknown, lang: Language): string {
  if (!(e instanceof ScorecardError)) return say(lang, "analysisPane.errorOther", { detail: clause(messageOf(e)) });
  const detail = clause(e.detail);
  switch (e.stage) {
    case "taken":
      return say(lang, "analysisPane.errorTaken", { sheet: e.takenSheet ?? e.sheetName });
    case "source":
      return say(lang, "analysisPane.errorSource", { detail });
    case "missing":
      return say(lang, "analysisPane.errorMissing");
    default:
      if (e.cleanup !== null && !e.cleanup.sheetAdded) return say(lang, "analysisPane.errorOther", { detail });
      return e.removed
        ? say(lang, "analysisPane.errorWrite", { detail, sheet: e.sheetName })
        : say(lang, "analysisPane.errorLeft", { detail, cleanup: clause(e.cleanupDetail ?? ""), sheet: e.sheetName });
  }
}

function blockerText(state: AnalysisState, lang: Language): string {
  switch (buildBlocker(state)) {
    case "noExcel":
      return say(lang, "analysisPane.noExcel");
    case "noSelection":
      return say(lang, "analysisPane.useSelectionHelp");
    case "problems":
      return say(lang, "analysisPane.problemsTitle", { count: state.reading?.problems.length ?? 0 });
    case "asOf":
      return say(lang, "analysisPane.asOfInvalid", { text: state.asOf.trim() });
    default:
      return "";
  }
}

/** The parts of the outcome area. */
interface OutcomeParts {
  result: HTMLElement;
  resultText: HTMLElement;
  notes: HTMLElement;
  actionsRow: HTMLElement;
  openBtn: HTMLButtonElement;
  kpiBtn: HTMLButtonElement;
  kpiResult: HTMLElement;
}

/** Draws the Build's outcome (what was built, its notes, Open and the KPI button; or the error) and the KPI table's. */
function drawOutcome(parts: OutcomeParts, state: AnalysisState, lang: Language): void {
  const { result, resultText, notes, actionsRow, openBtn, kpiBtn, kpiResult } = parts;
  const o = state.outcome;
  const shown = o !== null && o.kind !== "problems";
  result.hidden = !shown;
  if (o === null || o.kind === "problems") delete result.dataset.outcome;
  else result.dataset.outcome = o.kind;
  if (o?.kind === "built") {
    result.dataset.syncs = String(o.syncs);
    result.dataset.ms = String(Math.round(o.ms));
    const seconds = (o.ms / 1000).toFixed(1);
    setText(resultText, say(lang, "analysisPane.built", { ...o, seconds }));
    const texts = o.notes.map((m) => sayMessage(lang, m));
    if (notes.dataset.key !== texts.join("\u0001")) {
      notes.replaceChildren(...texts.map((t) => el("li", "", t)));
      notes.dataset.key = texts.join("\u0001");
    }
    setText(openBtn, say(lang, "analysisPane.open", { sheet: o.sheet }));
    setText(kpiBtn, say(lang, "analysisPane.kpiButton"));
    setButtonState(kpiBtn, state.busy === null, state.busy?.kind === "kpi");
  } else if (o?.kind === "error") setText(resultText, errorText(o.error, lang));
  notes.hidden = o?.kind !== "built" || notes.childElementCount === 0;
  actionsRow.hidden = o?.kind !== "built";
  actionsRow.style.display = actionsRow.hidden ? "none" : ""; // .sc-actions sets a display that beats [hidden]
  result.classList.toggle("error", o?.kind === "error");
  const k = state.kpi;
  kpiResult.hidden = k === null;
  if (k === null) delete kpiResult.dataset.outcome;
  else kpiResult.dataset.outcome = k.kind;
  kpiResult.classList.toggle("error", k?.kind === "error");
  setText(
    kpiResult,
    k === null ? "" : k.kind === "built" ? say(lang, "analysisPane.kpiBuilt", k) : errorText(k.error, lang),
  );
}

/** Build, progress, outcome, Open, KPI table. */
export function buildView(actions: AnalysisActions, announce: (text: string) => void): View {
  const element = el("div", "sc-build-part");
  const { row, buildBtn, progress, step } = buildRow("an-build", false);
  const note = el("p", "sc-help");
  note.id = "an-build-note";
  buildBtn.setAttribute("aria-describedby", note.id);
  const result = el("div", "sc-result an-result");
  result.setAttribute("role", "status");
  const resultText = el("p");
  const notes = el("ul", "an-notes");
  const actionsRow = el("div", "sc-actions");
  const openBtn = button("", "open", "link-button");
  const kpiBtn = button("", "kpi-table");
  kpiBtn.id = "an-kpi";
  actionsRow.append(openBtn, kpiBtn);
  result.append(resultText, notes, actionsRow);
  const kpiResult = el("p", "an-kpi-result");
  kpiResult.setAttribute("role", "status");
  element.append(row, note, result, kpiResult);

  let last: { state: AnalysisState; lang: Language } | null = null;
  buildBtn.addEventListener("click", () => {
    if (last !== null && buildBlocker(last.state) !== null && buildBlocker(last.state) !== "busy")
      announce(blockerText(last.state, last.lang));
    void actions.build();
  });
  openBtn.addEventListener("click", () => {
    const o = last?.state.outcome;
    if (o?.kind === "built") void actions.open(o.sheet);
  });
  kpiBtn.addEventListener("click", () => void actions.createKpiTable());

  const update = ({ state, lang }: ViewModel): void => {
    last = { state, lang };
    setText(buildBtn, say(lang, "analysisPane.build"));
    setButtonState(buildBtn, buildBlocker(state) === null, state.busy?.kind === "build");
    setText(note, blockerText(state, lang));
    const busy = state.busy;
    const working = busy !== null && busy.kind !== "select";
    progress.hidden = !working;
    progress.setAttribute(
      "aria-label",
      say(lang, busy?.kind === "kpi" ? "analysisPane.kpiBusy" : "analysisPane.build"),
    );
    progress.max = busy?.total ?? 3;
    progress.value = busy?.done ?? 0;
    setText(
      step,
      !working
        ? ""
        : busy.kind === "kpi"
          ? say(lang, "analysisPane.kpiBusy")
          : say(lang, "analysisPane.building", busy),
    );
    drawOutcome({ result, resultText, notes, actionsRow, openBtn, kpiBtn, kpiResult }, state, lang);
  };
  return { element, update };
}
