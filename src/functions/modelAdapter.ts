/**
 * The one shape of the customer-base model adapters (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma, sBG):
 * a FIT reads aligned columns and spills one row of parameters and the log-likelihood; a prediction reads the
 * fitted parameters from a `params` range (blank-safely: item 15 of issue 13), checks them with the model's
 * own check, reads aligned columns and evaluates per filled row, spilling in the shape of the first column.
 */
import { BgbbParams, checkBgbbParams } from "../core/btyd/bgbb";
import { BgnbdParams, checkBgnbdParams } from "../core/btyd/bgnbd";
import { checkGammaGammaParams, GammaGammaParams } from "../core/btyd/gammagamma";
import { checkPnbdParams, PnbdParams } from "../core/btyd/pnbd";
import { checkSbgParams, SbgParams } from "../core/btyd/sbg";
import { Message } from "../core/messages/catalogue";
import { numberArg } from "../core/values/args";
import { inShapeOf, NumberColumn, paramsIn, positionIn } from "../core/values/columns";
import { addressesOf, Ranges, readAligned, readFilled, readParams } from "./arguments";
import { excelCallAsync } from "./excel";

/** A model's parameters: their names in a FIT's spill order (also their keys) and the model's check. */
export interface ModelParams<P> {
  readonly names: readonly (keyof P & string)[];
  /** @throws CrmError `#NUM!` for a parameter outside its domain. */
  readonly check: (params: P) => void;
}

/** BG/NBD's and MBG/NBD's r, alpha, a, b. */
export const BGNBD_PARAMS: ModelParams<BgnbdParams> = { names: ["r", "alpha", "a", "b"], check: checkBgnbdParams };
/** Pareto/NBD's r, alpha, s, beta. */
export const PNBD_PARAMS: ModelParams<PnbdParams> = { names: ["r", "alpha", "s", "beta"], check: checkPnbdParams };
/** BG/BB's alpha, beta, gamma, delta. */
export const BGBB_PARAMS: ModelParams<BgbbParams> = {
  names: ["alpha", "beta", "gamma", "delta"],
  check: checkBgbbParams,
};
/** sBG's alpha, beta. */
export const SBG_PARAMS: ModelParams<SbgParams> = { names: ["alpha", "beta"], check: checkSbgParams };
/** Gamma-Gamma's p, q, gamma. */
export const GG_PARAMS: ModelParams<GammaGammaParams> = { names: ["p", "q", "gamma"], check: checkGammaGammaParams };

/** The parameters named in the model's order, checked. @throws CrmError `#NUM!` from the model's check. */
function modelParams<P>(model: ModelParams<P>, values: readonly number[]): P {
  const params = Object.fromEntries(model.names.map((name, k) => [name, values[k]!])) as P;
  model.check(params);
  return params;
}

/**
 * A model's parameters from a params range (e.g. a FIT's spill), blank-safely, checked.
 * @throws CrmError `#VALUE!` for text, `#N/A` when too few, `#NUM!` from the model's check.
 */
export async function readModelParams<P>(
  model: ModelParams<P>,
  raw: unknown,
  argument: string,
  address: string | undefined,
): Promise<P> {
  return modelParams(model, await readParams(raw, argument, model.names, address));
}

/**
 * A model's parameters from a params range of a function without parameter addresses: a blank cell is
 * skipped where Excel passes it blank (the web); desktop's 0 for a blank cannot be told from a typed 0.
 * @throws CrmError as {@link readModelParams}.
 */
export function paramsNow<P>(model: ModelParams<P>, raw: unknown, argument: string): P {
  return modelParams(model, paramsIn(raw, argument, model.names));
}

/** A FIT's spill: one row of the parameters in the model's order, then the log-likelihood. */
export function fitRow<P>(model: ModelParams<P>, params: P, logLikelihood: number): number[][] {
  return [[...model.names.map((name) => params[name] as number), logLikelihood]];
}

/** The options every purchase-model fit takes. */
interface FitOptions {
  penalizer: number;
  describe: (k: number) => Message;
}

/** A fit on columns of per-customer numbers: the parameters and the log-likelihood. */
type Fit<P, O> = (
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  options: O,
) => { params: P; logLikelihood: number };

