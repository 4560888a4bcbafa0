/**
 * What the analysis section's views share: the model each one draws (the state and the pane's language) and
 * the texts of the catalogue in that language. The element helpers are the scorecard section's
 * (../../scorecard/views/view.ts): made once, updated in place, buttons never `disabled`.
 */
import { Language, MessageId, ParamsArg, msg, renderMessage, type Message } from "../../../core/messages/catalogue";
import type { AnalysisState } from "../state";

export { button, buildRow, setButtonState, setChoices, setText } from "../../scorecard/views/view";

/** What a view draws. */
export interface ViewModel {
  state: AnalysisState;
  lang: Language;
}

/** A part of the section: its element and how to bring it up to date. */
export interface View {
  element: HTMLElement;
  update(m: ViewModel): void;
}

/** A catalogue text in the pane's language. */
export function say<I extends MessageId>(lang: Language, id: I, ...params: ParamsArg<I>): string {
  return renderMessage(msg(id, ...params), lang);
}

/** A message (a problem, a note) in the pane's language. */
export function sayMessage(lang: Language, m: Message): string {
  return renderMessage(m, lang);
}
