/**
 * `crm-scorecard`: the task pane's scorecard without Excel. Reads a KPI table from an .xlsx or .csv file,
 * validates it with the same core as the add-in, and writes a workbook holding the input table and the
 * scorecard sheet, from the same plan (exceljs).
 *
 *   crm-scorecard <input.xlsx|input.csv> [--sheet NAME] [--range A1:G20] [--out FILE] [--lang en|zh]
 *                 [--cap 1.2] [--snapshot] [--as-of YYYY-MM-DD] [--force]
 *
 * A .csv may be UTF-8, UTF-16 or GB18030, separated by commas, semicolons or tabs (src/core/csv). The output
 * is written to a temporary file and renamed; an interrupted run removes the temporary file.
 *
 * Exit codes: 0 written; 1 bad input (every problem printed with its cell address, as in the pane), an
 * unreadable input or an existing output file without --force; 2 a usage error; killed by the signal that
 * interrupted it.
 */
import { existsSync, realpathSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { CrmError } from "../core/errors";
import { parseRange, sheetAddress } from "../core/address";
import { Language, Message, msg, ParamValue, renderMessage } from "../core/messages/catalogue";
import { buildScorecardPlan } from "../core/scorecard/plan";
import { readScorecardTable, ScorecardTable, sourceRange } from "../core/scorecard/table";
import { InputError, loadInput, LoadedInput } from "./input";
import { separatorName } from "./messages";
import { writePlanToXlsx } from "./xlsxWriter";

export { parseCsv } from "../core/csv/parse";
export { plainValue } from "./input";

/** Where the command writes its messages. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** A usage problem: a catalogue message, or the text of Node's argument parser (English only); "" for --help. */
class UsageError extends Error {
  constructor(readonly problem: ParamValue) {
    super(typeof problem === "object" ? renderMessage(problem, "en") : String(problem));
  }
}

interface Options {
  input: string;
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
  if (positionals.length !== 1) throw new UsageError(msg("cli.oneInput"));
  const input = positionals[0]!;
  const ext = path.extname(input).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") throw new UsageError(msg("cli.inputType", { input }));
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

/** Builds the plan from a table that read without problems, writes the workbook, and reports. */
async function buildAndWrite(o: Options, input: LoadedInput, table: ScorecardTable, io: CliIo): Promise<void> {
  const plan = buildScorecardPlan(table, {
    ...(o.lang === undefined ? {} : { language: o.lang }),
    ...(o.cap === undefined ? {} : { cap: o.cap }),
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    mode: o.snapshot ? "snapshot" : "live",
    existingSheetNames: input.workbook.worksheets.map((w) => w.name),
    existingNames: input.workbook.definedNames.model.map((d) => d.name),
  });
  const report = writePlanToXlsx(plan, input.workbook);
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
  for (const note of report.notes) io.stdout(say(msg("cli.note", { note })));
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
    const input = await loadInput(o);
    const reading = readScorecardTable(sourceRange(input.sheet, input.topLeft, input.values));
    messageLanguage = o.lang ?? reading.language;
    const d = input.csvDialect;
    if (d !== null) {
      const how = { file: o.input, encoding: d.encoding, separator: separatorName(d.separator) };
      io.stdout(say(d.decimalMark === "," ? msg("csv.readAsDecimalComma", how) : msg("csv.readAs", how)));
    }
    if (reading.table === null) {
      // The KPI table's problems come from the scorecard core, in both languages.
      for (const p of reading.problems) io.stderr(messageLanguage === "zh" ? p.messageZh : p.message);
      return 1;
    }
    await buildAndWrite(o, input, reading.table, io);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof CrmError) {
      io.stderr(say(e.what));
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

/**
 * Runs the command as a program: messages to stdout/stderr, the exit code as the process's, an interrupted
 * write leaves no file behind. A failure nobody foresaw prints one plain line (the stack trace only with
 * CRM_SCORECARD_DEBUG=1).
 * @param argv the arguments after the command name
 */
export function runAsProgram(argv: readonly string[]): void {
  guardSignals = true;
  main(argv, {
    stdout: (l) => process.stdout.write(`${l}\n`),
    stderr: (l) => process.stderr.write(`${l}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const debug = process.env.CRM_SCORECARD_DEBUG === "1" && e instanceof Error ? e.stack : undefined;
      const reason = debug ?? (e instanceof Error ? e.message : String(e));
      process.stderr.write(`${say(msg("cli.unexpected", { reason }))}\n`);
      process.exitCode = 1;
    },
  );
}

if (invokedDirectly()) runAsProgram(process.argv.slice(2));
