/**
 * A KPI table's rows below its header, each read role by role into a KPI or into its problems: the names, the
 * direction, the numbers, the weight, and whether target and threshold make sense together.
 */
import { msg } from "../../messages/catalogue";
import { isBlankCell } from "../../values/blank";
import { numberText } from "../../values/display";
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from "../headers";
import type { Direction, Kpi } from "../table";
import { type CellReading, numberAt, textAt } from "./cells";
import { cellAt, type Column } from "./columns";
import { directionAt } from "./direction";
import type { ProblemLog } from "./problems";

/** The table's column of each role, or null; the required roles (Metric, Actual, Target) have one. */
export type RoleColumns = { readonly [R in ColumnRole]: Column | null } & {
  readonly metric: Column;
  readonly actual: Column;
  readonly target: Column;
};

/** Each role's column under a mapping already checked (every required role mapped, every column in the table). */
export function roleColumns(columns: readonly Column[], mapping: ColumnMapping): RoleColumns {
  const of = (role: ColumnRole): Column | null => (mapping[role] === null ? null : columns[mapping[role]]!);
  return Object.fromEntries(COLUMN_ROLES.map((role) => [role, of(role)])) as RoleColumns;
}

/** The last perspective read, which a blank perspective cell repeats. */
interface Above {
  perspective: string | null;
}

/**
 * The KPIs of rows 1 to `height` − 1, those without problems; the problems of the others go to the log. A row
 * blank in every mapped column is skipped; a blank perspective repeats the one above (merged cells). O(cells).
 */
export function readKpis(cols: RoleColumns, height: number, log: ProblemLog): Kpi[] {
  const mapped = COLUMN_ROLES.map((role) => cols[role]).filter((c): c is Column => c !== null);
  const kpis: Kpi[] = [];
  const above: Above = { perspective: null };
  for (let r = 1; r < height; r++) {
    if (mapped.every((c) => isBlankCell(c.values[r]))) continue;
    const kpi = kpiAt(cols, r, above, log);
    if (kpi !== null) kpis.push(kpi);
  }
  return kpis;
}

/**
 * The KPI of row `r`, or null when the row has a problem (all of its problems reported, in column-role order);
 * `above` is updated with the row's own perspective.
 */
function kpiAt(cols: RoleColumns, r: number, above: Above, log: ProblemLog): Kpi | null {
  const before = log.count;
  const metric = textAt(cols.metric, r, "metric", false, log);
  const perspective = perspectiveAt(cols.perspective, r, above, log);
  const direction = directionAt(cols.direction, r, log);
  const actual = numberAt(cols.actual, r, "actual", false, log);
  const target = numberAt(cols.target, r, "target", false, log);
  const threshold = optionalNumberAt(cols.threshold, r, "threshold", log);
  // Previous and Benchmark may be blank (no value that period, no benchmark known); text is a problem.
  const previous = optionalNumberAt(cols.previous, r, "previous", log);
  const benchmark = optionalNumberAt(cols.benchmark, r, "benchmark", log);
  const weight = weightAt(cols.weight, r, log);
  if (typeof target === "number" && threshold !== undefined && direction !== null) {
    checkThreshold(cols, r, { target, threshold, direction }, log);
  }
  if (log.count > before) return null;
  return {
    perspective: perspective ?? "",
    metric: metric!,
    direction: direction!,
    actual: actual!,
    target: target!,
    threshold: threshold ?? null,
    weight: weight!,
    previous: previous ?? null,
    benchmark: benchmark ?? null,
    cells: {
      actual: cellAt(cols.actual, r),
      target: cellAt(cols.target, r),
      threshold: threshold === null || threshold === undefined ? null : cellAt(cols.threshold!, r),
      weight: cols.weight === null ? null : cellAt(cols.weight, r),
      previous: cols.previous === null ? null : cellAt(cols.previous, r),
      benchmark: cols.benchmark === null ? null : cellAt(cols.benchmark, r),
    },
  };
}

/** A number of an optional role's column where a blank means none; null without the column. */
function optionalNumberAt(column: Column | null, r: number, role: ColumnRole, log: ProblemLog): CellReading<number> {
  return column === null ? null : numberAt(column, r, role, true, log);
}

/**
 * The perspective of row `r`: its own, or (blank) the one above; null without a perspective column; a problem
 * when blank with nothing above.
 */
function perspectiveAt(column: Column | null, r: number, above: Above, log: ProblemLog): CellReading<string> {
  if (column === null) return null;
  const own = textAt(column, r, "perspective", true, log);
  if (typeof own === "string") above.perspective = own;
  if (own !== null) return own;
  if (above.perspective !== null) return above.perspective;
  log.addAt(column, r, "blank", msg("scorecard.tablePerspectiveBlank"), "perspective");
  return undefined;
}

/** The weight of row `r`: 1 without a weight column; blank or negative is a problem. */
function weightAt(column: Column | null, r: number, log: ProblemLog): CellReading<number> {
  if (column === null) return 1;
  const weight = numberAt(column, r, "weight", false, log);
  if (typeof weight === "number" && weight < 0) {
    const problem = msg("scorecard.tableNegativeWeight", { value: numberText(weight) });
    log.addAt(column, r, "negativeWeight", problem, "weight");
  }
  return weight;
}

/**
 * Reports a target equal to its threshold, a threshold on the wrong side of the target for the direction, or,
 * without a threshold, a target of 0 or below (DESIGN.md "Scorecard semantics").
 */
function checkThreshold(
  cols: RoleColumns,
  r: number,
  kpi: { target: number; threshold: number | null; direction: Direction },
  log: ProblemLog,
): void {
  const { target, threshold, direction } = kpi;
  const value = numberText(target);
  if (threshold === null) {
    if (target > 0) return;
    log.addAt(cols.target, r, "targetNotPositive", msg("scorecard.tableTargetNotPositive", { value }), "target");
  } else if (target === threshold) {
    log.addAt(cols.target, r, "targetEqualsThreshold", msg("scorecard.tableTargetIsThreshold", { value }), "target");
  } else if (direction === "higher" ? threshold > target : threshold < target) {
    const id = direction === "higher" ? "scorecard.tableThresholdAbove" : "scorecard.tableThresholdBelow";
    const problem = msg(id, { threshold: numberText(threshold), target: value });
    log.addAt(cols.threshold!, r, "thresholdWrongSide", problem, "threshold");
  }
}
