/**
 * The sharing writer against the fake Excel host (test/support/fakeExcel/), in Node: Check lists exactly the
 * CRM formulas, Freeze changes only them (spills as a whole), Restore brings each back, an edited cell is a kept
 * conflict, sync counts stay constant, and a failure or a cancel mid-way leaves the workbook as it was.
 */
import { describe, expect, it } from "vitest";
import { callsCrm } from "../../src/core/sharing/crmFormula";
import { RECORD_NAMESPACE, recordFromParts, recordFromXml, recordToXml } from "../../src/core/sharing/record";
import type { ExcelRun } from "../../src/taskpane/host";
import {
  checkSharing,
  freezeSharing,
  payloadBudget,
  restoreSharing,
  RollbackFailed,
  SharingCancelled,
  SharingProgress,
  WEB_PAYLOAD_BUDGET,
} from "../../src/taskpane/sharing/excelSharing";
import { CATALOGUE, render } from "../../src/core/messages/catalogue";
import { createFakeHost, type FakeHost } from "../support/fakeExcel";
import {
  cellsOf,
  changedCells,
  manyCrmFormulas,
  SHARING_FROZEN_CELLS,
  sharingWorkbook,
} from "../support/sharingWorkbook";

function hostWith(config = sharingWorkbook()) {
  const host = createFakeHost(config);
  const run = host.Excel.run as unknown as ExcelRun;
  return { host, run };
}

describe("Check", () => {
  it("lists exactly the CRM formulas per sheet, and the scorecard that reads them, in 3 syncs", async () => {
    const { host, run } = hostWith();
    const r = await checkSharing({ run });
    expect(r.summary.sheets.map((s) => [s.sheet, s.addresses])).toEqual([
      ["KPIs", ["B2", "D2", "B3", "D3", "B4", "B6"]],
      ["Segments", ["B2", "B3"]],
    ]);
    expect(r.summary.sheets.map((s) => s.spills)).toEqual([1, 0]);
    expect(r.summary.dependents.map((d) => [d.sheet, d.first])).toEqual([
      ["KPIs", ["B5"]],
      ["Segments", ["C2"]], // =CRM_TOTAL(B2): not a CRM call, but it reads one
      ["CRM Scorecard", ["B2", "B3"]],
    ]);
    expect(r.summary.skipped.map((s) => [s.sheet, s.address, s.reason])).toEqual([["Segments", "B3", "notCalculated"]]);
    expect(r.syncs).toBe(3);
    expect(host.syncCount).toBe(3);
    expect(host.calls.filter((c) => c.write && c.kind !== "sync")).toEqual([]);
  });
});

describe("Freeze", () => {
  it("replaces only the CRM formulas by their values, spills as a whole, and records them in 4 syncs", async () => {
    const { host, run } = hostWith();
    const before = cellsOf(host.snapshot());
    const r = await freezeSharing({ run });
    const after = cellsOf(host.snapshot());
    // Segments!B3 shows #BUSY! and is skipped; every other CRM cell and the spill cell E2 change.
    expect(changedCells(before, after)).toEqual(SHARING_FROZEN_CELLS);
    for (const k of changedCells(before, after)) {
      expect(after[k]!.formula).toBeUndefined();
      expect(after[k]!.value).toEqual(before[k]!.value);
    }
    expect(host.cell("KPIs!E2")).toMatchObject({ value: 48.3, formula: null, spilledFrom: null }); // the spill, frozen
    expect(host.cell("KPIs!B4")).toMatchObject({ value: "1-2", quotePrefix: true }); // text stays text
    expect(host.cell("Segments!B3").formula).toBe("=CRM.NPS(Survey!A2:A4)");
    expect(r.syncs).toBe(4);
    expect(host.syncCount).toBe(4);

    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    expect(parts).toHaveLength(1);
    const record = recordFromXml(parts[0]!.xml);
    expect(record.cells.map((e) => `${e.sheet}!${e.address}`)).toEqual([
      "KPIs!B2",
      "KPIs!D2",
      "KPIs!B3",
      "KPIs!D3",
      "KPIs!B4",
      "KPIs!B6",
      "Segments!B2",
    ]);
    expect(record.cells.find((e) => e.address === "D2")).toMatchObject({
      formula: "=CRM.NPS.CI(Survey!A2:A8)",
      rows: 1,
      columns: 2,
      values: [[-20.5, 48.3]],
    });
  });

  it("writes per rectangle, not per cell: 7 frozen formulas in 5 value writes", async () => {
    const { host, run } = hostWith();
    await freezeSharing({ run });
    const writes = host.calls.filter((c) => c.path === "range.values");
    // KPIs: B2:B4 (one column), D2:E2 (the spill), D3, B6; Segments: B2.
    expect(writes.map((w) => `${w.sheet}!${w.address}`)).toEqual([
      "KPIs!B2:B4",
      "KPIs!D2:E2",
      "KPIs!D3",
      "KPIs!B6",
      "Segments!B2",
    ]);
  });

  it("Freeze selection freezes only the CRM results the selection meets (a spill when one of its cells is selected)", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!E2", "KPIs!A3:B3"] });
    const r = await freezeSharing({ run, selectionOnly: true });
    expect(r.plan.entries.map((e) => e.address)).toEqual(["D2", "B3"]);
    expect(host.cell("KPIs!B2").formula).toBe("=CRM.NPS(Survey!A2:A8)");
    expect(host.cell("KPIs!D2").formula).toBeNull();
  });

  it("a second freeze adds to the record instead of replacing it", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!B2"] });
    await freezeSharing({ run, selectionOnly: true });
    const r = await freezeSharing({ run });
    expect(r.recorded).toBe(7);
    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(recordFromXml(parts[0]!.xml).cells).toHaveLength(7);
  });

  it("takes the same number of syncs for 3,000 CRM formulas as for a handful", async () => {
    const { host, run } = hostWith(manyCrmFormulas(3000));
    const r = await freezeSharing({ run });
    expect(r.plan.entries).toHaveLength(3000);
    expect(r.syncs).toBe(4);
    expect(host.syncCount).toBe(4);
    expect(host.calls.filter((c) => c.path === "range.values").length).toBeLessThanOrEqual(3);
  });
});

