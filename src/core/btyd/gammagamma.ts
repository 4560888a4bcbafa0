/**
 * Gamma-Gamma model of spend per transaction, Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415–430 (and Fader & Hardie's
 * note "The Gamma-Gamma Model of Monetary Value", 2013).
 *
 * A customer's transaction values are Gamma(p, ν) around their mean p/ν; ν ~ Gamma(q, γ) across
 * customers. Data: x repeat transactions (x > 0) with mean value m_x (RFM's monetary).
 * - Likelihood: L(p, q, γ | m_x, x) = Γ(px + q)/(Γ(px)Γ(q)) · γ^q · m_x^(px−1) · x^(px) / (γ + x·m_x)^(px+q).
 * - Conditional expected spend: E[M | m_x, x] = (q − 1)/(px + q − 1) · pγ/(q − 1)
 *   + px/(px + q − 1) · m_x = p(γ + x·m_x)/(px + q − 1); for x = 0 the population mean pγ/(q − 1).
 */
import { finite, naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { fitFailure, parameterSet, ParamsOf } from "./modelFit";
import { distinctRows } from "./grouping";
import { minimizeNewton, Objective } from "./optimize";
import { digamma, logGamma, trigamma } from "./special";

/** Gamma-Gamma's parameters: transaction values Gamma(p, ν), ν ~ Gamma(q, γ). */
export const GAMMA_GAMMA_PARAMETERS = parameterSet("Gamma-Gamma", ["p", "q", "gamma"], msg("btyd.hintGammaGamma"));

/** Gamma-Gamma parameters. */
export type GammaGammaParams = ParamsOf<typeof GAMMA_GAMMA_PARAMETERS>;

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  /** Σ ln L over the customers with x > 0. */
  readonly logLikelihood: number;
  /** How many customers (x > 0) the fit used. */
  readonly customers: number;
  readonly iterations: number;
  readonly evaluations: number;
}

/**
 * Checks fitted parameters: all positive and finite.
 * @throws CrmError `#NUM!` naming the first bad parameter.
 */
export const checkGammaGammaParams = GAMMA_GAMMA_PARAMETERS.check;

/** What is wrong with one customer's (x, m_x), or null. */
export function spendProblem(x: number, monetary: number): Message | null {
  if (x >= 0 && x === Math.floor(x) && x < Infinity && monetary >= 0 && (x === 0 || monetary > 0)) return null;
  if (!(x >= 0) || !Number.isInteger(x)) return msg("btyd.frequencyWhole", { value: x });
  if (!(monetary >= 0)) return msg("btyd.monetaryNegative", { value: monetary });
  if (x > 0 && monetary === 0) return msg("btyd.monetaryZero");
  return null;
}

/**
 * Σ ln L(p, q, γ | xᵢ, m_xᵢ) over customers with xᵢ > 0 (others contribute nothing). O(n).
 * Inputs are assumed valid.
 * @example ggLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, [1], [11.77]) // ≈ −3.7377
 */
export function ggLogLikelihood(
  params: GammaGammaParams,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): number {
  const { p, q, gamma } = params;
  let s = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    if (x === 0) continue;
    const m = monetary[i]!;
    const px = p * x;
    s +=
      logGamma(px + q) -
      logGamma(px) -
      logGamma(q) +
      q * Math.log(gamma) +
      (px - 1) * Math.log(m) +
      px * Math.log(x) -
      (px + q) * Math.log(gamma + x * m);
  }
  return s;
}

/**
 * Objective of the fit on θ = ln(p, q, γ): −(Σ ln L)/n, with gradient and Hessian. Customers are grouped
 * by (x, m_x); ln Γ, ψ, ψ′ are computed per distinct x, one log per profile.
 */
function objective(x: Float64Array, m: Float64Array, count: Float64Array): Objective {
  const xd = distinctRows([x]);
  const xs = xd.columns[0]!;
  const xCount = new Float64Array(xs.length);
  for (let g = 0; g < x.length; g++) xCount[xd.index[g]!]! += count[g]!;
  let n = 0;
  let constant = 0; // Σ c·(ln m terms that do not depend on the parameters): −ln m
  const K = new Float64Array(x.length); // ln m + ln x
  const lm = new Float64Array(x.length);
  const xm = new Float64Array(x.length);
  for (let g = 0; g < x.length; g++) {
    n += count[g]!;
    lm[g] = Math.log(m[g]!);
    K[g] = lm[g]! + Math.log(x[g]!);
    xm[g] = x[g]! * m[g]!;
    constant -= count[g]! * lm[g]!;
  }
  return (theta, grad, hess) => {
    const p = Math.exp(theta[0]!);
    const q = Math.exp(theta[1]!);
    const gamma = Math.exp(theta[2]!);
    const lnGamma = theta[2]!;
    let ll = constant + n * (q * lnGamma - logGamma(q));
    let gp = 0;
    let gq = n * (lnGamma - digamma(q));
    let gg = (n * q) / gamma;
    let hpp = 0;
    let hpq = 0;
    let hpg = 0;
    let hqq = -n * trigamma(q);
    let hqg = n / gamma;
    let hgg = (-n * q) / (gamma * gamma);
    for (let k = 0; k < xs.length; k++) {
      const xk = xs[k]!;
      const c = xCount[k]!;
      const px = p * xk;
      ll += c * (logGamma(px + q) - logGamma(px));
      const psiS = digamma(px + q);
      const triS = trigamma(px + q);
      gp += c * xk * (psiS - digamma(px));
      gq += c * psiS;
      hpp += c * xk * xk * (triS - trigamma(px));
      hpq += c * xk * triS;
      hqq += c * triS;
    }
    for (let g = 0; g < x.length; g++) {
      const c = count[g]!;
      const xg = x[g]!;
      const v = gamma + xm[g]!;
      const lg = Math.log(v);
      const iv = 1 / v;
      const px = p * xg;
      ll += c * (px * K[g]! - (px + q) * lg);
      gp += c * xg * (K[g]! - lg);
      gq -= c * lg;
      gg -= c * (px + q) * iv;
      hpg -= c * xg * iv;
      hqg -= c * iv;
      hgg += c * (px + q) * iv * iv;
    }
    const P = [p, q, gamma];
    const G = [gp, gq, gg];
    const Hp = [hpp, hpq, hpg, hpq, hqq, hqg, hpg, hqg, hgg];
    for (let i = 0; i < 3; i++) {
      grad[i] = (-G[i]! * P[i]!) / n;
      for (let j = 0; j < 3; j++) {
        let h = (-Hp[i * 3 + j]! * P[i]! * P[j]!) / n;
        if (i === j) h += (-G[i]! * P[i]!) / n;
        hess[i * 3 + j] = h;
      }
    }
    return -ll / n;
  };
}

