/**
 * Writes a customer-analysis plan (src/core/analysis/sheet/plan.ts) to an .xlsx file with exceljs's
 * streaming writer: the summary's cells and formats, then the customer table row by row, so memory stays
 * flat however many customers there are (the table's rows as XML text straight into the sheet's stream:
 * xlsxTableRows.ts). Formulas are stored as files store them (`_xlfn.` before functions
 * newer than Excel 2007) without cached values, and the workbook asks for a full calculation on load, so
 * Excel and LibreOffice compute every summary when the file is opened. exceljs cannot write charts; the file
 * has none.
 */
import ExcelJS from "exceljs";
import { parseRange } from "../core/address";
import type { AnalysisPlan, PlanCell, PlanFormat } from "../core/analysis/sheet/planTypes";
import { fileFormula } from "../core/analysis/sheet/xlfn";
import type { CellStyle } from "../core/scorecard/planTypes";
import { writeTableRows } from "./xlsxTableRows";

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** The exceljs style of a plan format (font, fill, alignment, number format). */
function styleOf(f: PlanFormat): Partial<ExcelJS.Style> {
  const s: CellStyle = f.style ?? {};
  const out: Partial<ExcelJS.Style> = {};
  if (f.numberFormat !== undefined) out.numFmt = f.numberFormat;
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined || s.italic !== undefined) {
    out.font = {
      ...(s.bold === undefined ? {} : { bold: s.bold }),
      ...(s.italic === undefined ? {} : { italic: s.italic }),
      ...(s.fontSize === undefined ? {} : { size: s.fontSize }),
      ...(s.fontColor === undefined ? {} : { color: { argb: argb(s.fontColor) } }),
    };
  }
  if (s.fill !== undefined) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrapText !== undefined || s.horizontalAlignment !== undefined) {
    out.alignment = {
      ...(s.wrapText === undefined ? {} : { wrapText: s.wrapText }),
      ...(s.horizontalAlignment === undefined ? {} : { horizontal: s.horizontalAlignment }),
    };
  }
  return out;
}

/** Cell styles of the summary and the table header, keyed "row,column" (0-based), later formats merged over earlier. */
function stylesByCell(formats: readonly PlanFormat[]): Map<string, Partial<ExcelJS.Style>> {
  const out = new Map<string, Partial<ExcelJS.Style>>();
  for (const f of formats) {
    const r = parseRange(f.range);
    const style = styleOf(f);
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) out.set(`${row},${c}`, { ...out.get(`${row},${c}`), ...style });
  }
  return out;
}

function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell.kind === "formula") return { formula: fileFormula(cell.formula).slice(1) };
  return cell.value;
}

/**
 * Writes the plan as the only sheet of a new workbook at `file` (overwriting it: the caller writes to a
 * temporary name and renames).
 */
export async function writeAnalysisXlsx(plan: AnalysisPlan, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet(plan.sheetName);
  ws.columns = plan.columns.map((c) => ({ width: c.width }));
  for (const scale of plan.colorScales) {
    ws.addConditionalFormatting({
      ref: scale.range,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: scale.colors.map((c) => ({ argb: argb(c) })),
        },
      ],
    });
  }
  const styles = stylesByCell(plan.formats);
  const summary = plan.blocks.flatMap((b) => {
    const at = parseRange(b.address);
    return b.cells.map((cells, i) => ({ row: at.top + i, left: at.left, cells }));
  });
  const { headerRow, columns } = plan.table;
  for (const { row, left, cells } of summary) {
    if (row >= headerRow) continue;
    const r = ws.getRow(row + 1);
    cells.forEach((cell, j) => {
      const style = styles.get(`${row},${left + j}`);
      if (cell === null && style === undefined) return;
      const target = r.getCell(left + j + 1);
      if (cell !== null) target.value = cellValue(cell);
      if (style !== undefined) Object.assign(target, style);
    });
    r.commit();
  }
  const header = ws.getRow(headerRow + 1);
  columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.header;
    Object.assign(cell, styles.get(`${headerRow},${j}`) ?? {});
  });
  header.commit();
  await writeTableRows(wb, ws, plan.table);
  ws.commit();
  await wb.commit();
}