describe("Restore", () => {
  it("brings every frozen formula back, spills included, and empties the record, in 3 syncs", async () => {
    const { host, run } = hostWith();
    const before = cellsOf(host.snapshot());
    await freezeSharing({ run });
    host.clearLog();
    const r = await restoreSharing({ run });
    expect(r.plan.restored).toHaveLength(7);
    expect(r.plan.conflicts).toEqual([]);
    expect(r.syncs).toBe(3);
    expect(host.syncCount).toBe(3);
    const after = cellsOf(host.snapshot());
    expect(changedCells(before, after)).toEqual([]);
    expect(host.cell("KPIs!E2").spilledFrom).toBe("KPIs!D2");
    expect(host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE)).toEqual([]);
  });

  it("an edited cell is reported as a conflict and kept, with its formula still recorded", async () => {
    const { host, run } = hostWith();
    await freezeSharing({ run });
    host.setCell("KPIs!B3", 99);
    host.setCell("KPIs!E2", "typed");
    const r = await restoreSharing({ run });
    expect(r.plan.conflicts.map((c) => [c.entry.sheet, c.entry.address, c.cell, c.now, c.frozen])).toEqual([
      ["KPIs", "D2", "E2", "typed", 48.3],
      ["KPIs", "B3", "B3", 99, 120],
    ]);
    expect(host.cell("KPIs!B3")).toMatchObject({ value: 99, formula: null });
    expect(host.cell("KPIs!E2")).toMatchObject({ value: "typed", formula: null });
    expect(host.cell("KPIs!D2")).toMatchObject({ value: -20.5, formula: null });
    expect(host.cell("KPIs!B2").formula).toBe("=CRM.NPS(Survey!A2:A8)");
    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    expect(recordFromXml(parts[0]!.xml).cells.map((e) => e.address)).toEqual(["D2", "B3"]);
  });
});

