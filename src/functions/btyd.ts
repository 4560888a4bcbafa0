/**
 * Predictive CLV and churn warning ("Buy Till You Die"): from a transaction log to per-customer CLV, all
 * spilling. RFM summarises the log; BGNBD.FIT and GG.FIT estimate the models; BGNBD.PALIVE (the churn early
 * warning), BGNBD.EXPECTED, GG.SPEND and CLV.BTYD predict per customer; COHORT tabulates retention by
 * acquisition cohort. The maths is in src/core/btyd; these adapters coerce and shape.
 *
 * Ranges: blank rows are skipped (per-customer results show "" there); a row blank in one range but not in
 * another is `#N/A` naming the cell. Excel desktop passes blank cells as 0, and 0 is a real frequency,
 * recency or amount, so every function asks for its arguments' addresses and tells real zeros from blanks
 * (blanks.ts). `params` arguments are any range whose first (non-blank) cells hold the fitted numbers, so a
 * FIT's spill can be passed as it is. Dates are Excel date serials.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { bgnbdExpected, bgnbdFit, BgnbdParams, bgnbdPAlive, checkBgnbdParams } from "../core/btyd/bgnbd";
import { clvBtyd, clvOptions } from "../core/btyd/clvBtyd";
import { CohortGrain, cohortTable } from "../core/btyd/cohort";
import { checkGammaGammaParams, GammaGammaParams, ggExpectedSpend, ggFit } from "../core/btyd/gammagamma";
import { rfmSummary } from "../core/btyd/rfm";
import { numberArg, optionalNumberArg, optionArg } from "../core/values/args";
import {
  dateColumn,
  filledRows,
  inShapeOf,
  keyColumn,
  KeyColumn,
  numberColumn,
  NumberColumn,
  paramsIn,
  pick,
  pickKeys,
  positionIn,
  rowIndex,
} from "../core/values/columns";
import { blankArgumentsOmitted, blankMaskFor, withBlanksMasked } from "./blanks";
import { excelCallAsync } from "./excel";

// The column readers are async so that a bad cell always rejects and never throws synchronously: callers start
// several reads under one Promise.all, and a synchronous throw there would leave an earlier read's rejection
// unhandled.

/** A numeric range, blank-safely (really-blank zeros of Excel desktop marked blank). */
async function readNumbers(raw: unknown, name: string, address: string | undefined): Promise<NumberColumn> {
  return withBlanksMasked(numberColumn(raw, name), raw, address);
}

/** Dates, blank-safely, with a hint when a date was typed as text. */
async function readDates(raw: unknown, name: string, address: string | undefined): Promise<NumberColumn> {
  return withBlanksMasked(dateColumn(raw, name), raw, address);
}

/** Customer ids, blank-safely. */
async function readKeys(raw: unknown, name: string, address: string | undefined): Promise<KeyColumn> {
  return withBlanksMasked(keyColumn(raw, name), raw, address);
}

/** Fitted BG/NBD parameters from a range, blank-safely (a blank cell among them is skipped on desktop too). */
async function bgParamsIn(raw: unknown, argument: string, address: string | undefined): Promise<BgnbdParams> {
  const names = ["r", "alpha", "a", "b"];
  const [r, alpha, a, b] = paramsIn(raw, argument, names, await blankMaskFor(raw, address)) as [
    number,
    number,
    number,
    number,
  ];
  const params = { r, alpha, a, b };
  checkBgnbdParams(params);
  return params;
}

/** Fitted Gamma-Gamma parameters from a range, blank-safely. */
async function ggParamsIn(raw: unknown, argument: string, address: string | undefined): Promise<GammaGammaParams> {
  const names = ["p", "q", "gamma"];
  const [p, q, gamma] = paramsIn(raw, argument, names, await blankMaskFor(raw, address)) as [number, number, number];
  const params = { p, q, gamma };
  checkGammaGammaParams(params);
  return params;
}

/** The three columns of a BG/NBD customer summary, read in parallel. */
async function summaryColumns(
  frequency: unknown,
  recency: unknown,
  T: unknown,
  addresses: readonly (string | undefined)[],
): Promise<[NumberColumn, NumberColumn, NumberColumn]> {
  return Promise.all([
    readNumbers(frequency, "frequency", addresses[0]),
    readNumbers(recency, "recency", addresses[1]),
    readNumbers(T, "T", addresses[2]),
  ]);
}

