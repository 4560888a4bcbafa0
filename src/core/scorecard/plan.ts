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
 * Read the old sheet's stored settings (JSON in the cell its `…_Settings` name points to), read the source
 * range again, apply `settings.mapping` as the override, and build with `settings.options`, passing every
 * current sheet name and every workbook name except the old scorecard's (`settings.names`). Write the new
 * sheet without its names; only after success delete the old sheet and its names, then add `plan.names`
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
 *   gives the exact addresses.
 */
import { numError, valueError } from "../errors";
import { cellAddress, columnLetters, parseCell, quotedSheet, rangeAddress, sheetAddress } from "../address";
import type { ColumnMapping } from "./headers";
import { KPI_COLUMNS, RatingBand, ScorecardLanguage, scorecardLabels, ScorecardLabels } from "./labels";
import {
  DEFAULT_CAP,
  DEFAULT_STATUS,
  scoreScorecard,
  ScorecardResult,
  Status,
  StatusThresholds,
  TOP_N,
} from "./scoring";
import type { ScorecardTable } from "./table";

/**
 * Most KPIs a scorecard takes: the rank formulas compare every KPI with every other (O(n²)), about
 * 2·10⁸ comparisons per recalculation at this size.
 */
export const MAX_KPIS = 10_000;

/** Version of the plan and of the stored settings. */
export const PLAN_VERSION = 1;

/** A cell's content. */
export type PlanCell =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string; forceText: boolean }
  | { kind: "formula"; formula: string; expected: number | string };

/** A rectangle of cells: `address` like "A6:Q25"; `cells[r][c]` is its r-th row, c-th column. */
export interface PlanBlock {
  /** What the block is, for people and tests: "header", "kpis", "perspectives", ... */
  id: string;
  address: string;
  cells: (PlanCell | null)[][];
}

/** A border line. */
export interface BorderSpec {
  edges: readonly ("top" | "bottom" | "left" | "right")[];
  style: "thin" | "medium";
  color: string;
}

/** Cell formatting; every field optional (absent = leave as is). Colours are `#RRGGBB`. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: "left" | "center" | "right";
  wrapText?: boolean;
  border?: BorderSpec;
}

/** Formatting for a range. */
export interface PlanFormat {
  range: string;
  /** Excel number format code (en-US), e.g. "0.0%". */
  numberFormat?: string;
  style?: CellStyle;
}

/** Conditional formats. */
export type PlanConditionalFormat =
  | {
      kind: "expression";
      range: string;
      /** Starts with "=", relative to the range's top-left cell (e.g. "=$I7>=$B$40" for range "K7:K25"). */
      formula: string;
      format: { fill: string; fontColor: string };
    }
  | {
      kind: "dataBar";
      range: string;
      color: string;
      /** Fixed bounds of the bar (numbers). */
      min: number;
      max: number;
    };

/** A column's width and visibility. */
export interface PlanColumn {
  /** Column letters, e.g. "B". */
  column: string;
  /** Width in characters of the default font (exceljs `width`). */
  width: number;
  /** The same in points (Office.js `columnWidth`): characters · 7 px + 5 px padding, at 0.75 pt/px. */
  widthPoints: number;
  hidden: boolean;
}

/** Print layout. */
export interface PlanPrint {
  area: string;
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide... */
  fitToPagesWide: number;
  /** ...and as many pages tall as needed (0 = automatic). */
  fitToPagesTall: number;
  /** Rows repeated at the top of each printed page, e.g. "$6:$6". */
  titleRows: string;
}

/** A workbook-scoped name. */
export interface PlanName {
  name: string;
  /** "='CRM Scorecard'!$B$4" */
  refersTo: string;
  comment: string;
}

/** A native chart of the perspective scores. */
export interface PlanChart {
  type: "columnClustered";
  /** Unique per scorecard, like the names. */
  name: string;
  title: string;
  seriesName: string;
  /** Category labels (perspective names), a range on the plan's sheet. */
  categories: string;
  /** Series values (perspective scores), a range on the plan's sheet. */
  values: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  valueAxis: { min: number; max: number; majorUnit: number; numberFormat: string };
}

