// Metric adapters as Excel calls them (cells in, number out, through excelCall): REPEATRATE over a
// 1,000,000-row order column, and 100,000 CLV calls. Prints medians. Run: npx tsx bench/metrics.bench.ts
import "../test/support/customFunctionsGlobal";
import { CLV, REPEATRATE } from "../src/functions/metrics";
import { medianMs, report, seededRandom } from "./support";

const ORDERS = 1_000_000;
const CUSTOMERS = 250_000;
const rnd = seededRandom(42);
// One column of customer ids, one order per row, as Excel passes a range: numbers, and the same as text.
const numericIds: unknown[][] = Array.from({ length: ORDERS }, () => [100000 + Math.floor(rnd() * CUSTOMERS)]);
const textIds: unknown[][] = numericIds.map(([n]) => [`C-${String(n)}`]);
// A web-style whole column: the same numeric ids followed by 48,576 blank cells (null).
const wholeColumn: unknown[][] = [...numericIds, ...Array.from({ length: 1_048_576 - ORDERS }, () => [null])];

// 100,000 CLV calls with varied arguments: unlimited or 1..60 periods, timing 0/1/2.
const CALLS = 100_000;
const clvArgs = Array.from({ length: CALLS }, (_, i) => [
  50 + (i % 200),
  0.5 + (i % 45) / 100,
  0.05 + (i % 10) / 100,
  i % 3 === 0 ? null : 1 + (i % 60),
  i % 3,
]);
function allClv(): number {
  let s = 0;
  for (const [m, r, d, T, k] of clvArgs) s += CLV(m, r, d, T, k);
  return s;
}

void (async () => {
  report(
    "REPEATRATE, 1,000,000 numeric ids (250,000 customers)",
    await medianMs(() => REPEATRATE(numericIds), 9, 2),
    "ms",
  );
  report('REPEATRATE, 1,000,000 text ids "C-123456"', await medianMs(() => REPEATRATE(textIds), 9, 2), "ms");
  report(
    "REPEATRATE, whole column 1,048,576 cells (numeric + blanks)",
    await medianMs(() => REPEATRATE(wholeColumn), 9, 2),
    "ms",
  );
  const ms = await medianMs(allClv, 9, 2);
  report("CLV, 100,000 adapter calls", ms, "ms");
  report("CLV, per call", (ms * 1e6) / CALLS, "ns");
})();
