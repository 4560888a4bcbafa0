/**
 * What the maximum-likelihood models of this folder share (BG/NBD and MBG/NBD in bgnbd.ts, Pareto/NBD in
 * pnbd.ts, BG/BB in bgbb.ts): the shape of a fit and of its options, the checks of parameters, penalizer,
 * customer summaries and horizons with their messages, and the turn of a Newton result on log-parameters into
 * a fit (or into the `#N/A` that says why there is none).
 */
import { finite, naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import type { MinimizeResult } from "./optimize";

/** A fitted model: its parameters, the log-likelihood at them, and the optimiser's effort. */
export interface ModelFit<P> {
  readonly params: P;
  /** Σ ln L over the customers (count-weighted where rows stand for several) at the estimates, without the penalty. */
  readonly logLikelihood: number;
  /** Newton iterations and objective evaluations, for benchmarks. */
  readonly iterations: number;
  readonly evaluations: number;
}

/** Options of a fit. */
export interface ModelFitOptions {
  /**
   * L2 penalty on the parameters, as in `lifetimes`: the fit minimises −(mean ln L) + penalizer·(the sum of the
   * squared parameters). Default 0 (maximum likelihood).
   */
  readonly penalizer?: number;
  /** Describes customer (or row) i (0-based) in messages; default "customer i+1" ("row i+1" for BG/BB). */
  readonly describe?: (i: number) => Message;
}

/** The default place of a customer in messages ("the customer"). */
export const A_CUSTOMER: Message = msg("btyd.customer");

/**
 * Checks a model's parameters: each named one must be positive and finite.
 * @throws CrmError `#NUM!` naming the model and the first bad parameter.
 */
export function checkPositiveParams<K extends string>(
  model: string,
  names: readonly K[],
  params: Readonly<Record<K, number>>,
): void {
  for (const name of names) {
    const v = params[name];
    if (!(v > 0) || !Number.isFinite(v)) throw numError("btyd.paramPositive", { model, name, value: v });
  }
}

/** The penalizer of the options (0 when not given). @throws CrmError `#NUM!` unless ≥ 0 and finite. */
export function penalizerOf(options: ModelFitOptions): number {
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer)) throw numError("btyd.penalizer", { value: penalizer });
  return penalizer;
}

/**
 * What is wrong with one customer's summary, or null: frequency x must be a whole number ≥ 0,
 * 0 ≤ recency t_x ≤ T, and t_x = 0 when x = 0 (recency is the time of the last repeat purchase, not the
 * time since it).
 */
export function customerProblem(x: number, tx: number, T: number): Message | null {
  // the common case first, without Number.isInteger (which V8 does not inline here: 30× slower)
  if (x >= 0 && x === Math.floor(x) && x < Infinity && tx >= 0 && T >= tx && (x > 0 || tx === 0)) return null;
  if (!(x >= 0) || !Number.isInteger(x)) return msg("btyd.frequencyWhole", { value: x });
  if (!(tx >= 0)) return msg("btyd.recencyNegative", { value: tx });
  if (!(T >= tx)) return msg("btyd.ageBelowRecency", { age: T, recency: tx });
  if (x === 0 && tx !== 0) return msg("btyd.recencyWithoutRepeat", { value: tx });
  return null;
}

/**
 * Checks one customer's summary ({@link customerProblem}).
 * @throws CrmError `#NUM!` naming the customer (`where`) and the rule broken.
 */
export function checkCustomer(x: number, tx: number, T: number, where: Message): void {
  const problem = customerProblem(x, tx, T);
  if (problem !== null) throw numError("btyd.customerInvalid", { where, problem });
}

/** Checks a horizon t ≥ 0. @throws CrmError `#NUM!` otherwise. */
export function checkHorizon(t: number): void {
  if (!(t >= 0) || !Number.isFinite(t)) throw numError("btyd.horizon", { value: t });
}

/**
 * Checks the customer summaries a (x, t_x, T) model is fitted on, and returns Σx and ΣT (for the starting
 * scale α = ΣT/Σx). O(n).
 * @throws CrmError `#VALUE!` for inputs of different lengths; `#NUM!` for an invalid customer (named by
 * `describe`, default "customer i+1"); `#N/A` for no customers or no repeat purchase.
 */
export function checkSummaries(
  model: string,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  describe: (i: number) => Message = (i) => msg("btyd.customerNumber", { n: i + 1 }),
): { sumX: number; sumT: number } {
  const n = frequency.length;
  if (recency.length !== n || T.length !== n) {
    throw valueError("btyd.perCustomer", {
      names: "frequency, recency and T",
      counts: `${n}, ${recency.length}, ${T.length}`,
    });
  }
  if (n === 0) throw naError("btyd.fitNoCustomers", { model });
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) {
    const problem = customerProblem(frequency[i]!, recency[i]!, T[i]!);
    if (problem !== null) throw numError("btyd.customerInvalid", { where: describe(i), problem });
    sumX += frequency[i]!;
    sumT += T[i]!;
  }
  if (sumX === 0) throw naError("btyd.fitNoRepeat", { model });
  return { sumX, sumT };
}

/**
 * Turns an unsuccessful minimisation on log-parameters into the `#N/A` the user sees, naming the
 * parameters that ran off towards 0 or ∞ (|ln p| > 10) — the usual reason: the data cannot tell the
 * model's parameters apart (e.g. no sign of dropout, or no heterogeneity between customers).
 */
export function fitFailure(model: string, names: readonly string[], result: MinimizeResult, hint: Message): Error {
  const drifting: string[] = [];
  result.x.forEach((v, i) => {
    if (Math.abs(v) > 10 || i === result.divergedIndex) drifting.push(`${names[i]} → ${v > 0 ? "∞" : "0"}`);
  });
  if (drifting.length > 0) {
    return naError("btyd.fitDrift", { model, drift: drifting.join(", "), hint });
  }
  return naError("btyd.fitNotConverged", { model, status: result.status, iterations: result.iterations });
}

/**
 * The fit a Newton minimisation on θ = ln(parameters) came to: the parameters e^θ (named in order), and
 * Σ ln L = −weight·(mean objective − penalty), `weight` the customers the mean was taken over.
 * @throws CrmError `#N/A` ({@link fitFailure}, with `hint`) when it did not converge.
 */
export function fittedModel<K extends string>(
  model: string,
  names: readonly K[],
  result: MinimizeResult,
  penalizer: number,
  weight: number,
  hint: Message,
): ModelFit<Record<K, number>> {
  if (result.status !== "converged") throw fitFailure(model, names, result, hint);
  const params = {} as Record<K, number>;
  let squares = 0;
  names.forEach((name, i) => {
    const v = Math.exp(result.x[i]!);
    params[name] = v;
    squares += v * v;
  });
  return {
    params,
    logLikelihood: finite(-weight * (result.value - penalizer * squares), msg("btyd.logLikelihood")),
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}

/**
 * One customer's summary as the per-customer functions take it, after the parameters (and the horizon):
 * frequency x, recency t_x, age T, and how the customer is named in messages (default "the customer").
 */
export type CustomerArgs = [x: number, tx: number, T: number, where?: Message];

/**
 * Checks a model's parameters (with `checkParams`) and one customer's summary; returns the summary.
 * @throws CrmError `#NUM!` for invalid parameters or customer.
 */
export function checkedCustomer<P>(
  checkParams: (params: P) => void,
  params: P,
  [x, tx, T, where = A_CUSTOMER]: CustomerArgs,
): [x: number, tx: number, T: number] {
  checkParams(params);
  checkCustomer(x, tx, T, where);
  return [x, tx, T];
}
