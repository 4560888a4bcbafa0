/**
 * Customer-base models beyond BG/NBD (issue 10; DESIGN.md "Models beyond BG/NBD"): Pareto/NBD and MBG/NBD
 * (noncontractual, continuous time: the one-time buyers can fade), BG/BB (discrete-time opportunities, with
 * a count of customers per pattern) and sBG (contractual: a cohort's survival, retention and DERL). Each
 * FIT spills one row; its spill is accepted as it is as `params`. The maths is in src/core/btyd; these
 * adapters have the one shape of modelAdapter.ts (blanks skipped, also in params ranges on desktop; "" in the
 * results) and read arguments through the value layer (src/core/values).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { bgbbExpected, bgbbFit, bgbbPAlive } from "../core/btyd/bgbb";
import { mbgnbdExpected, mbgnbdFit, mbgnbdPAlive } from "../core/btyd/mbgnbd";
import { pnbdExpected, pnbdFit, pnbdPAlive } from "../core/btyd/pnbd";
import { sbgDerl, sbgFit, SbgParams, sbgRetention, sbgSurvival } from "../core/btyd/sbg";
import { numberArg } from "../core/values/args";
import { addressesOf, Ranges } from "./arguments";
import { blankArgumentsOmitted } from "./blanks";
import { excelCall, excelCallAsync } from "./excel";
import {
  BGBB_PARAMS,
  BGNBD_PARAMS,
  fitModel,
  fitOn,
  fitRow,
  paramsNow,
  perRow,
  PNBD_PARAMS,
  predictEach,
  predictEachAt,
  readModelParams,
  SBG_PARAMS,
  summaryRanges,
} from "./modelAdapter";

/** The columns of a BG/BB pattern table (frequency, recency, periods), at the given addresses. */
function patternRanges(
  frequency: unknown,
  recency: unknown,
  periods: unknown,
  invocation: CustomFunctions.Invocation | undefined,
): Ranges {
  const names = ["frequency", "recency", "periods"];
  return { raws: [frequency, recency, periods], names, addresses: addressesOf(invocation) };
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) to a customer summary by maximum
 * likelihood: customers buy at Poisson rates and drop out at exponential times, so one-time buyers can
 * fade too. Spills one row: r, alpha, s, beta, log-likelihood. #N/A when the data cannot identify the model.
 * @customfunction PNBD.FIT
 * @requiresParameterAddresses
 * @param {any[][]} frequency Repeat purchases of each customer (whole numbers ≥ 0), e.g. from CRM.RFM.
 * @param {any[][]} recency Time of each customer's last purchase, from their first (0 without repeat purchases).
 * @param {any[][]} T Each customer's age: time from first purchase to the end of the period.
 * @param {any} [penalizer] L2 penalty on the parameters. Default 0.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: r, alpha, s, beta, log-likelihood.
 */
export function PNBD_FIT(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalizer: any,
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return fitModel(PNBD_PARAMS, pnbdFit, summaryRanges(frequency, recency, T, invocation), penalizer);
}

/**
 * Probability that each customer is still active under a fitted Pareto/NBD model — below 1 for one-time
 * buyers too. Same shape as frequency.
 * @customfunction PNBD.PALIVE
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, s, beta (e.g. the spill of CRM.PNBD.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} P(alive) from 0 to 1 per customer; blank rows stay blank.
 */
export function PNBD_PALIVE(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return predictEach(PNBD_PARAMS, pnbdPAlive, params, summaryRanges(frequency, recency, T, invocation));
}

/**
 * Expected number of purchases of each customer in the next t periods under a fitted Pareto/NBD model,
 * at any horizon. Same shape as frequency.
 * @customfunction PNBD.EXPECTED
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, s, beta (e.g. the spill of CRM.PNBD.FIT).
 * @param {any} t Length of the forecast horizon, in periods (≥ 0).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Expected purchases per customer; blank rows stay blank.
 */
