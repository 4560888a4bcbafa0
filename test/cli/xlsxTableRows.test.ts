/**
 * The table rows written as XML text (src/cli/xlsxTableRows.ts) are the bytes exceljs's own streaming writer
 * stores for the same cells — the reference is exceljs 4.4.0 itself, driven through its public Row/Cell API
 * as the writer did before — for numbers, texts with XML specials and control characters, empty cells,
 * a column mixing numbers and texts, and number formats (the style table must come out the same too).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { TablePlan } from "../../src/core/analysis/sheet/planTypes";
import { writeTableRows } from "../../src/cli/xlsxTableRows";
import { zipEntryText } from "../support/zip";

const dir = mkdtempSync(path.join(os.tmpdir(), "xlsx-table-rows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLE: TablePlan = {
  headerRow: 3,
  rows: 6,
  columns: [
    { header: "id", values: [1, "B & <C>", "q\"uote's", "tab\there\u0001", 5.5e-7, 12345678901234] },
    {
      header: "date",
      values: Float64Array.from([45292, 45300, 45301, 45302, 45303, 45304]),
      numberFormat: "yyyy-mm-dd",
    },
    { header: "segment", values: ["Important value", "", "重要价值客户", "", "General win-back", "x"] },
    { header: "share", values: Float64Array.from([0.1, 1 / 3, -0, 2e21, 0.125, 7]), numberFormat: "0.000" },
    { header: "rank", values: ["", 2, "", "", 1, ""], numberFormat: "0" },
  ],
};

/** A workbook with a title row, the header row and the table rows written by `rows`. */
async function workbook(
  file: string,
  rows: (wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet) => Promise<void> | void,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("T");
  const title = ws.getRow(1);
  title.getCell(1).value = "Title";
  title.getCell(1).style = { font: { bold: true } };
  title.commit();
  const header = ws.getRow(TABLE.headerRow + 1);
  TABLE.columns.forEach((c, j) => (header.getCell(j + 1).value = c.header));
  header.commit();
  await rows(wb, ws);
  ws.commit();
  await wb.commit();
}

describe("writeTableRows", () => {
  it("stores the same sheet and style XML as exceljs's Row and Cell API", async () => {
    const fast = path.join(dir, "fast.xlsx");
    const reference = path.join(dir, "reference.xlsx");
    let rowObjects = -1;
    await workbook(fast, async (wb, ws) => {
      const getRow = ws.getRow.bind(ws);
      rowObjects = 0;
      ws.getRow = (n: number) => (rowObjects++, getRow(n));
      await writeTableRows(wb, ws, TABLE);
    });
    expect(rowObjects).toBe(0); // the XML-text path ran, not the exceljs fallback
    await workbook(reference, (_wb, ws) => {
      const styles = TABLE.columns.map((c): Partial<ExcelJS.Style> =>
        c.numberFormat === undefined ? {} : { numFmt: c.numberFormat },
      );
      for (let i = 0; i < TABLE.rows; i++) {
        const r = ws.getRow(TABLE.headerRow + 2 + i);
        TABLE.columns.forEach((c, j) => {
          const v = c.values[i]!;
          if (v === "") return;
          const cell = r.getCell(j + 1);
          cell.value = v;
          cell.style = styles[j]!;
        });
        r.commit();
      }
    });
    for (const entry of ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
      expect(zipEntryText(fast, entry)).toBe(zipEntryText(reference, entry));
    expect(zipEntryText(fast, "xl/worksheets/sheet1.xml")).toContain('t="str"><v>B &amp; &lt;C&gt;</v>');
  });
});
