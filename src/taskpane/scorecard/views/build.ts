/**
 * The Build row: the Build scorecard button, a progress bar with the step it is on (announced), why Build cannot
 * run yet (the button points at it), or — when this table has been built before — that building again adds a
 * second scorecard, with a Refresh of the existing one beside it; and what is wrong with the typed options, each
 * message under its own id, which the field it is about points at (./options.ts).
 */
import type { ScorecardActions } from "../actions";
import { buildBlocker, checkOptions, fieldKey, scorecardsOfSelection, type ScorecardState } from "../state";
import type { ScorecardStrings } from "../strings";
import { el } from "../../dom";
import { optionProblemText } from "./messages";
import { optionErrorId } from "./options";
import { button, buildRow, setButtonState, setText, type View, type ViewModel } from "./view";

/** The last of a list (the newest scorecard of a table), or undefined. */
function latest<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Why Build cannot run, for the note under it (empty while it can, or while it is at work). */
function blockerText(state: ScorecardState, s: ScorecardStrings): string {
  switch (buildBlocker(state)) {
    case "noExcel":
      return s.noExcel;
    case "noSelection":
      return s.needSelection;
    case "problems":
      return s.needFixes;
    case "options":
      return s.needOptions;
    default:
      return "";
  }
}

/** The progress bar's name: what is at work (a Refresh or a Record names its scorecard). */
function progressLabel({ state, s, t }: ViewModel): string {
  const busy = state.busy;
  const entry = busy?.entry === undefined ? undefined : state.list.entries?.find((e) => e.settingsName === busy.entry);
  if (entry && busy?.kind === "refresh") return s.progressRefresh(entry.sheet);
  if (entry && busy?.kind === "record") return t("scorecardPane.progressRecord", { sheet: entry.sheet });
  return s.progressBuild;
}

/** The progress bar and its step line (a Record has one step: recording the period). */
function drawProgress(progress: HTMLProgressElement, step: HTMLElement, m: ViewModel) {
  const { state, s, t } = m;
  const busy = state.busy;
  const working = busy !== null && busy.kind !== "select";
  progress.hidden = !working;
  const label = progressLabel(m);
  if (progress.getAttribute("aria-label") !== label) progress.setAttribute("aria-label", label);
  const p = working ? busy.progress : null;
  if (p) {
    progress.max = Math.max(p.total, 1);
    progress.value = p.done;
  } else progress.removeAttribute("value");
  if (busy?.kind === "record") setText(step, t("scorecardPane.recording"));
  else if (p) setText(step, s.steps[p.step]);
  else setText(step, working ? s.steps.check : "");
}

/** The option messages: a list inside a live region that is always there, so new messages are announced. */
function drawOptionErrors(box: HTMLElement, list: HTMLUListElement, { state, s, t }: ViewModel) {
  const problems = checkOptions(state.options).problems;
  const items = problems.map((p) => {
    const li = el("li", "", optionProblemText(p, s, t));
    li.id = optionErrorId(fieldKey(p.field));
    return li;
  });
  const key = items.map((li) => `${li.id}\u0000${li.textContent ?? ""}`).join("\u0001");
  if (list.dataset.key !== key) {
    list.replaceChildren(...items);
    list.dataset.key = key;
  }
  if (problems.length === 0) list.remove();
  else if (list.parentElement !== box) box.append(list);
}

/** The Build row, its note and the option problems under it. `announce` speaks when a blocked Build is pressed. */
export function buildView(actions: ScorecardActions, announce: (text: string) => void): View {
  const element = el("div", "sc-build-part");
  const { row, buildBtn, progress, step } = buildRow("sc-build", true);
  const noteRow = el("div", "sc-build-note-row");
  const note = el("p", "sc-help sc-build-note");
  note.id = "sc-build-note";
  const refreshExisting = button("", "refresh-existing", "link-button");
  noteRow.append(note, refreshExisting);
  const errorsBox = el("div", "sc-option-errors-box");
  errorsBox.setAttribute("aria-live", "polite");
  const errors = el("ul", "sc-option-errors problems");
  errors.id = "sc-option-errors";
  element.append(row, noteRow, errorsBox);

  let last: ScorecardState | null = null;
  let lastStrings: ScorecardStrings | null = null;
  buildBtn.addEventListener("click", () => {
    if (last !== null && lastStrings !== null && buildBlocker(last) !== null && buildBlocker(last) !== "busy") {
      announce(blockerText(last, lastStrings));
    }
    void actions.build();
  });
  refreshExisting.addEventListener("click", () => {
    const existing = last === null ? undefined : latest(scorecardsOfSelection(last));
    if (existing) void actions.refresh(existing);
  });

  const update = (m: ViewModel): void => {
    const { state, s } = m;
    last = state;
    lastStrings = s;
    const existing = latest(scorecardsOfSelection(state));
    setText(buildBtn, existing ? s.buildAgain : s.build);
    const blocker = buildBlocker(state);
    setButtonState(buildBtn, blocker === null, state.busy?.kind === "build");
    const blocked = blockerText(state, s);
    setText(note, blocked !== "" ? blocked : existing && state.busy === null ? s.alreadyBuilt(existing.sheet) : "");
    // Stays while it works (aria-busy), so that the focus stays on it.
    refreshExisting.hidden = existing === undefined || (blocked !== "" && state.busy === null);
    if (existing) setText(refreshExisting, s.refreshNamed(existing.sheet));
    const busy = state.busy;
    setButtonState(refreshExisting, busy === null, busy?.kind === "refresh" && busy.entry === existing?.settingsName);
    drawOptionErrors(errorsBox, errors, m);
    // Build is described by its note and by the option messages, while there are any.
    const describedBy = errors.isConnected ? `${note.id} ${errors.id}` : note.id;
    if (buildBtn.getAttribute("aria-describedby") !== describedBy)
      buildBtn.setAttribute("aria-describedby", describedBy);
    drawProgress(progress, step, m);
  };
  return { element, update };
}
