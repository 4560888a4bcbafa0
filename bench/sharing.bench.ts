/**
 * "Prepare for sharing" at scale: 100,000 CRM formula cells.
 * 1. The pure plan (core): finding CRM formulas, planning the freeze (rectangles), writing and reading the
 *    record, planning the restore, the Check summary — medians of 5 runs on an in-memory scan.
 * 2. The whole Freeze and Restore through Office.js against the fake host (test/support/fakeExcel/): the
 *    number of context.sync() calls (the figure that matters: it must not grow with the workbook), the number
 *    of range writes; on desktop (one request each way) and on Excel on the web (the fake refusing any request or
 *    response over 5 MB, the add-in splitting its syncs under WEB_PAYLOAD_BUDGET): syncs and time.
 * Run: npx tsx bench/sharing.bench.ts
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core/sharing/check";
import { planFreeze } from "../src/core/sharing/freeze";
import { recordFromXml, recordToXml } from "../src/core/sharing/record";
import { planRestore } from "../src/core/sharing/restore";
import { crmCells, SheetScan, Spill } from "../src/core/sharing/scan";
import type { ExcelRun } from "../src/taskpane/host";
import { freezeSharing, restoreSharing, WEB_PAYLOAD_BUDGET } from "../src/taskpane/sharing/excelSharing";
import { createFakeHost } from "../test/support/fakeExcel";

const CELLS = 100_000;
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(label: string, f: () => T): T {
  const ms: number[] = [];
  let out: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(46)} median ${median(ms).toFixed(1).padStart(8)} ms`);
  return out!;
}

/**
 * One sheet of 49,750 rows: A an id, B =CRM.NPS(...), C =CRM.CLV(...), D a native formula reading B, E a label, and
 * on 500 rows (every 99th) a spilling =CRM.NPS.CI(...) in G (spilling into H). 99,500 + 500 = 100,000 CRM formulas,
 * 100,500 cells to freeze.
 */
function bigScan(): { scan: SheetScan; spills: Spill[] } {
  const rows = (CELLS - CELLS / 200) / 2;
  const formulas: unknown[][] = [];
  const values: unknown[][] = [];
  const spills: Spill[] = [];
  for (let r = 0; r < rows; r++) {
    const spillAnchor = r % 99 === 0 && r / 99 < CELLS / 200;
    formulas.push([
      r + 1,
      `=CRM.NPS(Survey!C2:C${r + 2})`,
      `=CRM.CLV(B${r + 1},0.1,0.8)`,
      `=B${r + 1}*2`,
      `row ${r + 1}`,
      "",
      spillAnchor ? `=CRM.NPS.CI(Survey!C2:C${r + 2})` : "",
      spillAnchor ? 12.5 + r : "",
    ]);
    values.push([
      r + 1,
      (r % 200) - 100 + 0.25,
      1000 + r / 7,
      2 * ((r % 200) - 100 + 0.25),
      `row ${r + 1}`,
      "",
      spillAnchor ? -3.5 : "",
      spillAnchor ? 12.5 + r : "",
    ]);
    if (spillAnchor) spills.push({ sheet: "Data", row: r, column: 6, rows: 1, columns: 2 });
  }
  return { scan: { name: "Data", top: 0, left: 0, formulas, values }, spills };
}

const { scan, spills } = bigScan();
console.log(
  `workbook: ${scan.formulas.length.toLocaleString("en-US")} rows × 8 columns, ${crmCells(scan).length.toLocaleString("en-US")} CRM formulas (${spills.length} of them spill 1×2)`,
);

time("find CRM formulas (crmCells)", () => crmCells(scan));
const plan = time("plan freeze (planFreeze)", () => planFreeze([scan], { spills }));
console.log(
  `  → ${plan.entries.length.toLocaleString("en-US")} formulas, ${plan.cells.toLocaleString("en-US")} cells in ${plan.areas.length} rectangles`,
);
const xml = time("record → XML (recordToXml)", () => recordToXml({ version: 1, cells: plan.entries }));
console.log(`  → record size ${(Buffer.byteLength(xml, "utf8") / 1e6).toFixed(2)} MB`);
const record = time("XML → record (recordFromXml)", () => recordFromXml(xml));
const frozenScan: SheetScan = {
  ...scan,
  formulas: scan.formulas.map((row, r) =>
    row.map((f, c) =>
      (typeof f === "string" && /CRM\./.test(f)) || (c === 7 && r % 100 === 0) ? scan.values[r]![c] : f,
    ),
  ),
};
const restore = time("plan restore (planRestore)", () => planRestore(record, [frozenScan]));
console.log(`  → ${restore.restored.length.toLocaleString("en-US")} restorable, ${restore.conflicts.length} conflicts`);
time("Check summary incl. dependents (checkWorkbook)", () => checkWorkbook([scan], spills));
const valuesPayload = plan.areas.reduce((n, a) => n + JSON.stringify(a.frozen).length, 0);
console.log(
  `  freeze write payload: values ${(valuesPayload / 1e6).toFixed(2)} MB + record ${(Buffer.byteLength(xml) / 1e6).toFixed(2)} MB`,
);

// ---- Through Office.js against the fake host: sync counts do not depend on the number of formulas.
// Column C's formulas have a label on their right, so Freeze probes each for a spill range: the worst case.
async function throughHost(n: number, web = false): Promise<void> {
  const cells: Record<string, unknown> = {};
  for (let i = 1; i <= n / 2; i++) {
    cells[`A${i}`] = i;
    cells[`B${i}`] = { formula: `=CRM.NPS(A1:A${i})`, value: i * 0.5 };
    cells[`C${i}`] = { formula: `=CRM.CLV(B${i},0.1,0.8)`, value: i / 7 };
    cells[`D${i}`] = `label ${i}`; // a plain value right of C: every C formula may spill, so Freeze asks (1 sync)
  }
  // The web: Excel on the web's 5 MB limit on each request and response, and the add-in's budget for it.
  const host = createFakeHost({
    sheets: { Data: cells as never },
    maxRecordedArgCells: 0,
    ...(web ? { platform: "OfficeOnline" as const, maxPayloadBytes: 5_000_000 } : { platform: "PC" as const }),
  });
  const run = host.Excel.run as unknown as ExcelRun;
  const payloadBudget = web ? WEB_PAYLOAD_BUDGET : Infinity;
  let t = performance.now();
  const f = await freezeSharing({ run, payloadBudget });
  const freezeMs = performance.now() - t;
  const freezeWrites = host.calls.filter((c) => c.path === "range.values").length;
  const freezeSyncs = host.syncCount;
  host.clearLog();
  t = performance.now();
  const r = await restoreSharing({ run, payloadBudget });
  const restoreMs = performance.now() - t;
  const restoreWrites = host.calls.filter((c) => c.path === "range.formulas").length;
  console.log(
    `${web ? "web    " : "desktop"} ${n.toLocaleString("en-US").padStart(7)} formulas: Freeze ${freezeSyncs} syncs, ${freezeWrites} range writes (${f.plan.entries.length} recorded, ${freezeMs.toFixed(0)} ms with the fake); ` +
      `Restore ${host.syncCount} syncs, ${restoreWrites} range writes (${r.plan.restored.length} restored, ${restoreMs.toFixed(0)} ms)`,
  );
}

void (async () => {
  console.log("through Office.js (fake host; times are the fake's, not Excel's):");
  for (const n of [100, 10_000, CELLS]) await throughHost(n);
  console.log("Excel on the web (fake host refusing requests/responses over 5 MB; budget 4 MB per sync):");
  for (const n of [100, 10_000, CELLS]) await throughHost(n, true);
})();
