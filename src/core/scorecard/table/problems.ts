/**
 * The problems of a KPI table as they are found, each a catalogue message (src/core/messages/scorecard.ts,
 * `scorecard.table…`) rendered once in English and once in Chinese, its sheet-qualified address first.
 */
import { sheetAddress } from "../../address";
import { type Message, msg, type ParamValue, renderMessage } from "../../messages/catalogue";
import type { ColumnRole } from "../headers";
import type { ProblemCode, TableProblem } from "../table";
import { cellAt, type Column } from "./columns";

/** The problems of one source sheet's table, in the order they were found. */
export class ProblemLog {
  readonly problems: TableProblem[] = [];

  /** @param sheet the source sheet, which qualifies every address */
  constructor(private readonly sheet: string) {}

  /** How many problems have been found so far. */
  get count(): number {
    return this.problems.length;
  }

  /**
   * Records a problem.
   * @param address where it is, without the sheet (a cell, a range or several), or null for the whole selection
   * @param code its kind
   * @param problem what is wrong, without the address
   * @param role the column role concerned, if any
   */
  add(address: string | null, code: ProblemCode, problem: Message, role?: ColumnRole): void {
    const a = address === null ? null : sheetAddress(this.sheet, address);
    const what = a === null ? problem : msg("scorecard.tableProblemAt", { address: a, problem });
    this.problems.push({
      code,
      address: a,
      ...(role === undefined ? {} : { role }),
      what,
      message: renderMessage(what, "en"),
      messageZh: renderMessage(what, "zh"),
    });
  }

  /**
   * Records a problem of one cell of a column.
   * @param column the column
   * @param r the cell's row within the table (0 is the header row)
   * @param code its kind
   * @param problem what is wrong, without the address
   * @param role the column's role
   */
  addAt(column: Column, r: number, code: ProblemCode, problem: Message, role: ColumnRole): void {
    this.add(cellAt(column, r), code, problem, role);
  }
}

/**
 * Items as a list in each language's way, `a, b, c` in English (nested as a balanced tree, so that a list of
 * thousands of headers renders without deep recursion); "" when there are none.
 */
export function listOf(items: readonly ParamValue[]): ParamValue {
  if (items.length <= 1) return items[0] ?? "";
  const half = Math.ceil(items.length / 2);
  return msg("scorecard.tableList", { first: listOf(items.slice(0, half)), rest: listOf(items.slice(half)) });
}

/** Header texts as a list, each quoted as the language quotes: `"Metric", "Goal?"` in English. */
export function quotedList(texts: readonly string[]): ParamValue {
  return listOf(texts.map((text) => msg("scorecard.tableQuoted", { text })));
}
