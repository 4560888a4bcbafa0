/**
 * BG/BB ("beta-geometric / beta-Bernoulli") model for discrete-time noncontractual settings, Fader,
 * Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing
 * Science 29(6), 1086–1108: yearly donations, annual events, any setting where a customer can transact
 * at most once per period.
 *
 * While alive a customer transacts at each opportunity with probability p ~ Beta(α, β); before each
 * opportunity they die with probability θ ~ Beta(γ, δ). Data per pattern: x transactions in n
 * opportunities, the last at opportunity t_x (0 when x = 0), and how many customers share the pattern.
 * - L = B(α + x, β + n − x)/B(α, β)·B(γ, δ + n)/B(γ, δ)
 *       + Σ_{i=0}^{n−t_x−1} B(α + x, β + t_x − x + i)/B(α, β)·B(γ + 1, δ + t_x + i)/B(γ, δ)
 *   (equation 5): alive through n, or died after opportunity t_x + i; summed in logs (log-sum-exp of
 *   the terms, each with exact ψ/ψ′ derivatives).
 * - P(alive at n | x, t_x, n) = the first term/L — alive at the last observed opportunity, the end of the
 *   observed periods (the paper's P(alive at n + 1), equation 11, is this × (δ + n)/(γ + δ + n)).
 * - E[X(n, n + n*) | x, t_x, n] = B(α + x + 1, β + n − x)/B(α, β)·δ/(γ − 1)·Γ(γ + δ)/Γ(1 + δ)·
 *       [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + n*)/Γ(γ + δ + n + n*)]/L (equation 13), with the
 *   bracket/(γ − 1) computed through the difference quotient of ln Γ (special.ts): finite through γ = 1.
 */
import { finite, naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { A_CUSTOMER, fittedModel, ModelFit, ModelFitOptions, parameterSet, ParamsOf, penalizerOf } from "./modelFit";
import { distinctRows } from "./grouping";
import { jet, logSumExpMany } from "./jet";
import { minimizeNewton, Objective } from "./optimize";
import { digamma, exprel, logGamma, logGammaDifferenceQuotient, trigamma } from "./special";

/** BG/BB's parameters: transaction probability Beta(α, β), dropout probability Beta(γ, δ). */
export const BGBB_PARAMETERS = parameterSet("BG/BB", ["alpha", "beta", "gamma", "delta"], msg("btyd.hintBgbb"));

/** BG/BB parameters: transaction probability Beta(α, β), dropout probability Beta(γ, δ). */
export type BgbbParams = ParamsOf<typeof BGBB_PARAMETERS>;

/** A fitted BG/BB model (its log-likelihood is Σ count·ln L over the patterns). */
export type BgbbFit = ModelFit<BgbbParams>;

/** Options of {@link bgbbFit}: the L2 penalty on (α, β, γ, δ) and how rows are named (default "row i+1"). */
export type BgbbFitOptions = ModelFitOptions;

const N = 4; // jet layout (jet.ts): value, 4 partials, 4×4 Hessian
const JET = 21;

/**
 * Checks BG/BB parameters: all must be positive and finite.
 * @throws CrmError `#NUM!` naming the first bad parameter.
 */
export const checkBgbbParams = BGBB_PARAMETERS.check;

/**
 * What is wrong with one pattern, or null: n (periods) a whole number ≥ 0, x (frequency) a whole number
 * with 0 ≤ x ≤ n, t_x (recency, the period of the last transaction) a whole number with x ≤ t_x ≤ n when
 * x > 0 and t_x = 0 when x = 0.
 */
export function patternProblem(x: number, tx: number, n: number): Message | null {
  if (!(n >= 0) || !Number.isInteger(n)) return msg("btyd.periodsWhole", { value: n });
  if (!(x >= 0) || !Number.isInteger(x)) return msg("btyd.frequencyWhole", { value: x });
  if (x > n) return msg("btyd.frequencyAbovePeriods", { x, n });
  if (!Number.isInteger(tx) || tx < 0) return msg("btyd.recencyWhole", { value: tx });
  if (x === 0 && tx !== 0) return msg("btyd.recencyWithoutTransaction", { value: tx });
  if (x > 0 && !(tx >= x && tx <= n)) return msg("btyd.recencyOutside", { tx, x, n });
  return null;
}

/** ln B(a, b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln of the likelihood's terms divided by the common 1/(B(α, β)B(γ, δ)); the first is "alive at n". */
function logTerms(p: BgbbParams, x: number, tx: number, n: number): number[] {
  const { alpha, beta, gamma, delta } = p;
  const terms = [logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n)];
  for (let i = 0; i < n - tx; i++) {
    terms.push(logBeta(alpha + x, beta + tx - x + i) + logBeta(gamma + 1, delta + tx + i));
  }
  return terms;
}

