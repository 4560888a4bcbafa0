/**
 * The Office.js scorecard writer against the fake Excel host (test/support/fakeExcel/): what lands where,
 * how many syncs, what happens when a write fails, listing and refreshing. The plan itself (its formulas and
 * numbers) is the core's and tested in test/core/scorecard; here the writer must apply it faithfully.
 */
import { describe, expect, it } from "vitest";
import { planCells, type Plan, type StoredSettings } from "../../src/core/scorecard/plan";
import { readScorecardTable } from "../../src/core/scorecard/table";
import { readSelection, sourceFromAreas, splitAddress } from "../../src/taskpane/scorecard/selection";
import {
  buildScorecard,
  indexKey,
  listScorecards,
  refreshScorecard,
  ScorecardError,
  withExistingNames,
  writePlan,
  type BuildOutcome,
} from "../../src/taskpane/scorecard/writer";
import type { FakeHost, FakeHostConfig } from "../support/fakeExcel";
import { fakeHostPerTest } from "../support/fakeHostPerTest";
import { generatedKpis, sampleKpis } from "../support/scorecardKpis";

const AS_OF = "2025-03-31";
const fakeHost = fakeHostPerTest();

/** A fake workbook with a KPI table at Sheet1!A1, selected, plus any further config. */
function workbook(rows: unknown[][], extra: FakeHostConfig = {}): FakeHost {
  const last = `G${rows.length}`;
  return fakeHost.install({
    sheets: { Sheet1: { [`A1:${last}`]: rows }, Notes: { A1: "keep me" } },
    selection: `Sheet1!A1:${last}`,
    ...extra,
  });
}

async function buildFromSelection(h: FakeHost, options = {}): Promise<BuildOutcome> {
  const sel = await readSelection();
  h.clearLog();
  return buildScorecard({ source: sel.ref, options: { asOf: AS_OF, ...options } });
}

function built(o: BuildOutcome): Extract<BuildOutcome, { kind: "built" }> {
  if (o.kind !== "built")
    throw new Error(`expected a build, got problems: ${o.reading.problems.map((p) => p.message).join("; ")}`);
  return o;
}

/** Sheets other than `except`, as plain data, to prove they were not touched. */
function otherSheets(h: FakeHost, except: string[] = []): unknown {
  return h.snapshot().sheets.filter((s) => !except.includes(s.name));
}

/** Every recorded write that is neither on `sheet` nor one of the workbook-level additions (names, settings). */
function writesElsewhere(h: FakeHost, sheet: string): string[] {
  return h.calls
    .filter((c) => c.write && c.sheet !== sheet && !["names.add", "settings.add"].includes(c.path))
    .map((c) => `${c.path} on ${c.sheet ?? "?"}`);
}

function expectPlanOnSheet(h: FakeHost, plan: Plan): void {
  const q = `'${plan.sheetName}'`;
  for (const { address, cell } of planCells(plan)) {
    const got = h.cell(`${q}!${address}`);
    if (cell.kind === "formula") expect(got.formula, address).toBe(cell.formula);
    else {
      expect(got.formula, address).toBeNull();
      expect(got.value, address).toBe(cell.value);
    }
  }
}

