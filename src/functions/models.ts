/**
 * The customer-base models (DESIGN.md "Models beyond BG/NBD"), each a FIT and its predictions: the purchase
 * models BG/NBD (Fader, Hardie & Lee 2005), Pareto/NBD and MBG/NBD (noncontractual, continuous time; with these
 * two the one-time buyers can fade too) and BG/BB (discrete-time opportunities, with a count of customers per
 * pattern); the Gamma-Gamma spend model; sBG (contractual: a cohort's survival, retention and DERL). Each FIT
 * spills one row; its spill is accepted as it is as `params`. The maths is in src/core/btyd. A purchase
 * model's FIT, PALIVE and EXPECTED are one call each to its family (modelFamily in modelAdapter.ts: blanks
 * skipped, also in params ranges on desktop; "" in the results); arguments are read through the value layer.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { BGBB_PARAMETERS, bgbbExpected, bgbbFit, bgbbPAlive } from "../core/btyd/bgbb";
import { BGNBD_PARAMETERS, bgnbdExpected, bgnbdFit, bgnbdPAlive, MBGNBD_PARAMETERS } from "../core/btyd/bgnbd";
import { GAMMA_GAMMA_PARAMETERS, ggExpectedSpend, ggFit } from "../core/btyd/gammagamma";
import { mbgnbdExpected, mbgnbdFit, mbgnbdPAlive } from "../core/btyd/mbgnbd";
import { PNBD_PARAMETERS, pnbdExpected, pnbdFit, pnbdPAlive } from "../core/btyd/pnbd";
import { SBG_PARAMETERS, sbgDerl, sbgFit, SbgParams, sbgRetention, sbgSurvival } from "../core/btyd/sbg";
import { numberArg } from "../core/values/args";
import { excelCallAt, Invocation } from "./arguments";
import { blankArgumentsOmitted } from "./blanks";
import { excelCall } from "./excel";
import {
  fitOn,
  fitRow,
  modelFamily,
  paramsNow,
  PATTERN_COLUMNS,
  perRow,
  readModelParams,
  SUMMARY_COLUMNS,
} from "./modelAdapter";

/** The per-customer ranges of the Gamma-Gamma functions. */
const GG_COLUMNS = ["frequency", "monetary"];

/** The arguments of the families fitted on a customer summary: frequency, recency, T; EXPECTED's horizon t. */
const SUMMARY = { columns: SUMMARY_COLUMNS, horizon: "t" } as const;

