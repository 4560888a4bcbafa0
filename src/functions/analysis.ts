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
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel argument types, coerced by core/input.ts */
import { crossSell } from "../core/analysis/crossSell";
import { ANALYSIS_LABELS, AnalysisLanguage } from "../core/analysis/labels";
import { lifecycleStages } from "../core/analysis/lifecycle";
import { SplitRule } from "../core/analysis/quantiles";
import { checkBins, rfmScores } from "../core/analysis/scores";
import { rfmSegments } from "../core/analysis/segments";
import { valueTiers } from "../core/analysis/valueTiers";
import { valueError } from "../core/errors";
import { numberArg, optionArg } from "../core/input";
import { Column, filledRows, idColumn, numberColumn, pick, position } from "./btyd";
import { excelCallAsync } from "./excel";

const SPLITS = ["mean", "median"] as const;
const LANGUAGES = ["en", "zh"] as const;

/** The `language` argument: "en" (default) or "zh". */
function languageArg(v: unknown): AnalysisLanguage {
  return optionArg(v, "language", LANGUAGES, "en");
}

/** The `split` argument: "mean" or "median", with the function's default. */
function splitArg(v: unknown, fallback: SplitRule): SplitRule {
  return optionArg(v, "split", SPLITS, fallback);
}

/** Per-customer numeric ranges, read in parallel (blank-safe on Excel desktop) and aligned row by row. */
async function customerColumns(
  raws: readonly unknown[],
  names: readonly string[],
  addresses: readonly (string | undefined)[],
): Promise<{ columns: Column<number>[]; rows: number[] }> {
  const columns = await Promise.all(raws.map((raw, j) => numberColumn(raw, names[j]!, addresses[j])));
  return { columns, rows: filledRows(columns) };
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
  daysSinceLast: unknown[][],
  purchases: unknown[][],
  totalSpend: unknown[][],
  bins: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const k = checkBins(numberArg(bins, "bins", { default: 5 }));
    const { columns, rows } = await customerColumns(
      [daysSinceLast, purchases, totalSpend],
      ["daysSinceLast", "purchases", "totalSpend"],
      invocation?.parameterAddresses ?? [],
    );
    const [d, f, m] = columns as [Column<number>, Column<number>, Column<number>];
    const s = rfmScores(pick(d, rows), pick(f, rows), pick(m, rows), {
      bins: k,
      describe: (i) => position(d, rows[i]!),
    });
    const out = new Array<(number | string)[]>(d.values.length);
    for (let cell = 0, k = 0; cell < out.length; cell++) {
      out[cell] = rows[k] === cell ? [s.r[k]!, s.f[k]!, s.m[k]!, s.code[k++]!] : ["", "", "", ""];
    }
    return out;
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
  daysSinceLast: unknown[][],
  purchases: unknown[][],
  totalSpend: unknown[][],
  split: any,
  language: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const rule = splitArg(split, "mean");
    const names = ANALYSIS_LABELS[languageArg(language)].segments;
    const { columns, rows } = await customerColumns(
      [daysSinceLast, purchases, totalSpend],
      ["daysSinceLast", "purchases", "totalSpend"],
      invocation?.parameterAddresses ?? [],
    );
    const [d, f, m] = columns as [Column<number>, Column<number>, Column<number>];
    const s = rfmSegments(pick(d, rows), pick(f, rows), pick(m, rows), {
      split: rule,
      describe: (i) => position(d, rows[i]!),
    });
    return labelled(d, rows, (k) => names[s.segments[k]!]);
  });
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
  currentValue: unknown[][],
  potentialValue: unknown[][],
  split: any,
  language: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const rule = splitArg(split, "median");
    const names = ANALYSIS_LABELS[languageArg(language)].tiers;
    const { columns, rows } = await customerColumns(
      [currentValue, potentialValue],
      ["currentValue", "potentialValue"],
      invocation?.parameterAddresses ?? [],
    );
    const [c, p] = columns as [Column<number>, Column<number>];
    const t = valueTiers(pick(c, rows), pick(p, rows), { split: rule, describe: (i) => position(c, rows[i]!) });
    return labelled(c, rows, (k) => names[t.tiers[k]!]);
  });
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
  pAlive: unknown[][],
  daysSinceFirst: unknown[][],
  newDays: any,
  atRisk: any,
  lost: any,
  language: any,
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return excelCallAsync(async () => {
    const thresholds = {
      newDays: numberArg(newDays, "newDays", { default: 90 }),
      atRisk: numberArg(atRisk, "atRisk", { default: 0.5 }),
      lost: numberArg(lost, "lost", { default: 0.2 }),
    };
    const names = ANALYSIS_LABELS[languageArg(language)].stages;
    const { columns, rows } = await customerColumns(
      [pAlive, daysSinceFirst],
      ["pAlive", "daysSinceFirst"],
      invocation?.parameterAddresses ?? [],
    );
    const [p, a] = columns as [Column<number>, Column<number>];
    const stages = lifecycleStages(pick(p, rows), pick(a, rows), {
      ...thresholds,
      describe: (i) => position(p, rows[i]!),
    });
    return labelled(p, rows, (k) => names[stages[k]!]);
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
export function CROSSSELL(
  customerIds: unknown[][],
  categories: unknown[][],
  invocation: CustomFunctions.Invocation,
): Promise<number[][]> {
  return excelCallAsync(async () => {
    const at = invocation?.parameterAddresses ?? [];
    const [ids, cats] = await Promise.all([
      idColumn(customerIds, "customerIds", at[0]),
      idColumn(categories, "categories", at[1]),
    ]);
    if (ids.values.length !== cats.values.length) {
      const sizes = `customerIds ${ids.rows}×${ids.columns}, categories ${cats.rows}×${cats.columns}`;
      throw valueError("input.sameCells", { names: "customerIds, categories", sizes });
    }
    return [[crossSell(ids.values, cats.values).rate]];
  });
}

/** A label per filled row k (0-based among `rows`, which ascend), in the shape of `like`, blank elsewhere. */
function labelled(like: Column<unknown>, rows: readonly number[], label: (k: number) => string): string[][] {
  const out = new Array<string[]>(like.rows);
  for (let r = 0, k = 0; r < like.rows; r++) {
    const row = new Array<string>(like.columns);
    for (let c = 0; c < like.columns; c++) row[c] = rows[k] === r * like.columns + c ? label(k++) : "";
    out[r] = row;
  }
  return out;
}