/** ln Σ e^terms. */
function logSum(terms: readonly number[]): number {
  const hi = Math.max(...terms);
  let s = 0;
  for (const t of terms) s += Math.exp(t - hi);
  return hi + Math.log(s);
}

/**
 * Σ count·ln L(α, β, γ, δ | x, t_x, n) over patterns (module comment). Inputs assumed valid.
 * O(Σ (n − t_x + 1)).
 * @example bgbbLogLikelihood({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, [0], [0], [6], [3464]) // ≈ −3464·1.1673 ≈ −4043.4
 */
export function bgbbLogLikelihood(
  params: BgbbParams,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>,
): number {
  const common = logBeta(params.alpha, params.beta) + logBeta(params.gamma, params.delta);
  let s = 0;
  for (let i = 0; i < frequency.length; i++) {
    const c = count === undefined ? 1 : count[i]!;
    if (c === 0) continue;
    s += c * (logSum(logTerms(params, frequency[i]!, recency[i]!, periods[i]!)) - common);
  }
  return s;
}

/** Distinct patterns with their total counts. */
interface Patterns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly count: Float64Array;
  readonly total: number;
}

/** ln Γ, ψ and ψ′ at z, z + 1, …, z + size − 1, by the recurrences from z (one special-function call each). */
interface ShiftedTable {
  readonly lg: Float64Array;
  readonly psi: Float64Array;
  readonly tri: Float64Array;
}

function shiftedTable(z: number, size: number): ShiftedTable {
  const lg = new Float64Array(size);
  const psi = new Float64Array(size);
  const tri = new Float64Array(size);
  lg[0] = logGamma(z);
  psi[0] = digamma(z);
  tri[0] = trigamma(z);
  for (let j = 1; j < size; j++) {
    const prev = z + j - 1;
    lg[j] = lg[j - 1]! + Math.log(prev);
    psi[j] = psi[j - 1]! + 1 / prev;
    tri[j] = tri[j - 1]! - 1 / (prev * prev);
  }
  return { lg, psi, tri };
}

/**
 * Adds to the jet at `out[at…]` ln B(a + u, b + v) for (a, b) the variables i, i + 1, from the tables of
 * a, b and a + b: gradient (ψ(a+u) − ψ(s), ψ(b+v) − ψ(s)), Hessian (ψ′(a+u) − ψ′(s), −ψ′(s); ψ′(b+v) − ψ′(s)),
 * s = a + b + u + v.
 */
function addLogBetaJet(
  out: Float64Array,
  i: number,
  ta: ShiftedTable,
  tb: ShiftedTable,
  ts: ShiftedTable,
  u: number,
  v: number,
  at = 0,
): void {
  const ps = ts.psi[u + v]!;
  const tsum = ts.tri[u + v]!;
  const H = at + 1 + N;
  out[at] = out[at]! + ta.lg[u]! + tb.lg[v]! - ts.lg[u + v]!;
  out[at + 1 + i] = out[at + 1 + i]! + ta.psi[u]! - ps;
  out[at + 2 + i] = out[at + 2 + i]! + tb.psi[v]! - ps;
  out[H + i * N + i] = out[H + i * N + i]! + ta.tri[u]! - tsum;
  out[H + i * N + i + 1] = out[H + i * N + i + 1]! - tsum;
  out[H + (i + 1) * N + i] = out[H + (i + 1) * N + i]! - tsum;
  out[H + (i + 1) * N + i + 1] = out[H + (i + 1) * N + i + 1]! + tb.tri[v]! - tsum;
}

/**
 * The fit's objective on θ = ln(α, β, γ, δ): −(Σ count·ln L)/Σ count + penalty, exact derivatives. Every
 * Beta function in L has arguments parameter + whole number, so ln Γ, ψ and ψ′ come from tables built by
 * recurrence once per evaluation.
 */
