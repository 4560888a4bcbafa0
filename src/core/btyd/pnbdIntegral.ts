/**
 * The integral at the heart of the Pareto/NBD likelihood (pnbd.ts), with exact first and second
 * derivatives in the parameters (r, α, s, β):
 *
 *   I(t₁, t₂) = ∫_{t₁}^{t₂} (α + τ)^(−(r+x))·(β + τ)^(−(s+1)) dτ,
 *
 * the probability-weighted time of a dropout between the last purchase and the end of the observation
 * (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions": their
 * A₀ = (r + s + x)·I). Writing P = max(α, β) and Q = min(α, β), with (p, q) the exponents of P + τ and
 * Q + τ, and a = p + q − 1 = r + s + x:
 *
 * - z-form (the paper's ₂F₁ form, any z ≤ 1 − u_s): I = G(t₁) − G(t₂) with
 *   G(τ) = (P + τ)^(−a)·S(a, q; z), z = (P − Q)/(P + τ), S(a, q; z) = Σₙ (q)ₙ/n!·zⁿ/(a + n)
 *   (= ₂F₁(a, q; a + 1; z)/a); dG/dτ is minus the integrand. The derivatives of S in a, q and z are
 *   summed with S in one pass (ten running sums), then carried to (r, α, s, β) by the chain rule.
 * - u-form, for z near 1 (u = (Q + τ)/(P + τ) = 1 − z below u_s = min(0.1, 1/(p + q − 2))):
 *   I = (P − Q)^(1−p−q)·∫_{u₁}^{u₂} u^(−q)(1 − u)^(p+q−2) du
 *     = (P − Q)^(1−p−q)·u₁^(1−q)·Σₖ (2 − p − q)ₖ/k!·u₁ᵏ·[e^(εₖλ) − 1]/εₖ, εₖ = k + 1 − q, λ = ln(u₂/u₁):
 *   a definite integral, so the near-integer q that would make the ₂F₁ connection formula cancel only
 *   appears as [e^(ελ) − 1]/ε = λ·exprel(ελ), smooth through ε = 0. Its terms alternate, but with
 *   u ≤ 1/(p + q − 2) their sum of magnitudes stays within e² of the result. Derivatives by jets
 *   (jet.ts); this branch is rare (one parameter more than ten times the other).
 *   When u₂ > u_s the interval is split where u = u_s, the upper part going to the z-form.
 *
 * Everything is kept in logarithms (ln G, ln I), so a customer with hundreds of purchases neither
 * underflows nor overflows.
 */
import {
  add,
  apply2,
  combine,
  exp as jexp,
  jet,
  log as jlog,
  logDiffExp,
  logSumExp,
  mul,
  setConst,
  setVariable,
} from "./jet";
import { numError } from "../errors";

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface PnbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

// variable indices and jet layout (jet.ts), local: imported bindings cost a call per use unbundled
const R = 0;
const ALPHA = 1;
const S = 2;
const BETA = 3;
const N = 4;

const EPS = 1e-17;
const MAX_TERMS = 1_000_000;

/** Running sums of S(a, b; z) = Σₙ (b)ₙ/n!·zⁿ/(a + n) and its partial derivatives. */
export const enum Sums {
  S,
  Sa,
  Sb,
  Sz,
  Saa,
  Sab,
  Saz,
  Sbb,
  Sbz,
  Szz,
}

/**
 * S(a, b; z) for a, b > 0 and 0 ≤ z < 1, and (when `out` is given) its first and second partial
 * derivatives in a, b and z, summed together term by term: with cₙ = (b)ₙ/n!, hₙ = 1/(a + n) and
 * ψₙ = Σ_{k<n} 1/(b + k) (so ∂cₙ/∂b = cₙψₙ), S = Σ cₙzⁿhₙ, ∂S/∂a = −Σ cₙzⁿhₙ², ∂S/∂b = Σ cₙzⁿhₙψₙ,
 * ∂S/∂z = Σ n·cₙzⁿ⁻¹hₙ, and so on. All terms of each sum have one sign, so each is accurate; the sums
 * stop when the geometric bound on the remaining terms is below 1e-17 of each. O(terms): about
 * 37/(−ln z).
 */
