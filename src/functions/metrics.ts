/**
 * CRM metric functions other than NPS: satisfaction, acquisition, retention, lifetime value, finance and
 * service response time. Each adapter coerces its arguments through the value layer (src/core/values), calls one core
 * function and lets excelCall map a CrmError to the Excel error. No maths here.
 *
 * Scalar arguments are declared `any` (not number) so that Excel's own conversion never turns text or a
 * blank into a number behind our back; numberArg decides. Optional arguments arrive as null.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { numberArg, optionalNumberArg, optionArg } from "../core/values/args";
import { shapeOf, shapeText } from "../core/values/cells";
import { matchCells } from "../core/values/matchKeys";
import { dateTimesIn, numbersIn, numbersOrBlanksIn } from "../core/values/ranges";
import { cac, conversionRate, ltvToCac, paybackPeriods } from "../core/metrics/acquisition";
import { clv, clvSimple } from "../core/metrics/clv";
import { csat } from "../core/metrics/csat";
import { eva, roi, tco } from "../core/metrics/finance";
import { RESPONSE_STATISTICS, responseHours } from "../core/metrics/responseTime";
import { churnRate, repeatRateOf, retentionRate } from "../core/metrics/retention";
import { valueError } from "../core/errors";
import { excelCall } from "./excel";

/**
 * CSAT after its scores are read: coerces threshold and scaleMax and calls the core. Exported for the
 * blank-safe wiring, which reads the scores with a blank mask and then calls this.
 */
export function csatOf(scores: readonly number[], threshold: unknown, scaleMax: unknown): number {
  return csat(scores, {
    threshold: optionalNumberArg(threshold, "threshold"),
    scaleMax: optionalNumberArg(scaleMax, "scaleMax"),
  });
}

/**
 * Customer acquisition cost: total sales and marketing cost divided by total new customers.
 * @customfunction CAC
 * @param {any[][]} costs Sales and marketing costs: a number or a range, summed (blanks skipped).
 * @param {any[][]} newCustomers New customers won: a number or a range, summed (blanks skipped).
 * @returns {number} Cost per new customer.
 */
export function CAC(costs: any[][], newCustomers: any[][]): number {
  return excelCall(() => cac(numbersIn(costs, "costs"), numbersIn(newCustomers, "newCustomers")));
}

/**
 * Conversion rate: total conversions divided by total leads, as a fraction.
 * @customfunction CONVERSION
 * @param {any[][]} conversions Leads that converted: a number or a range, summed (blanks skipped).
 * @param {any[][]} leads Leads: a number or a range, summed (blanks skipped).
 * @returns {number} The conversion rate, from 0 to 1.
 */
export function CONVERSION(conversions: any[][], leads: any[][]): number {
  return excelCall(() => conversionRate(numbersIn(conversions, "conversions"), numbersIn(leads, "leads")));
}

/**
 * LTV:CAC ratio: customer lifetime value divided by customer acquisition cost.
 * @customfunction LTVCAC
 * @param {any} clv Customer lifetime value.
 * @param {any} cac Customer acquisition cost (greater than 0).
 * @returns {number} How many times the lifetime value covers the acquisition cost.
 */
export function LTVCAC(clv: any, cac: any): number {
  return excelCall(() => ltvToCac(numberArg(clv, "clv"), numberArg(cac, "cac")));
}

/**
 * CAC payback period: the number of periods needed to earn back the acquisition cost.
 * @customfunction PAYBACK
 * @param {any} cac Customer acquisition cost.
 * @param {any} marginPerPeriod Margin earned per customer per period (e.g. per month).
 * @returns {number} Periods to recover the acquisition cost (may be fractional).
 */
export function PAYBACK(cac: any, marginPerPeriod: any): number {
  return excelCall(() => paybackPeriods(numberArg(cac, "cac"), numberArg(marginPerPeriod, "marginPerPeriod")));
}

/**
 * Customer retention rate: (customers at end − new customers) / customers at start, as a fraction.
 * @customfunction RETENTION
 * @param {any} startCustomers Customers at the start of the period.
 * @param {any} endCustomers Customers at the end of the period.
 * @param {any} newCustomers Customers acquired during the period.
 * @returns {number} The retention rate, from 0 to 1.
 */
export function RETENTION(startCustomers: any, endCustomers: any, newCustomers: any): number {
  return excelCall(() =>
    retentionRate(
      numberArg(startCustomers, "startCustomers"),
      numberArg(endCustomers, "endCustomers"),
      numberArg(newCustomers, "newCustomers"),
    ),
  );
}

/**
 * Churn rate: customers lost during the period / customers at its start, as a fraction.
 * @customfunction CHURN
 * @param {any} startCustomers Customers at the start of the period.
 * @param {any} lostCustomers Customers lost during the period.
 * @returns {number} The churn rate, from 0 to 1.
 */
export function CHURN(startCustomers: any, lostCustomers: any): number {
  return excelCall(() =>
    churnRate(numberArg(startCustomers, "startCustomers"), numberArg(lostCustomers, "lostCustomers")),
  );
}

/** REPEATRATE skips the number 0 on every platform (how Excel desktop passes a blank cell). */
const EVERY_ZERO_BLANK = { isBlank: (): boolean => true };

/**
 * Repeat purchase rate: the share of distinct customers that appear at least twice in an order list.
 * Ids match like COUNTIF (text ignores case; 1001 and "1001" are the same customer). Blank cells, and
 * the number 0 (how Excel desktop passes a blank cell), are skipped.
 * @customfunction REPEATRATE
 * @param {any[][]} customerIds The customer id of each order (a range or a whole column).
 * @returns {number} Customers with two or more orders / customers, from 0 to 1.
 */
