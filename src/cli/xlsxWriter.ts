/**
 * Writes a scorecard plan into an exceljs workbook: the file-side twin of the Office.js writer. It knows
 * cells and formats, never KPIs (see src/core/scorecard/plan.ts for the contract).
 *
 * Formulas are written without cached values and the workbook is marked for a full calculation on load,
 * so Excel and LibreOffice compute every value when the file is opened. Text cells are written as strings
 * (exceljs never turns a string into a formula, so `=HYPERLINK("x")` stays text).
 *
 * exceljs cannot write charts: the plan's chart is not drawn in files; its spec stays in the plan and in
 * the stored settings, and {@link XlsxWriteReport.notes} says so.
 */
import type ExcelJS from "exceljs";
import { parseRange } from "../core/address";
import { valueError } from "../core/errors";
import { Message, msg } from "../core/messages/catalogue";
import { CellStyle, Plan, planCells } from "../core/scorecard/plan";

/** What was written, and what could not be. */
export interface XlsxWriteReport {
  worksheet: ExcelJS.Worksheet;
  /** Parts of the plan a file cannot hold (the chart), as messages for the command to say in its language. */
  notes: Message[];
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontColor !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    cell.font = font;
  }
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment !== undefined || style.wrapText !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (style.horizontalAlignment !== undefined) alignment.horizontal = style.horizontalAlignment;
    if (style.wrapText !== undefined) alignment.wrapText = style.wrapText;
    cell.alignment = alignment;
  }
  if (style.border !== undefined) {
    const border: Partial<ExcelJS.Borders> = { ...cell.border };
    const line = { style: style.border.style, color: { argb: argb(style.border.color) } };
    for (const edge of style.border.edges) border[edge] = line;
    cell.border = border;
  }
}

/** The exceljs rule of one of the plan's conditional formats, at priority `priority`. */
function ruleOf(cf: Plan["conditionalFormats"][number], priority: number): ExcelJS.ConditionalFormattingRule {
  if (cf.kind === "expression") {
    return {
      type: "expression",
      priority,
      formulae: [cf.formula.slice(1)],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fill) } },
        font: { color: { argb: argb(cf.format.fontColor) } },
      },
    };
  }
  if (cf.kind === "iconSet") {
    // Three arrows: the first threshold is the lowest icon's (ignored), then "≥ thresholds[0]", "≥ thresholds[1]".
    return {
      type: "iconSet",
      priority,
      iconSet: "3Arrows",
      cfvo: [
        { type: "num", value: cf.thresholds[0] },
        { type: "num", value: cf.thresholds[0] },
        { type: "num", value: cf.thresholds[1] },
      ],
    };
  }
  return {
    type: "dataBar",
    priority,
    gradient: false,
    cfvo: [
      { type: "num", value: cf.min },
      { type: "num", value: cf.max },
    ],
    color: { argb: argb(cf.color) },
  } as ExcelJS.DataBarRuleType;
}

/**
 * Adds the plan's sheet to `workbook` and writes everything a file can hold: cells, number formats,
 * styles, conditional formats, column widths, frozen panes, page setup and workbook names.
 * @throws CrmError `#VALUE!` when the workbook already has a sheet of that name (the plan was made for
 * another one).
 */
export function writePlanToXlsx(plan: Plan, workbook: ExcelJS.Workbook): XlsxWriteReport {
  if (workbook.worksheets.some((w) => w.name.toLowerCase() === plan.sheetName.toLowerCase())) {
    throw valueError("cli.sheetExists", { name: plan.sheetName });
  }
  const ws = workbook.addWorksheet(plan.sheetName, {
    views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
  });

  for (const { row, column, cell } of planCells(plan)) {
    const target = ws.getCell(row + 1, column + 1);
    if (cell.kind === "number") target.value = cell.value;
    else if (cell.kind === "text") target.value = cell.value;
    else target.value = { formula: cell.formula.slice(1) };
  }

  for (const f of plan.formats) {
    const r = parseRange(f.range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row + 1, col + 1);
        if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
        if (f.style !== undefined) applyStyle(cell, f.style);
      }
    }
  }

  plan.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({ ref: cf.range, rules: [ruleOf(cf, i + 1)] }),
  );

  for (const c of plan.columns) {
    const col = ws.getColumn(c.column);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }

  ws.pageSetup.orientation = plan.print.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = plan.print.fitToPagesWide;
  ws.pageSetup.fitToHeight = plan.print.fitToPagesTall;
  // exceljs writes "$" + each corner; "A$1:K$72" so becomes the absolute $A$1:$K$72 Excel expects.
  ws.pageSetup.printArea = plan.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
  ws.pageSetup.printTitlesRow = plan.print.titleRows.replace(/\$/g, "");

  for (const name of plan.names) workbook.definedNames.add(name.refersTo.replace(/^=/, ""), name.name);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };

  return {
    worksheet: ws,
    notes: [msg("cli.chartNotDrawn", { title: plan.chart.title, values: plan.chart.values })],
  };
}
