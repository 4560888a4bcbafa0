/**
 * The LIVE customer-analysis sheet as a plan (DESIGN.md "Architecture"), the one the task pane writes: the
 * customer table and the models are `=CRM.*` formulas over the user's transaction log, so the sheet follows
 * the log when it changes (and the as-of date in B2 and the time unit in B3 can be edited); every summary is
 * the values sheet's native formula (./sections.ts: KPIs, score breaks and splits, distributions), now over the
 * table's spills, and the lists use LARGE/AGGREGATE/INDEX (Excel 2016; no SORTBY or FILTER). The core's
 * analysis of the same log gives each formula's `expected` value and decides what is shown: without a purchase
 * model (nobody bought twice, a single customer) the model columns, tiers, stages and lists are left out and the
 * models section says why; without a spend model CLV, tiers and the lists are.
 *
 * Spill references (`A81#`) are used, as custom functions spill only in dynamic-array Excel anyway; Prepare for
 * sharing pins them to the fixed range a spill covers when it freezes it (src/core/sharing/spillPins.ts).
 *
 * Layout: header (rows 1–4), KPIs (from row 6; B7 holds the number of customers), models, breaks,
 * distributions, top customers by CLV, early warning, a note where the cohort table is, then the customer
 * table (a title row, the header row, the formula row). The cohort table is right of the customer table's
 * columns, from row 6, where its spill can grow down and right without meeting anything. Charts (segments,
 * stages, cohort curves) float right of the summary.
 */
import { cellAddress, rangeAddress } from "../../address";
import { Language } from "../../messages/catalogue";
import { Grid, text } from "../../scorecard/sheet/cells";
import type { AnalysisOptions, CustomerAnalysis } from "../customerAnalysis";
import { say, SheetContext } from "./context";
import { LiveLogSource, spillOf } from "./liveRefs";
import { crossSellFormula, liveCohorts, liveList, liveModels, LiveSpill, modelInputs } from "./liveSections";
import { liveRanges, liveTable, liveTableLayout } from "./liveTable";
import { columnWidths, uniqueName } from "./plan";
import type { PlanBlock, PlanColorScale, PlanColumn, PlanFormat } from "./planTypes";
import { breaksSection, distributions, kpiSection, sheetHeader } from "./sections";

export type { LiveLogSource } from "./liveRefs";
export type { LiveSpill } from "./liveSections";

/** A chart of the live sheet. */
export interface LiveChart {
  name: string;
  type: "ColumnClustered" | "BarClustered" | "Line";
  title: string;
  /** The data (A1 on the plan's sheet); series by columns or by rows. */
  source: string;
  seriesBy: "Columns" | "Rows";
  /** Top-left and bottom-right cells it covers. */
  from: string;
  to: string;
}

/** The headline KPIs by key, as the KPI table for the scorecard links them. */
export const LIVE_KPIS = [
  "customers",
  "activeCustomers",
  "repeatRate",
  "highValueShare",
  "atRiskShare",
  "crossSellRate",
  "revenue",
  "revenuePerCustomer",
] as const;
export type LiveKpi = (typeof LIVE_KPIS)[number];

/** Everything the live sheet holds. */
export interface LiveAnalysisPlan {
  sheetName: string;
  language: Language;
  blocks: PlanBlock[];
  /** Formats of the summary (small ranges). */
  formats: PlanFormat[];
  /** Number formats of the table's spills over the rows they cover now (large ranges: one format each). */
  tableFormats: PlanFormat[];
  colorScales: PlanColorScale[];
  columns: PlanColumn[];
  charts: LiveChart[];
  /** The spills the sheet makes, with their sizes on today's log. */
  spills: LiveSpill[];
  /** Absolute address of each KPI's value cell (`$B$9`), for the KPIs shown. */
  kpiCells: Partial<Record<LiveKpi, string>>;
  /** The customer table's header row (A1 row number) and where the cohort table starts. */
  anchors: { tableHeader: number; cohorts: string };
}

