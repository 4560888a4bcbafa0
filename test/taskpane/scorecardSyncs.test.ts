/**
 * Issue 12's sync budget with the fake host: Build, Refresh and Record each keep to ≤ 3 syncs and never change
 * another sheet (compared cell by cell: values and formulas, before and after), in a fake that fails a sync when
 * a method is called on a null object (`strictNullObjects`, as real Excel may) — the history sheet is found in the
 * list of sheets and read by id, never through a null object. And Refresh's one write-and-commit batch: a failure
 * before the old sheet's deletion leaves the workbook as it was (names put back, the new sheet removed by id); a
 * failure after it says how far it got.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCells, type Plan } from "../../src/core/scorecard/plan";
import { recordScorecardPeriod } from "../../src/taskpane/scorecard/historyWriter";
import { readSelection } from "../../src/taskpane/scorecard/selection";
import {
  buildScorecard,
  listScorecards,
  refreshScorecard,
  ScorecardError,
  type BuildOutcome,
} from "../../src/taskpane/scorecard/writer";
import type { FakeHost } from "../support/fakeExcel";
import { fakeHostPerTest } from "../support/fakeHostPerTest";
import { csvCells } from "../support/scorecardKpis";

const HISTORY = "CRM Scorecard History";
const fakeHost = fakeHostPerTest();

const ROWS = csvCells(readFileSync(path.join(__dirname, "..", "fixtures", "scorecard", "kpis-periods-en.csv"), "utf8"));
const TABLE = `Sheet1!A1:I${ROWS.length}`;
/** A sheet nobody's operation is about, with a value, a formula and a text, to prove it is never changed. */
const NOTES = { A1: "keep me", B1: 42, C1: { formula: "=B1*2", value: 84 } };

function workbook(): FakeHost {
  return fakeHost.install({
    sheets: { Sheet1: { [`A1:I${ROWS.length}`]: ROWS }, Notes: NOTES },
    selection: TABLE,
    strictNullObjects: true,
  });
}

/** Gives every formula of the plan's sheet the core's value, as Excel would calculate it (the fake does not). */
function calculate(h: FakeHost, plan: Plan): void {
  for (const { address, cell } of planCells(plan))
    if (cell.kind === "formula")
      h.setCell(`'${plan.sheetName}'!${address}`, { formula: cell.formula, value: cell.expected });
}

async function build(h: FakeHost, asOf: string): Promise<Extract<BuildOutcome, { kind: "built" }>> {
  h.select(TABLE);
  const sel = await readSelection();
  h.clearLog();
  const r = await buildScorecard({ source: sel.ref, options: { asOf } });
  if (r.kind !== "built") throw new Error("build failed");
  calculate(h, r.plan);
  return r;
}

/** The Notes sheet's cells: values and formulas. */
function notes(h: FakeHost): unknown {
  return [h.values("Notes!A1:C1"), h.formulas("Notes!A1:C1")];
}

/** Every sheet but `except`, as plain data. */
function sheetsBut(h: FakeHost, ...except: string[]): unknown {
  return h.snapshot().sheets.filter((s) => !except.includes(s.name));
}

