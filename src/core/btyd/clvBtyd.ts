/**
 * Probabilistic ("Buy Till You Die") customer lifetime value: a purchase model (BG/NBD, MBG/NBD or
 * Pareto/NBD) for how many purchases, Gamma-Gamma for how much each is worth (DESIGN.md "Probabilistic
 * CLV"; `lifetimes`' customer_lifetime_value):
 *
 *   CLV = Σ_{k=1..months} (E[Y(t_k) | x, t_x, T] − E[Y(t_{k−1}) | x, t_x, T]) · E[M | x, m_x] / (1 + d)^k,
 *
 * t_k = k·30.4375/periodDays periods (a month is 30.4375 days, 365.25/12), d the monthly discount rate.
 * The result is revenue; multiply by a margin for profit.
 *
 * Speed: E[Y(t)] is each model's closed form — convergent at every horizon (hyp2f1.ts) — evaluated at
 * the month ends and differenced. For BG/NBD and MBG/NBD one ₂F₁ plan per customer serves every month
 * (its connection coefficients depend on x only); {@link clvBtydMany} shares it between all customers with
 * the same frequency and T. Pareto/NBD's E[Y(t)] is elementary once P(alive) is known.
 */
import { finite, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import {
  BgnbdParams,
  checkBgnbdParams,
  checkCustomer,
  familyDenominator,
  familyExpectedCurve,
  familyNumeratorCurve,
} from "./bgnbd";
import { checkGammaGammaParams, ggExpectedSpend, GammaGammaParams } from "./gammagamma";
import { distinctRows } from "./grouping";
import { checkPnbdParams, pnbdAlive, PnbdParams, pnbdExpectedCurve, pnbdHorizonCurve } from "./pnbd";

/** Days in the average month. */
export const DAYS_PER_MONTH = 30.4375;

/** The purchase models CLV.BTYD can use. */
export type BtydModel = "bgnbd" | "mbgnbd" | "pnbd";

/** Parameters of a purchase model: BG/NBD and MBG/NBD (r, α, a, b), Pareto/NBD (r, α, s, β). */
export type BtydParams = BgnbdParams | PnbdParams;

/** Options of {@link clvBtyd}. */
export interface ClvBtydOptions {
  /** Whole months of horizon, 1..1200; default 12. */
  readonly months?: number;
  /** Discount rate per month, > −1; default 0.01. */
  readonly monthlyDiscount?: number;
  /** Days per period of t_x and T (the unit the models were fitted in); default 7. */
  readonly periodDays?: number;
  /** The purchase model the params belong to; default "bgnbd". */
  readonly model?: BtydModel;
}

/** Checks and completes CLV options. @throws CrmError `#NUM!` naming the bad option. */
export function clvOptions(options: ClvBtydOptions = {}): Required<ClvBtydOptions> {
  const months = options.months ?? 12;
  const monthlyDiscount = options.monthlyDiscount ?? 0.01;
  const periodDays = options.periodDays ?? 7;
  const model = options.model ?? "bgnbd";
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw numError("btyd.months", { value: months });
  }
  if (!(monthlyDiscount > -1) || !Number.isFinite(monthlyDiscount)) {
    throw numError("btyd.monthlyDiscount", { value: monthlyDiscount });
  }
  if (!(periodDays > 0) || !Number.isFinite(periodDays)) throw numError("btyd.periodDays", { value: periodDays });
  if (model !== "bgnbd" && model !== "mbgnbd" && model !== "pnbd") {
    throw valueError("btyd.model", { value: String(model) });
  }
  return { months, monthlyDiscount, periodDays, model };
}

/**
 * Reads a model name as a user types it ("BG/NBD", "mbgnbd", "Pareto/NBD", "pnbd"; case, spaces, "/" and
 * "-" ignored); blank means "bgnbd".
 * @throws CrmError `#VALUE!` for any other word.
 * @example btydModel("Pareto/NBD") // "pnbd"
 */
export function btydModel(text: string | undefined | null): BtydModel {
  const key = (text ?? "").toLowerCase().replace(/[\s/_-]/g, "");
  if (key === "" || key === "bgnbd") return "bgnbd";
  if (key === "mbgnbd") return "mbgnbd";
  if (key === "pnbd" || key === "paretonbd" || key === "pareto") return "pnbd";
  throw valueError("btyd.model", { value: String(text) });
}

/**
 * A model's four parameters from a FIT's row, in its order: (r, α, a, b) for BG/NBD and MBG/NBD,
 * (r, α, s, β) for Pareto/NBD.
 * @throws CrmError `#NUM!` for a parameter that is not a positive number.
 * @example btydParams("pnbd", [0.553, 10.578, 0.606, 11.669]) // { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }
 */
export function btydParams(model: BtydModel, values: readonly number[]): BtydParams {
  const [r = NaN, alpha = NaN, third = NaN, fourth = NaN] = values;
  if (model === "pnbd") {
    const p = { r, alpha, s: third, beta: fourth };
    checkPnbdParams(p);
    return p;
  }
  const p = { r, alpha, a: third, b: fourth };
  checkBgnbdParams(p);
  return p;
}

/** Checks params for the model. @throws CrmError `#NUM!`. */
function checkParams(model: BtydModel, params: BtydParams): void {
  if (model === "pnbd") checkPnbdParams(params as PnbdParams);
  else checkBgnbdParams(params as BgnbdParams);
}

/** The month ends t_k = k·30.4375/periodDays, k = 1..months. */
function monthEnds(months: number, periodDays: number): Float64Array {
  const step = DAYS_PER_MONTH / periodDays;
  const times = new Float64Array(months);
  for (let k = 0; k < months; k++) times[k] = (k + 1) * step;
  return times;
}

