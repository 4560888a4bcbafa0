/**
 * The workbook's scorecards, each with where it comes from and its Open, Refresh and Record this period buttons,
 * and a button to read the list again. Items are kept by scorecard (their settings name) and updated in place,
 * so a button the user pressed keeps focus while the list changes around it.
 *
 * Recording a period the history holds already opens a confirmation above the list (./confirm.ts): it takes the
 * focus; Replace records again, Cancel or Escape keeps the period; when it closes, the focus goes back to that
 * scorecard's Record button.
 */
import { displaySheet } from "../../../core/address";
import type { ScorecardActions } from "../actions";
import type { ScorecardEntry } from "../writer";
import { el } from "../../dom";
import { clause } from "../../host";
import { confirmPart } from "./confirm";
import { button, setButtonState, setText } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** One item's elements; `entry` is the one it shows now. */
interface Item {
  li: HTMLLIElement;
  info: HTMLElement;
  openBtn: HTMLButtonElement;
  refreshBtn: HTMLButtonElement;
  recordBtn: HTMLButtonElement;
  entry: ScorecardEntry;
}

/** Makes an item; its buttons act on whatever entry the item shows when pressed. */
function makeItem(entry: ScorecardEntry, actions: ScorecardActions): Item {
  const li = el("li", "sc-list-item");
  const info = el("div", "sc-list-info");
  const openBtn = button("", "open");
  const refreshBtn = button("", "refresh");
  const recordBtn = button("", "record");
  const item: Item = { li, info, openBtn, refreshBtn, recordBtn, entry };
  openBtn.addEventListener("click", () => void actions.open(item.entry.sheet));
  refreshBtn.addEventListener("click", () => void actions.refresh(item.entry));
  recordBtn.addEventListener("click", () => void actions.record(item.entry));
  const buttons = el("div", "sc-list-buttons");
  buttons.append(openBtn, refreshBtn, recordBtn);
  li.append(info, buttons);
  return item;
}

/** Brings an item up to date with its entry. */
function drawItem(item: Item, { state, t }: ViewModel): void {
  const entry = item.entry;
  item.li.dataset.sheet = entry.sheet;
  const src = `${displaySheet(entry.settings.source.sheet)}!${entry.settings.source.address}`;
  item.info.replaceChildren(
    el("strong", "", entry.sheet),
    el("span", "sc-help", t("scorecardPane.listItem", { asOf: entry.settings.asOf, source: src })),
    ...(entry.settingsFrom === "index" ? [el("span", "sc-help", t("scorecardPane.fromIndex"))] : []),
  );
  setText(item.openBtn, t("scorecardPane.openSheet"));
  setText(item.refreshBtn, t("scorecardPane.refresh"));
  // The buttons repeat from item to item: their names say which scorecard (the visible word first).
  item.openBtn.setAttribute("aria-label", t("scorecardPane.open", { sheet: entry.sheet }));
  item.refreshBtn.setAttribute("aria-label", t("scorecardPane.refreshNamed", { sheet: entry.sheet }));
  item.refreshBtn.title = t("scorecardPane.refreshHelp");
  setText(item.recordBtn, t("scorecardPane.record"));
  item.recordBtn.setAttribute("aria-label", t("scorecardPane.recordNamed", { sheet: entry.sheet }));
  item.recordBtn.title = t("scorecardPane.recordHelp");
  const busy = state.busy;
  const mine = busy?.entry === entry.settingsName;
  setButtonState(item.refreshBtn, busy === null, busy?.kind === "refresh" && mine);
  setButtonState(item.recordBtn, busy === null, busy?.kind === "record" && mine);
}

/** The list of scorecards. */
export function listView(actions: ScorecardActions): View {
  const element = el("div", "sc-list");
  const header = el("div", "sc-list-header");
  const title = el("h3");
  const reload = button("", "reload-list", "link-button");
  reload.addEventListener("click", () => void actions.loadList());
  header.append(title, reload);
  const body = el("div", "sc-list-body");
  const note = el("p");
  const ul = el("ul", "sc-list-items");
  element.append(header, body);
  const items = new Map<string, Item>();
  const confirm = confirmPart(actions, (settingsName) => {
    const entry = items.get(settingsName)?.entry;
    if (entry !== undefined) void actions.record(entry, true);
  });
  element.insertBefore(confirm.element, body);

  const update = (m: ViewModel): void => {
    const { state, t } = m;
    const { list } = state;
    // The confirmation is drawn last: closing it gives the focus back to a Record button that is up to date.
    const done = (): void => confirm.update(m, (settingsName) => items.get(settingsName)?.recordBtn ?? null);
    setText(title, t("scorecardPane.listTitle"));
    setText(reload, t("scorecardPane.reloadList"));
    setButtonState(reload, state.available && list.status !== "loading");
    element.hidden = !state.available;
    const entries = list.entries ?? [];
    const message =
      list.status === "loading"
        ? { cls: "sc-help", text: t("scorecardPane.listLoading") }
        : list.status === "error"
          ? { cls: "error", text: t("scorecardPane.listFailed", { detail: clause(list.error) }) }
          : entries.length === 0
            ? { cls: "sc-help", text: t("scorecardPane.listEmpty") }
            : null;
    if (message !== null) {
      note.className = message.cls;
      setText(note, message.text);
      if (body.firstChild !== note || body.childNodes.length !== 1) body.replaceChildren(note);
      done();
      return;
    }
    const keep = new Set(entries.map((e) => e.settingsName));
    for (const [key, item] of items) {
      if (keep.has(key)) continue;
      item.li.remove();
      items.delete(key);
    }
    entries.forEach((entry, i) => {
      let item = items.get(entry.settingsName);
      if (item === undefined) {
        item = makeItem(entry, actions);
        items.set(entry.settingsName, item);
      }
      item.entry = entry;
      drawItem(item, m);
      if (ul.children[i] !== item.li) ul.insertBefore(item.li, ul.children[i] ?? null);
    });
    if (body.firstChild !== ul) body.replaceChildren(ul);
    done();
  };
  return { element, update };
}
