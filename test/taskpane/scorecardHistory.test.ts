/**
 * The scorecard history against the fake Excel host (test/support/fakeExcel.js): "Record this period" (≤ 3
 * syncs, only the history sheet written), recording a period again (asks first), an unreadable history
 * (reported, untouched), Build and Refresh reading the history for previous values (their sync counts
 * unchanged) and keeping it as it is. The fake does not calculate: an evaluator gives each formula of the
 * scorecard sheet the core's value, as Excel would show it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCells, type Plan } from "../../src/core/scorecard/plan";
import { HistoryError, recordScorecardPeriod } from "../../src/taskpane/scorecard/historyWriter";
import { readSelection } from "../../src/taskpane/scorecard/selection";
import {
  buildScorecard,
  listScorecards,
  refreshScorecard,
  type BuildOutcome,
  type ScorecardEntry,
} from "../../src/taskpane/scorecard/writer";
import type { FakeHost } from "../support/fakeExcel.js";
import { fakeHostPerTest } from "../support/fakeHostPerTest";
import { csvCells, sampleKpis } from "../support/scorecardKpis";

const HISTORY = "CRM Scorecard History";
const fakeHost = fakeHostPerTest();

function periodsTable(): (string | number | null)[][] {
  const file = path.join(__dirname, "..", "fixtures", "scorecard", "kpis-periods-en.csv");
  return csvCells(readFileSync(file, "utf8"));
}

/** A workbook with a KPI table at Sheet1!A1 (selected) and a Notes sheet. */
/** The source table's address in the workbook that {@link workbook} made last. */
let tableAddress = "";

function workbook(rows: unknown[][]): FakeHost {
  const width = Math.max(...rows.map((r) => r.length));
  const last = `${String.fromCharCode(64 + width)}${rows.length}`;
  tableAddress = `Sheet1!A1:${last}`;
  return fakeHost.install({
    sheets: { Sheet1: { [`A1:${last}`]: rows }, Notes: { A1: "keep me" } },
    selection: `Sheet1!A1:${last}`,
  });
}

/** Gives every formula of the plan's sheet the core's value, as Excel would calculate it (the fake does not). */
function calculate(h: FakeHost, plan: Plan): void {
  const q = `'${plan.sheetName}'`;
  for (const { address, cell } of planCells(plan))
    if (cell.kind === "formula") h.setCell(`${q}!${address}`, { formula: cell.formula, value: cell.expected });
}

async function build(h: FakeHost, options = {}): Promise<Extract<BuildOutcome, { kind: "built" }>> {
  const sel = await readSelection();
  const r = await buildScorecard({ source: sel.ref, options: { asOf: "2026-11-15", ...options } });
  if (r.kind !== "built") throw new Error("build failed");
  calculate(h, r.plan);
  return r;
}

async function entry(): Promise<ScorecardEntry> {
  const [e] = (await listScorecards()).entries;
  return e!;
}

function sheetsBut(h: FakeHost, except: string): unknown {
  return h.snapshot().sheets.filter((s) => s.name !== except);
}

function historySheet(h: FakeHost): unknown {
  return h.snapshot().sheets.find((s) => s.name === HISTORY);
}

