/**
 * Reads the KPI table the user selected, in ONE `context.sync()`: `workbook.getSelectedRanges()` (ExcelApi
 * 1.9) gives one area (a table with its header row) or several (equally tall columns picked with Ctrl); each
 * area becomes a block of the core's `SourceTable` (its top-left cell and its values). Without ExcelApi 1.9
 * the reader falls back to `getSelectedRange()` (one area).
 *
 * Also here: re-reading a source by its address (a build validates what is in the cells at build time, and a
 * Refresh reads the source its settings name), queued into a caller's batch so that it costs no sync of its own.
 *
 * Only the used part of each area is read (`getUsedRangeAreas`); whole columns or rows (`A:A`, `3:5`) are cut
 * after their last used row (column), the same cut for every area.
 */
import {
  cellAddress,
  columnIndex,
  columnLetters,
  displaySheet,
  MAX_COLUMN,
  MAX_ROW,
  parseRect,
  rangeAddress,
  splitAddress as splitSheetAddress,
} from "../../core/address";
import type { SourceBlock, SourceTable } from "../../core/scorecard/table";
import { defaultRun, excelApiSupports, type ExcelRun, type Supports } from "../host";

/** Where a source table is: its sheet and its areas (A1 ranges without the sheet, in table order). */
export interface SourceRef {
  sheet: string;
  areas: string[];
}

/** The selection as read. */
export interface SelectionRead {
  source: SourceTable;
  /** Where it is, with the areas as they were cut (whole columns → the used rows). */
  ref: SourceRef;
  /** `Sheet1!A1:G20` or `Sheet1!A1:A20,C1:C20`, for display. */
  address: string;
  /** context.sync() calls made (1). */
  syncs: number;
}

/** Splits an Office address (`Sheet1!A1:B2`, `'My ''data'''!A:A`) into its sheet ("" when none) and its reference. */
export function splitAddress(address: string): { sheet: string; ref: string } {
  const { sheet, range } = splitSheetAddress(address.trim());
  return { sheet: sheet ?? "", ref: range };
}

/** A reference's bounds (0-based, inclusive) and whether it spans whole columns or rows. */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  wholeColumns: boolean;
  wholeRows: boolean;
}

/** Bounds and whole-column/row flags of a reference (`A1:G20`, `A:G`, `3:5`). */
function parseArea(ref: string): Area {
  const r = parseRect(ref);
  if (r === null) throw new Error(`"${ref}" is not a range address`);
  return {
    top: r.top,
    left: r.left,
    bottom: r.top + r.rows - 1,
    right: r.left + r.columns - 1,
    wholeColumns: r.top === 0 && r.rows === MAX_ROW + 1,
    wholeRows: r.left === 0 && r.columns === MAX_COLUMN + 1,
  };
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * Turns the areas read from Excel into the core's source table: areas sorted left to right (the order of
 * the table's columns), whole columns (rows) cut after their last non-blank row (column) — the same cut for
 * every area, so that equally tall columns stay equally tall.
 */
export function sourceFromAreas(sheet: string, areas: readonly { ref: string; values: unknown[][] }[]): SelectionRead {
  const parsed = areas
    .map((a) => ({ area: parseArea(a.ref), values: a.values }))
    .sort((x, y) => x.area.left - y.area.left || x.area.top - y.area.top);
  if (parsed.some((p) => p.area.wholeColumns)) {
    let keep = 0;
    for (const p of parsed) {
      for (let r = p.values.length - 1; r >= keep; r--) {
        if (!(p.values[r] ?? []).every(blank)) {
          keep = r + 1;
          break;
        }
      }
    }
    for (const p of parsed) {
      if (!p.area.wholeColumns) continue;
      p.values = p.values.slice(0, Math.max(keep, 1));
      p.area = { ...p.area, bottom: p.area.top + p.values.length - 1, wholeColumns: false };
    }
  }
  for (const p of parsed) {
    if (!p.area.wholeRows) continue;
    let keep = 0;
    for (const row of p.values) for (let c = row.length - 1; c >= keep; c--) if (!blank(row[c])) keep = c + 1;
    p.values = p.values.map((row) => row.slice(0, Math.max(keep, 1)));
    p.area = { ...p.area, right: p.area.left + Math.max(keep, 1) - 1, wholeRows: false };
  }
  const blocks: SourceBlock[] = parsed.map((p) => ({
    topLeft: cellAddress(p.area.top, p.area.left),
    values: p.values,
  }));
  const refs = parsed.map((p) => rangeAddress(p.area.top, p.area.left, p.area.bottom, p.area.right));
  return {
    source: { sheet, blocks },
    ref: { sheet, areas: refs },
    address: `${displaySheet(sheet)}!${refs.join(",")}`,
    syncs: 0,
  };
}

/** The selection has no value in it (only blank cells). */
export class EmptySelectionError extends Error {
  constructor() {
    super("the selection holds no values");
    this.name = "EmptySelectionError";
  }
}

/** One used part of a selected area, as read: its address and values. */
interface UsedPart {
  address: string;
  values: unknown[][];
}

/**
 * An area's values rebuilt from the used parts read inside it: every cell outside a used part is blank. Whole
 * columns (rows) are rebuilt only down to (across to) the last used row (column) of any part, so a click on the
 * column letters costs what the table costs, not a million rows; other areas are rebuilt in full, as selected.
 */
export function areaValues(ref: string, parts: readonly UsedPart[], allParts: readonly UsedPart[]): unknown[][] {
  const area = parseArea(ref);
  const placed = parts.map((p) => ({ at: parseArea(splitAddress(p.address).ref), values: p.values }));
  const extent = allParts.map((p) => parseArea(splitAddress(p.address).ref));
  const bottom = area.wholeColumns ? Math.max(area.top, ...extent.map((e) => e.bottom)) : area.bottom;
  const right = area.wholeRows ? Math.max(area.left, ...extent.map((e) => e.right)) : area.right;
  const grid: unknown[][] = Array.from({ length: bottom - area.top + 1 }, () =>
    new Array<unknown>(right - area.left + 1).fill(""),
  );
  for (const p of placed) {
    p.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const gr = grid[p.at.top - area.top + r];
        if (gr !== undefined && p.at.left - area.left + c < gr.length) gr[p.at.left - area.left + c] = v;
      }),
    );
  }
  return grid;
}

