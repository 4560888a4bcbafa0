/**
 * What the scorecard section's views share: the model each one draws (the state, the texts of the pane's
 * language from the catalogue); the element makers are the pane's (../../views/parts.ts). A view is made once,
 * with the actions it calls; `update` brings its elements up to date in place, so that the control the user is
 * on keeps focus while the rest changes.
 */
import type { Lang, Translate } from "../../i18n";
import type { ScorecardState } from "../state";
import type { PartView } from "../../views/parts";

/** What a view draws. */
export interface ViewModel {
  state: ScorecardState;
  lang: Lang;
  /** Catalogue messages in the pane's language (the section's texts: src/core/messages/scorecardPane.ts). */
  t: Translate;
}

/** A part of the section: its element and how to bring it up to date. */
export type View = PartView<ViewModel>;