/** Options of {@link buildLiveAnalysisPlan}. */
export interface LivePlanOptions {
  readonly language: Language;
  readonly log: LiveLogSource;
  /** Transactions read (the header shows them). */
  readonly transactions: number;
  readonly existingSheetNames?: readonly string[];
}

/** The summary on a grid, with the table's header at `headerRow`; returns the row where the table's title goes. */
function summary(
  a: CustomerAnalysis,
  analysisOptions: AnalysisOptions,
  options: LivePlanOptions,
  headerRow: number,
): {
  ctx: SheetContext;
  tableTitle: number;
  models: ReturnType<typeof liveModels>["cells"];
  scales: PlanColorScale[];
  cohort: LiveSpill;
  rows: Record<string, number | null>;
} {
  const layout = liveTableLayout(a.models.chosen !== null, a.table.clv !== null);
  const ranges = liveRanges(layout, headerRow);
  const cross = crossSellFormula(options.log);
  const ctx: SheetContext = {
    a,
    options: analysisOptions,
    language: options.language,
    ranges,
    customersCell: "$B$7",
    grid: new Grid(),
    formats: [],
    listLength: analysisOptions.listLength ?? 20,
    months: analysisOptions.months ?? 12,
    ...(cross === undefined ? {} : { crossSellFormula: cross }),
  };
  let r = sheetHeader(ctx, options.transactions);
  ctx.grid.set(3, 2, text(say(ctx, "analysis.liveSource", { address: options.log.address })));
  ctx.grid.set(0, 2, text(say(ctx, "analysis.liveNote")));
  ctx.formats.push({ range: "C1", style: { italic: true, wrapText: false } });
  r = kpiSection(ctx, r);
  const models = liveModels(ctx, r, modelInputs(spillOf(headerRow, layout.inputs)));
  r = breaksSection(ctx, models.next);
  const dist = distributions(ctx, r);
  r = dist.next;
  const top = a.table.clv === null ? null : r;
  if (top !== null)
    r = liveList(
      ctx,
      r,
      say(ctx, "analysis.sheetTop", { count: ctx.listLength, months: ctx.months }),
      false,
      a.topByClv,
    );
  const warning = a.table.stages === null || a.table.clv === null ? null : r;
  if (warning !== null)
    r = liveList(ctx, r, say(ctx, "analysis.sheetWarning", { count: ctx.listLength }), true, a.earlyWarning);
  const scales: PlanColorScale[] = [];
  const cohortColumn = layout.last + 2;
  const cohort = liveCohorts(ctx, 5, cohortColumn, options.log, scales);
  ctx.grid.set(r, 0, text(say(ctx, "analysis.liveCohortsAt", { cell: cellAddress(6, cohortColumn) })));
  return {
    ctx,
    tableTitle: r + 2,
    models: models.cells,
    scales,
    cohort,
    rows: { segments: dist.segments, stages: dist.stages },
  };
}

/**
 * The live analysis sheet's plan (module comment). O(customers) for the expected values read from the analysis;
 * the sheet itself holds a few hundred cells whatever the log's size.
 * @param a the core's analysis of the log (expected values, and what can be shown)
 * @param analysisOptions the options it was made with
 * @param options language, the log's place, transactions read, the workbook's sheet names
 */
