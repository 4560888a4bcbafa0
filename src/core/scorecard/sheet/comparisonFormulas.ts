/**
 * The formulas of the comparison columns (previous period and benchmark), each reproducing a number of
 * ../comparison.ts exactly. Native functions only (Excel 2016+ and LibreOffice 7.4). A missing previous
 * value or benchmark is an empty cell or "" (a live link to a blank source cell gives ""), and every
 * formula that reads one answers "" for it; comparisons over a column that holds "" guard with ISNUMBER,
 * because text compares greater than every number in both programs.
 */
import { quotedSheet } from "../../address";
import type { Kpi } from "../table";
import { achievementExpression, KpiRowRefs, literal } from "./formulas";

/** A live link that keeps a blank source cell blank (a plain link would read it as 0): `=IF(ISBLANK(s),"",s)`. */
export function blankSafeLink(sheet: string, cell: string): string {
  const src = `${quotedSheet(sheet)}!${cell}`;
  return `=IF(ISBLANK(${src}),"",${src})`;
}

/** actual − previous, "" without a previous value. */
export function changeFormula(r: KpiRowRefs): string {
  const [act, prev] = [r.at("actual"), r.at("previous")];
  return `=IF(${prev}="","",${act}-${prev})`;
}

/** (actual − previous)/|previous|, "" without a previous value or when it is 0. */
export function changePercentFormula(r: KpiRowRefs): string {
  const [act, prev] = [r.at("actual"), r.at("previous")];
  return `=IF(${prev}="","",IF(${prev}=0,"",(${act}-${prev})/ABS(${prev})))`;
}

/** The score of the previous value against the row's target and threshold, rounded as the score is. */
export function previousScoreFormula(k: Kpi, r: KpiRowRefs): string {
  const prev = r.at("previous");
  return `=IF(${prev}="","",ROUND(${achievementExpression(k, r, prev)}*100,9))`;
}

/** score − previous score, rounded to 9 places (the movers' order). */
export function scoreChangeFormula(r: KpiRowRefs): string {
  const [score, prev] = [r.at("score"), r.at("previousScore")];
  return `=IF(${prev}="","",ROUND(${score}-${prev},9))`;
}

/** +1 improved, −1 declined, 0 unchanged, in the KPI's direction; "" without a previous value. */
export function trendFormula(k: Kpi, r: KpiRowRefs): string {
  const [act, prev] = [r.at("actual"), r.at("previous")];
  const change = k.direction === "higher" ? `${act}-${prev}` : `${prev}-${act}`;
  return `=IF(${prev}="","",SIGN(${change}))`;
}

/** The gap to the benchmark, ahead positive: actual − benchmark, or the reverse when lower is better. */
export function gapFormula(k: Kpi, r: KpiRowRefs): string {
  const [act, bench] = [r.at("actual"), r.at("benchmark")];
  const gap = k.direction === "higher" ? `${act}-${bench}` : `${bench}-${act}`;
  return `=IF(${bench}="","",${gap})`;
}

/** Ahead when the gap is ≥ 0 (a tie is ahead), else behind; "" without a benchmark. */
export function versusBenchmarkFormula(r: KpiRowRefs, labels: { ahead: string; behind: string }): string {
  const gap = r.at("gap");
  return `=IF(${gap}="","",IF(${gap}>=0,${literal(labels.ahead)},${literal(labels.behind)}))`;
}

/** The weight share counted in the previous scores: the KPI's, or 0 without a previous score. */
export function previousWeightFormula(r: KpiRowRefs): string {
  return `=IF(${r.at("previousScore")}="",0,${r.at("weight")})`;
}

/** weight share × previous score, or 0 without a previous score. */
export function previousPointsFormula(r: KpiRowRefs): string {
  const prev = r.at("previousScore");
  return `=IF(${prev}="",0,${r.at("weight")}*${prev})`;
}

/**
 * Rank among the improvements (score change > 0; `sign` 1) or the declines (< 0; `sign` −1): how many KPIs
 * changed more in that direction, plus how many from the first row down to this one changed the same —
 * ties by table order; "" for the others.
 */
export function moverRankFormula(r: KpiRowRefs, sign: 1 | -1): string {
  const [d, all, upTo] = [r.at("scoreChange"), r.all("scoreChange"), r.upTo("scoreChange")];
  const cmp = sign === 1 ? ">" : "<";
  const beyond = `SUMPRODUCT(ISNUMBER(${all})*(${all}${cmp}${d}))`;
  const same = `SUMPRODUCT(ISNUMBER(${upTo})*(${upTo}=${d}))`;
  return `=IF(AND(ISNUMBER(${d}),${d}${cmp}0),${beyond}+${same},"")`;
}
