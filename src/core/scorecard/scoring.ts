/**
 * Balanced-scorecard maths (DESIGN.md "Scorecard semantics"): achievement, score, status, weights,
 * perspective scores, overall score, ratings, strengths and weaknesses.
 *
 * The arithmetic follows the scorecard sheet's formulas operation by operation (weight share = w/Σw,
 * points = share·score, perspective score = Σpoints/Σshare), so the numbers here are the ones Excel and
 * LibreOffice show, not merely equal in exact arithmetic. Scores and points lost are rounded to 9 decimals
 * (`ROUND(x, 9)` in the sheet), and ratings compare scores rounded the same way: a score that is 80 in
 * decimal arithmetic but 79.99999999999999 in binary is then "near target" in every engine, and KPIs
 * that tie in decimal arithmetic tie in the rankings too.
 */
import { div0Error, numError, valueError } from "../errors";
import type { RatingBand } from "./labels";
import type { Direction } from "./table";

/** The inputs of one KPI's achievement. */
export interface AchievementInput {
  actual: number;
  target: number;
  threshold: number | null;
  direction: Direction;
}

/**
 * x rounded to 9 decimals, half away from zero, as the sheet's `ROUND(x, 9)`.
 * @example round9(79.99999999999999) // 80
 */
export function round9(x: number): number {
  const r = Math.round(Math.abs(x) * 1e9) / 1e9;
  return x < 0 ? -r : r;
}

/** Default cap on achievement: 120 %. */
export const DEFAULT_CAP = 1.2;

/**
 * Achievement a, clamped to [0, cap]:
 * - with a threshold h: a = (actual − h)/(target − h) (both directions: h lies below the target when
 *   higher is better, above it when lower is better);
 * - without: actual/target when higher is better, target/actual when lower is better; an actual of 0
 *   (or below) on a lower-is-better KPI scores the cap.
 * The table validation guarantees target ≠ h, and target > 0 without a threshold.
 * @example achievement({ actual: 850, target: 800, threshold: 1200, direction: "lower" }, 1.2) // (850−1200)/(800−1200) = 0.875
 */
export function achievement(k: AchievementInput, cap: number): number {
  let a: number;
  if (k.threshold !== null) a = (k.actual - k.threshold) / (k.target - k.threshold);
  else if (k.direction === "higher") a = k.actual / k.target;
  else if (k.actual <= 0) return cap;
  else a = k.target / k.actual;
  return Math.max(0, Math.min(cap, a));
}

/** Status of a score. */
export type Status = "onTarget" | "near" | "offTarget";

/** Score limits of the statuses (scores, 0–120 scale). */
export interface StatusThresholds {
  /** On target from this score (default 100). */
  onTarget: number;
  /** Near target from this score (default 80); below it, off target. */
  near: number;
}

export const DEFAULT_STATUS: StatusThresholds = { onTarget: 100, near: 80 };

/** On target (score ≥ onTarget), near (≥ near), else off target. */
export function statusOf(score: number, t: StatusThresholds): Status {
  return score >= t.onTarget ? "onTarget" : score >= t.near ? "near" : "offTarget";
}

/**
 * The index of a score's rating band: the first band (bands run from the highest minimum down) whose
 * minimum the score, rounded to 9 decimals, reaches; the last band takes every lower score.
 */
export function ratingIndex(score: number, bands: readonly RatingBand[]): number {
  const s = round9(score);
  for (let i = 0; i < bands.length - 1; i++) if (s >= bands[i]!.min) return i;
  return bands.length - 1;
}

/**
 * Weights normalised to sum to 1: wᵢ/Σw.
 * @throws CrmError `#DIV/0!` when they sum to zero (the table validation reports it first).
 */
export function weightShares(weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  if (!(sum > 0)) throw div0Error("scorecard.weightsAllZero");
  return weights.map((w) => w / sum);
}

/** Everything the scorecard shows, per DESIGN.md. */
export interface ScoringOptions {
  cap: number;
  status: StatusThresholds;
  /** Bands from the highest minimum down. */
  ratingBands: readonly RatingBand[];
}

/** One KPI's results. */
export interface KpiResult {
  /** Weight share of the whole scorecard, wᵢ/Σw. */
  weight: number;
  achievement: number;
  /** 100·achievement rounded to 9 decimals, on the 0–(100·cap) scale. */
  score: number;
  /** weight·score; the points sum to the overall score. */
  points: number;
  /** weight·(100 − score) rounded to 9 decimals, the weaknesses' order. */
  pointsLost: number;
  status: Status;
  /** 1-based perspective number (order of first appearance). */
  group: number;
}

