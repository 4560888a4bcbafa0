/**
 * `crm-scorecard`: the task pane's scorecard without Excel. Reads a KPI table from an .xlsx or .csv file,
 * validates it with the same core as the add-in, and writes a workbook holding the input table and the
 * scorecard sheet, from the same plan (exceljs).
 *
 *   crm-scorecard <input.xlsx|input.csv> [--sheet NAME] [--range A1:G20] [--out FILE] [--lang en|zh]
 *                 [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--period LABEL] [--force]
 *   crm-scorecard Q1.csv Q2.csv Q3.csv Q4.csv --periods "2026 Q1,2026 Q2,2026 Q3,2026 Q4" [options]
 *
 * With several inputs (one KPI table per period), it writes the latest period's scorecard (latest by the
 * labels: quarters by time, other labels in the order given) with a history sheet of all the periods; the
 * scorecard compares with the period before it (KPIs matched by perspective and metric; a KPI missing in a
 * period is a gap). The workbook written is the latest input's. A single .xlsx input that has a history sheet
 * takes its previous values from it.
 *
 * A .csv may be UTF-8, UTF-16 or GB18030, separated by commas, semicolons or tabs (src/core/csv). The output
 * is written to a temporary file and renamed; an interrupted run removes the temporary file.
 *
 * Exit codes: 0 written; 1 bad input (every problem printed with its cell address, as in the pane), an
 * unreadable input or an existing output file without --force; 2 a usage error; killed by the signal that
 * interrupted it.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { CrmError } from "../core/errors";
import { parseRange, sheetAddress } from "../core/address";
import { Language, Message, msg, ParamValue, renderMessage } from "../core/messages/catalogue";
import { historySheetName, readHistoryTable, recordedPeriods, type HistoryTable } from "../core/scorecard/history";
import { historySheet, type HistoryUpdate } from "../core/scorecard/historyUpdate";
import { orderPeriods, periodKey, previousPeriod, quarterEndDate } from "../core/scorecard/period";
import { buildScorecardPlan, scorecardPeriodRecord, type ScorecardOptions } from "../core/scorecard/plan";
import { readScorecardTable, ScorecardTable, sourceRange, type TableReading } from "../core/scorecard/table";
import { writeHistoryToXlsx } from "./historyXlsx";
import { InputError, loadInput, LoadedInput, plainValue, usedBounds } from "./input";
import { separatorName } from "./messages";
import { COMMON_OPTIONS, invokedDirectly, parseCommandLine, runMain, type CliIo } from "./program";
import { writePlanToXlsx } from "./xlsxWriter";

export { parseCsv } from "../core/csv/parse";
export { plainValue } from "./input";

export type { CliIo } from "./program";

/** A usage problem: a catalogue message, or the text of Node's argument parser (English only); "" for --help. */
class UsageError extends Error {
  constructor(readonly problem: ParamValue) {
    super(typeof problem === "object" ? renderMessage(problem, "en") : String(problem));
  }
}

