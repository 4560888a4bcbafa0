/**
 * Helpers for the tests of the command lines: run the built `crm-scorecard` as a separate process, or a
 * command's main in this process, and read the workbook it wrote.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import type { CliIo } from "../../src/cli/program";
import { ROOT } from "./dist";

/** The bin that `npx crm-scorecard` runs, and the built JavaScript it loads. */
export const BIN = path.join(ROOT, "bin", "crm-scorecard.mjs");

/**
 * Builds lib/crm-scorecard.mjs (`npm run build:cli`), as `npm run build` and `npm pack` do. Call in beforeAll
 * of every test file that spawns the command, so that it runs the current source.
 */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stderr}`);
}

/** The environment without the npm_* variables of the `npx vitest` that runs the tests (an npm run inside a
 * test must not inherit this checkout's prefix or configuration). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** What a command's run in this process printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs a command's `main` (src/cli/crm-*.ts) in this process with `args`, collecting the lines it prints. */
export async function runInProcess(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  args: readonly string[],
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

/** The .xlsx file a command wrote, read with exceljs. */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
