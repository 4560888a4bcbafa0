/**
 * The top of the analysis section: Use selection, where the log is and how reading it went (a status line
 * screen readers hear), and the columns — one list per column of the log (customer, date, amount, category)
 * offering the selection's columns by letter and header, detected from the headers in English or Chinese.
 */
import { messageIdsOf } from "../../../core/analysis/labels";
import { LOG_COLUMNS } from "../../../core/analysis/logTable";
import type { MessageId } from "../../../core/messages/catalogue";
import { columnLettersOf } from "../../scorecard/selection";
import { mappingPart, selectionPart } from "../../views/selection";
import type { AnalysisActions } from "../actions";
import type { AnalysisState } from "../state";
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

/** A header cell as the columns card shows it: text, a number or a logical as written, anything else blank. */
function headerText(h: unknown): string {
  return typeof h === "string" || typeof h === "number" || typeof h === "boolean" ? String(h) : "";
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

/** The columns card: a labelled list per log column (the pane's mapping part, ../../views/selection.ts). */
export function mappingView(actions: AnalysisActions): View {
  const part = mappingPart(LOG_COLUMNS, { prefix: "an-column", dataKey: "column" }, (column, value) =>
    actions.changeColumn(column, value),
  );
  const update = ({ state, lang }: ViewModel): void => {
    const { reading, selection } = state;
    part.element.hidden = reading === null || selection === null;
    if (reading === null || selection === null) return;
    const letters = columnLettersOf(selection.source);
    const header = selection.source.blocks[0]?.values[0] ?? [];
    part.update(
      {
        letters,
        headers: letters.map((_, i) => headerText(header[i])),
        mapping: reading.columns,
        busy: state.busy !== null,
      },
      {
        title: say(lang, "analysisPane.mappingTitle"),
        help: say(lang, "analysisPane.mappingHelp"),
        notUsed: say(lang, "analysisPane.notUsed"),
        blank: say(lang, "analysisPane.blankHeader"),
        label: (column) => {
          const name = say(lang, COLUMN_NAMES[column]);
          return column === "category" ? name : say(lang, "analysisPane.required", { name });
        },
      },
    );
  };
  return { element: part.element, update };
}