/** One perspective's results. */
export interface PerspectiveResult {
  name: string;
  /** Its share of the scorecard's weight. */
  weight: number;
  /** Σ points / Σ weight over its KPIs: the score with weights normalised within the perspective. */
  score: number;
  /** Index into the rating bands. */
  rating: number;
}

/** The whole scorecard's numbers. */
export interface ScorecardResult {
  kpis: KpiResult[];
  perspectives: PerspectiveResult[];
  overall: number;
  /** Index into the rating bands. */
  rating: number;
  /** Up to 5 KPI indices on target, best score first (ties: table order). */
  strengths: number[];
  /** Up to 5 KPI indices off target, most points lost first (ties: table order). */
  weaknesses: number[];
}

/** How many strengths and weaknesses are listed. */
export const TOP_N = 5;

/**
 * Checks options: cap ≥ 1 (a KPI exactly on target must be able to score 100), 0 ≤ near ≤ onTarget,
 * at least one rating band, minimums strictly decreasing, labels not blank.
 * @throws CrmError `#VALUE!`/`#NUM!` naming the option.
 */
export function checkScoringOptions(o: ScoringOptions): void {
  if (!Number.isFinite(o.cap) || o.cap < 1 || o.cap > 100) throw numError("scorecard.cap", { value: o.cap });
  const { onTarget, near } = o.status;
  if (!Number.isFinite(onTarget) || !Number.isFinite(near) || near < 0 || near > onTarget) {
    throw numError("scorecard.statusThresholds", { near, onTarget });
  }
  if (o.ratingBands.length === 0) throw valueError("scorecard.noRatingBand");
  o.ratingBands.forEach((b, i) => {
    if (!Number.isFinite(b.min)) throw numError("scorecard.bandMinimum", { band: i + 1 });
    if (b.label.trim() === "") throw valueError("scorecard.bandLabel", { band: i + 1 });
    if (i > 0 && !(b.min < o.ratingBands[i - 1]!.min)) {
      throw valueError("scorecard.bandOrder", { band: i + 1, min: b.min });
    }
  });
}

/** The KPI fields scoring needs. */
export interface ScoredKpi extends AchievementInput {
  perspective: string;
  weight: number;
}

/**
 * Scores a validated KPI list. O(n log n).
 * @throws CrmError `#DIV/0!` when the weights sum to zero or a perspective's weights do (validated
 * earlier); `#VALUE!`/`#NUM!` for invalid options.
 */
export function scoreScorecard(kpis: readonly ScoredKpi[], o: ScoringOptions): ScorecardResult {
  checkScoringOptions(o);
  const shares = weightShares(kpis.map((k) => k.weight));
  const groups = new Map<string, number>();
  const names: string[] = [];
  const results: KpiResult[] = kpis.map((k, i) => {
    let g = groups.get(k.perspective);
    if (g === undefined) {
      names.push(k.perspective);
      g = names.length;
      groups.set(k.perspective, g);
    }
    const weight = shares[i]!;
    const a = achievement(k, o.cap);
    const score = round9(a * 100);
    return {
      weight,
      achievement: a,
      score,
      points: weight * score,
      pointsLost: round9(weight * (100 - score)),
      status: statusOf(score, o.status),
      group: g,
    };
  });

  const wSum = new Array<number>(names.length).fill(0);
  const pSum = new Array<number>(names.length).fill(0);
  let overall = 0;
  for (const r of results) {
    wSum[r.group - 1]! += r.weight;
    pSum[r.group - 1]! += r.points;
    overall += r.points;
  }
  const perspectives = names.map((name, i) => {
    if (!(wSum[i]! > 0)) throw div0Error("scorecard.perspectiveWeightsAllZero", { name });
    const score = pSum[i]! / wSum[i]!;
    return { name, weight: wSum[i]!, score, rating: ratingIndex(score, o.ratingBands) };
  });

  const order = results.map((_, i) => i);
  const strengths = order
    .filter((i) => results[i]!.score >= o.status.onTarget)
    .sort((a, b) => results[b]!.score - results[a]!.score || a - b)
    .slice(0, TOP_N);
  const weaknesses = order
    .filter((i) => results[i]!.score < o.status.near)
    .sort((a, b) => results[b]!.pointsLost - results[a]!.pointsLost || a - b)
    .slice(0, TOP_N);

  return { kpis: results, perspectives, overall, rating: ratingIndex(overall, o.ratingBands), strengths, weaknesses };
}
