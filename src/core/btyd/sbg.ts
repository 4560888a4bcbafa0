/**
 * Shifted-beta-geometric (sBG) model of contractual retention, Fader & Hardie (2007), "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1), 76–90; discounted expected residual
 * lifetime from Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting: The Perils of
 * Ignoring Heterogeneity", Marketing Science 29(1), 85–93.
 *
 * Each subscriber renews at the end of every period with their own probability 1 − θ, θ ~ Beta(α, β)
 * across subscribers: the customers who stay are the loyal ones, so the cohort's retention rate rises
 * over time — what constant-retention CLV ignores.
 * - S(t) = B(α, β + t)/B(α, β), computed as exp(α·[D(β, α) − D(β + t, α)]) with D the difference
 *   quotient of ln Γ (no cancellation for large t); P(churn in t) = S(t − 1)·α/(α + β + t − 1).
 * - r(t) = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1).
 * - Fit on the number (or share) still active at periods 0, 1, …, k: ln L = Σ_{t=1..k} (a_{t−1} − a_t)·
 *   ln P(churn in t) + a_k·ln S(k) (equation 3), maximised by damped Newton with the exact Hessian on
 *   ln(α, β). Counts give the log-likelihood on the cohort's scale, shares (first value 1) per customer.
 * - DERL(d, n) = Σ_{t≥1} S(n + t)/S(n)/(1 + d)^(t−1) = (β + n)/(α + β + n)·₂F₁(1, β + n + 1; α + β + n + 1;
 *   1/(1 + d)) for a customer who has made n renewals (the discounted expected number of payments still
 *   to come, valued at the next renewal); at d = 0 it is (β + n)/(α − 1), infinite when α ≤ 1.
 * - DEL(d) = 1 + DERL(d, 0)/(1 + d): a just-acquired customer who paid on acquisition (in margins).
 */
