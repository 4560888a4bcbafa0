/**
 * The customer-analysis sheet as a *plan* (plain data; DESIGN.md "Architecture"): the command line writes it
 * to an .xlsx (src/cli/analysisXlsx.ts), and LibreOffice recalculates it in the tests. Per customer the table
 * holds the core's values (the models need the add-in or the core); every summary above it — KPIs, score
 * breaks and splits, distributions, the top-CLV and early-warning lists — is a native formula over the table
 * that works in Excel 2016 and LibreOffice, with the core's value beside it as `expected`. Formulas are in
 * Office.js form (bare function names); files add `_xlfn.` prefixes (xlfn.ts).
 *
 * Layout, top to bottom in columns A–…: header (rows 1–4), headline KPIs, models, RFM score breaks and
 * splits, segment / tier / stage distributions, top customers by CLV, the churn early-warning list, cohort
 * retention, then the customer table (a header row and one row per customer).
 */
import { columnLetters, rangeAddress } from "../../address";
import { Language } from "../../messages/catalogue";
import { Grid, textWidth } from "../../scorecard/sheet/cells";
import type { AnalysisOptions, CustomerAnalysis } from "../customerAnalysis";
import { say, SheetContext } from "./context";
import { cohortSection, rankedList } from "./lists";
import type { AnalysisPlan, PlanColorScale, PlanColumn, PlanFormat } from "./planTypes";
import { breaksSection, distributions, kpiSection, modelSection, sheetHeader } from "./sections";
import { columnRanges, tableColumns } from "./table";

/** Options of {@link buildAnalysisPlan}. */
export interface AnalysisPlanOptions {
  readonly language: Language;
  /** Transactions the analysis read (shown in the header). */
  readonly transactions: number;
  /** Sheet names already in the workbook: the plan's name is made unique against them. */
  readonly existingSheetNames?: readonly string[];
}

/** A sheet name not in `existing` (case-insensitive): the base, then "base (2)", "base (3)", … */
export function uniqueName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} (${k})`.toLowerCase())) return `${base} (${k})`;
}

/** Rows of the summary above the customer table, so the table's position is known before the formulas. */
function summaryRows(a: CustomerAnalysis, listLength: number): number {
  const m = a.models;
  const models = 2 + m.candidates.length + m.comparison.length + 1 + (m.chosen === null ? 1 : 0) + 1;
  const breaks = 2 + a.table.scores.breaks.r.length + 1 + 1;
  const dist = (n: number): number => n + 3;
  const lists = a.table.clv === null ? 0 : listLength + 3;
  const warning = a.table.stages === null || a.table.clv === null ? 0 : listLength + 3;
  return (
    5 +
    10 +
    models +
    breaks +
    dist(8) +
    (a.distributions.tiers === null ? 0 : dist(4)) +
    (a.distributions.stages === null ? 0 : dist(4)) +
    lists +
    warning +
    a.cohorts.length +
    3
  );
}

/**
 * The analysis sheet's plan (module comment). O(customers) for the table's label columns; the summary is
 * small.
 * @param a the analysis
 * @param analysisOptions the options the analysis was made with (horizons, splits, list length)
 * @param options the sheet's language, the transactions read and the workbook's sheet names
 */
export function buildAnalysisPlan(
  a: CustomerAnalysis,
  analysisOptions: AnalysisOptions,
  options: AnalysisPlanOptions,
): AnalysisPlan {
  const language = options.language;
  const listLength = analysisOptions.listLength ?? 20;
  const months = analysisOptions.months ?? 12;
  const columns = tableColumns(a, language, { expectedDays: analysisOptions.expectedDays ?? 90, months });
  const tableTitle = summaryRows(a, listLength);
  const headerRow = tableTitle + 1;
  const rows = a.table.customers.length;
  const formats: PlanFormat[] = [];
  const scales: PlanColorScale[] = [];
  const ctx: SheetContext = {
    a,
    options: analysisOptions,
    language,
    ranges: columnRanges(columns, headerRow, rows),
    customersCell: "$B$7",
    grid: new Grid(),
    formats,
    listLength,
    months,
  };
  let r = sheetHeader(ctx, options.transactions);
  const kpis = r;
  r = kpiSection(ctx, r);
  const models = r;
  r = modelSection(ctx, r);
  const breaks = r;
  r = breaksSection(ctx, r);
  const dist = distributions(ctx, r);
  r = dist.next;
  const top = a.table.clv === null ? null : r;
  if (top !== null)
    r = rankedList(ctx, r, say(ctx, "analysis.sheetTop", { count: listLength, months }), "clvRank", a.topByClv);
  const warning = a.table.stages === null || a.table.clv === null ? null : r;
  if (warning !== null)
    r = rankedList(ctx, r, say(ctx, "analysis.sheetWarning", { count: listLength }), "warningRank", a.earlyWarning);
  const cohorts = r;
  r = cohortSection(ctx, r, scales);
  if (r !== tableTitle) throw new Error(`analysis plan layout: the summary ends at row ${r}, expected ${tableTitle}`);
  ctx.grid.set(tableTitle, 0, { kind: "text", value: say(ctx, "analysis.sheetTable"), forceText: false });
  formats.push({ range: `A${tableTitle + 1}`, style: { bold: true, fontSize: 12 } });
  const last = columns.length - 1;
  formats.push({
    range: rangeAddress(headerRow, 0, headerRow, last),
    style: { bold: true, fill: "#DDEBF7", wrapText: true },
  });
  const width = Math.max(last, 1 + (a.cohorts[0]?.active.length ?? 0), 4);
  const summary = ctx.grid.block("summary", 0, 0, tableTitle, width);
  return {
    sheetName: uniqueName(say(ctx, "analysis.sheetName"), options.existingSheetNames ?? []),
    language,
    blocks: [summary],
    table: { headerRow, rows, columns },
    formats,
    colorScales: scales,
    columns: columnWidths(
      columns.map((c) => c.header),
      width,
    ),
    anchors: {
      kpis: rangeAddress(kpis + 1, 0, kpis + 8, 1),
      models: `A${models + 1}`,
      breaks: `A${breaks + 1}`,
      segments: `A${dist.segments + 1}`,
      tiers: dist.tiers === null ? null : `A${dist.tiers + 1}`,
      stages: dist.stages === null ? null : `A${dist.stages + 1}`,
      top: top === null ? null : `A${top + 1}`,
      warning: warning === null ? null : `A${warning + 1}`,
      cohorts: `A${cohorts + 1}`,
      table: rangeAddress(headerRow + 1, 0, headerRow + Math.max(rows, 1), last),
    },
    usedRange: rangeAddress(0, 0, headerRow + rows, width),
  };
}

/** Column widths: A fits the summary's labels; the others fit the table's headers (at least 12). */
export function columnWidths(headers: readonly string[], width: number): PlanColumn[] {
  const out: PlanColumn[] = [];
  for (let j = 0; j <= width; j++) {
    const chars = j === 0 ? 44 : Math.min(24, Math.max(12, textWidth(headers[j] ?? "") + 2));
    out.push({ column: columnLetters(j), width: chars, widthPoints: (chars * 7 + 5) * 0.75, hidden: false });
  }
  return out;
}
