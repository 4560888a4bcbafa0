/**
 * The whole customer analysis of a transaction log (issue 11; DESIGN.md "Customer analysis"), as plain
 * numbers for the analysis sheet: per customer the marketing RFM, the BTYD summary, RFM scores and segment,
 * distinct categories, P(alive), expected purchases, CLV, value tier and lifecycle stage; then the headline
 * KPIs, the distributions, the top customers by CLV, the churn early-warning list and the cohort table.
 *
 * What needs a model (P(alive), predictions, tiers, stages, revenue) is left out — null — when no purchase
 * model can be fitted (say, nobody bought twice); the rest does not need one.
 */
import { CohortGrain, CohortRow, cohortTableOfCustomers } from "../btyd/cohort";
import { GammaGammaFit, ggFit } from "../btyd/gammagamma";
import { distinctRows } from "../btyd/grouping";
import { btydColumnsOfDays, CustomerDays, CustomerId, customerDays, transactionLogAsOfDay } from "../btyd/rfm";
import { CrmError } from "../errors";
import { Message, msg } from "../messages/catalogue";
import { MatchKey, matchKeys } from "../values/matchKeys";
import { LIFECYCLE_STAGES, LifecycleStage, RFM_SEGMENTS, RfmSegment, VALUE_TIERS, ValueTier } from "./labels";
import { LifecycleThresholds, lifecycleStages } from "./lifecycle";
import { marketingRfmOfDays, type MarketingRfm } from "./marketingRfm";
import {
  BGNBD_FITTER,
  bestModel,
  profileClv,
  profileValue,
  fitModels,
  ModelOutcome,
  PurchaseModel,
  PurchaseModelFitter,
} from "./models";
import { SplitRule } from "./quantiles";
import { RfmScores, rfmScores } from "./scores";
import { RfmSegments, rfmSegments } from "./segments";
import { ValueTiers, valueTiers } from "./valueTiers";

/** A transaction log: one entry per transaction in each column; categories optional. */
export interface TransactionLog {
  readonly customerIds: readonly CustomerId[];
  readonly dates: ArrayLike<number>;
  readonly amounts: ArrayLike<number>;
  readonly categories?: readonly MatchKey[];
}

/** Options of {@link analyzeCustomers}; every one has the default the functions have. */
export interface AnalysisOptions extends LifecycleThresholds {
  /** As-of date (Excel serial); default the last date in the log. */
  readonly asOf?: number;
  /** Days per period of the models' time unit; default 7 (weeks). */
  readonly periodDays?: number;
  /** Horizon of the expected purchases in days; default 90. */
  readonly expectedDays?: number;
  /** CLV horizon in months; default 12. */
  readonly months?: number;
  /** Discount rate per month of the CLV; default 0.01. */
  readonly monthlyDiscount?: number;
  readonly bins?: number;
  readonly segmentSplit?: SplitRule;
  readonly tierSplit?: SplitRule;
  readonly cohortGrain?: CohortGrain;
  /** Length of the top-customer and early-warning lists; default 20. */
  readonly listLength?: number;
  /** The models the analysis chooses from (the better log-likelihood wins). */
  readonly candidates: readonly PurchaseModelFitter[];
  /** Models fitted for comparison only; default BG/NBD. */
  readonly comparison?: readonly PurchaseModelFitter[];
  /** Describes transaction i in messages. */
  readonly describe?: (i: number) => Message;
}

/**
 * One row per customer, in order of first appearance; days are whole Excel serials or day counts. The
 * marketing RFM columns (./marketingRfm.ts), then the model's and the labels'.
 */
export interface CustomerTable extends Omit<MarketingRfm, "asOfDay"> {
  /** The BTYD summary in periods: x, t_x, T and the mean repeat-purchase value. */
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetary: Float64Array;
  readonly scores: RfmScores;
  readonly segments: RfmSegments;
  /** Distinct categories each customer bought (COUNTIF matching); null without a category column. */
  readonly categories: Float64Array | null;
  readonly pAlive: Float64Array | null;
  readonly expected: Float64Array | null;
  readonly clv: Float64Array | null;
  readonly tiers: ValueTiers | null;
  readonly stages: LifecycleStage[] | null;
}

