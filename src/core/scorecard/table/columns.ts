/**
 * The selected blocks of a KPI table as one list of columns, each keeping its place on the sheet, with the
 * addresses the table's problems name: the whole selection and its header row.
 */
import { cellAddress, parseCell, rangeAddress } from "../../address";
import type { SourceBlock, SourceTable } from "../table";

/** One column of the table: where it stands on the sheet and its cells, the header first. */
export interface Column {
  /** Its 0-based column on the source sheet. */
  sheetColumn: number;
  /** The 0-based sheet row of its header cell. */
  topRow: number;
  values: unknown[];
}

/** The table's columns, block after block, and what the blocks look like. */
export interface TableColumns {
  columns: Column[];
  /** Each block's number of rows (the header row included). */
  heights: number[];
  /** The selection's address without the sheet: "A1:G20", or "A1:A20,C1:C20" for several blocks. */
  address: string;
}

/** A block's top-left cell and width (its longest row). */
function blockShape(block: SourceBlock): { row: number; column: number; width: number } {
  const tl = parseCell(block.topLeft);
  return { ...tl, width: block.values.reduce((w, row) => Math.max(w, row.length), 0) };
}

/** A block's address from its top row down `rows` rows (at least one row and one column). */
function blockRange(block: SourceBlock, rows: number): string {
  const { row, column, width } = blockShape(block);
  return rangeAddress(row, column, row + Math.max(rows, 1) - 1, column + Math.max(width, 1) - 1);
}

/** Splits the selection into columns, in order; blocks of different heights are reported by the caller. */
export function tableColumns(source: SourceTable): TableColumns {
  const columns: Column[] = [];
  for (const block of source.blocks) {
    const { row, column, width } = blockShape(block);
    for (let c = 0; c < width; c++)
      columns.push({ sheetColumn: column + c, topRow: row, values: block.values.map((cells) => cells[c]) });
  }
  return {
    columns,
    heights: source.blocks.map((b) => b.values.length),
    address: source.blocks.map((b) => blockRange(b, b.values.length)).join(","),
  };
}

/** The header row's address: "A1:G1", or "A1,C1:D1" for several blocks. */
export function headerRanges(blocks: readonly SourceBlock[]): string {
  return blocks.map((b) => blockRange(b, 1)).join(",");
}

/** The address of a column's cell `r` rows below its header (0 is the header), without the sheet. */
export function cellAt(column: Column, r: number): string {
  return cellAddress(column.topRow + r, column.sheetColumn);
}