describe("failures and cancel leave the workbook as it was", () => {
  it("a write failing mid-way through Freeze's commit is rolled back: cells and record as before", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    host.inject({ path: "range.values", nth: 3 });
    const error = await freezeSharing({ run }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "GeneralException" });
    expect(error).not.toBeInstanceOf(RollbackFailed);
    // The record and two rectangles had landed when the third write failed; the rest of the batch was dropped.
    expect(host.calls.filter((c) => c.path === "customXmlParts.add").map((c) => c.status)).toEqual(["applied"]);
    expect(host.calls.filter((c) => c.path === "range.values").map((c) => c.status)).toEqual([
      "applied",
      "applied",
      "failed",
      "dropped",
      "dropped",
    ]);
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.cell("KPIs!E2").spilledFrom).toBe("KPIs!D2");
    expect(host.snapshot().customXmlParts).toEqual(before.customXmlParts);
    // The commit, then the rollback's three: read back; find its own record part by its operation id (the add's
    // sync failed, so its id never came back); undo.
    expect(host.syncCount).toBe(4 + 3);
  });

  it("the rollback rewrites only the rectangles the failed batch reached", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    host.inject({ path: "range.values", nth: 1, code: "AccessDenied", message: "the sheet is protected" });
    await expect(freezeSharing({ run })).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.calls.filter((c) => c.path === "range.formulas")).toEqual([]); // nothing had changed
    expect(host.snapshot()).toEqual(before); // the record part the commit added is gone again
  });

  it("a failure after an earlier freeze restores the earlier record part too", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!B2"] });
    await freezeSharing({ run, selectionOnly: true });
    const before = host.snapshot();
    host.inject({ path: "customXmlPart.delete", nth: 1 });
    await expect(freezeSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    const after = host.snapshot();
    expect(cellsOf(after)).toEqual(cellsOf(before));
    expect(after.customXmlParts.map((p) => p.xml)).toEqual(before.customXmlParts.map((p) => p.xml));
  });

  it("a commit sync that fails as a whole changes nothing and is reported", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    host.inject({ sync: 4 });
    await expect(freezeSharing({ run })).rejects.toThrow(/sync 4/);
    expect(host.snapshot()).toEqual(before);
  });

  it("a failing formula write in Restore is rolled back: the cells stay frozen and recorded", async () => {
    const { host, run } = hostWith();
    await freezeSharing({ run });
    const frozen = host.snapshot();
    host.inject({ path: "range.formulas", nth: 2 });
    await expect(restoreSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    const after = host.snapshot();
    expect(cellsOf(after)).toEqual(cellsOf(frozen));
    expect(after.customXmlParts.map((p) => p.xml)).toEqual(frozen.customXmlParts.map((p) => p.xml));
  });

  it("when the rollback fails too, the error says so and every frozen cell is still recorded", async () => {
    const { host, run } = hostWith();
    host.inject({ path: "range.values", nth: 3 });
    host.inject({ path: "range.formulas", nth: 1 });
    const error = await freezeSharing({ run }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RollbackFailed);
    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    const recorded = new Set(recordFromXml(parts[0]!.xml).cells.map((e) => `${e.sheet}!${e.address}`));
    for (const k of SHARING_FROZEN_CELLS) {
      if (host.cell(k).formula === null) expect(recorded.has(k)).toBe(true);
    }
  });

  it("cancel before the commit stops with nothing written", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    const controller = new AbortController();
    const steps: string[] = [];
    const onProgress = (p: SharingProgress) => {
      steps.push(p.step);
      if (p.step === "spills") controller.abort();
    };
    await expect(freezeSharing({ run, signal: controller.signal, onProgress })).rejects.toBeInstanceOf(
      SharingCancelled,
    );
    expect(steps).toEqual(["sheets", "cells", "spills"]);
    expect(host.snapshot()).toEqual(before);
    expect(host.calls.filter((c) => c.write && c.kind !== "sync")).toEqual([]);
  });

  it("cancel while the commit runs rolls it back once it lands", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    const controller = new AbortController();
    const onProgress = (p: SharingProgress) => {
      if (p.step === "write") {
        host.holdSyncs();
        setTimeout(() => {
          controller.abort();
          host.releaseSyncs();
        }, 10);
      }
    };
    await expect(freezeSharing({ run, signal: controller.signal, onProgress })).rejects.toBeInstanceOf(
      SharingCancelled,
    );
    expect(host.calls.filter((c) => c.path === "range.values").every((c) => c.status === "applied")).toBe(true); // it landed
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.snapshot().customXmlParts).toEqual(before.customXmlParts);
  });
});

/**
 * Excel on the web: the fake refuses any sync whose estimated request or response exceeds maxPayloadBytes, as
 * Excel on the web does at 5 MB. Scaled down so that the test stays fast: 3,000 CRM formulas (each with a label
 * on its right, so each is probed for a spill) under a 50 kB limit and a 40 kB budget — the same ratios as
 * 100,000 formulas under 5 MB / 4 MB (bench/sharing.bench.ts runs that size).
 */