/**
 * RFM summary of a transaction log, one row per customer in order of first appearance, under a header row.
 * Per customer, transactions are grouped by calendar day: frequency = purchase days − 1, recency = (last day −
 * first day)/periodDays, T = (asOfDate − first day)/periodDays, monetary = mean daily total after the first day
 * (0 without repeat purchases). Transactions after asOfDate are left out.
 * @customfunction RFM
 * @requiresParameterAddresses
 * @param {any[][]} customerIds Customer id of each transaction (a range or a whole column).
 * @param {any[][]} dates Date of each transaction (Excel dates).
 * @param {any[][]} amounts Amount of each transaction.
 * @param {any} [asOfDate] End of the observation period (an Excel date). Default: the latest date in the log.
 * @param {any} [periodDays] Days per period for recency and T. Default 7 (weeks).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} A header row (customer, frequency, recency, T, monetary), then one row per customer.
 */
export function RFM(
  customerIds: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  asOfDate: any,
  periodDays: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [ids, ds, am] = await Promise.all([
      readKeys(customerIds, "customerIds", at[0]),
      readDates(dates, "dates", at[1]),
      readNumbers(amounts, "amounts", at[2]),
    ]);
    const rows = filledRows([ids, ds, am]);
    const [asOfArg, daysArg] = await blankArgumentsOmitted([asOfDate, periodDays], [at[3], at[4]]);
    const asOf = optionalNumberArg(asOfArg, "asOfDate");
    const days = optionalNumberArg(daysArg, "periodDays");
    const s = rfmSummary(pickKeys(ids, rows), pick(ds, rows), pick(am, rows), {
      ...(asOf === undefined ? {} : { asOf }),
      ...(days === undefined ? {} : { periodDays: days }),
      describe: (k) => positionIn(ds, rowIndex(rows, k)),
    });
    const out = new Array<(number | string)[]>(s.customers.length + 1);
    out[0] = ["customer", "frequency", "recency", "T", "monetary"];
    for (let c = 0; c < s.customers.length; c++) {
      out[c + 1] = [s.customers[c]!, s.frequency[c]!, s.recency[c]!, s.T[c]!, s.monetary[c]!];
    }
    return out;
  });
}

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
export function BGNBD_FIT(
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  penalizer: any,
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return excelCallAsync(async () => {
    const [x, tx, age] = await summaryColumns(frequency, recency, T, invocation?.parameterAddresses ?? []);
    const rows = filledRows([x, tx, age]);
    const fit = bgnbdFit(pick(x, rows), pick(tx, rows), pick(age, rows), {
      // a blank cell passed as 0 by Excel desktop is the default itself: no need to read it
      penalizer: numberArg(penalizer, "penalizer", { default: 0 }),
      describe: (k) => positionIn(x, rowIndex(rows, k)),
    });
    const { r, alpha, a, b } = fit.params;
    return [[r, alpha, a, b, fit.logLikelihood]];
  });
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
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const p = await bgParamsIn(params, "params", at[0]);
    const [x, tx, age] = await summaryColumns(frequency, recency, T, at.slice(1));
    const rows = filledRows([x, tx, age]);
    return inShapeOf(x, rows, (i) => bgnbdPAlive(p, x.values[i]!, tx.values[i]!, age.values[i]!, positionIn(x, i)));
  });
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
  params: unknown[][],
  t: any,
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const p = await bgParamsIn(params, "params", at[0]);
    const horizon = numberArg(t, "t");
    const [x, tx, age] = await summaryColumns(frequency, recency, T, at.slice(2));
    const rows = filledRows([x, tx, age]);
    return inShapeOf(x, rows, (i) =>
      bgnbdExpected(p, horizon, x.values[i]!, tx.values[i]!, age.values[i]!, positionIn(x, i)),
    );
  });
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
export function GG_FIT(
  frequency: unknown[][],
  monetary: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [x, m] = await Promise.all([
      readNumbers(frequency, "frequency", at[0]),
      readNumbers(monetary, "monetary", at[1]),
    ]);
    const rows = filledRows([x, m]);
    const fit = ggFit(pick(x, rows), pick(m, rows), { describe: (k) => positionIn(x, rowIndex(rows, k)) });
    const { p, q, gamma } = fit.params;
    return [[p, q, gamma, fit.logLikelihood]];
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
  params: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const p = await ggParamsIn(params, "params", at[0]);
    const [x, m] = await Promise.all([
      readNumbers(frequency, "frequency", at[1]),
      readNumbers(monetary, "monetary", at[2]),
    ]);
    const rows = filledRows([x, m]);
    return inShapeOf(x, rows, (i) => ggExpectedSpend(p, x.values[i]!, m.values[i]!, positionIn(x, i)));
  });
}

