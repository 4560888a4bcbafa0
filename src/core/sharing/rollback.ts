/**
 * Planning the undo of a Freeze or Restore whose commit failed or was cancelled: which cells go back, decided
 * cell by cell from what they hold now. Pure data; the writer reads the planned rectangles back and applies the
 * result (src/taskpane/sharing/excelSharing.ts).
 *
 * The workbook may be shared: between the commit and its undo a colleague (co-authoring) or another operation may
 * have typed into a cell the commit wrote, or into one it never reached. So a cell goes back only when it still
 * holds what this commit wrote there; every other cell is left exactly as it is. A cell is never written merely
 * because it lies inside a rectangle the commit wrote.
 *
 * Undoing a **Freeze** (it wrote each entry's frozen values):
 * - the formula's cell goes back to the formula when it holds its frozen value and no formula;
 * - a cell of the rest of a spill range is cleared (so that the formula spills again) when it holds its frozen
 *   value and no formula, unless the formula's cell holds a formula that spills (`#SPILL!` aside): then the cell
 *   shows that formula's result, the commit never reached it, and nothing is written.
 * Undoing a **Restore** (it wrote each entry's formula, and `""` in the rest of its spill range):
 * - the formula's cell goes back to its frozen value when it holds exactly the recorded formula;
 * - a cell of the rest of the spill range goes back to its frozen value when it is empty (what the commit wrote)
 *   or shows the restored formula's spill (the formula's cell holds it, not `#SPILL!`); a cell holding anything
 *   else (someone typed there, which blocks the spill) is left.
 * A cell that the commit wrote and someone then changed stays as they left it: the rollback cannot tell their
 * change from a failure of its own, and overwriting it could lose their work. A colleague's change that happens to
 * equal what the commit wrote cannot be told apart and is undone with it.
 */
import { cellKey, Rect } from "./a1";
import { cellValue, sameValue } from "./cellValues";
import { isFormula } from "./crmFormula";
import { PlannedCell, WriteArea, writeAreas } from "./freeze";
import { entryRect, FrozenCell } from "./record";

/** What a cell holds now, as read back (`range.formulas` and `range.values`). */
export interface CellNow {
  formula: unknown;
  value: unknown;
}

/** The cells read back after a failed commit, by sheet (case-insensitive, as Excel compares sheet names). */
export interface ReadBack {
  /** The sheet's name as read, or undefined when none of its cells was read. */
  sheet(name: string): string | undefined;
  /** A cell, or undefined when it was not read. */
  cell(sheet: string, row: number, column: number): CellNow | undefined;
}

/**
 * The read-back of rectangles: `formulas[k]` and `values[k]` are what `areas[k]` reads now. O(cells).
 * @example readBack([{ sheet: "S", rect: { top: 0, left: 0, rows: 1, columns: 1 } }], [[["=A2"]]], [[[5]]])
 *   .cell("s", 0, 0) // { formula: "=A2", value: 5 }
 */
export function readBack(
  areas: readonly { sheet: string; rect: Rect }[],
  formulas: readonly (readonly (readonly unknown[])[])[],
  values: readonly (readonly (readonly unknown[])[])[],
): ReadBack {
  const sheets = new Map<string, { name: string; cells: Map<number, CellNow> }>();
  areas.forEach((a, k) => {
    const key = a.sheet.toLocaleUpperCase();
    let s = sheets.get(key);
    if (!s) sheets.set(key, (s = { name: a.sheet, cells: new Map() }));
    for (let i = 0; i < a.rect.rows; i++) {
      for (let j = 0; j < a.rect.columns; j++) {
        s.cells.set(cellKey(a.rect.top + i, a.rect.left + j), {
          formula: formulas[k]?.[i]?.[j],
          value: values[k]?.[i]?.[j],
        });
      }
    }
  });
  return {
    sheet: (name) => sheets.get(name.toLocaleUpperCase())?.name,
    cell: (sheet, row, column) => sheets.get(sheet.toLocaleUpperCase())?.cells.get(cellKey(row, column)),
  };
}

/** Which commit is undone: a Freeze (it wrote values) or a Restore (it wrote formulas). */
export type UndoneCommit = "freeze" | "restore";

/** The cells of one entry that go back (see the module comment), as planned writes. */
function entryUndo(entry: FrozenCell, undone: UndoneCommit, sheet: string, now: ReadBack): PlannedCell[] {
  const rect = entryRect(entry);
  const anchor = now.cell(sheet, rect.top, rect.left);
  const anchorFormula = anchor !== undefined && isFormula(anchor.formula, anchor.value);
  /** The formula's cell holds a formula whose spill is not blocked: the rest of the range shows its result. */
  const spilling = anchorFormula && cellValue(anchor.value) !== "#SPILL!";
  /** The formula's cell holds the recorded formula: what Restore wrote there. */
  const restored = anchorFormula && anchor.formula === entry.formula;
  const out: PlannedCell[] = [];
  for (let i = 0; i < rect.rows; i++) {
    for (let j = 0; j < rect.columns; j++) {
      const row = rect.top + i;
      const column = rect.left + j;
      const isAnchor = i === 0 && j === 0;
      const frozen = entry.values[i]?.[j] ?? "";
      const c = now.cell(sheet, row, column);
      if (c === undefined) continue;
      let back: boolean;
      if (isFormula(c.formula, c.value)) back = undone === "restore" && isAnchor && restored;
      else if (undone === "freeze") {
        back = sameValue(c.value, frozen) && (isAnchor || (!spilling && cellValue(c.value) !== ""));
      } else if (isAnchor) back = false;
      else {
        const empty = cellValue(c.value) === "";
        back = empty ? frozen !== "" : restored && spilling;
      }
      if (back) out.push({ row, column, frozen, formula: isAnchor ? entry.formula : "" });
    }
  }
  return out;
}

/**
 * The rectangles to write to undo a failed or cancelled commit (see the module comment): for an undone Freeze
 * their `formulas` side goes back, for an undone Restore their `frozen` side. Cells that hold anything but what
 * the commit wrote are in no rectangle. By sheet (in the order of the entries), then row-major. O(cells).
 * @param entries the entries the commit wrote (FreezePlan.entries, or RestorePlan.restored)
 * @param undone which commit failed: "freeze" or "restore"
 * @param now what the commit's rectangles hold now
 */
export function planRollback(entries: readonly FrozenCell[], undone: UndoneCommit, now: ReadBack): WriteArea[] {
  const bySheet = new Map<string, PlannedCell[]>();
  for (const entry of entries) {
    const sheet = now.sheet(entry.sheet);
    if (sheet === undefined) continue;
    const cells = entryUndo(entry, undone, sheet, now);
    if (cells.length === 0) continue;
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push(...cells);
  }
  return [...bySheet].flatMap(([sheet, cells]) => writeAreas(sheet, cells));
}