/** The headline numbers; null where they need what is missing (a model, categories). */
export interface AnalysisKpis {
  readonly customers: number;
  /** New + Active. */
  readonly activeCustomers: number | null;
  /** Customers with ≥ 2 purchase days / customers. */
  readonly repeatRate: number;
  readonly highValueShare: number | null;
  readonly atRiskShare: number | null;
  /** Customers with ≥ 2 categories / customers with ≥ 1. */
  readonly crossSellRate: number | null;
  /** Sum of the CLV column: discounted predicted revenue over the CLV horizon. */
  readonly revenue: number | null;
  readonly revenuePerCustomer: number | null;
}

/** The models fitted, chosen and not. */
export interface AnalysisModels {
  readonly candidates: ModelOutcome[];
  readonly comparison: ModelOutcome[];
  readonly chosen: PurchaseModel | null;
  readonly spend: GammaGammaFit | null;
  readonly spendProblem: Message | null;
}

/** Everything the analysis sheet shows. */
export interface CustomerAnalysis {
  readonly asOfDay: number;
  readonly periodDays: number;
  readonly table: CustomerTable;
  readonly models: AnalysisModels;
  readonly kpis: AnalysisKpis;
  readonly distributions: {
    readonly segments: Record<RfmSegment, number>;
    readonly tiers: Record<ValueTier, number> | null;
    readonly stages: Record<LifecycleStage, number> | null;
  };
  /** Customer indices by CLV, largest first (ties in customer order), the first `listLength`; empty without CLV. */
  readonly topByClv: number[];
  /** At-risk customers by CLV, largest first, the first `listLength`: the churn early-warning list. */
  readonly earlyWarning: number[];
  /** Each customer's place by CLV (1 = largest; ties in customer order); null without CLV. */
  readonly clvRank: Int32Array | null;
  /** Each at-risk customer's place by CLV among the at-risk (1 = largest), 0 for the others; null without stages. */
  readonly warningRank: Int32Array | null;
  readonly cohorts: CohortRow[];
}

/**
 * Analyses a transaction log (module comment). O(n) for the log, O(m log m) for m customers, plus the fits.
 * @throws CrmError as the transaction-log checks (`#VALUE!` lengths, `#N/A` empty, `#NUM!` dates).
 */
export function analyzeCustomers(log: TransactionLog, options: AnalysisOptions): CustomerAnalysis {
  const periodDays = options.periodDays ?? 7;
  const asOfDay = transactionLogAsOfDay(log.customerIds, log.dates, log.amounts, {
    periodDays,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.describe === undefined ? {} : { describe: options.describe }),
  });
  const days = customerDays(log.customerIds, log.dates, log.amounts, asOfDay);
  const base = baseTable(days, periodDays, options);
  const models = fitAll(base, options);
  const predicted = predictions(base, models, periodDays, options);
  const categories = log.categories === undefined ? null : categoryCounts(log, days);
  const table: CustomerTable = { ...base, categories, ...predicted };
  const [customerOf, kept] = inWindow(days, log.dates);
  const cohorts = cohortTableOfCustomers(customerOf, days.customers.length, kept, options.cohortGrain ?? "month");
  const length = options.listLength ?? 20;
  const byClv = rankedBy(table.clv, () => true);
  const warning = rankedBy(table.clv, (i) => table.stages?.[i] === "atRisk");
  return {
    asOfDay,
    periodDays,
    table,
    models,
    kpis: kpisOf(table),
    distributions: {
      segments: countBy(RFM_SEGMENTS, table.segments.segments),
      tiers: table.tiers === null ? null : countBy(VALUE_TIERS, table.tiers.tiers),
      stages: table.stages === null ? null : countBy(LIFECYCLE_STAGES, table.stages),
    },
    topByClv: byClv.slice(0, length),
    earlyWarning: warning.slice(0, length),
    clvRank: table.clv === null ? null : ranks(byClv, table.customers.length),
    warningRank: table.stages === null || table.clv === null ? null : ranks(warning, table.customers.length),
    cohorts,
  };
}

