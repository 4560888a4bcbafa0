/**
 * The customer table of the live analysis sheet: CRM formulas that spill one row per customer, side by side
 * (livePlan.ts). `CRM.RFM(…, "marketing", language)` spills the header and the marketing RFM (columns A–F);
 * the days since the first purchase are the as-of date minus that column; `CRM.RFM.SCORE`, `CRM.RFM.SEGMENT`,
 * and — when a model was fitted — P(alive) and the expected purchases of the chosen model, `CRM.CLV.BTYD`,
 * `CRM.VALUETIER` and `CRM.LIFECYCLE` spill beside it; right of them `CRM.RFM(…)` in its BTYD layout spills
 * the models' inputs (frequency, recency, T, monetary in periods of B3 days).
 */
import { cellAddress, rangeAddress } from "../../address";
import { formula, text } from "../../scorecard/sheet/cells";
import type { PlanFormat } from "../../scorecard/planTypes";
import { ANALYSIS_LABELS } from "../labels";
import { say, SheetContext } from "./context";
import { LiveLogSource, logRange, spillColumn, spillOf } from "./liveRefs";
import type { LiveSpill, ModelCells, ModelInputs } from "./liveSections";
import { RFM_TABLE_KEYS, type TableKey } from "./table";

/** The table's columns, left to right, for an analysis with or without a model and a spend model. */
export type LiveKey = Exclude<TableKey, "categories" | "clvRank" | "warningRank">;

const DATE = "yyyy-mm-dd";

/** Which column each key is in (0-based), and where the model inputs' spill starts. */
export interface LiveTableLayout {
  readonly columns: Partial<Record<LiveKey, number>>;
  readonly inputs: number;
  /** The last column of the inputs' spill. */
  readonly last: number;
}

/** The table's columns for this analysis (module comment). */
export function liveTableLayout(hasModel: boolean, hasSpend: boolean): LiveTableLayout {
  const keys: LiveKey[] = [...RFM_TABLE_KEYS];
  if (hasModel) keys.push("pAlive", "expected", ...(hasSpend ? (["clv", "tier"] as const) : []), "stage");
  const columns: Partial<Record<LiveKey, number>> = {};
  keys.forEach((k, j) => (columns[k] = j));
  const inputs = keys.length + 1;
  return { columns, inputs, last: inputs + 4 };
}

/** The ranges the summary formulas read, with the table's header at `headerRow` (0-based). */
export function liveRanges(layout: LiveTableLayout, headerRow: number): Partial<Record<TableKey, string>> {
  const rfm = spillOf(headerRow, 0);
  const out: Partial<Record<TableKey, string>> = {
    customer: spillColumn(rfm, 1),
    firstPurchase: spillColumn(rfm, 2),
    lastPurchase: spillColumn(rfm, 3),
    purchases: spillColumn(rfm, 4),
    totalSpend: spillColumn(rfm, 5),
    daysSinceLast: spillColumn(rfm, 6),
  };
  for (const key of ["daysSinceFirst", "segment", "pAlive", "expected", "clv", "tier", "stage"] as const) {
    const j = layout.columns[key];
    if (j !== undefined) out[key] = spillOf(headerRow + 1, j);
  }
  return out;
}

/** Options of the table's formulas (the analysis options the pane passes). */
export interface LiveTableOptions {
  readonly bins: number;
  readonly segmentSplit: string;
  readonly tierSplit: string;
  readonly expectedDays: number;
  readonly monthlyDiscount: number;
  readonly newDays: number;
  readonly atRisk: number;
  readonly lost: number;
}

/**
 * Writes the table (header texts where no spill brings its own, one formula per column) and its number formats
 * over the rows the log gives now. Returns the spills it expects, with their sizes now.
 */
