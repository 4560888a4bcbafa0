/**
 * The scorecard builder section of the task pane: Use selection → detected column mapping (a list per role to
 * change it) → preview of the first rows → every validation problem with its cell address → options → Build
 * scorecard (with progress) → a link to the new sheet; and the scorecards of the workbook, each with Open and
 * Refresh. Texts follow the pane's language and change with it.
 *
 * Made of a state (./state.ts: one plain object and the functions that make the next one), actions
 * (./actions.ts: what the buttons do, through the pane's host) and views (./views/*: each draws one part, in
 * place). This file puts them together under the pane's one mount signature (../section.ts).
 *
 * No maths here: the table is read and validated by the core (readScorecardTable), the sheet is planned by the
 * core and written by ./writer. Every text from the workbook reaches the page through textContent only, so a
 * KPI named `<img src=x onerror=alert(1)>` shows as those characters.
 */
import { mountParts, type PaneContext, type Section } from "../section";
import { translator } from "../i18n";
import css from "./scorecard.css";
import { scorecardActions } from "./actions";
import { initialState } from "./state";
import { buildView } from "./views/build";
import { listView } from "./views/list";
import { mappingView } from "./views/mapping";
import { optionsView } from "./views/options";
import { previewView } from "./views/preview";
import { problemsView } from "./views/problems";
import { resultView } from "./views/result";
import { selectionView } from "./views/selection";

/** Adds the section's styles to the page once. */
function injectCss(): void {
  if (document.getElementById("scorecard-css")) return;
  const style = document.createElement("style");
  style.id = "scorecard-css";
  style.textContent = css;
  document.head.appendChild(style);
}

/**
 * Mounts the section into `root` (#scorecard-root). In taskpane.ts, once Office is ready:
 * `mountScorecard(document.getElementById("scorecard-root")!, paneContext());`
 */
export function mountScorecard(root: HTMLElement, ctx: PaneContext): Section {
  injectCss();
  // Numbers as JavaScript writes them ("1234 rows below the header"), as this section always has.
  const t = translator(() => ctx.lang.current(), false);
  const { section, actions } = mountParts(root, ctx, {
    className: "sc",
    initial: initialState(ctx.host.available),
    actions: scorecardActions,
    views: (actions, announce) => [
      selectionView(actions),
      mappingView(actions),
      previewView(),
      problemsView(),
      optionsView(actions),
      buildView(actions, announce),
      resultView(actions),
      listView(actions),
    ],
    model: (state, lang) => ({ state, lang, t }),
  });
  void actions.loadList();
  return section;
}
