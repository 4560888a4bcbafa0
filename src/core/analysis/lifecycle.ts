/**
 * Lifecycle stages (DESIGN.md "Lifecycle stage"): New when the first purchase is within
 * `newDays` of the as-of date (daysSinceFirst ≤ newDays); otherwise by P(alive) from a model that lets
 * one-time buyers fade (Pareto/NBD or MBG/NBD): Active when P(alive) ≥ atRisk (default 0.5), At risk
 * when ≥ lost (default 0.2), else Lost.
 */
import { numError } from "../errors";
import { checkCustomerColumns, DescribeCustomer } from "./columns";
import { LifecycleStage } from "./labels";

/** The stage thresholds. */
export interface LifecycleThresholds {
  /** A customer whose first purchase is at most this many days old is New; default 90. */
  readonly newDays?: number;
  /** Lowest P(alive) of an Active customer; default 0.5. */
  readonly atRisk?: number;
  /** Lowest P(alive) of an At-risk customer (below: Lost); default 0.2. */
  readonly lost?: number;
}

/** Options of {@link lifecycleStages}. */
export interface LifecycleOptions extends LifecycleThresholds {
  /** Describes customer i in messages; default "customer i+1". */
  readonly describe?: DescribeCustomer;
}

/**
 * The thresholds with their defaults, checked.
 * @throws CrmError `#NUM!` for newDays < 0, a probability threshold outside 0..1, or lost > atRisk.
 */
export function checkLifecycleThresholds(t: LifecycleThresholds): Required<LifecycleThresholds> {
  const { newDays = 90, atRisk = 0.5, lost = 0.2 } = t;
  if (!(newDays >= 0) || !Number.isFinite(newDays)) throw numError("analysis.newDays", { value: newDays });
  if (!(atRisk >= 0 && atRisk <= 1)) throw numError("analysis.probability", { arg: "atRisk", value: atRisk });
  if (!(lost >= 0 && lost <= 1)) throw numError("analysis.probability", { arg: "lost", value: lost });
  if (lost > atRisk) throw numError("analysis.lostAboveAtRisk", { lost, atRisk });
  return { newDays, atRisk, lost };
}

/**
 * The stage of one customer (definitions above), thresholds already checked.
 * @example stageOf(0.3, 400, { newDays: 90, atRisk: 0.5, lost: 0.2 }) // "atRisk"
 */
export function stageOf(pAlive: number, daysSinceFirst: number, t: Required<LifecycleThresholds>): LifecycleStage {
  if (daysSinceFirst <= t.newDays) return "new";
  if (pAlive >= t.atRisk) return "active";
  return pAlive >= t.lost ? "atRisk" : "lost";
}

/**
 * Lifecycle stage of each customer (definitions above). O(n).
 * @param pAlive each customer's probability of being alive (0..1)
 * @param daysSinceFirst days from each customer's first purchase to the as-of date (≥ 0)
 * @throws CrmError `#VALUE!` for columns of different lengths, `#N/A` without customers, `#NUM!` for a
 * P(alive) outside 0..1, negative days, or bad thresholds ({@link checkLifecycleThresholds}).
 * @example lifecycleStages([0.9, 0.9, 0.3, 0.1], [30, 400, 400, 400]) // ["new", "active", "atRisk", "lost"]
 */
export function lifecycleStages(
  pAlive: ArrayLike<number>,
  daysSinceFirst: ArrayLike<number>,
  options: LifecycleOptions = {},
): LifecycleStage[] {
  const t = checkLifecycleThresholds(options);
  const n = checkCustomerColumns(
    [
      { name: "pAlive", values: pAlive, min: 0, max: 1 },
      { name: "daysSinceFirst", values: daysSinceFirst, min: 0 },
    ],
    options.describe,
  );
  const stages = new Array<LifecycleStage>(n);
  for (let i = 0; i < n; i++) stages[i] = stageOf(pAlive[i]!, daysSinceFirst[i]!, t);
  return stages;
}
