/**
 * `crm-analyze` on 1,000,000 transactions (issue 11: ≤ 10 s and ≤ 1.5 GB; the file holds the analysis, not a
 * copy of the log). Run: `npx tsx bench/analyzeCli.bench.ts` (or `npm run bench`). Writes a seeded CSV log
 * (1,000,000 rows of 100,000 customers drawn from a Pareto/NBD process over two years — Gamma purchase rates,
 * exponential lifetimes, so the models can be fitted — with Gamma-Gamma spend and four categories) to a
 * temporary folder, runs the built
 * command (lib/crm-analyze.mjs; `npm run build:cli` first) as its own process under /usr/bin/time, and
 * prints its wall time, CPU time, peak memory and output size with the goals, beside the figures before the
 * speed-ups of branch analyze-speed (BEFORE, measured with main's build at 344c72c on this 2-core machine).
 * `CRM_ANALYZE_BEFORE=path/to/an/older/lib/crm-analyze.mjs` runs that build too, right before this one, for
 * a comparison under the same load (the machine is shared: loaded, wall times double).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gammaVariate, mulberry32 } from "../src/core/btyd/simulate";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const LIB = path.join(ROOT, "lib", "crm-analyze.mjs");

/** One run's figures. */
interface Run {
  wall: number;
  /** User + system CPU seconds (the main thread, the collector's and zlib's threads). */
  cpu: number;
  rssMb: number;
  fileMb: number;
}

/**
 * main at 344c72c (before the speed-ups) on this 2-core machine at load average about 1 (/usr/bin/time: 10.7 s
 * wall, 10.6 s user + 2.9 s system, 767 MB; the bench itself once showed 13.6 s at load 1.6). Under the load of
 * other work (load average 12–16) it took 36–75 s wall and 15–21 s CPU; this branch, alongside it, 0.5× of both.
 */
const BEFORE: Run = { wall: 10.7, cpu: 13.6, rssMb: 767, fileMb: 15.8 };

/** Exponential and Gamma draws for the generator. */
const exponential = (rng: () => number, rate: number): number => -Math.log(1 - rng()) / rate;

/**
 * The log: customer c starts in the first 12 weeks, buys at rate λ ~ Gamma(0.8, 5.5) a week while alive for an
 * Exp(μ) lifetime, μ ~ Gamma(0.6, 40), until week 104; each purchase is worth Gamma(p = 6, ν) with ν ~ Gamma(q = 4,
 * γ = 15) per customer (mean 30). Stops at 1,000,000 rows (about 100,000 customers).
 */
function csvLog(file: string): number {
  const rng = mulberry32(21);
  const categories = ["Books", "Music", "Toys", "Garden"];
  const start = 45292; // 2024-01-01
  const iso = (day: number): string => new Date(Date.UTC(1899, 11, 30) + day * 86_400_000).toISOString().slice(0, 10);
  const lines = ["customer,date,amount,category"];
  for (let c = 1; c <= 200_000 && lines.length <= 1_000_000; c++) {
    const lambda = gammaVariate(0.8, rng) / 5.5;
    const death = exponential(rng, gammaVariate(0.6, rng) / 40);
    const nu = gammaVariate(4, rng) / 15;
    const first = rng() * 12;
    const end = Math.min(104, first + death);
    for (let t = first; t <= end && lines.length <= 1_000_000; t += exponential(rng, Math.max(lambda, 1e-9))) {
      const amount = Math.max(0.01, Math.round((100 * gammaVariate(6, rng)) / nu) / 100);
      lines.push(`C${c},${iso(start + Math.floor(7 * t))},${amount},${categories[Math.floor(rng() * 4)]}`);
    }
  }
  writeFileSync(file, lines.join("\n"));
  return lines.length - 1;
}

/** Runs a build of crm-analyze on the log under /usr/bin/time; null when it wrote no file. */
function runCommand(lib: string, log: string, out: string): Run | null {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "node", lib, log, "--out", out, "--force"], {
    encoding: "utf8",
  });
  const [wall, user, sys, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (!existsSync(out)) {
    console.log(`${lib} wrote no file:\n${r.stderr}`);
    return null;
  }
  console.log(r.stdout.trim());
  return { wall, cpu: user + sys, rssMb: kb / 1024, fileMb: statSync(out).size / 1e6 };
}

function main(): void {
  if (!existsSync(LIB)) spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-analyze-bench-"));
  try {
    const log = path.join(dir, "log.csv");
    const rows = csvLog(log);
    const olderLib = process.env.CRM_ANALYZE_BEFORE;
    const older = olderLib === undefined ? null : runCommand(olderLib, log, path.join(dir, "before.xlsx"));
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
    const now = runCommand(LIB, log, path.join(dir, "log-analysis.xlsx"));
    console.log(`${os.cpus().length} CPUs, load average ${load} before this run`);
    if (now === null) return;
    const before = older ?? BEFORE;
    const label = older === null ? "before (main 344c72c, recorded)" : "before (CRM_ANALYZE_BEFORE, this run)";
    const line = (name: string, a: string, b: string, goal: string): void =>
      console.log(`${name.padEnd(40)} ${a.padStart(12)} ${b.padStart(12)}   ${goal}`);
    console.log(`crm-analyze, ${rows.toLocaleString("en")} transactions (${label} → now)`);
    line("", "before", "now", "");
    line("  wall time", `${before.wall.toFixed(1)} s`, `${now.wall.toFixed(1)} s`, "(goal ≤ 10 s for 1,000,000)");
    line("  CPU time (user + system)", `${before.cpu.toFixed(1)} s`, `${now.cpu.toFixed(1)} s`, "");
    line(
      "  peak memory (maximum resident set)",
      `${before.rssMb.toFixed(0)} MB`,
      `${now.rssMb.toFixed(0)} MB`,
      "(goal ≤ 1,536 MB)",
    );
    line(
      "  workbook size",
      `${before.fileMb.toFixed(1)} MB`,
      `${now.fileMb.toFixed(1)} MB`,
      `(log ${(statSync(log).size / 1e6).toFixed(1)} MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
