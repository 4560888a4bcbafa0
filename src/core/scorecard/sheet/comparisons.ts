/**
 * The comparison parts of the sheet (previous period and benchmark) that the KPI table, the perspective
 * summary and the header add when the scorecard has them: their cells, number formats and conditional
 * formats. The formulas are in ./comparisonFormulas.ts, the numbers they reproduce in ../comparison.ts.
 */
import { columnLetters, rangeAddress } from "../../address";
import { kpiColumnRange, SheetColumn } from "../layout";
import type { PlanCell, PlanConditionalFormat, PlanFormat } from "../planTypes";
import { formula, num } from "./cells";
import {
  blankSafeLink,
  changeFormula,
  changePercentFormula,
  gapFormula,
  moverRankFormula,
  previousPointsFormula,
  previousScoreFormula,
  previousWeightFormula,
  scoreChangeFormula,
  trendFormula,
  versusBenchmarkFormula,
} from "./comparisonFormulas";
import type { PlanContext } from "./context";
import type { KpiRowRefs } from "./formulas";
import { COLORS, format, NUMBER_FORMATS, STYLES, trendFormat } from "./styles";

/** A value or "" for the core's null. */
function shown(x: number | null): number | string {
  return x === null ? "" : x;
}

/**
 * A comparison input (previous value or benchmark): a blank-safe live link to its source cell in live mode
 * when it comes from the table, else its value (an empty cell when there is none).
 */
function comparisonInput(
  ctx: PlanContext,
  value: number | null,
  cell: string | null,
  linked: boolean,
): PlanCell | null {
  if (linked && ctx.options.mode === "live" && cell !== null)
    return formula(blankSafeLink(ctx.table.sheet, cell), shown(value));
  return value === null ? null : num(value);
}

/** The rank of each KPI among the improvements and the declines, as the helper columns compute it (all of them). */
export function moverRanks(ctx: PlanContext): { improvement: (number | undefined)[]; decline: (number | undefined)[] } {
  const rows = ctx.comparison?.kpis ?? [];
  const rank = (sign: 1 | -1): (number | undefined)[] => {
    const out = new Array<number | undefined>(rows.length);
    rows
      .map((c, i) => ({ i, d: c.scoreChange }))
      .filter((x): x is { i: number; d: number } => x.d !== null && sign * x.d > 0)
      .sort((a, b) => sign * (b.d - a.d) || a.i - b.i)
      .forEach((x, r) => (out[x.i] = r + 1));
    return out;
  };
  return { improvement: rank(1), decline: rank(-1) };
}

type MoverRanks = ReturnType<typeof moverRanks>;

/** The comparison cells of KPI `i`'s row, by column (only the columns the sheet has are read). */
export function comparisonRowCells(
  ctx: PlanContext,
  i: number,
  r: KpiRowRefs,
  ranks: MoverRanks,
): Partial<Record<SheetColumn, PlanCell | null>> {
  const c = ctx.comparison;
  if (c === null) return {};
  const k = ctx.kpis[i]!;
  const x = c.kpis[i]!;
  const out: Partial<Record<SheetColumn, PlanCell | null>> = {};
  if (c.hasPrevious) {
    Object.assign(out, {
      previous: comparisonInput(ctx, x.previous, k.cells.previous, ctx.previousSource === "column"),
      change: formula(changeFormula(r), shown(x.change)),
      changePercent: formula(changePercentFormula(r), shown(x.changePercent)),
      previousScore: formula(previousScoreFormula(k, r), shown(x.previousScore)),
      scoreChange: formula(scoreChangeFormula(r), shown(x.scoreChange)),
      trend: formula(trendFormula(k, r), shown(x.trend)),
      previousWeight: formula(previousWeightFormula(r), x.previousScore === null ? 0 : ctx.result.kpis[i]!.weight),
      previousPoints: formula(
        previousPointsFormula(r),
        x.previousScore === null ? 0 : ctx.result.kpis[i]!.weight * x.previousScore,
      ),
      improvementRank: formula(moverRankFormula(r, 1), ranks.improvement[i] ?? ""),
      declineRank: formula(moverRankFormula(r, -1), ranks.decline[i] ?? ""),
    });
  }
  if (c.hasBenchmark) {
    Object.assign(out, {
      benchmark: comparisonInput(ctx, x.benchmark, k.cells.benchmark, true),
      gap: formula(gapFormula(k, r), shown(x.gap)),
      versusBenchmark: formula(
        versusBenchmarkFormula(r, ctx.labels),
        x.ahead === null ? "" : x.ahead ? ctx.labels.ahead : ctx.labels.behind,
      ),
    });
  }
  return out;
}

