/**
 * `crm-analyze`: the customer-analysis sheet without Excel. Reads a transaction log (customer, date, amount,
 * optional category; headers in English or Chinese) from a .csv or .xlsx, analyses it with the add-in's core
 * and writes a new workbook holding the analysis sheet: per customer the core's values, and native formulas
 * (Excel 2016 and LibreOffice) for every summary. The log itself is not copied into the file.
 *
 *   crm-analyze <log.csv|log.xlsx> [--sheet NAME] [--range A1:D70000] [--as-of YYYY-MM-DD]
 *               [--period-days 7] [--lang en|zh] [--out FILE] [--force]
 *
 * Exit codes: 0 written; 1 bad input (each problem with its cell), an unreadable input or an existing output
 * without --force (no file is written); 2 a usage error.
 */
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseRange } from "../core/address";
import { ANALYSIS_CANDIDATES } from "../core/analysis/candidates";
import { AnalysisOptions, analyzeCustomers } from "../core/analysis/customerAnalysis";
import { dateSerial, LogReading, readTransactionLog, readTransactionLogFeed } from "../core/analysis/logTable";
import { buildAnalysisPlan } from "../core/analysis/sheet/plan";
import { decodeCsvBytes } from "../core/csv/encoding";
import { CsvValue, detectDialect, eachCsvRow, parseCsv } from "../core/csv/parse";
import { CrmError } from "../core/errors";
import { Language, Message, msg, render, renderMessage } from "../core/messages/catalogue";
import { isoDate } from "../core/values/dates";
import { writeAnalysisXlsx } from "./analysisXlsx";
import { InputError, loadInput } from "./input";
import { COMMON_OPTIONS, invokedDirectly, parseCommandLine, runMain } from "./program";

const USAGE = `usage: crm-analyze <log.csv|log.xlsx> [--sheet NAME] [--range A1:D70000] [--as-of YYYY-MM-DD]
                   [--period-days 7] [--lang en|zh] [--out FILE] [--force]

  --sheet NAME      sheet to read (.xlsx; default the first)
  --range A1:D9     the log, header row first (default: everything on the sheet or in the file)
  --as-of DATE      end of the analysis (default: the last date in the log); later transactions are left out
  --period-days N   the models' time unit in days (default 7: weeks)
  --lang en|zh      sheet and message language (default: the language of the log's headers)
  --out FILE        output workbook (default: <log>-analysis.xlsx beside the log)
  --force           overwrite an existing output file

The header row names the customer, date and amount columns (and optionally a category column), in English
or Chinese (the README lists the words recognised). Dates are spreadsheet dates, YYYY-MM-DD
texts or YYYYMMDD numbers; negative amounts are refunds.`;

/** Where the command writes its messages. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

class UsageError extends Error {}

interface Options {
  input: string;
  sheet?: string;
  range?: string;
  asOf?: number;
  periodDays: number;
  lang?: Language;
  out: string;
  force: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options = { ...COMMON_OPTIONS, "period-days": { type: "string" } } as const;
  const parsed = parseCommandLine(argv, options, (m) => new UsageError(m));
  const { values: v, positionals } = parsed;
  if (v.help) throw new UsageError("");
  if (positionals.length !== 1) throw new UsageError("give exactly one log file (.csv or .xlsx)");
  const input = positionals[0]!;
  const ext = path.extname(input).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") throw new UsageError(`the log must be a .csv or .xlsx file, not "${input}"`);
  if (v.lang !== undefined && v.lang !== "en" && v.lang !== "zh")
    throw new UsageError(`--lang must be en or zh, not "${v.lang}"`);
  let asOf: number | undefined;
  if (v["as-of"] !== undefined) {
    const d = dateSerial(v["as-of"]);
    if (typeof d !== "number") throw new UsageError(`--as-of must be a date like 2025-12-31, not "${v["as-of"]}"`);
    asOf = d;
  }
  const periodDays = v["period-days"] === undefined ? 7 : Number(v["period-days"]);
  if (!(periodDays > 0) || !Number.isFinite(periodDays))
    throw new UsageError(`--period-days must be a number of days > 0, not "${v["period-days"]}"`);
  if (v.range !== undefined) {
    try {
      parseRange(v.range);
    } catch (e) {
      throw new UsageError(`--range: ${(e as Error).message}`);
    }
  }
  const out = v.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-analysis.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  return {
    input,
    ...(v.sheet === undefined ? {} : { sheet: v.sheet }),
    ...(v.range === undefined ? {} : { range: v.range }),
    ...(asOf === undefined ? {} : { asOf }),
    periodDays,
    ...(v.lang === undefined ? {} : { lang: v.lang }),
    out,
    force: v.force === true,
  };
}

/** The transaction log's problems (each names its row and column): nothing is written. */
class LogProblems extends Error {
  constructor(readonly problems: readonly Message[]) {
    super(problems.map((p) => renderMessage(p, "en")).join("\n"));
    this.name = "LogProblems";
  }
}

