/**
 * Pareto/NBD model of repeat purchasing, Schmittlein, Morrison & Colombo (1987), "Counting Your Customers:
 * Who Are They and What Will They Do Next?", Management Science 33(1); formulas as in Fader & Hardie
 * (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions".
 *
 * While alive a customer buys at Poisson rate λ ~ Gamma(r, α) and dies at an exponential time of rate
 * μ ~ Gamma(s, β), independent of purchases — so one-time buyers fade too. Data (x, t_x, T) as BG/NBD's.
 * - Likelihood: L = Γ(r + x)αʳβˢ/Γ(r)·[(α + T)^(−(r+x))(β + T)^(−s) + s·I],
 *   I = ∫_{t_x}^{T} (α + τ)^(−(r+x))(β + τ)^(−(s+1)) dτ (the paper's s/(r + s + x)·A₀), computed with its
 *   exact derivatives in pnbdIntegral.ts; ln L = ln A + ln(e^ln B + e^(ln s + ln I)) in logs.
 * - P(alive | x, t_x, T) = B/(B + s·I), B = (α + T)^(−(r+x))(β + T)^(−s).
 * - E[Y(t) | x, t_x, T] = (r + x)(β + T)/((α + T)(s − 1))·[1 − ((β + T)/(β + T + t))^(s−1)]·P(alive),
 *   with [1 − (1 + t/(β + T))^(1−s)]/(s − 1) = L·exprel((1 − s)·L), L = ln(1 + t/(β + T)), continuous
 *   through s = 1.
 * The fit is maximum likelihood by damped Newton with the exact Hessian on ln(r, α, s, β) (optimize.ts),
 * customers grouped by (x, t_x, T) and the ₂F₁-type series shared by every profile with the same (x, t_x)
 * or (x, T): two series per distinct pair and evaluation.
 */
import { finite } from "../errors";
import { msg } from "../messages/catalogue";
import type { ExpectedCurve, ModelFit, ModelFitOptions } from "./modelFit";
import { parameterSet, summaryModelFunctions } from "./modelFit";
import { distinctRows } from "./grouping";
import { jet, logDiffExp, logSumExp } from "./jet";
import type { Objective } from "./optimize";
import { branchOf, logGJet, logIntegral, logIntegralJet, PnbdParams, uSplit } from "./pnbdIntegral";
import { digamma, exprel, logGamma, trigamma } from "./special";

export type { PnbdParams } from "./pnbdIntegral";

/** A fitted Pareto/NBD model. */
export type PnbdFit = ModelFit<PnbdParams>;

/** Options of {@link pnbdFit}: the L2 penalty on (r, α, s, β), as BG/NBD's, and how customers are named. */
export type PnbdFitOptions = ModelFitOptions;

/** Pareto/NBD's parameters: purchase rate Gamma(r, α), dropout rate Gamma(s, β); fits drift as BG/NBD's do. */
export const PNBD_PARAMETERS = parameterSet("Pareto/NBD", ["r", "alpha", "s", "beta"], msg("btyd.hintBgnbd"));
// jet layout (jet.ts) and variable order, as local constants: imported bindings cost a call per use
// in the hot loops when the module is not bundled
const N = 4;
const JET = 21;
const R = 0;
const ALPHA = 1;
const S = 2;
const BETA = 3;

/**
 * Checks Pareto/NBD parameters: all must be positive and finite.
 * @throws CrmError `#NUM!` naming the first bad parameter.
 */
export const checkPnbdParams = PNBD_PARAMETERS.check;

/** ln B = −(r + x)·ln(α + T) − s·ln(β + T). */
function logB(p: PnbdParams, x: number, T: number): number {
  return -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
}

/** ln(s·I/B), the log-odds of having died unseen; −∞ when t_x = T. */
function logDeathOdds(p: PnbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.s) + logIntegral(p, x, tx, T) - logB(p, x, T);
}

/** ln L of one customer, ln A + ln(e^ln B + e^(ln s + ln I)) (module comment). */
function lnLCustomer(p: PnbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lA = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const lB = logB(p, x, T);
  const lC = Math.log(s) + logIntegral(p, x, tx, T);
  const hi = Math.max(lB, lC);
  return lA + hi + Math.log1p(Math.exp(Math.min(lB, lC) - hi));
}

