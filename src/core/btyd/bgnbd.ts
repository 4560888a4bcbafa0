/**
 * BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing, Fader, Hardie &
 * Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing
 * Science 24(2), 275–284.
 *
 * A customer buys at Poisson rate λ while alive, λ ~ Gamma(r, α) across customers; after each repeat
 * purchase they drop out with probability p, p ~ Beta(a, b). Data per customer: x repeat purchases
 * (frequency), t_x the time of the last one (recency) and T the time since the first purchase (age), all
 * measured from the first purchase in the same time unit (weeks for CDNOW).
 *
 * - Likelihood: L = B(a, b + x)/B(a, b) · Γ(r + x)αʳ/(Γ(r)(α + T)^(r+x))
 *                     + δ(x>0) · B(a + 1, b + x − 1)/B(a, b) · Γ(r + x)αʳ/(Γ(r)(α + t_x)^(r+x)),
 *   evaluated in logs as ln L = A₁ + A₂ + ln(e^A₃ + δ·e^A₄) (the layout of the authors' note
 *   "Implementing the BG/NBD Model for Customer Base Analysis in Excel"), with analytic gradient and
 *   Hessian.
 * - P(alive | x, t_x, T) (the authors' note "Computing P(alive) Using the BG/NBD Model") =
 *   1/(1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x)).
 * - E[Y(t) | x, t_x, T], the paper's equation (10) = (a + b + x − 1)/(a − 1) ·
 *       [1 − ((α + T)/(α + T + t))^(r+x) · ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))] / D,
 *   D = 1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x).
 *   By Pfaff's transformation the bracket equals 1 − ₂F₁(r + x, a − 1; a + b + x − 1; −t/(α + T)), so
 *   E·D = −(a + b + x − 1) · (₂F₁(r + x, a − 1; a + b + x − 1; −t/(α + T)) − 1)/(a − 1): the same
 *   number, computed by hyp2f1.ts's excess without the 0/0 of the paper's form at a = 1, without
 *   cancellation for short horizons, and convergent at every horizon (the long ones through the
 *   z → 1 − z connection formula).
 */
import { finite } from "../errors";
import { msg } from "../messages/catalogue";
import { distinctRows } from "./grouping";
import { hyp2f1ExcessFunction } from "./hyp2f1";
import type { ModelFit, ModelFitOptions, ParameterSet, ParamsOf, SummaryModel } from "./modelFit";
import { parameterSet, summaryModelFunctions } from "./modelFit";
import type { Objective } from "./optimize";
import { digamma, logGamma, trigamma } from "./special";

/**
 * BG/NBD's parameters (MBG/NBD's too): purchase-rate shape r and scale α, dropout Beta(a, b); a fit drifts
 * when the data show no dropout or no heterogeneity.
 */
export const BGNBD_PARAMETERS = parameterSet("BG/NBD", ["r", "alpha", "a", "b"], msg("btyd.hintBgnbd"));
/** MBG/NBD's parameters: BG/NBD's, named MBG/NBD in messages. */
export const MBGNBD_PARAMETERS = parameterSet("MBG/NBD", BGNBD_PARAMETERS.names, BGNBD_PARAMETERS.hint);

/** BG/NBD parameters: purchase-rate shape r and scale α, dropout Beta(a, b). */
export type BgnbdParams = ParamsOf<typeof BGNBD_PARAMETERS>;

/** A fitted BG/NBD (or MBG/NBD) model. */
export type BgnbdFit = ModelFit<BgnbdParams>;

/** Options of {@link bgnbdFit}: the L2 penalty on (r, α, a, b) and how customers are named in messages. */
export type BgnbdFitOptions = ModelFitOptions;

/**
 * Checks BG/NBD (or MBG/NBD) parameters: all must be positive and finite.
 * @throws CrmError `#NUM!` naming the first bad parameter.
 */
export const checkBgnbdParams = BGNBD_PARAMETERS.check;

export { checkCustomer, checkHorizon, customerProblem, fitFailure } from "./modelFit";

/**
 * ln L of one customer of the family member `shift` (0: BG/NBD, 1: MBG/NBD, whose Beta parts count x + 1
 * chances to drop out): A₁ + A₂ + ln(e^A₃ + δ·e^A₄) (module comment). `b + x − (1 − shift)` keeps each
 * model's own rounding of b + x + shift − 1.
 */
