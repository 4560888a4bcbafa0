/** The perspective summary (rating, weight and score per perspective) and the chart of its scores. */
import { cellAddress, rangeAddress } from "../../address";
import { kpiColumnRange, PerspectiveColumn } from "../layout";
import type { PlanCell, PlanChart } from "../planTypes";
import { formula, Grid, text } from "./cells";
import type { PlanContext, SheetSection } from "./context";
import { previousScoreSumFormula, scoreChangeOf } from "./comparisons";
import { ratingFormula } from "./formulas";
import { COLORS, format, NUMBER_FORMATS, STYLES } from "./styles";

/** The cells of perspective `j`'s row: weight and score sum its KPIs' (by their perspective number). */
function rowCells(ctx: PlanContext, j: number): Partial<Record<PerspectiveColumn, PlanCell>> {
  const { layout } = ctx;
  const p = ctx.result.perspectives[j]!;
  const row = layout.perspectives.first + j;
  const at = (c: PerspectiveColumn): string => cellAddress(row, layout.perspectiveCol[c]);
  const sumOf = (c: "weight" | "points"): string =>
    `SUMIF(${kpiColumnRange(layout, "group")},${j + 1},${kpiColumnRange(layout, c)})`;
  const cells: Partial<Record<PerspectiveColumn, PlanCell>> = {
    perspective: text(p.name),
    rating: formula(ratingFormula(layout, at("score")), ctx.options.ratingBands[p.rating]!.label),
    weight: formula(`=${sumOf("weight")}`, p.weight),
    score: formula(`=${sumOf("points")}/${at("weight")}`, p.score),
  };
  const c = ctx.comparison?.perspectives[j];
  if (layout.has.previous && c !== undefined) {
    cells.previousScore = formula(previousScoreSumFormula(ctx, j), c.previousScore ?? "");
    cells.change = formula(scoreChangeOf(at("score"), at("previousScore")), c.change ?? "");
  }
  return cells;
}

/** The perspectives' title, header and rows, with a data bar on their scores. */
export function perspectiveSection(ctx: PlanContext): SheetSection {
  const { layout, labels: L } = ctx;
  const t = layout.perspectives;
  const col = layout.perspectiveCol;
  const headers: Record<PerspectiveColumn, string> = {
    perspective: L.headers.perspective,
    rating: L.rating,
    weight: L.headers.weight,
    score: L.headers.score,
    previousScore: L.headers.previousScore,
    change: L.headers.scoreChange,
  };
  const keys = layout.perspectiveColumns;
  const g = new Grid();
  g.set(t.title, 0, text(L.perspectivesTitle));
  for (const key of keys) g.set(t.header, col[key], text(headers[key]));
  ctx.result.perspectives.forEach((_, j) => {
    const cells = rowCells(ctx, j);
    for (const key of keys) {
      const cell = cells[key];
      if (cell !== undefined) g.set(t.first + j, col[key], cell);
    }
  });
  const right = keys.length - 1;
  const rows = (c: PerspectiveColumn): string => rangeAddress(t.first, col[c], t.last, col[c]);
  return {
    blocks: [g.block("perspectives", t.title, 0, t.last, right)],
    formats: [
      format(cellAddress(t.title, 0), null, STYLES.emphasis),
      format(rangeAddress(t.header, 0, t.header, right), null, STYLES.subHeader),
      format(rows("weight"), NUMBER_FORMATS.percent),
      format(rows("score"), NUMBER_FORMATS.score),
      ...(layout.has.previous
        ? [format(rows("previousScore"), NUMBER_FORMATS.score), format(rows("change"), NUMBER_FORMATS.change)]
        : []),
    ],
    conditionalFormats: [
      { kind: "dataBar", range: rows("score"), color: COLORS.bar, min: 0, max: 100 * ctx.options.cap },
    ],
  };
}

/** A clustered column chart of the perspective scores, beside the perspective summary. */
export function perspectiveChart(ctx: PlanContext): PlanChart {
  const { layout, labels: L } = ctx;
  const t = layout.perspectives;
  const col = layout.perspectiveCol;
  const { chart } = layout;
  return {
    type: "columnClustered",
    name: ctx.chartName,
    title: L.chartTitle,
    seriesName: L.headers.score,
    categories: rangeAddress(t.first, col.perspective, t.last, col.perspective),
    values: rangeAddress(t.first, col.score, t.last, col.score),
    from: cellAddress(chart.top, chart.left),
    to: cellAddress(chart.bottom, chart.right),
    valueAxis: { min: 0, max: 100 * ctx.options.cap, majorUnit: 20, numberFormat: "0" },
  };
}
