/**
 * The Build row: the Build scorecard button, a progress bar with the step it is on (announced), why Build cannot
 * run yet (the button points at it), or — when this table has been built before — that building again adds a
 * second scorecard, with a Refresh of the existing one beside it; and what is wrong with the typed options, each
 * message under its own id, which the field it is about points at (./options.ts).
 */
import type { LabelId } from "../../../core/messages/catalogue";
import type { ScorecardActions } from "../actions";
import type { ScorecardProgress } from "../writer";
import { buildBlocker, checkOptions, fieldKey, scorecardsOfSelection, type ScorecardState } from "../state";
import { el } from "../../dom";
import type { Translate } from "../../i18n";
import { optionProblemText } from "./messages";
import { optionErrorId } from "./options";
import { button, buildRow, setButtonState, setText } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** The last of a list (the newest scorecard of a table), or undefined. */
function latest<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Why Build cannot run, for the note under it (empty while it can, or while it is at work). */
function blockerText(state: ScorecardState, t: Translate): string {
  switch (buildBlocker(state)) {
    case "noExcel":
      return t("scorecardPane.noExcel");
    case "noSelection":
      return t("scorecardPane.needSelection");
    case "problems":
      return t("scorecardPane.needFixes");
    case "options":
      return t("scorecardPane.needOptions");
    default:
      return "";
  }
}

/** The progress bar's name: what is at work (a Refresh or a Record names its scorecard). */
function progressLabel({ state, t }: ViewModel): string {
  const busy = state.busy;
  const entry = busy?.entry === undefined ? undefined : state.list.entries?.find((e) => e.settingsName === busy.entry);
  if (entry && busy?.kind === "refresh") return t("scorecardPane.progressRefresh", { sheet: entry.sheet });
  if (entry && busy?.kind === "record") return t("scorecardPane.progressRecord", { sheet: entry.sheet });
  return t("scorecardPane.progressBuild");
}

/** The text of each step of a Build or Refresh. */
const STEP_TEXTS = {
  check: "scorecardPane.stepCheck",
  read: "scorecardPane.stepRead",
  write: "scorecardPane.stepWrite",
  cleanup: "scorecardPane.stepCleanup",
  commit: "scorecardPane.stepCommit",
  done: "scorecardPane.stepDone",
} as const satisfies Readonly<Record<ScorecardProgress["step"], LabelId>>;

/** The progress bar and its step line (a Record has one step: recording the period). */
function drawProgress(progress: HTMLProgressElement, step: HTMLElement, m: ViewModel) {
  const { state, t } = m;
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
  else if (p) setText(step, t(STEP_TEXTS[p.step]));
  else setText(step, working ? t(STEP_TEXTS.check) : "");
}

/** The option messages: a list inside a live region that is always there, so new messages are announced. */
function drawOptionErrors(box: HTMLElement, list: HTMLUListElement, { state, t }: ViewModel) {
  const problems = checkOptions(state.options).problems;
  const items = problems.map((p) => {
    const li = el("li", "", optionProblemText(p, t));
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
  let lastT: Translate | null = null;
  buildBtn.addEventListener("click", () => {
    if (last !== null && lastT !== null && buildBlocker(last) !== null && buildBlocker(last) !== "busy") {
      announce(blockerText(last, lastT));
    }
    void actions.build();
  });
  refreshExisting.addEventListener("click", () => {
    const existing = last === null ? undefined : latest(scorecardsOfSelection(last));
    if (existing) void actions.refresh(existing);
  });

  const update = (m: ViewModel): void => {
    const { state, t } = m;
    last = state;
    lastT = t;
    const existing = latest(scorecardsOfSelection(state));
    setText(buildBtn, t(existing ? "scorecardPane.buildAgain" : "scorecardPane.build"));
    const blocker = buildBlocker(state);
    setButtonState(buildBtn, blocker === null, state.busy?.kind === "build");
    const blocked = blockerText(state, t);
    const already = existing && state.busy === null ? t("scorecardPane.alreadyBuilt", { sheet: existing.sheet }) : "";
    setText(note, blocked !== "" ? blocked : already);
    // Stays while it works (aria-busy), so that the focus stays on it.
    refreshExisting.hidden = existing === undefined || (blocked !== "" && state.busy === null);
    if (existing) setText(refreshExisting, t("scorecardPane.refreshNamed", { sheet: existing.sheet }));
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
