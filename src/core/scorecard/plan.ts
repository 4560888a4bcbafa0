/**
 * The scorecard *plan*: everything a new scorecard sheet holds, as plain data, so that a writer can apply
 * it mechanically — the Office.js writer (src/taskpane) in a fixed number of `context.sync()` calls, the
 * exceljs writer (src/cli/xlsxWriter.ts) for files. Writers know cells and formats, never KPIs.
 *
 * ## How a writer applies a plan
 * 1. Add a worksheet named `plan.sheetName` (already unique among `options.existingSheetNames`).
 * 2. For each of `plan.blocks` (rectangles in A1 notation, with a row-major matrix of cells): write every
 *    non-null cell. A `number` cell gets its value; a `formula` cell gets its formula (English function
 *    names, comma separators, as `Range.formulas` takes them); a `text` cell gets its string **as text**.
 *    Text cells with `forceText: true` start with `=`, `+`, `-`, `@` or `'`, or read as a number, date or
 *    logical value: a writer must make sure they stay text (Office.js: set `numberFormat` to `"@"` on them
 *    before writing the value; exceljs: a string value is always text). `null` cells are left empty.
 *    `expected` on formula cells is the core's value of the formula, for tests; writers ignore it — no
 *    cached values are written, Excel and LibreOffice calculate.
 * 3. Apply `plan.formats` in order (later entries override earlier ones on the same cells): number format
 *    codes are Excel's en-US codes (`Range.numberFormat`); styles use `#RRGGBB` colours.
 * 4. Add `plan.conditionalFormats` in order (`expression`: Office.js `ConditionalFormatType.custom`,
 *    formula relative to the range's top-left cell; `dataBar`: fixed number bounds).
 * 5. Set `plan.columns` widths (characters; `widthPoints` for Office.js `columnWidth`) and hidden flags,
 *    `plan.freeze` (`freezePanes.freezeRows/freezeAt`), `plan.print` (page layout: fit to one page wide).
 * 6. Add `plan.names` as workbook-scoped names (`workbook.names.add(name, refersTo)`).
 * 7. Add `plan.chart` (clustered column chart; series values and category labels given as ranges on the
 *    plan's sheet; placed from `from` to `to` cells). exceljs cannot write charts, so files from the
 *    command line have no chart (their writer reports it in its notes).
 * 8. `plan.settings` is also written in the sheet (the cell `plan.anchors.settings`, JSON); a writer may
 *    additionally keep it elsewhere (e.g. a custom XML part) to list scorecards without reading sheets.
 * Nothing else in the workbook is touched. If a step fails, the writer deletes the half-built sheet.
 *
 * ## Refresh
 * Read the old sheet's stored settings (JSON in the cell its `…_Settings` name points to — `isSettingsName`
 * and `parseStoredSettings` in settings.ts recognise and read them), read the source range again, apply
 * `settings.mapping` as the override, and build with `settings.options`, passing every current sheet name
 * and every workbook name except the old scorecard's (`settings.names`). Write the new sheet without its names; only after success delete the old sheet and its names, then add `plan.names`
 * (and, if wanted, rename the new sheet to the old name — Excel updates the references).
 *
 * ## What the sheet computes
 * Inputs (actual, target, threshold, weight) either link to the source cells (`='Sheet1'!D7`, live mode,
 * the default) or are copied (snapshot mode). Texts (perspective, metric, direction) are copied: they shape
 * the sheet, and a change to them needs a Refresh. Every computed value is a native formula that works in
 * Excel 2016+ and LibreOffice (no CRM.*, FILTER, SORT, LET, XLOOKUP): cap, status thresholds and rating
 * bands live in the settings block and the formulas refer to those cells, so editing them recalculates.
 * Strengths and weaknesses are ranked in helper columns with SUMPRODUCT (exact comparisons, ties broken
 * by table order) and listed with INDEX/MATCH. Scores and points lost are `ROUND(…, 9)` and ratings compare
 * rounded scores, exactly as src/core/scorecard/scoring.ts does, so the sheet and the core agree at
 * every boundary (see `expected`).
 *
 * ## Layout (rows for n KPIs, P perspectives, B rating bands)
 * - 1 title · 2 as-of date · 3 source address · 4 `Overall score` | value | `Rating` | value (named).
 * - 6 the KPI table's header (frozen), 7…6+n its rows: A perspective, B metric, C direction, D actual,
 *   E target, F threshold, G weight %, H achievement %, I score, J points, K status; L empty; helper
 *   columns M input weight, N points lost, O strength rank, P weakness rank, Q perspective number.
 * - then the perspective summary (A perspective, B rating, C weight %, D score) with the chart beside it
 *   (F…K), strengths (top 5: perspective, metric, score), weaknesses (top 5: …, points lost), and the
 *   settings block (cap, status thresholds, rating bands, mode, stored settings JSON). `plan.anchors`
 *   gives the exact addresses; layout.ts computes them all (`scorecardLayout`).
 *
 * ## How the plan is made
 * `buildScorecardPlan` resolves the options and scores the table once (`PlanContext`), computes the layout,
 * then asks one builder per section (./sheet: header, kpis, perspectives, rankings, settingsBlock) for its
 * block, formats and conditional formats, in sheet order; styles and number formats live in ./sheet/styles.ts,
 * formula texts in ./sheet/formulas.ts, column widths and print set-up in ./sheet/page.ts.
 */