/**
 * Predictive customer lifetime value: expected purchases month by month (BG/NBD) × expected spend
 * (Gamma-Gamma), discounted monthly. Revenue per customer; multiply by a margin for profit. Same shape as
 * frequency.
 * @customfunction CLV.BTYD
 * @requiresParameterAddresses
 * @param {any[][]} bgParams The fitted BG/NBD r, alpha, a, b (e.g. the spill of CRM.BGNBD.FIT).
 * @param {any[][]} ggParams The fitted Gamma-Gamma p, q, gamma (e.g. the spill of CRM.GG.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {any[][]} monetary Each customer's mean spend per repeat purchase.
 * @param {any} [months] Horizon in whole months. Default 12.
 * @param {any} [monthlyDiscount] Discount rate per month (e.g. 0.01). Default 0.01.
 * @param {any} [periodDays] Days per period of recency and T (the unit of the fit). Default 7 (weeks).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Discounted expected revenue per customer; blank rows stay blank.
 */
export function CLV_BTYD(
  bgParams: unknown[][],
  ggParams: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary: unknown[][],
  months: any,
  monthlyDiscount: any,
  periodDays: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [bg, gg] = await Promise.all([
      bgParamsIn(bgParams, "bgParams", at[0]),
      ggParamsIn(ggParams, "ggParams", at[1]),
    ]);
    const optional = await blankArgumentsOmitted([months, monthlyDiscount, periodDays], [at[6], at[7], at[8]]);
    const options = clvOptions({
      months: numberArg(optional[0], "months", { default: 12 }),
      monthlyDiscount: numberArg(optional[1], "monthlyDiscount", { default: 0.01 }),
      periodDays: numberArg(optional[2], "periodDays", { default: 7 }),
    });
    const [[x, tx, age], m] = await Promise.all([
      summaryColumns(frequency, recency, T, at.slice(2)),
      readNumbers(monetary, "monetary", at[5]),
    ]);
    const rows = filledRows([x, tx, age, m]);
    return inShapeOf(x, rows, (i) =>
      clvBtyd(bg, gg, x.values[i]!, tx.values[i]!, age.values[i]!, m.values[i]!, options, positionIn(x, i)),
    );
  });
}

/**
 * Retention by acquisition cohort: customers grouped by the period of their first purchase; one row per
 * cohort with its start date, its size, then the share of it that bought in period 0, 1, 2, … after
 * acquisition (periods after the end of the log stay blank).
 * @customfunction COHORT
 * @requiresParameterAddresses
 * @param {any[][]} customerIds Customer id of each transaction (a range or a whole column).
 * @param {any[][]} dates Date of each transaction (Excel dates).
 * @param {any} [grain] Period length: "month" (default), "week" (starting Monday) or "quarter".
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Per cohort: start date (an Excel date), size, share active in period 0, 1, 2, …
 */
export function COHORT(
  customerIds: unknown[][],
  dates: unknown[][],
  grain: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [grainArg] = await blankArgumentsOmitted([grain], [at[2]]);
    const g: CohortGrain = optionArg(grainArg, "grain", ["month", "week", "quarter"] as const, "month");
    const [ids, ds] = await Promise.all([
      readKeys(customerIds, "customerIds", at[0]),
      readDates(dates, "dates", at[1]),
    ]);
    const rows = filledRows([ids, ds]);
    const table = cohortTable(pickKeys(ids, rows), pick(ds, rows), g, (k) => positionIn(ds, rowIndex(rows, k)));
    return table.map((c) => [c.start, c.size, ...c.active.map((s) => (s === null ? "" : s))]);
  });
}
