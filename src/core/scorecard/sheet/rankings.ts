/**
 * The ranked lists: strengths (on-target KPIs, best score first) and weaknesses (off-target KPIs, most
 * points lost first), the top `TOP_N` of each looked up live from the KPI table's rank columns.
 */
import { cellAddress, rangeAddress } from "../../address";
import { RANKED_LISTS, RankedList, SheetColumn } from "../layout";
import { TOP_N } from "../scoring";
import { formula, Grid, text } from "./cells";
import type { PlanContext, SheetSection } from "./context";
import { lookupFormula } from "./formulas";
import { format, NUMBER_FORMATS, STYLES } from "./styles";

type ListColumn = (typeof RANKED_LISTS)[RankedList][number];

/** Per list: its title, the rank column it reads, and the KPIs in rank order (indexes into the table). */
function listSpec(ctx: PlanContext, list: RankedList): { title: string; rank: SheetColumn; picks: readonly number[] } {
  const { labels: L, result, comparison } = ctx;
  switch (list) {
    case "strengths":
      return { title: L.strengthsTitle, rank: "strengthRank", picks: result.strengths };
    case "weaknesses":
      return { title: L.weaknessesTitle, rank: "weaknessRank", picks: result.weaknesses };
    case "improvements":
      return { title: L.improvementsTitle, rank: "improvementRank", picks: comparison?.improvements ?? [] };
    case "declines":
      return { title: L.declinesTitle, rank: "declineRank", picks: comparison?.declines ?? [] };
  }
}

/** The core's value of a list cell: the KPI's text or number, "" below the last ranked KPI. */
function expectedValue(ctx: PlanContext, column: ListColumn, kpi: number | undefined): number | string {
  if (kpi === undefined) return "";
  if (column === "perspective" || column === "metric") return ctx.kpis[kpi]![column];
  if (column === "previousScore" || column === "scoreChange") return ctx.comparison?.kpis[kpi]![column] ?? "";
  return ctx.result.kpis[kpi]![column];
}

/** A ranked list: title, header, and `TOP_N` rows of lookups by rank (empty where fewer KPIs qualify). */
export function rankedListSection(ctx: PlanContext, list: RankedList): SheetSection {
  const { labels: L } = ctx;
  const t = ctx.layout.lists[list];
  if (t === undefined) throw new Error(`the scorecard sheet has no list "${list}"`);
  const columns: readonly ListColumn[] = RANKED_LISTS[list];
  const spec = listSpec(ctx, list);
  const header = (c: ListColumn): string => (c === "pointsLost" ? L.pointsLost : L.headers[c]);
  const numberFormat: Partial<Record<ListColumn, string>> = {
    score: NUMBER_FORMATS.score,
    pointsLost: NUMBER_FORMATS.points,
    previousScore: NUMBER_FORMATS.score,
    scoreChange: NUMBER_FORMATS.change,
  };
  const g = new Grid();
  g.set(t.title, 0, text(spec.title));
  g.setRow(
    t.header,
    0,
    columns.map((c) => text(header(c))),
  );
  for (let k = 1; k <= TOP_N; k++) {
    const kpi = spec.picks[k - 1];
    const cells = columns.map((c) => formula(lookupFormula(ctx.layout, spec.rank, c, k), expectedValue(ctx, c, kpi)));
    g.setRow(t.header + k, 0, cells);
  }
  const right = columns.length - 1;
  const formats = [
    format(cellAddress(t.title, 0), null, STYLES.emphasis),
    format(rangeAddress(t.header, 0, t.header, right), null, STYLES.subHeader),
  ];
  columns.forEach((c, i) => {
    const nf = numberFormat[c];
    if (nf !== undefined) formats.push(format(rangeAddress(t.first, i, t.last, i), nf));
  });
  return { blocks: [g.block(list, t.title, 0, t.last, right)], formats, conditionalFormats: [] };
}