describe("Record this period", () => {
  it("a new history: 3 syncs (read, add the sheet, write), only the history sheet written", async () => {
    const h = workbook(periodsTable());
    await build(h);
    const before = h.snapshot().sheets;
    h.clearLog();
    const r = await recordScorecardPeriod(await entry());
    expect(r).toMatchObject({
      kind: "recorded",
      period: "2026 Q4",
      replaced: false,
      created: true,
      sheetName: HISTORY,
    });
    expect(r.syncs).toBe(3);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard", HISTORY]);
    expect(h.snapshot().sheets.filter((s) => s.name !== HISTORY)).toEqual(before);
    expect(h.calls.filter((c) => c.write && c.sheet !== HISTORY && c.path !== "worksheets.add")).toEqual([]);
    // 19 KPIs, 4 perspectives and the overall score, below the header.
    expect(h.values(`'${HISTORY}'!A1:D2`)).toEqual([
      ["Period", "Level", "Perspective", "Metric"],
      ["2026 Q4", "KPI", "Financial", "Revenue growth"],
    ]);
    expect(h.values(`'${HISTORY}'!A25:B25`)).toEqual([["2026 Q4", "Overall"]]);
    expect(h.cell(`'${HISTORY}'!H25`).value).toBeCloseTo(91.0133333333, 9);
    expect(h.values(`'${HISTORY}'!L1:M2`)).toEqual([
      ["Period", "Overall score"],
      ["2026 Q4", h.cell(`'${HISTORY}'!H25`).value],
    ]);
    const chart = h.calls.find((c) => c.path === "worksheet.charts.add");
    expect(chart?.args[0]).toBe("LineMarkers");
    expect(chart?.sheet).toBe(HISTORY);
  });

  it("the next period: 3 syncs (list and scorecard, history by id, write), appended below; the earlier rows and other sheets unchanged", async () => {
    const h = workbook(periodsTable());
    await build(h);
    await recordScorecardPeriod(await entry());
    const first = h.values(`'${HISTORY}'!A1:J25`);
    // The same scorecard rebuilt for the next quarter (a new as-of date) and recorded.
    h.select(tableAddress); // the build opened its sheet; the user selects the table again
    const sel = await readSelection();
    const next = await buildScorecard({ source: sel.ref, options: { asOf: "2027-02-15" } });
    if (next.kind !== "built") throw new Error("build failed");
    calculate(h, next.plan);
    const e = (await listScorecards()).entries.find((x) => x.sheet === next.sheetName)!;
    const others = sheetsBut(h, HISTORY);
    h.clearLog();
    const r = await recordScorecardPeriod(e);
    expect(r).toMatchObject({ kind: "recorded", period: "2027 Q1", created: false, syncs: 3 });
    expect(h.values(`'${HISTORY}'!A1:J25`)).toEqual(first);
    expect(h.cell(`'${HISTORY}'!A26`).value).toBe("2027 Q1");
    expect(sheetsBut(h, HISTORY)).toEqual(others);
    expect(h.values(`'${HISTORY}'!L3`)).toEqual([["2027 Q1"]]);
    // The old chart is replaced by one of the new summary.
    expect(h.calls.filter((c) => c.path.endsWith("charts.getItem")).length).toBe(1);
  });

  it("the same period again is reported, nothing written; with replace its rows are replaced (appended, then the old deleted)", async () => {
    const h = workbook(periodsTable());
    await build(h);
    const e = await entry();
    await recordScorecardPeriod(e);
    const before = h.snapshot();
    const recorded = h.values(`'${HISTORY}'!A1:Q60`);
    h.clearLog();
    const asked = await recordScorecardPeriod(e);
    // 2 syncs: the list and the scorecard, then the history by id
    expect(asked).toEqual({ kind: "exists", period: "2026 Q4", sheetName: HISTORY, syncs: 2 });
    expect(h.snapshot()).toEqual(before);
    expect(h.calls.filter((c) => c.write)).toEqual([]);
    h.clearLog();
    const r = await recordScorecardPeriod(e, { replace: true });
    expect(r).toMatchObject({ kind: "recorded", replaced: true, syncs: 3 });
    const writes = h.calls.filter((c) => c.write && c.sheet === HISTORY).map((c) => `${c.path} ${c.address ?? ""}`);
    const append = writes.indexOf(`range.values A26:J49`);
    const remove = writes.indexOf(`range.delete A2:J25`);
    expect(append).toBeGreaterThanOrEqual(0);
    expect(remove).toBeGreaterThan(append);
    expect(sheetsBut(h, HISTORY)).toEqual(before.sheets.filter((s) => s.name !== HISTORY));
    // The same scorecard's values replace the period's rows: the history reads exactly as before (once, rows 2–25).
    expect(h.values(`'${HISTORY}'!A1:Q60`)).toEqual(recorded);
  });

  it("a history edited into an unreadable state is reported with its cells and not written", async () => {
    const h = workbook(periodsTable());
    await build(h);
    const e = await entry();
    await recordScorecardPeriod(e);
    h.setCell(`'${HISTORY}'!B3`, "Goal");
    h.setCell(`'${HISTORY}'!H4`, "high");
    const before = h.snapshot();
    h.clearLog();
    const r = await recordScorecardPeriod(e, { replace: true });
    expect(r.kind).toBe("unreadableHistory");
    if (r.kind !== "unreadableHistory") return;
    expect(r.problems.map((p) => p.address)).toEqual([`'${HISTORY}'!B3`, `'${HISTORY}'!H4`]);
    expect(r.syncs).toBe(2);
    expect(h.snapshot()).toEqual(before);
  });

  it("a failed write of a new history sheet removes that sheet (by its id) and nothing else", async () => {
    const h = workbook(periodsTable());
    await build(h);
    const before = h.snapshot();
    h.inject({ path: "range.values", sheet: HISTORY, nth: 2 });
    const e = (await recordScorecardPeriod(await entry()).catch((x: unknown) => x)) as HistoryError;
    expect(e).toBeInstanceOf(HistoryError);
    expect([e.stage, e.removed]).toEqual(["write", true]);
    expect(h.snapshot()).toEqual(before);
  });

  it("a scorecard sheet that is gone: nothing written", async () => {
    const h = workbook(periodsTable());
    await build(h);
    const e = { ...(await entry()), sheet: "Deleted meanwhile" };
    const before = h.snapshot();
    await expect(recordScorecardPeriod(e)).rejects.toMatchObject({ stage: "missing" });
    expect(h.snapshot()).toEqual(before);
  });
});

