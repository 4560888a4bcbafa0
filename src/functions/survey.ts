/**
 * Survey score functions: NPS and its counts and intervals. Blank-safe on every platform: blanks arrive as
 * null/"" on the web and as 0 on Excel desktop, so these functions ask for their arguments' addresses and,
 * when a range holds zeros, check which of them are really blank (see blanks.ts).
 */
import { numbersIn } from "../core/input";
import { nps, npsCounts } from "../core/metrics/nps";
import { blankMaskFor } from "./blanks";
import { excelCallAsync } from "./excel";

/** Reads the scores argument blank-safely. */
async function scoresOf(scores: unknown, invocation: CustomFunctions.Invocation | undefined): Promise<number[]> {
  const mask = await blankMaskFor(scores, invocation?.parameterAddresses?.[0]);
  return numbersIn(scores, "scores", mask);
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
export function NPS(scores: unknown[][], invocation: CustomFunctions.Invocation): Promise<number[][]> {
  return excelCallAsync(async () => [[nps(await scoresOf(scores, invocation))]]);
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
export function NPS_COUNTS(scores: unknown[][], invocation: CustomFunctions.Invocation): Promise<number[][]> {
  return excelCallAsync(async () => {
    const c = npsCounts(await scoresOf(scores, invocation));
    return [[c.promoters, c.passives, c.detractors, c.responses]];
  });
}
