/**
 * Customer acquisition: cost per new customer (CAC), lead conversion, the LTV:CAC multiple and the CAC
 * payback period. Totals are plain sums, so an empty list counts as 0 — the same on every platform, since
 * Excel desktop passes blank cells as 0 anyway.
 */
import { div0Error, finite, numError } from "../errors";
import { msg } from "../messages/catalogue";

/** Σ values after checking each is ≥ 0 (a cost, a count); names the first negative one. */
function nonNegativeTotal(values: readonly number[], argument: string): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(x >= 0))
      throw numError("metrics.valueNotNegative", {
        where: msg("input.listValue", { arg: argument, n: i + 1 }),
        value: x,
      });
    total += x;
  }
  return finite(total, msg("metrics.totalOf", { arg: argument }));
}

/**
 * CAC = Σ sales-and-marketing costs / Σ new customers. O(n).
 * @throws CrmError `#NUM!` for a negative cost or count, `#DIV/0!` when there are no new customers.
 * @example cac([30000, 20000], [40, 60]) // 50000 / 100 = 500
 */
export function cac(costs: readonly number[], newCustomers: readonly number[]): number {
  const cost = nonNegativeTotal(costs, "costs");
  const customers = nonNegativeTotal(newCustomers, "newCustomers");
  if (customers === 0) throw div0Error("metrics.noNewCustomers");
  return finite(cost / customers, msg("metrics.cac"));
}

/**
 * Conversion rate = Σ conversions / Σ leads, a fraction in 0..1. O(n).
 * @throws CrmError `#NUM!` for a negative count or more conversions than leads, `#DIV/0!` for no leads.
 * @example conversionRate([12, 8], [150, 250]) // 20 / 400 = 0.05
 */
export function conversionRate(conversions: readonly number[], leads: readonly number[]): number {
  const converted = nonNegativeTotal(conversions, "conversions");
  const total = nonNegativeTotal(leads, "leads");
  if (total === 0) throw div0Error("metrics.noLeads");
  if (converted > total)
    throw numError("metrics.exceeds", { arg: "conversions", value: converted, other: "leads", otherValue: total });
  return converted / total;
}

/**
 * LTV:CAC = CLV / CAC, how many times a customer's lifetime value repays the cost of acquiring them.
 * A negative CLV (a loss-making customer) gives a negative multiple.
 * @throws CrmError `#NUM!` for a negative CAC, `#DIV/0!` for a CAC of 0.
 * @example ltvToCac(1500, 500) // 3
 */
export function ltvToCac(clv: number, cacValue: number): number {
  if (cacValue < 0) throw numError("input.mustNotBeNegative", { arg: "cac", value: cacValue });
  if (cacValue === 0) throw div0Error("input.isZero", { arg: "cac" });
  return finite(clv / cacValue, msg("metrics.ltvCac"));
}

/**
 * CAC payback = CAC / margin per customer per period: the periods needed to earn back the acquisition
 * cost (fractional, e.g. 8.33 months).
 * @throws CrmError `#NUM!` for a negative CAC or a negative margin (the cost is never recovered),
 * `#DIV/0!` for a margin of 0.
 * @example paybackPeriods(500, 60) // 500 / 60 ≈ 8.33 periods
 */
export function paybackPeriods(cacValue: number, marginPerPeriod: number): number {
  if (cacValue < 0) throw numError("input.mustNotBeNegative", { arg: "cac", value: cacValue });
  if (marginPerPeriod < 0) throw numError("metrics.neverRecovered", { value: marginPerPeriod });
  if (marginPerPeriod === 0) throw div0Error("input.isZero", { arg: "marginPerPeriod" });
  return finite(cacValue / marginPerPeriod, msg("metrics.payback"));
}
