/**
 * Excel.Range of the fake host (RangeAreas and RangeCollection: rangeAreasApi.ts): addresses, values, formulas, number
 * formats, text and value types; geometry (getCell, getOffsetRange, getResizedRange, getRow, getEntireColumn,
 * getLastCell, getRowsAbove, getIntersection, getBoundingRect, …); used ranges, spills, special cells, find,
 * clear, select and copyFrom (references are NOT adjusted). Writes take a 2-D array of exactly the range's
 * shape (else InvalidArgument) or one scalar for every cell; null leaves a cell unchanged, "" clears it.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellsToRects,
  intersect,
  keyCol,
  keyRow,
  normRect,
  qualified,
  rectAddress,
  rectCols,
  rectRows,
  type Rect,
} from "./a1";
import { liveSheet, type RangeTarget } from "./bookState";
import { displayText, type CellContent } from "./cellValues";
import { ClientObject } from "./clientObject";
import { invalidArgument, itemNotFound } from "./officeError";
import {
  cellFormat,
  cellFormula,
  cellType,
  cellValue,
  eachInput,
  matchText,
  type SearchCriteria,
  type SheetState,
} from "./sheetState";
import { RangeAreas } from "./rangeAreasApi";
import { Worksheet } from "./workbookApi";

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnIndex",
  "rowCount",
  "rowIndex",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
  "isEntireColumn",
  "isEntireRow",
  "hasSpill",
];

export const isEntireColumn = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;
export const isEntireRow = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;
const firstCellOf = (hits: [number, number][]): Rect => {
  const [r, c] = hits[0]!;
  return { r0: r, c0: c, r1: r, c1: c };
};

export class Range extends ClientObject<RangeTarget> {
  _scalars(): readonly string[] {
    return RANGE_SCALARS;
  }

  _target(): RangeTarget | null | undefined {
    const t = super._target();
    if (t) liveSheet(t.sheet, this._type);
    return t;
  }

  _read(p: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    switch (p) {
      case "address":
      case "addressLocal":
        return qualified(sheet.name, rect);
      case "cellCount":
        return rectRows(rect) * rectCols(rect);
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectCols(rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "values":
        return sheet.grid(rect, cellValue);
      case "formulas":
      case "formulasLocal":
        return sheet.grid(rect, cellFormula);
      case "numberFormat":
      case "numberFormatLocal":
        return sheet.grid(rect, cellFormat);
      case "text":
        return sheet.grid(rect, (cell) => (cell ? displayText(cell.v, cell.nf) : ""));
      case "valueTypes":
        return sheet.grid(rect, cellType);
      case "isEntireColumn":
        return isEntireColumn(rect);
      case "isEntireRow":
        return isEntireRow(rect);
      case "hasSpill":
        return hasSpill(sheet, rect);
      default:
        return null;
    }
  }

  _loadNav(name: string, rest: string, t: RangeTarget): boolean {
    return name === "worksheet" && this._loadInto(this.worksheetNav(false), t.sheet, rest);
  }

  get address(): unknown {
    return this._prop("address");
  }
  get addressLocal(): unknown {
    return this._prop("addressLocal");
  }
  get cellCount(): unknown {
    return this._prop("cellCount");
  }
  get rowCount(): unknown {
    return this._prop("rowCount");
  }
  get columnCount(): unknown {
    return this._prop("columnCount");
  }
  get rowIndex(): unknown {
    return this._prop("rowIndex");
  }
  get columnIndex(): unknown {
    return this._prop("columnIndex");
  }
  get valueTypes(): unknown {
    return this._prop("valueTypes");
  }
  get text(): unknown {
    return this._prop("text");
  }
  get isEntireColumn(): unknown {
    return this._prop("isEntireColumn");
  }
  get isEntireRow(): unknown {
    return this._prop("isEntireRow");
  }
  get hasSpill(): unknown {
    return this._prop("hasSpill");
  }

  get values(): unknown {
    return this._prop("values");
  }
  set values(v: unknown) {
    this._setProp("values", v, (t) => t.sheet.writeInputs(t.rect, v, "range.values", false));
  }

  get formulas(): unknown {
    return this._prop("formulas");
  }
  set formulas(v: unknown) {
    this._setProp("formulas", v, (t) => t.sheet.writeInputs(t.rect, v, "range.formulas", true));
  }

  get formulasLocal(): unknown {
    return this._prop("formulasLocal");
  }
  set formulasLocal(v: unknown) {
    this._setProp("formulasLocal", v, (t) => t.sheet.writeInputs(t.rect, v, "range.formulasLocal", true));
  }

  get numberFormat(): unknown {
    return this._prop("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._setProp("numberFormat", v, (t) =>
      eachInput(t.rect, v, "range.numberFormat", (r, c, nf) => t.sheet.setFormat(r, c, String(nf))),
    );
  }

  get numberFormatLocal(): unknown {
    return this._prop("numberFormatLocal");
  }
  set numberFormatLocal(v: unknown) {
    this._setProp("numberFormatLocal", v, (t) =>
      eachInput(t.rect, v, "range.numberFormatLocal", (r, c, nf) => t.sheet.setFormat(r, c, String(nf))),
    );
  }

  get worksheet(): Worksheet {
    return this.worksheetNav(true);
  }

  /** The range's worksheet; `queue` is false when made during a sync (by a load of "worksheet/…"). */
  private worksheetNav(queue: boolean): Worksheet {
    return this._navigation("worksheet", Worksheet, "worksheet", { sheet: this._hint.sheet }, queue, (t) =>
      t ? t.sheet : null,
    );
  }

  /** A child range from pure geometry (known at call time when the parent's rect is). */
  private geo(member: string, args: unknown[], f: (r: Rect) => Rect | null): Range {
    const parentRect = this._hint.rect;
    let rect: Rect | null = null;
    try {
      rect = parentRect ? f(parentRect) : null;
    } catch {
      rect = null;
    }
    return this._child(
      Range,
      "range",
      member,
      args,
      { sheet: this._hint.sheet, rect, address: rect ? rectAddress(rect) : undefined },
      (t) => {
        const r = f(t.rect);
        if (!r) throw invalidArgument(`${member}(${args.join(", ")}) is outside the sheet`, `range.${member}`);
        return { sheet: t.sheet, rect: r };
      },
    );
  }

  getCell(row: number, col: number): Range {
    return this.geo("getCell", [row, col], (r) =>
      normRect({ r0: r.r0 + row, c0: r.c0 + col, r1: r.r0 + row, c1: r.c0 + col }),
    );
  }

  getOffsetRange(dr: number, dc: number): Range {
    return this.geo("getOffsetRange", [dr, dc], (r) =>
      normRect({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc }),
    );
  }

  getResizedRange(dr: number, dc: number): Range {
    return this.geo("getResizedRange", [dr, dc], (r) =>
      r.r1 + dr < r.r0 || r.c1 + dc < r.c0 ? null : normRect({ r0: r.r0, c0: r.c0, r1: r.r1 + dr, c1: r.c1 + dc }),
    );
  }

  getAbsoluteResizedRange(rows: number, cols: number): Range {
    return this.geo("getAbsoluteResizedRange", [rows, cols], (r) =>
      rows < 1 || cols < 1 ? null : normRect({ r0: r.r0, c0: r.c0, r1: r.r0 + rows - 1, c1: r.c0 + cols - 1 }),
    );
  }

  getRow(i: number): Range {
    return this.geo("getRow", [i], (r) => normRect({ r0: r.r0 + i, c0: r.c0, r1: r.r0 + i, c1: r.c1 }));
  }

  getColumn(i: number): Range {
    return this.geo("getColumn", [i], (r) => normRect({ r0: r.r0, c0: r.c0 + i, r1: r.r1, c1: r.c0 + i }));
  }

  getEntireRow(): Range {
    return this.geo("getEntireRow", [], (r) => ({ r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COLS - 1 }));
  }

  getEntireColumn(): Range {
    return this.geo("getEntireColumn", [], (r) => ({ r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 }));
  }

  getLastCell(): Range {
    return this.geo("getLastCell", [], (r) => ({ r0: r.r1, c0: r.c1, r1: r.r1, c1: r.c1 }));
  }

  getLastRow(): Range {
    return this.geo("getLastRow", [], (r) => ({ r0: r.r1, c0: r.c0, r1: r.r1, c1: r.c1 }));
  }

  getLastColumn(): Range {
    return this.geo("getLastColumn", [], (r) => ({ r0: r.r0, c0: r.c1, r1: r.r1, c1: r.c1 }));
  }

  getRowsAbove(n?: number): Range {
    const k = n === undefined ? 1 : n;
    return this.geo("getRowsAbove", n === undefined ? [] : [n], (r) =>
      normRect({ r0: r.r0 - k, c0: r.c0, r1: r.r0 - 1, c1: r.c1 }),
    );
  }

  getRowsBelow(n?: number): Range {
    const k = n === undefined ? 1 : n;
    return this.geo("getRowsBelow", n === undefined ? [] : [n], (r) =>
      normRect({ r0: r.r1 + 1, c0: r.c0, r1: r.r1 + k, c1: r.c1 }),
    );
  }

  getColumnsBefore(n?: number): Range {
    const k = n === undefined ? 1 : n;
    return this.geo("getColumnsBefore", n === undefined ? [] : [n], (r) =>
      normRect({ r0: r.r0, c0: r.c0 - k, r1: r.r1, c1: r.c0 - 1 }),
    );
  }

  getColumnsAfter(n?: number): Range {
    const k = n === undefined ? 1 : n;
    return this.geo("getColumnsAfter", n === undefined ? [] : [n], (r) =>
      normRect({ r0: r.r0, c0: r.c1 + 1, r1: r.r1, c1: r.c1 + k }),
    );
  }

  /** The other range of getIntersection/getBoundingRect, resolved at sync (a Range or an address). */
  private otherRect(other: unknown, t: RangeTarget, member: string): Rect {
    if (typeof other === "string") {
      const o = this.env.book.resolveRef(other, t.sheet, `range.${member}`);
      if (o.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets", `range.${member}`);
      return o.rect;
    }
    const inner = this.env.log.isObject(other) ? (other as Range)._target() : null;
    if (!inner || !inner.rect) throw invalidArgument("expected a range", `range.${member}`);
    if (inner.sheet !== t.sheet) throw invalidArgument("the ranges are on different sheets", `range.${member}`);
    return inner.rect;
  }

  getIntersection(other: unknown): Range {
    return this._child(Range, "range", "getIntersection", [other], { sheet: this._hint.sheet }, (t) => {
      const r = intersect(t.rect, this.otherRect(other, t, "getIntersection"));
      if (!r) throw itemNotFound("the ranges do not intersect", "range.getIntersection");
      return { sheet: t.sheet, rect: r };
    });
  }

  getIntersectionOrNullObject(other: unknown): Range {
    return this._child(Range, "range", "getIntersectionOrNullObject", [other], { sheet: this._hint.sheet }, (t) => {
      let o: Rect;
      try {
        o = this.otherRect(other, t, "getIntersectionOrNullObject");
      } catch (e) {
        const x = e as { code?: string; message?: string } | null;
        if (x && x.code === "InvalidArgument" && /different sheets/.test(String(x.message))) return null;
        throw e;
      }
      const r = intersect(t.rect, o);
      return r ? { sheet: t.sheet, rect: r } : null;
    });
  }

  getBoundingRect(other: unknown): Range {
    return this._child(Range, "range", "getBoundingRect", [other], { sheet: this._hint.sheet }, (t) => {
      const o = this.otherRect(other, t, "getBoundingRect");
      return {
        sheet: t.sheet,
        rect: {
          r0: Math.min(t.rect.r0, o.r0),
          c0: Math.min(t.rect.c0, o.c0),
          r1: Math.max(t.rect.r1, o.r1),
          c1: Math.max(t.rect.c1, o.c1),
        },
      };
    });
  }

  /** The used part of the range, or ItemNotFound / a null object when it has none. */
  private usedPart(member: string, valuesOnly: unknown, throwIfNone: boolean): Range {
    return this._child(
      Range,
      "range",
      member,
      valuesOnly === undefined ? [] : [valuesOnly],
      { sheet: this._hint.sheet },
      (t) => {
        const used = t.sheet.usedRect(!!valuesOnly);
        const r = used && intersect(t.rect, used);
        if (r) return { sheet: t.sheet, rect: r };
        if (throwIfNone) throw itemNotFound("the range has no used cells", `range.${member}`);
        return null;
      },
    );
  }

  getUsedRange(valuesOnly?: unknown): Range {
    return this.usedPart("getUsedRange", valuesOnly, true);
  }

  getUsedRangeOrNullObject(valuesOnly?: unknown): Range {
    return this.usedPart("getUsedRangeOrNullObject", valuesOnly, false);
  }

  private spillTo(t: RangeTarget): RangeTarget | null {
    const key = t.sheet.spillAnchorOf(t.rect.r0, t.rect.c0);
    if (key === null || key !== t.sheet.key(t.rect.r0, t.rect.c0)) return null;
    const r = t.sheet.spillRect(key);
    return r ? { sheet: t.sheet, rect: r } : null;
  }

  private spillParent(t: RangeTarget): RangeTarget | null {
    const key = t.sheet.spillAnchorOf(t.rect.r0, t.rect.c0);
    if (key === null || !t.sheet.spillRect(key)) return null;
    const r = keyRow(key);
    const c = keyCol(key);
    return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
  }

  getSpillingToRange(): Range {
    return this._child(Range, "range", "getSpillingToRange", [], { sheet: this._hint.sheet }, (t) => {
      const r = this.spillTo(t);
      if (!r) throw itemNotFound("the cell is not a spill anchor", "range.getSpillingToRange");
      return r;
    });
  }

  getSpillingToRangeOrNullObject(): Range {
    return this._child(Range, "range", "getSpillingToRangeOrNullObject", [], { sheet: this._hint.sheet }, (t) =>
      this.spillTo(t),
    );
  }

  getSpillParent(): Range {
    return this._child(Range, "range", "getSpillParent", [], { sheet: this._hint.sheet }, (t) => {
      if (rectRows(t.rect) * rectCols(t.rect) !== 1)
        throw invalidArgument("getSpillParent needs a single cell", "range.getSpillParent");
      const r = this.spillParent(t);
      if (!r) throw itemNotFound("the cell is not part of a spill", "range.getSpillParent");
      return r;
    });
  }

  getSpillParentOrNullObject(): Range {
    return this._child(Range, "range", "getSpillParentOrNullObject", [], { sheet: this._hint.sheet }, (t) =>
      this.spillParent(t),
    );
  }

  getSpecialCells(type: unknown, valueType?: unknown): RangeAreas {
    return this._child(
      RangeAreas,
      "rangeAreas",
      "getSpecialCells",
      valueType === undefined ? [type] : [type, valueType],
      { sheet: this._hint.sheet },
      (t) => {
        const hits = t.sheet.specialCells(t.rect, type, valueType);
        if (!hits.length) throw itemNotFound("No cells were found.", "range.getSpecialCells");
        return { sheet: t.sheet, rects: cellsToRects(hits) };
      },
    );
  }

  getSpecialCellsOrNullObject(type: unknown, valueType?: unknown): RangeAreas {
    return this._child(
      RangeAreas,
      "rangeAreas",
      "getSpecialCellsOrNullObject",
      valueType === undefined ? [type] : [type, valueType],
      { sheet: this._hint.sheet },
      (t) => {
        const hits = t.sheet.specialCells(t.rect, type, valueType);
        return hits.length ? { sheet: t.sheet, rects: cellsToRects(hits) } : null;
      },
    );
  }

  find(text: unknown, criteria?: SearchCriteria): Range {
    return this._child(Range, "range", "find", [text, criteria], { sheet: this._hint.sheet }, (t) => {
      const hits = t.sheet.cellsWhere(t.rect, (cell) => matchText(cell, text, criteria));
      if (!hits.length) throw itemNotFound(`"${String(text)}" was not found`, "range.find");
      return { sheet: t.sheet, rect: firstCellOf(hits) };
    });
  }

  findOrNullObject(text: unknown, criteria?: SearchCriteria): Range {
    return this._child(Range, "range", "findOrNullObject", [text, criteria], { sheet: this._hint.sheet }, (t) => {
      const hits = t.sheet.cellsWhere(t.rect, (cell) => matchText(cell, text, criteria));
      return hits.length ? { sheet: t.sheet, rect: firstCellOf(hits) } : null;
    });
  }

  /** Deletes the range's cells, shifting the cells below up ("Up") or those to the right left ("Left"). */
  delete(shift: string): void {
    this._op("call", "delete", [shift], true, (t) => t.sheet.deleteRect(t.rect, shift));
  }

  clear(applyTo?: string): void {
    this._op("call", "clear", applyTo === undefined ? [] : [applyTo], true, (t) => t.sheet.clearRect(t.rect, applyTo));
  }

  select(): void {
    this._op("call", "select", [], false, (t) => {
      const book = this.env.book;
      book.active = t.sheet;
      book.selection = { sheet: t.sheet, rects: [t.rect], active: { r: t.rect.r0, c: t.rect.c0 } };
    });
  }

  copyFrom(source: unknown, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    const args: unknown[] = [source];
    if (copyType !== undefined) args.push(copyType);
    if (skipBlanks !== undefined) args.push(skipBlanks);
    if (transpose !== undefined) args.push(transpose);
    this._op("call", "copyFrom", args, true, (t) => {
      const src =
        typeof source === "string"
          ? this.env.book.resolveRef(source, t.sheet, "range.copyFrom")
          : (source as Range)._target();
      if (!src || !src.rect) throw invalidArgument("copyFrom needs a range", "range.copyFrom");
      copyCells(src, t, copyType || "All", !!skipBlanks, !!transpose);
    });
  }
}