/**
 * A FIT on a customer summary or pattern table with an optional penalizer: reads the ranges, fits, spills the
 * parameters and the log-likelihood.
 * @param model the model's parameter names
 * @param fit the core fit
 * @param ranges the three per-customer ranges (their addresses: the invocation's first three)
 * @param penalizer the optional L2 penalty as passed; a blank cell passed as 0 by desktop is the default itself
 */
export function fitModel<P>(
  model: ModelParams<P>,
  fit: Fit<P, FitOptions>,
  ranges: Ranges,
  penalizer: unknown,
): Promise<number[][]> {
  return excelCallAsync(async () => {
    const { values, describe } = await readFilled(ranges);
    const options = { penalizer: numberArg(penalizer, "penalizer", { default: 0 }), describe };
    const f = fit(values[0]!, values[1]!, values[2]!, options);
    return fitRow(model, f.params, f.logLikelihood);
  });
}

/**
 * Fits on aligned columns: `fit` gets the filled rows' values of each column and names row k in messages.
 * @throws CrmError from the readers (blank beside a value, text, …) and from `fit`.
 */
export async function fitOn<F>(
  ranges: Ranges,
  fit: (values: Float64Array[], describe: (k: number) => Message) => F,
): Promise<F> {
  const { values, describe } = await readFilled(ranges);
  return fit(values, describe);
}

/**
 * Evaluates per filled row of aligned columns, spilling in the shape of the first column ("" in blank rows).
 * @param ranges the per-customer ranges
 * @param f the value of cell i: the columns' values are `columns[j][i]`; `where` names the cell
 */
export async function perRow(
  ranges: Ranges,
  f: (columns: readonly Float64Array[], i: number, where: Message) => number,
): Promise<(number | string)[][]> {
  const { columns, rows } = await readAligned(ranges.raws, ranges.names, ranges.addresses);
  const first: NumberColumn = columns[0]!;
  const values = columns.map((c) => c.values);
  return inShapeOf(first, rows, (i) => f(values, i, positionIn(first, i)));
}

/** A prediction per customer from three numbers (e.g. frequency, recency, T): P(alive) and the like. */
type Predict<P> = (p: P, a: number, b: number, c: number, where: Message) => number;

/** A prediction per customer over a horizon t. */
type PredictAt<P> = (p: P, t: number, a: number, b: number, c: number, where: Message) => number;

/**
 * A prediction per customer: params (argument 0) read blank-safely and checked, then `predict` per filled row
 * of the three ranges (arguments 1–3), spilled in the first range's shape.
 */
export function predictEach<P>(
  model: ModelParams<P>,
  predict: Predict<P>,
  params: unknown,
  ranges: Ranges,
): Promise<(number | string)[][]> {
  return excelCallAsync(async () => {
    const p = await readModelParams(model, params, "params", ranges.addresses[0]);
    const columns = { ...ranges, addresses: ranges.addresses.slice(1) };
    return perRow(columns, ([a, b, c], i, where) => predict(p, a![i]!, b![i]!, c![i]!, where));
  });
}

/**
 * A prediction per customer over a horizon: params (argument 0), the horizon (argument 1, required), then
 * `predict` per filled row of the three ranges (arguments 2–4).
 */
export function predictEachAt<P>(
  model: ModelParams<P>,
  predict: PredictAt<P>,
  params: unknown,
  horizon: readonly [value: unknown, name: string],
  ranges: Ranges,
): Promise<(number | string)[][]> {
  return excelCallAsync(async () => {
    const p = await readModelParams(model, params, "params", ranges.addresses[0]);
    const t = numberArg(horizon[0], horizon[1]);
    const columns = { ...ranges, addresses: ranges.addresses.slice(2) };
    return perRow(columns, ([a, b, c], i, where) => predict(p, t, a![i]!, b![i]!, c![i]!, where));
  });
}

/** The ranges of a customer summary (frequency, recency, T) with the invocation's addresses. */
export function summaryRanges(
  frequency: unknown,
  recency: unknown,
  T: unknown,
  invocation: CustomFunctions.Invocation | undefined,
): Ranges {
  return { raws: [frequency, recency, T], names: ["frequency", "recency", "T"], addresses: addressesOf(invocation) };
}
