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
import type { PaneContext, Section } from "../section";
import { el } from "../dom";
import { translator } from "../i18n";
import css from "./scorecard.css";
import { createStore, scorecardActions } from "./actions";
import { initialState } from "./state";
import { buildView } from "./views/build";
import { listView } from "./views/list";
import { mappingView } from "./views/mapping";
import { optionsView } from "./views/options";
import { previewView } from "./views/preview";
import { problemsView } from "./views/problems";
import { resultView } from "./views/result";
import { selectionView } from "./views/selection";
import type { View } from "./views/view";

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
  let views: View[] = [];
  const render = (): void => {
    const state = store.get();
    const lang = ctx.lang.current();
    const model = { state, lang, t };
    root.dataset.state = state.busy ? "busy" : (state.outcome?.kind ?? "idle");
    for (const v of views) v.update(model);
  };
  const store = createStore(initialState(ctx.host.available), render);
  const actions = scorecardActions(store, ctx.host);
  views = [
    selectionView(actions),
    mappingView(actions),
    previewView(),
    problemsView(),
    optionsView(actions),
    buildView(actions, ctx.announce),
    resultView(actions),
    listView(actions),
  ];
  const box = el("div", "sc");
  box.append(...views.map((v) => v.element));
  root.replaceChildren(box);

  const stop = ctx.lang.onChange(render);
  render();
  void actions.loadList();
  return { render, unmount: stop };
}
