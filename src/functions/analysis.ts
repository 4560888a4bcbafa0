/**
 * Customer analysis (issue 11): RFM scores, the eight-class RFM segments, value tiers, lifecycle stages and
 * the cross-selling rate. They take a customer table exported from any CRM (days since the last purchase,
 * purchases, total spend), or CRM.RFM's marketing layout. The maths is in src/core/analysis; these adapters
 * coerce and shape.
 *
 * Per-customer results have the shape of the first customer range; blank rows are skipped and stay blank, a
 * row blank in one range but not in another is `#N/A` naming the cell (as the BTYD functions do). Labels are
 * in the `language` argument ("en" default, "zh"), so a workbook shows the same labels on every computer.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by src/core/values */
import { crossSellOf } from "../core/analysis/crossSell";
import { ANALYSIS_LABELS, AnalysisLabels, AnalysisLanguage, RfmSegment, ValueTier } from "../core/analysis/labels";
import { lifecycleStages } from "../core/analysis/lifecycle";
import { SplitRule } from "../core/analysis/quantiles";
import { checkBins, rfmScores } from "../core/analysis/scores";
import { rfmSegments } from "../core/analysis/segments";
import { valueTiers } from "../core/analysis/valueTiers";
import { valueError } from "../core/errors";
import { Message } from "../core/messages/catalogue";
import { numberArg, optionArg } from "../core/values/args";
import { shapeOf } from "../core/values/cells";
import { NumberColumn, rowIndex } from "../core/values/columns";
import { matchCells } from "../core/values/matchKeys";
import { Addresses, excelCallAt, FilledRows, Invocation, Ranges, readFilled } from "./arguments";
import { blankArgumentsOmitted, blankMaskFor } from "./blanks";

const SPLITS = ["mean", "median"] as const;
const LANGUAGES = ["en", "zh"] as const;

/** The `language` argument: "en" (default) or "zh". */
function languageArg(v: unknown): AnalysisLanguage {
  return optionArg(v, "language", LANGUAGES, "en");
}

/**
 * The `split` and `language` arguments of a labelling function, a blank cell meaning omitted on every platform:
 * the split rule (default `fallback`) and the labels in the language.
 */
async function labelArgs(
  split: unknown,
  language: unknown,
  fallback: SplitRule,
  addresses: Addresses,
): Promise<{ rule: SplitRule; labels: AnalysisLabels }> {
  const [s, l] = await blankArgumentsOmitted([split, language], addresses);
  return { rule: optionArg(s, "split", SPLITS, fallback), labels: ANALYSIS_LABELS[languageArg(l)] };
}

/** Per-customer ranges and their argument names; their addresses are the invocation's first. */
type Columns = Omit<Ranges, "addresses">;

/** The three ranges of a customer table for RFM (days since last purchase, purchases, total spend). */
function rfmRanges(daysSinceLast: unknown, purchases: unknown, totalSpend: unknown): Columns {
  return { raws: [daysSinceLast, purchases, totalSpend], names: ["daysSinceLast", "purchases", "totalSpend"] };
}

/** What a labelling function's core split gets: the split rule and the namer of the k-th filled row. */
interface SplitOptions {
  split: SplitRule;
  describe: (k: number) => Message;
}

/** The class of each filled row by a core split (e.g. rfmSegments' segments), from the rows' values. */
type Classify<K> = (values: Float64Array[], options: SplitOptions) => readonly K[];

/**
 * A labelling function (RFM.SEGMENT, VALUETIER): reads the per-customer ranges (the first arguments) and the
 * split and language arguments right after them (blank cells meaning omitted), classifies the filled rows and
 * spills each row's class name in the language, in the shape of the first range, blank elsewhere.
 * @param columns the per-customer ranges (arguments 0 to n − 1)
 * @param options the split and language arguments as passed (arguments n, n + 1), and the rule when split is omitted
 * @param invocation the invocation, for the arguments' addresses
 * @param kind which of the language's label tables names the classes
 * @param classify the core split: the class of each filled row
 */
function labelEach<T extends "segments" | "tiers">(
  columns: Columns,
  options: readonly [split: unknown, language: unknown, fallback: SplitRule],
  invocation: Invocation,
  kind: T,
  classify: Classify<keyof AnalysisLabels[T]>,
): Promise<string[][]> {
  return excelCallAt(invocation, async (at) => {
    const n = columns.raws.length;
    const { rule, labels } = await labelArgs(options[0], options[1], options[2], [at[n], at[n + 1]]);
    const rows = await readFilled({ ...columns, addresses: at });
    const classes = classify(rows.values, { split: rule, describe: rows.describe });
    const names: AnalysisLabels[T] = labels[kind];
    return labelled(rows, (k) => names[classes[k]!] as string);
  });
}

