/**
 * The Office.js side of the customer analysis: builds the live analysis sheet (src/core/analysis/sheet/livePlan.ts)
 * and the KPI table for the scorecard (kpiTable.ts) on new sheets. It knows cells and formats, never customers:
 * the log is read and checked, analysed and planned by the core.
 *
 * Syncs: `buildAnalysis` 1 (re-read the log — the cells may have changed since the pane showed them — and the
 * sheet names) + 1 (add the sheet, learn its id) + 1 (the whole plan as one batch) = 3, whatever the log's
 * size; `createKpiTable` 1 (the analysis sheet's name now, by its id, and the sheet names) + 1 + 1 = 3. Either
 * + 2 only when writing fails (the clean-up).
 *
 * Safety: the scorecard writer's pieces (../scorecard/writer.ts, whose top comment is the contract): the plan is
 * checked before anything is written; the sheet is added in a sync of its own under a name free at the read
 * and reached by its id from then on; if the write fails, the sheet is removed only while it is still this
 * build's. Nothing else in the workbook is written (no names, no settings).
 */
import { cellAddress, displaySheet, parseCell } from "../../core/address";
import { ANALYSIS_CANDIDATES } from "../../core/analysis/candidates";
import { analyzeCustomers, AnalysisOptions } from "../../core/analysis/customerAnalysis";
import { analysisNotes, readLiveLog } from "../../core/analysis/liveLog";
import type { LogColumn } from "../../core/analysis/logTable";
import { buildKpiTablePlan, KpiTablePlan } from "../../core/analysis/sheet/kpiTable";
import { checkLivePlan } from "../../core/analysis/sheet/liveCheck";
import { buildLiveAnalysisPlan, LiveAnalysisPlan, LiveKpi } from "../../core/analysis/sheet/livePlan";
import { CrmError } from "../../core/errors";
import type { Language, Message } from "../../core/messages/catalogue";
import { codeOf, counter, defaultRun, excelApiSupports, messageOf, type ExcelRun, type Supports } from "../host";
import { queueSourceRead, SourceRef } from "../scorecard/selection";
import {
  addPlanSheet,
  applyFormat,
  queueColumnWidths,
  ScorecardError,
  writeAddedSheet,
  writeBlock,
} from "../scorecard/writer";

/** How an operation talks to Excel (all optional). */
export interface AnalysisHooks {
  run?: ExcelRun;
  supports?: Supports;
  onProgress?: (p: { done: number; total: number }) => void;
}

/** What to build: the log's area, the pane's column mapping, the as-of date and time unit, the language. */
export interface AnalysisRequest {
  source: SourceRef;
  mapping: Partial<Record<LogColumn, number | null>>;
  /** As-of date (serial), or null for the last date in the log. */
  asOf: number | null;
  periodDays: number;
  /** The sheet's language; null: the headers'. */
  language: Language | null;
}

export type AnalysisOutcome =
  | {
      kind: "built";
      plan: LiveAnalysisPlan;
      sheetName: string;
      sheetId: string;
      syncs: number;
      customers: number;
      transactions: number;
      /** What the sheet leaves out and why (no model, …). */
      notes: Message[];
    }
  /** The log has problems now (it was edited since it was read): nothing was written. */
  | { kind: "problems"; problems: Message[]; syncs: number };

