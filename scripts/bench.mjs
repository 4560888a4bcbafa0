// `npm run bench`: runs every bench/*.bench.ts in turn and prints their figures (medians, counts).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const r = spawnSync("npx", ["tsx", `bench/${f}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
