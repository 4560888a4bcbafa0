/**
 * The summary sections of the analysis sheet, top to bottom. Each builder writes its rows from `row` and
 * returns the row after them. Summaries are native formulas over the customer table (Excel 2016 and
 * LibreOffice; no dynamic arrays), each with the core's value as `expected`.
 */
import { cellAddress, rangeAddress } from "../../address";
import { Message, renderMessage } from "../../messages/catalogue";
import { formula, num, text } from "../../scorecard/sheet/cells";
import { ANALYSIS_LABELS, LIFECYCLE_STAGES, RFM_SEGMENTS, VALUE_TIERS } from "../labels";
import type { ModelOutcome } from "../models";
import { rangeOf, say, SheetContext } from "./context";

const TITLE = { bold: true, fontSize: 12 } as const;
const HEADER = { bold: true, fill: "#DDEBF7" } as const;

function title(ctx: SheetContext, row: number, value: string): void {
  ctx.grid.set(row, 0, text(value));
  ctx.formats.push({ range: cellAddress(row, 0), style: TITLE });
}

function header(ctx: SheetContext, row: number, values: readonly string[]): void {
  ctx.grid.setRow(row, 0, values.map(text));
  ctx.formats.push({ range: rangeAddress(row, 0, row, values.length - 1), style: HEADER });
}

/** Title, as-of date, time unit and transactions analysed (4 rows). */
export function sheetHeader(ctx: SheetContext, transactions: number): number {
  ctx.grid.set(0, 0, text(say(ctx, "analysis.sheetTitle")));
  ctx.formats.push({ range: "A1", style: { bold: true, fontSize: 16 } });
  ctx.grid.setRow(1, 0, [text(say(ctx, "analysis.sheetAsOf")), num(ctx.a.asOfDay)]);
  ctx.formats.push({ range: "B2", numberFormat: "yyyy-mm-dd" });
  ctx.grid.setRow(2, 0, [text(say(ctx, "analysis.sheetPeriodDays")), num(ctx.a.periodDays)]);
  ctx.grid.setRow(3, 0, [text(say(ctx, "analysis.sheetTransactions")), num(transactions)]);
  return 5;
}

/** The headline KPIs (title + 8 rows); the first value row holds the number of customers. */
export function kpiSection(ctx: SheetContext, row: number): number {
  const k = ctx.a.kpis;
  const n = ctx.customersCell;
  title(ctx, row, say(ctx, "analysis.sheetKpis"));
  const L = ANALYSIS_LABELS[ctx.language];
  const stages = ctx.ranges.stage;
  const tiers = ctx.ranges.tier;
  const cats = ctx.ranges.categories;
  const clv = ctx.ranges.clv;
  const needsModel = say(ctx, "analysis.kpiNeedsModel");
  const rows: [string, string | null | undefined, number | string | null, string][] = [
    [say(ctx, "analysis.kpiCustomers"), `=COUNTA(${rangeOf(ctx, "customer")})`, k.customers, "#,##0"],
    [
      say(ctx, "analysis.kpiActive"),
      stages && `=COUNTIF(${stages},"${L.stages.new}")+COUNTIF(${stages},"${L.stages.active}")`,
      k.activeCustomers,
      "#,##0",
    ],
    [say(ctx, "analysis.kpiRepeatRate"), `=COUNTIF(${rangeOf(ctx, "purchases")},">=2")/${n}`, k.repeatRate, "0.0%"],
    [
      say(ctx, "analysis.kpiHighValueShare"),
      tiers && `=COUNTIF(${tiers},"${L.tiers.highValue}")/${n}`,
      k.highValueShare,
      "0.0%",
    ],
    [
      say(ctx, "analysis.kpiAtRiskShare"),
      stages && `=COUNTIF(${stages},"${L.stages.atRisk}")/${n}`,
      k.atRiskShare,
      "0.0%",
    ],
    [
      say(ctx, "analysis.kpiCrossSell"),
      ctx.crossSellFormula ?? (cats && `=COUNTIF(${cats},">=2")/COUNTIF(${cats},">=1")`),
      k.crossSellRate,
      "0.0%",
    ],
    [say(ctx, "analysis.kpiRevenue", { months: ctx.months }), clv && `=SUM(${clv})`, k.revenue, "#,##0.00"],
    [
      say(ctx, "analysis.kpiRevenuePerCustomer", { months: ctx.months }),
      clv && `=SUM(${clv})/${n}`,
      k.revenuePerCustomer,
      "#,##0.00",
    ],
  ];
  rows.forEach(([label, f, expected, format], i) => {
    const r = row + 1 + i;
    ctx.grid.set(r, 0, text(label));
    if (f !== null && f !== undefined && expected !== null) {
      ctx.grid.set(r, 1, formula(f, expected));
      ctx.formats.push({ range: cellAddress(r, 1), numberFormat: format });
    } else {
      const why = i === 5 ? say(ctx, "analysis.kpiNeedsCategories") : needsModel;
      ctx.grid.set(r, 2, text(why));
    }
  });
  return row + rows.length + 2;
}

