/**
 * What every command of src/cli does to run as a program: find out whether it is the program being run (not an
 * import, e.g. by a test), and run its `main` with the process's output and exit code.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * The options every command takes (node:util parseArgs): the input's sheet and range, the date the figures are
 * as of, the language, the output file, whether to overwrite it, and help.
 */
export const COMMON_OPTIONS = {
  sheet: { type: "string" },
  range: { type: "string" },
  "as-of": { type: "string" },
  lang: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * Parses a command line (node:util parseArgs, positionals allowed) with these options; a parse error is thrown as
 * `usageError(its message)`.
 */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: readonly string[],
  options: O,
  usageError: (message: string) => Error,
) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

/** Where a command writes its messages. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/**
 * True when the module at `moduleUrl` (its `import.meta.url`) is the program being run — also through an npm
 * bin symlink — and not an import.
 */
export function invokedDirectly(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/**
 * Runs a command's `main` as a program: its messages to stdout/stderr a line each, its exit code as the
 * process's. A failure nobody foresaw writes the one line `unexpected(e)` and exits with 1.
 */
export function runMain(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: readonly string[],
  unexpected: (e: unknown) => string,
): void {
  main(argv, { stdout: (l) => process.stdout.write(`${l}\n`), stderr: (l) => process.stderr.write(`${l}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${unexpected(e)}\n`);
      process.exitCode = 1;
    },
  );
}
