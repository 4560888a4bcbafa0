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
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by core/input.ts */
import { ANALYSIS_LABELS, AnalysisLanguage, MARKETING_RFM_COLUMNS } from "../core/analysis/labels";
import { MarketingRfm, marketingRfm } from "../core/analysis/marketingRfm";
import { bgnbdExpected, bgnbdFit, BgnbdParams, bgnbdPAlive, checkBgnbdParams } from "../core/btyd/bgnbd";
import { btydModel, BtydModel, btydParams, clvBtydMany, clvOptions } from "../core/btyd/clvBtyd";
import { CohortGrain, cohortTable } from "../core/btyd/cohort";
import { checkGammaGammaParams, GammaGammaParams, ggExpectedSpend, ggFit } from "../core/btyd/gammagamma";
import { CustomerId, rfmSummary } from "../core/btyd/rfm";
import { CrmError, naError, valueError } from "../core/errors";
import { Message, msg } from "../core/messages/catalogue";
import {
  argError,
  asCells,
  cellError,
  cellOf,
  cellPosition,
  isBlankCell,
  keysIn,
  numberArg,
  numbersOrBlanksIn,
  optionArg,
} from "../core/input";
import { blankMaskFor } from "./blanks";
import { excelCallAsync } from "./excel";

/** One range argument read cell by cell (reading order): a value or null for a blank, and its shape. */
export interface Column<T> {
  readonly name: string;
  readonly values: (T | null)[];
  readonly rows: number;
  readonly columns: number;
}

function shape(values: unknown): { rows: number; columns: number } {
  const cells = asCells(values);
  return { rows: cells.length, columns: cells[0]?.length ?? 0 };
}

/** Turns zeros that are really blank cells (Excel desktop) into null. */
async function unmaskBlanks<T>(column: Column<T>, raw: unknown, address: string | undefined): Promise<Column<T>> {
  const mask = await blankMaskFor(raw, address);
  if (mask === undefined) return column;
  const values = column.values;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 0 && mask.isBlank(Math.floor(i / column.columns), i % column.columns)) values[i] = null;
  }
  return column;
}

// The column readers are async so that a bad cell always rejects and never throws synchronously: callers start
// several reads under one Promise.all, and a synchronous throw there would leave an earlier read's rejection
// unhandled.

/** A numeric range, blank-safely: numbers and nulls. @throws CrmError as numbersOrBlanksIn. */
export async function numberColumn(raw: unknown, name: string, address: string | undefined): Promise<Column<number>> {
  return unmaskBlanks({ name, values: numbersOrBlanksIn(raw, name), ...shape(raw) }, raw, address);
}

/** Dates: as numberColumn, with a hint when a date was typed as text. */
async function dateColumn(raw: unknown, name: string, address: string | undefined): Promise<Column<number>> {
  try {
    return await numberColumn(raw, name, address);
  } catch (e) {
    if (e instanceof CrmError && e.id === "input.cellIsText")
      throw valueError("input.datesAsText", { problem: e.what });
    throw e;
  }
}

/** Customer ids: numbers or trimmed text, null for blanks. */
export async function idColumn(raw: unknown, name: string, address: string | undefined): Promise<Column<CustomerId>> {
  return unmaskBlanks({ name, values: keysIn(raw, name), ...shape(raw) }, raw, address);
}

/** Where cell i of a column is, for messages: "row 5 of the range". */
export function position(column: Column<unknown>, i: number): Message {
  return cellPosition(Math.floor(i / column.columns), i % column.columns, column.columns);
}

/**
 * The rows (cell indices) where every column has a value; rows blank in all columns are skipped.
 * @throws CrmError `#VALUE!` when the ranges differ in size, `#N/A` naming the first cell that is blank
 * while another column of its row has a value.
 */
