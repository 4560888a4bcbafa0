/**
 * The deterministic minimiser behind the model fits: Newton's method with exact (analytic) second
 * derivatives, made robust by a Levenberg–Marquardt shift and a backtracking line search (Nocedal &
 * Wright, "Numerical Optimization", 2nd ed., §3.4 "Newton's method with Hessian modification" and
 * algorithm 3.1). The fits run it on log-parameters, so every parameter stays positive without bounds.
 *
 * Each iteration: if H is not positive definite (its Cholesky factorisation fails), use H + μI with μ
 * raised tenfold until it is; cap the step so no coordinate moves by more than `maxStep` (a factor e⁴ on
 * a log-parameter); backtrack (halving, or the safeguarded quadratic interpolation of N&W (3.57)) until
 * the Armijo condition f(x + αp) ≤ f(x) + 10⁻⁴·α·∇fᵀp holds. If it cannot, raise μ (a shorter step,
 * turning towards steepest descent) and try again; after a success μ falls back towards 0, where the
 * iteration is plain Newton and converges quadratically.
 *
 * Convergence test: max |∂f/∂xᵢ| ≤ `gradientTolerance` (1e-8 by default; the fits minimise a *mean*
 * negative log-likelihood per customer, so the test does not depend on the number of customers), the
 * Hessian is positive definite, and the full Newton step −H⁻¹∇f — the predicted distance to the minimum —
 * is at most `stepTolerance` (1e-6; on log-parameters, a relative change of 1e-6) in every coordinate.
 * The step test matters: where a parameter runs off to infinity the gradient fades while the Newton step
 * does not (f = e^(−x): ∇f → 0, step = 1), and that is a divergence, not a minimum. When no step can
 * decrease f any more (the rounding floor) while the gradient is below `stallTolerance` and the Newton
 * step below 1e-4, the point is accepted too. Anything else — a coordinate beyond ±`bound` (the optimum
 * lies at 0 or ∞ of a parameter), too many iterations — is returned as a failure for the caller to
 * report, never as a result.
 *
 * Deterministic: no randomness; the same input always takes the same path. On CDNOW's BG/NBD it takes
 * 6 iterations (8 evaluations) where SciPy's BFGS takes 27.
 */