/** Customers grouped by profile, with the distinct (x, τ) pairs whose series the profiles share. */
interface PnbdData {
  readonly n: number;
  readonly xs: Float64Array; // distinct frequencies
  readonly xCount: Float64Array; // customers per distinct frequency
  readonly pairX: Float64Array; // distinct (x, τ) pairs, τ a t_x or a T
  readonly pairTau: Float64Array;
  readonly x: Float64Array; // per profile
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly count: Float64Array;
  readonly pairTx: Int32Array; // per profile: index of (x, t_x) and of (x, T)
  readonly pairT: Int32Array;
  readonly profiles: number;
}

function groupPnbd(frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): PnbdData {
  const groups = distinctRows([frequency, recency, T]);
  const [x, tx, TT] = groups.columns as [Float64Array, Float64Array, Float64Array];
  const m = x.length;
  const px = new Float64Array(2 * m);
  const ptau = new Float64Array(2 * m);
  px.set(x);
  px.set(x, m);
  ptau.set(tx);
  ptau.set(TT, m);
  const pairs = distinctRows([px, ptau]);
  const xd = distinctRows([x]);
  const xCount = new Float64Array(xd.counts.length);
  for (let g = 0; g < m; g++) xCount[xd.index[g]!]! += groups.counts[g]!;
  return {
    n: frequency.length,
    xs: xd.columns[0]!,
    xCount,
    pairX: pairs.columns[0]!,
    pairTau: pairs.columns[1]!,
    x,
    tx,
    T: TT,
    count: groups.counts,
    pairTx: pairs.index.subarray(0, m),
    pairT: pairs.index.subarray(m),
    profiles: m,
  };
}

/** total += c·part for jets. */
function accumulate(total: Float64Array, part: Float64Array, c: number): void {
  for (let k = 0; k < JET; k++) total[k] = total[k]! + c * part[k]!;
}

/**
 * Adds Σ over distinct x of count·ln A(x) = ln Γ(r + x) − ln Γ(r) + r·ln α + s·ln β, with derivatives.
 */
function addPartA(total: Float64Array, d: PnbdData, p: PnbdParams): void {
  const { r, alpha, s, beta } = p;
  const lgR = logGamma(r);
  const psiR = digamma(r);
  const triR = trigamma(r);
  const la = Math.log(alpha);
  const lb = Math.log(beta);
  const H = 1 + N;
  for (let k = 0; k < d.xs.length; k++) {
    const x = d.xs[k]!;
    const c = d.xCount[k]!;
    total[0] = total[0]! + c * (logGamma(r + x) - lgR + r * la + s * lb);
    total[1 + R] = total[1 + R]! + c * (digamma(r + x) - psiR + la);
    total[H + R * N + R] = total[H + R * N + R]! + c * (trigamma(r + x) - triR);
  }
  const n = d.n;
  total[1 + ALPHA] = total[1 + ALPHA]! + (n * r) / alpha;
  total[1 + S] = total[1 + S]! + n * lb;
  total[1 + BETA] = total[1 + BETA]! + (n * s) / beta;
  total[H + R * N + ALPHA] = total[H + ALPHA * N + R] = total[H + R * N + ALPHA]! + n / alpha;
  total[H + ALPHA * N + ALPHA] = total[H + ALPHA * N + ALPHA]! - (n * r) / (alpha * alpha);
  total[H + S * N + BETA] = total[H + BETA * N + S] = total[H + S * N + BETA]! + n / beta;
  total[H + BETA * N + BETA] = total[H + BETA * N + BETA]! - (n * s) / (beta * beta);
}

/** ln B = −(r + x)·ln(α + T) − s·ln(β + T) as a jet. */
function setLogBJet(out: Float64Array, p: PnbdParams, x: number, T: number): void {
  const ea = p.alpha + T;
  const eb = p.beta + T;
  const H = 1 + N;
  out.fill(0);
  out[0] = logB(p, x, T);
  out[1 + R] = -Math.log(ea);
  out[1 + ALPHA] = -(p.r + x) / ea;
  out[1 + S] = -Math.log(eb);
  out[1 + BETA] = -p.s / eb;
  out[H + R * N + ALPHA] = out[H + ALPHA * N + R] = -1 / ea;
  out[H + ALPHA * N + ALPHA] = (p.r + x) / (ea * ea);
  out[H + S * N + BETA] = out[H + BETA * N + S] = -1 / eb;
  out[H + BETA * N + BETA] = p.s / (eb * eb);
}

