/**
 * The "Prepare for sharing" section of the task pane: Check / Freeze all / Freeze selection / Restore, a progress
 * line with Cancel, the results and the conflicts. Renders into the given root, in the pane's language, and
 * re-renders when the pane switches language (../language.ts `onLangChange`). No maths here:
 * the numbers shown come from the core's plans and summaries.
 *
 * Freeze all asks first, in the pane (a non-modal dialog that takes the focus; Escape or Cancel closes it and
 * gives the focus back to Freeze all): it says that the original formulas stay inside the file, where anyone who
 * receives it could read them, and offers "Values only" for sharing outside the company, which keeps no record —
 * after a second step warning that it cannot be restored.
 */
import { CrmError } from "../../core/errors";
import { count, Lang, translator } from "../i18n";
import { currentLang, onLangChange } from "../language";
import type { CheckSummary } from "../../core/sharing/check";
import type { SkippedCell } from "../../core/sharing/freeze";
import type { RestorePlan } from "../../core/sharing/restore";
import {
  checkSharing,
  freezeSharing,
  FreezeResult,
  restoreSharing,
  RollbackFailed,
  SharingCancelled,
  SharingProgress,
  shownValue,
} from "./excelSharing";
import { el } from "../dom";
import { messageOf, type ExcelRun } from "../host";

type Action = "check" | "freezeAll" | "freezeSelection" | "restore" | "valuesOnly";

/** The buttons of the action row: Freeze all opens the confirmation instead of starting. */
type Button = "check" | "freezeAll" | "freezeSelection" | "restore";

/** The confirmation step shown, if any. */
type Confirm = "freezeAll" | "valuesOnly" | null;

type View =
  | { kind: "idle" }
  | { kind: "check"; summary: CheckSummary }
  | { kind: "freeze"; result: FreezeResult; selectionOnly: boolean }
  | { kind: "restore"; plan: RestorePlan }
  | { kind: "cancelled" }
  | { kind: "error"; error: unknown; rollbackFailed: boolean };

export interface SharingPane {
  /** Re-renders the texts (called automatically when the pane's language changes). */
  render(): void;
  /** Stops following the pane's language. */
  unmount(): void;
  /** Syncs made by the last finished operation (for diagnostics and tests). */
  lastSyncs(): number | null;
}

/**
 * Mounts the section into `root` (nothing happens when it is null). `getLang` returns the pane's current
 * language (default: the pane's language store); `run` defaults to `Excel.run`. In taskpane.ts, at the end of
 * start(): `mountSharing(document.getElementById("sharing-root"), currentLang);`
 */
