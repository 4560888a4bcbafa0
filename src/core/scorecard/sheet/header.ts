/** The header section: title, as-of date, source, and the overall score with its rating. */
import { cellAddress, rangeAddress, sheetAddress } from "../../address";
import { HEADER_COLUMNS, kpiColumnRange } from "../layout";
import type { PlanFormat } from "../planTypes";
import { formula, Grid, num, text } from "./cells";
import { previousScoreSumFormula, scoreChangeOf } from "./comparisons";
import type { PlanContext, SheetSection } from "./context";
import { ratingFormula } from "./formulas";
import { format, NUMBER_FORMATS, STYLES } from "./styles";

/**
 * The header's comparison cells: the period (C2:D2), the history's period compared with (C3:D3), and the
 * previous overall score and its change (E4:H4).
 */
function comparisonHeader(ctx: PlanContext, g: Grid): PlanFormat[] {
  const { layout, labels: L } = ctx;
  const h = layout.header;
  const C = HEADER_COLUMNS;
  const at = cellAddress;
  const formats: PlanFormat[] = [];
  if (layout.has.period) {
    g.setRow(h.asOf, C.periodLabel, [text(L.period), text(ctx.period)]);
    formats.push(
      format(at(h.asOf, C.periodLabel), null, STYLES.label),
      format(at(h.asOf, C.period), null, STYLES.value),
    );
  }
  if (layout.has.comparedWith && ctx.comparedWith !== null) {
    g.setRow(h.source, C.periodLabel, [text(L.comparedWith), text(ctx.comparedWith)]);
    formats.push(
      format(at(h.source, C.periodLabel), null, STYLES.label),
      format(at(h.source, C.period), null, STYLES.value),
    );
  }
  const overall = ctx.comparison?.overall;
  if (layout.has.previous && overall !== undefined) {
    const scoreRef = at(h.overall, C.value);
    const previousRef = at(h.overall, C.previous);
    g.setRow(h.overall, C.previousLabel, [
      text(L.previousScore),
      formula(previousScoreSumFormula(ctx, null), overall.previousScore ?? ""),
      text(L.change),
      formula(scoreChangeOf(scoreRef, previousRef), overall.change ?? ""),
    ]);
    formats.push(
      format(at(h.overall, C.previousLabel), null, STYLES.label),
      format(at(h.overall, C.changeLabel), null, STYLES.label),
      format(previousRef, NUMBER_FORMATS.score, STYLES.value),
      format(at(h.overall, C.change), NUMBER_FORMATS.change, STYLES.value),
    );
  }
  return formats;
}

/** The header rows; the overall score sums the KPIs' points, the rating reads the settings' bands. */
export function headerSection(ctx: PlanContext): SheetSection {
  const { layout, labels: L, table, result } = ctx;
  const h = layout.header;
  const C = HEADER_COLUMNS;
  const scoreRef = cellAddress(h.overall, C.value, true);
  const g = new Grid();
  g.setRow(h.title, C.label, [text(L.title)]);
  g.setRow(h.asOf, C.label, [text(L.asOf), num(ctx.asOfSerial)]);
  g.setRow(h.source, C.label, [text(L.source), text(sheetAddress(table.sheet, table.address))]);
  g.setRow(h.overall, C.label, [
    text(L.overallScore),
    formula(`=SUM(${kpiColumnRange(layout, "points")})`, result.overall),
    text(L.rating),
    formula(ratingFormula(layout, scoreRef), ctx.options.ratingBands[result.rating]!.label),
  ]);
  const at = cellAddress;
  const comparisonFormats = comparisonHeader(ctx, g);
  return {
    blocks: [g.block("header", 0, 0, h.last, h.right)],
    formats: [
      format(at(h.title, C.label), null, STYLES.sheetTitle),
      format(rangeAddress(h.asOf, C.label, h.last, C.label), null, STYLES.label),
      format(at(h.overall, C.ratingLabel), null, STYLES.label),
      format(at(h.asOf, C.value), NUMBER_FORMATS.date, STYLES.value),
      format(at(h.overall, C.value), NUMBER_FORMATS.score, STYLES.overallScore),
      format(at(h.overall, C.rating), null, STYLES.emphasis),
      ...comparisonFormats,
    ],
    conditionalFormats: [],
  };
}
