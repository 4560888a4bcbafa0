/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator requires `any` for scalar arguments; src/core/values coerces them */
/**
 * Survey score functions: NPS, its counts and intervals, and CSAT. Blank-safe on every platform: blanks
 * arrive as null/"" on the web and as 0 on Excel desktop, and 0 is a real score, so these functions ask for
 * their arguments' addresses and, when a range holds zeros, check which of them are really blank (blanks.ts).
 */
import { numberArg } from "../core/values/args";
import { npsCounts, npsFromCounts, npsInterval, npsMarginOfError, NpsCounts } from "../core/metrics/nps";
import { Addresses, excelCallAt, Invocation } from "./arguments";
import { blankArgumentsOmitted, withBlanksSkipped } from "./blanks";
import { csatOf } from "./metrics";

/** The NPS counts of the scores argument (always the first), blanks skipped on every platform. */
function countsOf(scores: unknown, at: Addresses): Promise<NpsCounts> {
  return withBlanksSkipped(scores, "scores", at[0], npsCounts);
}

/**
 * An NPS statistic at a confidence level: the counts of the scores (argument 0) and the optional confidence
 * (argument 1: blank, a blank cell on any platform, or omitted → 0.95).
 */
function atConfidence(
  scores: unknown,
  confidence: unknown,
  invocation: Invocation | undefined,
  statistic: (counts: NpsCounts, level: number) => number[],
): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const [level] = await blankArgumentsOmitted([confidence], [at[1]]);
    const counts = await countsOf(scores, at);
    return [statistic(counts, numberArg(level, "confidence", { default: 0.95 }))];
  });
}

/**
 * Net Promoter Score of 0–10 survey scores: 100 × (promoters − detractors) / responses. Promoters score 9–10,
 * detractors 0–6. Blank cells are skipped.
 * @customfunction NPS
 * @requiresParameterAddresses
 * @param {any[][]} scores Survey scores, whole numbers from 0 to 10 (a range or a whole column).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} The NPS, from −100 to 100.
 */
export function NPS(scores: any[][], invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => [[npsFromCounts(await countsOf(scores, at))]]);
}

/**
 * Margin of error of the NPS in points (Wald): z × 100 × √((p + d − (p − d)²) / n), p and d the promoter and
 * detractor shares. Blank cells are skipped.
 * @customfunction NPS.MOE
 * @requiresParameterAddresses
 * @param {any[][]} scores Survey scores, whole numbers from 0 to 10 (a range or a whole column).
 * @param {any} [confidence] Confidence level as a fraction, e.g. 0.9 or 0.99. Default 0.95.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} The margin of error in NPS points (NPS ± this).
 */
export function NPS_MOE(scores: any[][], confidence: any, invocation: Invocation): Promise<number[][]> {
  return atConfidence(scores, confidence, invocation, (counts, level) => [npsMarginOfError(counts, level)]);
}

/**
 * Confidence interval of the NPS (adjusted Wald: 0.75 added to the promoter and detractor counts, n + 3),
 * clipped to −100..100, as one row: lower, upper. Blank cells are skipped.
 * @customfunction NPS.CI
 * @requiresParameterAddresses
 * @param {any[][]} scores Survey scores, whole numbers from 0 to 10 (a range or a whole column).
 * @param {any} [confidence] Confidence level as a fraction, e.g. 0.9 or 0.99. Default 0.95.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} A 1×2 row: lower and upper bound in NPS points.
 */
export function NPS_CI(scores: any[][], confidence: any, invocation: Invocation): Promise<number[][]> {
  return atConfidence(scores, confidence, invocation, npsInterval);
}

/**
 * Counts of an NPS survey as one row: promoters (9–10), passives (7–8), detractors (0–6) and responses.
 * Blank cells are skipped.
 * @customfunction NPS.COUNTS
 * @requiresParameterAddresses
 * @param {any[][]} scores Survey scores, whole numbers from 0 to 10 (a range or a whole column).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} A 1×4 row: promoters, passives, detractors, responses.
 */
export function NPS_COUNTS(scores: any[][], invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const c = await countsOf(scores, at);
    return [[c.promoters, c.passives, c.detractors, c.responses]];
  });
}

/**
 * Customer satisfaction (CSAT): the share of responses scoring at or above the threshold, as a fraction.
 * Blank cells are skipped.
 * @customfunction CSAT
 * @requiresParameterAddresses
 * @param {any[][]} scores Survey scores from 0 to scaleMax (a range or a whole column).
 * @param {any} [threshold] Lowest score that counts as satisfied. Default: scaleMax − 1, i.e. the top two boxes (4 on a 1–5 scale).
 * @param {any} [scaleMax] Highest score of the scale. Default 5.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} The share of satisfied responses, from 0 to 1.
 */
export function CSAT(scores: any[][], threshold: any, scaleMax: any, invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const [t, max] = await blankArgumentsOmitted([threshold, scaleMax], [at[1], at[2]]);
    const satisfied = await withBlanksSkipped(scores, "scores", at[0], (cells) => {
      const list: number[] = [];
      cells.forEach((x) => list.push(x));
      return csatOf(list, t, max);
    });
    return [[satisfied]];
  });
}