/**
 * RFM scores of a customer table: per customer one row R, F, M (1 to bins) and the RFM code 100R + 10F + M.
 * Breaks are PERCENTILE.INC(values, j/bins); F and M score 1 + the breaks they exceed, R (fewer days is
 * better) 1 + the breaks above it; equal values score alike.
 * @customfunction RFM.SCORE
 * @requiresParameterAddresses
 * @param {any[][]} daysSinceLast Days since each customer's last purchase (≥ 0).
 * @param {any[][]} purchases Each customer's number of purchases (≥ 0).
 * @param {any[][]} totalSpend Each customer's total spend.
 * @param {any} [bins] Number of score bins, a whole number from 2 to 9. Default 5 (quintiles).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Per customer: R, F, M, RFM code; blank rows stay blank.
 */
export function RFM_SCORE(
  daysSinceLast: any[][],
  purchases: any[][],
  totalSpend: any[][],
  bins: any,
  invocation: Invocation,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const [binsArg] = await blankArgumentsOmitted([bins], [at[3]]);
    const k = checkBins(numberArg(binsArg, "bins", { default: 5 }));
    const rfm = await readFilled({ ...rfmRanges(daysSinceLast, purchases, totalSpend), addresses: at });
    const [d, f, m] = rfm.values as [Float64Array, Float64Array, Float64Array];
    return scoreRows(rfm.first, rfm.rows, rfmScores(d, f, m, { bins: k, describe: rfm.describe }));
  });
}

/**
 * The eight-class RFM segment of each customer (Important value, development, retention, win-back; General
 * value, …): R is high when the days since the last purchase are ≤ the split, F when purchases ≥ the split, M
 * when total spend ≥ the split; M chooses Important or General. Same shape as daysSinceLast.
 * @customfunction RFM.SEGMENT
 * @requiresParameterAddresses
 * @param {any[][]} daysSinceLast Days since each customer's last purchase (≥ 0).
 * @param {any[][]} purchases Each customer's number of purchases (≥ 0).
 * @param {any[][]} totalSpend Each customer's total spend.
 * @param {any} [split] Where each column splits into high and low: "mean" (default) or "median".
 * @param {any} [language] Language of the segment names: "en" (default) or "zh".
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} The segment name per customer; blank rows stay blank.
 */
export function RFM_SEGMENT(
  daysSinceLast: any[][],
  purchases: any[][],
  totalSpend: any[][],
  split: any,
  language: any,
  invocation: Invocation,
): Promise<any[][]> {
  const rfm = rfmRanges(daysSinceLast, purchases, totalSpend);
  const segments: Classify<RfmSegment> = ([d, f, m], options) => rfmSegments(d!, f!, m!, options).segments;
  return labelEach(rfm, [split, language, "mean"], invocation, "segments", segments);
}

/**
 * The value tier of each customer: current value (spend so far) and potential value (e.g. predicted CLV) each
 * high when ≥ the split. High value (both high), Potential (potential only), General (current only), Low value
 * (neither). Same shape as currentValue.
 * @customfunction VALUETIER
 * @requiresParameterAddresses
 * @param {any[][]} currentValue Each customer's value so far, e.g. total spend.
 * @param {any[][]} potentialValue Each customer's potential value, e.g. CRM.CLV.BTYD.
 * @param {any} [split] Where each column splits into high and low: "median" (default) or "mean".
 * @param {any} [language] Language of the tier names: "en" (default) or "zh".
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} The tier name per customer; blank rows stay blank.
 */
export function VALUETIER(
  currentValue: any[][],
  potentialValue: any[][],
  split: any,
  language: any,
  invocation: Invocation,
): Promise<any[][]> {
  const values = { raws: [currentValue, potentialValue], names: ["currentValue", "potentialValue"] };
  const tiers: Classify<ValueTier> = ([c, p], options) => valueTiers(c!, p!, options).tiers;
  return labelEach(values, [split, language, "median"], invocation, "tiers", tiers);
}

/**
 * The lifecycle stage of each customer: New when the first purchase is at most newDays old; otherwise Active
 * when P(alive) ≥ atRisk, At risk when ≥ lost, else Lost. Use a P(alive) that lets one-time buyers fade
 * (Pareto/NBD or MBG/NBD). Same shape as pAlive.
 * @customfunction LIFECYCLE
 * @requiresParameterAddresses
 * @param {any[][]} pAlive Each customer's probability of being active, from 0 to 1.
 * @param {any[][]} daysSinceFirst Days from each customer's first purchase to the as-of date (≥ 0).
 * @param {any} [newDays] Customers whose first purchase is at most this many days old are New. Default 90.
 * @param {any} [atRisk] Lowest P(alive) of an Active customer. Default 0.5.
 * @param {any} [lost] Lowest P(alive) of an At-risk customer; below it, Lost. Default 0.2; not above atRisk.
 * @param {any} [language] Language of the stage names: "en" (default) or "zh".
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} The stage name per customer; blank rows stay blank.
 */
