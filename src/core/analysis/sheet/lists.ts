/**
 * The ranked lists and the cohort table of the analysis sheet. The lists look customers up by their rank
 * column in the table (INDEX/MATCH: Excel 2016 and LibreOffice, no SORTBY or FILTER); a rank beyond the
 * ranked customers shows blank. The cohort table holds the core's shares (the log is not in the file) under a
 * colour scale.
 */
import { cellAddress, rangeAddress } from "../../address";
import { formula, num, text } from "../../scorecard/sheet/cells";
import { ANALYSIS_LABELS } from "../labels";
import { rangeOf, say, SheetContext } from "./context";
import type { PlanColorScale } from "./planTypes";

const TITLE = { bold: true, fontSize: 12 } as const;
const HEADER = { bold: true, fill: "#DDEBF7" } as const;

/**
 * A ranked list: rank, customer, CLV, segment, stage for ranks 1..listLength, looked up by `rankKey`.
 * @param ctx the shared state
 * @param row the list's first row (its title)
 * @param titleText the list's title
 * @param rankKey the table column the list looks ranks up in
 * @param order the core's customer indices in rank order (the expected values)
 */
export function rankedList(
  ctx: SheetContext,
  row: number,
  titleText: string,
  rankKey: "clvRank" | "warningRank",
  order: readonly number[],
): number {
  const t = ctx.a.table;
  const L = ANALYSIS_LABELS[ctx.language];
  ctx.grid.set(row, 0, text(titleText));
  ctx.formats.push({ range: cellAddress(row, 0), style: TITLE });
  const head = [
    say(ctx, "analysis.columnRank"),
    L.marketingRfm.customer,
    say(ctx, "analysis.columnClv", { months: ctx.months }),
    say(ctx, "analysis.columnSegment"),
    say(ctx, "analysis.columnStage"),
  ];
  ctx.grid.setRow(row + 1, 0, head.map(text));
  ctx.formats.push({ range: rangeAddress(row + 1, 0, row + 1, head.length - 1), style: HEADER });
  const ranks = rangeOf(ctx, rankKey);
  const lookups = [rangeOf(ctx, "customer"), rangeOf(ctx, "clv"), rangeOf(ctx, "segment"), rangeOf(ctx, "stage")];
  for (let k = 1; k <= ctx.listLength; k++) {
    const r = row + 1 + k;
    const c = order[k - 1];
    const expected = [
      c === undefined ? "" : t.customers[c]!,
      c === undefined ? "" : t.clv![c]!,
      c === undefined ? "" : L.segments[t.segments.segments[c]!],
      c === undefined ? "" : L.stages[t.stages![c]!],
    ];
    const match = `MATCH(${cellAddress(r, 0)},${ranks},0)`;
    ctx.grid.set(r, 0, num(k));
    lookups.forEach((range, j) =>
      ctx.grid.set(r, 1 + j, formula(`=IFERROR(INDEX(${range},${match}),"")`, expected[j]!)),
    );
  }
  ctx.formats.push({ range: rangeAddress(row + 2, 2, row + 1 + ctx.listLength, 2), numberFormat: "#,##0.00" });
  return row + ctx.listLength + 3;
}

/** The cohort retention table: cohort start, size, share buying in month 0, 1, …; a colour scale on the shares. */
export function cohortSection(ctx: SheetContext, row: number, scales: PlanColorScale[]): number {
  const cohorts = ctx.a.cohorts;
  const width = cohorts[0]?.active.length ?? 0;
  ctx.grid.set(row, 0, text(say(ctx, "analysis.sheetCohorts")));
  ctx.formats.push({ range: cellAddress(row, 0), style: TITLE });
  const head = [say(ctx, "analysis.columnCohort"), say(ctx, "analysis.columnCustomers")];
  for (let j = 0; j < width; j++) head.push(say(ctx, "analysis.columnMonth", { n: j }));
  ctx.grid.setRow(row + 1, 0, head.map(text));
  ctx.formats.push({ range: rangeAddress(row + 1, 0, row + 1, head.length - 1), style: HEADER });
  cohorts.forEach((c, i) => {
    const r = row + 2 + i;
    ctx.grid.setRow(r, 0, [num(c.start), num(c.size), ...c.active.map((s) => (s === null ? null : num(s)))]);
  });
  const last = row + 1 + cohorts.length;
  if (cohorts.length > 0) {
    ctx.formats.push({ range: rangeAddress(row + 2, 0, last, 0), numberFormat: "yyyy-mm" });
    if (width > 0) {
      const shares = rangeAddress(row + 2, 2, last, 1 + width);
      ctx.formats.push({ range: shares, numberFormat: "0%" });
      scales.push({ range: shares, colors: ["#F8696B", "#FFEB84", "#63BE7B"] });
    }
  }
  return last + 2;
}
