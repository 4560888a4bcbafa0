/**
 * The element makers every section of the task pane draws with (scorecard, customer analysis, sharing). A part
 * is made once and updated in place: texts change only when they differ (a live region then speaks only of real
 * changes), lists keep their element (and the focus) while their entries change, and buttons are never
 * `disabled` (a disabled button drops the keyboard focus to the page).
 */
import { el } from "../dom";

/** A part of a section: its element and how to bring it up to date from the section's model `M`. */
export interface PartView<M> {
  element: HTMLElement;
  update(m: M): void;
}

/** A button (type "button") with a `data-action` the tests and the styles can find. */
export function button(text: string, action: string, className = ""): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.dataset.action = action;
  return b;
}

/** A {@link button} without text yet (the section's update gives it) that calls `onClick`. */
export function actionButton(action: string, onClick: () => void): HTMLButtonElement {
  const b = button("", action);
  b.addEventListener("click", onClick);
  return b;
}

/** A section's Build row: the Build button (given `id`), its progress bar and the step it is at. */
export interface BuildRow {
  readonly row: HTMLDivElement;
  readonly buildBtn: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly step: HTMLSpanElement;
}

/** Makes a {@link BuildRow}; `live` makes screen readers speak each new step. */
export function buildRow(id: string, live: boolean): BuildRow {
  const row = el("div", "sc-build-row");
  const buildBtn = button("", "build", "primary");
  buildBtn.id = id;
  const progress = el("progress", "sc-progress");
  const step = el("span", "sc-step");
  step.setAttribute("role", "status");
  if (live) step.setAttribute("aria-live", "polite");
  row.append(buildBtn, progress, step);
  return { row, buildBtn, progress, step };
}

/** An option of a list. */
export function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = el("option", "", text);
  o.value = value;
  o.selected = selected;
  return o;
}

/** Sets an element's text only when it differs (a live region then speaks only of real changes). */
export function setText(e: HTMLElement, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

/**
 * Whether a button can be pressed now, and whether it is the one at work. Never `disabled`: a disabled button
 * drops the keyboard focus to the page (during every sync, in Excel). `aria-disabled` says it cannot be
 * pressed (and gives Fluent's disabled look, taskpane.css), `aria-busy` that its work is under way; the
 * actions ignore presses meanwhile.
 */
export function setButtonState(b: HTMLButtonElement, enabled: boolean, busy = false): void {
  b.disabled = false;
  if (enabled) b.removeAttribute("aria-disabled");
  else b.setAttribute("aria-disabled", "true");
  if (busy) b.setAttribute("aria-busy", "true");
  else b.removeAttribute("aria-busy");
}

/** An entry of a list: its value and text (and the language of the text, when not the pane's). */
export interface Choice {
  value: string;
  text: string;
  lang?: string;
}

const drawnChoices = new WeakMap<HTMLSelectElement, string>();

/**
 * Gives a list its entries and its selected value, in place: the entries are remade only when they changed, and
 * the list itself stays, so focus stays on it while the user changes it with ↑/↓.
 */
export function setChoices(select: HTMLSelectElement, choices: readonly Choice[], selected: string): void {
  const key = JSON.stringify(choices);
  if (drawnChoices.get(select) !== key) {
    select.replaceChildren(
      ...choices.map((c) => {
        const o = option(c.value, c.text, false);
        if (c.lang !== undefined) o.lang = c.lang;
        return o;
      }),
    );
    drawnChoices.set(select, key);
  }
  if (select.value !== selected) select.value = selected;
}