/** Number formats and styles of the comparison columns. */
export function comparisonFormats(ctx: PlanContext): PlanFormat[] {
  const { layout, labels: L } = ctx;
  const { first: f, last: l } = layout.kpis;
  const rows = (c: SheetColumn): string => rangeAddress(f, layout.col[c], l, layout.col[c]);
  const out: PlanFormat[] = [];
  if (layout.has.previous) {
    out.push(
      format(rows("previous"), NUMBER_FORMATS.general),
      format(rows("change"), NUMBER_FORMATS.general),
      format(rows("changePercent"), NUMBER_FORMATS.percent),
      format(rows("previousScore"), NUMBER_FORMATS.score),
      format(rows("scoreChange"), NUMBER_FORMATS.change),
      format(rows("trend"), trendFormat(L), STYLES.centered),
      format(rows("previousWeight"), NUMBER_FORMATS.percent),
      format(rows("previousPoints"), NUMBER_FORMATS.points),
      format(rangeAddress(f, layout.col.improvementRank, l, layout.col.declineRank), NUMBER_FORMATS.whole),
    );
  }
  if (layout.has.benchmark) {
    out.push(
      format(rows("benchmark"), NUMBER_FORMATS.general),
      format(rows("gap"), NUMBER_FORMATS.general),
      format(rows("versusBenchmark"), null, STYLES.centered),
    );
  }
  return out;
}

/** The inputs linked to the source (live mode): the Previous column's values, and the benchmarks. */
export function comparisonLinkFormats(ctx: PlanContext): PlanFormat[] {
  if (ctx.options.mode !== "live") return [];
  const { layout } = ctx;
  const { first: f, last: l } = layout.kpis;
  const linked: SheetColumn[] = [];
  if (ctx.previousSource === "column") linked.push("previous");
  if (layout.has.benchmark) linked.push("benchmark");
  return linked.map((c) => format(rangeAddress(f, layout.col[c], l, layout.col[c]), null, STYLES.link));
}

/** Arrows on the trend (up improved, sideways unchanged, down declined); ahead green and behind red. */
export function comparisonConditionalFormats(ctx: PlanContext): PlanConditionalFormat[] {
  const { layout } = ctx;
  const { first, last } = layout.kpis;
  const out: PlanConditionalFormat[] = [];
  if (layout.has.previous) {
    const trend = layout.col.trend;
    out.push({
      kind: "iconSet",
      range: rangeAddress(first, trend, last, trend),
      icons: "threeArrows",
      thresholds: [0, 1],
    });
  }
  if (layout.has.benchmark) {
    const range = rangeAddress(first, layout.col.versusBenchmark, last, layout.col.versusBenchmark);
    const gap = `$${columnLetters(layout.col.gap)}${first + 1}`;
    out.push(
      {
        kind: "expression",
        range,
        formula: `=AND(ISNUMBER(${gap}),${gap}>=0)`,
        format: { fill: COLORS.onFill, fontColor: COLORS.onFont },
      },
      {
        kind: "expression",
        range,
        formula: `=AND(ISNUMBER(${gap}),${gap}<0)`,
        format: { fill: COLORS.offFill, fontColor: COLORS.offFont },
      },
    );
  }
  return out;
}

/**
 * The previous score of perspective `j` (its KPIs with a previous value, by their perspective number) or of
 * the whole scorecard (`j` null), "" when none has one.
 */
export function previousScoreSumFormula(ctx: PlanContext, j: number | null): string {
  const { layout } = ctx;
  const sum = (c: SheetColumn): string =>
    j === null
      ? `SUM(${kpiColumnRange(layout, c)})`
      : `SUMIF(${kpiColumnRange(layout, "group")},${j + 1},${kpiColumnRange(layout, c)})`;
  return `=IF(${sum("previousWeight")}=0,"",${sum("previousPoints")}/${sum("previousWeight")})`;
}

/** score − previous score of a perspective or of the whole scorecard, "" without a previous score. */
export function scoreChangeOf(scoreCell: string, previousCell: string): string {
  return `=IF(${previousCell}="","",${scoreCell}-${previousCell})`;
}