export function PNBD_EXPECTED(
  params: unknown[][],
  t: any,
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return predictEachAt(PNBD_PARAMS, pnbdExpected, params, [t, "t"], summaryRanges(frequency, recency, T, invocation));
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) to a customer summary by maximum likelihood:
 * BG/NBD with a dropout chance at the first purchase too, so one-time buyers can fade. Spills one row:
 * r, alpha, a, b, log-likelihood. #N/A when the data cannot identify the model.
 * @customfunction MBGNBD.FIT
 * @requiresParameterAddresses
 * @param {any[][]} frequency Repeat purchases of each customer (whole numbers ≥ 0), e.g. from CRM.RFM.
 * @param {any[][]} recency Time of each customer's last purchase, from their first (0 without repeat purchases).
 * @param {any[][]} T Each customer's age: time from first purchase to the end of the period.
 * @param {any} [penalizer] L2 penalty on the parameters. Default 0.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: r, alpha, a, b, log-likelihood.
 */
export function MBGNBD_FIT(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalizer: any,
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return fitModel(BGNBD_PARAMS, mbgnbdFit, summaryRanges(frequency, recency, T, invocation), penalizer);
}

/**
 * Probability that each customer is still active under a fitted MBG/NBD model — below 1 for one-time
 * buyers too. Same shape as frequency.
 * @customfunction MBGNBD.PALIVE
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, a, b (e.g. the spill of CRM.MBGNBD.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} P(alive) from 0 to 1 per customer; blank rows stay blank.
 */
export function MBGNBD_PALIVE(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return predictEach(BGNBD_PARAMS, mbgnbdPAlive, params, summaryRanges(frequency, recency, T, invocation));
}

/**
 * Expected number of purchases of each customer in the next t periods under a fitted MBG/NBD model, at
 * any horizon. Same shape as frequency.
 * @customfunction MBGNBD.EXPECTED
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, a, b (e.g. the spill of CRM.MBGNBD.FIT).
 * @param {any} t Length of the forecast horizon, in periods (≥ 0).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Expected purchases per customer; blank rows stay blank.
 */
export function MBGNBD_EXPECTED(
  params: unknown[][],
  t: any,
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return predictEachAt(
    BGNBD_PARAMS,
    mbgnbdExpected,
    params,
    [t, "t"],
    summaryRanges(frequency, recency, T, invocation),
  );
}

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) for discrete opportunities (yearly donations, annual
 * events) by maximum likelihood. Spills one row: alpha, beta, gamma, delta, log-likelihood.
 * @customfunction BGBB.FIT
 * @requiresParameterAddresses
 * @param {any[][]} frequency Transactions of each pattern (whole numbers, at most periods).
 * @param {any[][]} recency Period of the last transaction (0 without one).
 * @param {any[][]} periods Number of transaction opportunities observed.
 * @param {any[][]} [count] Customers sharing each row's pattern. Default 1 per row.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: alpha, beta, gamma, delta, log-likelihood.
 */
export function BGBB_FIT(
  frequency: unknown[][],
  recency: unknown[][],
  periods: unknown[][],
  count: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return excelCallAsync(async () => {
    const at = addressesOf(invocation);
    // a single blank cell given for the optional count means it is omitted, on desktop too
    const [counts] = await blankArgumentsOmitted([count], [at[3]]);
    const given = counts !== null && counts !== undefined;
    const ranges = patternRanges(frequency, recency, periods, invocation);
    const all = given ? { ...ranges, raws: [...ranges.raws, counts], names: [...ranges.names, "count"] } : ranges;
    const fit = await fitOn(all, ([x, tx, n, c], describe) => bgbbFit(x!, tx!, n!, c, { describe }));
    return fitRow(BGBB_PARAMS, fit.params, fit.logLikelihood);
  });
}

/**
 * Probability that each customer is still alive at the end of the observed periods under a fitted BG/BB
 * model. Same shape as frequency.
 * @customfunction BGBB.PALIVE
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted alpha, beta, gamma, delta (e.g. the spill of CRM.BGBB.FIT).
 * @param {any[][]} frequency Transactions of each customer.
 * @param {any[][]} recency Period of the last transaction (0 without one).
 * @param {any[][]} periods Number of transaction opportunities observed.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} P(alive) from 0 to 1 per customer; blank rows stay blank.
 */
export function BGBB_PALIVE(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  periods: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return predictEach(BGBB_PARAMS, bgbbPAlive, params, patternRanges(frequency, recency, periods, invocation));
}