describe("Build and Refresh with a history", () => {
  it("Build takes the previous values from the history (3 syncs, as without one), and leaves it as it is", async () => {
    // Quarter 3 recorded from a scorecard of the table's Previous values…
    const rows = periodsTable();
    const previous = rows.map((r, i) => (i === 0 ? r.slice(0, 7) : [r[0]!, r[1]!, r[7] ?? 0, ...r.slice(3, 7)]));
    const h = workbook(previous);
    await build(h, { asOf: "2026-08-15" });
    await recordScorecardPeriod(await entry());
    // …then quarter 4 built from the sample table (no Previous column) on another sheet.
    h.setValues(`Notes!A3:G22`, sampleKpis("en"));
    h.select(["Notes!A3:G22"]);
    const history = historySheet(h);
    const others = sheetsBut(h, "CRM Scorecard (2)");
    h.clearLog();
    const sel = await readSelection();
    h.clearLog();
    const r = await buildScorecard({ source: sel.ref, options: { asOf: "2026-11-15" } });
    if (r.kind !== "built") throw new Error("build failed");
    expect(r.syncs).toBe(3);
    expect(r.historyProblems).toEqual([]);
    expect(r.plan.comparison?.hasPrevious).toBe(true);
    expect(h.cell("'CRM Scorecard (2)'!D3").value).toBe("2026 Q3");
    expect(h.cell("'CRM Scorecard (2)'!L7").value).toBe(0.08); // Revenue growth's Previous in the fixture
    expect(historySheet(h)).toEqual(history);
    expect(sheetsBut(h, "CRM Scorecard (2)")).toEqual(others);
  });

  it("Refresh keeps the history as it is (3 syncs, as without one) and still compares with it", async () => {
    const h = workbook(sampleKpis("en"));
    await build(h, { asOf: "2026-08-15" });
    await recordScorecardPeriod(await entry());
    const history = historySheet(h);
    h.clearLog();
    const r = await refreshScorecard(await entry(), { asOf: "2026-11-15" });
    if (r.kind !== "refreshed") throw new Error("refresh failed");
    expect(r.syncs).toBe(3);
    expect(historySheet(h)).toEqual(history);
    expect(h.calls.filter((c) => c.write && c.sheet === HISTORY)).toEqual([]);
    // 2026 Q4 compares with the recorded 2026 Q3 (the same actuals: every trend unchanged).
    expect(r.plan.comparison?.kpis.every((k) => k.trend === 0)).toBe(true);
  });

  it("an unreadable history does not stop a build: it is reported and not used", async () => {
    const h = workbook(sampleKpis("en"));
    await build(h, { asOf: "2026-08-15" });
    await recordScorecardPeriod(await entry());
    h.setCell(`'${HISTORY}'!A1`, "When");
    const history = historySheet(h);
    h.select(tableAddress); // the build opened its sheet; the user selects the table again
    const sel = await readSelection();
    const r = await buildScorecard({ source: sel.ref, options: { asOf: "2026-11-15" } });
    if (r.kind !== "built") throw new Error("build failed");
    expect(r.historyProblems.map((p) => p.code)).toEqual(["header"]);
    expect(r.plan.comparison).toBeUndefined();
    expect(historySheet(h)).toEqual(history);
  });
});