describe("building a scorecard from the sample table", () => {
  it("adds exactly one sheet, CRM Scorecard, in 3 syncs (read, add, write), and writes nowhere else", async () => {
    const h = workbook(sampleKpis("en"));
    const before = otherSheets(h);
    const r = built(await buildFromSelection(h));
    expect(r.sheetName).toBe("CRM Scorecard");
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(r.syncs).toBe(3);
    expect(h.syncCount).toBe(3);
    expect(h.calls.filter((c) => c.path === "worksheets.add")).toHaveLength(1);
    expect(writesElsewhere(h, "CRM Scorecard")).toEqual([]);
    expect(otherSheets(h, ["CRM Scorecard"])).toEqual(before);
    expect(r.skipped).toEqual([]);
  });

  it("puts every cell of the plan on the sheet: numbers as values, formulas as formulas, texts as texts", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    expectPlanOnSheet(h, r.plan);
    expect(h.cell("'CRM Scorecard'!A4").value).toBe("Overall score");
    expect(h.cell("'CRM Scorecard'!B4").formula).toMatch(/^=SUM\(/);
  });

  it("writes each block with one formulas write (plus one values write for blocks holding texts kept as text)", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    const formulaWrites = h.calls.filter((c) => c.path === "range.formulas");
    const valueWrites = h.calls.filter((c) => c.path === "range.values");
    expect(formulaWrites.map((c) => c.address).sort()).toEqual(r.plan.blocks.map((b) => b.address).sort());
    expect(valueWrites.length).toBeLessThanOrEqual(r.plan.blocks.length);
  });

  it("adds the workbook names, the chart, conditional formats, frozen header and one-page-wide print layout", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    const names = h.snapshot().names.map((n) => [n.name, n.formula]);
    expect(names).toEqual(r.plan.names.map((n) => [n.name, n.refersTo]));
    expect(names.map((n) => n[0])).toEqual(["CRM_Scorecard_Score", "CRM_Scorecard_Rating", "CRM_Scorecard_Settings"]);
    const paths = h.calls.map((c) => c.path);
    expect(paths).toContain("worksheet.charts.add");
    expect(h.calls.find((c) => c.path === "worksheet.charts.add")!.args[0]).toBe("ColumnClustered");
    expect(paths.filter((p) => p === "range.conditionalFormats.add")).toHaveLength(r.plan.conditionalFormats.length);
    expect(h.calls.find((c) => c.path === "worksheet.freezePanes.freezeRows")!.args).toEqual([r.plan.freeze.rows]);
    expect(h.calls.find((c) => c.path === "worksheet.pageLayout.zoom")!.args).toEqual([{ horizontalFitToPages: 1 }]);
    expect(h.calls.find((c) => c.path === "worksheet.pageLayout.orientation")!.args).toEqual(["Landscape"]);
    const custom = h.calls
      .filter((c) => c.path === "range.conditionalFormats.add().custom.rule.formula")
      .map((c) => c.args[0]);
    expect(custom).toEqual(r.plan.conditionalFormats.flatMap((cf) => (cf.kind === "expression" ? [cf.formula] : [])));
  });

  it("stores the settings in the sheet and a copy in the workbook settings", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    const cell = h.cell(`'CRM Scorecard'!${r.plan.anchors.settings}`);
    expect(JSON.parse(String(cell.value))).toEqual(r.plan.settings);
    expect(cell.numberFormat).toBe("@");
    expect(JSON.parse(String(h.snapshot().settings[indexKey("CRM_Scorecard_Settings")]))).toEqual(r.plan.settings);
  });

  it("makes the same number of syncs for 1,000 KPIs as for 19", async () => {
    const h = workbook(generatedKpis(1000));
    const r = built(await buildFromSelection(h));
    expect(r.plan.expected.kpis).toHaveLength(1000);
    expect(r.syncs).toBe(3);
    expect(h.syncCount).toBe(3);
  });

  it("opens the new sheet, in the write batch: still 3 syncs", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    expect(h.activeSheetName()).toBe("CRM Scorecard");
    expect(r.syncs).toBe(3);
  });

  it("names the second scorecard CRM Scorecard (2) with names of its own", async () => {
    const h = workbook(sampleKpis("en"));
    built(await buildFromSelection(h));
    h.select("Sheet1!A1:G20"); // the build opened its sheet; the user selects the table again
    const r = built(await buildFromSelection(h));
    expect(r.sheetName).toBe("CRM Scorecard (2)");
    expect(r.plan.names.map((n) => n.name)).toEqual([
      "CRM_Scorecard_2_Score",
      "CRM_Scorecard_2_Rating",
      "CRM_Scorecard_2_Settings",
    ]);
    expect(h.snapshot().names).toHaveLength(6);
  });

  it("builds a Chinese sheet, CRM 计分卡, from Chinese headers", async () => {
    const h = workbook(sampleKpis("zh"));
    const r = built(await buildFromSelection(h));
    expect(r.sheetName).toBe("CRM 计分卡");
    expect(h.cell("'CRM 计分卡'!A4").value).toBe("综合得分");
    expectPlanOnSheet(h, r.plan);
  });
});