import { CrmError, finite, naError, numError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { hyp2f1 } from "./hyp2f1";
import { fitFailure, parameterSet, ParamsOf } from "./modelFit";
import { minimizeNewton } from "./optimize";
import { logGammaDifferenceQuotient } from "./special";

/** sBG's parameters: churn probability θ ~ Beta(α, β). */
export const SBG_PARAMETERS = parameterSet("sBG", ["alpha", "beta"], msg("btyd.hintSbg"));

/** sBG parameters: churn probability θ ~ Beta(α, β). */
export type SbgParams = ParamsOf<typeof SBG_PARAMETERS>;

/** A fitted sBG model. */
export interface SbgFit {
  readonly params: SbgParams;
  /** ln L at the estimates: on the cohort's scale for counts, per customer for shares. */
  readonly logLikelihood: number;
  /** How `active` was read: counts (first value = cohort size) or shares (first value 1). */
  readonly scale: "counts" | "shares";
  readonly iterations: number;
  readonly evaluations: number;
}

/**
 * Checks sBG parameters: both positive and finite.
 * @throws CrmError `#NUM!` naming the bad parameter.
 */
export const checkSbgParams = SBG_PARAMETERS.check;

/** Why the numbers still active cannot be used, or null. */
function activeProblem(active: ArrayLike<number>): Message | null {
  if (active.length < 3) return msg("btyd.activeTooShort", { count: active.length });
  for (let t = 0; t < active.length; t++) {
    const a = active[t]!;
    if (!(a >= 0) || !Number.isFinite(a)) return msg("btyd.activeNegative", { n: t + 1, value: a });
    if (t > 0 && a > active[t - 1]!) {
      return msg("btyd.activeIncreasing", { n: t + 1, value: a, previous: active[t - 1]! });
    }
  }
  if (!(active[0]! > 0)) return msg("btyd.activeEmpty");
  return null;
}

/**
 * Mean negative log-likelihood on θ = ln(α, β) with its gradient and Hessian: the recursions
 * ln S(t) = Σ_{i<t} [ln(β + i) − ln(α + β + i)] and ln P(t) = ln S(t − 1) + ln α − ln(α + β + t − 1)
 * carry their derivatives along (all sums of 1/(·) and 1/(·)²).
 */
function negLogLikelihood(
  active: ArrayLike<number>,
  theta: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
): number {
  const alpha = Math.exp(theta[0]!);
  const beta = Math.exp(theta[1]!);
  const k = active.length - 1;
  // running ln S(t) and its derivatives in (α, β)
  // prettier-ignore
  let ls = 0, sa = 0, sb = 0, saa = 0, sab = 0, sbb = 0;
  // prettier-ignore
  let ll = 0, ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
  for (let t = 1; t <= k; t++) {
    const lost = active[t - 1]! - active[t]!;
    const u = 1 / (alpha + beta + t - 1);
    if (lost > 0) {
      ll += lost * (ls + Math.log(alpha * u));
      ga += lost * (sa + 1 / alpha - u);
      gb += lost * (sb - u);
      haa += lost * (saa - 1 / (alpha * alpha) + u * u);
      hab += lost * (sab + u * u);
      hbb += lost * (sbb + u * u);
    }
    const v = 1 / (beta + t - 1);
    ls += Math.log((beta + t - 1) * u);
    sa -= u;
    sb += v - u;
    saa += u * u;
    sab += u * u;
    sbb += u * u - v * v;
  }
  const last = active[k]!;
  ll += last * ls;
  ga += last * sa;
  gb += last * sb;
  haa += last * saa;
  hab += last * sab;
  hbb += last * sbb;
  const n = active[0]!;
  grad[0] = (-ga * alpha) / n;
  grad[1] = (-gb * beta) / n;
  hess[0] = (-haa * alpha * alpha - ga * alpha) / n;
  hess[1] = hess[2] = (-hab * alpha * beta) / n;
  hess[3] = (-hbb * beta * beta - gb * beta) / n;
  return -ll / n;
}

/**
 * Maximum-likelihood sBG fit on the cohort still active at periods 0, 1, 2, … (counts with the cohort
 * size first, or shares with 1 first), by damped Newton on ln(α, β) from (1, 1). O(periods) per
 * evaluation.
 * @throws CrmError `#NUM!` for a negative, non-finite or increasing value; `#N/A` when the fit is
 * impossible: fewer than three values, an empty cohort, nobody lost, everybody lost in the first period,
 * or a parameter running off to 0 or ∞ (named).
 * @example sbgFit([1, 0.869, 0.743, 0.653, 0.593, 0.551, 0.517, 0.491]).params // High End: { alpha: 0.668, beta: 3.806 }
 */
export function sbgFit(active: ArrayLike<number>): SbgFit {
  const problem = activeProblem(active);
  if (problem !== null) throw new CrmError(active.length < 3 || !(active[0]! > 0) ? "NA" : "NUM", problem);
  const k = active.length - 1;
  if (active[k] === active[0]) throw naError("btyd.fitNobodyLost", { model: "sBG" });
  if (active[1] === 0) throw naError("btyd.fitAllLost", { model: "sBG" });
  const result = minimizeNewton((x, g, h) => negLogLikelihood(active, x, g, h), [0, 0]);
  if (result.status !== "converged") throw fitFailure(SBG_PARAMETERS, result);
  return {
    params: { alpha: Math.exp(result.x[0]!), beta: Math.exp(result.x[1]!) },
    logLikelihood: finite(-active[0]! * result.value, msg("btyd.logLikelihood")),
    scale: active[0] === 1 ? "shares" : "counts",
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}

/**
 * S(t) = B(α, β + t)/B(α, β): the share of a cohort still active after t periods. 1 at t = 0. O(1).
 * @throws CrmError `#NUM!` for invalid parameters or t not a whole number ≥ 0.
 * @example sbgSurvival({ alpha: 0.668, beta: 3.806 }, 5) // ≈ 0.5619
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  checkSbgParams(params);
  if (!(t >= 0) || !Number.isInteger(t)) throw numError("btyd.survivalPeriod", { value: t });
  if (t === 0) return 1;
  const { alpha, beta } = params;
  return Math.exp(alpha * (logGammaDifferenceQuotient(beta, alpha) - logGammaDifferenceQuotient(beta + t, alpha)));
}

/**
 * r(t) = (β + t − 1)/(α + β + t − 1): the share of those active at period t − 1 who renew at t. O(1).
 * @throws CrmError `#NUM!` for invalid parameters or t not a whole number ≥ 1.
 * @example sbgRetention({ alpha: 0.668, beta: 3.806 }, 1) // ≈ 0.8507
 */
export function sbgRetention(params: SbgParams, t: number): number {
  checkSbgParams(params);
  if (!(t >= 1) || !Number.isInteger(t)) throw numError("btyd.retentionPeriod", { value: t });
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * DERL: discounted expected residual lifetime of a customer who has made `renewals` renewals, in
 * payments valued at the next renewal (module comment). O(terms of ₂F₁).
 * @throws CrmError `#NUM!` for invalid parameters, a discount rate < 0, renewals not a whole number ≥ 0,
 * or d = 0 with α ≤ 1 (an infinite expected lifetime).
 * @example sbgDerl({ alpha: 0.668, beta: 3.806 }, 0.1) // ≈ 5.4149
 */
export function sbgDerl(params: SbgParams, discountRate: number, renewals = 0): number {
  checkSbgParams(params);
  if (!(discountRate >= 0) || !Number.isFinite(discountRate)) {
    throw numError("btyd.discountRate", { value: discountRate });
  }
  if (!(renewals >= 0) || !Number.isInteger(renewals)) {
    throw numError("btyd.renewals", { value: renewals });
  }
  const { alpha, beta } = params;
  const n = renewals;
  if (discountRate === 0) {
    if (!(alpha > 1)) {
      throw numError("btyd.lifetimeInfinite", { alpha });
    }
    return (beta + n) / (alpha - 1);
  }
  const f = hyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
  return finite(((beta + n) / (alpha + beta + n)) * f, msg("btyd.derl"));
}

/**
 * DEL: discounted expected lifetime of a just-acquired customer who paid on acquisition,
 * 1 + DERL(d, 0)/(1 + d), in margins. O(terms of ₂F₁).
 * @throws CrmError as {@link sbgDerl}.
 * @example sbgDel({ alpha: 0.668, beta: 3.806 }, 0.1) // ≈ 5.9226
 */
export function sbgDel(params: SbgParams, discountRate: number): number {
  return 1 + sbgDerl(params, discountRate, 0) / (1 + discountRate);
}