/** Range.hasSpill: true when every cell is part of a spill, false when none is, null when mixed. */
function hasSpill(sheet: SheetState, rect: Rect): boolean | null {
  let yes = 0;
  let no = 0;
  for (let r = rect.r0; r <= rect.r1 && !(yes && no); r++) {
    for (let c = rect.c0; c <= rect.c1 && !(yes && no); c++) {
      const key = sheet.spillAnchorOf(r, c);
      if (key !== null && sheet.spillRect(key)) yes++;
      else no++;
    }
  }
  return yes && no ? null : !!yes;
}

/** Range.copyFrom: values, formulas and/or formats cell by cell (references are not adjusted). */
function copyCells(src: RangeTarget, t: RangeTarget, kind: string, skipBlanks: boolean, transpose: boolean): void {
  const rows = rectRows(src.rect);
  const cols = rectCols(src.rect);
  type Copied = { v: unknown; f: string | null; nf: string | null; q: boolean } | null;
  const snap: Copied[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: Copied[] = [];
    for (let j = 0; j < cols; j++) {
      const cell = src.sheet.get(src.rect.r0 + i, src.rect.c0 + j);
      row.push(cell ? { v: cell.v, f: cell.f, nf: cell.nf, q: cell.q } : null);
    }
    snap.push(row);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = snap[i]![j] ?? null;
      const [r, c] = transpose ? [t.rect.r0 + j, t.rect.c0 + i] : [t.rect.r0 + i, t.rect.c0 + j];
      if (r >= MAX_ROWS || c >= MAX_COLS) throw invalidArgument("the copy does not fit", "range.copyFrom");
      if (skipBlanks && (!s || (s.v === null && s.f === null))) continue;
      if (kind === "Values" || kind === "All" || kind === "Formulas") {
        let content: CellContent;
        if (!s || (s.v === null && s.f === null)) content = { clear: true };
        else if (kind !== "Values" && s.f !== null) content = { formula: s.f };
        else content = { value: s.v, quotePrefix: s.q };
        t.sheet.writeCell(r, c, content);
      }
      if (kind === "Formats" || kind === "All") t.sheet.setFormat(r, c, s ? s.nf : null);
    }
  }
  t.sheet.resolveSpills();
}