describe("texts stay texts", () => {
  const names = ['=HYPERLINK("x")', "+1", "-5%", "@SUM(A1)", "'quoted", "TRUE", "0.5", "Jan-25", "2025-03-31"];

  it.each(names)("a KPI named %s lands as text: numberFormat @ set before its value", async (name) => {
    const rows: unknown[][] = sampleKpis("en");
    rows[1]![0] = { value: name, numberFormat: "@" }; // typed as text in the source
    const h = workbook(rows);
    const r = built(await buildFromSelection(h));
    const row = r.plan.blocks.find((b) => b.id === "kpis")!;
    const top = Number(/\d+/.exec(row.address)![0]);
    const cell = h.cell(`'CRM Scorecard'!B${top + 1}`);
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe(name);
    expect(cell.numberFormat).toBe("@");
    const format = h.calls.findIndex((c) => c.path === "range.numberFormat" && c.address === row.address);
    const value = h.calls.findIndex((c) => c.path === "range.values" && c.address === row.address);
    expect(format).toBeGreaterThanOrEqual(0);
    expect(value).toBeGreaterThan(format);
  });

  it("a KPI named <img src=x onerror=alert(1)> is written as plain text", async () => {
    const rows = sampleKpis("en");
    rows[2]![0] = "<img src=x onerror=alert(1)>";
    const h = workbook(rows);
    built(await buildFromSelection(h));
    expect(h.cell("'CRM Scorecard'!B8").value).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("when a write fails", () => {
  it("removes the half-built sheet in two more syncs (look, remove) and reports the cause; nothing else changes", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    const before = h.snapshot();
    h.clearLog();
    h.inject({ path: "range.formulas", sheet: "CRM Scorecard", nth: 2, message: "disk full" });
    const e = await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScorecardError);
    const err = e as ScorecardError;
    expect(err.stage).toBe("write");
    expect(err.removed).toBe(true);
    expect(err.detail).toContain("disk full");
    expect(err.message).toContain("was removed");
    expect(err.cleanup).toEqual({ sheetAdded: true, left: { sheet: null, names: [], setting: null }, detail: null });
    expect(h.syncCount).toBe(5);
    const deleted = h.calls.filter((c) => c.path === "worksheet.delete" && c.status === "applied");
    expect(deleted.map((c) => c.args)).toEqual([[]]);
    expect(h.calls.find((c) => c.i === deleted[0]!.i - 1)).toMatchObject({
      path: "worksheets.getItem",
      args: [expect.stringMatching(/^\{[0-9A-F-]+\}$/i)], // the sheet's id, not its name
    });
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ["the first name", { path: "names.add", nth: 1 }],
    ["the second name", { path: "names.add", nth: 2 }],
    ["the settings copy", { path: "settings.add" }],
    ["the chart", { path: "worksheet.charts.add" }],
    ["the print layout", { path: "worksheet.pageLayout.zoom" }],
    ["a conditional format", { path: "range.conditionalFormats.add", nth: 3 }],
  ])("a failure at %s leaves the workbook as it was", async (_what, fault) => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    const before = h.snapshot();
    h.clearLog();
    h.inject(fault);
    const e = (await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch(
      (x: unknown) => x,
    )) as ScorecardError;
    expect(e.stage).toBe("write");
    expect(e.removed).toBe(true);
    expect(h.syncCount).toBe(5);
    expect(h.snapshot()).toEqual(before);
  });

  it("a failure at adding the sheet: nothing was added, nothing is cleaned up, and the message says so", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    const before = h.snapshot();
    h.clearLog();
    h.inject({ path: "worksheets.add", message: "no room" });
    const e = (await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch(
      (x: unknown) => x,
    )) as ScorecardError;
    expect(e.stage).toBe("write");
    expect(e.cleanup?.sheetAdded).toBe(false);
    expect(e.removed).toBe(true);
    expect(e.message).toBe('adding the sheet "CRM Scorecard" failed (no room); nothing was written');
    expect(h.syncCount).toBe(2);
    expect(h.snapshot()).toEqual(before);
  });

  it("says so when removing the half-built sheet fails too, and names what is left", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    h.clearLog();
    h.inject({ path: "range.values", sheet: "CRM Scorecard" });
    h.inject({ sync: 5, code: "AccessDenied", message: "locked" });
    const e = (await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch(
      (x: unknown) => x,
    )) as ScorecardError;
    expect(e.stage).toBe("write");
    expect(e.removed).toBe(false);
    expect(e.cleanupDetail).toContain("locked");
    expect(e.cleanup?.left).toEqual({ sheet: "CRM Scorecard", names: [], setting: null });
    expect(e.message).toContain("failed too");
    expect(e.message).toContain('left: the sheet "CRM Scorecard"');
    expect(h.sheetNames()).toContain("CRM Scorecard");
  });

  it("when looking at what to remove fails, everything the build may have added is named as left", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    h.clearLog();
    h.inject({ path: "settings.add" });
    h.inject({ sync: 4, code: "AccessDenied", message: "locked" });
    const e = (await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch(
      (x: unknown) => x,
    )) as ScorecardError;
    expect(e.removed).toBe(false);
    expect(e.cleanup?.left).toEqual({
      sheet: "CRM Scorecard",
      names: ["CRM_Scorecard_Score", "CRM_Scorecard_Rating", "CRM_Scorecard_Settings"],
      setting: indexKey("CRM_Scorecard_Settings"),
    });
  });

  it("a half-built sheet that someone renamed meanwhile is left and reported; this build's names are removed", async () => {
    const h = workbook(sampleKpis("en"), { syncDelayMs: 100 });
    const sel = await readSelection();
    h.inject({ path: "settings.add" });
    // Sync 2 adds the sheet (100–200 ms), sync 3 writes (200–300 ms): the rename lands at 250 ms, before the write.
    const rename = new Promise<void>((resolve) =>
      setTimeout(() => {
        void Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("CRM Scorecard").name = "Mine now";
          await ctx.sync();
        }).then(resolve);
      }, 150),
    );
    const [e] = await Promise.all([
      buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch((x: unknown) => x),
      rename,
    ]);
    const err = e as ScorecardError;
    expect(err.stage).toBe("write");
    expect(err.removed).toBe(false);
    expect(err.cleanup).toEqual({
      sheetAdded: true,
      left: { sheet: "Mine now", names: [], setting: null },
      detail: null,
    });
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "Mine now"]);
  });

  it("writePlan refuses a plan whose sheet exists already, before writing anything", async () => {
    const h = workbook(sampleKpis("en"), {
      sheets: { Sheet1: { "A1:G20": sampleKpis("en") }, "CRM Scorecard": { A1: "mine" } },
    });
    const table = readScorecardTable({ sheet: "Sheet1", blocks: [{ topLeft: "A1", values: sampleKpis("en") }] }).table!;
    const { buildScorecardPlan } = await import("../../src/core/scorecard/plan");
    const plan = buildScorecardPlan(table, { asOf: AS_OF }); // made without knowing the workbook's sheets
    h.clearLog();
    const e = await Excel.run((ctx) => writePlan(ctx, plan)).catch((x: unknown) => x);
    expect((e as ScorecardError).stage).toBe("taken");
    expect(h.calls.filter((c) => c.write)).toEqual([]);
    expect(h.cell("'CRM Scorecard'!A1").value).toBe("mine");
  });

  it("writePlan with a free name takes 3 syncs with its check, 2 without", async () => {
    const h = workbook(sampleKpis("en"));
    const table = readScorecardTable({ sheet: "Sheet1", blocks: [{ topLeft: "A1", values: sampleKpis("en") }] }).table!;
    const { buildScorecardPlan } = await import("../../src/core/scorecard/plan");
    const plan = buildScorecardPlan(table, { asOf: AS_OF, existingSheetNames: h.sheetNames() });
    h.clearLog();
    expect((await Excel.run((ctx) => writePlan(ctx, plan))).syncs).toBe(3);
    const second = buildScorecardPlan(table, {
      asOf: AS_OF,
      existingSheetNames: h.sheetNames(),
      existingNames: h.snapshot().names.map((n) => n.name),
    });
    expect((await Excel.run((ctx) => writePlan(ctx, second, { check: false }))).syncs).toBe(2);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard", "CRM Scorecard (2)"]);
  });
});

