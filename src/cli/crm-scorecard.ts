/**
 * `crm-scorecard`: the task pane's scorecard without Excel. Reads a KPI table from an .xlsx or .csv file,
 * validates it with the same core as the add-in, and writes a workbook holding the input table and the
 * scorecard sheet, from the same plan (exceljs).
 *
 *   crm-scorecard <input.xlsx|input.csv> [--sheet NAME] [--range A1:G20] [--out FILE] [--lang en|zh]
 *                 [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--force]
 *
 * Exit codes: 0 written; 1 bad input (every problem printed with its cell address, as in the pane), an
 * unreadable input or an existing output file without --force; 2 a usage error.
 */
import { existsSync, readFileSync, realpathSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { CrmError } from "../core/errors";
import { cellAddress, parseRange, RangeBounds, sheetAddress } from "../core/address";
import type { ScorecardLanguage } from "../core/scorecard/labels";
import { buildScorecardPlan } from "../core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../core/scorecard/table";
import { writePlanToXlsx } from "./xlsxWriter";

const USAGE = `usage: crm-scorecard <input.xlsx|input.csv> [--sheet NAME] [--range A1:G20] [--out FILE]
                     [--lang en|zh] [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--force]

  --sheet NAME   sheet to read (.xlsx; default the first); for .csv, the name of the input sheet written
  --range A1:G20 the KPI table, header row first (default: everything on the sheet)
  --out FILE     output workbook (default: <input>-scorecard.xlsx beside the input)
  --lang en|zh   scorecard and message language (default: the language of the input's headers)
  --cap 1.2      achievement cap (default 1.2 = 120%)
  --snapshot     copy the input values instead of linking to the input cells
  --as-of DATE   the scorecard's as-of date (default today)
  --force        overwrite an existing output file`;

/** Where the command writes its messages. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

class UsageError extends Error {}
class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM is dropped) into rows
 * of cells, converting the way a spreadsheet opening the file does, quoted or not: "" → null, numbers
 * ("1,200.5", "-3e2") → numbers, percentages ("85%") → fractions; everything else stays text (a text
 * starting with "=" stays text too: it is never written as a formula).
 */
export function parseCsv(textIn: string): (string | number | null)[][] {
  const text = textIn.replace(/^\uFEFF/, "");
  const rows: (string | number | null)[][] = [];
  let row: (string | number | null)[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = (): void => {
    row.push(csvValue(field));
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || wasQuoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.map((r) => r.map((v) => (v === "" ? null : v)));
}

function csvValue(raw: string): string | number | null {
  const s = raw.trim();
  if (s === "") return null;
  const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
  if (plain.test(s)) return Number(s);
  if (grouped.test(s)) return Number(s.replace(/,/g, ""));
  if (s.endsWith("%")) {
    const p = s.slice(0, -1).trim();
    if (plain.test(p)) return Number(p) / 100;
  }
  return raw;
}

/** A plain value of an exceljs cell, as Office.js would report it (dates as serial numbers). */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
  if (typeof v === "object") {
    if ("error" in v) return v.error;
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return plainValue((v as ExcelJS.CellFormulaValue).result ?? null);
    if ("text" in v) return plainValue(v.text);
  }
  return String(v);
}

/** The smallest range holding every non-empty cell of a sheet, or null for an empty sheet. */
function usedBounds(ws: ExcelJS.Worksheet): RangeBounds | null {
  let b: RangeBounds | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plainValue(cell.value);
      if (v === null || v === "") return;
      if (b === null) b = { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 };
      else {
        b.top = Math.min(b.top, r - 1);
        b.bottom = Math.max(b.bottom, r - 1);
        b.left = Math.min(b.left, c - 1);
        b.right = Math.max(b.right, c - 1);
      }
    });
  });
  return b;
}

/** A valid sheet name from a file name: no []:*?/\ characters, at most 31 characters. */
function sheetNameFrom(file: string): string {
  const base = path
    .basename(file, path.extname(file))
    .replace(/[[\]:*?/\\]/g, "_")
    .slice(0, 31);
  return base === "" ? "Input" : base;
}

interface Options {
  input: string;
  sheet?: string;
  range?: string;
  out: string;
  lang?: ScorecardLanguage;
  cap?: number;
  snapshot: boolean;
  force: boolean;
  asOf?: string;
}