describe("≤ 3 syncs each, no other sheet changed, no method on a null object", () => {
  it("Build without a history: 3 syncs (read; add; write), only its new sheet", async () => {
    const h = workbook();
    const before = sheetsBut(h);
    const r = await build(h, "2026-11-15");
    expect(r.syncs).toBe(3);
    expect(h.syncCount).toBe(3);
    expect(sheetsBut(h, "CRM Scorecard")).toEqual(before);
    expect(notes(h)).toEqual([[["keep me", 42, 84]], [["keep me", 42, "=B1*2"]]]);
  });

  it("Record: a new history in 3 syncs (read; add the sheet; write), the next period in 3 (read; history; write)", async () => {
    const h = workbook();
    await build(h, "2026-11-15");
    const [entry] = (await listScorecards()).entries;
    let others = sheetsBut(h, HISTORY);
    h.clearLog();
    const first = await recordScorecardPeriod(entry!);
    expect(first).toMatchObject({ kind: "recorded", period: "2026 Q4", created: true, syncs: 3 });
    expect(h.syncCount).toBe(3);
    expect(sheetsBut(h, HISTORY)).toEqual(others);

    const next = await build(h, "2027-02-15");
    const e = (await listScorecards()).entries.find((x) => x.sheet === next.sheetName)!;
    others = sheetsBut(h, HISTORY);
    h.clearLog();
    const second = await recordScorecardPeriod(e);
    expect(second).toMatchObject({ kind: "recorded", period: "2027 Q1", created: false, syncs: 3 });
    expect(h.syncCount).toBe(3);
    expect(sheetsBut(h, HISTORY)).toEqual(others);
    expect(notes(h)).toEqual([[["keep me", 42, 84]], [["keep me", 42, "=B1*2"]]]);
  });

  it("Build with a history: still 3 syncs, the history read by id in the sync that adds the sheet, and unchanged", async () => {
    const h = workbook();
    await build(h, "2026-08-15");
    await recordScorecardPeriod((await listScorecards()).entries[0]!);
    const before = sheetsBut(h);
    const r = await build(h, "2026-11-15");
    expect(r.syncs).toBe(3);
    expect(r.historyProblems).toEqual([]);
    expect(sheetsBut(h, r.sheetName)).toEqual(before);
    // The history's cells were read in the 2nd sync, through getItem(id) — never through a null object.
    const reads = h.calls.filter((c) => c.path === "worksheet.getUsedRangeOrNullObject" && c.sheet === HISTORY);
    expect(reads.map((c) => c.batch)).toEqual([2]);
  });

  it("Refresh: 3 syncs (read; add, history; write and commit), only its own sheet replaced", async () => {
    const h = workbook();
    await build(h, "2026-08-15");
    await recordScorecardPeriod((await listScorecards()).entries[0]!);
    const [entry] = (await listScorecards()).entries;
    const before = sheetsBut(h, "CRM Scorecard");
    h.clearLog();
    const r = await refreshScorecard(entry!, { asOf: "2026-11-15" });
    expect(r.kind).toBe("refreshed");
    expect(h.syncCount).toBe(3);
    expect(h.sheetNames()).toEqual(["Sheet1", "Notes", "CRM Scorecard", HISTORY]);
    expect(sheetsBut(h, "CRM Scorecard")).toEqual(before);
    expect(notes(h)).toEqual([[["keep me", 42, 84]], [["keep me", 42, "=B1*2"]]]);
  });
});

describe("Refresh writes and commits in one batch, safely", () => {
  it("a failure before the old sheet's deletion (its names already repointed): the workbook is as it was", async () => {
    const h = workbook();
    await build(h, "2026-11-15");
    const [entry] = (await listScorecards()).entries;
    const before = h.snapshot();
    h.clearLog();
    // The commit repoints the names, moves and activates the new sheet, then deletes the old one: fail there.
    h.inject({ path: "worksheet.delete", sheet: "CRM Scorecard" });
    const e = (await refreshScorecard(entry!).catch((x: unknown) => x)) as ScorecardError;
    expect(e).toBeInstanceOf(ScorecardError);
    expect([e.stage, e.removed]).toEqual(["write", true]);
    expect(h.syncCount).toBe(5); // read, add, batch; look, undo
    expect(h.snapshot()).toEqual(before);
  });

  it("a failure after the old sheet's deletion is a failed commit that says how far it got", async () => {
    const h = workbook();
    await build(h, "2026-11-15");
    const [entry] = (await listScorecards()).entries;
    h.inject({ path: "worksheet.name", sheet: "CRM Scorecard (2)" });
    const e = (await refreshScorecard(entry!).catch((x: unknown) => x)) as ScorecardError;
    expect([e.stage, e.oldSheet, e.oldRemoved, e.newSheetNow]).toEqual([
      "commit",
      "CRM Scorecard",
      true,
      "CRM Scorecard (2)",
    ]);
    expect(notes(h)).toEqual([[["keep me", 42, 84]], [["keep me", 42, "=B1*2"]]]);
  });
});