describe("the source is read again at build time", () => {
  it("reports problems that appeared since the selection was read, writing nothing", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    h.setCell("Sheet1!D7", "n/a");
    h.clearLog();
    const r = await buildScorecard({ source: sel.ref, options: { asOf: AS_OF } });
    expect(r.kind).toBe("problems");
    if (r.kind !== "problems") return;
    expect(r.reading.problems.map((p) => p.message)).toEqual(['Sheet1!D7: Target is text "n/a"']);
    expect(r.syncs).toBe(1);
    expect(h.calls.filter((c) => c.write)).toEqual([]);
  });

  it("fails cleanly when the source sheet is gone", async () => {
    const h = workbook(sampleKpis("en"));
    const e = (await buildScorecard({ source: { sheet: "Gone", areas: ["A1:G20"] } }).catch(
      (x: unknown) => x,
    )) as ScorecardError;
    expect(e.stage).toBe("source");
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes"]);
  });

  it("applies the pane's mapping changes", async () => {
    const h = workbook(sampleKpis("en"));
    const sel = await readSelection();
    const r = built(await buildScorecard({ source: sel.ref, mapping: { threshold: null }, options: { asOf: AS_OF } }));
    expect(r.plan.settings.mapping.threshold).toBeNull();
    expect(h.cell("'CRM Scorecard'!F7").value).toBe("");
  });
});

