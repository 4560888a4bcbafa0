/**
 * The customer-analysis section without a browser: its state (columns detected and re-mapped, the as-of date's
 * default and checks, what blocks Build), its actions through a store, and its writer on the fake host — 3 syncs,
 * the sheet tracked by id (a KPI table made after the analysis sheet was renamed links to the new name), a failed
 * write removed again, nothing else written. Counts come from the fixture log, worked by hand.
 */
import { describe, expect, it } from "vitest";
import { render } from "../../src/core/messages/catalogue";
import { paneHost } from "../../src/taskpane/host";
import { readSelection } from "../../src/taskpane/scorecard/selection";
import { ScorecardError } from "../../src/taskpane/scorecard/writer";
import { analysisActions } from "../../src/taskpane/analysis/actions";
import { createStore } from "../../src/taskpane/store";
import {
  asOfOf,
  buildBlocker,
  columnChanged,
  defaultAsOf,
  initialState,
  notesOf,
  optionsChanged,
  selectionRead,
} from "../../src/taskpane/analysis/state";
import { buildAnalysis, createKpiTable } from "../../src/taskpane/analysis/writer";
import type { FakeHost, FakeHostConfig } from "../support/fakeExcel";
import { fakeHostPerTest } from "../support/fakeHostPerTest";

const fakeHost = fakeHostPerTest();

// 2024-01-01 is serial 45292. a buys on 3 days, b on 2 (one a refund), c and d once; a blank row; categories.
const LOG: unknown[][] = [
  ["客户", "日期", "金额", "品类"],
  ["a", 45296, 10, "Books"],
  ["a", 45332, 20, "Music"],
  ["b", 45311, 15, "Books"],
  [null, null, null, null],
  ["c", 45352, 30, "Music"],
  ["a", 45366, 25, "Books"],
  ["b", 45371, -5, "Books"],
  ["d", 45376, 40, "Music"],
];

function workbook(extra: FakeHostConfig = {}): FakeHost {
  return fakeHost.install({
    sheets: { Log: { "B2:E10": LOG }, Notes: { A1: "keep me" } },
    selection: "Log!B2:E10",
    ...extra,
  });
}

describe("the section's state", () => {
  it("detects Chinese headers, defaults the as-of date to the last date, notes refunds and blank rows", async () => {
    workbook();
    const s = selectionRead(initialState(true), await readSelection());
    expect(s.reading?.columns).toEqual({ customer: 0, date: 1, amount: 2, category: 3 });
    expect(s.reading?.problems).toEqual([]);
    expect(defaultAsOf(s)).toBe("2024-03-25");
    expect(asOfOf(s)).toEqual({ value: 45376, invalid: false });
    expect(notesOf(s).map((m) => render(m.id as "analysisPane.refunds", m.params as { count: number }, "en"))).toEqual([
      "1 negative amounts count as refunds: netted into their day's total (purchases count days)",
      "1 blank rows are skipped",
    ]);
    expect(buildBlocker(s)).toBeNull();
  });

  it("an as-of date before the last transactions notes them; a typed non-date blocks Build", async () => {
    workbook();
    const s = selectionRead(initialState(true), await readSelection());
    const early = optionsChanged(s, { asOf: "2024-03-01" });
    expect(asOfOf(early).value).toBe(45352);
    expect(notesOf(early)[0]).toEqual({ id: "analysisPane.afterAsOf", params: { count: 3 } });
    expect(buildBlocker(optionsChanged(s, { asOf: "2024-02-30" }))).toBe("asOf");
    expect(buildBlocker(optionsChanged(s, { asOf: "soon" }))).toBe("asOf");
  });

  it("un-mapping the amount column is a problem naming the column; mapping it back clears it", async () => {
    workbook();
    const s = selectionRead(initialState(true), await readSelection());
    const without = columnChanged(s, "amount", "");
    expect(without.reading?.problems.map((p) => p.id)).toEqual(["analysis.logMissingColumn"]);
    expect(buildBlocker(without)).toBe("problems");
    expect(buildBlocker(columnChanged(without, "amount", "2"))).toBeNull();
  });
});

describe("the writer on the fake host", () => {
  it("builds in 3 syncs on a new sheet, writes nothing else, and the KPI table follows a renamed analysis sheet", async () => {
    const h = workbook();
    const sel = await readSelection();
    h.clearLog();
    const r = await buildAnalysis({ source: sel.ref, mapping: {}, asOf: null, periodDays: 7, language: null });
    if (r.kind !== "built") throw new Error("expected a build");
    expect(r.syncs).toBe(3);
    expect(r.customers).toBe(4);
    expect(r.transactions).toBe(7);
    expect(r.sheetName).toBe("客户分析");
    const writes = h.calls.filter((c) => c.write && c.sheet !== "客户分析");
    expect(writes).toEqual([]);
    expect(h.cell("Notes!A1").value).toBe("keep me");
    expect(h.cell("'客户分析'!B2").value).toBe(45376);

    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("客户分析").name = "Renamed";
      await ctx.sync();
    });
    h.clearLog();
    const k = await createKpiTable({ analysisSheetId: r.sheetId, kpiCells: r.plan.kpiCells, language: "zh" });
    expect(k.syncs).toBe(3);
    expect(k.analysisSheet).toBe("Renamed");
    expect(k.plan.kpis).toEqual(["customers", "repeatRate", "crossSellRate"]);
    expect(h.values("'KPI 表'!A1:F2")).toEqual([
      ["指标", "维度", "实际值", "目标值", "权重", "方向"],
      ["客户数", "客户", "", "", 1, "越高越好"],
    ]);
    expect(h.cell("'KPI 表'!C4").formula).toBe("='Renamed'!$B$12");
  });

  it("a failed write removes the sheet it added (by id) and reports it; the workbook is as before", async () => {
    const h = workbook({ faults: [{ path: "range.formulas", sheet: "客户分析", message: "Injected" }] });
    const sel = await readSelection();
    const before = h.snapshot();
    const e = await buildAnalysis({ source: sel.ref, mapping: {}, asOf: null, periodDays: 7, language: null }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ScorecardError);
    expect((e as ScorecardError).stage).toBe("write");
    expect((e as ScorecardError).removed).toBe(true);
    expect(h.snapshot()).toEqual(before);
  });
});

describe("the actions through a store", () => {
  it("Use selection, Build, KPI table: the state follows, the outcome counts syncs and time", async () => {
    workbook();
    const store = createStore(initialState(true), () => undefined);
    const actions = analysisActions(store, paneHost({ run: (b) => Excel.run(b) }));
    await actions.useSelection();
    expect(store.get().reading?.log?.customerIds).toHaveLength(7);
    await actions.build();
    const o = store.get().outcome;
    expect(o?.kind).toBe("built");
    if (o?.kind !== "built") return;
    expect(o.syncs).toBe(3);
    expect(o.ms).toBeGreaterThan(0);
    expect(o.notes.map((n) => n.id)).toEqual(["analysisPane.noModel"]); // four customers: no model fits
    await actions.createKpiTable();
    expect(store.get().kpi).toMatchObject({ kind: "built", sheet: "KPI 表", count: 3 });
  });
});