function lnLCustomer(p: BgnbdParams, x: number, tx: number, T: number, shift: number): number {
  const { r, alpha, a, b } = p;
  const A1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const A2 = logGamma(a + b) + logGamma(b + x + shift) - logGamma(b) - logGamma(a + b + x + shift);
  const A3 = -(r + x) * Math.log(alpha + T);
  if (x + shift === 0) return A1 + A2 + A3;
  const A4 = Math.log(a) - Math.log(b + x - (1 - shift)) - (r + x) * Math.log(alpha + tx);
  const hi = Math.max(A3, A4);
  return A1 + A2 + hi + Math.log1p(Math.exp(Math.min(A3, A4) - hi));
}

/** Customers grouped by profile, with the distinct x, T and t_x values indexed for one log each. */
export interface GroupedSummary {
  readonly n: number;
  readonly xs: Float64Array; // distinct frequencies
  readonly xCount: Float64Array; // customers per distinct frequency
  readonly Ts: Float64Array; // distinct T values
  readonly zeroCountByT: Float64Array; // customers with x = 0 per distinct T
  readonly txs: Float64Array; // distinct t_x values of repeat buyers
  // repeat-buyer profiles (x > 0)
  readonly gx: Int32Array; // index into xs
  readonly gT: Int32Array; // index into Ts
  readonly gtx: Int32Array; // index into txs
  readonly gCount: Float64Array;
  readonly profiles: number;
}

/**
 * Groups customers for the likelihood. `shift` is 0 for BG/NBD (customers without repeat purchases have a
 * one-term likelihood, grouped by T only) and 1 for MBG/NBD (every profile has two terms).
 */
function groupSummary(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  shift: number,
): GroupedSummary {
  const groups = distinctRows([x, tx, T]);
  const [gxv, gtxv, gTv] = groups.columns as [Float64Array, Float64Array, Float64Array];
  const m = groups.counts.length;
  const xd = distinctRows([gxv]);
  const Td = distinctRows([gTv]);
  const xs = xd.columns[0]!;
  const Ts = Td.columns[0]!;
  const xCount = new Float64Array(xs.length);
  const zeroCountByT = new Float64Array(Ts.length);
  let repeat = 0;
  for (let g = 0; g < m; g++) {
    xCount[xd.index[g]!]! += groups.counts[g]!;
    if (gxv[g]! + shift === 0) zeroCountByT[Td.index[g]!]! += groups.counts[g]!;
    else repeat++;
  }
  const rtx = new Float64Array(repeat);
  const gx = new Int32Array(repeat);
  const gT = new Int32Array(repeat);
  const gCount = new Float64Array(repeat);
  let k = 0;
  for (let g = 0; g < m; g++) {
    if (gxv[g]! + shift === 0) continue;
    rtx[k] = gtxv[g]!;
    gx[k] = xd.index[g]!;
    gT[k] = Td.index[g]!;
    gCount[k] = groups.counts[g]!;
    k++;
  }
  const txd = distinctRows([rtx]);
  return {
    n: x.length,
    xs,
    xCount,
    Ts,
    zeroCountByT,
    txs: txd.columns[0]!,
    gx,
    gT,
    gtx: txd.index,
    gCount,
    profiles: m,
  };
}

/**
 * The fit's objective on θ = ln(r, α, a, b): f(θ) = −(Σ ln L)/n + penalizer·(r² + α² + a² + b²), with its
 * gradient and Hessian (analytic; the tests compare them with finite differences).
 * Cost per evaluation: ln Γ, ψ and ψ′ per distinct x; one log per distinct T and t_x; one exp and one
 * log1p per repeat-buyer profile (x, t_x, T).
 * Numeric kernel, longer than ~80 lines on purpose: the log-likelihood, its gradient and its Hessian share every
 * intermediate term in one pass over the grouped profiles; split into functions, they would recompute or pass
 * a dozen arrays around, and the fit on the CDNOW master cohort runs it hundreds of times.
 */
