/**
 * Predictive CLV ("Buy Till You Die"): from a transaction log to per-customer CLV, all spilling. RFM
 * summarises the log; a purchase model (BGNBD.FIT and its siblings, in models.ts, with BGNBD.PALIVE the churn
 * early warning) and GG.FIT estimate the models; GG.SPEND and CLV.BTYD predict per customer; COHORT tabulates
 * retention by acquisition cohort. The maths is in src/core/btyd; these adapters coerce and shape.
 *
 * Ranges: blank rows are skipped (per-customer results show "" there); a row blank in one range but not in
 * another is `#N/A` naming the cell. Excel desktop passes blank cells as 0, and 0 is a real frequency,
 * recency or amount, so every function asks for its arguments' addresses and tells real zeros from blanks
 * (blanks.ts). `params` arguments are any range whose first (non-blank) cells hold the fitted numbers, so a
 * FIT's spill can be passed as it is. Dates are Excel date serials.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { GAMMA_GAMMA_PARAMETERS } from "../core/btyd/gammagamma";
import { ANALYSIS_LABELS, AnalysisLanguage, MARKETING_RFM_COLUMNS } from "../core/analysis/labels";
import { MarketingRfm, marketingRfm } from "../core/analysis/marketingRfm";
import { btydModel, BtydModel, btydParams, clvBtydMany, clvOptions } from "../core/btyd/clvBtyd";
import { CohortGrain, cohortTable } from "../core/btyd/cohort";
import { rfmSummary } from "../core/btyd/rfm";
import { valueError } from "../core/errors";
import { Message } from "../core/messages/catalogue";
import { numberArg, optionalNumberArg, optionArg } from "../core/values/args";
import { isBlankCell } from "../core/values/blank";
import { argError, asCells } from "../core/values/cells";
import { filledRows, NumberColumn, pick, pickKeys, positionIn, rowIndex, spreadIn } from "../core/values/columns";
import { excelCallAt, Invocation, readAligned, readDates, readKeys, readNumbers, readParams } from "./arguments";
import { blankArgumentsOmitted } from "./blanks";
import { readModelParams } from "./modelAdapter";

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
  customerIds: any[][],
  dates: any[][],
  amounts: any[][],
  asOfDate: any,
  periodDays: any,
  layout: any,
  language: any,
  invocation: Invocation,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const [ids, ds, am] = await Promise.all([
      readKeys(customerIds, "customerIds", at[0]),
      readDates(dates, "dates", at[1]),
      readNumbers(amounts, "amounts", at[2]),
    ]);
    const rows = filledRows([ids, ds, am]);
    const [asOfArg, daysArg, layoutArg, languageArg] = await blankArgumentsOmitted(
      [asOfDate, periodDays, layout, language],
      [at[3], at[4], at[5], at[6]],
    );
    const asOf = optionalNumberArg(asOfArg, "asOfDate");
    const days = optionalNumberArg(daysArg, "periodDays");
    const shape = optionArg(layoutArg, "layout", ["btyd", "marketing"] as const, "btyd");
    const lang = optionArg(languageArg, "language", ["en", "zh"] as const, "en");
    const log = [pickKeys(ids, rows), pick(ds, rows), pick(am, rows)] as const;
    const describe = (k: number): Message => positionIn(ds, rowIndex(rows, k));
    if (shape === "marketing")
      return marketingTable(marketingRfm(...log, { ...(asOf === undefined ? {} : { asOf }), describe }), lang);
    const s = rfmSummary(...log, {
      ...(asOf === undefined ? {} : { asOf }),
      ...(days === undefined ? {} : { periodDays: days }),
      describe,
    });
    const out = new Array<(number | string)[]>(s.customers.length + 1);
    out[0] = ["customer", "frequency", "recency", "T", "monetary"];
    for (let c = 0; c < s.customers.length; c++) {
      out[c + 1] = [s.customers[c]!, s.frequency[c]!, s.recency[c]!, s.T[c]!, s.monetary[c]!];
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
  bgParams: any[][],
  ggParams: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  monetary: any[][],
  months: any,
  monthlyDiscount: any,
  periodDays: any,
  model: any,
  invocation: Invocation,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const optional = await blankArgumentsOmitted([months, monthlyDiscount, periodDays, model], at.slice(6, 10));
    const kind = modelArg(optional[3]);
    const names = kind === "pnbd" ? ["r", "alpha", "s", "beta"] : ["r", "alpha", "a", "b"];
    const [purchaseValues, gg] = await Promise.all([
      readParams(bgParams, "bgParams", names, at[0]),
      readModelParams(GAMMA_GAMMA_PARAMETERS, ggParams, "ggParams", at[1]),
    ]);
    const purchase = btydParams(kind, purchaseValues);
    const options = clvOptions({
      months: numberArg(optional[0], "months", { default: 12 }),
      monthlyDiscount: numberArg(optional[1], "monthlyDiscount", { default: 0.01 }),
      periodDays: numberArg(optional[2], "periodDays", { default: 7 }),
      model: kind,
    });
    const { columns, rows } = await readAligned(
      [frequency, recency, T, monetary],
      ["frequency", "recency", "T", "monetary"],
      at.slice(2, 6),
    );
    const [x, tx, age, m] = columns as [NumberColumn, NumberColumn, NumberColumn, NumberColumn];
    const clv = clvBtydMany(purchase, gg, pick(x, rows), pick(tx, rows), pick(age, rows), pick(m, rows), options, (k) =>
      positionIn(x, rowIndex(rows, k)),
    );
    return spreadIn(x, rows, clv);
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
export function COHORT(customerIds: any[][], dates: any[][], grain: any, invocation: Invocation): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
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
