/**
 * The purchase models of the customer analysis (DESIGN.md "Details that must not differ"): the sheet's model is
 * the one of Pareto/NBD and MBG/NBD (both let one-time buyers fade) with the higher log-likelihood on the log,
 * named with both log-likelihoods and BG/NBD's for comparison; Gamma-Gamma values the purchases.
 *
 * Models enter through {@link PurchaseModelFitter}, so the analysis does not depend on one model's module:
 * a fitter fits (x, t_x, T) and returns P(alive) and expected purchases; a fit the data cannot support is a
 * `#N/A` CrmError, recorded as the outcome's problem, and the analysis goes on without that model.
 */
import { bgnbdExpected, bgnbdFit, bgnbdPAlive } from "../btyd/bgnbd";
import { DAYS_PER_MONTH } from "../btyd/clvBtyd";
import { GammaGammaParams, ggExpectedSpend } from "../btyd/gammagamma";
import { CrmError, finite } from "../errors";
import { Message, msg } from "../messages/catalogue";

/** A fitted model of purchase counts, as the analysis uses it. */
export interface PurchaseModel {
  /** "Pareto/NBD", "MBG/NBD", "BG/NBD". */
  readonly name: string;
  /** The estimates, in the model's order (r, alpha, s, beta; r, alpha, a, b). */
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  /** P(alive | x, t_x, T). */
  pAlive(x: number, tx: number, T: number): number;
  /** E[Y(t) | x, t_x, T] at each horizon t (periods), ascending. */
  expectedCurve(times: ArrayLike<number>, x: number, tx: number, T: number): Float64Array;
}

/** Fits one kind of model to a customer summary. */
export interface PurchaseModelFitter {
  readonly name: string;
  /** @throws CrmError `#N/A` when the data cannot identify the model. */
  fit(frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): PurchaseModel;
}

/** A model fitted, or the reason it could not be. */
export interface ModelOutcome {
  readonly name: string;
  readonly model: PurchaseModel | null;
  readonly problem: Message | null;
}

/**
 * A {@link PurchaseModelFitter} from a model's fit (x, t_x, T → parameters and log-likelihood) and `use`,
 * which gives the parameters the analysis shows and the model's P(alive) and expected-purchase curve.
 */
export function purchaseModelFitter<P>(
  name: string,
  fit: (
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>,
  ) => {
    readonly params: P;
    readonly logLikelihood: number;
  },
  use: (p: P) => Pick<PurchaseModel, "params" | "pAlive" | "expectedCurve">,
): PurchaseModelFitter {
  return {
    name,
    fit(frequency, recency, T) {
      const fitted = fit(frequency, recency, T);
      return { name, logLikelihood: fitted.logLikelihood, ...use(fitted.params) };
    },
  };
}

/** BG/NBD (Fader, Hardie & Lee 2005), for comparison on the sheet: it keeps every one-time buyer alive. */
export const BGNBD_FITTER = purchaseModelFitter("BG/NBD", bgnbdFit, (p) => ({
  params: { r: p.r, alpha: p.alpha, a: p.a, b: p.b },
  pAlive: (x, tx, age) => bgnbdPAlive(p, x, tx, age),
  expectedCurve: (times, x, tx, age) => Float64Array.from(times, (t) => bgnbdExpected(p, t, x, tx, age)),
}));

/**
 * Fits each model; a fit impossible on this data (`#N/A`, or `#NUM!` from a likelihood that cannot be
 * evaluated there) becomes the outcome's problem. O(fits).
 * @throws CrmError anything else (invalid customers: the summary was made by the core, so a bug).
 */
export function fitModels(
  fitters: readonly PurchaseModelFitter[],
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
): ModelOutcome[] {
  return fitters.map((f) => {
    try {
      return { name: f.name, model: f.fit(frequency, recency, T), problem: null };
    } catch (e) {
      // #N/A: the data cannot identify the model; #NUM!: its likelihood could not be evaluated there (a series
      // that does not converge on a tiny log) — either way this model is not fitted, and the sheet says why
      if (e instanceof CrmError && (e.code === "NA" || e.code === "NUM"))
        return { name: f.name, model: null, problem: e.what };
      throw e;
    }
  });
}

/** The fitted model with the highest log-likelihood (the first on a tie), or null when none was fitted. */
export function bestModel(outcomes: readonly ModelOutcome[]): PurchaseModel | null {
  let best: PurchaseModel | null = null;
  for (const o of outcomes)
    if (o.model !== null && (best === null || o.model.logLikelihood > best.logLikelihood)) best = o.model;
  return best;
}

