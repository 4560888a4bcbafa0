/**
 * What the maximum-likelihood models of this folder share (BG/NBD and MBG/NBD in bgnbd.ts, Pareto/NBD in
 * pnbd.ts, BG/BB in bgbb.ts, Gamma-Gamma and sBG): each model's parameters declared once
 * ({@link parameterSet}: names, check, failure hint), the shape of a fit and of its options, the checks of
 * penalizer, customer summaries and horizons with their messages, the turn of a Newton result on
 * log-parameters into a fit (or into the `#N/A` that says why there is none), and the one fit, objective and
 * log-likelihood of the models on customer summaries (x, t_x, T) ({@link SummaryModel}).
 */
import { finite, naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { minimizeNewton, MinimizeResult, Objective } from "./optimize";

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

/**
 * A model's parameters, declared once: the model's name in messages, the parameter names in the order of
 * θ = ln(parameters) in its fit (and of its FIT function's spill), the hint of a fit that drifts, and the
 * check every prediction runs.
 */
export interface ParameterSet<K extends string> {
  readonly model: string;
  readonly names: readonly K[];
  /** Why such a fit may fail, appended to the `#N/A` of a drifting fit ({@link fitFailure}). */
  readonly hint: Message;
  /**
   * Checks parameters: each must be positive and finite.
   * @throws CrmError `#NUM!` naming the model and the first bad parameter.
   */
  readonly check: (params: ParamRecord<K>) => void;
}

/** Parameter values by name, `{ readonly r: number; … }`. */
export type ParamRecord<K extends string> = { readonly [N in K]: number };

/** The parameters of a {@link ParameterSet} as an object. */
export type ParamsOf<S> = S extends ParameterSet<infer K> ? ParamRecord<K> : never;

/**
 * Declares a model's parameters, all positive: their names in order, the model's name for messages and the
 * hint of a failed fit. The check is {@link checkPositiveParams}.
 * @example parameterSet("BG/NBD", ["r", "alpha", "a", "b"], msg("btyd.hintBgnbd")).check({ r: 1, alpha: 2, a: 0, b: 1 }) // throws #NUM! naming a
 */
export function parameterSet<const K extends string>(
  model: string,
  names: readonly K[],
  hint: Message,
): ParameterSet<K> {
  return { model, names, hint, check: (params) => checkPositiveParams(model, names, params) };
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
export function fitFailure({ model, names, hint }: ParameterSet<string>, result: MinimizeResult): Error {
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
 * @throws CrmError `#N/A` ({@link fitFailure}) when it did not converge.
 */
export function fittedModel<K extends string>(
  parameters: ParameterSet<K>,
  result: MinimizeResult,
  penalizer: number,
  weight: number,
): ModelFit<Record<K, number>> {
  if (result.status !== "converged") throw fitFailure(parameters, result);
  const params = {} as Record<K, number>;
  let squares = 0;
  parameters.names.forEach((name, i) => {
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

/**
 * E[Y(t) | x, t_x, T] of one customer at several horizons t at once, written into `out` (a new array by
 * default). Inputs are assumed valid.
 * @throws CrmError `#NUM!` when a value is too large to represent.
 */
export type ExpectedCurve<P> = (
  params: P,
  times: ArrayLike<number>,
  x: number,
  tx: number,
  T: number,
  out?: Float64Array,
) => Float64Array;

/**
 * A model of customer summaries (x, t_x, T) (BG/NBD, MBG/NBD, Pareto/NBD), declared once for the public
 * functions they share ({@link summaryModelFunctions}): its parameters; how its fit groups identical customers,
 * its objective on the groups (mean negative ln L plus the penalty, on θ = ln(parameters), with gradient and
 * Hessian) and its starting point; and, for valid inputs, one customer's ln L, P(alive) and E[Y(t)] curve.
 */
export interface SummaryModel<K extends string, D extends { readonly profiles: number }> {
  readonly parameters: ParameterSet<K>;
  /** The customers grouped; `profiles` is how many distinct (x, t_x, T) there are. Inputs valid. */
  readonly group: (frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>) => D;
  readonly objective: (data: D, penalizer: number) => Objective;
  /** θ₀ from ln of the scale ΣT/Σx (ln 1 when every T is 0). */
  readonly start: (logScale: number) => number[];
  readonly lnL: (params: ParamRecord<K>, x: number, tx: number, T: number) => number;
  readonly alive: (params: ParamRecord<K>, x: number, tx: number, T: number) => number;
  /** E[Y(t) | x, t_x, T] at several horizons t. @throws CrmError `#NUM!` when a value is too large. */
  readonly expectedCurve: ExpectedCurve<ParamRecord<K>>;
}

/** The public functions every model of customer summaries has, with the model's checks and messages. */
export interface SummaryModelFunctions<P> {
  /**
   * The maximum-likelihood fit: checks the penalizer and the summaries, groups the customers, refuses a
   * single profile, and minimises the objective by damped Newton (optimize.ts) from the model's start.
   * @throws CrmError `#VALUE!` for inputs of different lengths; `#NUM!` for an invalid customer or
   * penalizer; `#N/A` when the fit is impossible: no customers, no repeat buyers, all customers identical,
   * or a parameter running off to 0 or ∞ (named in the message).
   */
  readonly fit: (
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>,
    options?: ModelFitOptions,
  ) => ModelFit<P>;
  /** The fit's objective for these customers (inputs assumed valid), for tests and benchmarks. */
  readonly objective: (
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>,
    penalizer?: number,
  ) => Objective;
  /** Σᵢ ln L(params | xᵢ, t_xᵢ, Tᵢ). Inputs are assumed valid. */
  readonly logLikelihood: (
    params: P,
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>,
  ) => number;
  /** P(alive | x, t_x, T). @throws CrmError `#NUM!` for invalid parameters or customer. */
  readonly pAlive: (params: P, ...customer: CustomerArgs) => number;
  /** E[Y(t) | x, t_x, T]. @throws CrmError `#NUM!` for invalid parameters, customer or t < 0. */
  readonly expected: (params: P, t: number, ...customer: CustomerArgs) => number;
}

/** The public functions of a model of customer summaries, from its declaration. */
export function summaryModelFunctions<K extends string, D extends { readonly profiles: number }>(
  model: SummaryModel<K, D>,
): SummaryModelFunctions<ParamRecord<K>> {
  const { parameters } = model;
  return {
    fit: (frequency, recency, T, options = {}) => {
      const penalizer = penalizerOf(options);
      const { sumX, sumT } = checkSummaries(parameters.model, frequency, recency, T, options.describe);
      const data = model.group(frequency, recency, T);
      if (data.profiles === 1) throw naError("btyd.fitSameCustomers", { model: parameters.model });
      const start = model.start(Math.log(sumT > 0 ? sumT / sumX : 1));
      const result = minimizeNewton(model.objective(data, penalizer), start);
      return fittedModel(parameters, result, penalizer, frequency.length);
    },
    objective: (frequency, recency, T, penalizer = 0) => model.objective(model.group(frequency, recency, T), penalizer),
    logLikelihood: (params, frequency, recency, T) => {
      let s = 0;
      for (let i = 0; i < frequency.length; i++) s += model.lnL(params, frequency[i]!, recency[i]!, T[i]!);
      return s;
    },
    pAlive: (params, ...customer) => model.alive(params, ...checkedCustomer(parameters.check, params, customer)),
    expected: (params, t, ...customer) => {
      const [x, tx, T] = checkedCustomer(parameters.check, params, customer);
      checkHorizon(t);
      return model.expectedCurve(params, [t], x, tx, T)[0]!;
    },
  };
}
