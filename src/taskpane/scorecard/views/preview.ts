/**
 * The preview of the selection: its column letters, headers and the role each column has, then the first rows.
 * Every cell reaches the page as text.
 */
import { COLUMN_ROLES, ColumnRole, ROLE_NAMES } from "../../../core/scorecard/headers";
import type { Lang } from "../../i18n";
import { columnLettersOf, SelectionRead } from "../selection";
import type { ColumnMapping } from "../../../core/scorecard/headers";
import { el } from "../../dom";
import { setText } from "../../views/parts";
import { type View, type ViewModel } from "./view";

/** How many data rows the preview shows. */
export const PREVIEW_ROWS = 5;

/** A cell value as the preview shows it. */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return JSON.stringify(v) ?? "";
}

/** The selection's columns, block after block. */
function columnsOf(selection: SelectionRead): unknown[][] {
  const columns: unknown[][] = [];
  for (const b of selection.source.blocks) {
    const width = b.values.reduce((w, row) => Math.max(w, row.length), 0);
    for (let c = 0; c < width; c++) columns.push(b.values.map((row) => row[c]));
  }
  return columns;
}

/** The preview table: a header row (letter, header, role) and up to `rows` data rows. */
function previewTable(selection: SelectionRead, mapping: ColumnMapping, lang: Lang, rows: number): HTMLTableElement {
  const columns = columnsOf(selection);
  const letters = columnLettersOf(selection.source);
  const roleOf = new Map<number, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const c = mapping[role];
    if (c !== null) roleOf.set(c, role);
  }
  const table = el("table", "sc-preview-table");
  const head = el("tr");
  columns.forEach((col, c) => {
    const th = el("th");
    const role = roleOf.get(c);
    th.append(el("span", "sc-col-letter", letters[c] ?? ""), el("span", "sc-col-header", shown(col[0])));
    if (role) th.append(el("span", "sc-col-role", ROLE_NAMES[lang][role]));
    else th.classList.add("sc-unmapped");
    head.append(th);
  });
  table.append(head);
  for (let r = 1; r <= rows; r++) {
    const tr = el("tr");
    for (const col of columns) tr.append(el("td", "", shown(col[r])));
    table.append(tr);
  }
  return table;
}

/** The preview card; its table is remade only when the selection, the mapping or the language changes. */
export function previewView(): View {
  const element = el("div", "sc-card sc-preview");
  const title = el("h3");
  title.id = "sc-preview-title";
  // The table scrolls sideways: the box takes keyboard focus (arrow keys scroll it) and is named by the title.
  const scroller = el("div", "sc-table-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-labelledby", title.id);
  element.append(title, scroller);
  let drawn: { selection: SelectionRead; mapping: ColumnMapping; lang: Lang } | null = null;

  const update = ({ state, t, lang }: ViewModel): void => {
    const { selection, reading } = state;
    element.hidden = selection === null || reading === null;
    if (selection === null || reading === null) return;
    const height = selection.source.blocks[0]?.values.length ?? 0;
    const rows = Math.min(PREVIEW_ROWS, Math.max(0, height - 1));
    setText(title, t("scorecardPane.previewTitle", { n: rows }));
    if (drawn?.selection === selection && drawn.mapping === reading.mapping && drawn.lang === lang) return;
    scroller.replaceChildren(previewTable(selection, reading.mapping, lang, rows));
    drawn = { selection, mapping: reading.mapping, lang };
  };
  return { element, update };
}