type BaseTable = Omit<CustomerTable, "categories" | "pAlive" | "expected" | "clv" | "tiers" | "stages">;

/** Marketing RFM, BTYD summary, scores and segments from the day grouping. O(m log m). */
function baseTable(g: CustomerDays, periodDays: number, options: AnalysisOptions): BaseTable {
  const { asOfDay, ...rfm } = marketingRfmOfDays(g);
  const { frequency, recency, T, monetary } = btydColumnsOfDays(g, asOfDay, periodDays);
  return {
    ...rfm,
    frequency,
    recency,
    T,
    monetary,
    scores: rfmScores(rfm.daysSinceLast, g.purchaseDays, g.total, {
      ...(options.bins === undefined ? {} : { bins: options.bins }),
    }),
    segments: rfmSegments(rfm.daysSinceLast, g.purchaseDays, g.total, { split: options.segmentSplit ?? "mean" }),
  };
}

/** The candidate and comparison fits, the chosen model and the Gamma-Gamma spend fit. */
function fitAll(t: BaseTable, options: AnalysisOptions): AnalysisModels {
  const candidates = fitModels(options.candidates, t.frequency, t.recency, t.T);
  const comparison = fitModels(options.comparison ?? [BGNBD_FITTER], t.frequency, t.recency, t.T);
  let spend: GammaGammaFit | null = null;
  let spendProblem: Message | null = null;
  // Gamma-Gamma needs positive spend on repeat days: a net refund leaves a customer out of the spend fit
  const keep = Array.from(t.frequency, (x, i) => x > 0 && t.monetary[i]! > 0);
  try {
    spend = ggFit(
      t.frequency.filter((_, i) => keep[i]),
      t.monetary.filter((_, i) => keep[i]),
    );
    // the expected spend of a customer without repeat purchases is p·γ/(q − 1): no value of it for q ≤ 1
    if (!(spend.params.q > 1)) {
      spendProblem = msg("btyd.populationMeanSpend", { q: spend.params.q });
      spend = null;
    }
  } catch (e) {
    if (!(e instanceof CrmError && (e.code === "NA" || e.code === "NUM"))) throw e;
    spendProblem = e.what;
  }
  return { candidates, comparison, chosen: bestModel(candidates), spend, spendProblem };
}

/** P(alive), expected purchases and stages when a model was fitted; CLV and tiers when the spend model too. */
function predictions(
  t: BaseTable,
  models: AnalysisModels,
  periodDays: number,
  options: AnalysisOptions,
): Pick<CustomerTable, "pAlive" | "expected" | "clv" | "tiers" | "stages"> {
  const model = models.chosen;
  const spend = models.spend?.params ?? null;
  if (model === null) return { pAlive: null, expected: null, clv: null, tiers: null, stages: null };
  const m = t.customers.length;
  const pAlive = new Float64Array(m);
  const expected = new Float64Array(m);
  const clv = spend === null ? null : new Float64Array(m);
  const valueOptions = { ...options, periodDays };
  // customers with the same (x, t_x, T) share P(alive) and the purchase curve: computed once per history
  const histories = distinctRows([t.frequency, t.recency, t.T]);
  const [hx, htx, hT] = histories.columns as [Float64Array, Float64Array, Float64Array];
  const values = Array.from(hx, (x, h) => profileValue(model, x, htx[h]!, hT[h]!, valueOptions));
  for (let c = 0; c < m; c++) {
    const v = values[histories.index[c]!]!;
    pAlive[c] = v.pAlive;
    expected[c] = v.expected;
    if (clv !== null) clv[c] = profileClv(v, spend!, t.frequency[c]!, t.monetary[c]!);
  }
  return {
    pAlive,
    expected,
    clv,
    tiers: clv === null ? null : valueTiers(t.totalSpend, clv, { split: options.tierSplit ?? "median" }),
    stages: lifecycleStages(pAlive, t.daysSinceFirst, options),
  };
}