/**
 * The fit's objective on θ = ln(r, α, s, β): −(Σ ln L)/n + penalizer·(r² + α² + s² + β²), with its
 * gradient and Hessian (exact; the tests compare them with finite differences).
 */
function objective(d: PnbdData, penalizer: number): Objective {
  const pairs = d.pairX.length;
  const G = new Float64Array(pairs * JET);
  const valid = new Uint8Array(pairs);
  const total = jet();
  const lB = jet();
  const lI = jet();
  const lL = jet();
  const gTmp = jet();
  const ga = jet();
  const gb = jet();
  return (theta, grad, hess) => {
    const p: PnbdParams = {
      r: Math.exp(theta[0]!),
      alpha: Math.exp(theta[1]!),
      s: Math.exp(theta[2]!),
      beta: Math.exp(theta[3]!),
    };
    // ln G per distinct (x, τ), where the z-form applies to it
    for (let j = 0; j < pairs; j++) {
      const branch = branchOf(p, d.pairX[j]!);
      const tau = d.pairTau[j]!;
      valid[j] = (branch.Q + tau) / (branch.P + tau) >= uSplit(branch) ? 1 : 0;
      if (valid[j] === 1) {
        logGJet(gTmp, branch, tau);
        G.set(gTmp, j * JET);
      }
    }
    total.fill(0);
    addPartA(total, d, p);
    const lnS = Math.log(p.s);
    for (let g = 0; g < d.count.length; g++) {
      const x = d.x[g]!;
      const tx = d.tx[g]!;
      const T = d.T[g]!;
      setLogBJet(lB, p, x, T);
      const a = d.pairTx[g]!;
      const b = d.pairT[g]!;
      if (tx === T) {
        lI[0] = -Infinity;
      } else if (valid[a] === 1 && valid[b] === 1) {
        for (let k = 0; k < JET; k++) {
          ga[k] = G[a * JET + k]!;
          gb[k] = G[b * JET + k]!;
        }
        logDiffExp(lI, ga, gb);
      } else {
        logIntegralJet(lI, p, x, tx, T);
      }
      if (lI[0] !== -Infinity) {
        // ln(s·I): add ln s (gradient 1/s, Hessian −1/s² in s)
        lI[0] = lI[0]! + lnS;
        lI[1 + S] = lI[1 + S]! + 1 / p.s;
        lI[1 + N + S * N + S] = lI[1 + N + S * N + S]! - 1 / (p.s * p.s);
      }
      logSumExp(lL, lB, lI);
      accumulate(total, lL, d.count[g]!);
    }
    // to θ = ln p: ∂f/∂θᵢ = pᵢ∂f/∂pᵢ, ∂²f/∂θᵢ∂θⱼ = pᵢpⱼ∂²f/∂pᵢ∂pⱼ + δᵢⱼpᵢ∂f/∂pᵢ
    const n = d.n;
    const P = [p.r, p.alpha, p.s, p.beta];
    let penalty = 0;
    for (let i = 0; i < N; i++) {
      const pi = P[i]!;
      penalty += pi * pi;
      grad[i] = (-total[1 + i]! * pi) / n + 2 * penalizer * pi * pi;
      for (let j = 0; j < N; j++) {
        let h = (-total[1 + N + i * N + j]! * pi * P[j]!) / n;
        if (i === j) h += (-total[1 + i]! * pi) / n + 4 * penalizer * pi * pi;
        hess[i * N + j] = h;
      }
    }
    return -total[0]! / n + penalizer * penalty;
  };
}

/** P(alive | x, t_x, T) without checks (inputs valid). O(terms). */
export function pnbdAlive(params: PnbdParams, x: number, tx: number, T: number): number {
  return 1 / (1 + Math.exp(logDeathOdds(params, x, tx, T)));
}