export function filledRows(columns: readonly Column<unknown>[]): number[] {
  const first = columns[0]!;
  const n = first.values.length;
  if (columns.some((c) => c.values.length !== n)) {
    const sizes = columns.map((c) => `${c.name} ${c.rows}×${c.columns}`).join(", ");
    throw valueError("input.sameCells", { names: columns.map((c) => c.name).join(", "), sizes });
  }
  const rows: number[] = [];
  const k = columns.length;
  for (let i = 0; i < n; i++) {
    let filled = 0;
    for (let j = 0; j < k; j++) if (columns[j]!.values[i] !== null) filled++;
    if (filled === k) rows.push(i);
    else if (filled > 0) {
      const blank = columns.find((c) => c.values[i] === null)!;
      const given = columns.find((c) => c.values[i] !== null)!;
      const where = msg("input.argCell", { arg: blank.name, cell: position(blank, i) });
      throw naError("input.blankBesideValue", { where, other: given.name });
    }
  }
  return rows;
}

/** The numbers of a column at the given cells (e.g. the rows {@link filledRows} kept). */
export function pick(column: Column<number>, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  const values = column.values;
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

function pickIds(column: Column<CustomerId>, rows: readonly number[]): CustomerId[] {
  const out = new Array<CustomerId>(rows.length);
  const values = column.values;
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/**
 * The first `names.length` non-blank cells of a params range, as numbers.
 * @throws CrmError `#VALUE!` for text, the cell's error for an error value, `#N/A` when too few.
 */
export function paramsIn(raw: unknown, argument: string, names: readonly string[]): number[] {
  const cells = asCells(raw);
  const out: number[] = [];
  for (let r = 0; r < cells.length && out.length < names.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length && out.length < names.length; c++) {
      const v = row[c];
      if (isBlankCell(v)) continue;
      const where = cellOf(argument, r, c, row.length);
      const err = cellError(v, where);
      if (err) throw err;
      if (typeof v !== "number") {
        throw valueError("input.paramsNotNumber", { where, value: JSON.stringify(v), name: names[out.length]! });
      }
      out.push(v);
    }
  }
  if (out.length < names.length) {
    throw naError("input.paramsTooFew", {
      arg: argument,
      names: names.join(", "),
      count: names.length,
      found: out.length,
    });
  }
  return out;
}

function bgParamsIn(raw: unknown, argument: string): BgnbdParams {
  const [r, alpha, a, b] = paramsIn(raw, argument, ["r", "alpha", "a", "b"]) as [number, number, number, number];
  const params = { r, alpha, a, b };
  checkBgnbdParams(params);
  return params;
}

function ggParamsIn(raw: unknown, argument: string): GammaGammaParams {
  const [p, q, gamma] = paramsIn(raw, argument, ["p", "q", "gamma"]) as [number, number, number];
  const params = { p, q, gamma };
  checkGammaGammaParams(params);
  return params;
}

/** An optional scalar: undefined when omitted or blank (also as a 1×1 range), else as numberArg. */
export function optionalNumberArg(v: unknown, argument: string): number | undefined {
  const cells = Array.isArray(v) ? asCells(v) : undefined;
  const single = cells !== undefined && cells.length === 1 && cells[0]!.length === 1 ? cells[0]![0] : v;
  return isBlankCell(single) ? undefined : numberArg(v, argument);
}

/** A per-customer result in the shape of `like`: f(i) at the filled rows, "" elsewhere. */
export function sameShape(
  like: Column<unknown>,
  rows: readonly number[],
  f: (i: number) => number,
): (number | string)[][] {
  const out: (number | string)[][] = [];
  for (let r = 0; r < like.rows; r++) out.push(new Array<number | string>(like.columns).fill(""));
  for (const i of rows) out[Math.floor(i / like.columns)]![i % like.columns] = f(i);
  return out;
}

/** Per-row results (values[k] for filled row rows[k]) in the shape of `like`, "" elsewhere. */
export function spread(
  like: Column<unknown>,
  rows: readonly number[],
  values: ArrayLike<number>,
): (number | string)[][] {
  const out: (number | string)[][] = [];
  for (let r = 0; r < like.rows; r++) out.push(new Array<number | string>(like.columns).fill(""));
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    out[Math.floor(i / like.columns)]![i % like.columns] = values[k]!;
  }
  return out;
}

