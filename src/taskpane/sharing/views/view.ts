/**
 * What the sharing section's views share: the model each one draws (the state, and `t` in the pane's
 * language) and a button maker. A view is made once, with the actions it calls; `update` brings its elements
 * up to date in place, so that the control the user is on keeps the focus while the rest changes.
 */
import type { Lang, Translate } from "../../i18n";
import type { SharingState } from "../state";
import { el } from "../../dom";

/** What a view draws. */
export interface ViewModel {
  state: SharingState;
  t: Translate;
  lang: Lang;
}

/** A part of the section: its element and how to bring it up to date. */
export interface View {
  element: HTMLElement;
  update(m: ViewModel): void;
}

/** A button (type "button") with a `data-action` the tests and the styles can find, calling `onClick`. */
export function actionButton(action: string, onClick: () => void): HTMLButtonElement {
  const b = el("button");
  b.type = "button";
  b.dataset.action = action;
  b.addEventListener("click", onClick);
  return b;
}
