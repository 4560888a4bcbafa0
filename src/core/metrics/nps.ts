/**
 * Net Promoter Score on the 0–10 scale (Reichheld 2003): promoters score 9–10, detractors 0–6.
 * NPS = 100·(P − D)/n, in −100..100. Interval estimates follow DESIGN.md: the Wald margin of error and the
 * adjusted-Wald interval (Rocks, "Interval estimation for the 'net promoter score'", The American
 * Statistician 70(4), 2016), which adds 3/4 of a response to promoters and to detractors (n + 3 in all).
 */
import { div0Error, numError } from "../errors";
import { msg } from "../messages/catalogue";
import type { NumberCells } from "../input";
import { criticalValue } from "../stats/normal";

/** Counts of an NPS survey. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6). O(n), without copying a range's cells.
 * @param scores the scores, as a list or as a range's {@link NumberCells} (then messages name the cell)
 * @throws CrmError `#NUM!` for a score that is not an integer in 0..10, naming where it is.
 * @example npsCounts([10, 9, 8, 3]) // { promoters: 2, passives: 1, detractors: 1, responses: 4 }
 */
export function npsCounts(scores: readonly number[] | NumberCells): NpsCounts {
  const cells: NumberCells = Array.isArray(scores) ? listCells(scores as readonly number[]) : (scores as NumberCells);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  cells.forEach((s, r, c) => {
    if (s >= 9) {
      if (s === 9 || s === 10) {
        promoters++;
        return;
      }
    } else if (s >= 7) {
      if (s === 7 || s === 8) {
        passives++;
        return;
      }
    } else if (s >= 0 && Number.isInteger(s)) {
      detractors++;
      return;
    }
    throw numError("metrics.npsScore", { where: cells.where(r, c), value: s });
  });
  return { promoters, passives, detractors, responses: promoters + passives + detractors };
}

/** A plain list of scores seen as cells, naming each by its place in the list ("scores: response 3"). */
function listCells(xs: readonly number[]): NumberCells {
  return {
    forEach(visit) {
      for (let i = 0; i < xs.length; i++) visit(xs[i]!, i, 0);
    },
    where: (i) => msg("input.listResponse", { arg: "scores", n: i + 1 }),
    zeros: 0,
  };
}

/** Rejects counts that no survey could produce (npsCounts never does); NaN fails every comparison. */
function checkCounts(c: NpsCounts): void {
  const parts = [c.promoters, c.passives, c.detractors, c.responses];
  if (!parts.every((x) => Number.isSafeInteger(x) && x >= 0)) {
    throw numError("metrics.npsCountsWhole");
  }
  if (c.promoters + c.passives + c.detractors !== c.responses) {
    throw numError("metrics.npsCountsSum");
  }
}

/**
 * NPS = 100·(P − D)/n from counts.
 * @throws CrmError `#DIV/0!` when there are no responses, `#NUM!` for counts no survey could produce.
 * @example npsFromCounts({ promoters: 3, passives: 2, detractors: 2, responses: 7 }) // 100·(3−2)/7 ≈ 14.29
 */
export function npsFromCounts(c: NpsCounts): number {
  checkCounts(c);
  if (c.responses === 0) throw div0Error("metrics.noResponses", { arg: "scores" });
  return (100 * (c.promoters - c.detractors)) / c.responses;
}

/**
 * Net Promoter Score of 0–10 scores: 100·(P − D)/n. O(n).
 * @throws CrmError `#NUM!` for an invalid score, `#DIV/0!` for no responses.
 * @example nps([10, 9, 8, 7, 6, 3, 10]) // 100·(3 − 2)/7 ≈ 14.29
 */
export function nps(scores: readonly number[]): number {
  return npsFromCounts(npsCounts(scores));
}

/**
 * Standard error of an NPS in points for shares p, d of promoters and detractors among n responses:
 * 100·√((p + d − (p − d)²)/n), the variance of a response scored +1/0/−1 over n.
 */
function npsStandardError(p: number, d: number, n: number): number {
  // p + d ≥ |p − d| ≥ (p − d)², so the variance is never negative; max() absorbs rounding.
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
}

/**
 * Wald margin of error of an NPS, in NPS points, at a two-sided confidence level c:
 * z_c · 100 · √((p + d − (p − d)²)/n), p and d the promoter and detractor shares. O(1).
 * @param c the survey's counts (from npsCounts)
 * @param confidence the confidence level, a fraction in (0, 1); 0.95 gives z = 1.959964
 * @throws CrmError `#NUM!` for a confidence outside (0, 1) or impossible counts, `#DIV/0!` for no responses.
 * @example npsMarginOfError({ promoters: 3, passives: 2, detractors: 2, responses: 7 }) // ≈ 61.71
 */
export function npsMarginOfError(c: NpsCounts, confidence = 0.95): number {
  const z = criticalValue(confidence);
  checkCounts(c);
  if (c.responses === 0) throw div0Error("metrics.noResponses", { arg: "scores" });
  return z * npsStandardError(c.promoters / c.responses, c.detractors / c.responses, c.responses);
}

/**
 * Adjusted-Wald confidence interval of an NPS (Rocks 2016), in NPS points: add 0.75 to the promoter and to
 * the detractor counts and use n + 3, so p̃ = (P + 0.75)/(n + 3) and d̃ = (D + 0.75)/(n + 3); the interval is
 * 100·(p̃ − d̃) ± z_c · 100 · √((p̃ + d̃ − (p̃ − d̃)²)/(n + 3)), clipped to −100..100. Unlike the plain Wald
 * interval it does not collapse to a point when every response is a promoter. O(1).
 * @param c the survey's counts (from npsCounts)
 * @param confidence the confidence level, a fraction in (0, 1); default 0.95
 * @returns [lower, upper]
 * @throws CrmError `#NUM!` for a confidence outside (0, 1) or impossible counts, `#DIV/0!` for no responses.
 * @example npsInterval({ promoters: 3, passives: 2, detractors: 2, responses: 7 }) // 10 ± 1.96·25.30 ≈ [−39.58, 59.58]
 */
export function npsInterval(c: NpsCounts, confidence = 0.95): [number, number] {
  const z = criticalValue(confidence);
  checkCounts(c);
  if (c.responses === 0) throw div0Error("metrics.noResponses", { arg: "scores" });
  const n = c.responses + 3;
  const p = (c.promoters + 0.75) / n;
  const d = (c.detractors + 0.75) / n;
  const centre = 100 * (p - d);
  const half = z * npsStandardError(p, d, n);
  return [Math.max(-100, centre - half), Math.min(100, centre + half)];
}