export function LIFECYCLE(
  pAlive: any[][],
  daysSinceFirst: any[][],
  newDays: any,
  atRisk: any,
  lost: any,
  language: any,
  invocation: Invocation,
): Promise<any[][]> {
  return excelCallAt(invocation, async (at) => {
    const optional = await blankArgumentsOmitted([newDays, atRisk, lost, language], at.slice(2, 6));
    const thresholds = {
      newDays: numberArg(optional[0], "newDays", { default: 90 }),
      atRisk: numberArg(optional[1], "atRisk", { default: 0.5 }),
      lost: numberArg(optional[2], "lost", { default: 0.2 }),
    };
    const names = ANALYSIS_LABELS[languageArg(optional[3])].stages;
    const ranges = { raws: [pAlive, daysSinceFirst], names: ["pAlive", "daysSinceFirst"], addresses: at };
    const customers = await readFilled(ranges);
    const [p, a] = customers.values as [Float64Array, Float64Array];
    const stages = lifecycleStages(p, a, { ...thresholds, describe: customers.describe });
    return labelled(customers, (k) => names[stages[k]!]);
  });
}

/**
 * Cross-selling rate: the share of customers who bought in at least two distinct categories, of the customers
 * with a category. Customers and categories match like COUNTIF (text ignores case and surrounding spaces; 12
 * and "12" are the same). Rows without a customer are skipped.
 * @customfunction CROSSSELL
 * @requiresParameterAddresses
 * @param {any[][]} customerIds The customer of each order line (a range or a whole column).
 * @param {any[][]} categories The product category of each order line (same size as customerIds).
 * @param {CustomFunctions.Invocation} invocation Invocation details (supplied by Excel).
 * @returns {Promise<any[][]>} Customers with two or more categories / customers with a category, from 0 to 1.
 */
export function CROSSSELL(customerIds: any[][], categories: any[][], invocation: Invocation): Promise<number[][]> {
  return excelCallAt(invocation, async (at) => {
    const masks = await Promise.all([blankMaskFor(customerIds, at[0]), blankMaskFor(categories, at[1])]);
    const ids = matchCells(customerIds, "customerIds", masks[0]);
    const cats = matchCells(categories, "categories", masks[1]);
    if (ids.index.length !== cats.index.length) {
      const [a, b] = [shapeOf(customerIds), shapeOf(categories)];
      const sizes = `customerIds ${a.rows}×${a.columns}, categories ${b.rows}×${b.columns}`;
      throw valueError("input.sameCells", { names: "customerIds, categories", sizes });
    }
    return [[crossSellOf(ids, cats).rate]];
  });
}

/**
 * RFM.SCORE's spill: per cell of `like`, R, F, M and the code at the filled rows, four blanks elsewhere. Rows
 * with the same code are one array (at most 9³ of them): the spill is read, never changed, and 100,000
 * four-cell arrays cost more than the scores themselves.
 */
function scoreRows(
  like: NumberColumn,
  rows: Int32Array | null,
  s: { r: ArrayLike<number>; f: ArrayLike<number>; m: ArrayLike<number>; code: ArrayLike<number> },
): (number | string)[][] {
  const blank = ["", "", "", ""];
  const byCode: (number[] | undefined)[] = [];
  const out = new Array<(number | string)[]>(like.values.length).fill(blank);
  const filled = rows === null ? out.length : rows.length;
  for (let k = 0; k < filled; k++) {
    const code = s.code[k]!;
    out[rowIndex(rows, k)] = byCode[code] ??= [s.r[k]!, s.f[k]!, s.m[k]!, code];
  }
  return out;
}

/**
 * A label per filled row k, in the shape of the first range, blank elsewhere. A one-column range (the usual
 * customer column) shares one row array per label: the spill is read, never changed.
 */
function labelled({ first, rows }: FilledRows, label: (k: number) => string): string[][] {
  const filled = rows === null ? first.values.length : rows.length;
  const out = new Array<string[]>(first.rows);
  if (first.columns === 1) {
    const rowOf = new Map<string, string[]>();
    out.fill([""]);
    for (let k = 0; k < filled; k++) {
      const text = label(k);
      let row = rowOf.get(text);
      if (row === undefined) rowOf.set(text, (row = [text]));
      out[rowIndex(rows, k)] = row;
    }
    return out;
  }
  for (let r = 0, k = 0; r < first.rows; r++) {
    const row = new Array<string>(first.columns);
    for (let c = 0; c < first.columns; c++) {
      row[c] = k < filled && rowIndex(rows, k) === r * first.columns + c ? label(k++) : "";
    }
    out[r] = row;
  }
  return out;
}
