/**
 * The scorecard sheet's look: colours, cell styles and number formats, named by what they are for. The
 * section builders say which range gets which; only this file says what they look like. The objects are
 * frozen: plans share them.
 */
import type { CellStyle, PlanFormat } from "../planTypes";

/** Colours, `#RRGGBB`. */
export const COLORS = {
  headerFill: "#1F4E78",
  headerFont: "#FFFFFF",
  subFill: "#DDEBF7",
  helperFill: "#EDEDED",
  helperFont: "#7F7F7F",
  inputFill: "#FFF2CC",
  linkFont: "#0B5394",
  border: "#9BC2E6",
  onFill: "#C6EFCE",
  onFont: "#006100",
  nearFill: "#FFEB9C",
  nearFont: "#9C5700",
  offFill: "#FFC7CE",
  offFont: "#9C0006",
  bar: "#5B9BD5",
} as const;

function style(s: CellStyle): Readonly<CellStyle> {
  if (s.border !== undefined) Object.freeze(Object.freeze(s.border).edges);
  return Object.freeze(s);
}

const thinBottom = { edges: ["bottom"], style: "thin", color: COLORS.border } as const;
const helper = { italic: true, fontColor: COLORS.helperFont } as const;

/** Cell styles. */
export const STYLES = {
  /** The sheet's title (A1). */
  sheetTitle: style({ bold: true, fontSize: 16 }),
  /** Labels of the header rows. */
  label: style({ bold: true }),
  /** Values of the header rows (the as-of date). */
  value: style({ horizontalAlignment: "left" }),
  /** The overall score. */
  overallScore: style({ bold: true, fontSize: 12, horizontalAlignment: "left" }),
  /** The overall rating; also the title of each section below the KPI table. */
  emphasis: style({ bold: true, fontSize: 12 }),
  /** The KPI table's header row. */
  tableHeader: style({
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.headerFont,
    horizontalAlignment: "center",
    wrapText: true,
  }),
  /** The helper columns' header. */
  helperHeader: style({
    ...helper,
    bold: true,
    fill: COLORS.helperFill,
    wrapText: true,
    horizontalAlignment: "center",
  }),
  /** The helper columns' cells. */
  helper: style({ ...helper }),
  /** Header rows of the smaller tables (perspectives, lists, rating bands). */
  subHeader: style({ bold: true, fill: COLORS.subFill, border: thinBottom }),
  /** A line under the KPI table's last row. */
  lastRow: style({ border: thinBottom }),
  centered: style({ horizontalAlignment: "center" }),
  /** Cells the user may edit (cap, thresholds, bands). */
  input: style({ fill: COLORS.inputFill }),
  /** Inputs linked to the source cells (live mode). */
  link: style({ fontColor: COLORS.linkFont }),
  /** The stored settings' label and JSON. */
  storedLabel: style({ fontColor: COLORS.helperFont }),
  storedValue: style({ fontColor: COLORS.helperFont, fontSize: 8 }),
} as const;

/** Number formats (Excel's en-US codes). */
export const NUMBER_FORMATS = {
  date: "yyyy-mm-dd",
  general: "General",
  percent: "0.0%",
  wholePercent: "0%",
  score: "0.0",
  points: "0.00",
  whole: "0",
  /** A change in points, signed: +3.5, -2.0, 0.0. */
  change: "+0.0;-0.0;0.0",
} as const;

/**
 * The trend column's number format: its +1, −1 and 0 shown as the words improved, declined and unchanged
 * (the icon set draws the arrows beside them).
 */
export function trendFormat(labels: { improved: string; declined: string; unchanged: string }): string {
  const q = (s: string): string => `"${s.replace(/"/g, "")}"`;
  return `${q(labels.improved)};${q(labels.declined)};${q(labels.unchanged)}`;
}

/** A format entry: a number format, a style, or both, for a range. */
export function format(range: string, numberFormat: string | null, cellStyle?: Readonly<CellStyle>): PlanFormat {
  const f: PlanFormat = { range };
  if (numberFormat !== null) f.numberFormat = numberFormat;
  if (cellStyle !== undefined) f.style = cellStyle;
  return f;
}
