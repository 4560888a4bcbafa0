/**
 * What the analysis section's views share: the model each one draws (the state and the pane's language) and
 * the texts of the catalogue in that language. The element makers are the pane's (../../views/parts.ts): made
 * once, updated in place, buttons never `disabled`.
 */
import { Language, MessageId, ParamsArg, msg, renderMessage, type Message } from "../../../core/messages/catalogue";
import type { AnalysisState } from "../state";

import type { PartView } from "../../views/parts";

/** What a view draws. */
export interface ViewModel {
  state: AnalysisState;
  lang: Language;
}

/** A part of the section: its element and how to bring it up to date. */
export type View = PartView<ViewModel>;

/** A catalogue text in the pane's language. */
export function say<I extends MessageId>(lang: Language, id: I, ...params: ParamsArg<I>): string {
  return renderMessage(msg(id, ...params), lang);
}

/** A message (a problem, a note) in the pane's language. */
export function sayMessage(lang: Language, m: Message): string {
  return renderMessage(m, lang);
}