/** Whether a used part lies inside an area (both as A1 references on one sheet). */
function inside(part: string, area: string): boolean {
  const p = parseArea(splitAddress(part).ref);
  const a = parseArea(area);
  return p.top >= a.top && p.bottom <= a.bottom && p.left >= a.left && p.right <= a.right;
}

/**
 * Reads the selection in one sync. Only the used part of each selected area travels (`getUsedRangeAreas`), so
 * selecting whole columns is as cheap as selecting the table — and stays under Excel on the web's 5 MB limit.
 * @throws Error when nothing usable is selected (a chart, a shape) or the selection holds no values.
 */
export async function readSelection(
  run: ExcelRun = defaultRun,
  supports: Supports = excelApiSupports,
): Promise<SelectionRead> {
  return run(async (context) => {
    let selected: string[];
    let used: UsedPart[];
    try {
      if (supports("1.9")) {
        const ranges = context.workbook.getSelectedRanges();
        ranges.areas.load("items/address");
        const usedAreas = ranges.getUsedRangeAreas(true);
        usedAreas.areas.load("items/address,items/values");
        await context.sync();
        selected = ranges.areas.items.map((r) => r.address);
        used = usedAreas.areas.items.map((r) => ({ address: r.address, values: r.values as unknown[][] }));
      } else {
        const r = context.workbook.getSelectedRange();
        r.load("address");
        const u = r.getUsedRange(true);
        u.load("address,values");
        await context.sync();
        selected = [r.address];
        used = [{ address: u.address, values: u.values as unknown[][] }];
      }
    } catch (e) {
      if ((e as { code?: string }).code === "ItemNotFound") throw new EmptySelectionError();
      throw e;
    }
    if (selected.length === 0) throw new EmptySelectionError();
    const split = selected.map((address) => {
      const { sheet, ref } = splitAddress(address);
      const parts = used.filter((p) => inside(p.address, ref));
      return { sheet, ref, values: areaValues(ref, parts, used) };
    });
    const sheet = split[0]!.sheet;
    return { ...sourceFromAreas(sheet, split), syncs: 1 };
  });
}

/**
 * Queues the loads that re-read a source (no sync); the returned function gives the source table once the
 * caller has synced. Fails at that sync with ItemNotFound when the sheet no longer exists.
 */
export function queueSourceRead(context: Excel.RequestContext, ref: SourceRef): () => SourceTable {
  const ws = context.workbook.worksheets.getItem(ref.sheet);
  const ranges = ref.areas.map((a) => {
    const r = ws.getRange(a);
    r.load("values");
    return { a, r };
  });
  return () =>
    sourceFromAreas(
      ref.sheet,
      ranges.map(({ a, r }) => ({ ref: a, values: r.values as unknown[][] })),
    ).source;
}

/** A stored source address ("A1:G20" or "A1:A20,C1:C20") as areas. */
export function areasOf(address: string): string[] {
  return address
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Column letters of each column of a source table, in table order ("A", "C", ...), for the mapping lists. */
export function columnLettersOf(source: SourceTable): string[] {
  const out: string[] = [];
  for (const b of source.blocks) {
    const m = /^([A-Za-z]{1,3})/.exec(b.topLeft);
    const left = m ? columnIndex(m[1]!) : 0;
    const width = b.values.reduce((w, row) => Math.max(w, row.length), 0);
    for (let c = 0; c < width; c++) out.push(columnLetters(left + c));
  }
  return out;
}
