/**
 * Benchmarks of the customer-analysis functions (issue 11: each new function over 100,000 customers ≤ 100 ms).
 * Run: `npx tsx bench/analysis.bench.ts` (or `npm run bench`), in the main realm. Prints, for repeated runs in
 * one process (after warm-up), the median wall time and the median CPU time of this process (which a busy
 * machine inflates less), with the goal beside each figure: the marketing RFM, then per function its core on
 * typed columns and its adapter as Excel calls it (one column of cells per argument in, the spill out),
 * measured alternately. Synthetic data come from seeded generators.
 */
import os from "node:os";
import "../test/support/customFunctionsGlobal";
import { crossSell, MatchKey } from "../src/core/analysis/crossSell";
import { lifecycleStages } from "../src/core/analysis/lifecycle";
import { marketingRfm } from "../src/core/analysis/marketingRfm";
import { rfmScores } from "../src/core/analysis/scores";
import { rfmSegments } from "../src/core/analysis/segments";
import { valueTiers } from "../src/core/analysis/valueTiers";
import { mulberry32, simulateTransactions } from "../src/core/btyd/simulate";
import { CROSSSELL, LIFECYCLE, RFM_SCORE, RFM_SEGMENT, VALUETIER } from "../src/functions/analysis";
import { RFM } from "../src/functions/btyd";

/** Median wall and CPU milliseconds of `runs` calls of f after `warmup` calls. */
function medianMs(f: () => unknown, runs = 15, warmup = 3): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

/** As {@link medianMs}, for adapters (which return promises). */
async function medianMsAsync(f: () => Promise<unknown>, runs = 9, warmup = 2): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

/** Prints one figure: name, median wall and CPU time, goal. */
function report(name: string, t: { wall: number; cpu: number }, goal: string): void {
  const ms = (x: number): string => x.toFixed(x < 10 ? 2 : 1).padStart(8);
  console.log(`${name.padEnd(58)} ${ms(t.wall)} ms wall ${ms(t.cpu)} ms CPU   (goal ${goal})`);
}

/**
 * One function's core and adapter, measured alternately (so that a change of machine load hits both), after a
 * warm-up of each: median wall and CPU milliseconds of each over 100,000 customers, against the goal.
 */