function objective(d: GroupedSummary, penalizer: number, shift: number): Objective {
  const lT = new Float64Array(d.Ts.length);
  const iT = new Float64Array(d.Ts.length);
  const ltx = new Float64Array(d.txs.length);
  const itx = new Float64Array(d.txs.length);
  const lbx = new Float64Array(d.xs.length);
  const ibx = new Float64Array(d.xs.length);
  return (theta, grad, hess) => {
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    const lnAlpha = theta[1]!;
    const lnA = theta[2]!;
    let ll = 0;
    // gradient and Hessian of Σ ln L with respect to (r, α, a, b)
    // prettier-ignore
    let gr = 0, gal = 0, ga = 0, gb = 0;
    // prettier-ignore
    let hrr = 0, hral = 0, hra = 0, hrb = 0, halal = 0, hala = 0, halb = 0, haa = 0, hab = 0, hbb = 0;

    // A₁ = ln Γ(r + x) − ln Γ(r) + r ln α and A₂ = ln[B(a, b + x)/B(a, b)] depend on x only
    const lgR = logGamma(r);
    const psiR = digamma(r);
    const triR = trigamma(r);
    const lgAB = logGamma(a + b);
    const psiAB = digamma(a + b);
    const triAB = trigamma(a + b);
    const lgB = logGamma(b);
    const psiB = digamma(b);
    const triB = trigamma(b);
    let customers = 0;
    for (let k = 0; k < d.xs.length; k++) {
      const x = d.xs[k]!;
      const c = d.xCount[k]!;
      customers += c;
      if (x + shift === 0) {
        ll += c * r * lnAlpha;
        gr += c * lnAlpha;
        continue;
      }
      const xb = x + shift; // purchases that gave a chance to drop out
      ll += c * (logGamma(r + x) - lgR + r * lnAlpha + lgAB + logGamma(b + xb) - lgB - logGamma(a + b + xb));
      const psiABX = digamma(a + b + xb);
      const triABX = trigamma(a + b + xb);
      gr += c * (digamma(r + x) - psiR + lnAlpha);
      ga += c * (psiAB - psiABX);
      gb += c * (psiAB + digamma(b + xb) - psiB - psiABX);
      hrr += c * (trigamma(r + x) - triR);
      haa += c * (triAB - triABX);
      hab += c * (triAB - triABX);
      hbb += c * (triAB + trigamma(b + xb) - triB - triABX);
      lbx[k] = Math.log(b + xb - 1);
      ibx[k] = 1 / (b + xb - 1);
    }
    gal += (customers * r) / alpha;
    hral += customers / alpha;
    halal -= (customers * r) / (alpha * alpha);

    // x = 0: ln L = A₁ + A₃ with A₃ = −r·ln(α + T)
    for (let j = 0; j < d.Ts.length; j++) {
      const v = alpha + d.Ts[j]!;
      const l = Math.log(v);
      const iv = 1 / v;
      lT[j] = l;
      iT[j] = iv;
      const c = d.zeroCountByT[j]!;
      if (c > 0) {
        ll -= c * r * l;
        gr -= c * l;
        gal -= c * r * iv;
        hral -= c * iv;
        halal += c * r * iv * iv;
      }
    }
    for (let j = 0; j < d.txs.length; j++) {
      const v = alpha + d.txs[j]!;
      ltx[j] = Math.log(v);
      itx[j] = 1 / v;
    }

    // x > 0: ln(e^A₃ + e^A₄), A₄ = ln a − ln(b + x − 1) − (r + x)·ln(α + t_x), with weights w₃ + w₄ = 1;
    // its Hessian is w₃∇²A₃ + w₄∇²A₄ + w₃w₄·vvᵀ with v = ∇A₃ − ∇A₄.
    const { gx, gT, gtx, gCount, xs } = d;
    // prettier-ignore
    let sw4 = 0, sw4b = 0, sw4bb = 0;
    // prettier-ignore
    let s00 = 0, s01 = 0, s11 = 0, s0 = 0, s1 = 0, s03 = 0, s13 = 0, s3 = 0, s33 = 0, s = 0;
    for (let g = 0; g < gCount.length; g++) {
      const k = gx[g]!;
      const m = r + xs[k]!;
      const jT = gT[g]!;
      const jx = gtx[g]!;
      const lt = lT[jT]!;
      const lx = ltx[jx]!;
      const it = iT[jT]!;
      const ix = itx[jx]!;
      const A3 = -m * lt;
      const A4 = lnA - lbx[k]! - m * lx;
      const diff = A4 - A3;
      let L: number;
      let w4: number;
      if (diff > 0) {
        const e = Math.exp(-diff);
        L = A4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(diff);
        L = A3 + Math.log1p(e);
        w4 = e / (1 + e);
      }
      const w3 = 1 - w4;
      const c = gCount[g]!;
      const cw4 = c * w4;
      const ib = ibx[k]!;
      ll += c * L;
      gr -= c * (w3 * lt + w4 * lx);
      gal -= c * m * (w3 * it + w4 * ix);
      sw4 += cw4;
      sw4b += cw4 * ib;
      sw4bb += cw4 * ib * ib;
      hral -= c * (w3 * it + w4 * ix);
      halal += c * m * (w3 * it * it + w4 * ix * ix);
      const cww = c * w3 * w4;
      const v0 = lx - lt;
      const v1 = m * (ix - it);
      s00 += cww * v0 * v0;
      s01 += cww * v0 * v1;
      s11 += cww * v1 * v1;
      s0 += cww * v0;
      s1 += cww * v1;
      s03 += cww * v0 * ib;
      s13 += cww * v1 * ib;
      s3 += cww * ib;
      s33 += cww * ib * ib;
      s += cww;
    }
    // v = (v0, v1, −1/a, 1/(b + x − 1))
    const ia = 1 / a;
    ga += sw4 * ia;
    gb -= sw4b;
    hrr += s00;
    hral += s01;
    halal += s11;
    hra -= s0 * ia;
    hrb += s03;
    hala -= s1 * ia;
    halb += s13;
    haa += -sw4 * ia * ia + s * ia * ia;
    hab -= s3 * ia;
    hbb += sw4bb + s33;

    // f and its derivatives with respect to θ = ln p: ∂f/∂θᵢ = pᵢ∂f/∂pᵢ,
    // ∂²f/∂θᵢ∂θⱼ = pᵢpⱼ∂²f/∂pᵢ∂pⱼ + δᵢⱼ·pᵢ∂f/∂pᵢ
    const n = d.n;
    const P = [r, alpha, a, b];
    const G = [gr, gal, ga, gb];
    const Hp = [hrr, hral, hra, hrb, hral, halal, hala, halb, hra, hala, haa, hab, hrb, halb, hab, hbb];
    for (let i = 0; i < 4; i++) {
      const pi = P[i]!;
      grad[i] = (-G[i]! * pi) / n + 2 * penalizer * pi * pi;
      for (let j = 0; j < 4; j++) {
        const pj = P[j]!;
        let h = (-Hp[i * 4 + j]! * pi * pj) / n;
        if (i === j) h += (-G[i]! * pi) / n + 4 * penalizer * pi * pi;
        hess[i * 4 + j] = h;
      }
    }
    return -ll / n + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };
}