// 3,000 formulas: a few seconds on an idle machine; the timeout leaves room for a loaded one.
describe("Excel on the web: syncs split under the payload limit", { timeout: 30_000 }, () => {
  const LIMIT = 50_000;
  const BUDGET = 40_000;
  const webHost = (n = 3000) => hostWith({ ...manyCrmFormulas(n), maxPayloadBytes: LIMIT, maxRecordedArgCells: 0 });

  it("the whole-workbook read is refused at that size, so the limit is real", async () => {
    const { run } = webHost();
    await expect(checkSharing({ run })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("Check, Freeze and Restore succeed: every CRM cell frozen, recorded over several parts, and restored", async () => {
    const { host, run } = webHost();
    const before = cellsOf(host.snapshot());
    const c = await checkSharing({ run, payloadBudget: BUDGET });
    expect(c.summary.sheets.map((s) => [s.sheet, s.formulas])).toEqual([["Big", 3000]]);

    const f = await freezeSharing({ run, payloadBudget: BUDGET });
    expect(f.plan.entries).toHaveLength(3000);
    for (let i = 1; i <= 3000; i++) expect(host.cell(`Big!B${i}`)).toMatchObject({ formula: null, value: i * 0.5 });
    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p.xml).length).toBeLessThanOrEqual(BUDGET / 2);
    const record = recordFromParts(parts.map((p) => p.xml));
    expect(record.cells.map((e) => e.address)).toEqual(Array.from({ length: 3000 }, (_, i) => `B${i + 1}`));

    const r = await restoreSharing({ run, payloadBudget: BUDGET });
    expect(r.plan.restored).toHaveLength(3000);
    expect(r.plan.conflicts).toEqual([]);
    expect(cellsOf(host.snapshot())).toEqual(before);
    expect(host.snapshot().customXmlParts).toEqual([]);
  });

  it("the syncs grow with the payload, not with the cells one by one: counts as planned", async () => {
    const { host, run } = webHost();
    // Check: names (1), the refused whole read (1), used-range addresses (1), 7 row blocks (the first sized at
    // 64 bytes per cell, the rest at 1.25 × the measured size), then 3,000 spill probes at 66 per sync (46).
    expect((await checkSharing({ run, payloadBudget: BUDGET })).syncs).toBe(56);
    // Freeze: the same reads, then the commit: 8 record parts of ≤ 20 kB (4 syncs, 2 a sync), the values and the
    // old-part deletes packed behind them.
    host.clearLog();
    expect((await freezeSharing({ run, payloadBudget: BUDGET })).syncs).toBe(64);
    expect(host.syncCount).toBe(64);
    // Restore: no spill probes; the 8 record parts are read 2 a sync beside the row blocks; then the formulas.
    host.clearLog();
    expect((await restoreSharing({ run, payloadBudget: BUDGET })).syncs).toBe(16);
    expect(host.syncCount).toBe(16);
  });

  it("a small workbook on the web keeps the desktop counts (Check 3, Freeze 4, Restore 3)", async () => {
    const { run } = hostWith({ ...sharingWorkbook(), maxPayloadBytes: LIMIT });
    expect((await checkSharing({ run, payloadBudget: BUDGET })).syncs).toBe(3);
    expect((await freezeSharing({ run, payloadBudget: BUDGET })).syncs).toBe(4);
    expect((await restoreSharing({ run, payloadBudget: BUDGET })).syncs).toBe(3);
  });

  it("the budget follows Office.context.platform: 4 MB on the web, unlimited on desktop", () => {
    for (const [platform, budget] of [
      ["OfficeOnline", WEB_PAYLOAD_BUDGET],
      ["PC", Infinity],
      ["Mac", Infinity],
    ] as const) {
      const host = createFakeHost({ platform }).install();
      try {
        expect(payloadBudget({})).toBe(budget);
        expect(payloadBudget({ payloadBudget: 123 })).toBe(123);
      } finally {
        host.uninstall();
      }
    }
    expect(payloadBudget({})).toBe(Infinity); // no Office at all
  });

  it("a failure in a middle sync of Freeze's commit is rolled back: cells and record parts as before", async () => {
    const { host, run } = webHost();
    const before = host.snapshot();
    // The record parts go first, over several syncs; the values follow in a later sync, where the 2nd write fails.
    host.inject({ path: "range.values", nth: 2 });
    await expect(freezeSharing({ run, payloadBudget: BUDGET })).rejects.toMatchObject({ code: "GeneralException" });
    const adds = host.calls.filter((c) => c.path === "customXmlParts.add" && c.status === "applied");
    const failed = host.calls.find((c) => c.path === "range.values" && c.status === "failed")!;
    expect(new Set(adds.map((a) => a.batch)).size).toBeGreaterThan(1);
    expect(Math.max(...adds.map((a) => a.i))).toBeLessThan(failed.i); // every part was added before any value
    expect(Math.min(...adds.map((a) => a.batch!))).toBeLessThan(failed.batch!); // …in earlier syncs
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.snapshot().customXmlParts).toEqual(before.customXmlParts);
  });

  it("a whole middle commit sync refused for its size is rolled back too", async () => {
    const { host, run } = webHost();
    const before = host.snapshot();
    await checkSharing({ run, payloadBudget: BUDGET });
    const readSyncs = host.syncCount;
    host.clearLog();
    host.inject({ sync: readSyncs + 2, code: "RequestPayloadSizeLimitExceeded" }); // the commit's 2nd sync
    await expect(freezeSharing({ run, payloadBudget: BUDGET })).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.snapshot().customXmlParts).toEqual(before.customXmlParts);
  });

  it("when the rollback fails too, every frozen cell is still recorded (the parts were written first)", async () => {
    const { host, run } = webHost();
    host.inject({ path: "range.values", nth: 2 });
    host.inject({ path: "range.formulas", nth: 1 });
    await expect(freezeSharing({ run, payloadBudget: BUDGET })).rejects.toBeInstanceOf(RollbackFailed);
    const parts = host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);
    const recorded = new Set(recordFromParts(parts.map((p) => p.xml)).cells.map((e) => e.address));
    let frozen = 0;
    for (let i = 1; i <= 3000; i++) {
      if (host.cell(`Big!B${i}`).formula === null) {
        frozen++;
        expect(recorded.has(`B${i}`)).toBe(true);
      }
    }
    expect(frozen).toBeGreaterThan(0);
  });

  it("a failure in a middle sync of Restore's commit leaves the cells frozen and the record whole", async () => {
    const { host, run } = webHost();
    await freezeSharing({ run, payloadBudget: BUDGET });
    const frozen = host.snapshot();
    host.inject({ path: "range.formulas", nth: 2 });
    await expect(restoreSharing({ run, payloadBudget: BUDGET })).rejects.toMatchObject({ code: "GeneralException" });
    const after = host.snapshot();
    expect(cellsOf(after)).toEqual(cellsOf(frozen));
    expect(recordFromParts(after.customXmlParts.map((p) => p.xml))).toEqual(
      recordFromParts(frozen.customXmlParts.map((p) => p.xml)),
    );
  });

  it("cancel between two commit syncs stops there and rolls back", async () => {
    const { host, run } = hostWith({ ...manyCrmFormulas(3000), maxPayloadBytes: LIMIT, syncDelayMs: 1 });
    const before = host.snapshot();
    const controller = new AbortController();
    let commitSyncs = 0;
    const onProgress = (p: SharingProgress) => {
      if (p.step === "write") {
        const at = host.syncCount;
        const timer = setInterval(() => {
          if (host.syncCount >= at + 2) {
            commitSyncs = host.syncCount - at;
            controller.abort();
            clearInterval(timer);
          }
        }, 0);
      }
    };
    await expect(
      freezeSharing({ run, payloadBudget: BUDGET, signal: controller.signal, onProgress }),
    ).rejects.toBeInstanceOf(SharingCancelled);
    expect(commitSyncs).toBeGreaterThan(0);
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.snapshot().customXmlParts).toEqual(before.customXmlParts);
  });

  it("a record written in one part (version 1, as earlier versions and desktop write it) restores on the web", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), maxPayloadBytes: LIMIT });
    const before = cellsOf(host.snapshot());
    await freezeSharing({ run }); // desktop: one part
    expect(host.snapshot().customXmlParts).toHaveLength(1);
    expect(host.snapshot().customXmlParts[0]!.xml).toContain('version="1"');
    const r = await restoreSharing({ run, payloadBudget: BUDGET });
    expect(r.plan.restored).toHaveLength(7);
    expect(cellsOf(host.snapshot())).toEqual(before);
  });
});