describe("requirement sets", () => {
  it("skips the print layout without ExcelApi 1.9, and says so", async () => {
    const h = workbook(sampleKpis("en"), { requirements: { ExcelApi: "1.8" } });
    const r = built(await buildFromSelection(h));
    expect(r.skipped).toEqual([{ feature: "pageLayout", requires: "ExcelApi 1.9" }]);
    expect(h.calls.some((c) => c.path.startsWith("worksheet.pageLayout"))).toBe(false);
    expect(h.calls.some((c) => c.path === "worksheet.charts.add")).toBe(true);
  });

  it("reads the selection with getSelectedRange without ExcelApi 1.9", async () => {
    const h = workbook(sampleKpis("en"), { requirements: { ExcelApi: "1.8" } });
    h.clearLog();
    const sel = await readSelection();
    expect(h.calls.some((c) => c.path === "workbook.getSelectedRange")).toBe(true);
    expect(h.calls.some((c) => c.path === "workbook.getSelectedRanges")).toBe(false);
    expect(sel.address).toBe("Sheet1!A1:G20");
  });

  it("builds on ExcelApi 1.1 with cells, formats and the chart only", async () => {
    const h = workbook(sampleKpis("en"), { requirements: { ExcelApi: "1.1" } });
    const r = built(await buildFromSelection(h));
    expect(r.skipped.map((s) => s.feature).sort()).toEqual(
      [
        "chartAxisFormat",
        "chartSeries",
        "columnWidths",
        "conditionalFormats",
        "freezePanes",
        "names",
        "pageLayout",
        "settingsIndex",
      ].sort(),
    );
    expectPlanOnSheet(h, r.plan);
    expect(h.snapshot().names).toEqual([]);
  });
});

describe("reading the selection", () => {
  it("reads one table in one sync", async () => {
    const h = workbook(sampleKpis("en"));
    h.clearLog();
    const sel = await readSelection();
    expect(h.syncCount).toBe(1);
    expect(sel.syncs).toBe(1);
    expect(sel.ref).toEqual({ sheet: "Sheet1", areas: ["A1:G20"] });
    expect(sel.source.blocks[0]!.values[1]).toEqual(["Revenue growth", "Financial", 0.1, 0.12, 10, "higher", 0]);
  });

  it("reads columns picked with Ctrl as blocks, left to right, in one sync", async () => {
    const h = workbook(sampleKpis("en"), { selection: ["Sheet1!C1:D20", "Sheet1!A1:A20"] });
    h.clearLog();
    const sel = await readSelection();
    expect(h.syncCount).toBe(1);
    expect(sel.ref.areas).toEqual(["A1:A20", "C1:D20"]);
    expect(sel.address).toBe("Sheet1!A1:A20,C1:D20");
    const reading = readScorecardTable(sel.source);
    expect(reading.problems).toEqual([]);
    expect(reading.headers).toEqual(["Metric", "Actual", "Target"]);
  });

  it("cuts whole columns after the last row holding anything", () => {
    const col = (n: number, filled: number): unknown[][] => Array.from({ length: n }, (_, i) => [i < filled ? i : ""]);
    const r = sourceFromAreas("Data", [
      { ref: "$A:$A", values: col(50, 12) },
      { ref: "C:C", values: col(50, 20) },
    ]);
    expect(r.ref.areas).toEqual(["A1:A20", "C1:C20"]);
    expect(r.source.blocks.map((b) => b.values.length)).toEqual([20, 20]);
  });

  it("splits quoted sheet names", () => {
    expect(splitAddress("'Bob''s data'!A1:B2")).toEqual({ sheet: "Bob's data", ref: "A1:B2" });
    expect(splitAddress("Sheet1!C:C")).toEqual({ sheet: "Sheet1", ref: "C:C" });
  });
});

