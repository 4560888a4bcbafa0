/**
 * The one shape of the customer-base model adapters (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma, sBG):
 * a FIT reads aligned columns and spills one row of parameters and the log-likelihood; a prediction reads the
 * fitted parameters from a `params` range (blank-safely: item 15 of issue 13), checks them with the model's
 * own check, reads aligned columns and evaluates per filled row, spilling in the shape of the first column.
 * A purchase-model family (modelFamily) holds its FIT, PALIVE and EXPECTED bodies with the family's argument
 * names, so each Excel declaration is one call.
 */
import { Message } from "../core/messages/catalogue";
import { numberArg } from "../core/values/args";
import { inShapeOf, NumberColumn, paramsIn, positionIn } from "../core/values/columns";
import { Addresses, excelCallAt, Invocation, Ranges, readAligned, readFilled, readParams } from "./arguments";

/**
 * A model's parameters: their names in a FIT's spill order (also their keys) and the model's check — the core's
 * parameter sets (BGNBD_PARAMETERS, MBGNBD_PARAMETERS, PNBD_PARAMETERS, BGBB_PARAMETERS, SBG_PARAMETERS,
 * GAMMA_GAMMA_PARAMETERS) are such.
 */
export interface ModelParams<P> {
  readonly names: readonly (keyof P & string)[];
  /** @throws CrmError `#NUM!` for a parameter outside its domain, naming the model. */
  readonly check: (params: P) => void;
}

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

/** The argument names of a customer summary (frequency, recency, T). */
export const SUMMARY_COLUMNS = ["frequency", "recency", "T"] as const;
/** The argument names of a BG/BB pattern table (frequency, recency, periods). */
export const PATTERN_COLUMNS = ["frequency", "recency", "periods"] as const;

/** A model family as the adapters see it: its parameters, its Excel argument names and its core functions. */
export interface FamilyCore<P> {
  readonly params: ModelParams<P>;
  /** The three per-customer ranges' argument names, in order. */
  readonly columns: readonly [string, string, string];
  /** The name of EXPECTED's horizon argument (the one after params). */
  readonly horizon: string;
  readonly pAlive: Predict<P>;
  readonly expected: PredictAt<P>;
}

/**
 * A per-customer spill as the declarations give it to Excel and to callers: numbers, "" in blank rows. The
 * PALIVE and EXPECTED declarations take this type from {@link Predictions} (their JSDoc `@returns` says the same).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the adapters' declared result type
export type Spill = any[][];

/** A family's PALIVE and EXPECTED: the adapters' bodies, taking the Excel arguments in their order. */
export interface Predictions {
  /** params (argument 0) read blank-safely and checked; P(alive) per filled row of the ranges (arguments 1–3). */
  pAlive(params: unknown, a: unknown, b: unknown, c: unknown, invocation: Invocation): Promise<Spill>;
  /** params (argument 0), the horizon (argument 1, required), then per filled row of the ranges (arguments 2–4). */
  expected(
    params: unknown,
    horizon: unknown,
    a: unknown,
    b: unknown,
    c: unknown,
    invocation: Invocation,
  ): Promise<Spill>;
}

/** A family's FIT on a customer summary with an optional penalizer (BG/NBD, MBG/NBD, Pareto/NBD). */
export interface Fitting {
  /** Reads the ranges (arguments 0–2), fits, spills the parameters and the log-likelihood; a blank penalizer is 0. */
  fit(a: unknown, b: unknown, c: unknown, penalizer: unknown, invocation: Invocation): Promise<number[][]>;
}

/**
 * The adapters of a model family (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB): each Excel declaration is one call.
 * Predictions are spilled in the first range's shape ("" in blank rows).
 */
export function modelFamily<P>(core: FamilyCore<P> & { fit: Fit<P, FitOptions> }): Predictions & Fitting;
export function modelFamily<P>(core: FamilyCore<P>): Predictions;
export function modelFamily<P>(core: FamilyCore<P> & { fit?: Fit<P, FitOptions> }): Predictions & Partial<Fitting> {
  const ranges = (raws: unknown[], addresses: Addresses): Ranges => ({ raws, names: core.columns, addresses });
  const params = (raw: unknown, at: Addresses): Promise<P> => readModelParams(core.params, raw, "params", at[0]);
  const { fit, pAlive, expected } = core;
  const predictions: Predictions = {
    pAlive: (raw, a, b, c, invocation) =>
      excelCallAt(invocation, async (at) => {
        const p = await params(raw, at);
        const columns = ranges([a, b, c], at.slice(1));
        return perRow(columns, ([x, y, z], i, where) => pAlive(p, x![i]!, y![i]!, z![i]!, where));
      }),
    expected: (raw, horizon, a, b, c, invocation) =>
      excelCallAt(invocation, async (at) => {
        const p = await params(raw, at);
        const t = numberArg(horizon, core.horizon);
        const columns = ranges([a, b, c], at.slice(2));
        return perRow(columns, ([x, y, z], i, where) => expected(p, t, x![i]!, y![i]!, z![i]!, where));
      }),
  };
  if (fit === undefined) return predictions;
  return {
    ...predictions,
    fit: (a, b, c, penalizer, invocation) =>
      excelCallAt(invocation, async (at) => {
        const { values, describe } = await readFilled(ranges([a, b, c], at));
        const options = { penalizer: numberArg(penalizer, "penalizer", { default: 0 }), describe };
        const f = fit(values[0]!, values[1]!, values[2]!, options);
        return fitRow(core.params, f.params, f.logLikelihood);
      }),
  };
}
