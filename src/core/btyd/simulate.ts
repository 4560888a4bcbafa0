/**
 * Synthetic data for tests and benchmarks, from a seeded generator (randomness is always passed in):
 * customers drawn from the BG/NBD process itself, and transaction logs.
 */
import type { BgnbdParams } from "./bgnbd";

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger, public domain): a small, fast 32-bit generator; the same seed gives the
 * same sequence everywhere.
 * @example const rng = mulberry32(42); rng() // a number in [0, 1), always the same one for seed 42
 */
export function mulberry32(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
export function gammaVariate(shape: number, rng: Random): number {
  if (shape < 1) return gammaVariate(shape + 1, rng) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Customer summaries drawn from a BG/NBD model. */
export interface SimulatedCustomers {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
}

/**
 * Draws customers from the BG/NBD process: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases at Poisson rate λ
 * from the first one at time 0; after each repeat purchase the customer drops out with probability p.
 * Ages T are drawn uniformly from [minT, maxT]. With `unit` > 0 times are rounded down to multiples of it
 * (e.g. 1/7 for days counted in weeks), as summaries of a daily log are. O(customers · purchases).
 */
export function simulateBgnbd(
  params: BgnbdParams,
  customers: number,
  rng: Random,
  options: { minT?: number; maxT?: number; unit?: number } = {},
): SimulatedCustomers {
  const { r, alpha, a, b } = params;
  const minT = options.minT ?? 26;
  const maxT = options.maxT ?? 39;
  const unit = options.unit ?? 0;
  const snap = (t: number): number => (unit > 0 ? Math.floor(t / unit) * unit : t);
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const age = snap(minT + (maxT - minT) * rng());
    const lambda = gammaVariate(r, rng) / alpha;
    const ga = gammaVariate(a, rng);
    const p = ga / (ga + gammaVariate(b, rng));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - rng()) / lambda;
      if (t > age) break;
      x++;
      last = t;
      if (rng() < p) break;
    }
    const tx = snap(last);
    frequency[i] = x;
    recency[i] = x > 0 && tx === 0 ? unit || last : tx; // a repeat purchase falls after the first day
    T[i] = age;
  }
  return { frequency, recency, T };
}

/**
 * A random transaction log for benchmarks: `transactions` rows over `customers` numeric ids, dates
 * (Excel serials) within `days` days from `start`, amounts in [5, 105). Rows are in random order.
 */
export function simulateTransactions(
  transactions: number,
  customers: number,
  rng: Random,
  options: { start?: number; days?: number } = {},
): { ids: Float64Array; dates: Float64Array; amounts: Float64Array } {
  const start = options.start ?? 45292; // 2024-01-01
  const days = options.days ?? 730;
  const ids = new Float64Array(transactions);
  const dates = new Float64Array(transactions);
  const amounts = new Float64Array(transactions);
  for (let i = 0; i < transactions; i++) {
    ids[i] = 1 + Math.floor(rng() * customers);
    dates[i] = start + Math.floor(rng() * days) + Math.floor(rng() * 24) / 24;
    amounts[i] = Math.round((5 + 100 * rng()) * 100) / 100;
  }
  return { ids, dates, amounts };
}

/**
 * Mean spend per repeat purchase drawn from a Gamma-Gamma model for customers with the given frequencies:
 * ν ~ Gamma(q, γ) per customer, the sum of x transaction values ~ Gamma(p·x, ν); rounded to cents.
 * Customers with x = 0 get 0. O(customers).
 */
export function simulateGammaGamma(
  params: { p: number; q: number; gamma: number },
  frequency: ArrayLike<number>,
  rng: Random,
): Float64Array {
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    if (x === 0) continue;
    const nu = gammaVariate(params.q, rng) / params.gamma;
    const mean = gammaVariate(params.p * x, rng) / nu / x;
    out[i] = Math.max(0.01, Math.round(mean * 100) / 100);
  }
  return out;
}