/** The three columns of a BG/NBD customer summary, read in parallel. */
export async function summaryColumns(
  frequency: unknown,
  recency: unknown,
  T: unknown,
  addresses: readonly (string | undefined)[],
): Promise<[Column<number>, Column<number>, Column<number>]> {
  return Promise.all([
    numberColumn(frequency, "frequency", addresses[0]),
    numberColumn(recency, "recency", addresses[1]),
    numberColumn(T, "T", addresses[2]),
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
 * @param {any} [layout] "btyd" (default): customer, frequency, recency, T, monetary, as above. "marketing": customer, first purchase, last purchase, purchases (days), total spend (net of refunds), days since last purchase.
 * @param {any} [language] Language of the marketing layout's header: "en" (default) or "zh".
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} A header row, then one row per customer.
 */
export function RFM(
  customerIds: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  asOfDate: any,
  periodDays: any,
  layout: any,
  language: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [ids, ds, am] = await Promise.all([
      idColumn(customerIds, "customerIds", at[0]),
      dateColumn(dates, "dates", at[1]),
      numberColumn(amounts, "amounts", at[2]),
    ]);
    const rows = filledRows([ids, ds, am]);
    const asOf = optionalNumberArg(asOfDate, "asOfDate");
    const days = optionalNumberArg(periodDays, "periodDays");
    const shape = optionArg(layout, "layout", ["btyd", "marketing"] as const, "btyd");
    const lang = optionArg(language, "language", ["en", "zh"] as const, "en");
    const log = [pickIds(ids, rows), pick(ds, rows), pick(am, rows)] as const;
    const describe = (k: number): Message => position(ds, rows[k]!);
    if (shape === "marketing")
      return marketingTable(marketingRfm(...log, { ...(asOf === undefined ? {} : { asOf }), describe }), lang);
    const s = rfmSummary(...log, {
      ...(asOf === undefined ? {} : { asOf }),
      ...(days === undefined ? {} : { periodDays: days }),
      describe,
    });
    const out: (number | string)[][] = [["customer", "frequency", "recency", "T", "monetary"]];
    for (let c = 0; c < s.customers.length; c++) {
      out.push([s.customers[c]!, s.frequency[c]!, s.recency[c]!, s.T[c]!, s.monetary[c]!]);
    }
    return out;
  });
}

/** The marketing RFM as a spill: a header row in the language, then one row per customer. */
function marketingTable(m: MarketingRfm, language: AnalysisLanguage): (number | string)[][] {
  const header = ANALYSIS_LABELS[language].marketingRfm;
  const out: (number | string)[][] = [MARKETING_RFM_COLUMNS.map((c) => header[c])];
  for (let c = 0; c < m.customers.length; c++) {
    out.push([
      m.customers[c]!,
      m.firstPurchase[c]!,
      m.lastPurchase[c]!,
      m.purchases[c]!,
      m.totalSpend[c]!,
      m.daysSinceLast[c]!,
    ]);
  }
  return out;
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
      penalizer: numberArg(penalizer, "penalizer", { default: 0 }),
      describe: (k) => position(x, rows[k]!),
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
    const p = bgParamsIn(params, "params");
    const [x, tx, age] = await summaryColumns(frequency, recency, T, (invocation?.parameterAddresses ?? []).slice(1));
    const rows = filledRows([x, tx, age]);
    return sameShape(x, rows, (i) => bgnbdPAlive(p, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)));
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
    const p = bgParamsIn(params, "params");
    const horizon = numberArg(t, "t");
    const [x, tx, age] = await summaryColumns(frequency, recency, T, (invocation?.parameterAddresses ?? []).slice(2));
    const rows = filledRows([x, tx, age]);
    return sameShape(x, rows, (i) =>
      bgnbdExpected(p, horizon, x.values[i]!, tx.values[i]!, age.values[i]!, position(x, i)),
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
      numberColumn(frequency, "frequency", at[0]),
      numberColumn(monetary, "monetary", at[1]),
    ]);
    const rows = filledRows([x, m]);
    const fit = ggFit(pick(x, rows), pick(m, rows), { describe: (k) => position(x, rows[k]!) });
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
    const p = ggParamsIn(params, "params");
    const at = invocation?.parameterAddresses ?? [];
    const [x, m] = await Promise.all([
      numberColumn(frequency, "frequency", at[1]),
      numberColumn(monetary, "monetary", at[2]),
    ]);
    const rows = filledRows([x, m]);
    return sameShape(x, rows, (i) => ggExpectedSpend(p, x.values[i]!, m.values[i]!, position(x, i)));
  });
}