export function liveTable(
  ctx: SheetContext,
  headerRow: number,
  layout: LiveTableLayout,
  log: LiveLogSource,
  models: ModelCells,
  inputs: ModelInputs,
  o: LiveTableOptions,
): { spills: LiveSpill[]; formats: PlanFormat[] } {
  const a = ctx.a;
  const t = a.table;
  const m = t.customers.length;
  const lang = ctx.language;
  const L = ANALYSIS_LABELS[lang];
  const ranges = ctx.ranges;
  const h = headerRow;
  const data = h + 1;
  const spills: LiveSpill[] = [];
  const formats: PlanFormat[] = [];
  const at = (key: LiveKey): number => layout.columns[key]!;
  const column: ColumnWriter = (key, head, f, expected, width = 1, format) => {
    const j = at(key);
    ctx.grid.set(h, j, text(head));
    ctx.grid.set(data, j, formula(f, expected));
    spills.push({ row: data, column: j, rows: m, columns: width });
    if (format !== undefined)
      formats.push({ range: rangeAddress(data, j, data + m - 1, j + width - 1), numberFormat: format });
  };
  const log3 = `${logRange(log, "customer")},${logRange(log, "date")},${logRange(log, "amount")}`;
  ctx.grid.set(h, 0, formula(`=CRM.RFM(${log3},$B$2,$B$3,"marketing","${lang}")`, L.marketingRfm.customer));
  spills.push({ row: h, column: 0, rows: m + 1, columns: 6 });
  formats.push({ range: rangeAddress(data, 1, data + m - 1, 2), numberFormat: DATE });
  formats.push({ range: rangeAddress(data, 3, data + m - 1, 3), numberFormat: "0" });
  formats.push({ range: rangeAddress(data, 4, data + m - 1, 4), numberFormat: "#,##0.00" });
  formats.push({ range: rangeAddress(data, 5, data + m - 1, 5), numberFormat: "0" });
  const [dsl, purchases, spend] = [ranges.daysSinceLast!, ranges.purchases!, ranges.totalSpend!];
  column(
    "daysSinceFirst",
    say(ctx, "analysis.columnDaysSinceFirst"),
    `=$B$2-${ranges.firstPurchase!}`,
    t.daysSinceFirst[0] ?? 0,
    1,
    "0",
  );
  column(
    "r",
    say(ctx, "analysis.columnR"),
    `=CRM.RFM.SCORE(${dsl},${purchases},${spend},${o.bins})`,
    t.scores.r[0] ?? 0,
    4,
    "0",
  );
  for (const [key, id] of [
    ["f", "analysis.columnF"],
    ["m", "analysis.columnM"],
    ["code", "analysis.columnCode"],
  ] as const)
    ctx.grid.set(h, at(key), text(say(ctx, id)));
  column(
    "segment",
    say(ctx, "analysis.columnSegment"),
    `=CRM.RFM.SEGMENT(${dsl},${purchases},${spend},"${o.segmentSplit}","${lang}")`,
    t.segments.segments[0] === undefined ? "" : L.segments[t.segments.segments[0]],
  );
  if (models.chosen !== null && models.params !== null) modelColumns(ctx, layout, models, inputs, o, column);
  ctx.grid.set(h - 1, layout.inputs, text(say(ctx, "analysis.liveModelInputs")));
  ctx.grid.set(h, layout.inputs, formula(`=CRM.RFM(${log3},$B$2,$B$3)`, "customer"));
  spills.push({ row: h, column: layout.inputs, rows: m + 1, columns: 5 });
  formats.push({
    range: rangeAddress(data, layout.inputs + 1, data + m - 1, layout.inputs + 4),
    numberFormat: "0.00",
  });
  ctx.formats.push({ range: `${cellAddress(h - 1, layout.inputs)}`, style: { italic: true } });
  return { spills, formats };
}

/** Writes one table column: header, formula (spilling `width` columns), number format. */
type ColumnWriter = (
  key: LiveKey,
  head: string,
  f: string,
  expected: number | string,
  width?: number,
  format?: string,
) => void;

/** The chosen model's columns: P(alive), expected purchases, CLV and tier (with a spend model), stage. */
function modelColumns(
  ctx: SheetContext,
  layout: LiveTableLayout,
  models: ModelCells,
  inputs: ModelInputs,
  o: LiveTableOptions,
  column: ColumnWriter,
): void {
  const t = ctx.a.table;
  const lang = ctx.language;
  const L = ANALYSIS_LABELS[lang];
  const ranges = ctx.ranges;
  const spend = ranges.totalSpend!;
  const { frequency: f, recency: r, T, monetary } = inputs;
  const both = (fn: string, args: string): string =>
    `=IF(${models.chosen}="pnbd",CRM.PNBD.${fn}(${args}),CRM.MBGNBD.${fn}(${args}))`;
  const p = models.params;
  column(
    "pAlive",
    say(ctx, "analysis.columnPAlive"),
    both("PALIVE", `${p},${f},${r},${T}`),
    t.pAlive?.[0] ?? 0,
    1,
    "0.000",
  );
  column(
    "expected",
    say(ctx, "analysis.columnExpected", { days: o.expectedDays }),
    both("EXPECTED", `${p},${o.expectedDays}/$B$3,${f},${r},${T}`),
    t.expected?.[0] ?? 0,
    1,
    "0.00",
  );
  if (models.spend !== null && layout.columns.clv !== undefined) {
    const horizon = `${ctx.months},${o.monthlyDiscount},$B$3,${models.chosen}`;
    const clvArgs = `${p},${models.spend},${f},${r},${T},${monetary},${horizon}`;
    column(
      "clv",
      say(ctx, "analysis.columnClv", { months: ctx.months }),
      `=CRM.CLV.BTYD(${clvArgs})`,
      t.clv?.[0] ?? 0,
      1,
      "#,##0.00",
    );
    column(
      "tier",
      say(ctx, "analysis.columnTier"),
      `=CRM.VALUETIER(${spend},${ranges.clv!},"${o.tierSplit}","${lang}")`,
      t.tiers === null ? "" : L.tiers[t.tiers.tiers[0]!],
    );
  }
  column(
    "stage",
    say(ctx, "analysis.columnStage"),
    `=CRM.LIFECYCLE(${ranges.pAlive!},${ranges.daysSinceFirst!},${o.newDays},${o.atRisk},${o.lost},"${lang}")`,
    t.stages === null ? "" : L.stages[t.stages[0]!],
  );
}
