/**
 * A small deterministic minimiser for the models' fits: BFGS (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed., algorithm 6.1) with a strong-Wolfe line search (algorithms 3.5 and 3.6,
 * safeguarded cubic interpolation). The fits run it on log-parameters, so every parameter stays positive
 * and no bounds are needed.
 *
 * Convergence test: the largest component of the gradient is at most `gradientTolerance` (the fits
 * minimise a *mean* negative log-likelihood per customer, so the test does not depend on how many
 * customers there are). When the line search can no longer decrease f (rounding floor) but the gradient
 * is already below `stallTolerance`, the point is accepted too; anything else is a failure the caller
 * reports — never a silent answer.
 *
 * Deterministic: no randomness, the same input always takes the same path.
 */

/** f(x), writing ∇f(x) into `gradient`. May return a non-finite value where f overflows. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimizeBfgs}. */
export interface MinimizeOptions {
  /** Converged when max |∂f/∂xᵢ| ≤ this. Default 1e-8. */
  readonly gradientTolerance?: number;
  /** Accept a point where the line search stalls if max |∂f/∂xᵢ| ≤ this. Default 1e-6. */
  readonly stallTolerance?: number;
  /** Default 200. */
  readonly maxIterations?: number;
  /** Largest change of any coordinate in one step (on log-parameters: a factor e^4 ≈ 55). Default 4. */
  readonly maxStep?: number;
  /** A coordinate beyond ±bound means the minimum lies at infinity (the fit diverges). Default 30. */
  readonly bound?: number;
}

/** Why the minimiser stopped. */
export type MinimizeStatus = "converged" | "maxIterations" | "diverged" | "lineSearchFailed";

/** Outcome of {@link minimizeBfgs}. */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly status: MinimizeStatus;
  /** BFGS iterations (accepted steps). */
  readonly iterations: number;
  /** Evaluations of f and ∇f together. */
  readonly evaluations: number;
  /** For "diverged": the coordinate that left ±bound. */
  readonly divergedIndex?: number;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db), or NaN when it does not exist. */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

/**
 * Minimises a smooth function of a few variables by BFGS. O(iterations · (cost of f + n²)).
 * @param f the objective, returning f(x) and filling ∇f(x)
 * @param x0 the starting point (not modified)
 * @returns the last point, its value and gradient, why it stopped, and the iteration counts
 * @example minimizeBfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, new Float64Array([0])) // x ≈ [3]
 */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-8;
  const stallTol = options.stallTolerance ?? 1e-6;
  const maxIter = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 4;
  const bound = options.bound ?? 30;
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x0.length;

  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  const H = new Float64Array(n * n); // inverse Hessian approximation, row-major
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);
  let freshH = true;
  let firstUpdate = true;

  const p = new Float64Array(n);
  const xt = new Float64Array(n);
  const gt = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);

  const result = (status: MinimizeStatus, iterations: number, divergedIndex?: number): MinimizeResult => ({
    x,
    value: fx,
    gradient: g,
    status,
    iterations,
    evaluations,
    ...(divergedIndex === undefined ? {} : { divergedIndex }),
  });

  if (!Number.isFinite(fx)) return result("lineSearchFailed", 0);

  for (let iter = 0; iter < maxIter; iter++) {
    if (maxAbs(g) <= gtol) return result("converged", iter);

    // search direction p = −H·g
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j]! * g[j]!;
      p[i] = v;
    }
    let d0 = dot(p, g);
    if (!(d0 < 0)) {
      resetH(1);
      freshH = true;
      for (let i = 0; i < n; i++) p[i] = -g[i]!;
      d0 = dot(p, g);
    }
    const pMax = maxAbs(p);
    const alphaMax = maxStep / pMax;
    let alpha = Math.min(1, alphaMax);

    // strong-Wolfe line search on φ(α) = f(x + α·p)
    let ft = NaN;
    let dt = NaN;
    const trial = (a: number): void => {
      for (let i = 0; i < n; i++) xt[i] = x[i]! + a * p[i]!;
      ft = f(xt, gt);
      evaluations++;
      dt = dot(gt, p);
      if (!Number.isFinite(ft) || !Number.isFinite(dt)) {
        ft = Infinity;
        dt = NaN;
      }
    };
    let found = false;
    let aPrev = 0;
    let fPrev = fx;
    let dPrev = d0;
    let lo = 0;
    let flo = 0;
    let dlo = 0;
    let hi = 0;
    let fhi = 0;
    let dhi = 0;
    let zoom = false;
    for (let ls = 0; ls < 30; ls++) {
      trial(alpha);
      if (ft > fx + c1 * alpha * d0 || (ls > 0 && ft >= fPrev)) {
        [lo, flo, dlo, hi, fhi, dhi] = [aPrev, fPrev, dPrev, alpha, ft, dt];
        zoom = true;
        break;
      }
      if (Math.abs(dt) <= -c2 * d0) {
        found = true;
        break;
      }
      if (dt >= 0) {
        [lo, flo, dlo, hi, fhi, dhi] = [alpha, ft, dt, aPrev, fPrev, dPrev];
        zoom = true;
        break;
      }
      if (alpha >= alphaMax) {
        found = true; // longest allowed step still descending: take it
        break;
      }
      aPrev = alpha;
      fPrev = ft;
      dPrev = dt;
      alpha = Math.min(2 * alpha, alphaMax);
    }
    if (zoom) {
      for (let z = 0; z < 40; z++) {
        const width = hi - lo;
        let a = Number.isFinite(fhi) && Number.isFinite(dhi) ? cubicMinimizer(lo, flo, dlo, hi, fhi, dhi) : NaN;
        const left = Math.min(lo, hi) + 0.1 * Math.abs(width);
        const right = Math.max(lo, hi) - 0.1 * Math.abs(width);
        if (!(a >= left && a <= right)) a = lo + 0.5 * width;
        trial(a);
        if (ft > fx + c1 * a * d0 || ft >= flo) {
          [hi, fhi, dhi] = [a, ft, dt];
        } else {
          if (Math.abs(dt) <= -c2 * d0) {
            found = true;
            break;
          }
          if (dt * (hi - lo) >= 0) [hi, fhi, dhi] = [lo, flo, dlo];
          [lo, flo, dlo] = [a, ft, dt];
        }
        if (Math.abs(hi - lo) * pMax < 1e-14) break;
      }
      if (!found && lo > 0 && flo < fx) {
        // no curvature point, but a decrease: accept the best point (rounding-limited region)
        trial(lo);
        found = ft < fx;
      }
    }
    if (!found) {
      if (maxAbs(g) <= stallTol) return result("converged", iter);
      if (!freshH) {
        resetH(1);
        freshH = true;
        firstUpdate = true;
        continue;
      }
      return result("lineSearchFailed", iter);
    }

    for (let i = 0; i < n; i++) {
      s[i] = xt[i]! - x[i]!;
      y[i] = gt[i]! - g[i]!;
    }
    x = Float64Array.from(xt);
    g = Float64Array.from(gt);
    fx = ft;
    for (let i = 0; i < n; i++) {
      if (Math.abs(x[i]!) > bound) return result("diverged", iter + 1, i);
    }

    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstUpdate) {
        resetH(sy / dot(y, y)); // Nocedal & Wright (6.20)
        firstUpdate = false;
      }
      // H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/sᵀy
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] =
            H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
        }
      }
      freshH = false;
    }
  }
  return maxAbs(g) <= gtol ? result("converged", maxIter) : result("maxIterations", maxIter);
}