/**
 * Distinct categories per customer (categories matched like COUNTIF; customers as the day grouping knows them),
 * over the transactions on or before the as-of day. O(n) expected.
 */
function categoryCounts(log: TransactionLog, g: CustomerDays): Float64Array {
  const categories = log.categories!;
  const { index: cats, distinct } = matchKeys(categories);
  const counts = new Float64Array(g.customers.length);
  // up to 32 categories: a bit per category and customer; more: a set of (customer, category) pairs
  const masks = distinct <= 32 ? new Uint32Array(g.customers.length) : null;
  const seen = new Set<number>();
  for (let i = 0; i < categories.length; i++) {
    const k = cats[i]!;
    const c = g.customerOf[i]!;
    if (k < 0 || c < 0) continue;
    if (masks !== null) {
      const bit = 1 << k;
      if ((masks[c]! & bit) === 0) {
        masks[c]! |= bit;
        counts[c]! += 1;
      }
    } else if (!seen.has(c * distinct + k)) {
      seen.add(c * distinct + k);
      counts[c]! += 1;
    }
  }
  return counts;
}

/** How many of `values` equal each key, in the keys' order. */
function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  for (const v of values) out[v] += 1;
  return out;
}

/** The customer indices passing `keep`, by value largest first (ties: customer order). O(m log m). */
function rankedBy(values: Float64Array | null, keep: (i: number) => boolean): number[] {
  if (values === null) return [];
  const picked: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep(i)) picked.push(i);
  picked.sort((a, b) => values[b]! - values[a]! || a - b);
  return picked;
}

/** Places 1, 2, … of the customers in `order`; 0 for the others. */
function ranks(order: readonly number[], customers: number): Int32Array {
  const out = new Int32Array(customers);
  order.forEach((c, k) => (out[c] = k + 1));
  return out;
}

/** The headline KPIs of a customer table. O(m). */
function kpisOf(t: CustomerTable): AnalysisKpis {
  const m = t.customers.length;
  let repeaters = 0;
  for (let c = 0; c < m; c++) if (t.purchases[c]! >= 2) repeaters++;
  let withCategory = 0;
  let crossBuyers = 0;
  if (t.categories !== null) {
    for (const k of t.categories) {
      if (k >= 1) withCategory++;
      if (k >= 2) crossBuyers++;
    }
  }
  const count = (xs: readonly string[] | undefined, ...keys: string[]): number =>
    xs === undefined ? 0 : xs.reduce((s, x) => s + (keys.includes(x) ? 1 : 0), 0);
  const revenue = t.clv === null ? null : t.clv.reduce((s, x) => s + x, 0);
  return {
    customers: m,
    activeCustomers: t.stages === null ? null : count(t.stages, "new", "active"),
    repeatRate: repeaters / m,
    highValueShare: t.tiers === null ? null : t.tiers.highValueShare,
    atRiskShare: t.stages === null ? null : count(t.stages, "atRisk") / m,
    crossSellRate: withCategory === 0 ? null : crossBuyers / withCategory,
    revenue,
    revenuePerCustomer: revenue === null ? null : revenue / m,
  };
}

/**
 * The customers (as their numbers in the day grouping) and dates of the transactions on or before the as-of
 * day.
 */
function inWindow(g: CustomerDays, dates: ArrayLike<number>): [Float64Array, Float64Array] {
  let n = 0;
  for (let i = 0; i < g.customerOf.length; i++) if (g.customerOf[i]! >= 0) n++;
  const ids = new Float64Array(n);
  const kept = new Float64Array(n);
  for (let i = 0, k = 0; i < g.customerOf.length; i++) {
    const c = g.customerOf[i]!;
    if (c < 0) continue;
    ids[k] = c;
    kept[k++] = dates[i]!;
  }
  return [ids, kept];
}