export function mountSharing(
  root: HTMLElement | null,
  getLang: () => Lang = currentLang,
  run?: ExcelRun,
): SharingPane | null {
  if (!root) return null;
  const t = translator(getLang);
  const available = run !== undefined || typeof Excel !== "undefined";
  let view: View = { kind: "idle" };
  let busy: { progress: SharingProgress | null; cancelling: boolean; controller: AbortController } | null = null;
  let syncs: number | null = null;
  let confirm: Confirm = null;
  /** Where the focus goes when the operation started from the confirmation ends (the confirmation is gone). */
  let focusAfter: HTMLElement | null = null;

  root.replaceChildren();
  const box = el("div", "sharing");
  const help = el("p", "sharing-help");
  const actions = el("div", "sharing-actions");
  // Layout only (taskpane.css belongs to the pane): buttons wrap with a gap; the progress line is one row.
  actions.style.cssText = "display:flex;flex-wrap:wrap;gap:6px";
  const buttons: Record<Button, HTMLButtonElement> = {
    check: el("button"),
    freezeAll: el("button"),
    freezeSelection: el("button"),
    restore: el("button"),
  };
  for (const [action, b] of Object.entries(buttons) as [Button, HTMLButtonElement][]) {
    b.type = "button";
    b.dataset.action = action;
    b.addEventListener("click", () => (action === "freezeAll" ? openConfirm("freezeAll") : void start(action)));
    actions.appendChild(b);
  }
  const dialog = confirmDialog();
  const progressLine = el("div", "sharing-progress");
  const bar = el("progress");
  const step = el("span", "sharing-step");
  const cancel = el("button");
  cancel.type = "button";
  cancel.dataset.action = "cancel";
  cancel.addEventListener("click", () => {
    if (!busy) return;
    busy.cancelling = true;
    busy.controller.abort();
    render();
  });
  progressLine.append(bar, step, cancel);
  progressLine.style.cssText = "align-items:center;gap:8px;margin-top:8px";
  const status = el("p", "sharing-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const results = el("div", "sharing-results");
  const conflicts = el("div", "sharing-conflicts");
  box.append(help, actions, dialog.root, progressLine, status, results, conflicts);
  root.appendChild(box);

  /**
   * The confirmation: a titled, described region that takes the focus, so that a screen reader reads it; its
   * buttons, in order, confirm, choose values only (first step), or cancel. Escape anywhere in it cancels.
   */
  function confirmDialog() {
    const root = el("div", "sharing-confirm");
    root.tabIndex = -1;
    root.hidden = true;
    root.style.cssText = "border:1px solid currentColor;padding:4px 10px 10px;margin-top:8px";
    const title = el("h3");
    title.id = "sharing-confirm-title";
    const body = el("p");
    body.id = "sharing-confirm-body";
    const note = el("p");
    note.id = "sharing-confirm-note";
    root.setAttribute("aria-labelledby", title.id);
    root.setAttribute("aria-describedby", `${body.id} ${note.id}`);
    const row = el("div");
    row.style.cssText = "display:flex;flex-wrap:wrap;gap:6px";
    const button = (action: string, onClick: () => void): HTMLButtonElement => {
      const b = el("button");
      b.type = "button";
      b.dataset.action = action;
      b.addEventListener("click", onClick);
      row.appendChild(b);
      return b;
    };
    const confirmFreeze = button("confirmFreeze", () => confirmed("freezeAll"));
    const valuesOnly = button("valuesOnly", () => openConfirm("valuesOnly"));
    const confirmValuesOnly = button("confirmValuesOnly", () => confirmed("valuesOnly"));
    const cancelConfirm = button("cancelConfirm", () => closeConfirm());
    root.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      closeConfirm();
    });
    root.append(title, body, note, row);
    return { root, title, body, note, confirmFreeze, valuesOnly, confirmValuesOnly, cancelConfirm };
  }

  function openConfirm(step: Exclude<Confirm, null>): void {
    if (busy) return;
    confirm = step;
    render();
    dialog.root.focus();
  }

  function closeConfirm(): void {
    confirm = null;
    render();
    buttons.freezeAll.focus();
  }

  function confirmed(action: "freezeAll" | "valuesOnly"): void {
    confirm = null;
    focusAfter = buttons.freezeAll;
    void start(action);
  }

  async function start(action: Action): Promise<void> {
    if (busy) return;
    const controller = new AbortController();
    busy = { progress: null, cancelling: false, controller };
    render();
    const options = {
      run,
      signal: controller.signal,
      onProgress: (p: SharingProgress) => {
        if (busy) busy.progress = p;
        render();
      },
    };
    try {
      if (action === "check") {
        const r = await checkSharing(options);
        syncs = r.syncs;
        view = { kind: "check", summary: r.summary };
      } else if (action === "restore") {
        const r = await restoreSharing(options);
        syncs = r.syncs;
        view = { kind: "restore", plan: r.plan };
      } else {
        const selectionOnly = action === "freezeSelection";
        const r = await freezeSharing({ ...options, selectionOnly, valuesOnly: action === "valuesOnly" });
        syncs = r.syncs;
        view = { kind: "freeze", result: r, selectionOnly };
      }
    } catch (e) {
      if (e instanceof SharingCancelled) view = { kind: "cancelled" };
      else if (e instanceof RollbackFailed) view = { kind: "error", error: e.cause, rollbackFailed: true };
      else view = { kind: "error", error: e, rollbackFailed: false };
    } finally {
      busy = null;
      render();
      focusAfter?.focus();
      focusAfter = null;
    }
  }

  /** An error's text in the pane's language: a core error from the catalogue, else as the host wrote it. */
  function errorText(e: unknown): string {
    return e instanceof CrmError ? e.text(getLang()) : messageOf(e);
  }

  function skippedList(skipped: readonly SkippedCell[]): HTMLElement[] {
    if (skipped.length === 0) return [];
    const list = el("ul", "sharing-skipped");
    for (const k of skipped) {
      const reason = k.reason === "notCalculated" ? t("sharingPane.notCalculated") : t("sharingPane.resultOnlyError");
      const cell = `${k.sheet}!${k.address}`;
      const li = el("li", undefined, t("sharingPane.skippedLine", { cell, value: shownValue(k.value), reason }));
      li.dataset.cell = cell;
      list.appendChild(li);
    }
    return [el("p", undefined, t("sharingPane.skippedTitle")), list];
  }

  function addressList(first: readonly string[], total: number): string {
    const list = first.join(t("sharingPane.listSeparator"));
    return total > first.length ? t("sharingPane.listMore", { list, n: total - first.length }) : list;
  }

  /** "{n} formulas" and "{n} cells" as messages, singular for 1. */
  const formulas = (n: number) => count(n, "sharingPane.formulaOne", "sharingPane.formulaMany");
  const cells = (n: number) => count(n, "sharingPane.cellOne", "sharingPane.cellMany");

  function renderCheck(summary: CheckSummary): void {
    status.textContent =
      summary.formulas === 0
        ? t("sharingPane.noCrm")
        : t("sharingPane.found", {
            formulas: count(summary.formulas, "sharingPane.crmFormulaOne", "sharingPane.crmFormulaMany"),
            sheets: count(summary.sheets.length, "sharingPane.sheetOne", "sharingPane.sheetMany"),
          });
    const parts: HTMLElement[] = [];
    if (summary.sheets.length > 0) {
      const list = el("ul", "sharing-sheets");
      for (const sh of summary.sheets) {
        const li = el("li");
        li.dataset.sheet = sh.sheet;
        li.dataset.formulas = String(sh.formulas);
        const line =
          sh.spills > 0
            ? t("sharingPane.sheetLineSpills", { formulas: formulas(sh.formulas), spills: sh.spills })
            : t(sh.formulas === 1 ? "sharingPane.formulaOne" : "sharingPane.formulaMany", { n: sh.formulas });
        li.append(
          el("strong", undefined, sh.sheet),
          `${t("sharingPane.colon")}${line} — ${addressList(sh.first, sh.formulas)}`,
        );
        list.appendChild(li);
      }
      parts.push(list);
      if (summary.dependents.length > 0) {
        parts.push(el("p", undefined, t("sharingPane.dependents")));
        const deps = el("ul", "sharing-dependents");
        for (const d of summary.dependents) {
          const li = el("li");
          li.dataset.sheet = d.sheet;
          li.append(
            el("strong", undefined, d.sheet),
            `${t("sharingPane.colon")}${t(d.formulas === 1 ? "sharingPane.dependentLineOne" : "sharingPane.dependentLine", { formulas: formulas(d.formulas) })} — ${addressList(d.first, d.formulas)}`,
          );
          deps.appendChild(li);
        }
        parts.push(deps);
      } else {
        parts.push(el("p", undefined, t("sharingPane.noDependents")));
      }
    }
    parts.push(...skippedList(summary.skipped));
    parts.push(el("p", "sharing-recorded", recorded(summary.recorded)));
    results.replaceChildren(...parts);
  }

  /** How many formulas the record holds, as a sentence. */
  function recorded(n: number): string {
    if (n === 0) return t("sharingPane.recordedNone");
    return n === 1 ? t("sharingPane.recordedOne", { n }) : t("sharingPane.recordedMany", { n });
  }

  function renderRestore(plan: RestorePlan): void {
    const lines: string[] = [];
    if (plan.restored.length + plan.alreadyRestored.length + plan.conflicts.length === 0)
      lines.push(t("sharingPane.nothingToRestore"));
    else lines.push(t("sharingPane.restored", { formulas: formulas(plan.restored.length) }));
    const already = plan.alreadyRestored.length;
    if (already === 1) lines.push(t("sharingPane.alreadyRestoredOne", { n: already }));
    else if (already > 1) lines.push(t("sharingPane.alreadyRestoredMany", { n: already }));
    status.textContent = lines.join(" ");
    if (plan.conflicts.length === 0) return;
    const list = el("ul", "sharing-conflict-list");
    for (const c of plan.conflicts) {
      const where = `${c.entry.sheet}!${c.cell}`;
      const what =
        c.reason === "sheetMissing"
          ? `${c.entry.sheet}!${c.entry.address}${t("sharingPane.colon")}${t("sharingPane.sheetMissing")}`
          : t("sharingPane.edited", {
              cell: where,
              now: shownValue(c.now) || t("sharingPane.editedNothing"),
              frozen: shownValue(c.frozen) || t("sharingPane.editedEmpty"),
            });
      const li = el("li", undefined, `${what} — ${t("sharingPane.formula")} `);
      li.dataset.cell = `${c.entry.sheet}!${c.entry.address}`;
      li.appendChild(el("code", undefined, c.entry.formula));
      list.appendChild(li);
    }
    const n = plan.conflicts.length;
    conflicts.replaceChildren(
      el(
        "p",
        undefined,
        n === 1 ? t("sharingPane.conflictsTitleOne", { n }) : t("sharingPane.conflictsTitleMany", { n }),
      ),
      list,
      el("p", "sharing-conflict-help", t("sharingPane.conflictsHelp")),
    );
  }

  function renderFreeze(result: FreezeResult, selectionOnly: boolean): void {
    const { plan } = result;
    const lines: string[] = [];
    const done = { formulas: formulas(plan.entries.length), cells: cells(plan.cells) };
    if (plan.entries.length === 0)
      lines.push(selectionOnly ? t("sharingPane.nothingInSelection") : t("sharingPane.nothingToFreeze"));
    else if (result.valuesOnly) lines.push(t("sharingPane.valuesOnlyDone", done));
    else lines.push(t("sharingPane.frozen", done));
    if (result.recordRemoved > 0)
      lines.push(t("sharingPane.recordRemoved", { formulas: formulas(result.recordRemoved) }));
    status.textContent = lines.join(" ");
    const notes = result.valuesOnly
      ? []
      : [
          el("p", "sharing-recorded", recorded(result.recorded)),
          ...(result.recorded > 0 ? [el("p", "sharing-record-note", t("sharingPane.recordInside"))] : []),
        ];
    results.replaceChildren(...skippedList(plan.skipped), ...notes);
  }

  function renderConfirm(): void {
    const d = dialog;
    d.root.hidden = confirm === null;
    d.root.dataset.step = confirm ?? "";
    if (confirm === null) return;
    const first = confirm === "freezeAll";
    d.root.setAttribute("role", first ? "dialog" : "alertdialog");
    d.title.textContent = first ? t("sharingPane.confirmFreezeTitle") : t("sharingPane.valuesOnlyTitle");
    d.body.textContent = first ? t("sharingPane.confirmFreezeBody") : t("sharingPane.valuesOnlyWarning");
    d.note.textContent = first ? t("sharingPane.confirmFreezeOutside") : t("sharingPane.valuesOnlyCopy");
    d.confirmFreeze.textContent = t("sharingPane.confirmFreeze");
    d.valuesOnly.textContent = t("sharingPane.valuesOnly");
    d.confirmValuesOnly.textContent = t("sharingPane.confirmValuesOnly");
    d.cancelConfirm.textContent = t("sharingPane.cancel");
    d.confirmFreeze.hidden = !first;
    d.valuesOnly.hidden = !first;
    d.confirmValuesOnly.hidden = first;
  }

  function render(): void {
    help.textContent = available ? t("sharingPane.help") : t("sharingPane.notInExcel");
    buttons.check.textContent = t("sharingPane.check");
    buttons.freezeAll.textContent = t("sharingPane.freezeAll");
    buttons.freezeSelection.textContent = t("sharingPane.freezeSelection");
    buttons.restore.textContent = t("sharingPane.restore");
    cancel.textContent = t("sharingPane.cancel");
    for (const b of Object.values(buttons)) b.disabled = !available || busy !== null || confirm !== null;
    renderConfirm();
    progressLine.hidden = busy === null;
    progressLine.style.display = busy === null ? "none" : "flex";
    box.dataset.state = busy ? "busy" : confirm ? "confirm" : view.kind;
    if (busy) {
      const p = busy.progress;
      bar.max = p?.total ?? 1;
      bar.value = p?.done ?? 0;
      bar.setAttribute("aria-label", t("sharingPane.progressLabel"));
      cancel.disabled = busy.cancelling || p?.step === "rollback";
      const stepText: Record<SharingProgress["step"], string> = {
        sheets: t("sharingPane.stepSheets"),
        cells: t("sharingPane.stepCells"),
        spills: t("sharingPane.stepSpills"),
        write: t("sharingPane.stepWrite"),
        rollback: t("sharingPane.stepRollback"),
        done: "",
      };
      step.textContent =
        busy.cancelling && p?.step !== "rollback" ? t("sharingPane.cancelling") : stepText[p?.step ?? "sheets"];
      return;
    }
    results.replaceChildren();
    conflicts.replaceChildren();
    status.textContent = "";
    switch (view.kind) {
      case "idle":
        break;
      case "cancelled":
        status.textContent = t("sharingPane.cancelled");
        break;
      case "error": {
        const message = errorText(view.error);
        status.textContent = view.rollbackFailed
          ? t("sharingPane.rollbackFailed", { message })
          : t("sharingPane.failed", { message });
        break;
      }
      case "check":
        renderCheck(view.summary);
        break;
      case "freeze":
        renderFreeze(view.result, view.selectionOnly);
        break;
      case "restore":
        renderRestore(view.plan);
        break;
    }
  }

  const stop = onLangChange(() => render());
  render();
  return { render, unmount: stop, lastSyncs: () => syncs };
}
