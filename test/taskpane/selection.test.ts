/**
 * Reading the selection: only the used part of each selected area travels from Excel, and the areas are rebuilt
 * around it — so whole columns picked by their letters read like the table itself, in one sync.
 */
import { describe, expect, it } from "vitest";
import { readScorecardTable } from "../../src/core/scorecard/table";
import { areaValues, readSelection } from "../../src/taskpane/scorecard/selection";
import type { FakeHost } from "../support/fakeExcel";
import { fakeHostPerTest } from "../support/fakeHostPerTest";
import { sampleKpis } from "../support/scorecardKpis";

const fakeHost = fakeHostPerTest();

function workbook(selection: string | string[]): FakeHost {
  return fakeHost.install({
    sheets: { Sheet1: { "A1:G20": sampleKpis("en") }, Other: { A1: "x" } },
    selection,
  });
}

/** What the table reads as when its exact range is selected: the reference the other selections must match. */
async function tableRead() {
  workbook("Sheet1!A1:G20");
  const sel = await readSelection();
  fakeHost.uninstall();
  return sel;
}

describe("readSelection", () => {
  it("whole columns A:G read as the table A1:G20, in one sync", async () => {
    const expected = await tableRead();
    const h = workbook("Sheet1!A:G");
    const sel = await readSelection();
    expect(h.syncCount).toBe(1);
    expect(sel.ref.areas).toEqual(["A1:G20"]);
    expect(sel.source).toEqual(expected.source);
    expect(readScorecardTable(sel.source).problems).toEqual([]);
  });

  it("never asks Excel for the values of a whole column, only for its used part", async () => {
    const h = workbook("Sheet1!A:G");
    await readSelection();
    const valueLoads = h.calls.filter((c) => c.kind === "load" && c.args.join(",").includes("values"));
    expect(valueLoads).toHaveLength(1);
    // the load of values targets the used areas, never the selected whole columns (address "A:G")
    expect(valueLoads[0]!.address ?? "").not.toMatch(/^\$?[A-Z]+:\$?[A-Z]+$/);
    expect(valueLoads[0]!.path).toBe("rangeCollection.load");
  });

  it("Ctrl-picked whole columns A:A and C:D come back equally tall (A1:A20, C1:D20)", async () => {
    workbook(["Sheet1!A:A", "Sheet1!C:D"]);
    const sel = await readSelection();
    expect(sel.ref.areas).toEqual(["A1:A20", "C1:D20"]);
    expect(readScorecardTable(sel.source).headers).toEqual(["Metric", "Actual", "Target"]);
  });

  it("an ordinary selection larger than the data keeps its shape, blank cells as empty text", async () => {
    const expected = await tableRead();
    workbook("Sheet1!A1:H22");
    const sel = await readSelection();
    expect(sel.ref.areas).toEqual(["A1:H22"]);
    const values = sel.source.blocks[0]!.values;
    expect(values).toHaveLength(22);
    expect(values[0]).toHaveLength(8);
    expect(values.slice(0, 20).map((r) => r.slice(0, 7))).toEqual(expected.source.blocks[0]!.values);
    expect(values[21]).toEqual(["", "", "", "", "", "", "", ""]);
  });

  it("a selection without any value is refused with a clear error, writing nothing", async () => {
    workbook("Sheet1!K1:M5");
    await expect(readSelection()).rejects.toThrow("the selection holds no values");
  });
});

describe("areaValues (rebuilding an area around its used parts)", () => {
  it("places a used part at its offset inside the area and fills the rest with blanks", () => {
    // area B2:D4; used part C3:D3 = [[1, 2]] → row 2 of 3, columns 2–3 of 3
    const parts = [{ address: "Sheet1!C3:D3", values: [[1, 2]] }];
    expect(areaValues("B2:D4", parts, parts)).toEqual([
      ["", "", ""],
      ["", 1, 2],
      ["", "", ""],
    ]);
  });

  it("cuts a whole column at the lowest used row of every part, so Ctrl-picked columns stay equally tall", () => {
    const a = { address: "S!A1:A3", values: [["h"], [1], [2]] };
    const c = { address: "S!C1:C5", values: [["h"], [1], [2], [3], [4]] };
    expect(areaValues("A:A", [a], [a, c])).toHaveLength(5);
    expect(areaValues("C:C", [c], [a, c])).toHaveLength(5);
  });
});
