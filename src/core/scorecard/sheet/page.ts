/** Page set-up of the sheet: column widths from the content, frozen header, print layout. */
import { columnLetters, rangeAddress } from "../../address";
import type { KpiColumn } from "../labels";
import type { ScorecardLayout } from "../layout";
import type { PlanColumn, PlanPrint } from "../planTypes";
import { textWidth } from "./cells";
import type { PlanContext } from "./context";

/** Width (characters) of a column without a rule: the helper columns. */
const DEFAULT_WIDTH = 12;
/** Width of the empty column between the KPI table and its helpers. */
const GAP_WIDTH = 3;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function longest(xs: readonly string[]): number {
  return xs.reduce((m, s) => Math.max(m, textWidth(s)), 0);
}

/** Width of each visible KPI column: fixed for numbers, from the content (within limits) for texts. */
function kpiColumnWidths(ctx: PlanContext): Record<KpiColumn, number> {
  const { labels: L, kpis } = ctx;
  // Column A also holds the rating bands and the labels of the sections below the table.
  const columnA = [
    ...kpis.map((k) => k.perspective),
    ...ctx.options.ratingBands.map((b) => b.label),
    ...[L.cap, L.onTargetFrom, L.nearFrom, L.mode, L.storedSettings, L.strengthsTitle, L.weaknessesTitle],
  ];
  return {
    perspective: clamp(longest(columnA) + 2, 14, 34),
    metric: clamp(longest(kpis.map((k) => k.metric)) + 2, 24, 60),
    direction: clamp(longest([L.higher, L.lower, L.headers.direction]) + 2, 10, 14),
    actual: 12,
    target: 12,
    threshold: 12,
    weight: 10,
    achievement: 12,
    score: 10,
    points: 10,
    status: clamp(longest([L.onTarget, L.near, L.offTarget, L.rating]) + 3, 12, 16),
    previous: 12,
    change: 10,
    changePercent: 10,
    previousScore: 10,
    scoreChange: 10,
    // The words of the trend's number format, and room for the icon set's arrow.
    trend: clamp(longest([L.improved, L.declined, L.unchanged]) + 5, 10, 16),
    benchmark: 12,
    gap: 12,
    versusBenchmark: clamp(longest([L.ahead, L.behind]) + 3, 10, 14),
  };
}

/** Every used column's width (characters, and points for Office.js: 7 px a character + 5 px, 0.75 pt/px). */
export function planColumns(ctx: PlanContext): PlanColumn[] {
  const { layout } = ctx;
  const widths = new Map<number, number>();
  const kpi = kpiColumnWidths(ctx);
  for (const key of layout.kpiColumns) widths.set(layout.col[key], kpi[key]);
  widths.set(layout.lastKpiColumn + 1, GAP_WIDTH);
  const columns: PlanColumn[] = [];
  for (let c = 0; c <= layout.lastColumn; c++) {
    const width = widths.get(c) ?? DEFAULT_WIDTH;
    columns.push({
      column: columnLetters(c),
      width,
      widthPoints: Math.round((width * 7 + 5) * 0.75 * 100) / 100,
      hidden: false,
    });
  }
  return columns;
}

/** Landscape, one page wide, the visible columns, the KPI header repeated on every page. */
export function planPrint(layout: ScorecardLayout): PlanPrint {
  const headerRow = layout.kpis.header + 1;
  return {
    area: rangeAddress(0, 0, layout.lastRow, layout.lastKpiColumn),
    orientation: "landscape",
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows: `$${headerRow}:$${headerRow}`,
  };
}

/** Rows and columns frozen: everything down to the KPI table's header. */
export function planFreeze(layout: ScorecardLayout): { rows: number; columns: number } {
  return { rows: layout.kpis.header + 1, columns: 0 };
}
