/**
 * The top of every section that reads a source range from the selection (the scorecard, the customer analysis):
 * what to select, the Use selection button, where the selection is and how reading it went (a status line that
 * screen readers announce).
 */
import { el } from "../dom";
import type { SelectionRead } from "../scorecard/selection";
import { button, setButtonState, setChoices, setText } from "./parts";

/** The part of a section's state the selection part shows. */
export interface SelectionPartState {
  readonly available: boolean;
  readonly busy: { readonly kind: string } | null;
  readonly selectionProblem: unknown;
  readonly selection: SelectionRead | null;
}

/** A selection part's texts in the pane's language. */
export interface SelectionPartTexts {
  readonly intro: string;
  readonly use: string;
  readonly status: string;
  /** The source line for the selection's address and its data rows (below the header). */
  source(address: string, rows: number): string;
}

/**
 * The selection part every section with a source range shows: intro, Use selection (button `id`, calling
 * `use`), the source line and the status; `update` redraws it from the section's state and texts.
 */
export function selectionPart(
  id: string,
  use: () => void,
): { element: HTMLElement; update(state: SelectionPartState, t: SelectionPartTexts): void } {
  const element = el("div", "sc-selection-part");
  const intro = el("p", "sc-help");
  const useBtn = button("", "use-selection", "primary");
  useBtn.id = id;
  useBtn.addEventListener("click", use);
  const actionsRow = el("div", "sc-actions");
  actionsRow.append(useBtn);
  const sourceLine = el("p", "sc-source");
  const status = el("p", "sc-status");
  status.setAttribute("role", "status");
  element.append(intro, actionsRow, sourceLine, status);
  const update = (state: SelectionPartState, t: SelectionPartTexts): void => {
    setText(intro, t.intro);
    setText(useBtn, t.use);
    setButtonState(useBtn, state.available && state.busy === null, state.busy?.kind === "select");
    setText(status, t.status);
    status.classList.toggle("error", state.selectionProblem !== null);
    const sel = state.selection;
    setText(sourceLine, sel ? t.source(sel.address, Math.max(0, (sel.source.blocks[0]?.values.length ?? 1) - 1)) : "");
    sourceLine.hidden = sel === null;
  };
  return { element, update };
}

/** The mapping part's texts in the pane's language. */
export interface MappingTexts<K extends string> {
  readonly title: string;
  readonly help: string;
  /** The list entry that maps no column. */
  readonly notUsed: string;
  /** What a blank header shows as. */
  readonly blank: string;
  /** The label of the list for `key` (a role, a log column), "(required)" included where it is. */
  label(key: K): string;
}

/** What the mapping part shows: the selection's columns and which one each key is mapped to. */
export interface MappingPartState<K extends string> {
  /** The columns' letters ("A", "B", …) and their headers, in selection order. */
  readonly letters: readonly string[];
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<K, number | null>>;
  /** The section is at work: the lists cannot be changed meanwhile. */
  readonly busy: boolean;
}

/**
 * The mapping card every section with a source range shows: a title, a help line and one labelled list per key
 * (the scorecard's roles, the analysis log's columns), each offering the selection's columns by letter and header.
 * The lists are made once (id `${prefix}-${key}`, `data-${dataKey}` = key) and updated in place, so the one the
 * user is changing (with ↑/↓, say) keeps the focus; `onChange(key, value)`: "" for not used, else the column's index.
 */
export function mappingPart<K extends string>(
  keys: readonly K[],
  ids: { prefix: string; dataKey: string },
  onChange: (key: K, value: string) => void,
): { element: HTMLElement; update(state: MappingPartState<K>, texts: MappingTexts<K>): void } {
  const element = el("div", "sc-card sc-mapping");
  const title = el("h3");
  const help = el("p", "sc-help");
  const grid = el("div", "sc-mapping-grid");
  const rows = keys.map((key) => {
    const label = el("label");
    const select = el("select");
    select.id = `${ids.prefix}-${key}`;
    select.dataset[ids.dataKey] = key;
    label.htmlFor = select.id;
    select.addEventListener("change", () => onChange(key, select.value));
    grid.append(label, select);
    return { key, label, select };
  });
  element.append(title, help, grid);
  const update = (state: MappingPartState<K>, texts: MappingTexts<K>): void => {
    setText(title, texts.title);
    setText(help, texts.help);
    const count = Math.max(state.letters.length, state.headers.length);
    const columns = Array.from({ length: count }, (_, i) => {
      const header = state.headers[i] ?? "";
      return { value: String(i), text: `${state.letters[i] ?? i + 1}: ${header === "" ? texts.blank : header}` };
    });
    for (const row of rows) {
      setText(row.label, texts.label(row.key));
      const current = state.mapping[row.key];
      setChoices(row.select, [{ value: "", text: texts.notUsed }, ...columns], current === null ? "" : String(current));
      row.select.disabled = state.busy;
    }
  };
  return { element, update };
}
