/**
 * What the sharing section's views share: the model each one draws (the state, and `t` in the pane's
 * language); the element makers are the pane's (../../views/parts.ts). A view is made once, with the actions it calls; `update` brings its elements
 * up to date in place, so that the control the user is on keeps the focus while the rest changes.
 */
import type { Lang, Translate } from "../../i18n";
import type { Outcome, SharingState } from "../state";
import { el } from "../../dom";
import type { PartView } from "../../views/parts";

/** What a view draws. */
export interface ViewModel {
  state: SharingState;
  t: Translate;
  lang: Lang;
}

/** A part of the section: its element and how to bring it up to date. */
export type View = PartView<ViewModel>;

/**
 * A part that shows what the last operation came to (`parts` of the outcome, remade at each update) and keeps
 * what it shows while the next operation runs.
 */
export function outcomeView(className: string, parts: (o: Outcome, t: Translate) => HTMLElement[]): View {
  const element = el("div", className);
  return {
    element,
    update: ({ state, t }) => {
      if (state.busy === null) element.replaceChildren(...parts(state.outcome, t));
    },
  };
}
