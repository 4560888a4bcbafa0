/**
 * The system programs the browser and recalculation layers need: Debian's Chromium and LibreOffice.
 *
 * Used as a vitest `globalSetup`: when one is missing, it prints a loud message and fails the run —
 * unless `CRM_SKIP_SYSTEM_TESTS=1`, in which case it warns and the suites skip themselves with
 * `describe.skipIf(!systemToolsAvailable())`. CI never sets the variable, so a run that skipped these
 * layers cannot pass there unnoticed.
 */
import { accessSync, constants } from "node:fs";
import path from "node:path";

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` that is executable, as an absolute path or found on PATH; null if none is. */
function findProgram(candidates: readonly string[]): string | null {
  for (const c of candidates) {
    if (path.isAbsolute(c)) {
      if (executable(c)) return c;
      continue;
    }
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
      if (dir !== "" && executable(path.join(dir, c))) return path.join(dir, c);
    }
  }
  return null;
}

/** Debian's Chromium (`/usr/bin/chromium`, or `chromium` on PATH), or null. */
export function findChromium(): string | null {
  return findProgram(["/usr/bin/chromium", "chromium"]);
}

/** LibreOffice's `soffice` (`/usr/bin/soffice`, or on PATH), or null. */
export function findSoffice(): string | null {
  return findProgram(["/usr/bin/soffice", "soffice"]);
}

/** The programs that are missing, by name. */
export function missingSystemTools(): string[] {
  const missing: string[] = [];
  if (findChromium() === null) missing.push("chromium (apt-get install chromium)");
  if (findSoffice() === null) missing.push("soffice (apt-get install libreoffice-calc-nogui)");
  return missing;
}

/**
 * True when the given program (default: both) is installed. Suites use it with
 * `describe.skipIf(!systemToolsAvailable("soffice"))`; the global setup has already failed the run
 * when a program is missing and skipping was not asked for.
 */
export function systemToolsAvailable(tool?: "chromium" | "soffice"): boolean {
  if (tool === "chromium") return findChromium() !== null;
  if (tool === "soffice") return findSoffice() !== null;
  return missingSystemTools().length === 0;
}

/** vitest global setup: fail loudly when a system program is missing, unless CRM_SKIP_SYSTEM_TESTS=1. */
export default function setup(): void {
  const missing = missingSystemTools();
  if (missing.length === 0) return;
  const skip = process.env.CRM_SKIP_SYSTEM_TESTS === "1";
  const bar = "!".repeat(78);
  const lines = [
    bar,
    `!!  MISSING SYSTEM PROGRAMS: ${missing.join(", ")}`,
    "!!  The browser layer needs Debian's chromium and the recalculation layer LibreOffice.",
    skip
      ? "!!  CRM_SKIP_SYSTEM_TESTS=1 is set: the suites that need them are SKIPPED, not passed."
      : "!!  Install them (see .ci/run), or set CRM_SKIP_SYSTEM_TESTS=1 to skip these suites knowingly.",
    bar,
  ];
  console.error(lines.join("\n"));
  if (!skip) throw new Error(`missing system programs: ${missing.join(", ")}`);
}
