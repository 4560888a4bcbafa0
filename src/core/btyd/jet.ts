/**
 * Second-order jets in the four parameters of a model: a number together with its gradient and Hessian,
 * carried through arithmetic by the chain rule (forward-mode automatic differentiation, exact to
 * rounding). Used where a likelihood has no convenient hand-written derivative (the rare branch of the
 * Pareto/NBD integral) and to combine log-likelihood pieces: log-sum-exp and log-difference of jets
 * that hold logarithms.
 *
 * Layout: a Float64Array of JET = 21 numbers, [value, ∂₀…∂₃, H₀₀ H₀₁ … H₃₃] (row-major, symmetric).
 * Every function writes into `out` (which may be one of its inputs) and allocates nothing.
 */

/** Number of variables. */
export const N = 4;
/** Length of a jet: value, gradient, Hessian. */
export const JET = 1 + N + N * N;

/** A new jet holding the constant `v`. */
export function jet(v = 0): Float64Array {
  const j = new Float64Array(JET);
  j[0] = v;
  return j;
}

/** out = the constant v. */
export function setConst(out: Float64Array, v: number): Float64Array {
  out.fill(0);
  out[0] = v;
  return out;
}

/** out = the variable number `i` with value v (gradient the i-th unit vector). */
export function setVariable(out: Float64Array, v: number, i: number): Float64Array {
  out.fill(0);
  out[0] = v;
  out[1 + i] = 1;
  return out;
}

/** out = a + b. */
export function add(out: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  for (let k = 0; k < JET; k++) out[k] = a[k]! + b[k]!;
  return out;
}

/** out = α·a + β·b (β·b omitted when b is null), plus the constant c. */
export function combine(
  out: Float64Array,
  alpha: number,
  a: Float64Array,
  beta = 0,
  b: Float64Array | null = null,
  c = 0,
): Float64Array {
  for (let k = 0; k < JET; k++) out[k] = alpha * a[k]! + (b === null ? 0 : beta * b[k]!);
  out[0] = out[0]! + c;
  return out;
}

/** out = a·b (product rule; `out` may alias a or b). */
export function mul(out: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  const va = a[0]!;
  const vb = b[0]!;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = 1 + N + i * N + j;
      out[k] = va * b[k]! + vb * a[k]! + a[1 + i]! * b[1 + j]! + a[1 + j]! * b[1 + i]!;
    }
  }
  for (let i = 0; i < N; i++) out[1 + i] = va * b[1 + i]! + vb * a[1 + i]!;
  out[0] = va * vb;
  return out;
}

/** out = f(a) for a function of one variable with f(a), f′(a), f″(a) given (chain rule). */
export function apply1(out: Float64Array, a: Float64Array, f: number, f1: number, f2: number): Float64Array {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = 1 + N + i * N + j;
      out[k] = f1 * a[k]! + f2 * a[1 + i]! * a[1 + j]!;
    }
  }
  for (let i = 0; i < N; i++) out[1 + i] = f1 * a[1 + i]!;
  out[0] = f;
  return out;
}

/**
 * out = f(a, b) for a function of two variables with its value, first partials (fa, fb) and second
 * partials (faa, fab, fbb) given. `out` must not alias a or b.
 */
export function apply2(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  f: number,
  fa: number,
  fb: number,
  faa: number,
  fab: number,
  fbb: number,
): Float64Array {
  for (let i = 0; i < N; i++) {
    const ai = a[1 + i]!;
    const bi = b[1 + i]!;
    for (let j = 0; j < N; j++) {
      const k = 1 + N + i * N + j;
      const aj = a[1 + j]!;
      const bj = b[1 + j]!;
      out[k] = fa * a[k]! + fb * b[k]! + faa * ai * aj + fab * (ai * bj + bi * aj) + fbb * bi * bj;
    }
  }
  for (let i = 0; i < N; i++) out[1 + i] = fa * a[1 + i]! + fb * b[1 + i]!;
  out[0] = f;
  return out;
}

/** out = ln a (a > 0). */
export function log(out: Float64Array, a: Float64Array): Float64Array {
  const v = a[0]!;
  return apply1(out, a, Math.log(v), 1 / v, -1 / (v * v));
}

/** out = e^a. */
export function exp(out: Float64Array, a: Float64Array): Float64Array {
  const e = Math.exp(a[0]!);
  return apply1(out, a, e, e, e);
}

