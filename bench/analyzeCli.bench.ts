/**
 * `crm-analyze` on 1,000,000 transactions (issue 11: ≤ 10 s and ≤ 1.5 GB; the file holds the analysis, not a
 * copy of the log). Run: `npx tsx bench/analyzeCli.bench.ts` (or `npm run bench`). Writes a seeded CSV log
 * (1,000,000 rows, 100,000 customers, two years, four categories) to a temporary folder, runs the built
 * command (lib/crm-analyze.mjs; `npm run build:cli` first) as its own process under /usr/bin/time, and
 * prints its wall time, peak memory and output size with the goals.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mulberry32, simulateTransactions } from "../src/core/btyd/simulate";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const LIB = path.join(ROOT, "lib", "crm-analyze.mjs");

function csvLog(file: string): void {
  const tx = simulateTransactions(1_000_000, 100_000, mulberry32(21));
  const categories = ["Books", "Music", "Toys", "Garden"];
  const iso = (serial: number): string =>
    new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  const lines = ["customer,date,amount,category"];
  for (let i = 0; i < tx.ids.length; i++) {
    lines.push(`C${tx.ids[i]},${iso(tx.dates[i]!)},${tx.amounts[i]},${categories[i % 4]}`);
  }
  writeFileSync(file, lines.join("\n"));
}

function main(): void {
  if (!existsSync(LIB)) spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-analyze-bench-"));
  try {
    const log = path.join(dir, "log.csv");
    csvLog(log);
    const out = path.join(dir, "log-analysis.xlsx");
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "node", LIB, log, "--out", out], { encoding: "utf8" });
    const [seconds, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number) as [number, number];
    console.log(
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    console.log(r.stdout.trim());
    const line = (label: string, text: string): void => console.log(`${label.padEnd(58)} ${text}`);
    line("crm-analyze, 1,000,000 transactions (100,000 customers)", `${seconds.toFixed(1)} s   (goal ≤ 10 s)`);
    line("  peak memory (maximum resident set)", `${(kb / 1024).toFixed(0)} MB   (goal ≤ 1,536 MB)`);
    line(
      "  log / workbook size",
      `${(statSync(log).size / 1e6).toFixed(1)} MB / ${(statSync(out).size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
