/**
 * One sheet of the fake workbook: its cells and what writing to them does — typed input, formulas and their
 * results, spills (an anchor's 2-D result fills the cells below/right, "#SPILL!" when blocked), number formats,
 * clearing — and the reads built on them: grids of values, the used range, searches and special cells.
 */
import { MAX_COLS, MAX_ROWS, cellKey, inRect, intersect, keyCol, keyRow, rectCols, rectRows, type Rect } from "./a1";
import { displayText, isSpillResult, parseInput, scalarOf, valueType, type CellContent } from "./cellValues";
import { invalidArgument, officeError } from "./officeError";

/** A stored cell: value, formula, number format, quote prefix, spill result (anchor) or spill parent (ghost). */
export interface Cell {
  v: unknown;
  f: string | null;
  nf: string | null;
  q: boolean;
  arr: unknown[][] | null;
  parent: number | null;
}

/** Where formula results come from (the workbook: an evaluator, the cell's last result, or a literal). */
export interface FormulaResults {
  evaluate(sheet: SheetState, r: number, c: number, formula: string): unknown;
  /** Remembers a formula's result before the cell changes, so a later write of the same formula gets it back. */
  remember(sheet: SheetState, key: number, formula: string, result: unknown): void;
}

/** Find options of Range.find / Worksheet.findAll. */
export interface SearchCriteria {
  matchCase?: boolean;
  completeMatch?: boolean;
}

export const cellValue = (cell: Cell | undefined): unknown => (cell && cell.v !== null ? cell.v : "");
export const cellFormula = (cell: Cell | undefined): unknown =>
  cell ? (cell.f !== null ? cell.f : cell.v !== null ? cell.v : "") : "";
export const cellFormat = (cell: Cell | undefined): string => (cell && cell.nf !== null ? cell.nf : "General");
export const cellType = (cell: Cell | undefined): string => (cell ? valueType(cell.v, cell.f !== null) : "Empty");

/** Applies a 2-D (or scalar) input to every cell of rect; null leaves a cell unchanged; a wrong shape throws. */
export function eachInput(
  rect: Rect,
  input: unknown,
  location: string,
  fn: (r: number, c: number, v: unknown) => void,
) {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) return;
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c, input);
    return;
  }
  const grid = input as unknown[];
  if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${grid.length}×${Array.isArray(grid[0]) ? grid[0].length : "?"}`;
    throw officeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (range ${rows}×${cols}, input ${got})`,
      location,
    );
  }
  for (let i = 0; i < rows; i++) {
    const row = grid[i] as unknown[];
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (v !== null && v !== undefined) fn(rect.r0 + i, rect.c0 + j, v);
    }
  }
}

/** Whether a cell matches a search: formula text for formula cells, display text for the others. */
export function matchText(cell: Cell | undefined, text: unknown, criteria?: SearchCriteria): boolean {
  if (!cell || (cell.v === null && cell.f === null)) return false;
  const subject = String(cell.f !== null ? cell.f : displayText(cell.v, cell.nf));
  const cs = criteria && criteria.matchCase;
  const a = cs ? subject : subject.toLowerCase();
  const b = cs ? String(text) : String(text).toLowerCase();
  return criteria && criteria.completeMatch ? a === b : a.includes(b);
}

/** Which value types each getSpecialCells valueType selects. */
const SPECIAL_VALUE_TYPES: Readonly<Record<string, readonly string[]>> = {
  Errors: ["Error"],
  Logical: ["Boolean"],
  Numbers: ["Double"],
  Text: ["String"],
  ErrorsLogical: ["Error", "Boolean"],
  ErrorsNumbers: ["Error", "Double"],
  ErrorsText: ["Error", "String"],
  LogicalNumbers: ["Boolean", "Double"],
  LogicalText: ["Boolean", "String"],
  NumbersText: ["Double", "String"],
  ErrorsLogicalNumber: ["Error", "Boolean", "Double"],
  ErrorsLogicalText: ["Error", "Boolean", "String"],
  ErrorsNumberText: ["Error", "Double", "String"],
  LogicalNumbersText: ["Boolean", "Double", "String"],
};

export class SheetState {
  readonly id: string;
  name: string;
  /** key → cell; empty cells are absent. */
  readonly cells = new Map<number, Cell>();
  /** Keys of the cells whose formula result spills. */
  readonly anchors = new Set<number>();
  visibility = "Visible";
  /** Generic properties written through the recording proxy (tabColor, showGridlines, …). */
  props: Record<string, unknown> = {};
  deleted = false;

  constructor(
    name: string,
    serial: number,
    private readonly formulas: FormulaResults,
  ) {
    this.id = `{00000000-0001-0000-${String(serial).padStart(4, "0")}-000000000000}`;
    this.name = name;
  }

  key(r: number, c: number): number {
    return cellKey(r, c);
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(cellKey(r, c));
  }