/** Queues the live plan on its new sheet: cells, formats, colour scales, widths, charts; then opens it. */
function queueLivePlan(plan: LiveAnalysisPlan, sheet: Excel.Worksheet, supports: Supports): void {
  for (const b of plan.blocks) writeBlock(sheet.getRange(b.address), b);
  for (const f of plan.formats) applyFormat(sheet.getRange(f.range), f);
  // the table's columns are as long as the log has customers: one number format for each range, not one per cell
  for (const f of plan.tableFormats)
    if (f.numberFormat !== undefined) sheet.getRange(f.range).numberFormat = f.numberFormat as unknown as string[][];
  if (supports("1.6"))
    for (const s of plan.colorScales) {
      const cf = sheet.getRange(s.range).conditionalFormats.add("ColorScale");
      cf.colorScale.criteria = {
        minimum: { type: "LowestValue", color: s.colors[0] },
        midpoint: { type: "Percentile", formula: "50", color: s.colors[1] },
        maximum: { type: "HighestValue", color: s.colors[2] },
      };
    }
  if (supports("1.2")) queueColumnWidths(plan, sheet);
  for (const c of plan.charts) {
    const chart = sheet.charts.add(c.type, sheet.getRange(c.source), c.seriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = c.type === "Line";
    chart.setPosition(c.from, c.to);
  }
  sheet.activate();
}

/**
 * Builds the live analysis sheet (top comment): 3 syncs, + 2 for a clean-up after a failed write.
 * @throws ScorecardError ("source": the log could not be read; "taken", "write"), or Error when the plan fails
 *   its check (nothing written)
 */
export async function buildAnalysis(request: AnalysisRequest, hooks: AnalysisHooks = {}): Promise<AnalysisOutcome> {
  const run = hooks.run ?? defaultRun;
  const supports = hooks.supports ?? excelApiSupports;
  const progress = (done: number): void => hooks.onProgress?.({ done, total: 3 });
  return run(async (context) => {
    const c = counter(context);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const read = queueSourceRead(context, request.source);
    progress(0);
    try {
      await c.sync();
    } catch (e) {
      throw new ScorecardError("source", request.source.sheet, messageOf(e), { code: codeOf(e) });
    }
    const block = read().blocks[0];
    const origin = parseCell(block?.topLeft ?? "A1");
    const address = `${displaySheet(request.source.sheet)}!${request.source.areas[0] ?? ""}`;
    const at = { sheet: request.source.sheet, row: origin.row, column: origin.column, address };
    const reading = readLiveLog(block?.values ?? [], at, request.mapping);
    if (reading.log === null || reading.source === null)
      return { kind: "problems", problems: reading.problems, syncs: c.count() };
    const options: AnalysisOptions = {
      candidates: ANALYSIS_CANDIDATES,
      periodDays: request.periodDays,
      ...(request.asOf === null ? {} : { asOf: request.asOf }),
    };
    let analysis;
    try {
      analysis = analyzeCustomers(reading.log, options);
    } catch (e) {
      if (e instanceof CrmError) return { kind: "problems", problems: [e.what], syncs: c.count() };
      throw e;
    }
    const plan = buildLiveAnalysisPlan(analysis, options, {
      language: request.language ?? reading.language,
      log: reading.source,
      transactions: reading.transactions,
      existingSheetNames: sheets.items.map((s) => s.name),
    });
    const problems = checkLivePlan(plan);
    if (problems.length > 0) throw new Error(`the analysis plan failed its check: ${problems.join("; ")}`);
    progress(1);
    const sheetId = await addPlanSheet(context, c.sync, plan);
    progress(2);
    await writeAddedSheet(context, c.sync, { sheetName: plan.sheetName, sheetId, supports }, (sheet) =>
      queueLivePlan(plan, sheet, supports),
    );
    progress(3);
    return {
      kind: "built",
      plan,
      sheetName: plan.sheetName,
      sheetId,
      syncs: c.count(),
      customers: analysis.table.customers.length,
      transactions: reading.transactions,
      notes: analysisNotes(analysis),
    };
  });
}

/** Which analysis a KPI table links to: its sheet (by id: it may have been renamed) and KPI cells. */
export interface KpiTableRequest {
  analysisSheetId: string;
  kpiCells: Partial<Record<LiveKpi, string>>;
  language: Language;
}

/**
 * Writes the KPI table for the scorecard on a new sheet (top comment): 3 syncs, + 2 after a failed write.
 * @throws ScorecardError ("missing": the analysis sheet is gone; "taken", "write")
 */
export async function createKpiTable(
  request: KpiTableRequest,
  hooks: AnalysisHooks = {},
): Promise<{ plan: KpiTablePlan; sheetName: string; analysisSheet: string; syncs: number }> {
  const run = hooks.run ?? defaultRun;
  const supports = hooks.supports ?? excelApiSupports;
  return run(async (context) => {
    const c = counter(context);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const analysis = sheets.getItemOrNullObject(request.analysisSheetId);
    analysis.load("name");
    await c.sync();
    if (analysis.isNullObject) throw new ScorecardError("missing", "", "");
    const names = sheets.items.map((s) => s.name);
    const plan = buildKpiTablePlan(analysis.name, request.kpiCells, request.language, names);
    const sheetId = await addPlanSheet(context, c.sync, plan);
    await writeAddedSheet(context, c.sync, { sheetName: plan.sheetName, sheetId, supports }, (sheet) => {
      for (const b of plan.blocks) writeBlock(sheet.getRange(b.address), b);
      for (const f of plan.formats) applyFormat(sheet.getRange(f.range), f);
      if (supports("1.2")) queueColumnWidths(plan, sheet);
      sheet.activate();
      sheet.getRange(cellAddress(1, 3)).select();
    });
    return { plan, sheetName: plan.sheetName, analysisSheet: analysis.name, syncs: c.count() };
  });
}
