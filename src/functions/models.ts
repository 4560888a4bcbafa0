/**
 * Customer-base models beyond BG/NBD (issue 10; DESIGN.md "Models beyond BG/NBD"): Pareto/NBD and MBG/NBD
 * (noncontractual, continuous time: the one-time buyers can fade), BG/BB (discrete-time opportunities, with
 * a count of customers per pattern) and sBG (contractual: a cohort's survival, retention and DERL). Each
 * FIT spills one row; its spill is accepted as it is as `params`. The maths is in src/core/btyd; these
 * adapters read the ranges with the BG/NBD adapters' readers (btyd.ts: blanks skipped, "" in the results).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by core/input.ts */
import { BgbbParams, bgbbExpected, bgbbFit, bgbbPAlive, checkBgbbParams } from "../core/btyd/bgbb";
import { BgnbdParams, checkBgnbdParams } from "../core/btyd/bgnbd";
import { mbgnbdExpected, mbgnbdFit, mbgnbdPAlive } from "../core/btyd/mbgnbd";
import { checkPnbdParams, pnbdExpected, pnbdFit, PnbdParams, pnbdPAlive } from "../core/btyd/pnbd";
import { checkSbgParams, sbgDerl, sbgFit, SbgParams, sbgRetention, sbgSurvival } from "../core/btyd/sbg";
import { numberArg } from "../core/input";
import {
  Column,
  filledRows,
  numberColumn,
  optionalNumberArg,
  paramsIn,
  pick,
  position,
  sameShape,
  summaryColumns,
} from "./btyd";
import { excelCall, excelCallAsync } from "./excel";

function pnbdParamsIn(raw: unknown): PnbdParams {
  const [r, alpha, s, beta] = paramsIn(raw, "params", ["r", "alpha", "s", "beta"]) as [number, number, number, number];
  const params = { r, alpha, s, beta };
  checkPnbdParams(params);
  return params;
}

function mbgParamsIn(raw: unknown): BgnbdParams {
  const [r, alpha, a, b] = paramsIn(raw, "params", ["r", "alpha", "a", "b"]) as [number, number, number, number];
  const params = { r, alpha, a, b };
  checkBgnbdParams(params);
  return params;
}

function bgbbParamsIn(raw: unknown): BgbbParams {
  const names = ["alpha", "beta", "gamma", "delta"];
  const [alpha, beta, gamma, delta] = paramsIn(raw, "params", names) as [number, number, number, number];
  const params = { alpha, beta, gamma, delta };
  checkBgbbParams(params);
  return params;
}

function sbgParamsIn(raw: unknown): SbgParams {
  const [alpha, beta] = paramsIn(raw, "params", ["alpha", "beta"]) as [number, number];
  const params = { alpha, beta };
  checkSbgParams(params);
  return params;
}

/** The addresses of an invocation from argument `from` on. */
function addresses(invocation: CustomFunctions.Invocation, from = 0): (string | undefined)[] {
  return (invocation?.parameterAddresses ?? []).slice(from);
}

/** The filled rows of a customer summary as three columns of numbers, and the frequency column. */
async function summary(
  frequency: unknown,
  recency: unknown,
  T: unknown,
  at: readonly (string | undefined)[],
): Promise<{ x: Column<number>; tx: Column<number>; age: Column<number>; rows: number[] }> {
  const [x, tx, age] = await summaryColumns(frequency, recency, T, at);
  return { x, tx, age, rows: filledRows([x, tx, age]) };
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
  return excelCallAsync(async () => {
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation));
    const fit = pnbdFit(pick(x, rows), pick(tx, rows), pick(age, rows), {
      penalizer: numberArg(penalizer, "penalizer", { default: 0 }),
      describe: (k) => position(x, rows[k]!),
    });
    const { r, alpha, s, beta } = fit.params;
    return [[r, alpha, s, beta, fit.logLikelihood]];
  });
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
  return excelCallAsync(async () => {
    const p = pnbdParamsIn(params);
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation, 1));
    return sameShape(x, rows, (i) => pnbdPAlive(p, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)));
  });
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
  return excelCallAsync(async () => {
    const p = pnbdParamsIn(params);
    const horizon = numberArg(t, "t");
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation, 2));
    return sameShape(x, rows, (i) =>
      pnbdExpected(p, horizon, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)),
    );
  });
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
  return excelCallAsync(async () => {
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation));
    const fit = mbgnbdFit(pick(x, rows), pick(tx, rows), pick(age, rows), {
      penalizer: numberArg(penalizer, "penalizer", { default: 0 }),
      describe: (k) => position(x, rows[k]!),
    });
    const { r, alpha, a, b } = fit.params;
    return [[r, alpha, a, b, fit.logLikelihood]];
  });
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
  return excelCallAsync(async () => {
    const p = mbgParamsIn(params);
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation, 1));
    return sameShape(x, rows, (i) => mbgnbdPAlive(p, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)));
  });
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
  return excelCallAsync(async () => {
    const p = mbgParamsIn(params);
    const horizon = numberArg(t, "t");
    const { x, tx, age, rows } = await summary(frequency, recency, T, addresses(invocation, 2));
    return sameShape(x, rows, (i) =>
      mbgnbdExpected(p, horizon, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)),
    );
  });
}