function objective(d: Patterns, penalizer: number): Objective {
  const acc = jet();
  const total = jet();
  let maxN = 0;
  for (let g = 0; g < d.n.length; g++) maxN = Math.max(maxN, d.n[g]!);
  const size = maxN + 2;
  const terms = new Float64Array((maxN + 1) * JET);
  return (theta, grad, hess) => {
    const alpha = Math.exp(theta[0]!);
    const beta = Math.exp(theta[1]!);
    const gamma = Math.exp(theta[2]!);
    const delta = Math.exp(theta[3]!);
    const tA = shiftedTable(alpha, size);
    const tB = shiftedTable(beta, size);
    const tAB = shiftedTable(alpha + beta, size);
    const tG = shiftedTable(gamma, size);
    const tD = shiftedTable(delta, size);
    const tGD = shiftedTable(gamma + delta, size);
    total.fill(0);
    for (let g = 0; g < d.count.length; g++) {
      const x = d.x[g]!;
      const tx = d.tx[g]!;
      const n = d.n[g]!;
      // the terms of L as jets, one after another: alive through n, then died after t_x + i
      const count = n - tx + 1;
      terms.fill(0, 0, count * JET);
      addLogBetaJet(terms, 0, tA, tB, tAB, x, n - x);
      addLogBetaJet(terms, 2, tG, tD, tGD, 0, n);
      for (let i = 0; i < n - tx; i++) {
        addLogBetaJet(terms, 0, tA, tB, tAB, x, tx - x + i, (i + 1) * JET);
        addLogBetaJet(terms, 2, tG, tD, tGD, 1, tx + i, (i + 1) * JET);
      }
      logSumExpMany(acc, terms, count);
      const c = d.count[g]!;
      for (let k = 0; k < JET; k++) total[k] = total[k]! + c * acc[k]!;
    }
    // minus Σ count·[ln B(α, β) + ln B(γ, δ)]
    acc.fill(0);
    addLogBetaJet(acc, 0, tA, tB, tAB, 0, 0);
    addLogBetaJet(acc, 2, tG, tD, tGD, 0, 0);
    for (let k = 0; k < JET; k++) total[k] = total[k]! - d.total * acc[k]!;
    const P = [alpha, beta, gamma, delta];
    let penalty = 0;
    for (let i = 0; i < N; i++) {
      const pi = P[i]!;
      penalty += pi * pi;
      grad[i] = (-total[1 + i]! * pi) / d.total + 2 * penalizer * pi * pi;
      for (let j = 0; j < N; j++) {
        let h = (-total[1 + N + i * N + j]! * pi * P[j]!) / d.total;
        if (i === j) h += (-total[1 + i]! * pi) / d.total + 4 * penalizer * pi * pi;
        hess[i * N + j] = h;
      }
    }
    return -total[0]! / d.total + penalizer * penalty;
  };
}

/** Validates and groups the patterns. @throws CrmError as {@link bgbbFit}. */
function patterns(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count: ArrayLike<number> | undefined,
  describe: (i: number) => Message,
): Patterns {
  const m = frequency.length;
  if (recency.length !== m || periods.length !== m || (count !== undefined && count.length !== m)) {
    throw valueError("btyd.perRow", {
      names: `frequency, recency, periods${count === undefined ? "" : " and count"}`,
      counts: `${m}, ${recency.length}, ${periods.length}${count === undefined ? "" : `, ${count.length}`}`,
    });
  }
  for (let i = 0; i < m; i++) {
    const problem = patternProblem(frequency[i]!, recency[i]!, periods[i]!);
    if (problem !== null) throw numError("btyd.customerInvalid", { where: describe(i), problem });
    const c = count === undefined ? 1 : count[i]!;
    if (!(c >= 0) || !Number.isFinite(c)) throw numError("btyd.countNegative", { where: describe(i), value: c });
  }
  const groups = distinctRows([frequency, recency, periods]);
  const counts = new Float64Array(groups.counts.length);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const c = count === undefined ? 1 : count[i]!;
    counts[groups.index[i]!]! += c;
    total += c;
  }
  const [x, tx, n] = groups.columns as [Float64Array, Float64Array, Float64Array];
  return { x, tx, n, count: counts, total };
}

/**
 * The BG/BB fit's objective on θ = ln(α, β, γ, δ) (rows assumed valid): exposed for tests.
 */
export function bgbbObjective(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>,
  penalizer = 0,
): Objective {
  return objective(
    patterns(frequency, recency, periods, count, (i) => msg("btyd.rowNumber", { n: i + 1 })),
    penalizer,
  );
}