export function seriesS(a: number, b: number, z: number, out: Float64Array | null): number {
  let t = 1; // cₙzⁿ
  let d = 0; // n·cₙzⁿ⁻¹
  let dd = 0; // n(n − 1)·cₙzⁿ⁻²
  let psi = 0;
  let psi1 = 0;
  // prettier-ignore
  let s = 0, sa = 0, sb = 0, sz = 0, saa = 0, sab = 0, saz = 0, sbb = 0, sbz = 0, szz = 0;
  const full = out !== null;
  for (let n = 0; n < MAX_TERMS; n++) {
    const h = 1 / (a + n);
    const th = t * h;
    s += th;
    if (full) {
      const dh = d * h;
      sa -= th * h;
      saa += 2 * th * h * h;
      sb += th * psi;
      sbb += th * (psi * psi - psi1);
      sab -= th * h * psi;
      sz += dh;
      szz += dd * h;
      saz -= dh * h;
      sbz += dh * psi;
    }
    if (n > b + 2 && n >= 3) {
      const ratio = (z * (b + n + 1)) / (n - 1);
      if (t === 0 && d === 0 && dd === 0) break;
      if (ratio < 0.999) {
        const tail = ratio / (1 - ratio);
        const growth = 1 + 4 / n; // ψₙ² grows a little from term to term
        if (
          th * tail <= EPS * s &&
          (!full || (dd * h * tail <= EPS * szz && th * psi * psi * tail * growth <= EPS * sbb))
        ) {
          break;
        }
      }
    }
    const bn = b + n;
    dd = bn * d;
    d = bn * t;
    t *= (bn * z) / (n + 1);
    psi += 1 / bn;
    psi1 += 1 / (bn * bn);
    if (n === MAX_TERMS - 1) throw numError("btyd.pnbdSeries", { z });
  }
  if (full) {
    out[Sums.S] = s;
    out[Sums.Sa] = sa;
    out[Sums.Sb] = sb;
    out[Sums.Sz] = sz;
    out[Sums.Saa] = saa;
    out[Sums.Sab] = sab;
    out[Sums.Saz] = saz;
    out[Sums.Sbb] = sbb;
    out[Sums.Sbz] = sbz;
    out[Sums.Szz] = szz;
  }
  return s;
}

/** Which of α and β is the larger (P), and the exponents p of P + τ and q of Q + τ. */
export interface Branch {
  readonly alphaIsP: boolean;
  readonly P: number;
  readonly Q: number;
  readonly p: number;
  readonly q: number;
}

/** The branch of the integral for these parameters and frequency x. */
export function branchOf(params: PnbdParams, x: number): Branch {
  const { r, alpha, s, beta } = params;
  const alphaIsP = alpha >= beta;
  return alphaIsP
    ? { alphaIsP, P: alpha, Q: beta, p: r + x, q: s + 1 }
    : { alphaIsP, P: beta, Q: alpha, p: s + 1, q: r + x };
}

/** u_s: below this u = (Q + τ)/(P + τ) the u-form is used. */
export function uSplit(branch: Branch): number {
  return Math.min(0.1, 1 / Math.max(branch.p + branch.q - 2, 1));
}

/** ln G(τ) = −a·ln(P + τ) + ln S(a, q; z) (value only). */
export function logG(branch: Branch, tau: number): number {
  const { P, Q, p, q } = branch;
  const E = P + tau;
  const a = p + q - 1;
  return -a * Math.log(E) + Math.log(seriesS(a, q, (P - Q) / E, null));
}

const sums = new Float64Array(10);
const fu = new Float64Array(4); // ∂ ln G/∂(a, b, z, ℓ)
const hu = new Float64Array(16); // ∂² ln G/∂u∂u
const J = new Float64Array(16); // ∂u/∂(r, α, s, β), row per u

/**
 * ln G(τ) as a jet in (r, α, s, β) (module comment), through u = (a, b = q, z, ℓ = ln(P + τ)):
 * ∇ln G = Jᵀ·∂ln G/∂u and ∇²ln G = Jᵀ(∂²ln G/∂u²)J + ∂ln G/∂z·∇²z + ∂ln G/∂ℓ·∇²ℓ.
 */