/**
 * out = ln(e^a + e^b) for jets a, b holding logarithms (either may be −∞, meaning 0): weights
 * w = e^a/(e^a + e^b); gradient w·∇a + (1 − w)·∇b; Hessian w·∇²a + (1 − w)·∇²b + w(1 − w)·vvᵀ with
 * v = ∇a − ∇b. `out` must not alias a or b. Returns w.
 */
export function logSumExp(out: Float64Array, a: Float64Array, b: Float64Array): number {
  const va = a[0]!;
  const vb = b[0]!;
  if (vb === -Infinity) {
    out.set(a);
    return 1;
  }
  if (va === -Infinity) {
    out.set(b);
    return 0;
  }
  const hi = Math.max(va, vb);
  const ea = Math.exp(va - hi);
  const eb = Math.exp(vb - hi);
  const w = ea / (ea + eb);
  const u = 1 - w;
  const ww = w * u;
  for (let i = 0; i < N; i++) {
    const vi = a[1 + i]! - b[1 + i]!;
    for (let j = 0; j < N; j++) {
      const k = 1 + N + i * N + j;
      out[k] = w * a[k]! + u * b[k]! + ww * vi * (a[1 + j]! - b[1 + j]!);
    }
  }
  for (let i = 0; i < N; i++) out[1 + i] = w * a[1 + i]! + u * b[1 + i]!;
  out[0] = hi + Math.log(ea + eb);
  return w;
}

/**
 * out = ln(e^a − e^b) for jets holding logarithms with a > b: with ρ = e^(b − a), the gradient is
 * (∇a − ρ∇b)/(1 − ρ) and the Hessian [∇²a + ∇a∇aᵀ − ρ(∇²b + ∇b∇bᵀ)]/(1 − ρ) − ggᵀ. Gives −∞ (and a
 * zero gradient) when a ≤ b. `out` must not alias a or b.
 */
export function logDiffExp(out: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  const va = a[0]!;
  const vb = b[0]!;
  if (vb === -Infinity) return out === a ? out : (out.set(a), out);
  if (!(va > vb)) {
    out.fill(0);
    out[0] = -Infinity;
    return out;
  }
  const rho = Math.exp(vb - va);
  const inv = 1 / (1 - rho);
  for (let i = 0; i < N; i++) out[1 + i] = (a[1 + i]! - rho * b[1 + i]!) * inv;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = 1 + N + i * N + j;
      const ha = a[k]! + a[1 + i]! * a[1 + j]!;
      const hb = b[k]! + b[1 + i]! * b[1 + j]!;
      out[k] = (ha - rho * hb) * inv - out[1 + i]! * out[1 + j]!;
    }
  }
  out[0] = va + Math.log1p(-rho);
  return out;
}

/**
 * out = ln Σₖ e^(termₖ) for `count` jets holding logarithms, stored one after another in `terms`: with
 * weights wₖ = e^(termₖ)/Σ, the gradient is Σ wₖ∇termₖ and the Hessian Σ wₖ(∇²termₖ + ∇termₖ∇termₖᵀ) −
 * ggᵀ. One exponential per term (pairwise {@link logSumExp} would take a logarithm per term too).
 */
export function logSumExpMany(out: Float64Array, terms: Float64Array, count: number): Float64Array {
  let hi = -Infinity;
  for (let k = 0; k < count; k++) hi = Math.max(hi, terms[k * JET]!);
  out.fill(0);
  let total = 0;
  for (let k = 0; k < count; k++) {
    const o = k * JET;
    const e = Math.exp(terms[o]! - hi);
    total += e;
    for (let i = 0; i < N; i++) {
      const gi = terms[o + 1 + i]!;
      out[1 + i] = out[1 + i]! + e * gi;
      for (let j = 0; j < N; j++) {
        const h = 1 + N + i * N + j;
        out[h] = out[h]! + e * (terms[o + h]! + gi * terms[o + 1 + j]!);
      }
    }
  }
  const inv = 1 / total;
  for (let i = 0; i < N; i++) out[1 + i] = out[1 + i]! * inv;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const h = 1 + N + i * N + j;
      out[h] = out[h]! * inv - out[1 + i]! * out[1 + j]!;
    }
  }
  out[0] = hi + Math.log(total);
  return out;
}