describe("listing and refreshing", () => {
  it("lists every scorecard under its sheet's current name", async () => {
    const h = workbook(sampleKpis("en"));
    built(await buildFromSelection(h));
    h.select("Sheet1!A1:G20"); // the build opened its sheet; the user selects the table again
    built(await buildFromSelection(h));
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("CRM Scorecard").name = "Q1 scorecard";
      // Excel moves the names along with a renamed sheet; the fake host does not, so do what Excel does.
      for (const n of ["Score", "Rating", "Settings"]) {
        const item = ctx.workbook.names.getItem(`CRM_Scorecard_${n}`);
        item.load("formula");
        await ctx.sync();
        item.formula = String(item.formula).replace("'CRM Scorecard'!", "'Q1 scorecard'!");
      }
      await ctx.sync();
    });
    h.clearLog();
    const { entries, syncs } = await listScorecards();
    expect(syncs).toBe(2);
    expect(entries.map((e) => [e.sheet, e.settingsName, e.settingsFrom])).toEqual([
      ["Q1 scorecard", "CRM_Scorecard_Settings", "sheet"],
      ["CRM Scorecard (2)", "CRM_Scorecard_2_Settings", "sheet"],
    ]);
  });

  it("falls back to the workbook-settings copy when the settings cell was edited", async () => {
    const h = workbook(sampleKpis("en"));
    const r = built(await buildFromSelection(h));
    h.setCell(`'CRM Scorecard'!${r.plan.anchors.settings}`, "oops");
    const { entries } = await listScorecards();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.settingsFrom).toBe("index");
    expect(entries[0]!.settings).toEqual(r.plan.settings);
  });

  it("lists nothing in a workbook without scorecards, in one sync", async () => {
    const h = workbook(sampleKpis("en"));
    h.clearLog();
    expect(await listScorecards()).toEqual({ entries: [], syncs: 1 });
  });

  it("refresh replaces the old sheet in place, keeps its names and takes the source's new values (3 syncs: read, add, write and commit)", async () => {
    const h = workbook(sampleKpis("en"));
    built(await buildFromSelection(h, { mode: "snapshot" }));
    const [entry] = (await listScorecards()).entries;
    h.setCell("Sheet1!C2", 0.11);
    const notes = otherSheets(h, ["CRM Scorecard"]);
    h.clearLog();
    const r = await refreshScorecard(entry!, { asOf: "2025-04-30" });
    expect(r.kind).toBe("refreshed");
    if (r.kind !== "refreshed") return;
    expect(r.syncs).toBe(3);
    expect(h.syncCount).toBe(3);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(h.cell("'CRM Scorecard'!D7").value).toBe(0.11);
    expect(h.snapshot().names.map((n) => [n.name, n.formula])).toEqual([
      ["CRM_Scorecard_Score", "='CRM Scorecard'!$B$4"],
      ["CRM_Scorecard_Rating", "='CRM Scorecard'!$D$4"],
      ["CRM_Scorecard_Settings", `='CRM Scorecard'!${r.plan.anchors.settings.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`],
    ]);
    const stored = JSON.parse(String(h.cell(`'CRM Scorecard'!${r.plan.anchors.settings}`).value)) as StoredSettings;
    expect(stored.asOf).toBe("2025-04-30");
    expect(stored.names.settings).toBe("CRM_Scorecard_Settings");
    expect(stored.sheetName).toBe("CRM Scorecard");
    expect(otherSheets(h, ["CRM Scorecard"])).toEqual(notes);
    expect(
      writesElsewhere(h, r.plan.sheetName).filter(
        (w) => !w.startsWith("namedItem.formula") && !w.includes("worksheet.name"),
      ),
    ).toEqual(["worksheet.delete on CRM Scorecard"]);
    const [again] = (await listScorecards()).entries;
    expect(again!.settings.asOf).toBe("2025-04-30");
  });

  it("refresh keeps the pane's mapping while the source's headers are unchanged", async () => {
    const rows: unknown[][] = sampleKpis("en");
    rows[0]![3] = "Budget"; // not a Target header: the user mapped it in the pane
    const h = workbook(rows);
    const sel = await readSelection();
    built(await buildScorecard({ source: sel.ref, mapping: { target: 3 }, options: { asOf: AS_OF } }));
    const [entry] = (await listScorecards()).entries;
    expect(entry!.settings.mapping.target).toBe(3);
    const r = await refreshScorecard(entry!, { asOf: AS_OF });
    expect(r.kind).toBe("refreshed");
    h.setCell("Sheet1!D1", "Target"); // now the headers differ: detected afresh, and Target is found
    const [again] = (await listScorecards()).entries;
    expect((await refreshScorecard(again!, { asOf: AS_OF })).kind).toBe("refreshed");
  });

  it("refresh keeps the old sheet when writing the new one fails", async () => {
    const h = workbook(sampleKpis("en"));
    built(await buildFromSelection(h));
    const [entry] = (await listScorecards()).entries;
    const before = h.snapshot();
    h.clearLog();
    h.inject({ path: "range.formulas", sheet: "CRM Scorecard (2)", nth: 2 });
    const e = (await refreshScorecard(entry!).catch((x: unknown) => x)) as ScorecardError;
    expect(e.stage).toBe("write");
    expect(e.removed).toBe(true);
    expect(h.syncCount).toBe(5);
    expect(h.snapshot()).toEqual(before);
  });

  it("refresh reports the source's problems and writes nothing", async () => {
    const h = workbook(sampleKpis("en"));
    built(await buildFromSelection(h));
    const [entry] = (await listScorecards()).entries;
    h.setCell("Sheet1!C3", "n/a");
    h.clearLog();
    const r = await refreshScorecard(entry!);
    expect(r.kind).toBe("problems");
    expect(h.calls.filter((c) => c.write)).toEqual([]);
  });

  it("withExistingNames rewrites the names, the chart name and the settings cell", () => {
    const rows = sampleKpis("en");
    const table = readScorecardTable({ sheet: "Sheet1", blocks: [{ topLeft: "A1", values: rows }] }).table!;
    return import("../../src/core/scorecard/plan").then(({ buildScorecardPlan }) => {
      const plan = buildScorecardPlan(table, { asOf: AS_OF, existingSheetNames: ["CRM Scorecard"], existingNames: [] });
      const names = {
        overallScore: "CRM_Scorecard_Score",
        rating: "CRM_Scorecard_Rating",
        settings: "CRM_Scorecard_Settings",
      };
      const out = withExistingNames(plan, names, "CRM Scorecard");
      expect(out.names.map((n) => n.name)).toEqual(Object.values(names));
      expect(out.chart.name).toBe("CRM_Scorecard_Chart");
      const cell = [...planCells(out)].find((c) => c.address === out.anchors.settings)!.cell;
      expect(cell.kind === "text" && JSON.parse(cell.value)).toEqual(out.settings);
      expect(out.settings.names).toEqual(names);
      expect(plan.settings.names.settings).toBe("CRM_Scorecard_2_Settings");
    });
  });
});