async function pair(name: string, core: () => unknown, adapter: () => Promise<unknown>, runs = 11): Promise<void> {
  const t = {
    core: { wall: [] as number[], cpu: [] as number[] },
    adapter: { wall: [] as number[], cpu: [] as number[] },
  };
  const once = async (into: { wall: number[]; cpu: number[] }, f: () => unknown): Promise<void> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    into.wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    into.cpu.push((c.user + c.system) / 1000);
  };
  for (let i = 0; i < runs + 2; i++) {
    await once(t.core, core);
    await once(t.adapter, adapter);
  }
  const mid = (xs: number[]): number => xs.slice(2).sort((a, b) => a - b)[(xs.length - 2) >> 1]!;
  const ms = (x: number): string => x.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(44)} core ${ms(mid(t.core.wall))} ms wall ${ms(mid(t.core.cpu))} CPU   ` +
      `adapter ${ms(mid(t.adapter.wall))} ms wall ${ms(mid(t.adapter.cpu))} CPU   (goal ${GOAL} through the adapter)`,
  );
}

const CUSTOMERS = 100_000;
const GOAL = "≤ 100 ms";

void (async () => {
  const load = os.loadavg().map((x) => x.toFixed(1));
  console.log(`${os.cpus().length} CPUs, load average ${load.join(" ")} (medians of wall-clock and of CPU time)`);

  // marketing RFM: 300,000 transactions of 100,000 customers over two years (and a 1,000,000-row log)
  const tx = simulateTransactions(300_000, CUSTOMERS, mulberry32(11));
  const ids = Array.from(tx.ids);
  let rfm = marketingRfm(ids, tx.dates, tx.amounts);
  report(
    `marketing RFM, 300,000 transactions → ${rfm.customers.length.toLocaleString("en")} customers`,
    medianMs(() => (rfm = marketingRfm(ids, tx.dates, tx.amounts)), 9, 2),
    GOAL,
  );
  const big = simulateTransactions(1_000_000, CUSTOMERS, mulberry32(12));
  const bigIds = Array.from(big.ids);
  report(
    "marketing RFM, 1,000,000 transactions, 100,000 customers",
    medianMs(() => marketingRfm(bigIds, big.dates, big.amounts), 5, 1),
    "≤ 1000 ms, as CRM.RFM",
  );

  // a customer table of 100,000 rows: the marketing RFM above, plus P(alive) and a CLV-like potential
  const rng = mulberry32(13);
  const n = rfm.customers.length;
  const pAlive = Float64Array.from({ length: n }, () => rng());
  const potential = Float64Array.from({ length: n }, () => Math.round(1000 * rng() * rng()) / 10);
  const { daysSinceLast: days, purchases, totalSpend: spend, daysSinceFirst } = rfm;

  // cross-selling: 300,000 order lines of 100,000 customers in 12 categories, numeric ids and as texts
  const categories = [
    "Books",
    "Music",
    "Toys",
    "Garden",
    "Games",
    "Food",
    "家电",
    "服装",
    "Sport",
    "Beauty",
    "Pets",
    "Tools",
  ];
  const lineIds: MatchKey[] = Array.from(tx.ids);
  const lineCats: MatchKey[] = Array.from({ length: lineIds.length }, () => categories[Math.floor(rng() * 12)]!);
  const textIds: MatchKey[] = lineIds.map((id) => `C-${String(id)}`);

  // the adapters as Excel calls them: cells in (one column per argument), spill out
  const inv = { parameterAddresses: [] } as unknown as CustomFunctions.Invocation;
  const cells = (v: ArrayLike<unknown>): unknown[][] => Array.from(v, (x) => [x]);
  const [dCells, fCells, mCells] = [cells(days), cells(purchases), cells(spend)];
  const [pCells, aCells, vCells] = [cells(pAlive), cells(daysSinceFirst), cells(potential)];
  const [idCells, dateCells, amountCells] = [cells(tx.ids), cells(tx.dates), cells(tx.amounts)];
  const [lineIdCells, lineCatCells] = [cells(lineIds), cells(lineCats)];
  report(
    '=CRM.RFM(…, "marketing"), 300,000 transactions',
    await medianMsAsync(() => RFM(idCells, dateCells, amountCells, null, null, "marketing", null, inv), 5, 1),
    "(none of its own; CRM.RFM ≤ 1000 ms for 1,000,000)",
  );
  // text cells as Excel passes them: parsed from its JSON message (the engine may intern short texts then)
  const textIdCells = JSON.parse(JSON.stringify(cells(textIds))) as unknown[][];
  console.log("\nEach function: the core on typed columns, then the adapter (cells in, spill out), alternately:");
  await pair(
    "RFM.SCORE, 5 bins",
    () => rfmScores(days, purchases, spend),
    () => RFM_SCORE(dCells, fCells, mCells, null, inv),
  );
  await pair(
    "RFM.SCORE, 9 bins",
    () => rfmScores(days, purchases, spend, { bins: 9 }),
    () => RFM_SCORE(dCells, fCells, mCells, 9, inv),
  );
  await pair(
    "RFM.SEGMENT, mean split",
    () => rfmSegments(days, purchases, spend),
    () => RFM_SEGMENT(dCells, fCells, mCells, null, null, inv),
  );
  await pair(
    "RFM.SEGMENT, median split",
    () => rfmSegments(days, purchases, spend, { split: "median" }),
    () => RFM_SEGMENT(dCells, fCells, mCells, "median", null, inv),
  );
  await pair(
    "VALUETIER, median split",
    () => valueTiers(spend, potential),
    () => VALUETIER(mCells, vCells, null, null, inv),
  );
  await pair(
    "LIFECYCLE",
    () => lifecycleStages(pAlive, daysSinceFirst),
    () => LIFECYCLE(pCells, aCells, null, null, null, null, inv),
  );
  await pair(
    "CROSSSELL, 300,000 lines, numeric ids",
    () => crossSell(lineIds, lineCats),
    () => CROSSSELL(lineIdCells, lineCatCells, inv),
  );
  await pair(
    'CROSSSELL, 300,000 lines, text ids "C-123"',
    () => crossSell(textIds, lineCats),
    () => CROSSSELL(textIdCells, lineCatCells, inv),
  );
})();
