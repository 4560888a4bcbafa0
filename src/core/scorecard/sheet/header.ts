/** The header section: title, as-of date, source, and the overall score with its rating. */
import { cellAddress, rangeAddress, sheetAddress } from "../../address";
import { HEADER_COLUMNS, kpiColumnRange } from "../layout";
import { formula, Grid, num, text } from "./cells";
import type { PlanContext, SheetSection } from "./context";
import { ratingFormula } from "./formulas";
import { format, NUMBER_FORMATS, STYLES } from "./styles";

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
  return {
    blocks: [g.block("header", 0, 0, h.last, C.rating)],
    formats: [
      format(at(h.title, C.label), null, STYLES.sheetTitle),
      format(rangeAddress(h.asOf, C.label, h.last, C.label), null, STYLES.label),
      format(at(h.overall, C.ratingLabel), null, STYLES.label),
      format(at(h.asOf, C.value), NUMBER_FORMATS.date, STYLES.value),
      format(at(h.overall, C.value), NUMBER_FORMATS.score, STYLES.overallScore),
      format(at(h.overall, C.rating), null, STYLES.emphasis),
    ],
    conditionalFormats: [],
  };
}
