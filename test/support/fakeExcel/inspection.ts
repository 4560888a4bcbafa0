/**
 * What tests read and type through the host, outside Office.js (not recorded): host.cell/values/formulas/
 * numberFormats/usedAddress, setCell/setValues (a user typing), select, snapshot (the whole workbook as plain
 * data, for "unchanged" assertions) and argumentValues (a range as the platform passes it to a custom function).
 */
import { cellRect, keyCol, keyRow, parseRect, qualified, rectAddress, splitSheet, type Rect } from "./a1";
import type { BookState } from "./bookState";
import { clone } from "./cellValues";
import type { HostEnv } from "./hostEnv";
import { cellFormat, cellFormula, cellValue, eachInput, type SheetState } from "./sheetState";
import type { FakeCellSpec, FakeCellState, FakeHost, FakeWorkbookSnapshot } from "./types";

type Inspection = Pick<
  FakeHost,
  | "sheetNames"
  | "activeSheetName"
  | "selectionAddresses"
  | "cell"
  | "values"
  | "formulas"
  | "numberFormats"
  | "usedAddress"
  | "setCell"
  | "setValues"
  | "select"
  | "snapshot"
  | "argumentValues"
>;

/** The sheet (default: the active one) and rect of an address; throws a plain Error for a bad one. */
function at(book: BookState, address: string): { sheet: SheetState; rect: Rect } {
  const { sheet: sheetName, ref } = splitSheet(address);
  const sheet = sheetName === null ? book.active : book.findSheet(sheetName);
  if (!sheet) throw new Error(`fake host: no sheet in "${address}"`);
  const rect = parseRect(ref);
  if (!rect) throw new Error(`fake host: "${address}" is not an A1 address`);
  return { sheet, rect };
}

/** Selects areas of one sheet and makes it active (host.select, config.selection). */
export function selectAreas(book: BookState, areas: string | string[]): void {
  const list = Array.isArray(areas) ? areas : [areas];
  const parsed = list.map((a) => at(book, a));
  const sheet = parsed[0]!.sheet;
  if (parsed.some((p) => p.sheet !== sheet)) throw new Error("fake host: a selection lies on one sheet");
  book.active = sheet;
  book.selection = {
    sheet,
    rects: parsed.map((p) => p.rect),
    active: { r: parsed[0]!.rect.r0, c: parsed[0]!.rect.c0 },
  };
}

function snapshotOf(book: BookState): FakeWorkbookSnapshot {
  return {
    activeSheet: book.active ? book.active.name : null,
    sheets: book.liveSheets().map((s) => {
      const cells: FakeWorkbookSnapshot["sheets"][number]["cells"] = {};
      const keys = Array.from(s.cells.keys()).sort((a, b) => a - b);
      for (const key of keys) {
        const cell = s.cells.get(key)!;
        const out: FakeWorkbookSnapshot["sheets"][number]["cells"][string] = { value: cell.v === null ? "" : cell.v };
        if (cell.f !== null) out.formula = cell.f;
        if (cell.nf !== null) out.numberFormat = cell.nf;
        if (cell.q) out.quotePrefix = true;
        cells[rectAddress(cellRect(keyRow(key), keyCol(key)))] = out;
      }
      return { name: s.name, visibility: s.visibility, props: clone(s.props), cells };
    }),
    names: book.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      visible: n.visible,
      scope: n.scope ? n.scope.name : null,
    })),
    settings: Object.fromEntries(Array.from(book.settings.entries()).map(([k, v]) => [k, clone(v)])),
    customXmlParts: book.xmlParts.map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
  };
}

export function inspection(env: HostEnv): Inspection {
  const { book, platform } = env;
  return {
    sheetNames: () => book.liveSheets().map((s) => s.name),
    activeSheetName: () => (book.active ? book.active.name : null),
    selectionAddresses: () => {
      const s = book.selection;
      return s ? s.rects.map((r) => qualified(s.sheet.name, r)) : [];
    },
    cell: (address): FakeCellState => {
      const { sheet, rect } = at(book, address);
      const cell = sheet.get(rect.r0, rect.c0);
      return {
        value: cell && cell.v !== null ? cell.v : "",
        formula: cell && cell.f !== null ? cell.f : null,
        numberFormat: cellFormat(cell),
        quotePrefix: !!(cell && cell.q),
        spilledFrom:
          cell && cell.parent !== null
            ? qualified(sheet.name, cellRect(keyRow(cell.parent), keyCol(cell.parent)))
            : null,
      };
    },
    values: (address) => {
      const { sheet, rect } = at(book, address);
      return sheet.grid(rect, cellValue);
    },
    formulas: (address) => {
      const { sheet, rect } = at(book, address);
      return sheet.grid(rect, cellFormula);
    },
    numberFormats: (address) => {
      const { sheet, rect } = at(book, address);
      return sheet.grid(rect, cellFormat);
    },
    usedAddress: (sheetName, valuesOnly) => {
      const sheet = book.findSheet(sheetName);
      const r = sheet && sheet.usedRect(valuesOnly !== false);
      return sheet && r ? qualified(sheet.name, r) : null;
    },
    setCell: (address, content: FakeCellSpec) => {
      const { sheet, rect } = at(book, address);
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) sheet.applySpec(r, c, content);
      }
      sheet.resolveSpills();
    },
    setValues: (address, rows) => {
      const { sheet, rect } = at(book, address);
      eachInput(rect, rows, "host.setValues", (r, c, v) => sheet.applySpec(r, c, v));
      sheet.resolveSpills();
    },
    select: (areas) => selectAreas(book, areas),
    snapshot: () => snapshotOf(book),
    argumentValues: (address) => {
      const { sheet, rect } = at(book, address);
      const desktop = platform === "PC" || platform === "Mac";
      return sheet.grid(rect, (cell) => (cell && cell.v !== null ? cell.v : desktop ? 0 : null));
    },
  };
}
