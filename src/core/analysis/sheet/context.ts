/** What the section builders of the analysis sheet share: the analysis, the language and the table's ranges. */
import { Language, MessageId, ParamsArg, msg, renderMessage } from "../../messages/catalogue";
import { Grid } from "../../scorecard/sheet/cells";
import type { PlanFormat } from "../../scorecard/planTypes";
import type { AnalysisOptions, CustomerAnalysis } from "../customerAnalysis";
import type { TableKey } from "./table";

/** The builders' shared state; they set cells on `grid` and push formats. */
export interface SheetContext {
  readonly a: CustomerAnalysis;
  readonly options: AnalysisOptions;
  readonly language: Language;
  /** Absolute data range of each table column present. */
  readonly ranges: Partial<Record<TableKey, string>>;
  /** Absolute address of the KPI cell holding the number of customers (`$B$7`). */
  readonly customersCell: string;
  readonly grid: Grid;
  readonly formats: PlanFormat[];
  /** Length of the top and early-warning lists. */
  readonly listLength: number;
  readonly months: number;
  /**
   * The cross-selling KPI's formula when it is not counted from a categories column of the table (the live
   * sheet calls CRM.CROSSSELL on the log instead).
   */
  readonly crossSellFormula?: string;
}

/** A catalogue text in the sheet's language. */
export function say<I extends MessageId>(ctx: { language: Language }, id: I, ...params: ParamsArg<I>): string {
  return renderMessage(msg(id, ...params), ctx.language);
}

/** The data range of a table column that must be present (the builders ask only for those). */
export function rangeOf(ctx: SheetContext, key: TableKey): string {
  const r = ctx.ranges[key];
  if (r === undefined) throw new Error(`the customer table has no ${key} column`);
  return r;
}
