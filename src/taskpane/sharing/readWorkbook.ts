/**
 * What every sharing operation reads first (see ./excelSharing.ts for the sync counts): the sheet names, the
 * record parts and the selection (1 sync); every used range and the record parts' XML (1 sync, or row blocks
 * under a payload budget when the host refuses the whole); the spill ranges of the CRM cells that may spill
 * (1 sync, more under a budget).
 */
import { splitAddress } from "../../core/address";
import { valueError } from "../../core/errors";
import { parseRect, Rect } from "../../core/sharing/a1";
import { FreezeRecord, RECORD_NAMESPACE, recordFromParts } from "../../core/sharing/record";
import { crmCells, scanOf, SheetRect, sheetRects, SheetScan, Spill, spillCandidates } from "../../core/sharing/scan";
import { checkCancelled, payloadBudget, SharingOptions, SharingProgress } from "./operation";
import { isPayloadError, jsonBytes, OP_BYTES } from "./payload";

/** Bytes per cell (formula + value) assumed for the first row block, before any has been measured. */
const FIRST_CELL_BYTES = 64;

/** A record part as read: its id and XML. */
export interface RecordPart {
  id: string;
  xml: string;
}

/** What an operation knows of the workbook before it plans. */
export interface WorkbookRead {
  scans: SheetScan[];
  spills: Spill[];
  parts: RecordPart[];
  record: FreezeRecord;
  selection: SheetRect[] | null;
}

/** The used ranges and the record parts' XML. */
interface Contents {
  scans: SheetScan[];
  parts: RecordPart[];
}

/** The whole of step 2 in one sync: every used range and every record part. */
async function readWhole(
  sync: () => Promise<void>,
  sheets: readonly Excel.Worksheet[],
  partItems: readonly Excel.CustomXmlPart[],
): Promise<Contents> {
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("address,formulas,values");
    return { ws, r };
  });
  const xmls = partItems.map((p) => ({ id: p.id, xml: p.getXml() }));
  await sync();
  const scans = used
    .filter((u) => !u.r.isNullObject)
    .map((u) => scanOf(u.ws.name, u.r.address, u.r.formulas as unknown[][], u.r.values as unknown[][]));
  return { scans, parts: xmls.map((x) => ({ id: x.id, xml: x.xml.value })) };
}

/** A used range being read in row blocks. */
interface Grid {
  ws: Excel.Worksheet;
  address: string;
  rect: Rect;
  /** Rows queued so far (read, or in the batch being synced). */
  queued: number;
  formulas: unknown[][];
  values: unknown[][];
}

/** Where a chunked read is: the grids, the first not fully queued, the parts still to read, the bytes per cell. */
interface Cursor {
  grids: Grid[];
  g: number;
  pending: Excel.CustomXmlPart[];
  perCell: number;
}

/** What one sync of a chunked read carries. */
interface Batch {
  parts: { item: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> }[];
  blocks: { grid: number; start: number; rows: number; r: Excel.Range }[];
}

/** The used ranges' addresses (1 sync), as grids to read. */
async function usedGrids(sync: () => Promise<void>, sheets: readonly Excel.Worksheet[]): Promise<Grid[]> {
  const used = sheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject();
    r.load("address");
    return { ws, r };
  });
  await sync();
  const grids: Grid[] = [];
  for (const u of used) {
    if (u.r.isNullObject) continue;
    const rect = parseRect(splitAddress(u.r.address).range);
    if (!rect) throw valueError("sharing.scanNotRange", { sheet: u.ws.name, address: u.r.address });
    grids.push({ ws: u.ws, address: u.r.address, rect, queued: 0, formulas: [], values: [] });
  }
  return grids;
}

/** Queues one sync's reads: record parts first (each at most half the budget), then row blocks that fit. */
function queueBatch(cur: Cursor, budget: number): Batch {
  let room = budget;
  const batch: Batch = { parts: [], blocks: [] };
  // A part this add-in wrote holds at most half the budget; the first part of a batch always goes.
  while (cur.pending.length > 0 && (batch.parts.length === 0 || room >= budget / 2)) {
    const item = cur.pending[0]!;
    cur.pending = cur.pending.slice(1);
    batch.parts.push({ item, xml: item.getXml() });
    room -= budget / 2;
  }
  while (cur.g < cur.grids.length && room > 0) {
    const grid = cur.grids[cur.g]!;
    const rowBytes = grid.rect.columns * cur.perCell;
    let rows = Math.min(grid.rect.rows - grid.queued, Math.floor((room - OP_BYTES) / rowBytes));
    if (rows < 1) {
      if (batch.blocks.length > 0 || batch.parts.length > 0) break;
      rows = 1;
    }
    const r = grid.ws.getRangeByIndexes(grid.rect.top + grid.queued, grid.rect.left, rows, grid.rect.columns);
    r.load("formulas,values");
    batch.blocks.push({ grid: cur.g, start: grid.queued, rows, r });
    grid.queued += rows;
    room -= rows * rowBytes + OP_BYTES;
    if (grid.queued === grid.rect.rows) cur.g++;
  }
  return batch;
}

/** A batch refused for its size goes again in smaller blocks (reads change nothing). */
function requeue(cur: Cursor, batch: Batch): void {
  for (const b of [...batch.blocks].reverse()) cur.grids[b.grid]!.queued = b.start;
  if (batch.blocks.length > 0) cur.g = batch.blocks[0]!.grid;
  cur.pending = [...batch.parts.map((p) => p.item), ...cur.pending];
  cur.perCell *= 2;
}

