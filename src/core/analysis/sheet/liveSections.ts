/**
 * The sections of the live analysis sheet that differ from the values sheet's (livePlan.ts): the fitted models
 * as CRM fit formulas with the chosen model picked by a formula, the customer table as CRM formulas that spill,
 * the top-CLV and early-warning lists found by LARGE/AGGREGATE (Excel 2016; no SORTBY or FILTER), and the cohort
 * table as CRM.COHORT. Each builder sets cells on the shared grid, with the core's value as `expected`.
 */
import { cellAddress, rangeAddress } from "../../address";
import { Message, renderMessage } from "../../messages/catalogue";
import { formula, text } from "../../scorecard/sheet/cells";
import type { PlanCell } from "../../scorecard/planTypes";
import { ANALYSIS_LABELS } from "../labels";
import type { ModelOutcome } from "../models";
import { rangeOf, say, SheetContext } from "./context";
import { LiveLogSource, logRange, spillColumn } from "./liveRefs";
import type { PlanColorScale } from "./planTypes";

const TITLE = { bold: true, fontSize: 12 } as const;
const HEADER = { bold: true, fill: "#DDEBF7" } as const;

/** The cells the table's model columns read: the chosen model's key and parameters, Gamma-Gamma's. */
export interface ModelCells {
  /** `$B$22`: "pnbd" or "mbgnbd", by the higher log-likelihood. Null when no model was fitted. */
  readonly chosen: string | null;
  /** `$C$22:$F$22`. */
  readonly params: string | null;
  /** `$B$21:$D$21`; null without a spend model. */
  readonly spend: string | null;
}