/**
 * Co-authoring (issue 13, item 1): a colleague, or a second pane, works on the same workbook while Freeze or
 * Restore runs. Every sync of the fake host settles after `syncDelayMs`; a second Excel.run acts 300 ms into the
 * operation (between its read and its commit) or right after the commit has landed (before the rollback reads).
 * A failed or cancelled operation must undo only what it did itself: the record parts it added (not every part
 * that is new), the cells that still hold what it wrote (not every cell of its rectangles), and nothing else.
 */
describe("co-authoring: a failed or cancelled operation undoes only what it did itself", { timeout: 30_000 }, () => {
  const DELAY = 200;
  /** A freeze record of the colleague's own, for a sheet this operation never saw. */
  const COLLEAGUE_RECORD = recordToXml({
    version: 1,
    cells: [
      {
        sheet: "Forecast",
        address: "B2",
        formula: "=CRM.CLV(100,0.8,0.1)",
        rows: 1,
        columns: 1,
        values: [[266.67]],
      },
    ],
  });
  type Batch = (context: Excel.RequestContext) => Promise<void>;

  /** A second Excel.run that starts `ms` after now. */
  function colleagueAt(ms: number, run: ExcelRun, batch: Batch): Promise<void> {
    return new Promise((resolve, reject) => {
      setTimeout(() => void run(batch).then(resolve, reject), ms);
    });
  }

  /**
   * A second Excel.run that starts as soon as the host has been sent its sync number `n` (the commit): its own
   * sync then settles after that one and before the next sync of the operation (the rollback's read).
   */
  function colleagueAfterSync(host: FakeHost, n: number, run: ExcelRun, batch: Batch): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        if (host.syncCount < n) return;
        clearInterval(timer);
        run(batch).then(resolve, reject);
      }, 0);
    });
  }

  const recordParts = (host: FakeHost) =>
    host.snapshot().customXmlParts.filter((p) => p.namespaceUri === RECORD_NAMESPACE);

  it("Freeze fails: the record part a colleague added 300 ms in stays (only the part Freeze added goes)", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    const before = cellsOf(host.snapshot());
    host.inject({ path: "range.values", sheet: "KPIs", nth: 3 });
    const colleague = colleagueAt(300, run, async (context) => {
      context.workbook.customXmlParts.add(COLLEAGUE_RECORD);
      await context.sync();
    });
    const error = await freezeSharing({ run }).catch((e: unknown) => e);
    await colleague;
    expect(error).toMatchObject({ code: "GeneralException" });
    const adds = host.calls.filter((c) => c.path === "customXmlParts.add");
    expect(adds.map((c) => c.args[0] === COLLEAGUE_RECORD)).toEqual([true, false]); // the colleague's landed first
    expect(adds.map((c) => c.status)).toEqual(["applied", "applied"]);
    expect(recordParts(host).map((p) => p.xml)).toEqual([COLLEAGUE_RECORD]);
    expect(cellsOf(host.snapshot())).toEqual(before);
  });

  it("Freeze fails: a cell a colleague typed into 300 ms in, which the failed commit never reached, keeps the typing", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    // The colleague's write is the 1st on KPIs, the commit's B2:B4 and D2:E2 the next two; D3 fails, B6 is dropped.
    host.inject({ path: "range.values", sheet: "KPIs", nth: 4 });
    const colleague = colleagueAt(300, run, async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange("B6").values = [[7]];
      await context.sync();
    });
    await expect(freezeSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    expect(host.cell("KPIs!B6")).toMatchObject({ value: 7, formula: null });
    expect(host.cell("KPIs!B2").formula).toBe("=CRM.NPS(Survey!A2:A8)");
    expect(host.cell("KPIs!D3").formula).toBe("=_xldudf_CRM_CLV(0.4,0.1,0.8)");
    expect(recordParts(host)).toEqual([]);
  });

  it("Freeze fails: a frozen cell a colleague edited after the commit landed keeps the edit; the rest goes back", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    host.inject({ path: "range.values", sheet: "KPIs", nth: 3 });
    const colleague = colleagueAfterSync(host, 4, run, async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange("B2").values = [[99]];
      await context.sync();
    });
    await expect(freezeSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    const colleagueWrite = host.calls.find(
      (c) => c.path === "range.values" && c.sheet === "KPIs" && c.address === "B2",
    )!;
    const commitWrite = host.calls.find((c) => c.path === "range.values" && c.address === "B2:B4")!;
    expect(colleagueWrite.batch).toBeGreaterThan(commitWrite.batch!); // after the commit, before the rollback
    expect(host.cell("KPIs!B2")).toMatchObject({ value: 99, formula: null });
    expect(host.cell("KPIs!B3").formula).toBe("=CRM.CAC(Survey!B2:B8,Survey!C2:C8)");
    expect(host.cell("KPIs!B4").formula).toBe("=CRM.SEGMENT(B2)");
    expect(host.cell("KPIs!E2").spilledFrom).toBe("KPIs!D2");
    expect(recordParts(host)).toEqual([]);
  });

  it("Restore fails: a restored cell a colleague edited after the commit landed keeps the edit; the rest is frozen again", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    await freezeSharing({ run });
    const frozenRecord = recordParts(host).map((p) => p.xml);
    host.inject({ path: "range.formulas", nth: 2 });
    const colleague = colleagueAfterSync(host, host.syncCount + 3, run, async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange("B3").values = [[99]];
      await context.sync();
    });
    await expect(restoreSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    expect(host.cell("KPIs!B3")).toMatchObject({ value: 99, formula: null });
    expect(host.cell("KPIs!B2")).toMatchObject({ value: 14.285714285714286, formula: null });
    expect(host.cell("KPIs!B4")).toMatchObject({ value: "1-2", formula: null });
    expect(recordParts(host).map((p) => p.xml)).toEqual(frozenRecord);
    // The next Restore lists the colleague's cell as a conflict and keeps its formula recorded.
    const r = await restoreSharing({ run });
    expect(r.plan.conflicts.map((c) => [c.cell, c.now])).toEqual([["B3", 99]]);
  });

  it("Restore fails: the record part a colleague added 300 ms in stays", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    await freezeSharing({ run });
    const frozen = host.snapshot();
    host.inject({ path: "range.formulas", nth: 2 });
    const colleague = colleagueAt(300, run, async (context) => {
      context.workbook.customXmlParts.add(COLLEAGUE_RECORD);
      await context.sync();
    });
    await expect(restoreSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(frozen));
    expect(recordParts(host).map((p) => p.xml)).toEqual([...frozen.customXmlParts.map((p) => p.xml), COLLEAGUE_RECORD]);
  });

  it("Freeze cancelled: the rollback removes its own record part and keeps the colleague's", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    const before = cellsOf(host.snapshot());
    const controller = new AbortController();
    const colleague = colleagueAt(300, run, async (context) => {
      context.workbook.customXmlParts.add(COLLEAGUE_RECORD);
      await context.sync();
    });
    const onProgress = (p: SharingProgress) => {
      if (p.step === "write") controller.abort(); // the commit is on its way: it lands, then is rolled back
    };
    await expect(freezeSharing({ run, signal: controller.signal, onProgress })).rejects.toBeInstanceOf(
      SharingCancelled,
    );
    await colleague;
    expect(cellsOf(host.snapshot())).toEqual(before);
    expect(recordParts(host).map((p) => p.xml)).toEqual([COLLEAGUE_RECORD]);
  });

  it("Excel on the web: a record part a colleague's Restore removed is not brought back by a Freeze that failed before its deletes", async () => {
    // A small budget spreads the commit over syncs: the record part, then the values, then the old part's delete.
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!B2"], syncDelayMs: DELAY });
    await freezeSharing({ run, selectionOnly: true });
    expect(recordParts(host)).toHaveLength(1);
    host.inject({ path: "range.values", sheet: "KPIs", nth: 3 });
    const start = Date.now();
    // The colleague restores KPIs!B2 (its formula back, the record part gone) 300 ms into our Freeze.
    const colleague = colleagueAt(300, run, async (context) => {
      context.workbook.worksheets.getItem("KPIs").getRange("B2").formulas = [["=CRM.NPS(Survey!A2:A8)"]];
      const parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      for (const p of parts.items) p.delete();
      await context.sync();
    });
    await expect(freezeSharing({ run, payloadBudget: 2_000 })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    expect(Date.now() - start).toBeGreaterThan(300);
    // The colleague's delete landed before the commit failed; the commit never reached its own delete.
    const colleagueDelete = host.calls.find((c) => c.path === "customXmlPart.delete")!;
    const failed = host.calls.find((c) => c.status === "failed")!;
    expect(colleagueDelete.status).toBe("applied");
    expect(colleagueDelete.i).toBeLessThan(failed.i);
    expect(recordParts(host)).toEqual([]); // the colleague's Restore stands: no record of B2 comes back
    expect(host.cell("KPIs!B2").formula).toBe("=CRM.NPS(Survey!A2:A8)");
    expect(host.cell("KPIs!B3").formula).toBe("=CRM.CAC(Survey!B2:B8,Survey!C2:C8)");
  });

  it("no sheet, name or setting is ever added or removed by Freeze, Restore or their rollback (already safe)", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), syncDelayMs: DELAY });
    host.inject({ path: "range.values", sheet: "KPIs", nth: 3 });
    const colleague = colleagueAt(300, run, async (context) => {
      const ws = context.workbook.worksheets.add("Forecast");
      ws.getRange("B2").formulas = [["=CRM.CLV(100,0.8,0.1)"]];
      context.workbook.names.add("ForecastTotal", "=Forecast!$B$2");
      context.workbook.settings.add("colleague", "kept");
      await context.sync();
    });
    await expect(freezeSharing({ run })).rejects.toMatchObject({ code: "GeneralException" });
    await colleague;
    const after = host.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(["KPIs", "Segments", "Survey", "CRM Scorecard", "Forecast"]);
    expect(host.cell("Forecast!B2").formula).toBe("=CRM.CLV(100,0.8,0.1)");
    expect(after.names.map((n) => n.name)).toEqual(["ForecastTotal"]);
    expect(after.settings).toEqual({ colleague: "kept" });
    const touched = host.calls.filter(
      (c) => c.write && /^(worksheets?|names?|namedItem|settings?|setting)\./.test(c.path) && c.ctx !== undefined,
    );
    expect(touched.map((c) => c.path)).toEqual(["worksheets.add", "names.add", "settings.add"]); // the colleague's
  });
});