export function buildLiveAnalysisPlan(
  a: CustomerAnalysis,
  analysisOptions: AnalysisOptions,
  options: LivePlanOptions,
): LiveAnalysisPlan {
  // the summary's height decides the table's row, and the summary's formulas read the table: lay out twice
  const probe = summary(a, analysisOptions, options, 1000);
  const headerRow = probe.tableTitle + 1;
  const s = summary(a, analysisOptions, options, headerRow);
  if (s.tableTitle !== probe.tableTitle) throw new Error("live analysis plan: the summary's height changed");
  const { ctx } = s;
  const layout = liveTableLayout(a.models.chosen !== null, a.table.clv !== null);
  ctx.grid.set(s.tableTitle, 0, text(say(ctx, "analysis.sheetTable")));
  ctx.formats.push({ range: cellAddress(s.tableTitle, 0), style: { bold: true, fontSize: 12 } });
  const table = liveTable(
    ctx,
    headerRow,
    layout,
    options.log,
    s.models,
    modelInputs(spillOf(headerRow, layout.inputs)),
    {
      bins: analysisOptions.bins ?? 5,
      segmentSplit: analysisOptions.segmentSplit ?? "mean",
      tierSplit: analysisOptions.tierSplit ?? "median",
      expectedDays: analysisOptions.expectedDays ?? 90,
      monthlyDiscount: analysisOptions.monthlyDiscount ?? 0.01,
      newDays: analysisOptions.newDays ?? 90,
      atRisk: analysisOptions.atRisk ?? 0.5,
      lost: analysisOptions.lost ?? 0.2,
    },
  );
  ctx.formats.push({
    range: rangeAddress(headerRow, 0, headerRow, layout.last),
    style: { bold: true, fill: "#DDEBF7", wrapText: true },
  });
  const width = Math.max(layout.last, s.cohort.column + s.cohort.columns - 1);
  const block = ctx.grid.block("analysis", 0, 0, headerRow + 1, width);
  const headers: string[] = [];
  for (let j = 0; j <= width; j++) {
    const c = block.cells[headerRow]?.[j];
    headers.push(c?.kind === "text" ? c.value : "");
  }
  return {
    sheetName: uniqueName(say(ctx, "analysis.sheetName"), options.existingSheetNames ?? []),
    language: options.language,
    blocks: [block],
    formats: ctx.formats,
    tableFormats: table.formats,
    colorScales: s.scales,
    columns: columnWidths(headers, width),
    charts: charts(ctx, s.rows, s.cohort),
    spills: [...table.spills, s.cohort],
    kpiCells: kpiCells(a),
    anchors: { tableHeader: headerRow + 1, cohorts: cellAddress(s.cohort.row, s.cohort.column) },
  };
}

/** The KPI cells (B7…B14, kpiSection's order) of the KPIs that have a value. */
function kpiCells(a: CustomerAnalysis): Partial<Record<LiveKpi, string>> {
  const out: Partial<Record<LiveKpi, string>> = {};
  LIVE_KPIS.forEach((k, i) => {
    if (a.kpis[k] !== null) out[k] = `$B$${7 + i}`;
  });
  return out;
}

/** Segment and stage distributions (labels and counts) and the cohort curves (shares by month, a line per cohort). */
function charts(ctx: SheetContext, rows: Record<string, number | null>, cohort: LiveSpill): LiveChart[] {
  const out: LiveChart[] = [];
  const segments = rows.segments!;
  out.push({
    name: "CRM_Analysis_Segments",
    type: "BarClustered",
    title: say(ctx, "analysis.sheetSegments"),
    source: rangeAddress(segments + 2, 0, segments + 9, 1),
    seriesBy: "Columns",
    from: "I6",
    to: "P22",
  });
  const stages = rows.stages;
  if (stages !== null && stages !== undefined)
    out.push({
      name: "CRM_Analysis_Stages",
      type: "ColumnClustered",
      title: say(ctx, "analysis.sheetStages"),
      source: rangeAddress(stages + 2, 0, stages + 5, 1),
      seriesBy: "Columns",
      from: "I24",
      to: "P40",
    });
  if (cohort.columns > 2)
    out.push({
      name: "CRM_Analysis_Cohorts",
      type: "Line",
      title: say(ctx, "analysis.chartCohorts"),
      source: rangeAddress(
        cohort.row,
        cohort.column + 2,
        cohort.row + cohort.rows - 1,
        cohort.column + cohort.columns - 1,
      ),
      seriesBy: "Rows",
      from: "I42",
      to: "P58",
    });
  return out;
}
