/**
 * Cells of a plan and the grid the section builders fill: a section sets cells by (row, column) on the
 * sheet and cuts its rectangle out as a block.
 */
import { rangeAddress } from "../../address";
import type { PlanBlock, PlanCell } from "../planTypes";

/**
 * True when Excel would not keep a typed string as text: it starts with = + - @ (a formula) or ' (the
 * text prefix, which Excel swallows), or reads as a number, percentage, date, time or logical value.
 */
export function mustForceText(s: string): boolean {
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return true;
  return /\d/.test(t) && /^[\d\s.,:/%$€£¥()eE-]+$/.test(t);
}

/** A text cell, marked `forceText` when Excel would read it as something else. */
export function text(value: string): PlanCell {
  return { kind: "text", value, forceText: mustForceText(value) };
}

/** A number cell. */
export function num(value: number): PlanCell {
  return { kind: "number", value };
}

/** A formula cell with the core's value of it (for tests; writers ignore it). */
export function formula(f: string, expected: number | string): PlanCell {
  return { kind: "formula", formula: f, expected };
}

/** Display width of a text in default-font characters (CJK characters count double). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** A sparse grid of cells in sheet coordinates (0-based), cut into blocks when complete. */
export class Grid {
  private readonly rows = new Map<number, (PlanCell | null)[]>();
  /** Sets one cell. */
  set(row: number, column: number, cell: PlanCell): void {
    let r = this.rows.get(row);
    if (r === undefined) {
      r = [];
      this.rows.set(row, r);
    }
    r[column] = cell;
  }
  /** Sets cells left to right from `left` along `row`; a null leaves its cell empty. */
  setRow(row: number, left: number, cells: readonly (PlanCell | null)[]): void {
    cells.forEach((cell, i) => cell !== null && this.set(row, left + i, cell));
  }
  /** The rectangle `top`…`bottom` × `left`…`right` as a block, empty cells null. */
  block(id: string, top: number, left: number, bottom: number, right: number): PlanBlock {
    const cells: (PlanCell | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const src = this.rows.get(r);
      const row: (PlanCell | null)[] = [];
      for (let c = left; c <= right; c++) row.push(src?.[c] ?? null);
      cells.push(row);
    }
    return { id, address: rangeAddress(top, left, bottom, right), cells };
  }
}
