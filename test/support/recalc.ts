/**
 * The recalculation layer's helper: lets Debian's LibreOffice open workbooks whose formula cells carry no
 * cached value (as our writers produce them), recalculate them, and hand back every sheet's computed
 * values.
 *
 * One `soffice --headless --convert-to csv` call converts a batch of files (start-up costs ~5 s, so batch)
 * with a private profile directory per run, so parallel runs and the developer's own LibreOffice never
 * interfere. The CSV filter options ask for UTF-8, all sheets (one CSV per sheet) and unformatted values
 * with 15 significant digits; percent-formatted cells arrive as "12.5%" and dates as "2025-03-31".
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type ExcelJS from "exceljs";
import { findSoffice } from "./systemTools";

/** CSV export: comma, double quote, UTF-8, from line 1, "save as shown" off, every sheet (-1). */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";

/** A recalculated workbook: sheet name → rows of cell texts as LibreOffice wrote them. */
export type RecalculatedSheets = Map<string, string[][]>;

/** Parses LibreOffice's CSV output (RFC 4180) into rows of strings. */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV cell as a value: "" → "", "12.5%" → 0.125, a number → number, anything else (text, "#DIV/0!",
 * "TRUE", dates) stays a string.
 */
export function csvCellValue(text: string): number | string {
  const num = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (num.test(text)) return Number(text);
  if (text.endsWith("%") && num.test(text.slice(0, -1))) return Number(text.slice(0, -1)) / 100;
  return text;
}

/** The text of a cell ("D7") in a recalculated sheet; "" for cells beyond the exported area. */
export function cellText(sheet: readonly (readonly string[])[], address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return sheet[Number(m[2]) - 1]?.[col - 1] ?? "";
}

/** The value of a cell in a recalculated sheet (see {@link csvCellValue}). */
export function cellValue(sheet: readonly (readonly string[])[], address: string): number | string {
  return csvCellValue(cellText(sheet, address));
}

function run(file: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * Recalculates .xlsx files with LibreOffice in one headless run and returns, per input file (in order),
 * its sheets' computed values.
 * @throws Error when soffice is missing, fails, or does not write a file's sheets.
 */
export async function recalculateFiles(files: readonly string[], timeoutMs = 120_000): Promise<RecalculatedSheets[]> {
  const soffice = findSoffice();
  if (soffice === null) throw new Error("soffice (LibreOffice) is not installed");
  const work = mkdtempSync(path.join(os.tmpdir(), "crm-recalc-"));
  try {
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    // Copies named f0.xlsx, f1.xlsx… so each CSV (`f0-<Sheet>.csv`) maps back to one file unambiguously.
    const copies = files.map((f, i) => {
      const copy = path.join(inDir, `f${i}.xlsx`);
      copyFileSync(f, copy);
      return copy;
    });
    const profile = pathToFileURL(path.join(work, "profile")).href;
    const { stdout, stderr } = await run(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        outDir,
        ...copies,
      ],
      timeoutMs,
    );
    const outputs = readdirSync(outDir);
    return files.map((f, i) => {
      const prefix = `f${i}-`;
      const sheets: RecalculatedSheets = new Map();
      for (const name of outputs) {
        if (!name.startsWith(prefix) || !name.endsWith(".csv")) continue;
        const sheet = name.slice(prefix.length, -".csv".length);
        sheets.set(sheet, parseCsvText(readFileSync(path.join(outDir, name), "utf8")));
      }
      if (sheets.size === 0) throw new Error(`LibreOffice wrote no values for ${f}\n${stdout}\n${stderr}`);
      return sheets;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes exceljs workbooks to a temporary directory and recalculates them together (one soffice run). */
export async function recalculateWorkbooks(workbooks: readonly ExcelJS.Workbook[]): Promise<RecalculatedSheets[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-recalc-wb-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < workbooks.length; i++) {
      const file = path.join(dir, `w${i}.xlsx`);
      await workbooks[i]!.xlsx.writeFile(file);
      files.push(file);
    }
    return await recalculateFiles(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