interface Options {
  /** The input files, one per period; `input` is the latest period's, at index `latest`. */
  inputs: string[];
  latest: number;
  input: string;
  /** One label per input (several inputs), or the single input's label (`--period`). */
  periods?: string[];
  period?: string;
  sheet?: string;
  range?: string;
  out: string;
  lang?: Language;
  cap?: number;
  snapshot: boolean;
  force: boolean;
  asOf?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options = {
    ...COMMON_OPTIONS,
    cap: { type: "string" },
    snapshot: { type: "boolean", default: false },
    period: { type: "string" },
    periods: { type: "string" },
  } as const;
  const parsed = parseCommandLine(argv, options, (m) => new UsageError(m));
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError("");
  if (positionals.length === 0) throw new UsageError(msg("cli.noInput"));
  for (const file of positionals) {
    const ext = path.extname(file).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv") throw new UsageError(msg("cli.inputType", { input: file }));
  }
  const periods = parsePeriods(positionals, values.periods, values.period);
  const latest = periods === undefined ? 0 : latestIndex(periods);
  const input = positionals[latest]!;
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "zh") {
    throw new UsageError(msg("cli.langValue", { value: values.lang }));
  }
  let cap: number | undefined;
  if (values.cap !== undefined) {
    cap = Number(values.cap);
    if (values.cap.trim() === "" || !Number.isFinite(cap))
      throw new UsageError(msg("cli.capValue", { value: values.cap }));
  }
  if (values.range !== undefined) {
    try {
      parseRange(values.range);
    } catch (e) {
      const problem = e instanceof CrmError ? e.what : (e as Error).message;
      throw new UsageError(msg("cli.rangeOption", { problem }));
    }
  }
  const out =
    values.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-scorecard.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new UsageError(msg("cli.outType", { out }));
  return {
    inputs: positionals,
    latest,
    input,
    ...(periods === undefined ? {} : { periods }),
    ...(values.period === undefined ? {} : { period: values.period }),
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

/** `--periods` split into one label per input (commas, or Chinese commas); `--period` for one input. */
function parsePeriods(inputs: readonly string[], list?: string, single?: string): string[] | undefined {
  if (inputs.length === 1) {
    if (list !== undefined) throw new UsageError(msg("cli.periodsWithOne"));
    if (single !== undefined && single.trim() === "") throw new UsageError(msg("cli.periodBlank"));
    return undefined;
  }
  if (single !== undefined) throw new UsageError(msg("cli.periodWithSeveral"));
  if (list === undefined) throw new UsageError(msg("cli.periodsNeeded", { count: inputs.length }));
  const labels = list.split(/[,\uFF0C]/).map((l) => l.trim());
  if (labels.length !== inputs.length || labels.some((l) => l === ""))
    throw new UsageError(msg("cli.periodsCount", { count: inputs.length, value: list }));
  const seen = new Map<string, string>();
  for (const l of labels) {
    const first = seen.get(periodKey(l));
    if (first !== undefined) throw new UsageError(msg("cli.periodsTwice", { first, second: l }));
    seen.set(periodKey(l), l);
  }
  return labels;
}

/** The index of the latest period: the last in `orderPeriods` order. */
function latestIndex(periods: readonly string[]): number {
  const order = orderPeriods(periods);
  const last = periodKey(order[order.length - 1]!);
  return periods.findIndex((p) => periodKey(p) === last);
}

/** Output files being written right now (temporary names), removed if the run is interrupted. */
const pendingTemps = new Set<string>();
/** Whether signals end the run with the temporary file removed (set by {@link runAsProgram}, not in tests). */
let guardSignals = false;

/**
 * Writes the workbook to a temporary file beside `out`, then renames it: `out` is either the whole new
 * workbook or untouched. While writing, Ctrl+C (SIGINT), SIGTERM and SIGHUP remove the temporary file and
 * end the process by the same signal.
 */
async function writeWorkbook(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const file of pendingTemps) rmSync(file, { force: true });
    process.stderr.write(`${say(msg("cli.interrupted", { signal }))}\n`);
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  };
  pendingTemps.add(temp);
  if (guardSignals) for (const s of SIGNALS) process.on(s, onSignal);
  try {
    await workbook.xlsx.writeFile(temp);
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new InputError(msg("cli.cannotWrite", { out, reason: (e as Error).message }));
  } finally {
    pendingTemps.delete(temp);
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
/**
 * The language of the command's messages for the run in progress: --lang, else (once the table is read) the
 * language of its headers, else English.
 */
let messageLanguage: Language = "en";

/** A message in the command's language. */
function say(message: Message): string {
  return renderMessage(message, messageLanguage);
}

/**
 * The --lang of the arguments when it is en or zh (the last one given, as the parser takes it), read before
 * they are parsed, so that a usage problem is told in that language too.
 */
function langInArgs(argv: readonly string[]): Language | undefined {
  let lang: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--lang") lang = argv[i + 1];
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
  });
  return lang === "en" || lang === "zh" ? lang : undefined;
}

/** One input read and validated. */
interface InputTable {
  input: LoadedInput;
  reading: TableReading;
  table: ScorecardTable;
}

/**
 * Every input's table, in the order given, or null after printing every problem of every input (each line
 * after its file's name when there are several) in the scorecard's language.
 */