  private cellFor(key: number): Cell {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { v: null, f: null, nf: null, q: false, arr: null, parent: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  private tidy(key: number, cell: Cell): void {
    if (cell.v === null && cell.f === null && cell.nf === null && !cell.arr && cell.parent === null)
      this.cells.delete(key);
  }

  /** Empties the cells an anchor's spill filled. */
  private removeGhosts(key: number, cell: Cell): void {
    if (!cell.arr) return;
    const r0 = keyRow(key);
    const c0 = keyCol(key);
    for (let i = 0; i < cell.arr.length; i++) {
      for (let j = 0; j < cell.arr[i]!.length; j++) {
        const k = cellKey(r0 + i, c0 + j);
        const g = this.cells.get(k);
        if (g && g.parent === key) {
          g.parent = null;
          g.v = null;
          this.tidy(k, g);
        }
      }
    }
  }

  /** Writes content into one cell: { clear } | { value, quotePrefix } | { formula, result? }. */
  writeCell(r: number, c: number, content: CellContent): void {
    const key = cellKey(r, c);
    const existing = this.cells.get(key);
    if (existing && existing.parent !== null) {
      if ("clear" in content) return; // part of a spill cannot be cleared
      existing.parent = null;
      existing.v = null;
    }
    const cell = this.cellFor(key);
    if (cell.f !== null) this.formulas.remember(this, key, cell.f, cell.arr || cell.v);
    if (cell.arr) {
      this.removeGhosts(key, cell);
      cell.arr = null;
      this.anchors.delete(key);
    }
    cell.q = false;
    if ("clear" in content) {
      cell.v = null;
      cell.f = null;
    } else if ("formula" in content) {
      cell.f = content.formula;
      const res = content.result !== undefined ? content.result : this.formulas.evaluate(this, r, c, content.formula);
      if (isSpillResult(res)) {
        cell.arr = res.map((row) => row.slice());
        cell.v = scalarOf(res);
        this.anchors.add(key);
      } else {
        cell.v = scalarOf(res);
      }
    } else {
      cell.v = content.value;
      cell.f = null;
      cell.q = !!content.quotePrefix;
    }
    this.tidy(key, cell);
  }

  /** Sets one cell's number format ("General" or "" resets it). */
  setFormat(r: number, c: number, nf: string | null): void {
    const key = cellKey(r, c);
    const cell = this.cellFor(key);
    cell.nf = nf === "General" || nf === "" ? null : nf;
    this.tidy(key, cell);
  }

  /** Spills every anchor whose area is free, blocks (#SPILL!) the others. */
  resolveSpills(): void {
    for (const key of this.anchors) {
      const anchor = this.cells.get(key);
      if (!anchor || !anchor.arr) continue;
      const r0 = keyRow(key);
      const c0 = keyCol(key);
      const rows = anchor.arr.length;
      const cols = Math.max(...anchor.arr.map((row) => row.length));
      let blocked = r0 + rows > MAX_ROWS || c0 + cols > MAX_COLS;
      for (let i = 0; i < rows && !blocked; i++) {
        for (let j = 0; j < cols && !blocked; j++) {
          if (i === 0 && j === 0) continue;
          const g = this.get(r0 + i, c0 + j);
          if (g && g.parent !== key && (g.v !== null || g.f !== null || g.parent !== null)) blocked = true;
        }
      }
      if (blocked) {
        this.removeGhosts(key, anchor);
        anchor.v = "#SPILL!";
        continue;
      }
      const first = anchor.arr[0]![0];
      anchor.v = first === undefined ? null : first;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          if (i === 0 && j === 0) continue;
          const g = this.cellFor(cellKey(r0 + i, c0 + j));
          const v = anchor.arr[i]![j];
          g.v = v === undefined ? null : v;
          g.parent = key;
          g.f = null;
        }
      }
    }
  }

  /** The key of the spill anchor whose result covers (r, c), or null. */
  spillAnchorOf(r: number, c: number): number | null {
    const cell = this.get(r, c);
    if (!cell) return null;
    if (cell.arr) return cellKey(r, c);
    if (cell.parent !== null) return cell.parent;
    return null;
  }

  /** The area an anchor spills into, or null when it does not spill (or is blocked). */
  spillRect(key: number): Rect | null {
    const a = this.cells.get(key);
    if (!a || !a.arr || a.v === "#SPILL!") return null;
    const r0 = keyRow(key);
    const c0 = keyCol(key);
    return { r0, c0, r1: r0 + a.arr.length - 1, c1: c0 + Math.max(...a.arr.map((row) => row.length)) - 1 };
  }

