/**
 * A KPI table's cells read by role: a number (Actual, Target, Weight, …) or a name (Metric, Perspective), or
 * the problem that the cell is blank, an error value, a logical value or text. What a cell is comes from the
 * value layer (src/core/values): blanks, Excel's error texts, display text.
 */
import { type Message, msg } from "../../messages/catalogue";
import { isBlankCell, isBlankOrSpaces } from "../../values/blank";
import { logicalText, quotedValue } from "../../values/display";
import { errorTextOf } from "../../values/errorValues";
import { type ColumnRole, roleName } from "../headers";
import type { ProblemCode } from "../table";
import { cellAt, type Column } from "./columns";
import type { ProblemLog } from "./problems";

/** What a cell read by role gives: its value, null for an allowed blank, undefined after a reported problem. */
export type CellReading<T> = T | null | undefined;

/** Reports a problem of cell `r` of a role's column; always undefined, for the reader to return. */
function reject(
  column: Column,
  r: number,
  role: ColumnRole,
  code: ProblemCode,
  problem: Message,
  log: ProblemLog,
): undefined {
  log.add(cellAt(column, r), code, problem, role);
  return undefined;
}

/**
 * The number in row `r` of a role's column. A blank cell is null where `blankOk` (Threshold, Previous,
 * Benchmark), else a problem; an infinite number, an error value, a logical value or text is a problem.
 */
export function numberAt(
  column: Column,
  r: number,
  role: ColumnRole,
  blankOk: boolean,
  log: ProblemLog,
): CellReading<number> {
  const v = column.values[r];
  const name = roleName(role);
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v;
    return reject(column, r, role, "errorValue", msg("input.cellNotFinite", { where: name }), log);
  }
  if (isBlankCell(v)) {
    return blankOk ? null : reject(column, r, role, "blank", msg("scorecard.tableBlank", { role: name }), log);
  }
  const error = errorTextOf(v);
  if (error !== null)
    return reject(column, r, role, "errorValue", msg("scorecard.tableError", { role: name, error }), log);
  if (typeof v === "boolean") {
    return reject(column, r, role, "logical", msg("input.cellIsLogical", { where: name, value: logicalText(v) }), log);
  }
  return reject(column, r, role, "text", msg("scorecard.tableText", { role: name, text: quotedValue(v) }), log);
}

/**
 * The name in row `r` of a role's column (Metric, Perspective), trimmed; a number or logical value as its text.
 * A blank cell (or spaces only) is null where `blankOk`, else a problem; an error value is a problem.
 */
export function textAt(
  column: Column,
  r: number,
  role: ColumnRole,
  blankOk: boolean,
  log: ProblemLog,
): CellReading<string> {
  const v = column.values[r];
  if (isBlankOrSpaces(v)) {
    return blankOk
      ? null
      : reject(column, r, role, "blank", msg("scorecard.tableBlank", { role: roleName(role) }), log);
  }
  const error = errorTextOf(v);
  if (error !== null) {
    return reject(column, r, role, "errorValue", msg("scorecard.tableError", { role: roleName(role), error }), log);
  }
  if (typeof v === "boolean") return logicalText(v);
  return String(v).trim();
}