/** One line of the models table: name, log-likelihood, parameters, use. */
function modelRow(ctx: SheetContext, r: number, o: ModelOutcome, use: string): void {
  const cells = [text(o.name)];
  if (o.model === null) {
    cells.push(
      text(""),
      text(""),
      text(say(ctx, "analysis.modelNotFitted", { reason: renderMessage(o.problem as Message, ctx.language) })),
    );
  } else {
    const params = Object.entries(o.model.params)
      .map(([k, v]) => `${k} ${v.toPrecision(5)}`)
      .join(" · ");
    cells.push(num(o.model.logLikelihood), text(params), text(use));
  }
  ctx.grid.setRow(r, 0, cells);
  ctx.formats.push({ range: cellAddress(r, 1), numberFormat: "0.00" });
}

/** The models: candidates (the chosen one marked), comparison fits, Gamma-Gamma; a note without a model. */
export function modelSection(ctx: SheetContext, row: number): number {
  const m = ctx.a.models;
  title(ctx, row, say(ctx, "analysis.sheetModels"));
  header(ctx, row + 1, [
    say(ctx, "analysis.modelName"),
    say(ctx, "analysis.modelLogLikelihood"),
    say(ctx, "analysis.modelParameters"),
    say(ctx, "analysis.modelRole"),
  ]);
  let r = row + 2;
  for (const o of m.candidates) {
    const chosen = o.model !== null && o.model === m.chosen;
    modelRow(ctx, r++, o, say(ctx, chosen ? "analysis.modelChosen" : "analysis.modelCandidate"));
  }
  for (const o of m.comparison) modelRow(ctx, r++, o, say(ctx, "analysis.modelComparison"));
  const spend: ModelOutcome =
    m.spend === null
      ? { name: "Gamma-Gamma", model: null, problem: m.spendProblem }
      : {
          name: "Gamma-Gamma",
          model: {
            name: "Gamma-Gamma",
            params: { ...m.spend.params },
            logLikelihood: m.spend.logLikelihood,
            pAlive: () => 0,
            expectedCurve: () => new Float64Array(),
          },
          problem: null,
        };
  modelRow(ctx, r++, spend, say(ctx, "analysis.modelSpend"));
  if (m.chosen === null) ctx.grid.set(r++, 0, text(say(ctx, "analysis.modelNone")));
  return r + 1;
}

/** PERCENTILE.INC breaks of R, F and M, and the segment split of each. */
export function breaksSection(ctx: SheetContext, row: number): number {
  const t = ctx.a.table;
  const bins = t.scores.breaks.r.length + 1;
  const L = ANALYSIS_LABELS[ctx.language].marketingRfm;
  title(ctx, row, say(ctx, "analysis.sheetBreaks"));
  header(ctx, row + 1, ["", L.daysSinceLast, L.purchases, L.totalSpend]);
  const keys = ["daysSinceLast", "purchases", "totalSpend"] as const;
  const breaks = [t.scores.breaks.r, t.scores.breaks.f, t.scores.breaks.m];
  for (let j = 1; j < bins; j++) {
    const r = row + 1 + j;
    ctx.grid.set(r, 0, text(say(ctx, "analysis.breakLabel", { j, bins })));
    keys.forEach((key, c) =>
      ctx.grid.set(r, 1 + c, formula(`=PERCENTILE.INC(${rangeOf(ctx, key)},${j}/${bins})`, breaks[c]![j - 1]!)),
    );
  }
  const r = row + 1 + bins;
  const mean = (ctx.options.segmentSplit ?? "mean") === "mean";
  ctx.grid.set(r, 0, text(say(ctx, mean ? "analysis.splitMean" : "analysis.splitMedian")));
  const splits = [t.segments.splits.r, t.segments.splits.f, t.segments.splits.m];
  keys.forEach((key, c) =>
    ctx.grid.set(r, 1 + c, formula(`=${mean ? "AVERAGE" : "MEDIAN"}(${rangeOf(ctx, key)})`, splits[c]!)),
  );
  ctx.formats.push({ range: rangeAddress(row + 2, 1, r, 3), numberFormat: "#,##0.00" });
  return r + 2;
}

