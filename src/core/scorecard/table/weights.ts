/**
 * The checks of a KPI table's weight column as a whole, once every row reads: weights that are all zero over
 * the table, or within one perspective (nothing to normalise them by; DESIGN.md "Scorecard semantics").
 */
import { msg } from "../../messages/catalogue";
import { rangeAddress } from "../../address";
import { quotedValue } from "../../values/display";
import type { Kpi } from "../table";
import type { Column } from "./columns";
import type { ProblemLog } from "./problems";

/**
 * Reports weights all zero over the table (naming the weight column's rows below the header), else, with
 * perspectives, each perspective whose weights are all zero (naming its first to its last weight cell). O(KPIs).
 * @param kpis the table's KPIs, each read without a problem
 * @param weights the weight column
 * @param height the table's rows, the header row included
 * @param byPerspective whether the table has a perspective column
 * @param log where the problems go
 */
export function checkWeights(
  kpis: readonly Kpi[],
  weights: Column,
  height: number,
  byPerspective: boolean,
  log: ProblemLog,
): void {
  if (kpis.every((k) => k.weight === 0)) {
    const span = rangeAddress(
      weights.topRow + 1,
      weights.sheetColumn,
      weights.topRow + height - 1,
      weights.sheetColumn,
    );
    log.add(span, "weightsAllZero", msg("scorecard.weightsAllZero"), "weight");
    return;
  }
  if (!byPerspective) return;
  for (const [name, t] of perspectiveTotals(kpis)) {
    if (t.sum !== 0) continue;
    const cells = t.first === t.last ? t.first : `${t.first}:${t.last}`;
    log.add(
      cells,
      "perspectiveWeightsAllZero",
      msg("scorecard.tablePerspectiveWeightsZero", { name: quotedValue(name) }),
      "weight",
    );
  }
}

/** Each perspective's sum of weights and its first and last weight cell, in order of first appearance. */
function perspectiveTotals(kpis: readonly Kpi[]): Map<string, { sum: number; first: string; last: string }> {
  const totals = new Map<string, { sum: number; first: string; last: string }>();
  for (const k of kpis) {
    const t = totals.get(k.perspective);
    if (t === undefined) totals.set(k.perspective, { sum: k.weight, first: k.cells.weight!, last: k.cells.weight! });
    else {
      t.sum += k.weight;
      t.last = k.cells.weight!;
    }
  }
  return totals;
}