/** A spill the plan expects: its anchor (0-based) and its size now. */
export interface LiveSpill {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

function title(ctx: SheetContext, row: number, column: number, value: string): void {
  ctx.grid.set(row, column, text(value));
  ctx.formats.push({ range: cellAddress(row, column), style: TITLE });
}

function header(ctx: SheetContext, row: number, column: number, values: readonly string[]): void {
  ctx.grid.setRow(row, column, values.map(text));
  ctx.formats.push({ range: rangeAddress(row, column, row, column + values.length - 1), style: HEADER });
}

/** The BTYD summary columns the fits read (data rows of the inputs spill). */
export interface ModelInputs {
  readonly frequency: string;
  readonly recency: string;
  readonly T: string;
  readonly monetary: string;
}

/** The inputs of the models: columns 2–5 of the `CRM.RFM(…)` spill (customer, frequency, recency, T, monetary). */
export function modelInputs(spill: string): ModelInputs {
  return {
    frequency: spillColumn(spill, 2),
    recency: spillColumn(spill, 3),
    T: spillColumn(spill, 4),
    monetary: spillColumn(spill, 5),
  };
}

/** A fit's cells: name, the fit formula (spills its parameters and log-likelihood), role, parameter names. */
function fitRow(ctx: SheetContext, r: number, o: ModelOutcome | null, f: string, role: string, names: string): void {
  const params = o?.model === null || o === null ? [] : Object.values(o.model.params);
  const expected = o?.model === null || o === null ? "#N/A" : params[0]!;
  const why =
    o !== null && o.model === null
      ? say(ctx, "analysis.modelNotFitted", { reason: renderMessage(o.problem as Message, ctx.language) })
      : role;
  ctx.grid.setRow(r, 0, [text(o?.name ?? "Gamma-Gamma"), formula(f, expected)]);
  ctx.grid.setRow(r, 6, [text(why), text(names)]);
  ctx.formats.push({ range: rangeAddress(r, 1, r, 5), numberFormat: "0.0000" });
}

/**
 * The models: Pareto/NBD and MBG/NBD (the candidates), BG/NBD (comparison) and Gamma-Gamma as CRM fit formulas;
 * when the core could fit a candidate, a row with the chosen model's key (a formula: the higher log-likelihood)
 * and its parameters. Returns the next row and the cells the table reads.
 */
export function liveModels(ctx: SheetContext, row: number, inputs: ModelInputs): { next: number; cells: ModelCells } {
  const m = ctx.a.models;
  const { frequency: f, recency: r, T, monetary } = inputs;
  title(ctx, row, 0, say(ctx, "analysis.sheetModels"));
  header(ctx, row + 1, 0, [say(ctx, "analysis.modelName"), say(ctx, "analysis.liveParameters")]);
  header(ctx, row + 1, 6, [say(ctx, "analysis.modelRole"), ""]);
  const [pnbd, mbg] = [m.candidates[0] ?? null, m.candidates[1] ?? null];
  const chosenRole = (o: ModelOutcome | null): string =>
    say(ctx, o?.model != null && o.model === m.chosen ? "analysis.modelChosen" : "analysis.modelCandidate");
  const p = row + 2;
  fitRow(ctx, p, pnbd, `=CRM.PNBD.FIT(${f},${r},${T})`, chosenRole(pnbd), "r, alpha, s, beta; LL");
  fitRow(ctx, p + 1, mbg, `=CRM.MBGNBD.FIT(${f},${r},${T})`, chosenRole(mbg), "r, alpha, a, b; LL");
  fitRow(
    ctx,
    p + 2,
    m.comparison[0] ?? null,
    `=CRM.BGNBD.FIT(${f},${r},${T})`,
    say(ctx, "analysis.modelComparison"),
    "r, alpha, a, b; LL",
  );
  // Gamma-Gamma leaves out customers whose repeat days net to a refund (as the core's fit): frequency 0 for them
  const spendOutcome: ModelOutcome = {
    name: "Gamma-Gamma",
    model:
      m.spend === null
        ? null
        : { ...placeholderModel(), params: { ...m.spend.params }, logLikelihood: m.spend.logLikelihood },
    problem: m.spendProblem,
  };
  fitRow(
    ctx,
    p + 3,
    spendOutcome,
    `=CRM.GG.FIT(IF(${monetary}>0,${f},0),${monetary})`,
    say(ctx, "analysis.modelSpend"),
    "p, q, gamma; LL",
  );
  let next = p + 4;
  let cells: ModelCells = { chosen: null, params: null, spend: null };
  if (m.chosen !== null) {
    const c = next++;
    const key = cellAddress(c, 1, true);
    const [pll, mll] = [cellAddress(p, 5, true), cellAddress(p + 1, 5, true)];
    const choose =
      `=IF(AND(ISNUMBER(${pll}),ISNUMBER(${mll})),IF(${pll}>=${mll},"pnbd","mbgnbd"),` +
      `IF(ISNUMBER(${pll}),"pnbd",IF(ISNUMBER(${mll}),"mbgnbd",NA())))`;
    const chosenIsPnbd = m.chosen === pnbd?.model;
    const params = Object.values(m.chosen.params);
    const row: PlanCell[] = [
      text(say(ctx, "analysis.liveModelUsed")),
      formula(choose, chosenIsPnbd ? "pnbd" : "mbgnbd"),
    ];
    for (let j = 0; j < 4; j++)
      row.push(formula(`=IF(${key}="pnbd",${cellAddress(p, 1 + j)},${cellAddress(p + 1, 1 + j)})`, params[j] ?? 0));
    ctx.grid.setRow(c, 0, row);
    ctx.formats.push({ range: rangeAddress(c, 2, c, 5), numberFormat: "0.0000" });
    ctx.formats.push({ range: cellAddress(c, 0), style: { bold: true } });
    cells = {
      chosen: key,
      params: rangeAddress(c, 2, c, 5, true),
      spend: m.spend === null ? null : rangeAddress(p + 3, 1, p + 3, 3, true),
    };
  } else ctx.grid.set(next++, 0, text(say(ctx, "analysis.modelNone")));
  return { next: next + 1, cells };
}

/** A purchase model's functions, unused here: the spend row only shows parameters and log-likelihood. */
function placeholderModel(): Omit<NonNullable<ModelOutcome["model"]>, "params" | "logLikelihood"> {
  return { name: "Gamma-Gamma", pAlive: () => 0, expectedCurve: () => new Float64Array() };
}

/**
 * A ranked list for ranks 1..listLength: rank, customer, CLV, segment, stage and the customer's row in the
 * table. The k-th CLV is `LARGE` (all customers) or `AGGREGATE(14,6,CLV/(stage="At risk"),k)` (the at-risk
 * ones); its row is the n-th customer with that CLV (n = how often the value appears in the list so far), by
 * `AGGREGATE(15,6,row/(match),n)`: ties in customer order, as the core ranks them. A rank beyond the customers
 * shows blank.
 * @param ctx the shared state (its ranges name the table's spills)
 * @param row the list's first row (its title)
 * @param titleText the title
 * @param atRiskOnly true for the early-warning list
 * @param order the core's customer indices in rank order (the expected values)
 */
export function liveList(
  ctx: SheetContext,
  row: number,
  titleText: string,
  atRiskOnly: boolean,
  order: readonly number[],
): number {
  const t = ctx.a.table;
  const L = ANALYSIS_LABELS[ctx.language];
  title(ctx, row, 0, titleText);
  header(ctx, row + 1, 0, [
    say(ctx, "analysis.columnRank"),
    L.marketingRfm.customer,
    say(ctx, "analysis.columnClv", { months: ctx.months }),
    say(ctx, "analysis.columnSegment"),
    say(ctx, "analysis.columnStage"),
    say(ctx, "analysis.columnTableRow"),
  ]);
  const clv = rangeOf(ctx, "clv");
  const stage = rangeOf(ctx, "stage");
  const firstRow = Number(/\$(\d+)#$/.exec(clv)?.[1] ?? "1");
  const position = `(ROW(${clv})-${firstRow - 1})`;
  const risk = `(${stage}="${L.stages.atRisk}")`;
  const first = row + 2;
  for (let k = 1; k <= ctx.listLength; k++) {
    const r = row + 1 + k;
    const c = order[k - 1];
    const [rank, value, at] = [cellAddress(r, 0), cellAddress(r, 2), `$${cellAddress(r, 5)}`];
    const kth = atRiskOnly ? `AGGREGATE(14,6,${clv}/${risk},${rank})` : `LARGE(${clv},${rank})`;
    const match = atRiskOnly ? `((${clv}=${value})*${risk})` : `(${clv}=${value})`;
    const nth = `COUNTIF(${cellAddress(first, 2).replace(/(\d+)$/, "$$$1")}:${value},${value})`;
    const lookup = (range: string): string => `=IF(${at}="","",INDEX(${range},${at}))`;
    ctx.grid.setRow(r, 0, [
      { kind: "number", value: k },
      formula(lookup(rangeOf(ctx, "customer")), c === undefined ? "" : t.customers[c]!),
      formula(`=IFERROR(${kth},"")`, c === undefined ? "" : t.clv![c]!),
      formula(lookup(rangeOf(ctx, "segment")), c === undefined ? "" : L.segments[t.segments.segments[c]!]),
      formula(lookup(stage), c === undefined ? "" : L.stages[t.stages![c]!]),
      formula(`=IF(${value}="","",AGGREGATE(15,6,${position}/${match},${nth}))`, c === undefined ? "" : c + 1),
    ]);
  }
  ctx.formats.push({ range: rangeAddress(first, 2, first + ctx.listLength - 1, 2), numberFormat: "#,##0.00" });
  return row + ctx.listLength + 3;
}

/**
 * The cohort table at (row, column): title, header (cohort, customers, month 0, 1, … as many as the log has
 * now) and `CRM.COHORT` over the log's transactions on or before the as-of date (B2), which spills one row per
 * cohort; a colour scale over the shares as they are now. Returns the spill.
 */
export function liveCohorts(
  ctx: SheetContext,
  row: number,
  column: number,
  log: LiveLogSource,
  scales: PlanColorScale[],
): LiveSpill {
  const cohorts = ctx.a.cohorts;
  const width = cohorts[0]?.active.length ?? 0;
  title(ctx, row, column, say(ctx, "analysis.sheetCohorts"));
  const head = [say(ctx, "analysis.columnCohort"), say(ctx, "analysis.columnCustomers")];
  for (let j = 0; j < width; j++) head.push(say(ctx, "analysis.columnMonth", { n: j }));
  header(ctx, row + 1, column, head);
  const [ids, dates] = [logRange(log, "customer"), logRange(log, "date")];
  const kept = `ISNUMBER(${dates})*(${dates}<=$B$2)`;
  ctx.grid.set(
    row + 2,
    column,
    formula(`=CRM.COHORT(IF(${kept},${ids},""),IF(${kept},${dates},""),"month")`, cohorts[0]?.start ?? ""),
  );
  const last = row + 1 + Math.max(cohorts.length, 1);
  ctx.formats.push({ range: rangeAddress(row + 2, column, last, column), numberFormat: "yyyy-mm" });
  if (cohorts.length > 0 && width > 0) {
    const shares = rangeAddress(row + 2, column + 2, last, column + 1 + width);
    ctx.formats.push({ range: shares, numberFormat: "0%" });
    scales.push({ range: shares, colors: ["#F8696B", "#FFEB84", "#63BE7B"] });
  }
  return { row: row + 2, column, rows: Math.max(cohorts.length, 1), columns: 2 + width };
}

/** The cross-selling KPI over the log: CRM.CROSSSELL of the transactions on or before B2 that have a category. */
export function crossSellFormula(log: LiveLogSource): string | undefined {
  if (log.ranges.category === undefined) return undefined;
  const [ids, dates, cats] = [logRange(log, "customer"), logRange(log, "date"), logRange(log, "category")];
  const kept = `ISNUMBER(${dates})*(${dates}<=$B$2)*(${cats}<>"")`;
  return `=CRM.CROSSSELL(IF(${kept},${ids},""),IF(${kept},${cats},""))`;
}
