/**
 * Customer satisfaction (CSAT): the share of survey responses at or above a "satisfied" threshold — by
 * default the top two boxes of the scale, i.e. 4 or 5 on the usual 1–5 scale.
 */
import { div0Error, numError } from "../errors";
import { msg } from "../messages/catalogue";

/** Options of {@link csat}; an omitted field takes its default. */
export interface CsatOptions {
  /** Lowest score counted as satisfied; default scaleMax − 1 (top two boxes: 4 on a 1–5 scale). */
  threshold?: number;
  /** Highest score of the scale; default 5. */
  scaleMax?: number;
}

/**
 * CSAT = (responses with score ≥ threshold) / responses, a fraction in 0..1. Scores may be any number from
 * 0 to scaleMax (0 allowed for 0–10 scales; a fraction allowed for averaged scores). O(n).
 * @throws CrmError `#NUM!` when scaleMax ≤ 0, the threshold is not in (0, scaleMax], or a score lies
 * outside 0..scaleMax; `#DIV/0!` when there are no responses.
 * @example csat([5, 4, 3, 5, 2]) // 3 of 5 responses are 4 or 5 → 0.6
 */
export function csat(scores: readonly number[], options: CsatOptions = {}): number {
  const scaleMax = options.scaleMax ?? 5;
  if (!(scaleMax > 0)) throw numError("metrics.scaleMax", { value: scaleMax });
  const threshold = options.threshold ?? scaleMax - 1;
  if (!(threshold > 0 && threshold <= scaleMax)) {
    throw numError("metrics.threshold", { value: threshold, scaleMax });
  }
  let satisfied = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (!(s >= 0 && s <= scaleMax)) {
      const where = msg("input.listResponse", { arg: "scores", n: i + 1 });
      throw numError("metrics.csatScore", { where, value: s, scaleMax });
    }
    if (s >= threshold) satisfied++;
  }
  if (scores.length === 0) throw div0Error("metrics.noResponses", { arg: "scores" });
  return satisfied / scores.length;
}
