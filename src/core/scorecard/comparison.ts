/**
 * The scorecard over time and against benchmarks (DESIGN.md "Scorecard over time and against benchmarks"):
 * per KPI the change since the previous period, the score the previous actual earns, whether that is an
 * improvement, and the gap to the benchmark; per perspective and overall the previous score and the change;
 * the largest improvements and declines.
 *
 * As in scoring.ts, the arithmetic follows the sheet's formulas operation by operation (see
 * ./sheet/comparisonFormulas.ts), so Excel and LibreOffice show exactly these numbers:
 * - change = actual − previous; change % = (actual − previous)/|previous|, none when previous is 0;
 * - previous score = ROUND(100·achievement(previous, same target, threshold, direction, cap), 9);
 * - score change = ROUND(score − previous score, 9) (the movers' order);
 * - trend = +1 improved, −1 declined, 0 unchanged: the sign of actual − previous when higher is better,
 *   of previous − actual when lower is better;
 * - gap = actual − benchmark when higher is better, benchmark − actual when lower is: ahead is positive, and
 *   a tie (gap 0) is ahead;
 * - a perspective's (and the overall) previous score = Σ wᵢ·previous scoreᵢ / Σ wᵢ over its KPIs that have
 *   a previous value (wᵢ the KPI's weight share), none when none has; change = score − previous score.
 */
import { achievement, round9, TOP_N, type ScoredKpi, type ScorecardResult } from "./scoring";

/** Last period's actual and the benchmark of each KPI (null: none), in table order. */
export interface ComparisonValues {
  /** null when the scorecard has no previous values at all (no Previous column and no history). */
  previous: readonly (number | null)[] | null;
  /** null when the table has no Benchmark column. */
  benchmark: readonly (number | null)[] | null;
}

/** Improved (+1), unchanged (0) or declined (−1) in the KPI's direction. */
export type Trend = 1 | 0 | -1;

/** One KPI's comparisons; null where there is nothing to compare with. */
export interface KpiComparison {
  previous: number | null;
  change: number | null;
  changePercent: number | null;
  previousScore: number | null;
  scoreChange: number | null;
  trend: Trend | null;
  benchmark: number | null;
  gap: number | null;
  /** gap ≥ 0. */
  ahead: boolean | null;
}

/** A perspective's (or the whole scorecard's) previous score and change in points. */
export interface ScoreComparison {
  previousScore: number | null;
  change: number | null;
}

/** Everything the comparison columns and sections show. */
export interface ComparisonResult {
  hasPrevious: boolean;
  hasBenchmark: boolean;
  kpis: KpiComparison[];
  /** In the order of `ScorecardResult.perspectives`. */
  perspectives: ScoreComparison[];
  overall: ScoreComparison;
  /** Up to 5 KPI indices whose score rose, largest rise first (ties: table order). */
  improvements: number[];
  /** Up to 5 KPI indices whose score fell, largest fall first (ties: table order). */
  declines: number[];
}

/** Improved, unchanged or declined: the sign of the change in the KPI's direction. */
export function trendOf(actual: number, previous: number, direction: ScoredKpi["direction"]): Trend {
  const d = direction === "higher" ? actual - previous : previous - actual;
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/**
 * (actual − previous)/|previous|, or null when previous is 0.
 * @example changePercent(110, -200) // (110 − (−200))/200 = 1.55
 */
export function changePercent(actual: number, previous: number): number | null {
  return previous === 0 ? null : (actual - previous) / Math.abs(previous);
}

/** The gap to a benchmark, signed so that ahead is positive: actual − benchmark, or the reverse when lower is better. */
export function benchmarkGap(actual: number, benchmark: number, direction: ScoredKpi["direction"]): number {
  return direction === "higher" ? actual - benchmark : benchmark - actual;
}

function kpiComparison(k: ScoredKpi, score: number, prev: number | null, bench: number | null, cap: number) {
  const previousScore = prev === null ? null : round9(achievement({ ...k, actual: prev }, cap) * 100);
  const gap = bench === null ? null : benchmarkGap(k.actual, bench, k.direction);
  return {
    previous: prev,
    change: prev === null ? null : k.actual - prev,
    changePercent: prev === null ? null : changePercent(k.actual, prev),
    previousScore,
    scoreChange: previousScore === null ? null : round9(score - previousScore),
    trend: prev === null ? null : trendOf(k.actual, prev, k.direction),
    benchmark: bench,
    gap,
    ahead: gap === null ? null : gap >= 0,
  } satisfies KpiComparison;
}

/** Σ w·previous score / Σ w over the KPIs with a previous score (summed in table order, as SUMIF does). */
function previousOf(kpis: readonly KpiComparison[], result: ScorecardResult, group: number | null, score: number) {
  let w = 0;
  let p = 0;
  kpis.forEach((c, i) => {
    const r = result.kpis[i]!;
    if (group !== null && r.group !== group) return;
    w += c.previousScore === null ? 0 : r.weight;
    p += c.previousScore === null ? 0 : r.weight * c.previousScore;
  });
  const previousScore = w === 0 ? null : p / w;
  return { previousScore, change: previousScore === null ? null : score - previousScore } satisfies ScoreComparison;
}

/** KPI indices ranked by score change: rises (or falls) only, the largest first, ties in table order. */
function movers(kpis: readonly KpiComparison[], sign: 1 | -1): number[] {
  return kpis
    .map((c, i) => ({ i, d: c.scoreChange }))
    .filter((x): x is { i: number; d: number } => x.d !== null && sign * x.d > 0)
    .sort((a, b) => sign * (b.d - a.d) || a.i - b.i)
    .slice(0, TOP_N)
    .map((x) => x.i);
}

/**
 * Compares a scored scorecard with its previous values and benchmarks. O(n log n).
 * @param kpis the scored KPIs (as given to `scoreScorecard`)
 * @param result their scores
 * @param values previous actuals and benchmarks, per KPI in the same order
 * @param cap the achievement cap the scores used
 */
export function compareScorecard(
  kpis: readonly ScoredKpi[],
  result: ScorecardResult,
  values: ComparisonValues,
  cap: number,
): ComparisonResult {
  const rows = kpis.map((k, i) =>
    kpiComparison(k, result.kpis[i]!.score, values.previous?.[i] ?? null, values.benchmark?.[i] ?? null, cap),
  );
  return {
    hasPrevious: values.previous !== null,
    hasBenchmark: values.benchmark !== null,
    kpis: rows,
    perspectives: result.perspectives.map((p, j) => previousOf(rows, result, j + 1, p.score)),
    overall: previousOf(rows, result, null, result.overall),
    improvements: movers(rows, 1),
    declines: movers(rows, -1),
  };
}
