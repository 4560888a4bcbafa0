/**
 * The text of the sheet's formulas. Native functions only (Excel 2016+ and LibreOffice 7.4: no CRM.*, FILTER,
 * SORT, LET, XLOOKUP); English names and comma separators, as `Range.formulas` takes them. Each formula
 * reproduces a number of src/core/scorecard/scoring.ts exactly, rounding where it rounds.
 */
import { cellAddress } from "../../address";
import { kpiColumnRange, ScorecardLayout, sheetColumn, SheetColumn } from "../layout";
import type { Kpi } from "../table";

/** A text as a formula string literal: "…" with inner quotes doubled. */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The rating of the score in `scoreRef`: nested IFs over the rating-band cells of the settings block, the
 * first band whose minimum the score (rounded to 9 places, as the core rounds) reaches, else the last band.
 */
export function ratingFormula(layout: ScorecardLayout, scoreRef: string): string {
  const bands = layout.refs.bands;
  let f = bands[bands.length - 1]!.label;
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(ROUND(${scoreRef},9)>=${bands[i]!.min},${bands[i]!.label},${f})`;
  return `=${f}`;
}

/** The value in column `value` of the KPI ranked `k`-th in column `rank`, or "" when no KPI has that rank. */
export function lookupFormula(layout: ScorecardLayout, rank: SheetColumn, value: SheetColumn, k: number): string {
  return `=IFERROR(INDEX(${kpiColumnRange(layout, value)},MATCH(${k},${kpiColumnRange(layout, rank)},0)),"")`;
}

/** References from one row of the KPI table. */
export interface KpiRowRefs {
  /** This row's cell in a column, relative ("I7"). */
  at: (column: SheetColumn) => string;
  /** The column's KPI rows, absolute ("$I$7:$I$25"). */
  all: (column: SheetColumn) => string;
  /** The column from the first KPI row down to this one ("$I$7:I9"). */
  upTo: (column: SheetColumn) => string;
  /** The settings cells. */
  cap: string;
  onTarget: string;
  near: string;
}

/** The references of KPI row `row` (0-based sheet row). */
export function kpiRowRefs(layout: ScorecardLayout, row: number): KpiRowRefs {
  const at = (c: SheetColumn): string => cellAddress(row, sheetColumn(layout, c));
  return {
    at,
    all: (c) => kpiColumnRange(layout, c),
    upTo: (c) => `${cellAddress(layout.kpis.first, sheetColumn(layout, c), true)}:${at(c)}`,
    cap: layout.refs.cap,
    onTarget: layout.refs.onTarget,
    near: layout.refs.near,
  };
}

/**
 * Achievement (DESIGN.md "Scorecard semantics"): (actual − threshold)/(target − threshold) with a threshold;
 * without, actual/target when higher is better, target/actual when lower is (an actual ≤ 0 scores the cap);
 * clamped to [0, cap].
 */
export function achievementFormula(k: Kpi, r: KpiRowRefs): string {
  return `=${achievementExpression(k, r, r.at("actual"))}`;
}

/** The achievement of the value in cell `act` against the row's target and threshold (no leading "="). */
export function achievementExpression(k: Pick<Kpi, "threshold" | "direction">, r: KpiRowRefs, act: string): string {
  const [tgt, thr, cap] = [r.at("target"), r.at("threshold"), r.cap];
  if (k.threshold !== null) return `MAX(0,MIN(${cap},(${act}-${thr})/(${tgt}-${thr})))`;
  if (k.direction === "higher") return `MAX(0,MIN(${cap},${act}/${tgt}))`;
  return `IF(${act}<=0,${cap},MAX(0,MIN(${cap},${tgt}/${act})))`;
}

/** The status label of the row's score against the on-target and near-target thresholds. */
export function statusFormula(r: KpiRowRefs, labels: { onTarget: string; near: string; offTarget: string }): string {
  const sc = r.at("score");
  return `=IF(${sc}>=${r.onTarget},${literal(labels.onTarget)},IF(${sc}>=${r.near},${literal(labels.near)},${literal(labels.offTarget)}))`;
}

/**
 * Strength rank of an on-target KPI: how many KPIs score higher, plus how many from the first row down to
 * this one (itself included) score the same — ties go by table order; "" when not on target.
 */
export function strengthRankFormula(r: KpiRowRefs): string {
  const sc = r.at("score");
  return `=IF(${sc}>=${r.onTarget},SUMPRODUCT(--(${r.all("score")}>${sc}))+SUMPRODUCT(--(${r.upTo("score")}=${sc})),"")`;
}

/**
 * Weakness rank of an off-target KPI, by points lost: how many off-target KPIs lost more, plus how many
 * off-target ones from the first row down to this one (itself included) lost the same; "" when not off target.
 */
export function weaknessRankFormula(r: KpiRowRefs): string {
  const [sc, pl, near] = [r.at("score"), r.at("pointsLost"), r.near];
  const others = `SUMPRODUCT((${r.all("score")}<${near})*(${r.all("pointsLost")}>${pl}))`;
  const above = `SUMPRODUCT((${r.upTo("score")}<${near})*(${r.upTo("pointsLost")}=${pl}))`;
  return `=IF(${sc}<${near},${others}+${above},"")`;
}