export function logGJet(out: Float64Array, branch: Branch, tau: number): Float64Array {
  const { alphaIsP, P, Q, p, q } = branch;
  const E = P + tau;
  const ell = Math.log(E);
  const a = p + q - 1;
  const z = (P - Q) / E;
  const S0 = seriesS(a, q, z, sums);
  const ia = sums[Sums.Sa]! / S0;
  const ib = sums[Sums.Sb]! / S0;
  const iz = sums[Sums.Sz]! / S0;
  fu[0] = -ell + ia;
  fu[1] = ib;
  fu[2] = iz;
  fu[3] = -a;
  hu.fill(0);
  hu[0] = sums[Sums.Saa]! / S0 - ia * ia;
  hu[1] = hu[4] = sums[Sums.Sab]! / S0 - ia * ib;
  hu[2] = hu[8] = sums[Sums.Saz]! / S0 - ia * iz;
  hu[3] = hu[12] = -1;
  hu[5] = sums[Sums.Sbb]! / S0 - ib * ib;
  hu[6] = hu[9] = sums[Sums.Sbz]! / S0 - ib * iz;
  hu[10] = sums[Sums.Szz]! / S0 - iz * iz;
  const iP = alphaIsP ? ALPHA : BETA;
  const iQ = alphaIsP ? BETA : ALPHA;
  J.fill(0);
  J[0 * 4 + R] = 1; // a = r + s + x
  J[0 * 4 + S] = 1;
  J[1 * 4 + (alphaIsP ? S : R)] = 1; // b = q
  J[2 * 4 + iP] = (1 - z) / E; // z = (P − Q)/(P + τ)
  J[2 * 4 + iQ] = -1 / E;
  J[3 * 4 + iP] = 1 / E; // ℓ = ln(P + τ)
  out[0] = -a * ell + Math.log(S0);
  for (let i = 0; i < N; i++) {
    let g = 0;
    for (let k = 0; k < 4; k++) g += J[k * 4 + i]! * fu[k]!;
    out[1 + i] = g;
  }
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      let h = 0;
      for (let k = 0; k < 4; k++) {
        const Jki = J[k * 4 + i]!;
        if (Jki === 0) continue;
        for (let l = 0; l < 4; l++) h += Jki * hu[k * 4 + l]! * J[l * 4 + j]!;
      }
      out[1 + N + i * N + j] = h;
      out[1 + N + j * N + i] = h;
    }
  }
  // second derivatives of z and ℓ in (P, Q): z_PP = −2(1 − z)/E², z_PQ = 1/E², ℓ_PP = −1/E²
  const E2 = E * E;
  out[1 + N + iP * N + iP] = out[1 + N + iP * N + iP]! + (-2 * iz * (1 - z) + a) / E2;
  out[1 + N + iP * N + iQ] = out[1 + N + iP * N + iQ]! + iz / E2;
  out[1 + N + iQ * N + iP] = out[1 + N + iQ * N + iP]! + iz / E2;
  return out;
}

/** exprel(y) = (eʸ − 1)/y and its first two derivatives, by their series for |y| < 2. */
function exprelParts(y: number): [number, number, number] {
  if (Math.abs(y) < 2) {
    // exprel = Σ yⁿ/(n + 1)!, exprel′ = Σ n·yⁿ⁻¹/(n + 1)!, exprel″ = Σ n(n − 1)·yⁿ⁻²/(n + 1)!
    // prettier-ignore
    let f = 0, f1 = 0, f2 = 0;
    let c = 1; // 1/(n + 1)!
    // prettier-ignore
    let yn = 1, yn1 = 0, yn2 = 0; // yⁿ, yⁿ⁻¹, yⁿ⁻²
    for (let n = 0; n < 40; n++) {
      f += c * yn;
      f1 += n * c * yn1;
      f2 += n * (n - 1) * c * yn2;
      yn2 = yn1;
      yn1 = yn;
      yn *= y;
      c /= n + 2;
    }
    return [f, f1, f2];
  }
  const e = Math.exp(y);
  return [(e - 1) / y, ((y - 1) * e + 1) / (y * y), ((y * y - 2 * y + 2) * e - 2) / (y * y * y)];
}

const jP = jet();
const jQ = jet();
const jp = jet();
const jq = jet();
const lnU1 = jet();
const lam = jet();
const jm = jet();
const coef = jet();
const tmp = jet();
const tmp2 = jet();
const pow = jet();
const epsJ = jet();
const phi = jet();
const sum = jet();
const prefactor = jet();

/** Sets the jets of P, Q (variables α and β) and of the exponents p, q (r + x and s + 1). */
function setBranchJets(branch: Branch): void {
  const { alphaIsP, P, Q, p, q } = branch;
  setVariable(jP, P, alphaIsP ? ALPHA : BETA);
  setVariable(jQ, Q, alphaIsP ? BETA : ALPHA);
  setVariable(jp, p, alphaIsP ? R : S);
  setVariable(jq, q, alphaIsP ? S : R);
}