describe("co-authoring: another user changes the workbook while a build or refresh runs", () => {
  /** Each sync takes this long, so that another user's change can land between two syncs of a build. */
  const DELAY = 200;
  const THEIRS = [
    ["Colleague's forecast", 1200],
    ["Do not delete", 3400],
  ];

  /** Another user's change, `after` ms from now, through a second Excel.run (its own context, as Excel has). */
  function colleague(after: number, change: (wb: Excel.Workbook) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        Excel.run(async (ctx) => {
          change(ctx.workbook);
          await ctx.sync();
        }).then(resolve, reject);
      }, after);
    });
  }

  /** A sheet holding the colleague's data. */
  const addsTheirSheet =
    (name: string) =>
    (wb: Excel.Workbook): void => {
      wb.worksheets.add(name).getRange("A1:B2").values = THEIRS;
    };

  it("a sheet named CRM Scorecard that another user adds during Build survives with its data; nothing is written", async () => {
    const h = workbook(sampleKpis("en"), { syncDelayMs: DELAY });
    const sel = await readSelection();
    const before = h.snapshot();
    const [e] = await Promise.all([
      buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch((x: unknown) => x),
      colleague(DELAY * 0.3, addsTheirSheet("CRM Scorecard")),
    ]);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(h.values("'CRM Scorecard'!A1:B2")).toEqual(THEIRS);
    const after = h.snapshot();
    expect(after.sheets.filter((s) => s.name !== "CRM Scorecard")).toEqual(before.sheets);
    expect(after.names).toEqual([]);
    expect(after.settings).toEqual({});
    expect(e).toBeInstanceOf(ScorecardError);
    const err = e as ScorecardError;
    expect(err.stage).toBe("taken");
    expect(err.takenSheet).toBe("CRM Scorecard");
    expect(err.message).toBe(
      'nothing was written: a sheet named "CRM Scorecard" was added meanwhile (A sheet named "CRM Scorecard" already exists.); it was left as it is',
    );
    expect(h.calls.filter((c) => c.path === "worksheet.delete" && c.status === "applied")).toEqual([]);
  });

  it("a workbook name that another user adds during Build survives; only this build's sheet is removed", async () => {
    const h = workbook(sampleKpis("en"), { syncDelayMs: DELAY });
    const sel = await readSelection();
    const [e] = await Promise.all([
      buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch((x: unknown) => x),
      colleague(DELAY * 0.3, (wb) => {
        wb.names.add("CRM_Scorecard_Score", "=Notes!$A$1", "theirs");
      }),
    ]);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes"]);
    expect(h.snapshot().names).toEqual([
      { name: "CRM_Scorecard_Score", formula: "=Notes!$A$1", comment: "theirs", visible: true, scope: null },
    ]);
    expect(h.snapshot().settings).toEqual({});
    const err = e as ScorecardError;
    expect(err.stage).toBe("write");
    expect(err.detail).toBe('The name "CRM_Scorecard_Score" already exists.');
    expect(err.removed).toBe(true);
    expect(err.cleanup?.left).toEqual({ sheet: null, names: [], setting: null });
  });

  it("a settings entry that another user writes under this build's key survives when the build fails", async () => {
    const key = indexKey("CRM_Scorecard_Settings");
    const h = workbook(sampleKpis("en"), { syncDelayMs: DELAY });
    const sel = await readSelection();
    h.inject({ path: "settings.add", nth: 2, message: "quota" }); // the 1st is the colleague's
    const [e] = await Promise.all([
      buildScorecard({ source: sel.ref, options: { asOf: AS_OF } }).catch((x: unknown) => x),
      colleague(DELAY * 0.3, (wb) => {
        wb.settings.add(key, "theirs");
      }),
    ]);
    const err = e as ScorecardError;
    expect(err.stage).toBe("write");
    expect(err.removed).toBe(true);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes"]);
    expect(h.snapshot().names).toEqual([]); // this build's three names were added, then removed
    expect(h.snapshot().settings).toEqual({ [key]: "theirs" });
  });

  it("a settings entry left from an earlier scorecard is not overwritten: the build takes the next free names", async () => {
    const stale = indexKey("CRM_Scorecard_Settings");
    const h = workbook(sampleKpis("en"), { settings: { [stale]: "an earlier scorecard's copy" } });
    const r = built(await buildFromSelection(h));
    expect(r.sheetName).toBe("CRM Scorecard");
    expect(r.plan.settings.names.settings).toBe("CRM_Scorecard_2_Settings");
    expect(h.snapshot().settings[stale]).toBe("an earlier scorecard's copy");
    expect(h.snapshot().settings[indexKey("CRM_Scorecard_2_Settings")]).toBeDefined();
  });

  it("a sheet that another user adds under the refresh's new name survives; the old scorecard is kept", async () => {
    const h = workbook(sampleKpis("en"), { syncDelayMs: DELAY });
    built(await buildFromSelection(h));
    const [entry] = (await listScorecards()).entries;
    const before = h.snapshot();
    const [e] = await Promise.all([
      refreshScorecard(entry!).catch((x: unknown) => x),
      colleague(DELAY * 0.3, addsTheirSheet("CRM Scorecard (2)")),
    ]);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard", "CRM Scorecard (2)"]);
    expect(h.values("'CRM Scorecard (2)'!A1:B2")).toEqual(THEIRS);
    const after = h.snapshot();
    expect(after.sheets.filter((s) => s.name !== "CRM Scorecard (2)")).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(after.settings).toEqual(before.settings);
    const err = e as ScorecardError;
    expect(err).toBeInstanceOf(ScorecardError);
    expect(err.stage).toBe("taken");
    expect(err.takenSheet).toBe("CRM Scorecard (2)");
  });

  it("refresh deletes the old scorecard by its id, never another sheet that took its name meanwhile", async () => {
    const h = workbook(sampleKpis("en"), { syncDelayMs: DELAY });
    built(await buildFromSelection(h));
    const [entry] = (await listScorecards()).entries;
    // While the refresh runs, someone renames the scorecard and starts a new sheet under its old name.
    const [e] = await Promise.all([
      refreshScorecard(entry!).catch((x: unknown) => x),
      colleague(DELAY * 0.3, (wb) => {
        wb.worksheets.getItem("CRM Scorecard").name = "Q1 scorecard";
        addsTheirSheet("CRM Scorecard")(wb);
      }),
    ]);
    expect(h.values("'CRM Scorecard'!A1:B2")).toEqual(THEIRS);
    expect(h.sheetNames().sort()).toEqual(["CRM Scorecard", "CRM Scorecard (2)", "Notes", "Sheet1"]);
    const err = e as ScorecardError;
    expect(err.stage).toBe("commit");
    expect(err.sheetName).toBe("CRM Scorecard (2)");
    expect(err.oldRemoved).toBe(true);
    expect(err.message).toBe(
      'the refreshed scorecard is on "CRM Scorecard (2)" and the old sheet was removed, but naming it "CRM Scorecard" failed (A sheet named "CRM Scorecard" already exists.)',
    );
    // The names follow the refreshed scorecard.
    expect(h.snapshot().names.map((n) => n.formula)[0]).toBe("='CRM Scorecard (2)'!$B$4");
  });
});