describe("Values only (issue 13, item 4): sharing outside the company keeps no record", () => {
  it("replaces every CRM formula by its value and leaves no record part, the earlier freeze's included", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!B2"] });
    const original = cellsOf(host.snapshot());
    await freezeSharing({ run, selectionOnly: true }); // an earlier freeze: KPIs!B2 recorded
    const r = await freezeSharing({ run, valuesOnly: true });
    expect(r).toMatchObject({ valuesOnly: true, recorded: 0, recordRemoved: 1 });
    expect(r.plan.entries).toHaveLength(6); // the 7 of Freeze all but KPIs!B2, frozen already
    expect(r.syncs).toBe(4);
    const after = host.snapshot();
    expect(after.customXmlParts).toEqual([]);
    expect(changedCells(original, cellsOf(after))).toEqual(SHARING_FROZEN_CELLS);
    for (const k of SHARING_FROZEN_CELLS) {
      expect(cellsOf(after)[k]!.formula).toBeUndefined();
      expect(cellsOf(after)[k]!.value).toEqual(original[k]!.value);
    }
    // No CRM formula is left in the file but the one still calculating (listed as skipped).
    const crm = Object.entries(cellsOf(after)).filter(([, c]) => callsCrm(c.formula));
    expect(crm.map(([k]) => k)).toEqual(["Segments!B3"]);
    expect(r.plan.skipped.map((k) => `${k.sheet}!${k.address}`)).toEqual(["Segments!B3"]);
    const restore = await restoreSharing({ run });
    expect(restore.plan.restored).toEqual([]);
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(after));
  });

  it("writes no record part at all (not even for a moment): values, then the old parts' delete", async () => {
    const { host, run } = hostWith();
    await freezeSharing({ run, valuesOnly: true });
    expect(host.calls.filter((c) => c.path === "customXmlParts.add")).toEqual([]);
  });

  it("with every CRM formula frozen already, it deletes the earlier record", async () => {
    const { host, run } = hostWith();
    await freezeSharing({ run });
    const r = await freezeSharing({ run, valuesOnly: true });
    expect(r).toMatchObject({ valuesOnly: true, recorded: 0, recordRemoved: 7 });
    expect(r.plan.entries).toEqual([]);
    expect(host.snapshot().customXmlParts).toEqual([]);
  });

  it("a failure at the last step (deleting the earlier record) is rolled back: formulas and record as before", async () => {
    const { host, run } = hostWith({ ...sharingWorkbook(), selection: ["KPIs!B2"] });
    await freezeSharing({ run, selectionOnly: true });
    const before = host.snapshot();
    host.inject({ path: "customXmlPart.delete", nth: 1 });
    await expect(freezeSharing({ run, valuesOnly: true })).rejects.toMatchObject({ code: "GeneralException" });
    expect(cellsOf(host.snapshot())).toEqual(cellsOf(before));
    expect(host.snapshot().customXmlParts.map((p) => p.xml)).toEqual(before.customXmlParts.map((p) => p.xml));
  });
});

