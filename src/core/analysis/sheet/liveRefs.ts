/**
 * References of the live analysis sheet (livePlan.ts): the user's log as absolute ranges on its sheet, and
 * the spills of the customer table. A function that spills with a header row (CRM.RFM) is read column by
 * column as `INDEX(A81#,2,k):INDEX(A81#,ROWS(A81#),k)` — a reference (COUNTIF and the CRM functions take it),
 * non-volatile (no OFFSET), and still valid once Prepare for sharing has pinned `A81#` to a fixed range
 * (src/core/sharing/spillPins.ts). Functions that spill without a header are referenced as `M82#`.
 */
import { cellAddress, quotedSheet } from "../../address";
import { LogColumn } from "../logTable";

/** Where the log is: its sheet and, per column, the data cells below the header (`A2:A69660`, no sheet). */
export interface LiveLogSource {
  readonly sheet: string;
  /** The log as the user selected it, for the sheet's header (`Log!A1:D69660`). */
  readonly address: string;
  readonly ranges: Readonly<Record<Exclude<LogColumn, "category">, string>> & { readonly category?: string };
}

/** `'Log'!$A$2:$A$69660`: a log column as an absolute reference on its sheet. */
export function logRange(source: LiveLogSource, column: LogColumn): string {
  const r = source.ranges[column];
  if (r === undefined) throw new Error(`the log has no ${column} column`);
  const abs = r
    .split(":")
    .map((part) => part.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quotedSheet(source.sheet)}!${abs}`;
}

/** `$A$81#`: the spill of the formula in a cell (0-based row and column). */
export function spillOf(row: number, column: number): string {
  return `${cellAddress(row, column, true)}#`;
}

/** The data rows of column `k` (1-based) of a spill that starts with a header row. */
export function spillColumn(spill: string, k: number): string {
  return `INDEX(${spill},2,${k}):INDEX(${spill},ROWS(${spill}),${k})`;
}
