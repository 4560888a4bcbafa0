/**
 * Fitting the sharing operations' requests into syncs that Excel on the web accepts (at most 5 MB each way;
 * see ./excelSharing.ts): estimated JSON sizes, queued operations packed into syncs under a budget, and
 * rectangles too big for one sync split into row slices. With an unlimited budget everything goes in one sync.
 */
import { codeOf } from "../host";
import { Rect, rectAddress } from "../../core/sharing/a1";
import type { WriteArea } from "../../core/sharing/freeze";
import { checkCancelled } from "./operation";

/** Estimated request bytes of one queued operation besides its arguments (its action and object path). */
export const OP_BYTES = 200;

/** Whether a host error is Excel on the web refusing a request or response for its size. */
export function isPayloadError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded$/.test(codeOf(e));
}

/** Estimated size of a value as JSON, in UTF-8 bytes (strings with their quotes and escapes). O(size). */
export function jsonBytes(x: unknown): number {
  if (typeof x === "string") {
    let n = 2;
    for (let i = 0; i < x.length; i++) {
      const c = x.charCodeAt(i);
      n += c < 0x80 ? (c === 34 || c === 92 ? 2 : 1) : c < 0x800 ? 2 : 3;
    }
    return n;
  }
  if (typeof x === "number") return String(x).length;
  if (typeof x === "boolean") return 5;
  if (Array.isArray(x)) {
    let n = 2;
    for (const y of x) n += jsonBytes(y) + 1;
    return n;
  }
  return 4;
}

/** A piece of a commit or rollback: its estimated request bytes, and what it queues. */
export interface Op {
  bytes: number;
  apply: () => void;
  /** Called when the sync carrying it is sent: from then on it may have run, even if that sync fails. */
  sent?: () => void;
  /** Called when the sync carrying it has succeeded. */
  done?: () => void;
}

/**
 * Queues the operations in order, syncing whenever the next would take the batch over the budget (one sync
 * in all when the budget is unlimited). Between syncs a cancel stops it (SharingCancelled).
 */
export async function runOps(
  ops: readonly Op[],
  budget: number,
  sync: () => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let i = 0;
  while (i < ops.length) {
    const start = i;
    let bytes = 0;
    while (i < ops.length && (i === start || bytes + ops[i]!.bytes <= budget)) {
      bytes += ops[i]!.bytes;
      ops[i]!.apply();
      i++;
    }
    const batch = ops.slice(start, i);
    for (const op of batch) op.sent?.();
    await sync();
    for (const op of batch) op.done?.();
    if (i < ops.length) checkCancelled(signal);
  }
}

/** Rows `from` .. `from + rows - 1` of an area, as an area of their own. */
function sliceArea(a: WriteArea, from: number, rows: number): WriteArea {
  const rect: Rect = { top: a.rect.top + from, left: a.rect.left, rows, columns: a.rect.columns };
  return {
    sheet: a.sheet,
    rect,
    address: rectAddress(rect),
    frozen: a.frozen.slice(from, from + rows),
    formulas: a.formulas.slice(from, from + rows),
  };
}

/** The estimated request bytes of writing an area's side. */
export function areaBytes(a: WriteArea, side: "formulas" | "frozen"): number {
  return 3 * OP_BYTES + jsonBytes(side === "formulas" ? a.formulas : a.frozen);
}

/** Estimated response bytes of reading an area's formulas and values back (either side, with a margin). */
export function readBackBytes(a: WriteArea): number {
  return 3 * OP_BYTES + Math.ceil(1.25 * (jsonBytes(a.formulas) + jsonBytes(a.frozen)));
}

/**
 * The areas, those too big for one sync (writing `side`, or reading both sides back) split into row slices
 * that fit. Unchanged when the budget is unlimited.
 */
export function fitAreas(areas: readonly WriteArea[], budget: number): WriteArea[] {
  if (!Number.isFinite(budget)) return [...areas];
  const out: WriteArea[] = [];
  for (const a of areas) {
    const bytes = readBackBytes(a);
    const pieces = Math.min(a.rect.rows, Math.ceil(bytes / (budget / 2)));
    if (pieces <= 1) {
      out.push(a);
      continue;
    }
    const step = Math.ceil(a.rect.rows / pieces);
    for (let from = 0; from < a.rect.rows; from += step)
      out.push(sliceArea(a, from, Math.min(step, a.rect.rows - from)));
  }
  return out;
}