/**
 * ln of D − 1 = a/(b + x + shift − 1)·((α + T)/(α + t_x))^(r+x) for x + shift > 0 (shift 0: BG/NBD,
 * 1: MBG/NBD).
 */
export function logDeathOdds(p: BgnbdParams, x: number, tx: number, T: number, shift = 0): number {
  return Math.log(p.a / (p.b + x + shift - 1)) + (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
}

/**
 * D·E[Y(t) | x, t_x, T] of the BG/NBD family (shift 0: BG/NBD, 1: MBG/NBD) at several horizons t at once:
 * −c·(₂F₁(r + x, a − 1; c; −t/(α + T)) − 1)/(a − 1) with c = a + b + x + shift − 1 (module comment). It
 * depends on x and T only, not on t_x; one ₂F₁ plan serves every t. Inputs are assumed valid.
 * O(horizons · terms).
 * @throws CrmError `#NUM!` when a value is too large to represent.
 */
export function familyNumeratorCurve(
  shift: number,
  params: BgnbdParams,
  times: ArrayLike<number>,
  x: number,
  T: number,
  out: Float64Array = new Float64Array(times.length),
): Float64Array {
  const { r, alpha, a, b } = params;
  let c = a + b + x + shift - 1;
  if (c === 0) c = 2 ** -40; // a + b = 1 and x = 0: E is continuous in c, the formula's 0·∞ is not
  const excess = hyp2f1ExcessFunction(r + x, a - 1, c);
  for (let j = 0; j < times.length; j++) {
    const t = times[j]!;
    out[j] = t === 0 ? 0 : finite(-c * excess(-t / (alpha + T)), msg("btyd.expectedPurchases"));
  }
  return out;
}

/** D = 1 + δ(x + shift > 0)·exp({@link logDeathOdds}): E[Y(t)] = numerator/D, P(alive) = 1/D. */
export function familyDenominator(shift: number, params: BgnbdParams, x: number, tx: number, T: number): number {
  return 1 + (x + shift === 0 ? 0 : Math.exp(logDeathOdds(params, x, tx, T, shift)));
}

/**
 * E[Y(t) | x, t_x, T] of the BG/NBD family at several horizons at once, for one customer:
 * {@link familyNumeratorCurve}/{@link familyDenominator}. Inputs are assumed valid (callers check them).
 * O(horizons · terms).
 * @throws CrmError `#NUM!` when a value is too large to represent.
 */
export function familyExpectedCurve(
  shift: number,
  params: BgnbdParams,
  times: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  out: Float64Array = new Float64Array(times.length),
): Float64Array {
  familyNumeratorCurve(shift, params, times, x, T, out);
  const d = familyDenominator(shift, params, x, tx, T);
  for (let j = 0; j < times.length; j++) out[j] = out[j]! / d;
  return out;
}

/**
 * The BG/NBD family member `shift` (0: BG/NBD, 1: MBG/NBD, named `model` in messages) as a model of customer
 * summaries: grouped profiles, the objective above, the start r = a = b = 1, α = ΣT/Σx; ln L, P(alive) = 1/D
 * and E[Y(t)] as in the module comment. Its parameters are BG/NBD's, named after the member in messages.
 */
function familyModel(
  parameters: ParameterSet<keyof BgnbdParams>,
  shift: number,
): SummaryModel<keyof BgnbdParams, GroupedSummary> {
  return {
    parameters,
    group: (frequency, recency, T) => groupSummary(frequency, recency, T, shift),
    objective: (data, penalizer) => objective(data, penalizer, shift),
    start: (logScale) => [0, logScale, 0, 0],
    lnL: (params, x, tx, T) => lnLCustomer(params, x, tx, T, shift),
    alive: (params, x, tx, T) => 1 / familyDenominator(shift, params, x, tx, T),
    expectedCurve: (params, times, x, tx, T) => familyExpectedCurve(shift, params, times, x, tx, T),
  };
}

const BGNBD = summaryModelFunctions(familyModel(BGNBD_PARAMETERS, 0));
/** MBG/NBD's fit, objective, likelihood and predictions (mbgnbd.ts): BG/NBD's with one more chance to drop out. */
export const MBGNBD = summaryModelFunctions(familyModel(MBGNBD_PARAMETERS, 1));

/**
 * Maximum-likelihood BG/NBD fit (optionally L2-penalised), by damped Newton on ln(r, α, a, b) from r = a = b = 1,
 * α = ΣT/Σx, with identical customers grouped. Converged when every component of the gradient of the mean
 * negative log-likelihood with respect to the log-parameters is ≤ 1e-8 and the Newton step ≤ 1e-6
 * (optimize.ts).
 * O(n) to group, then O(profiles) per evaluation.
 * @throws CrmError `#VALUE!` for inputs of different lengths; `#NUM!` for an invalid customer or penalizer;
 * `#N/A` when the fit is impossible: no customers, no repeat buyers, all customers identical, or a
 * parameter running off to 0 or ∞ (named in the message).
 * @example bgnbdFit(cdnow.x, cdnow.tx, cdnow.T).params // { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }
 */
export const bgnbdFit = BGNBD.fit;

/**
 * The BG/NBD fit's objective on θ = ln(r, α, a, b) for these customers (inputs assumed valid): the mean
 * negative log-likelihood plus the penalty, writing its gradient and 4×4 Hessian. Exposed for tests and
 * benchmarks; {@link bgnbdFit} is the public fit.
 */
export const bgnbdObjective = BGNBD.objective;

/**
 * The MBG/NBD fit's objective (see mbgnbd.ts), the same as {@link bgnbdObjective} with one more chance
 * to drop out per customer. Exposed for tests.
 */
export const mbgnbdObjective = MBGNBD.objective;

/**
 * Σ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ), the likelihood above summed over customers. O(n).
 * Inputs are assumed valid ({@link checkCustomer}, {@link checkBgnbdParams}).
 * @example bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [0], [0], [38.86]) // r·ln(α/(α + T)) ≈ −0.5547
 */
export const bgnbdLogLikelihood = BGNBD.logLikelihood;

/**
 * P(alive | x, t_x, T): the probability that the customer has not dropped out at T — the churn early
 * warning. 1 for a customer without repeat purchases (the model lets dropout happen only after a
 * purchase). O(1).
 * @throws CrmError `#NUM!` for invalid parameters or customer.
 * @example bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86) // ≈ 0.7266
 */
export const bgnbdPAlive = BGNBD.pAlive;

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods, equation (10) (computed as in the module
 * comment). 0 at t = 0, non-negative and increasing in t. O(terms of ₂F₁): a few dozen, at any horizon.
 * @throws CrmError `#NUM!` for invalid parameters, customer or t < 0.
 * @example bgnbdExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // ≈ 1.226
 */
export const bgnbdExpected = BGNBD.expected;