/** f(x), writing ∇f(x) into `gradient` and the Hessian ∇²f(x) (n×n, row-major) into `hessian`. */
export type Objective = (x: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;

/** Options of {@link minimizeNewton}. */
export interface MinimizeOptions {
  /** Converged when max |∂f/∂xᵢ| ≤ this. Default 1e-8. */
  readonly gradientTolerance?: number;
  /** Converged only when the Newton step is at most this in every coordinate. Default 1e-6. */
  readonly stepTolerance?: number;
  /** Accept a point where no step decreases f if max |∂f/∂xᵢ| ≤ this. Default 1e-6. */
  readonly stallTolerance?: number;
  /** Default 100. */
  readonly maxIterations?: number;
  /** Largest change of any coordinate in one step. Default 4. */
  readonly maxStep?: number;
  /** A coordinate beyond ±bound means the minimum lies at infinity (the fit diverges). Default 30. */
  readonly bound?: number;
}

/** Why the minimiser stopped. */
export type MinimizeStatus = "converged" | "maxIterations" | "diverged" | "lineSearchFailed";

/** Outcome of {@link minimizeNewton}. */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly status: MinimizeStatus;
  /** Accepted steps. */
  readonly iterations: number;
  /** Evaluations of f (each with its gradient and Hessian). */
  readonly evaluations: number;
  /** For "diverged": the coordinate that left ±bound. */
  readonly divergedIndex?: number;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

/**
 * Solves (H + μI)·p = −g by Cholesky factorisation; returns false when H + μI is not positive definite.
 * `L` is scratch space of n·n.
 */
function solveShifted(H: Float64Array, mu: number, g: Float64Array, p: Float64Array, L: Float64Array): boolean {
  const n = g.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * n + j]! + (i === j ? mu : 0);
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return false;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j]!;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    let s = -g[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * p[k]!;
    p[i] = s / L[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = p[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * p[k]!;
    p[i] = s / L[i * n + i]!;
  }
  return true;
}

/**
 * Minimises a smooth function of a few variables by damped Newton (method above).
 * O(iterations · (cost of f + n³)). Numeric kernel kept in one piece (about 85 lines): the step, its damping,
 * the trust test and the stopping rules read each other's state in every iteration.
 * @param f the objective, returning f(x) and filling its gradient and Hessian
 * @param x0 the starting point (not modified)
 * @returns the last point, its value and gradient, why it stopped, and the iteration counts
 * @example minimizeNewton((x, g, h) => { g[0] = 2 * (x[0]! - 3); h[0] = 2; return (x[0]! - 3) ** 2; }, [0]).x // [3]
 */
export function minimizeNewton(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-8;
  const stepTol = options.stepTolerance ?? 1e-6;
  const stallTol = options.stallTolerance ?? 1e-6;
  const maxIter = options.maxIterations ?? 100;
  const maxStep = options.maxStep ?? 4;
  const bound = options.bound ?? 30;
  const c1 = 1e-4;
  const n = x0.length;

  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let H = new Float64Array(n * n);
  let fx = f(x, g, H);
  let evaluations = 1;
  let xt = new Float64Array(n);
  let gt = new Float64Array(n);
  let Ht = new Float64Array(n * n);
  const p = new Float64Array(n);
  const L = new Float64Array(n * n);
  let mu = 0;
  let iterations = 0;

  const result = (status: MinimizeStatus, divergedIndex?: number): MinimizeResult => ({
    x,
    value: fx,
    gradient: g,
    status,
    iterations,
    evaluations,
    ...(divergedIndex === undefined ? {} : { divergedIndex }),
  });
  if (!Number.isFinite(fx) || !Number.isFinite(maxAbs(g))) return result("lineSearchFailed");

  /** The convergence test (module comment): small gradient, positive definite H, small Newton step. */
  const atMinimum = (gmax: number, stepLimit: number): boolean =>
    gmax <= (stepLimit === stepTol ? gtol : stallTol) && solveShifted(H, 0, g, p, L) && maxAbs(p) <= stepLimit;

  let attempts = 0;
  while (iterations < maxIter) {
    if (atMinimum(maxAbs(g), stepTol)) return result("converged");
    if (++attempts > 4 * maxIter) break;
    let scale = 1;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]!));
    while (!solveShifted(H, mu, g, p, L)) {
      mu = mu === 0 ? 1e-3 * scale : mu * 10;
      if (!(mu < 1e12 * scale)) return result("lineSearchFailed");
    }
    const pMax = maxAbs(p);
    if (pMax > maxStep) for (let i = 0; i < n; i++) p[i] = (p[i]! * maxStep) / pMax;
    let d0 = 0;
    for (let i = 0; i < n; i++) d0 += g[i]! * p[i]!;

    let step = 1;
    let accepted = false;
    for (let ls = 0; ls < 40 && step * maxAbs(p) > 1e-15; ls++) {
      for (let i = 0; i < n; i++) xt[i] = x[i]! + step * p[i]!;
      const ft = f(xt, gt, Ht);
      evaluations++;
      if (Number.isFinite(ft) && ft <= fx + c1 * step * d0 && Number.isFinite(maxAbs(gt))) {
        accepted = true;
        [x, xt] = [xt, x];
        [g, gt] = [gt, g];
        [H, Ht] = [Ht, H];
        fx = ft;
        break;
      }
      // safeguarded quadratic interpolation of φ(α) = f(x + αp) from φ(0), φ′(0) and φ(step)
      const q = Number.isFinite(ft) ? (-d0 * step * step) / (2 * (ft - fx - d0 * step)) : 0;
      step = Math.min(0.5 * step, Math.max(0.1 * step, q));
    }
    if (!accepted) {
      if (atMinimum(maxAbs(g), 1e-4)) return result("converged");
      mu = mu === 0 ? 1e-3 * scale : mu * 10;
      if (!(mu < 1e12 * scale)) return result("lineSearchFailed");
      continue;
    }
    iterations++;
    for (let i = 0; i < n; i++) {
      if (Math.abs(x[i]!) > bound) return result("diverged", i);
    }
    mu = mu < 1e-9 * scale ? 0 : mu / 10;
  }
  return atMinimum(maxAbs(g), stepTol) ? result("converged") : result("maxIterations");
}
