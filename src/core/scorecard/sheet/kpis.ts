/**
 * The KPI table: a header row, one row per KPI (inputs, then the computed columns), and the helper columns
 * the rank formulas and the perspective sums read.
 */
import { columnLetters, quotedSheet, rangeAddress } from "../../address";
import type { SheetColumn } from "../layout";
import type { PlanCell, PlanConditionalFormat, PlanFormat } from "../planTypes";
import type { ScorecardResult, StatusThresholds } from "../scoring";
import { formula, Grid, num, text } from "./cells";
import {
  comparisonConditionalFormats,
  comparisonFormats,
  comparisonLinkFormats,
  comparisonRowCells,
  moverRanks,
} from "./comparisons";
import type { PlanContext, SheetSection } from "./context";
import { achievementFormula, kpiRowRefs, statusFormula, strengthRankFormula, weaknessRankFormula } from "./formulas";
import { COLORS, format, NUMBER_FORMATS, STYLES } from "./styles";

/** Each KPI's strength and weakness rank as the sheet's helper columns compute them (all, not just 5). */
function rankAll(
  result: ScorecardResult,
  status: StatusThresholds,
): { strength: (number | undefined)[]; weakness: (number | undefined)[] } {
  const k = result.kpis;
  const idx = k.map((_, i) => i);
  const strength = new Array<number | undefined>(k.length);
  const weakness = new Array<number | undefined>(k.length);
  idx
    .filter((i) => k[i]!.score >= status.onTarget)
    .sort((a, b) => k[b]!.score - k[a]!.score || a - b)
    .forEach((i, r) => (strength[i] = r + 1));
  idx
    .filter((i) => k[i]!.score < status.near)
    .sort((a, b) => k[b]!.pointsLost - k[a]!.pointsLost || a - b)
    .forEach((i, r) => (weakness[i] = r + 1));
  return { strength, weakness };
}

type Ranks = ReturnType<typeof rankAll> & ReturnType<typeof moverRanks>;

/** An input cell: in live mode a link to its source cell, else (or without one) the value. */
function inputCell(ctx: PlanContext): (value: number, cell: string | null) => PlanCell {
  const src = quotedSheet(ctx.table.sheet);
  return (value, cell) =>
    ctx.options.mode === "live" && cell !== null ? formula(`=${src}!${cell}`, value) : num(value);
}

/** The cells of KPI `i`'s row, by column; null leaves a cell empty. */
function rowCells(ctx: PlanContext, i: number, ranks: Ranks): Partial<Record<SheetColumn, PlanCell | null>> {
  const { labels: L, layout } = ctx;
  const k = ctx.kpis[i]!;
  const res = ctx.result.kpis[i]!;
  const r = kpiRowRefs(layout, layout.kpis.first + i);
  const input = inputCell(ctx);
  return {
    perspective: text(k.perspective),
    metric: text(k.metric),
    direction: text(k.direction === "higher" ? L.higher : L.lower),
    actual: input(k.actual, k.cells.actual),
    target: input(k.target, k.cells.target),
    threshold: k.threshold === null ? null : input(k.threshold, k.cells.threshold),
    weight: formula(`=${r.at("inputWeight")}/SUM(${r.all("inputWeight")})`, res.weight),
    achievement: formula(achievementFormula(k, r), res.achievement),
    score: formula(`=ROUND(${r.at("achievement")}*100,9)`, res.score),
    points: formula(`=${r.at("weight")}*${r.at("score")}`, res.points),
    status: formula(statusFormula(r, L), L[res.status]),
    inputWeight: ctx.table.hasWeights ? input(k.weight, k.cells.weight) : num(1),
    pointsLost: formula(`=ROUND(${r.at("weight")}*(100-${r.at("score")}),9)`, res.pointsLost),
    strengthRank: formula(strengthRankFormula(r), ranks.strength[i] ?? ""),
    weaknessRank: formula(weaknessRankFormula(r), ranks.weakness[i] ?? ""),
    group: num(res.group),
    ...comparisonRowCells(ctx, i, r, ranks),
  };
}