/** A distribution: label, customers (COUNTIF over a table column), share. */
export function distributionSection(
  ctx: SheetContext,
  row: number,
  titleText: string,
  kind: string,
  column: string,
  labels: readonly string[],
  counts: readonly number[],
): number {
  title(ctx, row, titleText);
  header(ctx, row + 1, [kind, say(ctx, "analysis.columnCustomers"), say(ctx, "analysis.columnShare")]);
  labels.forEach((label, i) => {
    const r = row + 2 + i;
    const count = cellAddress(r, 1);
    ctx.grid.setRow(r, 0, [
      text(label),
      formula(`=COUNTIF(${column},${cellAddress(r, 0)})`, counts[i]!),
      formula(`=${count}/${ctx.customersCell}`, counts[i]! / ctx.a.kpis.customers),
    ]);
  });
  ctx.formats.push({ range: rangeAddress(row + 2, 2, row + 1 + labels.length, 2), numberFormat: "0.0%" });
  return row + labels.length + 3;
}

/** The counts of one optional distribution, by key, and the table column they count. */
interface OptionalCounts<K extends string> {
  readonly column: string | undefined;
  readonly keys: readonly K[];
  readonly names: Readonly<Record<K, string>>;
  readonly counts: Readonly<Record<K, number>> | null;
}

/**
 * A {@link distributionSection} when the analysis has these counts and the table their column; `at` is its
 * first row (null when there is none) and `next` the row after it.
 */
function optionalDistribution<K extends string>(
  ctx: SheetContext,
  row: number,
  titleText: string,
  kind: string,
  o: OptionalCounts<K>,
): { at: number | null; next: number } {
  const counts = o.counts;
  if (counts === null || o.column === undefined) return { at: null, next: row };
  const labels = o.keys.map((k) => o.names[k]);
  const values = o.keys.map((k) => counts[k]);
  return { at: row, next: distributionSection(ctx, row, titleText, kind, o.column, labels, values) };
}

/** Segments, tiers and stages (the last two when a model gave them). */
export function distributions(
  ctx: SheetContext,
  row: number,
): { next: number; segments: number; tiers: number | null; stages: number | null } {
  const L = ANALYSIS_LABELS[ctx.language];
  const d = ctx.a.distributions;
  const segments = row;
  const r = distributionSection(
    ctx,
    row,
    say(ctx, "analysis.sheetSegments"),
    say(ctx, "analysis.columnSegment"),
    rangeOf(ctx, "segment"),
    RFM_SEGMENTS.map((s) => L.segments[s]),
    RFM_SEGMENTS.map((s) => d.segments[s]),
  );
  const tiers = optionalDistribution(ctx, r, say(ctx, "analysis.sheetTiers"), say(ctx, "analysis.columnTier"), {
    column: ctx.ranges.tier,
    keys: VALUE_TIERS,
    names: L.tiers,
    counts: d.tiers,
  });
  const stages = optionalDistribution(
    ctx,
    tiers.next,
    say(ctx, "analysis.sheetStages"),
    say(ctx, "analysis.columnStage"),
    {
      column: ctx.ranges.stage,
      keys: LIFECYCLE_STAGES,
      names: L.stages,
      counts: d.stages,
    },
  );
  return { next: stages.next, segments, tiers: tiers.at, stages: stages.at };
}