// Each purchase model's FIT, PALIVE and EXPECTED bodies; BG/BB's FIT reads a count column and is its own.
const BGNBD = modelFamily({
  params: BGNBD_PARAMETERS,
  ...SUMMARY,
  fit: bgnbdFit,
  pAlive: bgnbdPAlive,
  expected: bgnbdExpected,
});
const PNBD = modelFamily({
  params: PNBD_PARAMETERS,
  ...SUMMARY,
  fit: pnbdFit,
  pAlive: pnbdPAlive,
  expected: pnbdExpected,
});
const MBGNBD = modelFamily({
  params: MBGNBD_PARAMETERS,
  ...SUMMARY,
  fit: mbgnbdFit,
  pAlive: mbgnbdPAlive,
  expected: mbgnbdExpected,
});
const BGBB = modelFamily({
  params: BGBB_PARAMETERS,
  columns: PATTERN_COLUMNS,
  horizon: "futurePeriods",
  pAlive: bgbbPAlive,
  expected: bgbbExpected,
});

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) to a customer summary by maximum likelihood.
 * Spills one row: r, alpha, a, b, log-likelihood. #N/A when the data cannot identify the model.
 * @customfunction BGNBD.FIT
 * @requiresParameterAddresses
 * @param {any[][]} frequency Repeat purchases of each customer (whole numbers ≥ 0), e.g. from CRM.RFM.
 * @param {any[][]} recency Time of each customer's last purchase, from their first (0 without repeat purchases).
 * @param {any[][]} T Each customer's age: time from first purchase to the end of the period.
 * @param {any} [penalizer] L2 penalty on the parameters (as in Python's lifetimes). Default 0.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: r, alpha, a, b, log-likelihood.
 */
export function BGNBD_FIT(frequency: any[][], recency: any[][], T: any[][], penalizer: any, invocation: Invocation) {
  return BGNBD.fit(frequency, recency, T, penalizer, invocation);
}

/**
 * Probability that each customer is still active ("alive") under a fitted BG/NBD model — the churn early
 * warning. 1 for customers without repeat purchases. Same shape as frequency.
 * @customfunction BGNBD.PALIVE
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, a, b (e.g. the spill of CRM.BGNBD.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} P(alive) from 0 to 1 per customer; blank rows stay blank.
 */
export function BGNBD_PALIVE(
  params: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  invocation: Invocation,
) {
  return BGNBD.pAlive(params, frequency, recency, T, invocation);
}

/**
 * Expected number of purchases of each customer in the next t periods under a fitted BG/NBD model,
 * E[Y(t) | frequency, recency, T]. Same shape as frequency.
 * @customfunction BGNBD.EXPECTED
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted r, alpha, a, b (e.g. the spill of CRM.BGNBD.FIT).
 * @param {any} t Length of the forecast horizon, in periods (≥ 0).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Expected purchases per customer; blank rows stay blank.
 */
export function BGNBD_EXPECTED(
  params: any[][],
  t: any,
  frequency: any[][],
  recency: any[][],
  T: any[][],
  invocation: Invocation,
) {
  return BGNBD.expected(params, t, frequency, recency, T, invocation);
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
export function PNBD_FIT(frequency: any[][], recency: any[][], T: any[][], penalizer: any, invocation: Invocation) {
  return PNBD.fit(frequency, recency, T, penalizer, invocation);
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
export function PNBD_PALIVE(params: any[][], frequency: any[][], recency: any[][], T: any[][], invocation: Invocation) {
  return PNBD.pAlive(params, frequency, recency, T, invocation);
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
  params: any[][],
  t: any,
  frequency: any[][],
  recency: any[][],
  T: any[][],
  invocation: Invocation,
) {
  return PNBD.expected(params, t, frequency, recency, T, invocation);
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
export function MBGNBD_FIT(frequency: any[][], recency: any[][], T: any[][], penalizer: any, invocation: Invocation) {
  return MBGNBD.fit(frequency, recency, T, penalizer, invocation);
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
  params: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  invocation: Invocation,
) {
  return MBGNBD.pAlive(params, frequency, recency, T, invocation);
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
  params: any[][],
  t: any,
  frequency: any[][],
  recency: any[][],
  T: any[][],
  invocation: Invocation,
) {
  return MBGNBD.expected(params, t, frequency, recency, T, invocation);
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
  frequency: any[][],
  recency: any[][],
  periods: any[][],
  count: any[][],
  invocation: Invocation,
): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    // a single blank cell given for the optional count means it is omitted, on desktop too
    const [counts] = await blankArgumentsOmitted([count], [at[3]]);
    const given = counts !== null && counts !== undefined;
    const raws = given ? [frequency, recency, periods, counts] : [frequency, recency, periods];
    const ranges = { raws, names: given ? [...PATTERN_COLUMNS, "count"] : PATTERN_COLUMNS, addresses: at };
    const fit = await fitOn(ranges, ([x, tx, n, c], describe) => bgbbFit(x!, tx!, n!, c, { describe }));
    return fitRow(BGBB_PARAMETERS, fit.params, fit.logLikelihood);
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
  params: any[][],
  frequency: any[][],
  recency: any[][],
  periods: any[][],
  invocation: Invocation,
) {
  return BGBB.pAlive(params, frequency, recency, periods, invocation);
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
  params: any[][],
  futurePeriods: any,
  frequency: any[][],
  recency: any[][],
  periods: any[][],
  invocation: Invocation,
) {
  return BGBB.expected(params, futurePeriods, frequency, recency, periods, invocation);
}

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005) on the customers with
 * repeat purchases. Spills one row: p, q, gamma, log-likelihood.
 * @customfunction GG.FIT
 * @requiresParameterAddresses
 * @param {any[][]} frequency Repeat purchases of each customer (customers with 0 are left out).
 * @param {any[][]} monetary Each customer's mean spend per repeat purchase (e.g. from CRM.RFM).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<number[][]>} One row: p, q, gamma, log-likelihood.
 */
export function GG_FIT(frequency: any[][], monetary: any[][], invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const ranges = { raws: [frequency, monetary], names: GG_COLUMNS, addresses: at };
    const fit = await fitOn(ranges, ([x, m], describe) => ggFit(x!, m!, { describe }));
    return fitRow(GAMMA_GAMMA_PARAMETERS, fit.params, fit.logLikelihood);
  });
}

/**
 * Expected average spend per transaction of each customer under a fitted Gamma-Gamma model; the
 * population mean p·gamma/(q − 1) for customers without repeat purchases. Same shape as frequency.
 * @customfunction GG.SPEND
 * @requiresParameterAddresses
 * @param {any[][]} params The fitted p, q, gamma (e.g. the spill of CRM.GG.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} monetary Each customer's mean spend per repeat purchase.
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Expected spend per transaction per customer; blank rows stay blank.
 */
export function GG_SPEND(
  params: any[][],
  frequency: any[][],
  monetary: any[][],
  invocation: Invocation,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const p = await readModelParams(GAMMA_GAMMA_PARAMETERS, params, "params", at[0]);
    const ranges = { raws: [frequency, monetary], names: GG_COLUMNS, addresses: at.slice(1) };
    return perRow(ranges, ([x, m], i, where) => ggExpectedSpend(p, x![i]!, m![i]!, where));
  });
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
export function SBG_FIT(active: any[][], invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const fit = await fitOn({ raws: [active], names: ["active"], addresses: at }, ([a]) => sbgFit(a!));
    return fitRow(SBG_PARAMETERS, fit.params, fit.logLikelihood);
  });
}

/** f(params, t) for every filled cell of t, in t's shape: params is argument 0, t argument 1. */
function perPeriod(
  params: unknown,
  t: unknown,
  invocation: Invocation,
  f: (p: SbgParams, t: number) => number,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const p = await readModelParams(SBG_PARAMETERS, params, "params", at[0]);
    return perRow({ raws: [t], names: ["t"], addresses: at.slice(1) }, ([periods], i) => f(p, periods![i]!));
  });
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
export function SBG_SURVIVAL(params: any[][], t: any[][], invocation: Invocation): Promise<any[][]> {
  return perPeriod(params, t, invocation, sbgSurvival);
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
export function SBG_RETENTION(params: any[][], t: any[][], invocation: Invocation): Promise<any[][]> {
  return perPeriod(params, t, invocation, sbgRetention);
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
export function SBG_DERL(params: any[][], discountRate: any, renewals: any): number {
  return excelCall(() => {
    const p = paramsNow(SBG_PARAMETERS, params, "params");
    return sbgDerl(p, numberArg(discountRate, "discountRate"), numberArg(renewals, "renewals", { default: 0 }));
  });
}