/** Settings stored with the scorecard so that it can be refreshed (rebuilt from its source). */
export interface StoredSettings {
  app: "crm-metrics-excel";
  kind: "scorecard";
  version: number;
  sheetName: string;
  source: { sheet: string; address: string };
  headers: string[];
  mapping: ColumnMapping;
  options: {
    language: ScorecardLanguage;
    cap: number;
    status: StatusThresholds;
    ratingBands: RatingBand[];
    mode: "live" | "snapshot";
  };
  names: { overallScore: string; rating: string; settings: string };
  asOf: string;
}

/** Where things are on the sheet (A1 addresses on the plan's sheet). */
export interface PlanAnchors {
  overallScore: string;
  rating: string;
  kpiHeader: string;
  /** The KPI rows A..K (without the header). */
  kpiRows: string;
  perspectives: string;
  strengths: string;
  weaknesses: string;
  cap: string;
  settings: string;
}

/** Everything a scorecard sheet holds. */
export interface Plan {
  version: number;
  sheetName: string;
  language: ScorecardLanguage;
  mode: "live" | "snapshot";
  blocks: PlanBlock[];
  formats: PlanFormat[];
  conditionalFormats: PlanConditionalFormat[];
  columns: PlanColumn[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; columns: number };
  print: PlanPrint;
  names: PlanName[];
  chart: PlanChart;
  settings: StoredSettings;
  anchors: PlanAnchors;
  /** The used range, e.g. "A1:Q60". */
  usedRange: string;
  /** The core's numbers, which the sheet's formulas reproduce. */
  expected: ScorecardResult;
}

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
}

// Sheet layout: columns of the KPI table and its helpers.
const COL = {
  perspective: 0,
  metric: 1,
  direction: 2,
  actual: 3,
  target: 4,
  threshold: 5,
  weight: 6,
  achievement: 7,
  score: 8,
  points: 9,
  status: 10,
  inputWeight: 12,
  pointsLost: 13,
  strengthRank: 14,
  weaknessRank: 15,
  group: 16,
} as const;
const LAST_COL = COL.group;
const HEADER_ROW = 5; // 0-based: Excel row 6
const CHART_ROWS = 16;

const COLORS = {
  headerFill: "#1F4E78",
  headerFont: "#FFFFFF",
  subFill: "#DDEBF7",
  helperFill: "#EDEDED",
  helperFont: "#7F7F7F",
  inputFill: "#FFF2CC",
  border: "#9BC2E6",
  onFill: "#C6EFCE",
  onFont: "#006100",
  nearFill: "#FFEB9C",
  nearFont: "#9C5700",
  offFill: "#FFC7CE",
  offFont: "#9C0006",
  bar: "#5B9BD5",
} as const;

/**
 * True when Excel would not keep a typed string as text: it starts with = + - @ (a formula) or ' (the
 * text prefix, which Excel swallows), or reads as a number, percentage, date, time or logical value.
 */
export function mustForceText(s: string): boolean {
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return true;
  return /\d/.test(t) && /^[\d\s.,:/%$€£¥()eE-]+$/.test(t);
}

function text(value: string): PlanCell {
  return { kind: "text", value, forceText: mustForceText(value) };
}

function num(value: number): PlanCell {
  return { kind: "number", value };
}

function formula(f: string, expected: number | string): PlanCell {
  return { kind: "formula", formula: f, expected };
}

/** A text as a formula string literal: "…" with inner quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The first free name among `base`, `base (2)`, `base (3)`… compared case-insensitively. */
export function uniqueSheetName(base: string, existing: readonly string[]): { name: string; number: number } {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return { name: base, number: 1 };
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return { name, number: n };
  }
}

