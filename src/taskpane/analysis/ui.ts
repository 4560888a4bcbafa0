/**
 * The customer-analysis section of the task pane ("Customer analysis", in Chinese too): Use selection → the
 * log's columns (detected from English or Chinese headers, changeable) → every problem with its cell and column,
 * and notes → as-of date and time unit → Build analysis (a new sheet of live CRM formulas; progress; Open) →
 * Create KPI table for the scorecard. Texts come from the message catalogue in the pane's language and change
 * with it.
 *
 * Made like the scorecard section: a state (./state.ts), actions (./actions.ts) and views (./views/*), under the
 * pane's one mount signature (../section.ts). No maths here: the core reads, checks, analyses and plans; ./writer
 * writes. Every text from the workbook reaches the page through textContent only.
 */
import { mountParts, type PaneContext, type Section } from "../section";
import { analysisActions } from "./actions";
import { initialState } from "./state";
import { buildView } from "./views/build";
import { optionsView, problemsView } from "./views/log";
import { mappingView, selectionView } from "./views/selection";

/** Mounts the section into `root` (#analysis-root). */
export function mountAnalysis(root: HTMLElement, ctx: PaneContext): Section {
  return mountParts(root, ctx, {
    className: "sc an",
    initial: initialState(ctx.host.available),
    actions: analysisActions,
    views: (actions, announce) => [
      selectionView(actions),
      mappingView(actions),
      problemsView(),
      optionsView(actions),
      buildView(actions, announce),
    ],
    model: (state, lang) => ({ state, lang }),
  }).section;
}
