/**
 * The command line's scorecard history: several periods' KPI tables (one file each, `--periods` naming
 * them) recorded into a history (src/core/scorecard/historyUpdate.ts) and written to a new sheet of the
 * output workbook with exceljs. Like the plan writer, it knows cells and formats, never KPIs. exceljs cannot
 * write charts: the history chart's spec stays in the core, and the notes say so.
 */
import type ExcelJS from "exceljs";
import { parseRange } from "../core/address";
import { valueError } from "../core/errors";
import { Message, msg } from "../core/messages/catalogue";
import type { HistoryFormat, HistoryUpdate, HistoryWrite } from "../core/scorecard/historyUpdate";

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function eachCell(ws: ExcelJS.Worksheet, range: string, f: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) f(ws.getCell(row + 1, col + 1));
}

function applyFormat(ws: ExcelJS.Worksheet, f: HistoryFormat): void {
  eachCell(ws, f.range, (cell) => {
    if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
    if (f.style?.bold !== undefined) cell.font = { ...cell.font, bold: f.style.bold };
    if (f.style?.fill !== undefined)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.style.fill) } };
  });
}

function applyWrite(ws: ExcelJS.Worksheet, w: HistoryWrite): void {
  const r = parseRange(w.address);
  w.values.forEach((row, i) =>
    row.forEach((v, j) => {
      // Strings are always text in exceljs, so "=x" and "2026" stay as written.
      if (v !== null) ws.getCell(r.top + i + 1, r.left + j + 1).value = v;
    }),
  );
}

/**
 * Adds the history sheet `sheetName` to `workbook` and writes a new history (`update.create`) into it:
 * records, summary, formats and column widths. Returns notes on what a file cannot hold (the chart), as
 * messages for the command to say in its language.
 * @throws Error when the update is not for a new sheet (a programming error); CrmError `#VALUE!` when the
 * workbook has a sheet of that name.
 */
export function writeHistoryToXlsx(update: HistoryUpdate, workbook: ExcelJS.Workbook, sheetName: string): Message[] {
  if (!update.create || update.deleteRows.length > 0) throw new Error("the command line writes new histories only");
  if (workbook.worksheets.some((w) => w.name.toLowerCase() === sheetName.toLowerCase()))
    throw valueError("cli.sheetExists", { name: sheetName });
  const ws = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const f of update.records.formats) applyFormat(ws, f);
  for (const w of update.records.writes) applyWrite(ws, w);
  for (const f of update.summary.formats) applyFormat(ws, f);
  applyWrite(ws, update.summary.write);
  for (const c of update.columns) ws.getColumn(c.column).width = c.width;
  return [
    msg("cli.historyChartNotDrawn", { title: update.chart.title, source: update.chart.source, sheet: sheetName }),
  ];
}