/** Horizons and discounting of the per-customer predictions. */
export interface ValueOptions {
  /** Days per period of t_x and T (the unit of the fit). */
  readonly periodDays: number;
  /** Horizon of the expected purchases, in days; default 90. */
  readonly expectedDays?: number;
  /** Months of CLV; default 12 (a month is 30.4375 days). */
  readonly months?: number;
  /** Discount rate per month; default 0.01. */
  readonly monthlyDiscount?: number;
}

/** One customer's predictions. */
export interface CustomerValue {
  readonly pAlive: number;
  /** Expected purchases in the next `expectedDays`. */
  readonly expected: number;
  /**
   * Σ_{k=1..months} (E[Y(t_k)] − E[Y(t_{k−1})])·E[spend]/(1 + d)^k, t_k = k months (DESIGN.md "Probabilistic
   * CLV"); null without a spend model.
   */
  readonly clv: number | null;
}

/** What a purchase model says of one purchase history (x, t_x, T), whatever the customer spends. */
export interface ProfileValue {
  readonly pAlive: number;
  /** Expected purchases in the next `expectedDays`. */
  readonly expected: number;
  /** Σ_{k=1..months} (E[Y(t_k)] − E[Y(t_{k−1})])/(1 + d)^k: the discounted purchases, CLV per unit of spend. */
  readonly discountedPurchases: number;
}

/**
 * P(alive), expected purchases and discounted purchases of a purchase history (x, t_x, T): the part of
 * {@link customerValue} that customers with the same history share, so that the analysis computes it once
 * per distinct history. O(months) model evaluations (one curve).
 */
export function profileValue(
  model: PurchaseModel,
  x: number,
  tx: number,
  T: number,
  options: ValueOptions,
): ProfileValue {
  const months = options.months ?? 12;
  const d = options.monthlyDiscount ?? 0.01;
  const times = new Float64Array(months + 1);
  for (let k = 1; k <= months; k++) times[k - 1] = (k * DAYS_PER_MONTH) / options.periodDays;
  times[months] = (options.expectedDays ?? 90) / options.periodDays;
  const order = Float64Array.from(times).sort();
  const curve = model.expectedCurve(order, x, tx, T);
  const at = (t: number): number => curve[order.indexOf(t)]!;
  let discounted = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 0; k < months; k++) {
    const e = at(times[k]!);
    discount /= 1 + d;
    discounted += (e - previous) * discount;
    previous = e;
  }
  return { pAlive: model.pAlive(x, tx, T), expected: at(times[months]), discountedPurchases: discounted };
}

/**
 * The CLV of a customer with a history's discounted purchases ({@link profileValue}) and Gamma-Gamma spend: a
 * repeat buyer whose repeat days net to zero or less (refunds) is valued at the population mean spend.
 * @throws CrmError `#NUM!` when the value is not finite.
 */
export function profileClv(p: ProfileValue, spend: GammaGammaParams, x: number, monetary: number): number {
  // repeat days that net to a refund leave nothing to extrapolate: such a customer gets the population mean
  const perPurchase = x > 0 && monetary > 0 ? ggExpectedSpend(spend, x, monetary) : ggExpectedSpend(spend, 0, 0);
  return finite(p.discountedPurchases * perPurchase, msg("metrics.clv"));
}

/**
 * P(alive), expected purchases and discounted CLV of one customer under a purchase model and Gamma-Gamma
 * spend (none: no CLV) — CRM.CLV.BTYD's formula with any purchase model; a repeat buyer whose repeat days net to zero or less
 * (refunds) is valued at the population mean spend. O(months) model evaluations (one curve).
 * @example customerValue(bgnbd, { p: 6.25, q: 3.74, gamma: 15.44 }, 2, 30.43, 38.86, 22.35, { periodDays: 7 }).clv // ≈ 36.31, as CRM.CLV.BTYD
 */
export function customerValue(
  model: PurchaseModel,
  spend: GammaGammaParams | null,
  x: number,
  tx: number,
  T: number,
  monetary: number,
  options: ValueOptions,
): CustomerValue {
  const p = profileValue(model, x, tx, T, options);
  return { pAlive: p.pAlive, expected: p.expected, clv: spend === null ? null : profileClv(p, spend, x, monetary) };
}