/** Workbook names of a scorecard: `CRM_Scorecard[_n]_Score`, `_Rating`, `_Settings`, `_Chart`, unique. */
function uniqueNames(start: number, existing: readonly string[]): { base: string } {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  for (let n = start; ; n++) {
    const base = n === 1 ? "CRM_Scorecard" : `CRM_Scorecard_${n}`;
    if (!["_Score", "_Rating", "_Settings"].some((s) => taken.has((base + s).toLowerCase()))) return { base };
  }
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

/** Display width of a text in default-font characters (CJK characters count double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Builds a sparse grid of cells per section, then cuts it into blocks. */
class Grid {
  private readonly rows = new Map<number, (PlanCell | null)[]>();
  set(row: number, column: number, cell: PlanCell): void {
    let r = this.rows.get(row);
    if (r === undefined) {
      r = [];
      this.rows.set(row, r);
    }
    r[column] = cell;
  }
  block(id: string, top: number, left: number, bottom: number, right: number): PlanBlock {
    const cells: (PlanCell | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      const src = this.rows.get(r);
      const row: (PlanCell | null)[] = [];
      for (let c = left; c <= right; c++) row.push(src?.[c] ?? null);
      cells.push(row);
    }
    return { id, address: rangeAddress(top, left, bottom, right), cells };
  }
}

/**
 * Builds the plan of a scorecard sheet from a validated table. O(n) plan size (the sheet's rank formulas
 * are O(n²) to calculate, a few milliseconds for 1,000 KPIs in Excel).
 * @param table the output of `readScorecardTable` when it reported no problems
 * @throws CrmError `#VALUE!`/`#NUM!` for invalid options (cap, thresholds, bands, date).
 * @example buildScorecardPlan(readScorecardTable(sourceRange("Sheet1", "A1", values)).table!, { asOf: "2025-03-31" })
 */
export function buildScorecardPlan(table: ScorecardTable, options: ScorecardOptions = {}): Plan {
  const language = options.language ?? table.language;
  const L: ScorecardLabels = scorecardLabels(language);
  const cap = options.cap ?? DEFAULT_CAP;
  const status: StatusThresholds = { ...DEFAULT_STATUS, ...options.status };
  const bands: RatingBand[] = (options.ratingBands ?? L.ratingBands).map((b) => ({ min: b.min, label: b.label }));
  const mode = options.mode ?? "live";
  const asOf = options.asOf ?? today();
  const asOfSerial = excelDate(asOf);
  if (table.kpis.length === 0) throw valueError("the table has no KPI rows");
  if (table.kpis.length > MAX_KPIS) throw numError(`a scorecard holds at most ${MAX_KPIS.toLocaleString("en")} KPIs`);

  const kpis = table.kpis.map((k) => ({ ...k, perspective: k.perspective === "" ? L.allKpis : k.perspective }));
  const result = scoreScorecard(kpis, { cap, status, ratingBands: bands });
  const sheet = uniqueSheetName(L.sheetName, options.existingSheetNames ?? []);
  const { base } = uniqueNames(sheet.number, options.existingNames ?? []);
  const names = { overallScore: `${base}_Score`, rating: `${base}_Rating`, settings: `${base}_Settings` };
  const statusLabel: Record<Status, string> = { onTarget: L.onTarget, near: L.near, offTarget: L.offTarget };

  // Rows (0-based).
  const n = kpis.length;
  const P = result.perspectives.length;
  const B = bands.length;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + n;
  const persTitle = last + 2;
  const persHeader = persTitle + 1;
  const persFirst = persHeader + 1;
  const persLast = persHeader + P;
  const strTitle = Math.max(persLast, persHeader + CHART_ROWS) + 2;
  const strHeader = strTitle + 1;
  const weakTitle = strHeader + TOP_N + 2;
  const weakHeader = weakTitle + 1;
  const setTitle = weakHeader + TOP_N + 2;
  const capRow = setTitle + 1;
  const onRow = capRow + 1;
  const nearRow = onRow + 1;
  const bandHeader = nearRow + 1;
  const bandFirst = bandHeader + 1;
  const bandLast = bandHeader + B;
  const modeRow = bandLast + 1;
  const settingsRow = modeRow + 1;
  const lastRow = settingsRow;

  const A = (r: number, c: number): string => cellAddress(r, c);
  const abs = (r: number, c: number): string => cellAddress(r, c, true);
  const colRange = (c: number): string => `${abs(first, c)}:${abs(last, c)}`;
  const capRef = abs(capRow, 1);
  const onRef = abs(onRow, 1);
  const nearRef = abs(nearRow, 1);
  /** Nested IF over the band cells: the first band whose minimum the score reaches, else the last. */
  const ratingFormula = (scoreRef: string): string => {
    let f = abs(bandLast, 0);
    for (let i = B - 2; i >= 0; i--)
      f = `IF(ROUND(${scoreRef},9)>=${abs(bandFirst + i, 1)},${abs(bandFirst + i, 0)},${f})`;
    return `=${f}`;
  };
  const src = quotedSheet(table.sheet);
  const input = (value: number, cell: string | null): PlanCell =>
    mode === "live" && cell !== null ? formula(`=${src}!${cell}`, value) : num(value);

  const g = new Grid();
  // Header: title, as-of date, source, overall score and rating.
  g.set(0, 0, text(L.title));
  g.set(1, 0, text(L.asOf));
  g.set(1, 1, num(asOfSerial));
  g.set(2, 0, text(L.source));
  g.set(2, 1, text(sheetAddress(table.sheet, table.address)));
  g.set(3, 0, text(L.overallScore));
  g.set(3, 1, formula(`=SUM(${colRange(COL.points)})`, result.overall));
  g.set(3, 2, text(L.rating));
  g.set(3, 3, formula(ratingFormula(abs(3, 1)), bands[result.rating]!.label));

  // KPI table.
  KPI_COLUMNS.forEach((key, c) => g.set(HEADER_ROW, c, text(L.headers[key])));
  g.set(HEADER_ROW, COL.inputWeight, text(L.helpers.inputWeight));
  g.set(HEADER_ROW, COL.pointsLost, text(L.helpers.pointsLost));
  g.set(HEADER_ROW, COL.strengthRank, text(L.helpers.strengthRank));
  g.set(HEADER_ROW, COL.weaknessRank, text(L.helpers.weaknessRank));
  g.set(HEADER_ROW, COL.group, text(L.helpers.group));
  const ranks = rankAll(result, status);
  for (let i = 0; i < n; i++) {
    const k = kpis[i]!;
    const res = result.kpis[i]!;
    const r = first + i;
    const a = (c: number): string => A(r, c);
    g.set(r, COL.perspective, text(k.perspective));
    g.set(r, COL.metric, text(k.metric));
    g.set(r, COL.direction, text(k.direction === "higher" ? L.higher : L.lower));
    g.set(r, COL.actual, input(k.actual, k.cells.actual));
    g.set(r, COL.target, input(k.target, k.cells.target));
    if (k.threshold !== null) g.set(r, COL.threshold, input(k.threshold, k.cells.threshold));
    g.set(r, COL.weight, formula(`=${a(COL.inputWeight)}/SUM(${colRange(COL.inputWeight)})`, res.weight));
    const [act, tgt, thr] = [a(COL.actual), a(COL.target), a(COL.threshold)];
    const ach =
      k.threshold !== null
        ? `=MAX(0,MIN(${capRef},(${act}-${thr})/(${tgt}-${thr})))`
        : k.direction === "higher"
          ? `=MAX(0,MIN(${capRef},${act}/${tgt}))`
          : `=IF(${act}<=0,${capRef},MAX(0,MIN(${capRef},${tgt}/${act})))`;
    g.set(r, COL.achievement, formula(ach, res.achievement));
    g.set(r, COL.score, formula(`=ROUND(${a(COL.achievement)}*100,9)`, res.score));
    g.set(r, COL.points, formula(`=${a(COL.weight)}*${a(COL.score)}`, res.points));
    const sc = a(COL.score);
    g.set(
      r,
      COL.status,
      formula(
        `=IF(${sc}>=${onRef},${literal(L.onTarget)},IF(${sc}>=${nearRef},${literal(L.near)},${literal(L.offTarget)}))`,
        statusLabel[res.status],
      ),
    );
    g.set(r, COL.inputWeight, table.hasWeights ? input(k.weight, k.cells.weight) : num(1));
    g.set(r, COL.pointsLost, formula(`=ROUND(${a(COL.weight)}*(100-${sc}),9)`, res.pointsLost));
    const scores = colRange(COL.score);
    const scoresToHere = `${abs(first, COL.score)}:${sc}`;
    g.set(
      r,
      COL.strengthRank,
      formula(
        `=IF(${sc}>=${onRef},SUMPRODUCT(--(${scores}>${sc}))+SUMPRODUCT(--(${scoresToHere}=${sc})),"")`,
        ranks.strength[i] ?? "",
      ),
    );
    const lost = colRange(COL.pointsLost);
    const pl = a(COL.pointsLost);
    g.set(
      r,
      COL.weaknessRank,
      formula(
        `=IF(${sc}<${nearRef},SUMPRODUCT((${scores}<${nearRef})*(${lost}>${pl}))+SUMPRODUCT((${scoresToHere}<${nearRef})*(${abs(first, COL.pointsLost)}:${pl}=${pl})),"")`,
        ranks.weakness[i] ?? "",
      ),
    );
    g.set(r, COL.group, num(res.group));
  }

  // Perspective summary.
  g.set(persTitle, 0, text(L.perspectivesTitle));
  // Columns: A perspective, B rating (text, in the wide metric column), C weight, D score.
  [L.headers.perspective, L.rating, L.headers.weight, L.headers.score].forEach((h, c) => g.set(persHeader, c, text(h)));
  result.perspectives.forEach((p, j) => {
    const r = persFirst + j;
    const k = j + 1;
    g.set(r, 0, text(p.name));
    g.set(r, 1, formula(ratingFormula(A(r, 3)), bands[p.rating]!.label));
    g.set(r, 2, formula(`=SUMIF(${colRange(COL.group)},${k},${colRange(COL.weight)})`, p.weight));
    g.set(r, 3, formula(`=SUMIF(${colRange(COL.group)},${k},${colRange(COL.points)})/${A(r, 2)}`, p.score));
  });

  // Strengths and weaknesses, top 5 each, looked up by rank.
  const lookup = (rankCol: number, valueCol: number, k: number): string =>
    `=IFERROR(INDEX(${colRange(valueCol)},MATCH(${k},${colRange(rankCol)},0)),"")`;
  g.set(strTitle, 0, text(L.strengthsTitle));
  [L.headers.perspective, L.headers.metric, L.headers.score].forEach((h, c) => g.set(strHeader, c, text(h)));
  g.set(weakTitle, 0, text(L.weaknessesTitle));
  [L.headers.perspective, L.headers.metric, L.headers.score, L.pointsLost].forEach((h, c) =>
    g.set(weakHeader, c, text(h)),
  );
  for (let k = 1; k <= TOP_N; k++) {
    const s = result.strengths[k - 1];
    const sk = s === undefined ? null : kpis[s]!;
    g.set(strHeader + k, 0, formula(lookup(COL.strengthRank, COL.perspective, k), sk?.perspective ?? ""));
    g.set(strHeader + k, 1, formula(lookup(COL.strengthRank, COL.metric, k), sk?.metric ?? ""));
    g.set(
      strHeader + k,
      2,
      formula(lookup(COL.strengthRank, COL.score, k), s === undefined ? "" : result.kpis[s]!.score),
    );
    const w = result.weaknesses[k - 1];
    const wk = w === undefined ? null : kpis[w]!;
    g.set(weakHeader + k, 0, formula(lookup(COL.weaknessRank, COL.perspective, k), wk?.perspective ?? ""));
    g.set(weakHeader + k, 1, formula(lookup(COL.weaknessRank, COL.metric, k), wk?.metric ?? ""));
    g.set(
      weakHeader + k,
      2,
      formula(lookup(COL.weaknessRank, COL.score, k), w === undefined ? "" : result.kpis[w]!.score),
    );
    g.set(
      weakHeader + k,
      3,
      formula(lookup(COL.weaknessRank, COL.pointsLost, k), w === undefined ? "" : result.kpis[w]!.pointsLost),
    );
  }

  // Settings: the cells the formulas refer to, and the stored settings.
  const settings: StoredSettings = {
    app: "crm-metrics-excel",
    kind: "scorecard",
    version: PLAN_VERSION,
    sheetName: sheet.name,
    source: { sheet: table.sheet, address: table.address },
    headers: [...table.headers],
    mapping: { ...table.mapping },
    options: { language, cap, status, ratingBands: bands, mode },
    names,
    asOf,
  };
  g.set(setTitle, 0, text(L.settingsTitle));
  g.set(capRow, 0, text(L.cap));
  g.set(capRow, 1, num(cap));
  g.set(onRow, 0, text(L.onTargetFrom));
  g.set(onRow, 1, num(status.onTarget));
  g.set(nearRow, 0, text(L.nearFrom));
  g.set(nearRow, 1, num(status.near));
  g.set(bandHeader, 0, text(L.rating));
  g.set(bandHeader, 1, text(L.fromScore));
  bands.forEach((b, i) => {
    g.set(bandFirst + i, 0, text(b.label));
    g.set(bandFirst + i, 1, num(b.min));
  });
  g.set(modeRow, 0, text(L.mode));
  g.set(modeRow, 1, text(mode === "live" ? L.live : L.snapshot));
  g.set(settingsRow, 0, text(L.storedSettings));
  g.set(settingsRow, 1, text(JSON.stringify(settings)));

  const blocks = [
    g.block("header", 0, 0, 3, 3),
    g.block("kpis", HEADER_ROW, 0, last, LAST_COL),
    g.block("perspectives", persTitle, 0, persLast, 3),
    g.block("strengths", strTitle, 0, strHeader + TOP_N, 2),
    g.block("weaknesses", weakTitle, 0, weakHeader + TOP_N, 3),
    g.block("settings", setTitle, 0, settingsRow, 1),
  ];

  // Formats.
  const R = (t: number, l: number, b: number, r: number): string => rangeAddress(t, l, b, r);
  const headerStyle: CellStyle = {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    horizontalAlignment: "center",
    wrapText: true,
  };
  const subStyle: CellStyle = {
    bold: true,
    fill: COLORS.subFill,
    border: { edges: ["bottom"], style: "thin", color: COLORS.border },
  };
  const titleStyle: CellStyle = { bold: true, fontSize: 12 };
  const helperStyle: CellStyle = { italic: true, fontColor: COLORS.helperFont };
  const inputStyle: CellStyle = { fill: COLORS.inputFill };
  const formats: PlanFormat[] = [
    { range: "A1", style: { bold: true, fontSize: 16 } },
    { range: "A2:A4", style: { bold: true } },
    { range: "C4", style: { bold: true } },
    { range: "B2", numberFormat: "yyyy-mm-dd", style: { horizontalAlignment: "left" } },
    { range: "B4", numberFormat: "0.0", style: { bold: true, fontSize: 12, horizontalAlignment: "left" } },
    { range: "D4", style: { bold: true, fontSize: 12 } },
    { range: R(HEADER_ROW, 0, HEADER_ROW, COL.status), style: headerStyle },
    {
      range: R(HEADER_ROW, COL.inputWeight, HEADER_ROW, COL.group),
      style: { ...helperStyle, bold: true, fill: COLORS.helperFill, wrapText: true, horizontalAlignment: "center" },
    },
    { range: R(first, COL.actual, last, COL.threshold), numberFormat: "General" },
    { range: R(first, COL.weight, last, COL.weight), numberFormat: "0.0%" },
    { range: R(first, COL.achievement, last, COL.achievement), numberFormat: "0.0%" },
    { range: R(first, COL.score, last, COL.score), numberFormat: "0.0" },
    { range: R(first, COL.points, last, COL.points), numberFormat: "0.00" },
    { range: R(first, COL.status, last, COL.status), style: { horizontalAlignment: "center" } },
    {
      range: R(last, 0, last, COL.status),
      style: { border: { edges: ["bottom"], style: "thin", color: COLORS.border } },
    },
    { range: R(first, COL.inputWeight, last, COL.group), style: helperStyle },
    { range: R(first, COL.pointsLost, last, COL.pointsLost), numberFormat: "0.00" },
    { range: R(first, COL.strengthRank, last, COL.group), numberFormat: "0" },
    { range: A(persTitle, 0), style: titleStyle },
    { range: R(persHeader, 0, persHeader, 3), style: subStyle },
    { range: R(persFirst, 2, persLast, 2), numberFormat: "0.0%" },
    { range: R(persFirst, 3, persLast, 3), numberFormat: "0.0" },
    { range: A(strTitle, 0), style: titleStyle },
    { range: R(strHeader, 0, strHeader, 2), style: subStyle },
    { range: R(strHeader + 1, 2, strHeader + TOP_N, 2), numberFormat: "0.0" },
    { range: A(weakTitle, 0), style: titleStyle },
    { range: R(weakHeader, 0, weakHeader, 3), style: subStyle },
    { range: R(weakHeader + 1, 2, weakHeader + TOP_N, 2), numberFormat: "0.0" },
    { range: R(weakHeader + 1, 3, weakHeader + TOP_N, 3), numberFormat: "0.00" },
    { range: A(setTitle, 0), style: titleStyle },
    { range: A(capRow, 1), numberFormat: "0%", style: inputStyle },
    { range: R(onRow, 1, nearRow, 1), numberFormat: "0", style: inputStyle },
    { range: R(bandHeader, 0, bandHeader, 1), style: subStyle },
    { range: R(bandFirst, 0, bandLast, 1), style: inputStyle },
    { range: R(bandFirst, 1, bandLast, 1), numberFormat: "0" },
    { range: A(settingsRow, 0), style: { fontColor: COLORS.helperFont } },
    { range: A(settingsRow, 1), style: { fontColor: COLORS.helperFont, fontSize: 8 } },
  ];
  if (mode === "live")
    formats.push({ range: R(first, COL.actual, last, COL.threshold), style: { fontColor: "#0B5394" } });

  const statusRange = R(first, COL.status, last, COL.status);
  const scoreRel = `$${columnLetters(COL.score)}${first + 1}`;
  const conditionalFormats: PlanConditionalFormat[] = [
    {
      kind: "expression",
      range: statusRange,
      formula: `=${scoreRel}>=${onRef}`,
      format: { fill: COLORS.onFill, fontColor: COLORS.onFont },
    },
    {
      kind: "expression",
      range: statusRange,
      formula: `=AND(${scoreRel}>=${nearRef},${scoreRel}<${onRef})`,
      format: { fill: COLORS.nearFill, fontColor: COLORS.nearFont },
    },
    {
      kind: "expression",
      range: statusRange,
      formula: `=${scoreRel}<${nearRef}`,
      format: { fill: COLORS.offFill, fontColor: COLORS.offFont },
    },
    { kind: "dataBar", range: R(first, COL.score, last, COL.score), color: COLORS.bar, min: 0, max: 100 * cap },
    { kind: "dataBar", range: R(persFirst, 3, persLast, 3), color: COLORS.bar, min: 0, max: 100 * cap },
  ];

  // Columns: widths from the content, within limits.
  const longest = (xs: readonly string[]): number => xs.reduce((m, s) => Math.max(m, textWidth(s)), 0);
  const settingsLabels = [
    L.cap,
    L.onTargetFrom,
    L.nearFrom,
    L.mode,
    L.storedSettings,
    L.strengthsTitle,
    L.weaknessesTitle,
  ];
  const widths: Record<number, number> = {
    0: clamp(longest([...kpis.map((k) => k.perspective), ...bands.map((b) => b.label), ...settingsLabels]) + 2, 14, 34),
    1: clamp(longest(kpis.map((k) => k.metric)) + 2, 24, 60),
    2: clamp(longest([L.higher, L.lower, L.headers.direction]) + 2, 10, 14),
    3: 12,
    4: 12,
    5: 12,
    6: 10,
    7: 12,
    8: 10,
    9: 10,
    10: clamp(longest([L.onTarget, L.near, L.offTarget, L.rating]) + 3, 12, 16),
    11: 3,
  };
  const columns: PlanColumn[] = [];
  for (let c = 0; c <= LAST_COL; c++) {
    const width = widths[c] ?? 12;
    columns.push({
      column: columnLetters(c),
      width,
      widthPoints: Math.round((width * 7 + 5) * 0.75 * 100) / 100,
      hidden: false,
    });
  }

  const planNames: PlanName[] = [
    {
      name: names.overallScore,
      refersTo: `=${quotedSheet(sheet.name)}!${abs(3, 1)}`,
      comment: `${L.overallScore} (${sheet.name})`,
    },
    {
      name: names.rating,
      refersTo: `=${quotedSheet(sheet.name)}!${abs(3, 3)}`,
      comment: `${L.rating} (${sheet.name})`,
    },
    {
      name: names.settings,
      refersTo: `=${quotedSheet(sheet.name)}!${abs(settingsRow, 1)}`,
      comment: `${L.storedSettings} (${sheet.name})`,
    },
  ];

  const chart: PlanChart = {
    type: "columnClustered",
    name: `${base}_Chart`,
    title: L.chartTitle,
    seriesName: L.headers.score,
    categories: R(persFirst, 0, persLast, 0),
    values: R(persFirst, 3, persLast, 3),
    from: A(persTitle, 5),
    to: A(persHeader + CHART_ROWS, COL.status),
    valueAxis: { min: 0, max: 100 * cap, majorUnit: 20, numberFormat: "0" },
  };

  return {
    version: PLAN_VERSION,
    sheetName: sheet.name,
    language,
    mode,
    blocks,
    formats,
    conditionalFormats,
    columns,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    print: {
      area: R(0, 0, lastRow, COL.status),
      orientation: "landscape",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`,
    },
    names: planNames,
    chart,
    settings,
    anchors: {
      overallScore: "B4",
      rating: "D4",
      kpiHeader: R(HEADER_ROW, 0, HEADER_ROW, COL.status),
      kpiRows: R(first, 0, last, COL.status),
      perspectives: R(persHeader, 0, persLast, 3),
      strengths: R(strHeader, 0, strHeader + TOP_N, 2),
      weaknesses: R(weakHeader, 0, weakHeader + TOP_N, 3),
      cap: A(capRow, 1),
      settings: A(settingsRow, 1),
    },
    usedRange: R(0, 0, lastRow, LAST_COL),
    expected: result,
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Each KPI's strength and weakness rank as the sheet's helper columns compute them (all, not just 5). */
function rankAll(
  result: ScorecardResult,
  status: StatusThresholds,
): { strength: (number | undefined)[]; weakness: (number | undefined)[] } {
  const k = result.kpis;
  const idx = k.map((_, i) => i);
  const strength = new Array<number | undefined>(k.length);
  const weakness = new Array<number | undefined>(k.length);
  idx
    .filter((i) => k[i]!.score >= status.onTarget)
    .sort((a, b) => k[b]!.score - k[a]!.score || a - b)
    .forEach((i, r) => (strength[i] = r + 1));
  idx
    .filter((i) => k[i]!.score < status.near)
    .sort((a, b) => k[b]!.pointsLost - k[a]!.pointsLost || a - b)
    .forEach((i, r) => (weakness[i] = r + 1));
  return { strength, weakness };
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