/**
 * Maximum-likelihood BG/BB fit on patterns (x, t_x, n) shared by `count` customers each (default 1), by
 * damped Newton with the exact Hessian on ln(α, β, γ, δ) from (1, 1, 1, 1); identical rows are merged.
 * O(Σ (n − t_x + 1)) per evaluation over the distinct patterns.
 * @throws CrmError `#VALUE!` for ranges of different lengths; `#NUM!` for an invalid row, count or
 * penalizer; `#N/A` when the fit is impossible: no customers, no transactions at all, a single pattern,
 * or a parameter running off to 0 or ∞ (named).
 * @example bgbbFit(d.frequency, d.recency, d.periods, d.count).params // donations: { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 */
export function bgbbFit(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>,
  options: BgbbFitOptions = {},
): BgbbFit {
  const penalizer = penalizerOf(options);
  const d = patterns(
    frequency,
    recency,
    periods,
    count,
    options.describe ?? ((i) => msg("btyd.rowNumber", { n: i + 1 })),
  );
  if (!(d.total > 0)) throw naError("btyd.fitNoCount", { model: "BG/BB" });
  let transactions = 0;
  let used = 0;
  for (let g = 0; g < d.count.length; g++) {
    transactions += d.count[g]! * d.x[g]!;
    if (d.count[g]! > 0) used++;
  }
  if (transactions === 0) throw naError("btyd.fitNoTransaction", { model: "BG/BB" });
  if (used === 1) throw naError("btyd.fitOnePattern", { model: "BG/BB" });
  const result = minimizeNewton(objective(d, penalizer), [0, 0, 0, 0]);
  return fittedModel(BGBB_PARAMETERS, result, penalizer, d.total);
}

/**
 * One customer's pattern as the per-customer functions take it, after the parameters (and the future
 * opportunities): frequency x, recency t_x, periods n, and how the customer is named in messages.
 */
export type PatternArgs = [x: number, tx: number, n: number, where?: Message];

/** Checks parameters and one pattern; returns the pattern. @throws CrmError `#NUM!`. */
function checkInputs(params: BgbbParams, [x, tx, n, where = A_CUSTOMER]: PatternArgs): [number, number, number] {
  checkBgbbParams(params);
  const problem = patternProblem(x, tx, n);
  if (problem !== null) throw numError("btyd.customerInvalid", { where, problem });
  return [x, tx, n];
}

/**
 * P(alive at n | x, t_x, n): the probability that the customer is still alive at the last observed
 * opportunity (module comment). O(n − t_x).
 * @throws CrmError `#NUM!` for invalid parameters or pattern.
 * @example bgbbPAlive({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 0, 0, 6) // ≈ 0.1161
 */
export function bgbbPAlive(params: BgbbParams, ...pattern: PatternArgs): number {
  const [x, tx, n] = checkInputs(params, pattern);
  const terms = logTerms(params, x, tx, n);
  return Math.exp(terms[0]! - logSum(terms));
}

/**
 * E[X(n, n + n*) | x, t_x, n]: expected transactions in the next `future` opportunities (module comment).
 * 0 for future = 0, increasing in it. O(n − t_x).
 * @throws CrmError `#NUM!` for invalid parameters or pattern, or future not a whole number ≥ 0.
 * @example bgbbExpected({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 5, 0, 0, 6) // ≈ 0.0728
 */
export function bgbbExpected(params: BgbbParams, future: number, ...pattern: PatternArgs): number {
  const [x, tx, n] = checkInputs(params, pattern);
  if (!(future >= 0) || !Number.isInteger(future)) {
    throw numError("btyd.futurePeriods", { value: future });
  }
  if (future === 0) return 0;
  const { alpha, beta, gamma, delta } = params;
  const h = gamma - 1;
  const d1 = logGammaDifferenceQuotient(1 + delta + n, h);
  const d2 = logGammaDifferenceQuotient(1 + delta + n + future, h);
  // δ·Γ(γ+δ)/Γ(1+δ)·[Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]/(γ − 1)
  const ratio =
    delta * Math.exp(h * (logGammaDifferenceQuotient(1 + delta, h) - d2)) * (d2 - d1) * exprel(h * (d2 - d1));
  const lnBuy = logBeta(alpha + x + 1, beta + n - x) + logBeta(gamma, delta);
  return finite(Math.exp(lnBuy - logSum(logTerms(params, x, tx, n))) * ratio, msg("btyd.expectedTransactions"));
}