/** ln of ∫_{t₁}^{t₂} by the u-form (module comment), as a jet; t₁ < t₂ with u(t₂) ≤ u_s. */
function logUFormJet(out: Float64Array, branch: Branch, t1: number, t2: number): Float64Array {
  setBranchJets(branch);
  // ln u = ln(Q + τ) − ln(P + τ)
  jlog(tmp, combine(tmp, 1, jQ, 0, null, t1));
  jlog(tmp2, combine(tmp2, 1, jP, 0, null, t1));
  combine(lnU1, 1, tmp, -1, tmp2);
  jlog(tmp, combine(tmp, 1, jQ, 0, null, t2));
  jlog(tmp2, combine(tmp2, 1, jP, 0, null, t2));
  combine(lam, 1, tmp, -1, tmp2);
  combine(lam, 1, lam, -1, lnU1); // λ = ln u₂ − ln u₁
  combine(jm, 1, jp, 1, jq, -2); // m = p + q − 2
  setConst(coef, 1);
  setConst(sum, 0);
  const m = jm[0]!;
  for (let k = 0; k < MAX_TERMS; k++) {
    combine(tmp, k, lnU1);
    jexp(pow, tmp); // u₁ᵏ
    combine(epsJ, -1, jq, 0, null, k + 1); // εₖ = k + 1 − q
    const e = epsJ[0]!;
    const l = lam[0]!;
    const [f, f1, f2] = exprelParts(e * l);
    const ey = Math.exp(e * l);
    // φ(ε, λ) = λ·exprel(ελ): φ_ε = λ²exprel′, φ_εε = λ³exprel″, φ_λ = e^(ελ), φ_λλ = εe^(ελ), φ_ελ = λe^(ελ)
    apply2(phi, epsJ, lam, l * f, l * l * f1, ey, l * l * l * f2, l * ey, e * ey);
    mul(tmp, coef, pow);
    mul(tmp, tmp, phi);
    add(sum, sum, tmp);
    if (k > Math.abs(m) + 2 && Math.abs(tmp[0]!) <= EPS * Math.abs(sum[0]!)) break;
    // (−m)ₖ₊₁/(k + 1)! = (−m)ₖ/k!·(k − m)/(k + 1)
    combine(tmp, -1 / (k + 1), jm, 0, null, k / (k + 1));
    mul(coef, coef, tmp);
  }
  // ln I = (1 − p − q)·ln(P − Q) + (1 − q)·ln u₁ + ln Σ
  jlog(tmp, combine(tmp, 1, jP, -1, jQ));
  combine(tmp2, -1, jp, -1, jq, 1);
  mul(prefactor, tmp2, tmp);
  combine(tmp2, -1, jq, 0, null, 1);
  mul(tmp2, tmp2, lnU1);
  add(prefactor, prefactor, tmp2);
  jlog(tmp, sum);
  return add(out, prefactor, tmp);
}

const g1 = jet();
const g2 = jet();
const partU = jet();
const partZ = jet();

/**
 * ln I(t₁, t₂) as a jet in (r, α, s, β), by whichever form fits (module comment); −∞ when t₁ = t₂.
 * O(terms).
 */
export function logIntegralJet(out: Float64Array, params: PnbdParams, x: number, t1: number, t2: number): Float64Array {
  if (!(t2 > t1)) {
    out.fill(0);
    out[0] = -Infinity;
    return out;
  }
  const branch = branchOf(params, x);
  const { P, Q } = branch;
  const us = uSplit(branch);
  const u1 = (Q + t1) / (P + t1);
  const u2 = (Q + t2) / (P + t2);
  if (u1 >= us) return logDiffExp(out, logGJet(g1, branch, t1), logGJet(g2, branch, t2));
  if (u2 <= us) return logUFormJet(out, branch, t1, t2);
  const ts = (us * P - Q) / (1 - us); // where u = u_s
  logUFormJet(partU, branch, t1, ts);
  logDiffExp(partZ, logGJet(g1, branch, ts), logGJet(g2, branch, t2));
  logSumExp(out, partU, partZ);
  return out;
}

const valueJet = jet();

/** ln I(t₁, t₂) (value only; the u-form through its jet). −∞ when t₁ = t₂. O(terms). */
export function logIntegral(params: PnbdParams, x: number, t1: number, t2: number): number {
  if (!(t2 > t1)) return -Infinity;
  const branch = branchOf(params, x);
  const u1 = (branch.Q + t1) / (branch.P + t1);
  if (u1 >= uSplit(branch)) {
    const l1 = logG(branch, t1);
    const l2 = logG(branch, t2);
    return l1 > l2 ? l1 + Math.log1p(-Math.exp(l2 - l1)) : -Infinity;
  }
  return logIntegralJet(valueJet, params, x, t1, t2)[0]!;
}