  /** The used range: cells with a value, formula or spill (and, unless valuesOnly, a number format). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of this.cells) {
      const has = cell.v !== null || cell.f !== null || cell.parent !== null || (!valuesOnly && cell.nf !== null);
      if (!has) continue;
      const r = keyRow(key);
      const c = keyCol(key);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** fn of every cell of rect, as rows. */
  grid<T>(rect: Rect, fn: (cell: Cell | undefined) => T): T[][] {
    const out = new Array<T[]>(rectRows(rect));
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = new Array<T>(rectCols(rect));
      for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = fn(this.get(r, c));
      out[r - rect.r0] = row;
    }
    return out;
  }

  /** Range.values / formulas writes: typed input per cell (formulas kept as formulas when asFormulas). */
  writeInputs(rect: Rect, input: unknown, location: string, asFormulas: boolean): void {
    eachInput(rect, input, location, (r, c, v) => {
      const nf = cellFormat(this.get(r, c));
      const content: CellContent =
        asFormulas && typeof v === "string" && v.startsWith("=") ? { formula: v } : parseInput(v, nf);
      this.writeCell(r, c, content);
    });
    this.resolveSpills();
  }

  /** Range.clear(applyTo): contents, formats or both. */
  /**
   * Range.delete: removes the cells of rect and moves the cells below it (shift "Up", the same columns) or to its
   * right (shift "Left", the same rows) into the gap. Spills are not re-evaluated (the fake's scorecard history
   * has none).
   */
  deleteRect(rect: Rect, shift: string): void {
    const up = shift !== "Left";
    const by = up ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
    const moved: [number, Cell][] = [];
    for (const [key, cell] of [...this.cells]) {
      const r = keyRow(key);
      const c = keyCol(key);
      const inBand = up ? c >= rect.c0 && c <= rect.c1 : r >= rect.r0 && r <= rect.r1;
      if (!inBand) continue;
      const pos = up ? r : c;
      const start = up ? rect.r0 : rect.c0;
      const end = up ? rect.r1 : rect.c1;
      if (pos < start) continue;
      this.cells.delete(key);
      this.anchors.delete(key);
      if (pos > end) moved.push([up ? cellKey(r - by, c) : cellKey(r, c - by), cell]);
    }
    for (const [key, cell] of moved) this.cells.set(key, cell);
  }

  clearRect(rect: Rect, applyTo?: string): void {
    const what = applyTo || "All";
    const contents = what === "All" || what === "Contents" || what === "ResetContents";
    const formats = what === "All" || what === "Formats";
    const keys: number[] = [];
    for (const key of this.cells.keys()) if (inRect(rect, keyRow(key), keyCol(key))) keys.push(key);
    for (const key of keys) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (contents) this.writeCell(r, c, { clear: true });
      if (formats && this.cells.has(key)) this.setFormat(r, c, null);
    }
    this.resolveSpills();
  }

  /** The [row, column] of the stored cells of rect that pass pred, row-major. */
  cellsWhere(rect: Rect, pred: (cell: Cell) => boolean): [number, number][] {
    const hits: [number, number][] = [];
    for (const [key, cell] of this.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (inRect(rect, r, c) && pred(cell)) hits.push([r, c]);
    }
    hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return hits;
  }

  /** getSpecialCells(type, valueType) for Formulas, Constants and Blanks. */
  specialCells(rect: Rect, type: unknown, valueTypeName?: unknown): [number, number][] {
    const vt = typeof valueTypeName === "string" && valueTypeName ? valueTypeName : "All";
    const typeOk = (cell: Cell): boolean => {
      if (vt === "All") return true;
      const want = SPECIAL_VALUE_TYPES[vt];
      return !want || want.includes(valueType(cell.v, cell.f !== null));
    };
    if (type === "Formulas") return this.cellsWhere(rect, (cell) => cell.f !== null && typeOk(cell));
    if (type === "Constants")
      return this.cellsWhere(rect, (cell) => cell.f === null && cell.v !== null && typeOk(cell));
    if (type === "Blanks") {
      const used = this.usedRect(false);
      const area = used && intersect(rect, used);
      if (!area) return [];
      const hits: [number, number][] = [];
      for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) {
          const cell = this.get(r, c);
          if (!cell || (cell.v === null && cell.f === null)) hits.push([r, c]);
        }
      }
      return hits;
    }
    throw invalidArgument(`getSpecialCells("${String(type)}") is not emulated by the fake host`);
  }

  /**
   * A cell of the initial workbook or typed by a user (host.setCell): a value parsed like typed input,
   * { value, numberFormat } or { formula, value } (the formula's current result).
   */
  applySpec(r: number, c: number, content: unknown): void {
    if (content !== null && typeof content === "object" && !Array.isArray(content)) {
      const spec = content as { value?: unknown; formula?: string; numberFormat?: string | null };
      if (spec.formula !== undefined) {
        this.writeCell(r, c, { formula: String(spec.formula), result: spec.value });
      } else if (spec.value !== undefined && spec.value !== null) {
        this.writeCell(r, c, parseInput(spec.value, spec.numberFormat === "@" ? "@" : cellFormat(this.get(r, c))));
      } else if (spec.value === null) {
        this.writeCell(r, c, { clear: true });
      }
      if (spec.numberFormat !== undefined) this.setFormat(r, c, spec.numberFormat);
      return;
    }
    if (content === null || content === undefined || content === "") this.writeCell(r, c, { clear: true });
    else if (typeof content === "string") this.writeCell(r, c, parseInput(content, cellFormat(this.get(r, c))));
    else this.writeCell(r, c, { value: content });
  }
}