/** The `model` argument of CLV.BTYD: blank → "bgnbd"; "BG/NBD", "MBG/NBD", "Pareto/NBD" and short forms. */
function modelArg(v: unknown): BtydModel {
  const x = Array.isArray(v) ? asCells(v)[0]?.[0] : v;
  if (isBlankCell(x)) return "bgnbd";
  const err = argError(x, "model");
  if (err) throw err;
  if (typeof x !== "string") throw valueError("btyd.model", { value: String(x) });
  return btydModel(x);
}

/**
 * Predictive customer lifetime value: expected purchases month by month (BG/NBD, MBG/NBD or Pareto/NBD) ×
 * expected spend (Gamma-Gamma), discounted monthly. Revenue per customer; multiply by a margin for profit.
 * Same shape as frequency.
 * @customfunction CLV.BTYD
 * @requiresParameterAddresses
 * @param {any[][]} bgParams The fitted purchase model's four parameters (e.g. the spill of CRM.BGNBD.FIT, CRM.MBGNBD.FIT or CRM.PNBD.FIT).
 * @param {any[][]} ggParams The fitted Gamma-Gamma p, q, gamma (e.g. the spill of CRM.GG.FIT).
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Time of each customer's last purchase, from their first.
 * @param {any[][]} T Each customer's age, in the same time unit.
 * @param {any[][]} monetary Each customer's mean spend per repeat purchase.
 * @param {any} [months] Horizon in whole months. Default 12.
 * @param {any} [monthlyDiscount] Discount rate per month (e.g. 0.01). Default 0.01.
 * @param {any} [periodDays] Days per period of recency and T (the unit of the fit). Default 7 (weeks).
 * @param {any} [model] The purchase model bgParams belong to: "bgnbd" (default), "mbgnbd" or "pnbd".
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
  model: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const kind = modelArg(model);
    const names = kind === "pnbd" ? ["r", "alpha", "s", "beta"] : ["r", "alpha", "a", "b"];
    const purchase = btydParams(kind, paramsIn(bgParams, "bgParams", names));
    const gg = ggParamsIn(ggParams, "ggParams");
    const options = clvOptions({
      months: numberArg(months, "months", { default: 12 }),
      monthlyDiscount: numberArg(monthlyDiscount, "monthlyDiscount", { default: 0.01 }),
      periodDays: numberArg(periodDays, "periodDays", { default: 7 }),
      model: kind,
    });
    const at = invocation?.parameterAddresses ?? [];
    const [[x, tx, age], m] = await Promise.all([
      summaryColumns(frequency, recency, T, at.slice(2)),
      numberColumn(monetary, "monetary", at[5]),
    ]);
    const rows = filledRows([x, tx, age, m]);
    const clv = clvBtydMany(purchase, gg, pick(x, rows), pick(tx, rows), pick(age, rows), pick(m, rows), options, (k) =>
      position(x, rows[k]!),
    );
    return spread(x, rows, clv);
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
    const g: CohortGrain = optionArg(grain, "grain", ["month", "week", "quarter"] as const, "month");
    const at = invocation?.parameterAddresses ?? [];
    const [ids, ds] = await Promise.all([
      idColumn(customerIds, "customerIds", at[0]),
      dateColumn(dates, "dates", at[1]),
    ]);
    const rows = filledRows([ids, ds]);
    const table = cohortTable(pickIds(ids, rows), pick(ds, rows), g, (k) => position(ds, rows[k]!));
    return table.map((c) => [c.start, c.size, ...c.active.map((s) => (s === null ? "" : s))]);
  });
}