async function readTables(o: Options, io: CliIo): Promise<InputTable[] | null> {
  const several = o.inputs.length > 1;
  const out: InputTable[] = [];
  let problems = false;
  for (let i = 0; i < o.inputs.length; i++) {
    const file = o.inputs[i]!;
    const input = await loadInput({ ...o, input: file });
    const reading = readScorecardTable(sourceRange(input.sheet, input.topLeft, input.values));
    if (i === o.latest) messageLanguage = o.lang ?? reading.language;
    const d = input.csvDialect;
    if (d !== null) {
      const how = { file, encoding: d.encoding, separator: separatorName(d.separator) };
      io.stdout(say(d.decimalMark === "," ? msg("csv.readAsDecimalComma", how) : msg("csv.readAs", how)));
    }
    if (reading.table === null) {
      // The KPI table's problems come from the scorecard core, in both languages.
      for (const p of reading.problems) {
        const text = (o.lang ?? reading.language) === "zh" ? p.messageZh : p.message;
        io.stderr(several ? say(msg("cli.inputProblem", { file, problem: text })) : text);
      }
      problems = true;
      continue;
    }
    out.push({ input, reading, table: reading.table });
  }
  return problems ? null : out;
}

/** The scoring options the user gave. */
function scoringOptions(o: Options, language: Language): ScorecardOptions {
  return { language, ...(o.cap === undefined ? {} : { cap: o.cap }), mode: o.snapshot ? "snapshot" : "live" };
}

/**
 * The history of several inputs' periods (null for one input): each period recorded in the order given, a
 * past quarter as of its last day (another label as of the latest period's date).
 */
function historyOf(o: Options, tables: readonly InputTable[], language: Language): HistoryUpdate | null {
  if (o.periods === undefined) return null;
  const records = o.periods.map((period, i) => {
    const asOf = i === o.latest ? o.asOf : (quarterEndDate(period) ?? o.asOf);
    const opts = { ...scoringOptions(o, language), period, ...(asOf === undefined ? {} : { asOf }) };
    return scorecardPeriodRecord(tables[i]!.table, opts);
  });
  return historySheet(records, language);
}

/**
 * A history sheet already in the (single) input workbook, read for the previous values; an unreadable one is
 * reported and left out (and, like every sheet of the input, copied to the output as it is).
 */
function existingHistory(workbook: ExcelJS.Workbook, language: Language, io: CliIo): HistoryTable | null {
  const found = historySheetName(
    workbook.worksheets.map((w) => w.name),
    language,
  );
  if (!found.exists) return null;
  const ws = workbook.getWorksheet(found.name)!;
  const bounds = usedBounds(ws);
  if (bounds === null) return null;
  const values: unknown[][] = [];
  for (let r = 0; r <= bounds.bottom; r++) {
    const row: unknown[] = [];
    for (let c = 0; c <= bounds.right; c++) row.push(plainValue(ws.getCell(r + 1, c + 1).value));
    values.push(row);
  }
  const reading = readHistoryTable(found.name, { topLeft: "A1", values });
  if (reading.table === null) {
    for (const p of reading.problems) io.stderr(messageLanguage === "zh" ? p.messageZh : p.message);
    io.stderr(say(msg("cli.historyNotUsed", { sheet: found.name })));
  }
  return reading.table;
}

/** Items as a list separated as the language it is rendered in does ("a, b" / the enumeration comma). */
function plainList(items: readonly string[]): ParamValue {
  const [first, ...rest] = items;
  return rest.length === 0 ? (first ?? "") : msg("cli.listMore", { first: first!, rest: plainList(rest) });
}

/** The lines after "Wrote": the history written, and what the scorecard compares with. */
function reportComparison(
  o: Options,
  history: { update: HistoryUpdate; sheet: string } | null,
  previous: number | null,
  score: number,
): string[] {
  const lines: string[] = [];
  if (history !== null) {
    const periods = orderPeriods(recordedPeriods(history.update.table));
    lines.push(
      say(
        msg("cli.history", {
          count: periods.length,
          periods: plainList(periods),
          sheet: history.sheet,
        }),
      ),
    );
  }
  if (previous !== null) {
    const before =
      history === null ? null : previousPeriod(recordedPeriods(history.update.table), o.periods![o.latest]!);
    const d = score - previous;
    lines.push(
      say(
        msg("cli.compared", {
          period: before ?? msg("cli.previousColumn"),
          previous: previous.toFixed(1),
          score: score.toFixed(1),
          change: `${d >= 0 ? "+" : ""}${d.toFixed(1)}`,
        }),
      ),
    );
  }
  return lines;
}

