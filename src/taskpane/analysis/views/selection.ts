/**
 * The top of the analysis section: Use selection, where the log is and how reading it went (a status line
 * screen readers hear), and the columns — one list per column of the log (customer, date, amount, category)
 * offering the selection's columns by letter and header, detected from the headers in English or Chinese.
 */
import { messageIdsOf } from "../../../core/analysis/labels";
import { LOG_COLUMNS } from "../../../core/analysis/logTable";
import type { MessageId } from "../../../core/messages/catalogue";
import { el } from "../../dom";
import { columnLettersOf } from "../../scorecard/selection";
import { selectionPart } from "../../views/selection";
import type { AnalysisActions } from "../actions";
import type { AnalysisState } from "../state";
import { setChoices, setText } from "../../views/parts";
import { say, type View, type ViewModel } from "./view";

const COLUMN_NAMES: Readonly<Record<(typeof LOG_COLUMNS)[number], MessageId>> = messageIdsOf(
  "analysis.logColumn",
  LOG_COLUMNS,
);

function statusText(state: AnalysisState, lang: ViewModel["lang"]): string {
  if (!state.available) return say(lang, "analysisPane.noExcel");
  if (state.busy?.kind === "select") return say(lang, "analysisPane.reading");
  const p = state.selectionProblem;
  if (p === null) return "";
  return p.kind === "empty"
    ? say(lang, "analysisPane.selectionEmpty")
    : say(lang, "analysisPane.selectionFailed", { detail: p.detail });
}

/** Intro, Use selection, the source line and the status (../../views/selection.ts). */
export function selectionView(actions: AnalysisActions): View {
  const part = selectionPart("an-use", () => void actions.useSelection());
  const update = ({ state, lang }: ViewModel): void =>
    part.update(state, {
      intro: say(lang, "analysisPane.useSelectionHelp"),
      use: say(lang, "analysisPane.useSelection"),
      status: statusText(state, lang),
      source: (address, rows) => say(lang, "analysisPane.source", { address, rows }),
    });
  return { element: part.element, update };
}

/** The columns card: a labelled list per log column. */
export function mappingView(actions: AnalysisActions): View {
  const element = el("div", "sc-card sc-mapping");
  const title = el("h3");
  const help = el("p", "sc-help");
  const grid = el("div", "sc-mapping-grid");
  const rows = LOG_COLUMNS.map((column) => {
    const label = el("label");
    const select = el("select");
    select.id = `an-column-${column}`;
    select.dataset.column = column;
    label.htmlFor = select.id;
    select.addEventListener("change", () => actions.changeColumn(column, select.value));
    grid.append(label, select);
    return { column, label, select };
  });
  element.append(title, help, grid);
  const update = ({ state, lang }: ViewModel): void => {
    const { reading, selection } = state;
    element.hidden = reading === null || selection === null;
    if (reading === null || selection === null) return;
    setText(title, say(lang, "analysisPane.mappingTitle"));
    setText(help, say(lang, "analysisPane.mappingHelp"));
    const letters = columnLettersOf(selection.source);
    const header = selection.source.blocks[0]?.values[0] ?? [];
    const blank = say(lang, "analysisPane.blankHeader");
    const names = letters.map((l, i) => {
      const h = header[i];
      const shown = typeof h === "string" || typeof h === "number" || typeof h === "boolean" ? String(h) : "";
      return `${l}: ${shown === "" ? blank : shown}`;
    });
    for (const row of rows) {
      const name = say(lang, COLUMN_NAMES[row.column]);
      setText(row.label, row.column === "category" ? name : say(lang, "analysisPane.required", { name }));
      const current = reading.columns[row.column];
      const choices = [
        { value: "", text: say(lang, "analysisPane.notUsed") },
        ...names.map((text, i) => ({ value: String(i), text })),
      ];
      setChoices(row.select, choices, current === null ? "" : String(current));
      row.select.disabled = state.busy !== null;
    }
  };
  return { element, update };
}