/** E[Y(t_k)] at every month end for one customer (inputs valid). */
function expectedAt(
  model: BtydModel,
  params: BtydParams,
  times: Float64Array,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
): Float64Array {
  if (model === "pnbd") return pnbdExpectedCurve(params as PnbdParams, times, x, tx, T, out);
  return familyExpectedCurve(model === "mbgnbd" ? 1 : 0, params as BgnbdParams, times, x, tx, T, out);
}

/** Σ_k (E_k − E_{k−1})/(1 + d)^k. */
function discountedIncrements(expected: Float64Array, monthlyDiscount: number): number {
  let total = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 0; k < expected.length; k++) {
    discount /= 1 + monthlyDiscount;
    total += (expected[k]! - previous) * discount;
    previous = expected[k]!;
  }
  return total;
}

/**
 * Discounted expected revenue of one customer over the coming months (formula above), with the purchase
 * model in `options.model` (default BG/NBD). O(months + terms of ₂F₁ per month).
 * @throws CrmError `#NUM!` for invalid parameters, customer data or options (as the models' checks,
 * ggExpectedSpend and {@link clvOptions}); `#VALUE!` for an unknown model.
 * @example clvBtyd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }, 2, 30.43, 38.86, 22.35) // ≈ 36.3
 */
export function clvBtyd(
  params: BtydParams,
  gg: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  monetary: number,
  options: ClvBtydOptions = {},
  where: Message = msg("btyd.customer"),
): number {
  const { months, monthlyDiscount, periodDays, model } = clvOptions(options);
  checkParams(model, params);
  checkGammaGammaParams(gg);
  checkCustomer(x, tx, T, where);
  const spend = ggExpectedSpend(gg, x, monetary, where);
  const times = monthEnds(months, periodDays);
  const expected = expectedAt(model, params, times, x, tx, T, new Float64Array(months));
  return finite(discountedIncrements(expected, monthlyDiscount) * spend, msg("metrics.clv"));
}

/**
 * {@link clvBtyd} for many customers at once (columns in, one value per customer out), the same numbers.
 * The month-by-month curves are shared: BG/NBD's and MBG/NBD's E[Y(t)]·D depends on (x, T) only, and
 * Pareto/NBD's E[Y(t)]/P(alive) on T (and x as a factor), so 100,000 customers summarised by the day
 * cost a few thousand curves. O(n + distinct (x, T) · months · terms). `describe` names customer i
 * (0-based) in messages; default "customer i+1".
 * @throws CrmError as {@link clvBtyd}, naming the first invalid customer; `#VALUE!` for columns of
 * different lengths.
 * @example clvBtydMany(bg, gg, [2, 0], [30.43, 0], [38.86, 38.86], [22.35, 0]) // Float64Array [≈ 36.3, …]
 */
export function clvBtydMany(
  params: BtydParams,
  gg: GammaGammaParams,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: ClvBtydOptions = {},
  describe: (i: number) => Message = (i) => msg("btyd.customerNumber", { n: i + 1 }),
): Float64Array {
  const { months, monthlyDiscount, periodDays, model } = clvOptions(options);
  checkParams(model, params);
  checkGammaGammaParams(gg);
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || monetary.length !== n) {
    throw valueError("btyd.perCustomer", {
      names: "frequency, recency, T and monetary",
      counts: `${n}, ${recency.length}, ${T.length}, ${monetary.length}`,
    });
  }
  const spend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    checkCustomer(frequency[i]!, recency[i]!, T[i]!, describe(i));
    spend[i] = ggExpectedSpend(gg, frequency[i]!, monetary[i]!, describe(i));
  }
  const times = monthEnds(months, periodDays);
  const curve = new Float64Array(months);
  const out = new Float64Array(n);
  if (model === "pnbd") {
    // E = (r + x)/(α + T)·P(alive)·h(t, T): the horizon part per distinct T, P(alive) per profile
    const p = params as PnbdParams;
    const ages = distinctRows([T]);
    const perAge = new Float64Array(ages.counts.length);
    for (let g = 0; g < perAge.length; g++) {
      perAge[g] = discountedIncrements(pnbdHorizonCurve(p, times, ages.columns[0]![g]!, curve), monthlyDiscount);
    }
    const profiles = distinctRows([frequency, recency, T]);
    const [px, ptx, pT] = profiles.columns as [Float64Array, Float64Array, Float64Array];
    const alive = new Float64Array(px.length);
    for (let g = 0; g < px.length; g++) alive[g] = pnbdAlive(p, px[g]!, ptx[g]!, pT[g]!);
    for (let i = 0; i < n; i++) {
      const scale = ((p.r + frequency[i]!) / (p.alpha + T[i]!)) * alive[profiles.index[i]!]!;
      out[i] = finite(scale * perAge[ages.index[i]!]! * spend[i]!, msg("metrics.clv"));
    }
    return out;
  }
  // BG/NBD family: E = numerator(t; x, T)/D(x, t_x, T); the numerator's curve per distinct (x, T)
  const shift = model === "mbgnbd" ? 1 : 0;
  const bg = params as BgnbdParams;
  const pairs = distinctRows([frequency, T]);
  const [px, pT] = pairs.columns as [Float64Array, Float64Array];
  const perPair = new Float64Array(px.length);
  for (let g = 0; g < px.length; g++) {
    perPair[g] = discountedIncrements(familyNumeratorCurve(shift, bg, times, px[g]!, pT[g]!, curve), monthlyDiscount);
  }
  for (let i = 0; i < n; i++) {
    const d = familyDenominator(shift, bg, frequency[i]!, recency[i]!, T[i]!);
    out[i] = finite((perPair[pairs.index[i]!]! / d) * spend[i]!, msg("metrics.clv"));
  }
  return out;
}