/**
 * The Gamma-Gamma fit's objective on θ = ln(p, q, γ) over the customers with x > 0 (inputs assumed
 * valid): mean negative log-likelihood with gradient and Hessian. For tests; {@link ggFit} is the fit.
 */
export function ggObjective(frequency: ArrayLike<number>, monetary: ArrayLike<number>): Objective {
  const g = groupRepeatBuyers(frequency, monetary);
  return objective(g.x, g.m, g.count);
}

function groupRepeatBuyers(frequency: ArrayLike<number>, monetary: ArrayLike<number>) {
  const xr: number[] = [];
  const mr: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    if (frequency[i]! > 0) {
      xr.push(frequency[i]!);
      mr.push(monetary[i]!);
    }
  }
  const d = distinctRows([xr, mr]);
  return { x: d.columns[0]!, m: d.columns[1]!, count: d.counts, customers: xr.length };
}

/** Options of {@link ggFit}. */
export interface GammaGammaFitOptions {
  /** Describes customer i (0-based) in messages; default "customer i+1". */
  readonly describe?: (i: number) => Message;
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with x > 0, by damped Newton on ln(p, q, γ) from
 * p = 1, q = 2, γ = mean m_x, identical customers grouped; the convergence test of optimize.ts.
 * @throws CrmError `#VALUE!` for inputs of different lengths; `#NUM!` for an invalid customer; `#N/A` when
 * impossible: no repeat buyers, all repeat buyers identical, or a parameter running off to 0 or ∞ (e.g.
 * every spend equal).
 * @example ggFit(cdnow.x, cdnow.zbar).params // { p: 6.2488, q: 3.7446, gamma: 15.4477 } (published: 6.25, 3.74, 15.44)
 */
export function ggFit(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const describe = options.describe ?? ((i: number) => msg("btyd.customerNumber", { n: i + 1 }));
  if (monetary.length !== frequency.length) {
    throw valueError("btyd.perCustomer", {
      names: "frequency and monetary",
      counts: `${frequency.length}, ${monetary.length}`,
    });
  }
  let sumM = 0;
  let repeat = 0;
  for (let i = 0; i < frequency.length; i++) {
    const problem = spendProblem(frequency[i]!, monetary[i]!);
    if (problem !== null) throw numError("btyd.customerInvalid", { where: describe(i), problem });
    if (frequency[i]! > 0) {
      repeat++;
      sumM += monetary[i]!;
    }
  }
  if (repeat === 0) throw naError("btyd.fitNoRepeat", { model: "Gamma-Gamma" });
  const g = groupRepeatBuyers(frequency, monetary);
  if (g.count.length === 1) {
    throw naError("btyd.fitSameRepeatBuyers", { model: "Gamma-Gamma" });
  }
  const result = minimizeNewton(objective(g.x, g.m, g.count), [0, Math.log(2), Math.log(sumM / repeat)]);
  if (result.status !== "converged") {
    throw fitFailure(GAMMA_GAMMA_PARAMETERS, result);
  }
  const [p, q, gamma] = Array.from(result.x, Math.exp) as [number, number, number];
  return {
    params: { p, q, gamma },
    logLikelihood: finite(-repeat * result.value, msg("btyd.logLikelihood")),
    customers: repeat,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}

/**
 * Expected average spend per transaction of a customer: p(γ + x·m_x)/(px + q − 1); for x = 0 the
 * population mean pγ/(q − 1). O(1).
 * @throws CrmError `#NUM!` for invalid parameters or customer, or when the mean does not exist
 * (px + q ≤ 1; for x = 0, q ≤ 1).
 * @example ggExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35) // 6.25·(15.44 + 44.7)/(12.5 + 2.74) ≈ 24.66
 */
export function ggExpectedSpend(
  params: GammaGammaParams,
  x: number,
  monetary: number,
  where: Message = msg("btyd.customer"),
): number {
  checkGammaGammaParams(params);
  const problem = spendProblem(x, monetary);
  if (problem !== null) throw numError("btyd.customerInvalid", { where, problem });
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw x === 0
      ? numError("btyd.populationMeanSpend", { q })
      : numError("btyd.spendNotExist", { where, value: denominator });
  }
  return finite((p * (gamma + x * monetary)) / denominator, msg("btyd.expectedSpend"));
}
