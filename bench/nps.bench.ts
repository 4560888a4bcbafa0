// NPS through the adapter over a whole column's worth of cells (1,048,576), as Excel on the web passes it
// (numbers with some blanks as null). Goal: ≤ 15 ms median.
import "../test/support/customFunctionsGlobal";
import { NPS } from "../src/functions/survey";
import { medianMs, report, seededRandom } from "./support";

const rnd = seededRandom(42);
const cells: unknown[][] = [];
for (let i = 0; i < 1_048_576; i++) cells.push([rnd() < 0.05 ? null : Math.floor(rnd() * 11)]);
const withoutZeros = cells.map((r) => [r[0] === 0 ? 10 : r[0]]);
const invocation = { parameterAddresses: ["Survey!C:C"] } as unknown as CustomFunctions.Invocation;

void (async () => {
  report(
    "NPS, 1,048,576 cells (web: blanks null, zeros present)",
    await medianMs(() => NPS(cells, invocation)),
    "ms",
    "≤ 15 ms",
  );
  report("NPS, 1,048,576 cells (no zeros)", await medianMs(() => NPS(withoutZeros, invocation)), "ms", "≤ 15 ms");
})();