import { valueError, numError } from "../errors";
import { cellAddress, parseCell, rangeAddress } from "../address";
import { compareScorecard, type ComparisonResult } from "./comparison";
import { previousFromHistory, type HistoryTable } from "./history";
import { periodRecordFromScores, type PeriodRecord } from "./historyRecord";
import { scorecardLabels, type RatingBand, type ScorecardLanguage } from "./labels";
import { planAnchors, scorecardLayout } from "./layout";
import { defaultPeriodLabel } from "./period";
import type { Plan, PlanCell } from "./planTypes";
import { PLAN_VERSION } from "./planTypes";
import { DEFAULT_CAP, DEFAULT_STATUS, scoreScorecard, type StatusThresholds } from "./scoring";
import { storedSettings } from "./settings";
import type { PlanContext, SheetSection } from "./sheet/context";
import { headerSection } from "./sheet/header";
import { kpiSection, liveLinkFormats } from "./sheet/kpis";
import { planNames, scorecardNames, uniqueSheetName } from "./sheet/names";
import { planColumns, planFreeze, planPrint } from "./sheet/page";
import { perspectiveChart, perspectiveSection } from "./sheet/perspectives";
import { rankedListSection } from "./sheet/rankings";
import { settingsSection } from "./sheet/settingsBlock";
import type { Kpi, ScorecardTable } from "./table";

export type {
  BorderSpec,
  CellStyle,
  Plan,
  PlanAnchors,
  PlanBlock,
  PlanCell,
  PlanChart,
  PlanColumn,
  PlanConditionalFormat,
  PlanFormat,
  PlanName,
  PlanPrint,
} from "./planTypes";
export { PLAN_VERSION } from "./planTypes";
export type { StoredSettings } from "./settings";
export { mustForceText } from "./sheet/cells";
export { uniqueSheetName } from "./sheet/names";

/**
 * Most KPIs a scorecard takes: the rank formulas compare every KPI with every other (O(n²)), about
 * 2·10⁸ comparisons per recalculation at this size.
 */
export const MAX_KPIS = 10_000;

/** Options of a build. */
export interface ScorecardOptions {
  /** Sheet language; default the language of the input's headers. */
  language?: ScorecardLanguage;
  /** Achievement cap, default 1.2 (120 %). */
  cap?: number;
  /** Status thresholds on the score scale, default on target ≥ 100, near ≥ 80. */
  status?: Partial<StatusThresholds>;
  /** Rating bands from the highest minimum down; default A/B/C/D of the language. */
  ratingBands?: readonly RatingBand[];
  /** "live" (default): inputs link to the source cells; "snapshot": their values are copied. */
  mode?: "live" | "snapshot";
  /** Sheet names already in the workbook (the new one must differ, case-insensitively). */
  existingSheetNames?: readonly string[];
  /** Workbook names already defined. */
  existingNames?: readonly string[];
  /** The as-of date, "YYYY-MM-DD"; default today (local time). */
  asOf?: string;
  /**
   * The period label ("2026 Q4", "FY2026 H1"); default the calendar quarter of the as-of date in the sheet's
   * language. Given (not blank), it is shown and stored even on a scorecard without comparisons.
   */
  period?: string;
  /**
   * The workbook's scorecard history: when the table has no Previous column, the previous values are the
   * actuals of the period before this one in the history (KPIs matched by perspective and metric).
   */
  history?: HistoryTable | null;
}

/** Excel's serial day number of a "YYYY-MM-DD" date (1900 date system). */
export function excelDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso || Number(m[1]) < 1901) {
    throw valueError(`asOf: "${iso}" is not a date like 2025-03-31`);
  }
  return t / 86_400_000 + 25569;
}

