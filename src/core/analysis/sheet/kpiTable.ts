/**
 * The KPI table for the scorecard, made from a live analysis sheet: the scorecard builder's input format
 * (src/core/scorecard/table.ts; headers Metric, Perspective, Actual, Target, Weight, Direction in the sheet's
 * language) with one row per headline KPI the analysis shows. Actual links to the analysis sheet's KPI cell
 * (`='Customer analysis'!$B$9`), so the scorecard follows the analysis; the perspective is Customer (in the
 * table's language), the direction says whether higher is better (the at-risk share: lower), each weight is
 * 1, and Target is left blank for the user to fill in.
 */
import { quotedSheet } from "../../address";
import { Language, MessageId, render, renderMessage } from "../../messages/catalogue";
import { ROLE_NAMES } from "../../scorecard/headers";
import { formula, Grid, num, text } from "../../scorecard/sheet/cells";
import type { PlanBlock, PlanColumn, PlanFormat } from "../../scorecard/planTypes";
import { LIVE_KPIS, LiveKpi } from "./livePlan";
import { uniqueName } from "./plan";

/** A KPI table sheet. */
export interface KpiTablePlan {
  sheetName: string;
  blocks: PlanBlock[];
  formats: PlanFormat[];
  columns: PlanColumn[];
  /** The KPIs in the table, in order. */
  kpis: LiveKpi[];
}

const LABELS: Readonly<Record<LiveKpi, MessageId>> = {
  customers: "analysis.kpiCustomers",
  activeCustomers: "analysis.kpiActive",
  repeatRate: "analysis.kpiRepeatRate",
  highValueShare: "analysis.kpiHighValueShare",
  atRiskShare: "analysis.kpiAtRiskShare",
  crossSellRate: "analysis.kpiCrossSell",
  revenue: "analysis.kpiRevenue",
  revenuePerCustomer: "analysis.kpiRevenuePerCustomer",
};
const FORMATS: Readonly<Record<LiveKpi, string>> = {
  customers: "#,##0",
  activeCustomers: "#,##0",
  repeatRate: "0.0%",
  highValueShare: "0.0%",
  atRiskShare: "0.0%",
  crossSellRate: "0.0%",
  revenue: "#,##0.00",
  revenuePerCustomer: "#,##0.00",
};

/**
 * The KPI table (module comment).
 * @param analysisSheet the analysis sheet's name now
 * @param kpiCells the analysis's KPI cells (LiveAnalysisPlan.kpiCells)
 * @param language the table's language
 * @param existingSheetNames the workbook's sheets (the table's name is made unique against them)
 * @param months the CLV horizon of the revenue KPIs' labels
 */
export function buildKpiTablePlan(
  analysisSheet: string,
  kpiCells: Partial<Record<LiveKpi, string>>,
  language: Language,
  existingSheetNames: readonly string[],
  months = 12,
): KpiTablePlan {
  const roles = ROLE_NAMES[language];
  const grid = new Grid();
  const head = [roles.metric, roles.perspective, roles.actual, roles.target, roles.weight, roles.direction];
  grid.setRow(0, 0, head.map(text));
  const kpis = LIVE_KPIS.filter((k) => kpiCells[k] !== undefined);
  const formats: PlanFormat[] = [{ range: "A1:F1", style: { bold: true, fill: "#DDEBF7" } }];
  kpis.forEach((k, i) => {
    const r = i + 1;
    const label = renderMessage({ id: LABELS[k], params: { months } }, language); // months: the revenue KPIs'
    grid.setRow(r, 0, [
      text(label),
      text(render("analysisPane.kpiPerspective", {}, language)),
      formula(`=${quotedSheet(analysisSheet)}!${kpiCells[k]!}`, 0),
      null,
      num(1),
      text(render(k === "atRiskShare" ? "analysisPane.kpiLower" : "analysisPane.kpiHigher", {}, language)),
    ]);
    formats.push({ range: `C${r + 1}:D${r + 1}`, numberFormat: FORMATS[k] });
  });
  const widths = [40, 14, 14, 14, 10, 14];
  return {
    sheetName: uniqueName(render("analysisPane.kpiSheetName", {}, language), existingSheetNames),
    blocks: [grid.block("kpis", 0, 0, kpis.length, head.length - 1)],
    formats,
    columns: widths.map((w, j) => ({
      column: String.fromCharCode(65 + j),
      width: w,
      widthPoints: (w * 7 + 5) * 0.75,
      hidden: false,
    })),
    kpis,
  };
}