/** Number formats and styles of the KPI table. */
function kpiFormats(ctx: PlanContext): PlanFormat[] {
  const { header: h, first: f, last: l } = ctx.layout.kpis;
  const c = ctx.layout.col;
  const [status, last] = [ctx.layout.lastKpiColumn, ctx.layout.lastColumn];
  const R = rangeAddress;
  const rows = (from: SheetColumn, to: SheetColumn = from): string => R(f, c[from], l, c[to]);
  return [
    format(R(h, 0, h, status), null, STYLES.tableHeader),
    format(R(h, c.inputWeight, h, last), null, STYLES.helperHeader),
    format(rows("actual", "threshold"), NUMBER_FORMATS.general),
    format(rows("weight"), NUMBER_FORMATS.percent),
    format(rows("achievement"), NUMBER_FORMATS.percent),
    format(rows("score"), NUMBER_FORMATS.score),
    format(rows("points"), NUMBER_FORMATS.points),
    format(rows("status"), null, STYLES.centered),
    format(R(l, 0, l, status), null, STYLES.lastRow),
    format(R(f, c.inputWeight, l, last), null, STYLES.helper),
    format(rows("pointsLost"), NUMBER_FORMATS.points),
    format(R(f, c.strengthRank, l, last), NUMBER_FORMATS.whole),
  ];
}

/** Status colours (on target, near, off target) and a data bar on the scores, from 0 to 100·cap. */
function kpiConditionalFormats(ctx: PlanContext): PlanConditionalFormat[] {
  const { layout } = ctx;
  const { first, last } = layout.kpis;
  const { onTarget: on, near } = layout.refs;
  const range = rangeAddress(first, layout.col.status, last, layout.col.status);
  const score = `$${columnLetters(layout.col.score)}${first + 1}`;
  const expression = (f: string, fill: string, fontColor: string): PlanConditionalFormat => ({
    kind: "expression",
    range,
    formula: f,
    format: { fill, fontColor },
  });
  return [
    expression(`=${score}>=${on}`, COLORS.onFill, COLORS.onFont),
    expression(`=AND(${score}>=${near},${score}<${on})`, COLORS.nearFill, COLORS.nearFont),
    expression(`=${score}<${near}`, COLORS.offFill, COLORS.offFont),
    {
      kind: "dataBar",
      range: rangeAddress(first, layout.col.score, last, layout.col.score),
      color: COLORS.bar,
      min: 0,
      max: 100 * ctx.options.cap,
    },
  ];
}

/** The KPI table with its helper columns. */
export function kpiSection(ctx: PlanContext): SheetSection {
  const { layout, labels: L } = ctx;
  const g = new Grid();
  for (const key of layout.kpiColumns) g.set(layout.kpis.header, layout.col[key], text(L.headers[key]));
  for (const key of layout.helperColumns) g.set(layout.kpis.header, layout.col[key], text(L.helpers[key]));
  const ranks = { ...rankAll(ctx.result, ctx.options.status), ...moverRanks(ctx) };
  const columns = [...layout.kpiColumns, ...layout.helperColumns];
  ctx.kpis.forEach((_, i) => {
    const cells = rowCells(ctx, i, ranks);
    for (const key of columns) {
      const cell = cells[key];
      if (cell !== null && cell !== undefined) g.set(layout.kpis.first + i, layout.col[key], cell);
    }
  });
  return {
    blocks: [g.block("kpis", layout.kpis.header, 0, layout.kpis.last, layout.lastColumn)],
    formats: [...kpiFormats(ctx), ...comparisonFormats(ctx)],
    conditionalFormats: [...kpiConditionalFormats(ctx), ...comparisonConditionalFormats(ctx)],
  };
}

/**
 * In live mode, the inputs linked to the source in the link colour. Applied after every other format, over
 * the inputs' number format.
 */
export function liveLinkFormats(ctx: PlanContext): PlanFormat[] {
  if (ctx.options.mode !== "live") return [];
  const { layout } = ctx;
  return [
    format(
      rangeAddress(layout.kpis.first, layout.col.actual, layout.kpis.last, layout.col.threshold),
      null,
      STYLES.link,
    ),
    ...comparisonLinkFormats(ctx),
  ];
}
