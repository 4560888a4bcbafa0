/**
 * Planning a restore: which recorded formulas go back, and which cells the user has changed since (conflicts,
 * left exactly as they are). Nothing the user typed is overwritten.
 *
 * For each record entry, on the sheet of that name (Excel compares sheet names case-insensitively):
 * - every cell of the entry (its formula's cell, and the whole spill range for a spill) still holds the frozen
 *   value, and none holds a formula → **restored**: the formula goes back, the rest of a spill range is cleared
 *   so that the formula can spill again;
 * - the formula's cell already holds the recorded formula again (typed back by hand, or restored by a copy of
 *   the workbook) → **already restored**: nothing is written, the entry leaves the record;
 * - anything else → **conflict** (the sheet is gone or was renamed, or a cell was edited): nothing is written
 *   and the entry stays in the record, so that the formula is not lost and Restore can be tried again.
 */
import { cellAddress, Rect } from "./a1";
import { CellValue, sameValue } from "./cellValues";
import { isFormula } from "./crmFormula";
import { PlannedCell, WriteArea, writeAreas } from "./freeze";
import { entryRect, FreezeRecord, FrozenCell, RECORD_VERSION } from "./record";
import { cellAt, sameSheet, SheetScan } from "./scan";

export type ConflictReason = "edited" | "sheetMissing";

/** A recorded formula that Restore leaves out, with the first cell found changed and what it holds now. */
export interface Conflict {
  entry: FrozenCell;
  reason: ConflictReason;
  /** The first changed cell (A1 on the entry's sheet); the formula's cell when the sheet is missing. */
  cell: string;
  /** What that cell holds now: its formula if it has one, else its value (`""` when the sheet is missing). */
  now: CellValue;
  /** What it held when frozen. */
  frozen: CellValue;
}

export interface RestorePlan {
  /** The rectangles to write (as formulas), by sheet then row-major. */
  areas: WriteArea[];
  restored: FrozenCell[];
  alreadyRestored: FrozenCell[];
  conflicts: Conflict[];
  /** The record after the restore: only the conflicts remain. */
  remaining: FreezeRecord;
  /** Number of cells written. */
  cells: number;
}

/** Where an entry differs from what the workbook holds now, or null when every cell still holds its frozen value. */
function firstChange(
  scan: SheetScan,
  entry: FrozenCell,
  rect: Rect,
): { cell: string; now: CellValue; frozen: CellValue } | null {
  for (let i = 0; i < rect.rows; i++) {
    for (let j = 0; j < rect.columns; j++) {
      const row = rect.top + i;
      const column = rect.left + j;
      const { formula, value } = cellAt(scan, row, column);
      const frozen = entry.values[i]?.[j] ?? "";
      if (isFormula(formula, value)) return { cell: cellAddress(row, column), now: formula, frozen };
      if (!sameValue(value, frozen)) return { cell: cellAddress(row, column), now: value, frozen };
    }
  }
  return null;
}

/**
 * Plans the restore of every recorded formula (see the module comment). O(cells of the entries).
 * @param record what the workbook's freeze record holds
 * @param scans the used ranges of the workbook's sheets now
 */
export function planRestore(record: FreezeRecord, scans: readonly SheetScan[]): RestorePlan {
  const restored: FrozenCell[] = [];
  const alreadyRestored: FrozenCell[] = [];
  const conflicts: Conflict[] = [];
  const planned = new Map<SheetScan, PlannedCell[]>();
  for (const entry of record.cells) {
    const scan = scans.find((s) => s.name === entry.sheet) ?? scans.find((s) => sameSheet(s.name, entry.sheet));
    const rect = entryRect(entry);
    if (!scan) {
      conflicts.push({
        entry,
        reason: "sheetMissing",
        cell: entry.address,
        now: "",
        frozen: entry.values[0]?.[0] ?? "",
      });
      continue;
    }
    const anchorNow = cellAt(scan, rect.top, rect.left);
    if (anchorNow.formula === entry.formula && isFormula(anchorNow.formula, anchorNow.value)) {
      alreadyRestored.push(entry);
      continue;
    }
    const change = firstChange(scan, entry, rect);
    if (change) {
      conflicts.push({ entry, reason: "edited", ...change });
      continue;
    }
    restored.push(entry);
    let cells = planned.get(scan);
    if (!cells) planned.set(scan, (cells = []));
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.columns; j++) {
        const anchor = i === 0 && j === 0;
        cells.push({
          row: rect.top + i,
          column: rect.left + j,
          frozen: entry.values[i]?.[j] ?? "",
          formula: anchor ? entry.formula : "",
        });
      }
    }
  }
  const areas: WriteArea[] = [];
  let cells = 0;
  for (const scan of scans) {
    const list = planned.get(scan);
    if (!list) continue;
    cells += list.length;
    areas.push(...writeAreas(scan.name, list));
  }
  return {
    areas,
    restored,
    alreadyRestored,
    conflicts,
    remaining: { version: RECORD_VERSION, cells: conflicts.map((c) => c.entry) },
    cells,
  };
}