/**
 * The horizon part of E[Y(t)]: [1 − ((β + T)/(β + T + t))^(s−1)]/(s − 1)·(β + T) at several t, so that
 * E[Y(t) | x, t_x, T] = (r + x)/(α + T)·P(alive)·this. It depends on T only. O(horizons).
 */
export function pnbdHorizonCurve(
  params: PnbdParams,
  times: ArrayLike<number>,
  T: number,
  out: Float64Array = new Float64Array(times.length),
): Float64Array {
  const { s, beta } = params;
  for (let j = 0; j < times.length; j++) {
    const L = Math.log1p(times[j]! / (beta + T));
    out[j] = (beta + T) * L * exprel((1 - s) * L);
  }
  return out;
}

/**
 * E[Y(t) | x, t_x, T] for several horizons at once (module comment); inputs assumed valid. P(alive) is
 * computed once. O(terms + horizons).
 */
export const pnbdExpectedCurve: ExpectedCurve<PnbdParams> = (params, times, x, tx, T, out) => {
  const curve = pnbdHorizonCurve(params, times, T, out);
  const scale = ((params.r + x) / (params.alpha + T)) * pnbdAlive(params, x, tx, T);
  for (let j = 0; j < times.length; j++) curve[j] = finite(scale * curve[j]!, msg("btyd.expectedPurchases"));
  return curve;
};

/**
 * Pareto/NBD as a model of customer summaries: grouped profiles and pairs, the objective above, the start
 * r = s = 1, α = β = ΣT/Σx; ln L, P(alive) and E[Y(t)] as in the module comment.
 */
const PNBD = summaryModelFunctions<keyof PnbdParams, PnbdData>({
  parameters: PNBD_PARAMETERS,
  group: groupPnbd,
  objective,
  start: (logScale) => [0, logScale, 0, logScale],
  lnL: lnLCustomer,
  alive: pnbdAlive,
  expectedCurve: pnbdExpectedCurve,
});

/**
 * Maximum-likelihood Pareto/NBD fit (optionally L2-penalised), by damped Newton with the exact Hessian on
 * ln(r, α, s, β) from r = s = 1, α = β = ΣT/Σx, identical customers grouped (convergence as BG/NBD's).
 * O(n) to group, then O(distinct (x, t_x) and (x, T) pairs · terms) per evaluation.
 * @throws CrmError `#VALUE!` for inputs of different lengths; `#NUM!` for an invalid customer or penalizer;
 * `#N/A` when the fit is impossible: no customers, no repeat buyers, all customers identical, or a
 * parameter running off to 0 or ∞ (named in the message).
 * @example pnbdFit(cdnow.x, cdnow.tx, cdnow.T).params // { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }
 */
export const pnbdFit = PNBD.fit;

/**
 * The Pareto/NBD fit's objective on θ = ln(r, α, s, β) (inputs assumed valid): the mean negative
 * log-likelihood plus the penalty, writing its gradient and 4×4 Hessian. Exposed for tests and benchmarks.
 */
export const pnbdObjective = PNBD.objective;

/**
 * Σ ln L(r, α, s, β | xᵢ, t_xᵢ, Tᵢ) (module comment). Inputs are assumed valid. O(n · terms).
 * @example pnbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, [0], [0], [38.86]) // ≈ −0.5210
 */
export const pnbdLogLikelihood = PNBD.logLikelihood;

/**
 * P(alive | x, t_x, T) = B/(B + s·I) (module comment): the probability that the customer is still alive
 * at T. 1 when the last purchase was at T. O(terms).
 * @throws CrmError `#NUM!` for invalid parameters or customer.
 * @example pnbdPAlive({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 0, 38.86) // ≈ 0.2953
 */
export const pnbdPAlive = PNBD.pAlive;

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods (module comment). 0 at t = 0, increasing
 * in t, closed form at every horizon. O(terms).
 * @throws CrmError `#NUM!` for invalid parameters, customer or t < 0.
 * @example pnbdExpected({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 39, 2, 30.43, 38.86) // ≈ 1.4551
 */
export const pnbdExpected = PNBD.expected;