describe("texts of the sharing section", () => {
  it('every text exists in English and Simplified Chinese; the Chinese ones quote with “…”, never with "', () => {
    for (const [key, entry] of Object.entries(CATALOGUE.sharingPane)) {
      expect(entry.en.trim().length, key).toBeGreaterThan(0);
      expect(entry.zh.trim().length, key).toBeGreaterThan(0);
      expect(entry.zh, key).not.toMatch(/["']/);
    }
  });

  it("Freeze all's confirmation says the formulas stay inside the file; Values only warns it cannot be restored", () => {
    const text = (id: "confirmFreezeBody" | "valuesOnlyWarning" | "conflictsHelp", lang: "en" | "zh") =>
      render(`sharingPane.${id}`, {}, lang);
    expect(text("confirmFreezeBody", "en")).toMatch(/original formulas stay inside this file.*could read them/);
    expect(text("confirmFreezeBody", "zh")).toMatch(/原始公式会保留在此文件内.*可能读到/);
    expect(text("valuesOnlyWarning", "en")).toMatch(/no record is kept.*cannot bring/);
    expect(text("valuesOnlyWarning", "zh")).toMatch(/不保留任何记录.*无法找回/);
    expect(text("conflictsHelp", "en")).toMatch(/changed after the freeze.*enter the formula shown/);
    expect(text("conflictsHelp", "zh")).toMatch(/冻结后被修改.*重新输入列出的公式/);
  });
});