export function REPEATRATE(customerIds: any[][]): number {
  return excelCall(() => {
    return repeatRateOf(matchCells(customerIds, "customerIds", EVERY_ZERO_BLANK));
  });
}

/**
 * Customer lifetime value (retention model): the discounted margins of a customer who stays each period
 * with probability retention. Timing 0: m·r/(1+d−r) (Gupta–Lehmann); 1: m(1+d)/(1+d−r) (first margin at
 * acquisition); 2: m/(1+d−r) (first margin at the end of period 1). A finite horizon sums the same cash flows.
 * @customfunction CLV
 * @param {any} margin Margin per customer per period.
 * @param {any} retention Retention rate per period, from 0 to 1 (e.g. 0.8).
 * @param {any} discountRate Discount rate per period (e.g. 0.1).
 * @param {any} [periods] Number of periods to count (a whole number). Omit for an unlimited horizon; on some Excel desktop versions a reference to an empty cell arrives as 0 (an error), so leave the argument out instead.
 * @param {any} [timing] When the first margin falls: 0 (default) after one period of retention, 1 at acquisition, 2 at the end of period 1 without retention.
 * @returns {number} The lifetime value of one customer.
 */
export function CLV(margin: any, retention: any, discountRate: any, periods?: any, timing?: any): number {
  return excelCall(() =>
    clv(
      numberArg(margin, "margin"),
      numberArg(retention, "retention"),
      numberArg(discountRate, "discountRate"),
      optionalNumberArg(periods, "periods"),
      numberArg(timing, "timing", { default: 0 }),
    ),
  );
}

/**
 * Simple customer lifetime value: average order value × purchases per year × gross margin × lifespan in
 * years (undiscounted).
 * @customfunction CLV.SIMPLE
 * @param {any} avgOrderValue Average order value.
 * @param {any} purchasesPerYear Purchases per customer per year.
 * @param {any} grossMargin Gross margin as a fraction of revenue (30% is 0.3).
 * @param {any} lifespanYears Expected customer lifespan in years.
 * @returns {number} The lifetime margin of one customer.
 */
export function CLV_SIMPLE(avgOrderValue: any, purchasesPerYear: any, grossMargin: any, lifespanYears: any): number {
  return excelCall(() =>
    clvSimple(
      numberArg(avgOrderValue, "avgOrderValue"),
      numberArg(purchasesPerYear, "purchasesPerYear"),
      numberArg(grossMargin, "grossMargin"),
      numberArg(lifespanYears, "lifespanYears"),
    ),
  );
}

/**
 * Return on investment: (gain − cost) / cost, as a fraction.
 * @customfunction ROI
 * @param {any} gain What the investment returned.
 * @param {any} cost What the investment cost (greater than 0).
 * @returns {number} The ROI as a fraction (0.25 = 25%).
 */
export function ROI(gain: any, cost: any): number {
  return excelCall(() => roi(numberArg(gain, "gain"), numberArg(cost, "cost")));
}

/**
 * Total cost of ownership: up-front cost plus the running cost of each year, discounted.
 * @customfunction TCO
 * @param {any} upfrontCost One-off cost at the start.
 * @param {any[][]} runningCosts Running cost of year 1, 2, … in range order; a blank year costs nothing.
 * @param {any} [discountRate] Discount rate per year. Default 0 (no discounting).
 * @returns {number} Up-front cost + Σ running cost of year t / (1 + discountRate)^t.
 */
export function TCO(upfrontCost: any, runningCosts: any[][], discountRate?: any): number {
  return excelCall(() =>
    tco(
      numberArg(upfrontCost, "upfrontCost"),
      numbersOrBlanksIn(runningCosts, "runningCosts"),
      numberArg(discountRate, "discountRate", { default: 0 }),
    ),
  );
}

/**
 * Economic value added: net operating profit after tax minus the cost of the capital invested.
 * @customfunction EVA
 * @param {any} nopat Net operating profit after tax.
 * @param {any} investedCapital Capital invested.
 * @param {any} wacc Weighted average cost of capital, as a fraction (e.g. 0.08).
 * @returns {number} NOPAT − WACC × invested capital.
 */
export function EVA(nopat: any, investedCapital: any, wacc: any): number {
  return excelCall(() =>
    eva(numberArg(nopat, "nopat"), numberArg(investedCapital, "investedCapital"), numberArg(wacc, "wacc")),
  );
}

/**
 * Response time in hours between paired date-times (e.g. ticket opened and first reply). Rows where either
 * date-time is blank are skipped.
 * @customfunction RESPONSETIME
 * @param {any[][]} openedAt Date-times when each request arrived.
 * @param {any[][]} respondedAt Date-times of the responses, the same shape as openedAt.
 * @param {any} [statistic] "mean" (default), "median" or "p90" (90th percentile, as PERCENTILE.INC). On some Excel desktop versions a reference to an empty cell arrives as 0 (an error): leave the argument out for the mean.
 * @returns {number} The response time in hours.
 */
export function RESPONSETIME(openedAt: any[][], respondedAt: any[][], statistic?: any): number {
  return excelCall(() => {
    const which = optionArg(statistic, "statistic", RESPONSE_STATISTICS, "mean");
    const [opened, responded] = [shapeText(shapeOf(openedAt)), shapeText(shapeOf(respondedAt))];
    if (opened !== responded) {
      throw valueError("input.sameShape", {
        arg: "respondedAt",
        shape: responded,
        other: "openedAt",
        otherShape: opened,
      });
    }
    return responseHours(dateTimesIn(openedAt, "openedAt"), dateTimesIn(respondedAt, "respondedAt"), which);
  });
}
