/**
 * Benchmarks of the "Buy Till You Die" functions (issue 5). Run: `npx tsx bench/btyd.bench.ts` (or
 * `npm run bench`). Prints medians of repeated runs in one process (after warm-up), iteration counts,
 * and the ratio to the peer a Python analyst would use: a vectorised SciPy BFGS fit on log-parameters
 * with an analytic gradient (bench/peer_bgnbd.py), run on CDNOW in this same run.
 *
 * Goals: RFM over 1,000,000 transactions ≤ 1 s, and =CRM.RFM through its adapter (cells in, spill out) within
 * 1.5× of the core (issue 13 item 20); BG/NBD fit on 1,000,000 customers ≤ 3 s; BG/NBD fit on CDNOW ≥ 10×
 * faster than the SciPy peer. Synthetic data come from seeded generators.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import "../test/support/customFunctionsGlobal";
import { bgnbdFit } from "../src/core/btyd/bgnbd";
import { distinctRows } from "../src/core/btyd/grouping";
import { ggFit } from "../src/core/btyd/gammagamma";
import { rfmSummary } from "../src/core/btyd/rfm";
import { mulberry32, simulateBgnbd, simulateGammaGamma, simulateTransactions } from "../src/core/btyd/simulate";
import { RFM } from "../src/functions/btyd";
import { cdnowSummaryWithSpend } from "../test/fixtures/cdnow/cdnow";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const CDNOW_SUMMARY = path.join(ROOT, "test/fixtures/cdnow/cdnow_customers_summary.csv");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs f `warmup` + `runs` times; returns the median of the timed runs (ms) and the last result. */
async function time<T>(runs: number, f: () => T | Promise<T>, warmup = 1): Promise<{ ms: number; result: T }> {
  let result = await f();
  for (let i = 1; i < warmup; i++) result = await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1)) + " ms";
const line = (label: string, text: string): void => console.log(`${label.padEnd(58)} ${text}`);
const CDNOW_FIT = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Process CPU time in ms (main thread and GC helpers): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * RFM over 1,000,000 transactions: the core, then the adapter as Excel calls it (1,000,000 rows of one-cell
 * arrays per argument, a 100,001-row spill back). The two run alternately, so that a busy machine and the
 * garbage collector weigh on both alike; the ratio is of their medians (wall clock, and process CPU time).
 */
async function rfmBench(): Promise<void> {
  const tx = simulateTransactions(1_000_000, 100_000, mulberry32(1));
  const ids = Array.from(tx.ids);
  const cells = (v: ArrayLike<number>): unknown[][] => Array.from(v, (x) => [x]);
  const [idCells, dateCells, amountCells] = [cells(tx.ids), cells(tx.dates), cells(tx.amounts)];
  const inv = { parameterAddresses: [] } as unknown as CustomFunctions.Invocation;
  const core = { wall: [] as number[], cpu: [] as number[] };
  const adapter = { wall: [] as number[], cpu: [] as number[] };
  const measure = async (into: typeof core, f: () => unknown): Promise<void> => {
    const [w0, c0] = [performance.now(), cpuMs()];
    await f();
    into.wall.push(performance.now() - w0);
    into.cpu.push(cpuMs() - c0);
  };
  let rows = 0;
  const ratio = (a: number[], b: number[]): string => `${(median(a) / median(b)).toFixed(2)}×`;
  for (let i = 0; i < 9; i++) {
    await measure(core, () => rfmSummary(ids, tx.dates, tx.amounts));
    await measure(
      adapter,
      async () => (rows = (await RFM(idCells, dateCells, amountCells, null, null, null, null, inv)).length),
    );
  }
  for (const xs of [core.wall, core.cpu, adapter.wall, adapter.cpu]) xs.shift(); // the first run warms up
  line("RFM core, 1,000,000 transactions, 100,000 customers", `median ${fmt(median(core.wall))}  (goal ≤ 1000 ms)`);
  line(
    "=CRM.RFM adapter (cells in, spill out), same log",
    `median ${fmt(median(adapter.wall))}  (${rows - 1} rows)  ratio to the core ${ratio(adapter.wall, core.wall)} wall, ` +
      `${ratio(adapter.cpu, core.cpu)} CPU  (goal ≤ 1.5×)`,
  );
}

