/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ for real a, b, c
 * (c not 0, −1, −2, …) and real z ≤ 1, and its "excess" (₂F₁ − 1)/b, which the BG/NBD family's
 * conditional expectation needs (see bgnbd.ts). Every z < 1 converges in a few dozen terms: no horizon a
 * user can type is too long.
 *
 * Method (Abramowitz & Stegun chapter 15; the near-integer case after Forrey 1997, "Computing the
 * hypergeometric function", J. Comput. Phys. 137, and Michel & Stoitsov 2008, Comput. Phys. Commun. 178):
 * - a or b a non-positive integer: the series is a polynomial, summed as it stands.
 * - |z| ≤ ½: the Maclaurin series, term ratio (a + n)(b + n)/((c + n)(n + 1))·z, stopped when a
 *   geometric bound on the remaining terms is below 1e-16 of the sum.
 * - z < −½: Pfaff's transformation (15.3.4/5) ₂F₁(a, b; c; z) = (1 − z)^(−a)·₂F₁(a, c − b; c; w),
 *   w = z/(z − 1) ∈ (⅓, 1) (or the same with a and b exchanged, whichever keeps the parameters positive).
 *   Together with what follows this covers every z < 1, so the 1/z transformation is not needed.
 * - ½ < z ≤ ¾ (and w ≤ ¾ from Pfaff): the Maclaurin series, in Euler's form when that converges faster
 *   with terms of one sign; beyond ¾ as well where the connection formula below would cancel (large
 *   parameters: y·|ab/(1 − δ)| or y·|(c − a)(c − b)/(1 + δ)| above ½).
 * - ¾ < z < 1 (and w > ¾): the z → 1 − z connection formula (15.3.6) in y = 1 − z < ¼,
 *   after Euler's transformation (15.3.3) ₂F₁(a, b; c; z) = y^δ·₂F₁(c − a, c − b; c; z) when
 *   δ = c − a − b < −½, so that m = round(δ) ≥ 0 and ε = δ − m ∈ [−½, ½]:
 *     F = Γ(c)Γ(δ)/(Γ(c−a)Γ(c−b))·Σₙ (a)ₙ(b)ₙ/((1−δ)ₙ n!)·yⁿ
 *       + y^δ·Γ(c)Γ(−δ)/(Γ(a)Γ(b))·Σₙ (c−a)ₙ(c−b)ₙ/((1+δ)ₙ n!)·yⁿ.
 *   For |ε| ≥ 0.1 the two series are summed as they stand (their 1/ε-sized parts cancel by at most a
 *   digit). For |ε| < 0.1 — including δ an integer, A&S 15.3.10–12, the logarithmic cases — the terms
 *   n ≥ m of the first series and the second series are merged term by term:
 *     F = Γ(c)Γ(δ)/(Γ(c−a)Γ(c−b))·Σ_{n<m} (a)ₙ(b)ₙ/((1−δ)ₙ n!)·yⁿ
 *       + (−1)^m·Γ(c)/(Γ(a)Γ(b))·πε/sin(πε)·y^(m+ε)·Σₖ Cₖ·yᵏ·(Wₖ − ln y)·exprel(ε·(Wₖ − ln y)),
 *   Cₖ = (a+m+ε)ₖ(b+m+ε)ₖ/(k!·Γ(m+k+1+ε)), Wₖ = D(k+1, −ε) − D(a+m+k, ε) − D(b+m+k, ε) + D(m+k+1, ε),
 *   where D(x, h) = [ln Γ(x+h) − ln Γ(x)]/h is computed without cancellation (special.ts) and
 *   exprel(u) = (eᵘ − 1)/u. Nothing here divides by ε: at ε = 0 it is A&S 15.3.11 term for term
 *   (Wₖ = ψ(k+1) + ψ(m+k+1) − ψ(a+m+k) − ψ(b+m+k)), and near 0 it loses no digits.
 * - z = 1: Gauss's sum Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) when c − a − b > 0.
 *
 * {@link hyp2f1Function} returns ₂F₁(a, b; c; ·) with the connection coefficients computed once (and its
 * series' coefficients kept from the second use), for callers evaluating many z (CLV's month ends). The
 * tests compare with mpmath's hyp2f1 at 40 digits over a grid of 3,900 points that includes z from −1e6 to
 * within 1e-9 of 1 and integer and near-integer c − a − b (test/fixtures/models/hyp2f1_grid.py), to 1e-12.
 */
import { numError } from "../errors";
import { exprel, gammaRatio, logGamma, logGammaDifferenceQuotient } from "./special";

const EPS = 1e-16;
const MAX_TERMS = 200_000;
/** Below this |ε| the connection formula is summed in its merged, cancellation-free form. */
const MERGE_BELOW = 0.1;

/**
 * Σ_{n ≥ n0} tₙ with t_{n0} = `first` and tₙ₊₁/tₙ = (a + n)(b + n)/((c + n)(n + 1))·z. Stops when the
 * remaining terms are below 1e-16 of the sum: once a + m, b + m and c + m are positive for all later m,
 * each later ratio is at most |z|·max(1, (a + m)/(c + m))·max(1, (b + m)/(m + 1)) at the next m (both
 * fractions are monotone in m and tend to 1), so the tail is bounded by a geometric series.
 */
function series(first: number, n0: number, a: number, b: number, c: number, z: number): number {
  let term = first;
  let sum = first;
  if (term === 0) return sum;
  const settled = Math.max(-a, -b, -c, 0);
  const az = Math.abs(z);
  for (let n = n0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    // the bound (two divisions) only once the terms are small
    if (n >= settled && Math.abs(term) <= 1e-13 * Math.abs(sum)) {
      const m = n + 1;
      const f1 = (a + m) / (c + m);
      const f2 = (b + m) / (m + 1);
      const rmax = az * (f1 > 1 ? f1 : 1) * (f2 > 1 ? f2 : 1);
      if (rmax < 1 && Math.abs(term) * rmax <= EPS * Math.abs(sum) * (1 - rmax)) return sum;
    }
  }
  throw numError("btyd.hypergeometric", { a, b, c, z });
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

function checkArguments(c: number, z: number): void {
  if (!(z <= 1)) throw numError("btyd.hypergeometricZ", { z });
  if (isNonPositiveInteger(c)) throw numError("btyd.hypergeometricC", { c });
}

/** ln(1 + h/x)/h, with its limit 1/x at h = 0. */
function logStep(x: number, h: number): number {
  const q = h / x;
  return q === 0 ? 1 / x : Math.log1p(q) / h;
}

/** True when a pole of Γ (0, −1, −2, …) lies strictly between x and x + h. */
function crossesPole(x: number, h: number): boolean {
  const lo = Math.min(x, x + h);
  const hi = Math.max(x, x + h);
  return lo < 0 && Math.ceil(lo) < hi && Math.ceil(lo) <= 0;
}

/**
 * The series of {@link series} for fixed (a, b, c) and many z: its coefficients (without the powers of
 * z) and the factors of its tail bound are computed once and extended on demand, so that each further
 * z costs one multiply-add per term.
 */
class CachedSeries {
  private readonly coefficients: number[];
  private readonly bounds: number[] = []; // per n: max(1, (a+n+1)/(c+n+1))·max(1, (b+n+1)/(n+2)), or ∞
  private readonly settled: number;

  constructor(
    first: number,
    private readonly n0: number,
    private readonly a: number,
    private readonly b: number,
    private readonly c: number,
  ) {
    this.coefficients = [first];
    this.settled = Math.max(-a, -b, -c, 0);
  }

  private grow(): void {
    const { a, b, c, n0, coefficients, bounds } = this;
    const start = coefficients.length;
    for (let j = start; j < start + 16; j++) {
      const n = n0 + j - 1; // coefficient j follows coefficient j − 1, whose index is n
      coefficients.push((coefficients[j - 1]! * (a + n) * (b + n)) / ((c + n) * (n + 1)));
    }
    for (let j = bounds.length; j < coefficients.length; j++) {
      const n = n0 + j;
      if (n < this.settled) {
        bounds.push(Infinity);
      } else {
        const f1 = (a + n + 1) / (c + n + 1);
        const f2 = (b + n + 1) / (n + 2);
        bounds.push((f1 > 1 ? f1 : 1) * (f2 > 1 ? f2 : 1));
      }
    }
  }

  /** Σ_{n ≥ n0} coefficientₙ·zⁿ, to 1e-16 of the sum (tail bounded as in {@link series}). */
  sum(z: number): number {
    const az = Math.abs(z);
    let power = this.n0 === 0 ? 1 : Math.pow(z, this.n0);
    let sum = 0;
    for (let j = 0; j < MAX_TERMS; j++) {
      if (j >= this.coefficients.length) this.grow();
      const term = this.coefficients[j]! * power;
      sum += term;
      if (term === 0) return sum;
      if (Math.abs(term) <= 1e-13 * Math.abs(sum)) {
        const rmax = az * this.bounds[j]!;
        if (rmax < 1 && Math.abs(term) * rmax <= EPS * Math.abs(sum) * (1 - rmax)) return sum;
      }
      power *= z;
    }
    throw numError("btyd.hypergeometric", { a: this.a, b: this.b, c: this.c, z });
  }
}

/**
 * ₂F₁(a, b; c; 1 − y) for 0 < y ≤ ½ by the connection formula (module comment), for one (a, b, c):
 * the Γ coefficients, and in the merged form the Cₖ and Wₖ (which do not depend on y), are computed once
 * and reused for every y. Also the excess (₂F₁ − 1)/a with respect to the first parameter, without
 * subtracting 1 (for BG/NBD's a → 1).
 */
class NearOne {
  private readonly euler: boolean;
  private readonly delta: number; // c − a − b of the original parameters
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly d: number; // δ of (a, b, c) after Euler: ≥ −½
  private readonly m: number;
  private readonly eps: number;
  private readonly terminating: boolean;
  private readonly degenerate: boolean; // b, or a ≠ 0, a non-positive integer: no connection formula
  private readonly merged: boolean;
  private ready = false; // head, tail and tailCore computed
  private head = 0; // Γ(c)Γ(δ)/(Γ(c−a)Γ(c−b))
  private tail = 0; // plain: Γ(c)Γ(−δ)/(Γ(a)Γ(b)); merged: (−1)^m Γ(c)/(Γ(a)Γ(b))·πε/sin(πε)
  private tailCore = 0; // the same without 1/Γ(a)
  private readonly coefficients: number[] = []; // merged: Cₖ
  private readonly weights: number[] = []; // merged: Wₖ
  private headExcess: number | undefined; // (head coefficient − 1)/a, for excess()
  private tailOverA = 0; // the tail coefficient over a, for excess()
  private excessApplies: boolean | undefined;
  private uses = 0; // evaluations so far: the series are cached from the second on
  private first: CachedSeries | undefined; // Σ (a)ₙ(b)ₙ/((1−δ)ₙ n!)·yⁿ
  private firstExcess: CachedSeries | undefined; // its excess with respect to a
  private second: CachedSeries | undefined; // Σ (c−a)ₙ(c−b)ₙ/((1+δ)ₙ n!)·yⁿ

  constructor(a: number, b: number, c: number) {
    this.delta = c - a - b;
    this.euler = Math.round(this.delta) < 0;
    this.a = this.euler ? c - a : a;
    this.b = this.euler ? c - b : b;
    this.c = c;
    this.d = c - this.a - this.b;
    this.terminating = isNonPositiveInteger(this.a) || isNonPositiveInteger(this.b);
    this.m = Math.round(this.d);
    this.eps = this.d - this.m;
    const A = this.a;
    const B = this.b;
    // a = 0 (F = 1) keeps its coefficients for the excess with respect to a
    this.degenerate = isNonPositiveInteger(B) || (isNonPositiveInteger(A) && A !== 0);
    this.merged =
      Math.abs(this.eps) < MERGE_BELOW &&
      (A === 0 || (!crossesPole(A + this.m, this.eps) && !crossesPole(B + this.m, this.eps)));
  }

  /** The Γ coefficients (and the merged form's first Cₖ, Wₖ), computed on first use. */
  private prepare(): void {
    if (this.ready) return;
    this.ready = true;
    if (this.degenerate) return;
    const { c, m, eps } = this;
    const A = this.a;
    const B = this.b;
    if (this.merged) {
      this.head = m > 0 ? gammaRatio([c, this.d], [c - A, c - B]) : 0;
      const sine = eps === 0 ? 1 : (Math.PI * eps) / Math.sin(Math.PI * eps);
      this.tailCore = (m % 2 === 0 ? 1 : -1) * gammaRatio([c], [B]) * sine;
      this.coefficients.push(Math.exp(-logGamma(m + 1 + eps)));
      this.weights.push(
        logGammaDifferenceQuotient(1, -eps) -
          logGammaDifferenceQuotient(A + m, eps) -
          logGammaDifferenceQuotient(B + m, eps) +
          logGammaDifferenceQuotient(m + 1, eps),
      );
    } else {
      this.head = gammaRatio([c, this.d], [c - A, c - B]);
      this.tailCore = gammaRatio([c, -this.d], [B]);
    }
    this.tail = this.tailCore * gammaRatio([], [A]);
  }

  /** Σ of a series at y: plain the first time, cached (coefficients kept) from the second. */
  private sum(
    cached: CachedSeries | undefined,
    make: () => CachedSeries,
    first: number,
    n0: number,
    a: number,
    b: number,
    c: number,
    y: number,
  ): number {
    if (cached !== undefined) return cached.sum(y);
    if (this.uses < 2) return series(first * (n0 === 0 ? 1 : y), n0, a, b, c, y);
    return make().sum(y);
  }

  /**
   * A rough size of the terms the formula cancels, relative to 1: where y·|ab/(1 − δ)| or
   * y·|(c − a)(c − b)/(1 + δ)| exceeds ½ the two series grow before they shrink, and the Maclaurin series
   * (all terms of one sign) is the safer way.
   */
  risk(y: number): number {
    const { a, b, c, d } = this;
    return y * Math.max(Math.abs((a * b) / (1 - d)), Math.abs(((c - a) * (c - b)) / (1 + d)));
  }

  /** Extends Cₖ and Wₖ to index k (by their recurrences). */
  private grow(k: number): void {
    const { m, eps } = this;
    const A = this.a + m;
    const B = this.b + m;
    for (let j = this.coefficients.length - 1; j < k; j++) {
      this.coefficients.push((this.coefficients[j]! * (A + eps + j) * (B + eps + j)) / ((j + 1) * (m + j + 1 + eps)));
      this.weights.push(
        this.weights[j]! + logStep(j + 1, -eps) - logStep(A + j, eps) - logStep(B + j, eps) + logStep(m + j + 1, eps),
      );
    }
  }

  /** Σₖ Cₖ·yᵏ·(Wₖ − ln y)·exprel(ε·(Wₖ − ln y)), the merged tail without its factor. */
  private mergedSum(y: number): number {
    const { a, b, m, eps } = this;
    const ly = Math.log(y);
    let sum = 0;
    let power = 1;
    // the Cₖ ratio is bounded as in series(); Wₖ moves by O(1/k), allowed for by (1 + 2/(k + 1))
    const A = a + m + eps;
    const B = b + m + eps;
    const settled = Math.max(-A, -B, 0);
    for (let k = 0; k < MAX_TERMS; k++) {
      if (k >= this.coefficients.length) this.grow(k + 16);
      const w = this.weights[k]! - ly;
      const term = power * this.coefficients[k]! * w * exprel(eps * w);
      sum += term;
      if (k >= settled && k >= 2 && Math.abs(term) <= 1e-13 * Math.abs(sum)) {
        if (term === 0 || power === 0) return sum;
        const f1 = (A + k + 1) / (m + k + 2 + eps);
        const f2 = (B + k + 1) / (k + 2);
        const rmax = y * (f1 > 1 ? f1 : 1) * (f2 > 1 ? f2 : 1) * (1 + 2 / (k + 1));
        if (rmax < 1 && Math.abs(term) * rmax <= EPS * Math.abs(sum) * (1 - rmax)) return sum;
      }
      power *= y;
    }
    throw numError("btyd.hypergeometricNearOne", { y });
  }

  /** Σ_{n0 ≤ n < m} of the head's terms (a)ₙ(b)ₙ/((1−δ)ₙ n!)·yⁿ, from its n0-th term `first`. */
  private headSum(first: number, n0: number, y: number): number {
    const { a, b, d, m } = this;
    let term = first;
    let sum = 0;
    for (let n = n0; n < m; n++) {
      sum += term;
      term *= ((a + n) * (b + n) * y) / ((1 - d + n) * (n + 1));
    }
    return sum;
  }

  /**
   * The second series of the unmerged connection formula, Σ (c−a)ₙ(c−b)ₙ/((1+δ)ₙ n!)·yⁿ (its factor y^δ is
   * the caller's), cached like the first.
   */
  private secondSum(y: number): number {
    const { a, b, c, d } = this;
    const make = (): CachedSeries => (this.second = new CachedSeries(1, 0, c - a, c - b, 1 + d));
    return this.sum(this.second, make, 1, 0, c - a, c - b, 1 + d, y);
  }

  /** ₂F₁(a, b; c; 1 − y) for 0 < y ≤ ½. */
  value(y: number): number {
    const factor = this.euler ? Math.pow(y, this.delta) : 1;
    const { a, b, c, d, m, eps } = this;
    if (this.terminating) return factor * series(1, 0, a, b, c, 1 - y);
    this.prepare();
    this.uses++;
    if (!this.merged) {
      const first =
        this.head === 0
          ? 0
          : this.head *
            this.sum(this.first, () => (this.first = new CachedSeries(1, 0, a, b, 1 - d)), 1, 0, a, b, 1 - d, y);
      const second = this.tail === 0 ? 0 : this.tail * Math.pow(y, d) * this.secondSum(y);
      return factor * (first + second);
    }
    const head = m > 0 ? this.head * this.headSum(1, 0, y) : 0;
    if (this.tail === 0) return factor * head;
    return factor * (head + this.tail * Math.pow(y, m + eps) * this.mergedSum(y));
  }

  /**
   * (₂F₁(a, b; c; 1 − y) − 1)/a for 0 < y ≤ ½ without subtracting 1, or NaN where this form does not
   * apply (after Euler, or merged with m = 0, where ₂F₁ − 1 is not O(a) term by term). Each part is:
   * (Γ(c)Γ(δ)/(Γ(c−a)Γ(c−b)) − 1)/a = [D(c − a, a) − D(δ, a)]·exprel(a·[D(c − a, a) − D(δ, a)]),
   * the series' own excess, and the second part with 1/(a·Γ(a)) = 1/Γ(a + 1).
   */
  excess(y: number): number {
    const { a, b, c, d, m } = this;
    this.prepare();
    this.uses++;
    this.excessApplies ??=
      !this.euler &&
      this.tailCore !== 0 &&
      !(this.merged && m === 0) &&
      !crossesPole(c - a, a) &&
      !crossesPole(d, a) &&
      c - a !== 0 &&
      d !== 0;
    if (!this.excessApplies) return NaN;
    if (this.headExcess === undefined) {
      const lg = logGammaDifferenceQuotient(c - a, a) - logGammaDifferenceQuotient(d, a);
      this.headExcess = lg * exprel(a * lg); // (head coefficient − 1)/a
      this.tailOverA = this.tailCore * gammaRatio([], [a + 1]);
    }
    const { headExcess, tailOverA } = this;
    if (!this.merged) {
      // the first series is 1 + a·(its excess), summed once
      const s1Excess = this.sum(
        this.firstExcess,
        () => (this.firstExcess = new CachedSeries(b / (1 - d), 1, b, a, 1 - d)),
        b / (1 - d),
        1,
        b,
        a,
        1 - d,
        y,
      );
      const second = tailOverA * Math.pow(y, d) * this.secondSum(y);
      return headExcess * (1 + a * s1Excess) + s1Excess + second;
    }
    // head: n = 0 term gives (coefficient − 1)/a; n ≥ 1 terms carry (a)ₙ = a·(a + 1)ₙ₋₁
    const rest = m > 1 ? this.headSum((b * y) / (1 - d), 1, y) : 0;
    return headExcess + this.head * rest + tailOverA * Math.pow(y, m + this.eps) * this.mergedSum(y);
  }
}

/** Gauss's sum ₂F₁(a, b; c; 1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)), defined when c − a − b > 0. */
function gaussSum(a: number, b: number, c: number): number {
  if (!(c - a - b > 0)) throw numError("btyd.hypergeometricDiverges", { a, b, c, excess: c - a - b });
  return gammaRatio([c, c - a - b], [c - a, c - b]);
}

/** Beyond this z (or w after Pfaff) the connection formula is used, unless {@link NearOne.risk} says no. */
const SERIES_UP_TO = 0.75;
/** Risk above which a Maclaurin series of one sign is preferred to the connection formula. */
const RISKY = 0.5;

/**
 * ₂F₁(a, b; c; z) for ½ < z < 1 by the Maclaurin series, in Euler's form y^δ·₂F₁(c − a, c − b; c; z)
 * when δ < 0 and its terms are all positive (it then converges like n^(δ−1)·zⁿ instead of n^(−δ−1)·zⁿ),
 * or null when neither form has terms of one sign.
 */
function positiveSeries(a: number, b: number, c: number, z: number, y: number): number | null {
  const delta = c - a - b;
  if (c > 0 && c - a > 0 && c - b > 0 && (delta < 0 || !(a > 0 && b > 0))) {
    return Math.pow(y, delta) * series(1, 0, c - a, c - b, c, z);
  }
  return a > 0 && b > 0 && c > 0 ? series(1, 0, a, b, c, z) : null;
}

/**
 * ₂F₁(a, b; c; z) for ½ < z < 1, y = 1 − z (passed separately: after Pfaff it is 1/(1 − z) exactly), by
 * the series up to 0.75 and the connection formula beyond.
 */
function nearOneValue(near: NearOne, a: number, b: number, c: number, z: number, y: number): number {
  if (z <= SERIES_UP_TO) return positiveSeries(a, b, c, z, y) ?? series(1, 0, a, b, c, z);
  if (near.risk(y) > RISKY && y > 1e-4) {
    const v = positiveSeries(a, b, c, z, y);
    if (v !== null) return v;
  }
  return near.value(y);
}

/**
 * ₂F₁(a, b; c; ·) as a function of z ≤ 1 for fixed real a, b, c (method in the module comment). The
 * connection coefficients are computed on first use and kept, so evaluating many z costs one series each.
 * @throws CrmError `#NUM!` for c a non-positive integer (at once), and from the returned function for
 * z > 1, or z = 1 with c − a − b ≤ 0 (the series diverges there).
 * @example hyp2f1Function(1, 1, 2)(-1) // ln 2
 */
export function hyp2f1Function(a: number, b: number, c: number): (z: number) => number {
  checkArguments(c, 0);
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    return (z) => {
      checkArguments(c, z);
      return series(1, 0, a, b, c, z);
    };
  }
  // Pfaff: (1 − z)^(−p)·₂F₁(p, c − q; c; w) with (p, q) = (a, b), or (b, a) when that keeps both positive
  const swap = !(a > 0 && c - b > 0) && b > 0 && c - a > 0;
  const p = swap ? b : a;
  const q = swap ? a : b;
  let direct: NearOne | undefined;
  let pfaff: NearOne | undefined;
  return (z) => {
    checkArguments(c, z);
    if (z === 1) return gaussSum(a, b, c);
    if (z >= -0.5 && z <= 0.5) return series(1, 0, a, b, c, z);
    if (z > 0.5) return nearOneValue((direct ??= new NearOne(a, b, c)), a, b, c, z, 1 - z);
    const w = z / (z - 1);
    const scale = Math.pow(1 - z, -p);
    if (w <= 0.5) return scale * series(1, 0, p, c - q, c, w);
    return scale * nearOneValue((pfaff ??= new NearOne(p, c - q, c)), p, c - q, c, w, 1 / (1 - z));
  };
}

/**
 * Gaussian hypergeometric function ₂F₁(a, b; c; z) for real parameters and z ≤ 1 (method above).
 * O(terms): a few dozen for any z.
 * @throws CrmError `#NUM!` for z > 1, z = 1 with c − a − b ≤ 0, or c a non-positive integer.
 * @example hyp2f1(1, 1, 2, -1) // ln 2 ≈ 0.6931471805599453 (₂F₁(1, 1; 2; −z) = ln(1 + z)/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  checkArguments(c, z);
  return hyp2f1Function(a, b, c)(z);
}

/** Nodes of the interpolation in b, the last resort for |b| < SMALL_B (see {@link hyp2f1Excess}). */
const SMALL_B = 1e-3;
const B_NODES = [-3, -2, -1, 1, 2, 3].map((k) => k * SMALL_B);

/**
 * (₂F₁(b, a; c; w) − 1)/b for ½ < w < 1 (the excess with respect to the first parameter b): the series
 * up to 0.75 or where the connection formula would cancel, else the connection formula's own excess, else
 * the series up to w = 0.999; NaN where none applies.
 */
function excessNearOne(near: NearOne, b: number, a: number, c: number, w: number, y: number): number {
  if (w <= SERIES_UP_TO || (near.risk(y) > RISKY && y > 1e-4 && a > 0 && c > 0)) {
    return series((a / c) * w, 1, a, b, c, w);
  }
  const v = near.excess(y);
  // where the split does not apply, the series while it takes at most a few thousand terms
  return Number.isNaN(v) && y >= 1e-3 ? series((a / c) * w, 1, a, b, c, w) : v;
}

/**
 * The excess (₂F₁(a, b; c; z) − 1)/b as a function of z for fixed a, b, c (see {@link hyp2f1Excess}),
 * with the connection coefficients kept between calls.
 * @throws CrmError as {@link hyp2f1Function}.
 * @example hyp2f1ExcessFunction(1, 0, 2)(-1) // 1 − 2·ln 2
 */
export function hyp2f1ExcessFunction(a: number, b: number, c: number): (z: number) => number {
  checkArguments(c, 0);
  let direct: NearOne | undefined;
  let pfaff: NearOne | undefined;
  let whole: ((z: number) => number) | undefined;
  let nodes: ((z: number) => number)[] | undefined;
  const fallback = (z: number): number => {
    if (Math.abs(b) >= SMALL_B) return ((whole ??= hyp2f1Function(a, b, c))(z) - 1) / b;
    // (F − 1)/b is analytic in b: the degree-5 polynomial through b = ±1e-3, ±2e-3, ±3e-3
    nodes ??= B_NODES.map((bj) => hyp2f1Function(a, bj, c));
    let result = 0;
    for (let i = 0; i < B_NODES.length; i++) {
      let weight = 1;
      for (let j = 0; j < B_NODES.length; j++) {
        if (j !== i) weight *= (b - B_NODES[j]!) / (B_NODES[i]! - B_NODES[j]!);
      }
      result += (weight * (nodes[i]!(z) - 1)) / B_NODES[i]!;
    }
    return result;
  };
  return (z) => {
    checkArguments(c, z);
    if (z >= -0.5 && z <= 0.5) return series((a / c) * z, 1, a, b, c, z);
    if (z === 1) return fallback(z);
    if (z > 0.5) {
      const v = excessNearOne((direct ??= new NearOne(b, a, c)), b, a, c, z, 1 - z);
      return Number.isNaN(v) ? fallback(z) : v;
    }
    // Pfaff keeping b: excess = [(1 − w)^b − 1]/b + (1 − w)^b·(₂F₁(b, c − a; c; w) − 1)/b
    const w = z / (z - 1);
    const y = 1 / (1 - z);
    const inner = excessNearOne((pfaff ??= new NearOne(b, c - a, c)), b, c - a, c, w, y);
    if (Number.isNaN(inner)) return fallback(z);
    // [(1 − w)^b − 1]/b and (1 − w)^b = y^b from one expm1 of b·ln y, ln y = −ln(1 − z)
    const ly = -Math.log1p(-z);
    const e = Math.expm1(b * ly);
    return (e === 0 ? ly : (ly * e) / (b * ly)) + (1 + e) * inner;
  };
}

/**
 * The excess (₂F₁(a, b; c; z) − 1)/b = Σ_{n≥1} (a)ₙ(b + 1)ₙ₋₁/((c)ₙ n!) zⁿ, computed without the
 * cancellation of subtracting 1 and finite at b = 0 (where it is Σ_{n≥1} (a)ₙ(n − 1)!/((c)ₙ n!) zⁿ).
 * - |z| ≤ ½: the series above.
 * - −1 ≤ z < −½: Pfaff's transformation with w = z/(z − 1) ≤ ½:
 *   excess = [(1 − w)^b − 1]/b + (1 − w)^b·excess(c − a, b; c; w).
 * - z < −1 (the long horizons; w > ½) and z > ½: the same, or directly, with the inner ₂F₁ − 1 from the
 *   connection formula split into parts that are each O(b) (NearOne.excess), so that b → 0 loses nothing.
 * - where that split does not apply (c − a − b after Pfaff within 0.1 of 0 or below −½): (₂F₁ − 1)/b,
 *   and for |b| < 1e-3 the degree-5 polynomial in b through ±1e-3, ±2e-3, ±3e-3 (≈ 1e-10 relative).
 * O(terms).
 * @throws CrmError as {@link hyp2f1}.
 * @example hyp2f1Excess(1, 0, 2, -1) // Σ (−1)ⁿ/(n(n + 1)) = 1 − 2·ln 2 ≈ −0.3862943611198906
 */
export function hyp2f1Excess(a: number, b: number, c: number, z: number): number {
  checkArguments(c, z);
  return hyp2f1ExcessFunction(a, b, c)(z);
}
