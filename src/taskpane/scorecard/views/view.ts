/**
 * What the scorecard section's views share: the model each one draws (the state, the texts of the pane's
 * language from the catalogue), and small element makers. A view is made once, with the actions it calls; `update` brings its
 * elements up to date in place, so that the control the user is on keeps focus while the rest changes.
 */
import type { Lang, Translate } from "../../i18n";
import type { ScorecardState } from "../state";
import { el } from "../../dom";

/** What a view draws. */
export interface ViewModel {
  state: ScorecardState;
  lang: Lang;
  /** Catalogue messages in the pane's language (the section's texts: src/core/messages/scorecardPane.ts). */
  t: Translate;
}

/** A part of the section: its element and how to bring it up to date. */
export interface View {
  element: HTMLElement;
  update(m: ViewModel): void;
}

/** A button (type "button") with a `data-action` the tests and the styles can find. */
export function button(text: string, action: string, className = ""): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.dataset.action = action;
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
