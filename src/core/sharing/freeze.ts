/**
 * Planning a freeze: which cells get their value written over their formula, in which rectangles, and what
 * the record keeps. Pure data; the task pane's writer applies it (src/taskpane/sharing/excelSharing.ts).
 *
 * - Only formulas that call CRM functions are frozen (crmFormula.ts); every other cell is outside every
 *   rectangle, since a rectangle's every cell is written.
 * - A formula whose result spills is frozen as its whole spill range (the spill cells get their values; the
 *   formula cell its own), and recorded once, with the spill size.
 * - A formula still calculating (`#BUSY!`, `#GETTING_DATA`), unknown to Excel (`#NAME?`) or showing an error
 *   that cannot be a constant (`#SPILL!`, `#CALC!`...) is left as it is and listed as skipped.
 * - "Freeze selection": only the CRM formulas whose result (cell or spill range) meets the selection.
 */
import { cellAddress, cellKey, intersects, Rect } from "./a1";
import { cellAreas } from "./areas";
import { CellValue, SkipReason, skipReason } from "./cellValues";
import { FrozenCell } from "./record";
import { cellAt, CrmCell, crmCells, resultRect, sameSheet, SheetRect, SheetScan, Spill, spillsOn } from "./scan";

/**
 * One rectangle to write. Freeze writes `frozen` as values (and a rollback writes `formulas` back); Restore
 * writes `formulas` (and a rollback writes `frozen` back). `formulas` holds the formula in a formula's own cell
 * and `""` in the rest of its spill range, which clears those cells so that the formula can spill again.
 */
export interface WriteArea {
  sheet: string;
  rect: Rect;
  /** A1 address of the rectangle on its sheet (`B2:B9`). */
  address: string;
  frozen: CellValue[][];
  formulas: string[][];
}

/** A CRM formula that Freeze leaves in place, and why. */
export interface SkippedCell {
  sheet: string;
  address: string;
  formula: string;
  value: CellValue;
  reason: SkipReason;
}

export interface FreezePlan {
  /** What the record gains: one entry per frozen formula, by sheet then row-major. */
  entries: FrozenCell[];
  /** The rectangles to write, by sheet then row-major; together they cover exactly the entries' cells. */
  areas: WriteArea[];
  skipped: SkippedCell[];
  /** Number of cells written (formula cells plus the rest of their spill ranges). */
  cells: number;
}

export interface FreezeOptions {
  /** Spill ranges of CRM formula cells (those not listed do not spill). */
  spills?: readonly Spill[];
  /** Freeze only the formulas whose result meets these rectangles (absent: the whole workbook). */
  selection?: readonly SheetRect[];
}

/** One cell's part in a planned write. */
export interface PlannedCell {
  row: number;
  column: number;
  frozen: CellValue;
  formula: string;
}

/**
 * Builds the rectangles of one sheet from its planned cells: `cellAreas` groups them, then each rectangle's
 * grids are filled from the cells. O(n log n).
 */
export function writeAreas(sheet: string, cells: readonly PlannedCell[]): WriteArea[] {
  const byKey = new Map<number, PlannedCell>();
  for (const c of cells) byKey.set(cellKey(c.row, c.column), c);
  return cellAreas(cells).map((rect) => {
    const frozen: CellValue[][] = [];
    const formulas: string[][] = [];
    for (let i = 0; i < rect.rows; i++) {
      const fr: CellValue[] = [];
      const fo: string[] = [];
      for (let j = 0; j < rect.columns; j++) {
        const c = byKey.get(cellKey(rect.top + i, rect.left + j))!;
        fr.push(c.frozen);
        fo.push(c.formula);
      }
      frozen.push(fr);
      formulas.push(fo);
    }
    const last =
      rect.rows === 1 && rect.columns === 1
        ? ""
        : `:${cellAddress(rect.top + rect.rows - 1, rect.left + rect.columns - 1)}`;
    return { sheet, rect, address: `${cellAddress(rect.top, rect.left)}${last}`, frozen, formulas };
  });
}

/**
 * Plans the freeze of a workbook's CRM formulas (see the module comment). O(cells of the used ranges).
 * @example planFreeze([{ name: "S", top: 0, left: 0, formulas: [["=CRM.NPS(B1:B3)"]], values: [[20]] }])
 *   // entries: [{ sheet: "S", address: "A1", formula: "=CRM.NPS(B1:B3)", rows: 1, columns: 1, values: [[20]] }]
 */
export function planFreeze(scans: readonly SheetScan[], options: FreezeOptions = {}): FreezePlan {
  const entries: FrozenCell[] = [];
  const areas: WriteArea[] = [];
  const skipped: SkippedCell[] = [];
  let cells = 0;
  for (const scan of scans) {
    const selection = options.selection?.filter((s) => sameSheet(s.sheet, scan.name)).map((s) => s.rect);
    if (selection && selection.length === 0) continue;
    const spills = spillsOn(options.spills ?? [], scan.name);
    const planned: PlannedCell[] = [];
    for (const cell of crmCells(scan)) {
      const rect = resultRect(cell, spills);
      if (selection && !selection.some((s) => intersects(s, rect))) continue;
      const reason = skipReason(cell.value);
      if (reason) {
        skipped.push({
          sheet: scan.name,
          address: cellAddress(cell.row, cell.column),
          formula: cell.formula,
          value: cell.value,
          reason,
        });
        continue;
      }
      entries.push(entryOf(scan, cell, rect));
      for (let i = 0; i < rect.rows; i++) {
        for (let j = 0; j < rect.columns; j++) {
          const row = rect.top + i;
          const column = rect.left + j;
          const anchor = i === 0 && j === 0;
          planned.push({
            row,
            column,
            frozen: anchor ? cell.value : cellAt(scan, row, column).value,
            formula: anchor ? cell.formula : "",
          });
        }
      }
    }
    cells += planned.length;
    areas.push(...writeAreas(scan.name, planned));
  }
  return { entries, areas, skipped, cells };
}

function entryOf(scan: SheetScan, cell: CrmCell, rect: Rect): FrozenCell {
  const values: CellValue[][] = [];
  for (let i = 0; i < rect.rows; i++) {
    const row: CellValue[] = [];
    for (let j = 0; j < rect.columns; j++)
      row.push(i === 0 && j === 0 ? cell.value : cellAt(scan, rect.top + i, rect.left + j).value);
    values.push(row);
  }
  return {
    sheet: scan.name,
    address: cellAddress(cell.row, cell.column),
    formula: cell.formula,
    rows: rect.rows,
    columns: rect.columns,
    values,
  };
}