/** Keeps a synced batch's rows and measures the bytes per cell for the next blocks. */
function takeBlocks(cur: Cursor, blocks: Batch["blocks"]): void {
  let measured = 0;
  for (const b of blocks) {
    const grid = cur.grids[b.grid]!;
    const formulas = b.r.formulas as unknown[][];
    const values = b.r.values as unknown[][];
    grid.formulas.push(...formulas);
    grid.values.push(...values);
    measured = Math.max(measured, (jsonBytes(formulas) + jsonBytes(values)) / (b.rows * grid.rect.columns));
  }
  if (blocks.length > 0) cur.perCell = Math.max(8, 1.25 * measured);
}

/**
 * Step 2 under a payload budget: the used ranges' addresses (1 sync), then row blocks and record parts packed
 * into syncs of at most `budget` estimated response bytes (see ./excelSharing.ts).
 */
async function readChunked(
  sync: () => Promise<void>,
  sheets: readonly Excel.Worksheet[],
  partItems: readonly Excel.CustomXmlPart[],
  budget: number,
  signal: AbortSignal | undefined,
  progress: () => void,
): Promise<Contents> {
  const grids = await usedGrids(sync, sheets);
  checkCancelled(signal);
  const cur: Cursor = { grids, g: 0, pending: [...partItems], perCell: FIRST_CELL_BYTES };
  const xmls = new Map<string, string>();
  while (cur.pending.length > 0 || cur.g < grids.length) {
    const batch = queueBatch(cur, budget);
    try {
      await sync();
    } catch (e) {
      // Too big after all: the same rows go again in smaller blocks.
      if (!isPayloadError(e) || batch.blocks.every((b) => b.rows === 1)) throw e;
      requeue(cur, batch);
      checkCancelled(signal);
      continue;
    }
    checkCancelled(signal);
    for (const p of batch.parts) xmls.set(p.item.id, p.xml.value);
    takeBlocks(cur, batch.blocks);
    progress();
  }
  return {
    scans: grids.map((gr) => scanOf(gr.ws.name, gr.address, gr.formulas, gr.values)),
    parts: partItems.map((p) => ({ id: p.id, xml: xmls.get(p.id)! })),
  };
}

/**
 * Step 3: the spill ranges of the CRM cells that may spill (scan.ts `spillCandidates`) on the given scans,
 * probed as many a sync as the budget allows (all in one when unlimited). No sync when there is no candidate.
 */
async function probeSpills(
  sync: () => Promise<void>,
  sheets: readonly Excel.Worksheet[],
  scans: readonly SheetScan[],
  budget: number,
  signal: AbortSignal | undefined,
  progress: () => void,
): Promise<Spill[]> {
  const spills: Spill[] = [];
  const byName = new Map(sheets.map((ws) => [ws.name, ws]));
  const candidates = scans.flatMap((s) => spillCandidates(s, crmCells(s)));
  if (candidates.length === 0) return spills;
  progress();
  // A probe is three operations (getCell, getSpillingToRange, load) and a small answer.
  const perSync = Number.isFinite(budget) ? Math.max(1, Math.floor(budget / (3 * OP_BYTES))) : candidates.length;
  for (let from = 0; from < candidates.length; from += perSync) {
    const probes = candidates.slice(from, from + perSync).map((c) => {
      const r = byName.get(c.sheet)!.getCell(c.row, c.column).getSpillingToRangeOrNullObject();
      r.load("rowCount,columnCount");
      return { c, r };
    });
    await sync();
    checkCancelled(signal);
    for (const { c, r } of probes) {
      if (!r.isNullObject)
        spills.push({ sheet: c.sheet, row: c.row, column: c.column, rows: r.rowCount, columns: r.columnCount });
    }
  }
  return spills;
}

/** The scans on the selection's sheets (all of them without a selection). */
function onSelectedSheets(scans: SheetScan[], selection: SheetRect[] | null): SheetScan[] {
  if (!selection) return scans;
  return scans.filter((s) => selection.some((r) => r.sheet.toLocaleUpperCase() === s.name.toLocaleUpperCase()));
}

/** Reads what every operation needs, in 2 syncs (3 with spills) when it fits the payload budget. */
export async function readWorkbook(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  o: SharingOptions,
  want: { spills: boolean; selection: boolean; total: number },
): Promise<WorkbookRead> {
  const progress = (step: SharingProgress["step"], done: number): void =>
    o.onProgress?.({ step, done, total: want.total });
  const budget = payloadBudget(o);
  progress("sheets", 0);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const partList = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  partList.load("items/id");
  const selected = want.selection ? context.workbook.getSelectedRanges() : null;
  selected?.load("address");
  await sync();
  checkCancelled(o.signal);

  progress("cells", 1);
  let whole: Contents;
  try {
    whole = await readWhole(sync, sheets.items, partList.items);
  } catch (e) {
    if (!Number.isFinite(budget) || !isPayloadError(e)) throw e;
    checkCancelled(o.signal);
    whole = await readChunked(sync, sheets.items, partList.items, budget, o.signal, () => progress("cells", 1));
  }
  checkCancelled(o.signal);
  const { scans, parts } = whole;
  const record = recordFromParts(parts.map((p) => p.xml));
  const selection = selected ? sheetRects(selected.address) : null;
  const spills = want.spills
    ? await probeSpills(sync, sheets.items, onSelectedSheets(scans, selection), budget, o.signal, () =>
        progress("spills", 2),
      )
    : [];
  return { scans, spills, parts, record, selection };
}
