/**
 * The "Prepare for sharing" section of the task pane: Check / Freeze all / Freeze selection / Restore, a progress
 * line with Cancel, the results and the conflicts. Texts follow the pane's language and change with it.
 *
 * Made of a state (./state.ts: one plain object and the functions that make the next one), actions
 * (./actions.ts: what the buttons do, through the pane's host and ./excelSharing.ts) and views (./views/*: each
 * draws one part, in place). This file puts them together under the pane's one mount signature (../section.ts).
 *
 * Freeze all asks first (./views/confirm.ts). No maths here: the numbers shown come from the core's plans and
 * summaries.
 */
import type { PaneContext, Section } from "../section";
import { el } from "../dom";
import { translator } from "../i18n";
import { createStore } from "../store";
import { sharingActions } from "./actions";
import { initialState, sectionState, type SharingState } from "./state";
import { buttonsView, helpView } from "./views/buttons";
import { confirmView } from "./views/confirm";
import { conflictsView } from "./views/conflicts";
import { progressView } from "./views/progress";
import { resultsView } from "./views/results";
import { statusView } from "./views/status";
import type { View } from "./views/view";

/**
 * Mounts the section into `root` (#sharing-root). In taskpane.ts, once Office is ready:
 * `mountSharing(document.getElementById("sharing-root")!, paneContext());`
 */
export function mountSharing(root: HTMLElement, ctx: PaneContext): Section {
  const t = translator(() => ctx.lang.current());
  const box = el("div", "sharing");
  let views: View[] = [];
  const render = (state: SharingState = store.get()): void => {
    box.dataset.state = sectionState(state);
    const model = { state, t, lang: ctx.lang.current() };
    for (const v of views) v.update(model);
  };
  const store = createStore(initialState(ctx.host.available), render);
  // The focus goes to views made just below (called only after a click, when they exist).
  const actions = sharingActions(store, ctx.host, {
    confirm: () => dialog.element.focus(),
    freezeAll: () => row.freezeAll.focus(),
  });
  const row = buttonsView(actions);
  const dialog = confirmView(actions);
  views = [helpView(), row, dialog, progressView(actions), statusView(), resultsView(), conflictsView()];
  box.append(...views.map((v) => v.element));
  root.replaceChildren(box);

  const stop = ctx.lang.onChange(() => render());
  render();
  return { render: () => render(), unmount: stop };
}