function today(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Previous values (from the table's Previous column, else from the history) and benchmarks, or null. */
function comparisonValues(
  table: ScorecardTable,
  kpis: readonly Kpi[],
  period: string,
  history: HistoryTable | null | undefined,
): { previous: (number | null)[] | null; source: PlanContext["previousSource"]; comparedWith: string | null } {
  if (table.hasPrevious) return { previous: kpis.map((k) => k.previous), source: "column", comparedWith: null };
  const fromHistory = history ? previousFromHistory(history, period, kpis) : null;
  if (fromHistory === null) return { previous: null, source: null, comparedWith: null };
  return { previous: fromHistory.values, source: "history", comparedWith: fromHistory.period };
}

/** The options and the table resolved and validated once, scored, compared, laid out and named. */
function planContext(table: ScorecardTable, options: ScorecardOptions): PlanContext {
  const language = options.language ?? table.language;
  const labels = scorecardLabels(language);
  const cap = options.cap ?? DEFAULT_CAP;
  const status: StatusThresholds = { ...DEFAULT_STATUS, ...options.status };
  const ratingBands: RatingBand[] = (options.ratingBands ?? labels.ratingBands).map((b) => ({
    min: b.min,
    label: b.label,
  }));
  const mode = options.mode ?? "live";
  const asOf = options.asOf ?? today();
  const asOfSerial = excelDate(asOf);
  const givenPeriod = options.period?.trim() ?? "";
  const period = givenPeriod === "" ? defaultPeriodLabel(asOf, language) : givenPeriod;
  if (table.kpis.length === 0) throw valueError("the table has no KPI rows");
  if (table.kpis.length > MAX_KPIS) throw numError(`a scorecard holds at most ${MAX_KPIS.toLocaleString("en")} KPIs`);

  const kpis = table.kpis.map((k) => ({ ...k, perspective: k.perspective === "" ? labels.allKpis : k.perspective }));
  const result = scoreScorecard(kpis, { cap, status, ratingBands });
  const values = comparisonValues(table, kpis, period, options.history);
  const benchmark = table.hasBenchmark ? kpis.map((k) => k.benchmark) : null;
  const comparison: ComparisonResult | null =
    values.previous === null && benchmark === null
      ? null
      : compareScorecard(kpis, result, { previous: values.previous, benchmark }, cap);
  const sheet = uniqueSheetName(labels.sheetName, options.existingSheetNames ?? []);
  const { names, chart } = scorecardNames(sheet.number, options.existingNames ?? []);
  const resolved = { language, cap, status, ratingBands, mode, ...(givenPeriod === "" ? {} : { period: givenPeriod }) };
  const layout = scorecardLayout({
    kpis: kpis.length,
    perspectives: result.perspectives.length,
    bands: ratingBands.length,
    previous: values.previous !== null,
    benchmark: benchmark !== null,
    period: benchmark !== null || givenPeriod !== "",
    comparedWith: values.comparedWith !== null,
  });
  return {
    table,
    kpis,
    labels,
    options: resolved,
    asOfSerial,
    result,
    layout,
    sheetName: sheet.name,
    names,
    chartName: chart,
    settings: storedSettings(table, sheet.name, resolved, names, asOf),
    comparison,
    previousSource: values.source,
    period,
    comparedWith: values.comparedWith,
  };
}

/**
 * Builds the plan of a scorecard sheet from a validated table. O(n) plan size (the sheet's rank formulas
 * are O(n²) to calculate, a few milliseconds for 1,000 KPIs in Excel).
 * @param table the output of `readScorecardTable` when it reported no problems
 * @throws CrmError `#VALUE!`/`#NUM!` for invalid options (cap, thresholds, bands, date).
 * @example buildScorecardPlan(readScorecardTable(sourceRange("Sheet1", "A1", values)).table!, { asOf: "2025-03-31" })
 */
export function buildScorecardPlan(table: ScorecardTable, options: ScorecardOptions = {}): Plan {
  const ctx = planContext(table, options);
  const { layout } = ctx;
  const sections: SheetSection[] = [
    headerSection(ctx),
    kpiSection(ctx),
    perspectiveSection(ctx),
    ...layout.listOrder.map((list) => rankedListSection(ctx, list)),
    settingsSection(ctx),
  ];
  return {
    version: PLAN_VERSION,
    sheetName: ctx.sheetName,
    language: ctx.options.language,
    mode: ctx.options.mode,
    blocks: sections.flatMap((s) => s.blocks),
    formats: [...sections.flatMap((s) => s.formats), ...liveLinkFormats(ctx)],
    conditionalFormats: sections.flatMap((s) => s.conditionalFormats),
    columns: planColumns(ctx),
    freeze: planFreeze(layout),
    print: planPrint(layout),
    names: planNames(ctx),
    chart: perspectiveChart(ctx),
    settings: ctx.settings,
    anchors: planAnchors(layout),
    usedRange: rangeAddress(0, 0, layout.lastRow, layout.lastColumn),
    expected: ctx.result,
    ...(ctx.comparison === null ? {} : { comparison: ctx.comparison }),
  };
}

/**
 * The record of the period a scorecard shows, for the history: what `buildScorecardPlan(table, options)`
 * scores, one row per KPI, per perspective and overall, labelled with the period (the option, else the
 * quarter of the as-of date).
 * @throws CrmError as `buildScorecardPlan`
 */
export function scorecardPeriodRecord(table: ScorecardTable, options: ScorecardOptions = {}): PeriodRecord {
  const ctx = planContext(table, options);
  return periodRecordFromScores({
    period: ctx.period,
    asOf: ctx.asOfSerial,
    kpis: ctx.kpis,
    result: ctx.result,
    ratingBands: ctx.options.ratingBands,
  });
}

/** Every non-empty cell of a plan with its 0-based position on the sheet. */
export function* planCells(plan: Plan): Generator<{ row: number; column: number; address: string; cell: PlanCell }> {
  for (const block of plan.blocks) {
    const { row: row0, column: col0 } = parseCell(block.address.split(":")[0]!);
    for (let r = 0; r < block.cells.length; r++) {
      const row = block.cells[r]!;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) yield { row: row0 + r, column: col0 + c, address: cellAddress(row0 + r, col0 + c), cell };
      }
    }
  }
}