/**
 * Expected transactions of each customer in the next futurePeriods opportunities under a fitted BG/BB
 * model. Same shape as frequency.
 * @customfunction BGBB.EXPECTED
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted alpha, beta, gamma, delta (e.g. the spill of CRM.BGBB.FIT).
 * @param {any} futurePeriods Number of future opportunities (a whole number ≥ 0).
 * @param {any[][]} frequency Transactions of each customer.
 * @param {any[][]} recency Period of the last transaction (0 without one).
 * @param {any[][]} periods Number of transaction opportunities observed.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Expected transactions per customer; blank rows stay blank.
 */
export function BGBB_EXPECTED(
  params: unknown[][],
  futurePeriods: any,
  frequency: unknown[][],
  recency: unknown[][],
  periods: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  const ranges = patternRanges(frequency, recency, periods, invocation);
  return predictEachAt(BGBB_PARAMS, bgbbExpected, params, [futurePeriods, "futurePeriods"], ranges);
}

/**
 * Fits the shifted-beta-geometric model (Fader & Hardie 2007) of a subscription cohort: each customer
 * churns with a constant probability drawn from Beta(alpha, beta), so retention rises as the disloyal leave.
 * Spills one row: alpha, beta, log-likelihood.
 * @customfunction SBG.FIT
 * @requiresParameterAddresses
 * @param {any[][]} active The cohort still active at period 0, 1, 2, …: counts (first = cohort size) or shares (first = 1).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: alpha, beta, log-likelihood.
 */
export function SBG_FIT(active: unknown[][], invocation: CustomFunctions.Invocation): Promise<number[][]> {
  return excelCallAsync(async () => {
    const ranges = { raws: [active], names: ["active"], addresses: addressesOf(invocation) };
    const fit = await fitOn(ranges, ([a]) => sbgFit(a!));
    return fitRow(SBG_PARAMS, fit.params, fit.logLikelihood);
  });
}

/** f(params, t) for every filled cell of t, in t's shape. */
async function perPeriod(
  params: unknown,
  t: unknown,
  invocation: CustomFunctions.Invocation,
  f: (p: SbgParams, t: number) => number,
): Promise<any[][]> {
  const at = addressesOf(invocation);
  const p = await readModelParams(SBG_PARAMS, params, "params", at[0]);
  return perRow({ raws: [t], names: ["t"], addresses: at.slice(1) }, ([periods], i) => f(p, periods![i]!));
}

/**
 * Survival under a fitted sBG model: S(t), the share of a cohort still active after t periods.
 * @customfunction SBG.SURVIVAL
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted alpha, beta (e.g. the spill of CRM.SBG.FIT).
 * @param {any[][]} t Whole periods ≥ 0: a value or a range (the result has its shape).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} S(t) per cell of t; blank cells stay blank.
 */
export function SBG_SURVIVAL(
  params: unknown[][],
  t: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(() => perPeriod(params, t, invocation, sbgSurvival));
}

/**
 * Retention rate under a fitted sBG model: r(t) = (beta + t − 1)/(alpha + beta + t − 1), the share of
 * those active at period t − 1 who renew at t.
 * @customfunction SBG.RETENTION
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted alpha, beta (e.g. the spill of CRM.SBG.FIT).
 * @param {any[][]} t Whole periods ≥ 1: a value or a range (the result has its shape).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} r(t) per cell of t; blank cells stay blank.
 */
export function SBG_RETENTION(
  params: unknown[][],
  t: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(() => perPeriod(params, t, invocation, sbgRetention));
}

/**
 * Discounted expected residual lifetime under a fitted sBG model (Fader & Hardie 2010): the discounted
 * number of payments still to come from a customer who has made `renewals` renewals, valued at the next
 * renewal. Remaining value = margin × DERL.
 * @customfunction SBG.DERL
 * @param {any[][]} params The fitted alpha, beta (e.g. the spill of CRM.SBG.FIT). On Excel desktop keep no blank cell between them (it reads as 0).
 * @param {any} discountRate Discount rate per period (≥ 0; 0 needs alpha > 1).
 * @param {any} [renewals] Renewals made so far (a whole number ≥ 0). Default 0.
 * @returns {number} DERL, in payments.
 */
export function SBG_DERL(params: unknown[][], discountRate: any, renewals: any): number {
  return excelCall(() => {
    const p = paramsNow(SBG_PARAMS, params, "params");
    return sbgDerl(p, numberArg(discountRate, "discountRate"), numberArg(renewals, "renewals", { default: 0 }));
  });
}