function parseOptions(argv: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sheet: { type: "string" },
        range: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        cap: { type: "string" },
        snapshot: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        "as-of": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError("");
  if (positionals.length !== 1) throw new UsageError("give exactly one input file (.xlsx or .csv)");
  const input = positionals[0]!;
  const ext = path.extname(input).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv")
    throw new UsageError(`the input must be an .xlsx or .csv file, not "${input}"`);
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "zh") {
    throw new UsageError(`--lang must be en or zh, not "${values.lang}"`);
  }
  let cap: number | undefined;
  if (values.cap !== undefined) {
    cap = Number(values.cap);
    if (values.cap.trim() === "" || !Number.isFinite(cap))
      throw new UsageError(`--cap must be a number like 1.2, not "${values.cap}"`);
  }
  if (values.range !== undefined) {
    try {
      parseRange(values.range);
    } catch (e) {
      throw new UsageError(`--range: ${(e as Error).message}`);
    }
  }
  const out =
    values.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-scorecard.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  return {
    input,
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
    ...(values.range === undefined ? {} : { range: values.range }),
    out,
    ...(values.lang === undefined ? {} : { lang: values.lang }),
    ...(cap === undefined ? {} : { cap }),
    snapshot: values.snapshot === true,
    force: values.force === true,
    ...(values["as-of"] === undefined ? {} : { asOf: values["as-of"] }),
  };
}

/** Loads the input into a workbook (a .csv becomes a new sheet at A1) and picks the table's cells. */
async function loadInput(
  o: Options,
): Promise<{ workbook: ExcelJS.Workbook; sheet: string; topLeft: string; values: unknown[][] }> {
  if (!existsSync(o.input)) throw new InputError([`${o.input}: no such file`]);
  const workbook = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  if (path.extname(o.input).toLowerCase() === ".csv") {
    const rows = parseCsv(readFileSync(o.input, "utf8"));
    ws = workbook.addWorksheet(o.sheet ?? sheetNameFrom(o.input));
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  } else {
    try {
      await workbook.xlsx.readFile(o.input);
    } catch (e) {
      throw new InputError([`${o.input}: not a readable .xlsx file (${(e as Error).message})`]);
    }
    const found = o.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(o.sheet);
    if (found === undefined) {
      const names = workbook.worksheets.map((w) => `"${w.name}"`).join(", ");
      throw new InputError([`${o.input}: no sheet named "${o.sheet ?? ""}" (sheets: ${names})`]);
    }
    ws = found;
  }
  const bounds = o.range !== undefined ? parseRange(o.range) : usedBounds(ws);
  if (bounds === null) throw new InputError([`${o.input}: sheet "${ws.name}" is empty`]);
  const values: unknown[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row: unknown[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) row.push(plainValue(ws.getCell(r + 1, c + 1).value));
    values.push(row);
  }
  return { workbook, sheet: ws.name, topLeft: cellAddress(bounds.top, bounds.left), values };
}

/**
 * Runs the command. Returns the exit code instead of exiting, so tests can call it in-process.
 * @param argv the arguments after the command name
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let o: Options;
  try {
    o = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message === "") {
        io.stdout(USAGE);
        return 0;
      }
      io.stderr(`crm-scorecard: ${e.message}`);
      io.stderr(USAGE);
      return 2;
    }
    throw e;
  }
  try {
    if (existsSync(o.out) && !o.force) {
      throw new InputError([`${o.out} already exists; use --force to overwrite it`]);
    }
    const input = await loadInput(o);
    const reading = readScorecardTable(sourceRange(input.sheet, input.topLeft, input.values));
    if (reading.table === null) {
      // Problems in the scorecard's language: --lang, else the language of the input's headers.
      const zh = (o.lang ?? reading.language) === "zh";
      throw new InputError(reading.problems.map((p) => (zh ? p.messageZh : p.message)));
    }
    const plan = buildScorecardPlan(reading.table, {
      ...(o.lang === undefined ? {} : { language: o.lang }),
      ...(o.cap === undefined ? {} : { cap: o.cap }),
      ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
      mode: o.snapshot ? "snapshot" : "live",
      existingSheetNames: input.workbook.worksheets.map((w) => w.name),
      existingNames: input.workbook.definedNames.model.map((d) => d.name),
    });
    const report = writePlanToXlsx(plan, input.workbook);
    const temp = `${o.out}.${process.pid}.tmp`;
    try {
      await input.workbook.xlsx.writeFile(temp);
      renameSync(temp, o.out);
    } catch (e) {
      rmSync(temp, { force: true });
      throw new InputError([`${o.out}: cannot write (${(e as Error).message})`]);
    }
    const e = plan.expected;
    const band = plan.settings.options.ratingBands[e.rating]!.label;
    io.stdout(
      `Wrote ${o.out}: sheet "${plan.sheetName}" from ${sheetAddress(input.sheet, reading.table.address)}, ` +
        `${reading.table.kpis.length} KPIs, overall score ${e.overall.toFixed(1)} (${band}), ${plan.mode} mode`,
    );
    for (const note of report.notes) io.stdout(`note: ${note}`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      for (const line of e.lines) io.stderr(line);
      return 1;
    }
    if (e instanceof CrmError) {
      io.stderr(e.message);
      return 1;
    }
    throw e;
  }
}

/** True when this file is the program being run (also through an npm bin symlink), not an import. */
function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2), {
    stdout: (l) => process.stdout.write(`${l}\n`),
    stderr: (l) => process.stderr.write(`${l}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `crm-scorecard: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