async function main(): Promise<void> {
  const load = os.loadavg().map((x) => x.toFixed(1));
  console.log(`${os.cpus().length} CPUs, load average ${load.join(" ")} (timings are wall-clock medians)`);
  // --- RFM over 1,000,000 transactions -------------------------------------------------------------
  await rfmBench();

  // --- BG/NBD on CDNOW, and the SciPy peer ----------------------------------------------------------
  const cdnow = cdnowSummaryWithSpend();
  const fitCdnow = await time(101, () => bgnbdFit(cdnow.x, cdnow.tx, cdnow.T), 20);
  const p = fitCdnow.result.params;
  line(
    "BG/NBD fit, CDNOW (2,357 customers, 1,016 profiles)",
    `median ${fmt(fitCdnow.ms)}  ${fitCdnow.result.iterations} iterations, ${fitCdnow.result.evaluations} evaluations` +
      `  r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${fitCdnow.result.logLikelihood.toFixed(2)}`,
  );
  const peer = spawnSync("python3", [path.join(ROOT, "bench/peer_bgnbd.py"), CDNOW_SUMMARY, "31"], {
    encoding: "utf8",
  });
  if (peer.status === 0) {
    const r = JSON.parse(peer.stdout) as {
      median_ms: number;
      iterations: number;
      evaluations: number;
      log_likelihood: number;
    };
    line(
      "  peer: SciPy BFGS, vectorised NumPy, analytic gradient",
      `median ${fmt(r.median_ms)}  ${r.iterations} iterations, ${r.evaluations} evaluations  LL=${r.log_likelihood.toFixed(2)}`,
    );
    line("  ratio peer / ours", `${(r.median_ms / fitCdnow.ms).toFixed(1)}×  (goal ≥ 10×)`);
  } else {
    line(
      "  peer: SciPy BFGS",
      `could not run (${(peer.stderr || peer.error?.message || "").trim().split("\n").pop()})`,
    );
  }

  // --- BG/NBD on 1,000,000 synthetic customers ------------------------------------------------------
  const daily = simulateBgnbd(CDNOW_FIT, 1_000_000, mulberry32(2), { unit: 1 / 7 });
  const profiles = distinctRows([daily.frequency, daily.recency, daily.T]).counts.length;
  const fitDaily = await time(3, () => bgnbdFit(daily.frequency, daily.recency, daily.T));
  const q = fitDaily.result.params;
  line(
    `BG/NBD fit, 1,000,000 customers, daily dates (${profiles.toLocaleString("en")} profiles)`,
    `median ${fmt(fitDaily.ms)}  ${fitDaily.result.iterations} iterations  (goal ≤ 3000 ms)` +
      `  r=${q.r.toFixed(3)} α=${q.alpha.toFixed(3)} a=${q.a.toFixed(3)} b=${q.b.toFixed(3)} (drawn from 0.243, 4.414, 0.793, 2.426)`,
  );
  const exact = simulateBgnbd(CDNOW_FIT, 1_000_000, mulberry32(3));
  const fitExact = await time(3, () => bgnbdFit(exact.frequency, exact.recency, exact.T));
  line(
    "BG/NBD fit, 1,000,000 customers, continuous times (no two alike)",
    `median ${fmt(fitExact.ms)}  ${fitExact.result.iterations} iterations`,
  );

  // --- Gamma-Gamma ----------------------------------------------------------------------------------
  const gg = await time(101, () => ggFit(cdnow.x, cdnow.zbar), 20);
  const g = gg.result.params;
  line(
    "Gamma-Gamma fit, CDNOW (946 repeat buyers)",
    `median ${fmt(gg.ms)}  ${gg.result.iterations} iterations  p=${g.p.toFixed(3)} q=${g.q.toFixed(3)} γ=${g.gamma.toFixed(3)}`,
  );
  const spend = simulateGammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 }, daily.frequency, mulberry32(4));
  const gg1m = await time(3, () => ggFit(daily.frequency, spend));
  const h = gg1m.result.params;
  line(
    `Gamma-Gamma fit, ${gg1m.result.customers.toLocaleString("en")} synthetic repeat buyers`,
    `median ${fmt(gg1m.ms)}  ${gg1m.result.iterations} iterations  p=${h.p.toFixed(3)} q=${h.q.toFixed(3)} γ=${h.gamma.toFixed(3)} (drawn from 6.25, 3.74, 15.44)`,
  );
}

void main();