/** Builds the plan (and the history) from tables that read without problems, writes the workbook, and reports. */
async function buildAndWrite(o: Options, tables: readonly InputTable[], io: CliIo): Promise<void> {
  const { input, table, reading } = tables[o.latest]!;
  const language = o.lang ?? reading.language;
  const history = historyOf(o, tables, language);
  const sheetNames = input.workbook.worksheets.map((w) => w.name);
  const historyName = historySheetName(sheetNames, language);
  if (history !== null && historyName.exists)
    throw new InputError(msg("cli.historyExists", { file: o.input, sheet: historyName.name }));
  const period = o.periods?.[o.latest] ?? o.period;
  const plan = buildScorecardPlan(table, {
    ...scoringOptions(o, language),
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(period === undefined ? {} : { period }),
    history: history?.table ?? existingHistory(input.workbook, language, io),
    existingSheetNames: sheetNames,
    existingNames: input.workbook.definedNames.model.map((d) => d.name),
  });
  const report = writePlanToXlsx(plan, input.workbook);
  const notes = [...report.notes];
  if (history !== null) notes.push(...writeHistoryToXlsx(history, input.workbook, historyName.name));
  await writeWorkbook(input.workbook, o.out);
  const e = plan.expected;
  const band = plan.settings.options.ratingBands[e.rating]!.label;
  io.stdout(
    say(
      msg("cli.wrote", {
        out: o.out,
        sheet: plan.sheetName,
        source: sheetAddress(input.sheet, table.address),
        kpis: table.kpis.length,
        score: e.overall.toFixed(1),
        band,
        mode: plan.mode === "snapshot" ? msg("cli.modeSnapshot") : msg("cli.modeLive"),
      }),
    ),
  );
  const previous = plan.comparison?.overall.previousScore ?? null;
  const written = history === null ? null : { update: history, sheet: historyName.name };
  for (const line of reportComparison(o, written, previous, e.overall)) io.stdout(line);
  for (const note of notes) io.stdout(say(msg("cli.note", { note })));
}

/**
 * Runs the command. Returns the exit code instead of exiting, so tests can call it in-process.
 * @param argv the arguments after the command name
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  messageLanguage = langInArgs(argv) ?? "en";
  let o: Options;
  try {
    o = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.problem === "") {
        io.stdout(say(msg("cli.usage")));
        return 0;
      }
      io.stderr(say(msg("cli.usageProblem", { problem: e.problem })));
      io.stderr(say(msg("cli.usage")));
      return 2;
    }
    throw e;
  }
  messageLanguage = o.lang ?? "en";
  try {
    if (existsSync(o.out) && !o.force) throw new InputError(msg("cli.outExists", { out: o.out }));
    const tables = await readTables(o, io);
    if (tables === null) return 1;
    await buildAndWrite(o, tables, io);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof CrmError) {
      io.stderr(say(e.what));
      return 1;
    }
    throw e;
  }
}

/**
 * Runs the command as a program: messages to stdout/stderr, the exit code as the process's, an interrupted
 * write leaves no file behind. A failure nobody foresaw prints one plain line (the stack trace only with
 * CRM_SCORECARD_DEBUG=1).
 * @param argv the arguments after the command name
 */
export function runAsProgram(argv: readonly string[]): void {
  guardSignals = true;
  runMain(main, argv, (e) => {
    const debug = process.env.CRM_SCORECARD_DEBUG === "1" && e instanceof Error ? e.stack : undefined;
    return say(msg("cli.unexpected", { reason: debug ?? (e instanceof Error ? e.message : String(e)) }));
  });
}

if (invokedDirectly(import.meta.url)) runAsProgram(process.argv.slice(2));
