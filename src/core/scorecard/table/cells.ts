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
import type { Column } from "./columns";
import type { ProblemLog } from "./problems";

/** What a cell read by role gives: its value, null for an allowed blank, undefined after a reported problem. */
export type CellReading<T> = T | null | undefined;

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
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (blankOk && isBlankCell(v)) return null;
  const [code, problem] = notANumber(v, roleName(role));
  log.addAt(column, r, code, problem, role);
  return undefined;
}

/** Why a cell that should hold a number does not: it is infinite, blank, an error value, a logical value or text. */
function notANumber(v: unknown, role: Message): [ProblemCode, Message] {
  if (typeof v === "number") return ["errorValue", msg("input.cellNotFinite", { where: role })];
  if (isBlankCell(v)) return ["blank", msg("scorecard.tableBlank", { role })];
  const error = errorTextOf(v);
  if (error !== null) return ["errorValue", msg("scorecard.tableError", { role, error })];
  if (typeof v === "boolean") return ["logical", msg("input.cellIsLogical", { where: role, value: logicalText(v) })];
  return ["text", msg("scorecard.tableText", { role, text: quotedValue(v) })];
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
    if (blankOk) return null;
    log.addAt(column, r, "blank", msg("scorecard.tableBlank", { role: roleName(role) }), role);
    return undefined;
  }
  const error = errorTextOf(v);
  if (error === null) return typeof v === "boolean" ? logicalText(v) : String(v).trim();
  log.addAt(column, r, "errorValue", msg("scorecard.tableError", { role: roleName(role), error }), role);
  return undefined;
}
