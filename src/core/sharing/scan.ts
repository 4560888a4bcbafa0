/**
 * A workbook as the sharing tools read it: each sheet's used range (its `formulas` and `values`, and where it
 * starts), plus the spill ranges of CRM formulas. Finding the CRM formulas in it, and which of them may spill.
 */
import { splitAddress } from "../address";
import { valueError } from "../errors";
import { cellKey, parseRect, Rect } from "./a1";
import { CellValue, cellValue, skipReason } from "./cellValues";
import { callsCrm, isFormula } from "./crmFormula";

/** One sheet's used range: `formulas[r][c]` and `values[r][c]` of the cell at row top + r, column left + c. */
export interface SheetScan {
  name: string;
  top: number;
  left: number;
  formulas: readonly (readonly unknown[])[];
  values: readonly (readonly unknown[])[];
}

/** A cell holding a CRM formula. Positions are 0-based on the sheet. */
export interface CrmCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
  value: CellValue;
}

/** A formula cell whose result spills: its cell and the spill range's size (the range starts at the cell). */
export interface Spill {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A rectangle on a named sheet (a selection area, a reference). */
export interface SheetRect {
  sheet: string;
  rect: Rect;
}

/**
 * A SheetScan from a used range's address as Office.js reports it (`Data!B3:F20`, `'Q1 data'!A1`) and its
 * formulas and values.
 * @throws CrmError `#VALUE!` when the address is not a cell or rectangle, or the arrays do not match its size.
 */
export function scanOf(
  name: string,
  address: string,
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
): SheetScan {
  const rect = parseRect(splitAddress(address).range);
  if (!rect) throw valueError("sharing.scanNotRange", { sheet: name, address });
  if (formulas.length !== rect.rows || values.length !== rect.rows) {
    throw valueError("sharing.scanRows", {
      sheet: name,
      rows: rect.rows,
      formulas: formulas.length,
      values: values.length,
    });
  }
  return { name, top: rect.top, left: rect.left, formulas, values };
}

/** The formula and value of a cell (outside the used range: an empty cell). */
export function cellAt(scan: SheetScan, row: number, column: number): { formula: unknown; value: CellValue } {
  const r = row - scan.top;
  const c = column - scan.left;
  const f = scan.formulas[r]?.[c];
  const v = scan.values[r]?.[c];
  return { formula: f ?? "", value: cellValue(v) };
}

/** The CRM formula cells of a sheet, row by row. O(cells of the used range). */
export function crmCells(scan: SheetScan): CrmCell[] {
  const found: CrmCell[] = [];
  for (let r = 0; r < scan.formulas.length; r++) {
    const fs = scan.formulas[r]!;
    const vs = scan.values[r];
    for (let c = 0; c < fs.length; c++) {
      const f = fs[c];
      const v = vs?.[c];
      if (isFormula(f, v) && callsCrm(f)) {
        found.push({ sheet: scan.name, row: scan.top + r, column: scan.left + c, formula: f, value: cellValue(v) });
      }
    }
  }
  return found;
}

function holdsPlainValue(scan: SheetScan, row: number, column: number): boolean {
  const { formula, value } = cellAt(scan, row, column);
  return value !== "" && !isFormula(formula, value);
}

/**
 * The CRM cells that may spill, so that only they are asked for their spill range (one request per cell,
 * all in one batch). Office.js reads a spilled cell as a plain value, so a formula spills only if the cell to
 * its right or the cell below holds a non-empty plain value; and a formula showing `#SPILL!`, `#BUSY!` and the
 * like does not spill. (A spill whose second cell is empty text is missed: CRM functions spill numbers.)
 */
export function spillCandidates(scan: SheetScan, cells: readonly CrmCell[] = crmCells(scan)): CrmCell[] {
  return cells.filter(
    (c) =>
      skipReason(c.value) === null &&
      (holdsPlainValue(scan, c.row, c.column + 1) || holdsPlainValue(scan, c.row + 1, c.column)),
  );
}

/** Sheet names compare as Excel compares them: case-insensitively. */
export function sameSheet(a: string, b: string): boolean {
  return a === b || a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

/** The spills on one sheet, keyed by their formula cell (`cellKey`). */
export function spillsOn(spills: readonly Spill[], sheet: string): Map<number, Spill> {
  const m = new Map<number, Spill>();
  for (const s of spills) if (sameSheet(s.sheet, sheet)) m.set(cellKey(s.row, s.column), s);
  return m;
}

/** The cells a CRM formula's result occupies: its own cell, or its whole spill range. */
export function resultRect(cell: CrmCell, spills: Map<number, Spill>): Rect {
  const s = spills.get(cellKey(cell.row, cell.column));
  return s && (s.rows > 1 || s.columns > 1)
    ? { top: cell.row, left: cell.column, rows: s.rows, columns: s.columns }
    : { top: cell.row, left: cell.column, rows: 1, columns: 1 };
}

/**
 * The rectangles of a (possibly multi-area) address as Office.js gives it for a selection:
 * `Data!B2:B9`, `Data!B2:B9,Data!D4`, `'Q1, data'!A1` (commas inside quotes belong to the name). Areas without
 * a sheet take `defaultSheet`. Parts that are not ranges are ignored.
 * @example sheetRects("Data!B2:B3, Data!D4") // [{sheet:"Data", rect:B2:B3}, {sheet:"Data", rect:D4}]
 */
export function sheetRects(address: string, defaultSheet = ""): SheetRect[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  const out: SheetRect[] = [];
  for (const part of parts) {
    const { sheet, range } = splitAddress(part.trim());
    const rect = parseRect(range);
    if (rect) out.push({ sheet: sheet ?? defaultSheet, rect });
  }
  return out;
}