/**
 * Reads the log: an .xlsx sheet's cells, or a .csv parsed row by row straight into the log (no array of a
 * million rows in between); with --range, the .csv's rows in the range.
 */
async function readLog(o: Options): Promise<LogReading> {
  if (path.extname(o.input).toLowerCase() === ".xlsx") {
    const input = await loadInput(o);
    const at = parseRange(input.topLeft);
    return readTransactionLog(input.values, { row: at.top, column: at.left });
  }
  if (!existsSync(o.input)) throw new InputError(msg("cli.noSuchFile", { file: o.input }));
  const decoded = decodeCsvBytes(readFileSync(o.input));
  if (decoded === null) throw new InputError(msg("csv.unknownEncoding", { file: o.input }));
  const dialect = detectDialect(decoded.text);
  if (o.range !== undefined) {
    const r = parseRange(o.range);
    const rows = parseCsv(decoded.text, dialect)
      .slice(r.top, r.bottom + 1)
      .map((row) => row.slice(r.left, r.right + 1));
    return readTransactionLog(rows, { row: r.top, column: r.left });
  }
  let header: CsvValue[] = [];
  eachCsvRow(decoded.text, dialect, (row) => (header = [...row]), 1);
  return readTransactionLogFeed(header, (visit) =>
    eachCsvRow(decoded.text, dialect, (row, r) => {
      if (r > 0) visit(row, r);
    }),
  );
}

/** Writes the file whole under a temporary name, then renames it: `out` is the new file or untouched. */
async function writeAtomically(write: (file: string) => Promise<void>, out: string): Promise<void> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await write(temp);
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new InputError(msg("cli.cannotWrite", { out, reason: (e as Error).message }));
  }
}

/** Reads, analyses and writes; returns the lines to print. */
async function analyze(o: Options, io: CliIo, language: { current: Language }): Promise<void> {
  if (existsSync(o.out) && !o.force) throw new InputError(msg("cli.outExists", { out: o.out }));
  const reading = await readLog(o);
  language.current = o.lang ?? reading.language;
  const say = (m: Message): string => renderMessage(m, language.current);
  if (reading.log === null) throw new LogProblems(reading.problems);
  const options: AnalysisOptions = {
    candidates: ANALYSIS_CANDIDATES,
    periodDays: o.periodDays,
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
  };
  const a = analyzeCustomers(reading.log, options);
  const plan = buildAnalysisPlan(a, options, { language: language.current, transactions: reading.transactions });
  await writeAtomically((file) => writeAnalysisXlsx(plan, file), o.out);
  const asOf = isoDate(a.asOfDay);
  io.stdout(
    render(
      "analysis.cliWrote",
      { file: o.out, sheet: plan.sheetName, customers: a.kpis.customers, transactions: reading.transactions, asOf },
      language.current,
    ),
  );
  const model = a.models.chosen;
  const pct = (x: number | null): string => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
  io.stdout(
    model === null
      ? say({ id: "analysis.cliNoModel", params: {} })
      : render(
          "analysis.cliModel",
          {
            model: model.name,
            ll: model.logLikelihood.toFixed(2),
            high: pct(a.kpis.highValueShare),
            atRisk: pct(a.kpis.atRiskShare),
          },
          language.current,
        ),
  );
}

/**
 * Runs the command; returns the exit code instead of exiting, so tests can call it in-process.
 * @param argv the arguments after the command name
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let o: Options;
  try {
    o = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message === "") {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`crm-analyze: ${e.message}`);
    io.stderr(USAGE);
    return 2;
  }
  const language = { current: o.lang ?? "en" };
  try {
    await analyze(o, io, language);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(renderMessage(e.what, language.current));
      return 1;
    }
    if (e instanceof LogProblems) {
      for (const problem of e.problems) io.stderr(renderMessage(problem, language.current));
      return 1;
    }
    if (e instanceof CrmError) {
      io.stderr(e.text(language.current));
      return 1;
    }
    throw e;
  }
}

/**
 * Runs the command as a program: messages to stdout/stderr, the exit code as the process's.
 * @param argv the arguments after the command name
 */
export function runAsProgram(argv: readonly string[]): void {
  runMain(main, argv, (e) => `crm-analyze: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
}

if (invokedDirectly(import.meta.url)) runAsProgram(process.argv.slice(2));