/** The three columns of a BG/BB pattern table (frequency, recency, periods). */
async function patternColumns(
  frequency: unknown,
  recency: unknown,
  periods: unknown,
  at: readonly (string | undefined)[],
): Promise<{ x: Column<number>; tx: Column<number>; n: Column<number>; rows: number[] }> {
  const [x, tx, n] = await Promise.all([
    numberColumn(frequency, "frequency", at[0]),
    numberColumn(recency, "recency", at[1]),
    numberColumn(periods, "periods", at[2]),
  ]);
  return { x, tx, n, rows: filledRows([x, tx, n]) };
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
    const at = addresses(invocation);
    const given = count !== null && count !== undefined;
    const [x, tx, n, c] = await Promise.all([
      numberColumn(frequency, "frequency", at[0]),
      numberColumn(recency, "recency", at[1]),
      numberColumn(periods, "periods", at[2]),
      given ? numberColumn(count, "count", at[3]) : Promise.resolve(undefined),
    ]);
    const rows = filledRows(c === undefined ? [x, tx, n] : [x, tx, n, c]);
    const fit = bgbbFit(pick(x, rows), pick(tx, rows), pick(n, rows), c === undefined ? undefined : pick(c, rows), {
      describe: (k) => position(x, rows[k]!),
    });
    const { alpha, beta, gamma, delta } = fit.params;
    return [[alpha, beta, gamma, delta, fit.logLikelihood]];
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
  return excelCallAsync(async () => {
    const p = bgbbParamsIn(params);
    const { x, tx, n, rows } = await patternColumns(frequency, recency, periods, addresses(invocation, 1));
    return sameShape(x, rows, (i) => bgbbPAlive(p, x.values[i]!, tx.values[i]!, n.values[i]!, position(x, i)));
  });
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
  return excelCallAsync(async () => {
    const p = bgbbParamsIn(params);
    const future = numberArg(futurePeriods, "futurePeriods");
    const { x, tx, n, rows } = await patternColumns(frequency, recency, periods, addresses(invocation, 2));
    return sameShape(x, rows, (i) =>
      bgbbExpected(p, future, x.values[i]!, tx.values[i]!, n.values[i]!, position(x, i)),
    );
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
export function SBG_FIT(active: unknown[][], invocation: CustomFunctions.Invocation): Promise<number[][]> {
  return excelCallAsync(async () => {
    const a = await numberColumn(active, "active", addresses(invocation)[0]);
    const fit = sbgFit(pick(a, filledRows([a])));
    return [[fit.params.alpha, fit.params.beta, fit.logLikelihood]];
  });
}

/** f(params, t) for every filled cell of t, in t's shape. */
async function perPeriod(
  params: unknown,
  t: unknown,
  at: string | undefined,
  f: (p: SbgParams, t: number) => number,
): Promise<any[][]> {
  const p = sbgParamsIn(params);
  const periods = await numberColumn(t, "t", at);
  return sameShape(periods, filledRows([periods]), (i) => f(p, periods.values[i]!));
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
  return excelCallAsync(() => perPeriod(params, t, addresses(invocation)[1], sbgSurvival));
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
  return excelCallAsync(() => perPeriod(params, t, addresses(invocation)[1], sbgRetention));
}

/**
 * Discounted expected residual lifetime under a fitted sBG model (Fader & Hardie 2010): the discounted
 * number of payments still to come from a customer who has made `renewals` renewals, valued at the next
 * renewal. Remaining value = margin × DERL.
 * @customfunction SBG.DERL
 * @param {any[][]} params The fitted alpha, beta (e.g. the spill of CRM.SBG.FIT).
 * @param {any} discountRate Discount rate per period (≥ 0; 0 needs alpha > 1).
 * @param {any} [renewals] Renewals made so far (a whole number ≥ 0). Default 0.
 * @returns {number} DERL, in payments.
 */
export function SBG_DERL(params: unknown[][], discountRate: any, renewals: any): number {
  return excelCall(() => {
    const p = sbgParamsIn(params);
    return sbgDerl(p, numberArg(discountRate, "discountRate"), optionalNumberArg(renewals, "renewals") ?? 0);
  });
}
