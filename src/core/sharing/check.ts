/**
 * Check: what Freeze would do, summarised for the task pane — per sheet, how many CRM formulas and where the
 * first ones are; which would be skipped; how many formulas are already frozen (the record); and which sheets
 * depend on CRM results.
 *
 * "Depends" is kept simple, as agreed: a sheet depends on CRM results when one of its formulas that does not
 * itself call CRM functions references a cell holding a CRM formula or lying in such a formula's spill range.
 * That is what a scorecard sheet does with a KPI table computed by CRM formulas; the scorecard builder writes
 * native formulas only, so after a freeze such a sheet keeps working, on the frozen values. References are
 * found by references.ts (sheet-qualified or not, ranges, whole rows and columns, `B3#`); defined names,
 * tables and INDIRECT are not followed.
 */
import { cellAddress, cellKey, intersects, Rect } from "./a1";
import { cellAreas } from "./areas";
import { callsCrm, isFormula } from "./crmFormula";
import { SkippedCell } from "./freeze";
import { skipReason } from "./cellValues";
import { FreezeRecord } from "./record";
import { formulaReferences } from "./references";
import { crmCells, resultRect, SheetScan, Spill, spillsOn } from "./scan";

/** How many first addresses a summary lists. */
export const FIRST_ADDRESSES = 5;

export interface SheetSummary {
  sheet: string;
  /** CRM formulas on the sheet (skipped ones included). */
  formulas: number;
  /** Of which spill. */
  spills: number;
  /** Cells Freeze would write on the sheet (spill ranges count every cell). */
  cells: number;
  /** Every CRM formula's address, row by row. */
  addresses: string[];
  /** The first FIRST_ADDRESSES of them. */
  first: string[];
}

export interface DependentSheet {
  sheet: string;
  /** Its formulas that read CRM results. */
  formulas: number;
  first: string[];
}

export interface CheckSummary {
  /** Sheets with CRM formulas, in workbook order. */
  sheets: SheetSummary[];
  formulas: number;
  cells: number;
  skipped: SkippedCell[];
  dependents: DependentSheet[];
  /** Formulas frozen earlier and still recorded (what Restore would work on). */
  recorded: number;
}

/** The cells holding CRM results on one sheet, for the "does this reference meet them" question. */
interface ResultIndex {
  keys: Set<number>;
  areas: Rect[];
}

function meets(index: ResultIndex, r: Rect): boolean {
  if (r.rows * r.columns <= 64) {
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.columns; j++) if (index.keys.has(cellKey(r.top + i, r.left + j))) return true;
    return false;
  }
  return index.areas.some((a) => intersects(a, r));
}

/**
 * Summarises a workbook for Check (see the module comment); counts and skips agree with `planFreeze`.
 * O(cells of the used ranges + length of formulas).
 */
export function checkWorkbook(
  scans: readonly SheetScan[],
  spills: readonly Spill[] = [],
  record: FreezeRecord | null = null,
): CheckSummary {
  const sheets: SheetSummary[] = [];
  const skipped: SkippedCell[] = [];
  let totalCells = 0;
  const indexes = new Map<string, ResultIndex>();
  for (const scan of scans) {
    const found = crmCells(scan);
    if (found.length === 0) continue;
    const spillMap = spillsOn(spills, scan.name);
    const keys = new Set<number>();
    const covered: { row: number; column: number }[] = [];
    let spilling = 0;
    let cells = 0;
    for (const c of found) {
      const r = resultRect(c, spillMap);
      if (r.rows > 1 || r.columns > 1) spilling++;
      const reason = skipReason(c.value);
      if (reason)
        skipped.push({
          sheet: scan.name,
          address: cellAddress(c.row, c.column),
          formula: c.formula,
          value: c.value,
          reason,
        });
      else cells += r.rows * r.columns;
      for (let i = 0; i < r.rows; i++) {
        for (let j = 0; j < r.columns; j++) {
          keys.add(cellKey(r.top + i, r.left + j));
          covered.push({ row: r.top + i, column: r.left + j });
        }
      }
    }
    indexes.set(scan.name.toLocaleUpperCase(), { keys, areas: cellAreas(covered) });
    const addresses = found.map((c) => cellAddress(c.row, c.column));
    totalCells += cells;
    sheets.push({
      sheet: scan.name,
      formulas: found.length,
      spills: spilling,
      cells,
      addresses,
      first: addresses.slice(0, FIRST_ADDRESSES),
    });
  }
  const dependents: DependentSheet[] = [];
  if (indexes.size > 0) {
    for (const scan of scans) {
      const addresses: string[] = [];
      for (let r = 0; r < scan.formulas.length; r++) {
        const fs = scan.formulas[r]!;
        for (let c = 0; c < fs.length; c++) {
          const f = fs[c];
          if (!isFormula(f, scan.values[r]?.[c]) || callsCrm(f)) continue;
          const hit = formulaReferences(f).some((ref) => {
            const index = indexes.get((ref.sheet ?? scan.name).toLocaleUpperCase());
            return index !== undefined && meets(index, ref.rect);
          });
          if (hit) addresses.push(cellAddress(scan.top + r, scan.left + c));
        }
      }
      if (addresses.length > 0)
        dependents.push({ sheet: scan.name, formulas: addresses.length, first: addresses.slice(0, FIRST_ADDRESSES) });
    }
  }
  return {
    sheets,
    formulas: sheets.reduce((n, s) => n + s.formulas, 0),
    cells: totalCells,
    skipped,
    dependents,
    recorded: record?.cells.length ?? 0,
  };
}
