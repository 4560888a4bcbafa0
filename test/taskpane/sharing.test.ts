/**
 * The sharing writer against the fake Excel host (test/support/fakeExcel.js), in Node: Check lists exactly the
 * CRM formulas, Freeze changes only them (spills as a whole), Restore brings each back, an edited cell is a kept
 * conflict, sync counts stay constant, and a failure or a cancel mid-way leaves the workbook as it was.
 */
import { describe, expect, it } from "vitest";
import { RECORD_NAMESPACE, recordFromXml } from "../../src/core/sharing/record";
import {
  checkSharing,
  ExcelRun,
  freezeSharing,
  restoreSharing,
  RollbackFailed,
  SharingCancelled,
  SharingProgress,
} from "../../src/taskpane/sharing/excelSharing";
import { createFakeHost } from "../support/fakeExcel.js";
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
    expect(host.syncCount).toBe(4 + 2); // the commit, then the rollback's two
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
