/**
 * The fake Office/Excel host (test/support/fakeExcel/) in Node, so that the writer and sharing tests can trust
 * it: A1 ranges, Office.js load/sync semantics, typed-input parsing, spills, the collections, sync counting, the
 * call log and fault injection. Expected Office.js behaviour comes from the Excel JavaScript API reference
 * (Range.values remarks, isNullObject, *OrNullObject methods, "Handle blank or null values in ranges").
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  colIndex,
  colLetters,
  createFakeHost,
  parseRect,
  quoteSheet,
  rectAddress,
  type FakeHostConfig,
} from "../support/fakeExcel";

/** A batch for Excel.run; batches that never sync may be plain functions (Excel.run syncs at the end). */
type RunBatch<T> = (ctx: Excel.RequestContext) => T | Promise<T>;

function hostWith(config: FakeHostConfig = {}) {
  const host = createFakeHost(config);
  const run = <T>(batch: RunBatch<T>): Promise<T> => host.Excel.run((ctx) => Promise.resolve(batch(ctx)));
  return { host, run };
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(
  p: Promise<unknown>,
): Promise<{ name: string; code: string; message: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; code: string; message: string };
  }
  throw new Error("expected a rejection");
}

/** The error a function throws synchronously. */
function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a throw");
}

describe("A1 addresses", () => {
  it("parses cells, ranges, whole columns and whole rows to 0-based inclusive rectangles", () => {
    expect(parseRect("A1")).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
    expect(parseRect("$B$2:D5")).toEqual({ r0: 1, c0: 1, r1: 4, c1: 3 });
    expect(parseRect("D5:B2")).toEqual({ r0: 1, c0: 1, r1: 4, c1: 3 });
    expect(parseRect("C:C")).toEqual({ r0: 0, c0: 2, r1: 1048575, c1: 2 });
    expect(parseRect("2:5")).toEqual({ r0: 1, c0: 0, r1: 4, c1: 16383 });
    expect(parseRect("XFD1048576")).toEqual({ r0: 1048575, c0: 16383, r1: 1048575, c1: 16383 });
    expect(parseRect("XFE1")).toBeNull();
    expect(parseRect("A0")).toBeNull();
    expect(parseRect("Total")).toBeNull();
  });

  it("writes addresses back as Excel does: A1, B2:D5, C:C, 2:5, $B$2", () => {
    for (const a of ["A1", "B2:D5", "C:C", "A:C", "2:5", "AA10:AB11"]) expect(rectAddress(parseRect(a)!)).toBe(a);
    expect(rectAddress(parseRect("B2")!, true)).toBe("$B$2");
    expect(rectAddress(parseRect("C:C")!, true)).toBe("$C:$C");
  });

  it("column letters: A=0, Z=25, AA=26, XFD=16383", () => {
    expect([colLetters(0), colLetters(25), colLetters(26), colLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
    expect([colIndex("A"), colIndex("z"), colIndex("AA"), colIndex("XFD")]).toEqual([0, 25, 26, 16383]);
  });

  it("quotes sheet names that are not plain words", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Q1 data")).toBe("'Q1 data'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("CRM 计分卡")).toBe("'CRM 计分卡'");
  });
});

describe("the initial workbook", () => {
  it("holds the configured cells: values, formulas with their values, number formats, 2-D blocks", () => {
    const { host } = hostWith({
      sheets: {
        Data: {
          A1: "Name",
          B1: 10,
          C1: { formula: "=B1*2", value: 20 },
          D1: { value: 0.25, numberFormat: "0%" },
          "A2:B3": [
            [1, 2],
            [3, "x"],
          ],
        },
        Other: { cells: { A1: true } },
      },
    });
    expect(host.sheetNames()).toEqual(["Data", "Other"]);
    expect(host.values("Data!A1:D1")).toEqual([["Name", 10, 20, 0.25]]);
    expect(host.formulas("Data!A1:D1")).toEqual([["Name", 10, "=B1*2", 0.25]]);
    expect(host.numberFormats("Data!C1:D1")).toEqual([["General", "0%"]]);
    expect(host.values("Data!A2:B3")).toEqual([
      [1, 2],
      [3, "x"],
    ]);
    expect(host.cell("Other!A1").value).toBe(true);
    expect(host.activeSheetName()).toBe("Data");
    expect(host.selectionAddresses()).toEqual(["Data!A1"]);
  });

  it("without sheets there is one empty Sheet1", () => {
    const { host } = hostWith();
    expect(host.sheetNames()).toEqual(["Sheet1"]);
    expect(host.snapshot().sheets[0]!.cells).toEqual({});
  });
});

describe("Office.js proxy semantics", () => {
  it("reading a property before load + sync throws PropertyNotLoaded; after them it holds the value", async () => {
    const { run } = hostWith({ sheets: { Sheet1: { A1: 5 } } });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(thrown(() => r.values).code).toBe("PropertyNotLoaded");
      r.load("values");
      expect(thrown(() => r.values).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(thrown(() => r.address).code).toBe("PropertyNotLoaded"); // only what was loaded
    });
  });

  it("isNullObject is readable only after the sync that resolved the object", async () => {
    const { run } = hostWith();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("writes are queued: the workbook changes at sync, not at assignment; a set value reads back at once", async () => {
    const { host, run } = hostWith();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      expect(r.values).toEqual([[1, 2]]);
      expect(host.values("Sheet1!A1:B1")).toEqual([["", ""]]);
      await ctx.sync();
      expect(host.values("Sheet1!A1:B1")).toEqual([[1, 2]]);
    });
  });

  it("load snapshots the state at its place in the queue", async () => {
    const { run } = hostWith({ sheets: { Sheet1: { A1: "old" } } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const before = ws.getRange("A1").load("values");
      ws.getRange("A1").values = [["new"]];
      const after = ws.getRange("A1").load("values");
      await ctx.sync();
      expect(before.values).toEqual([["old"]]);
      expect(after.values).toEqual([["new"]]);
    });
  });

  it("load accepts strings, arrays, { select } and nested objects, and a bare load() loads every scalar", async () => {
    const { run } = hostWith({ sheets: { Sheet1: { B2: 7 } } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("B2").load(["address", "values"]);
      const b = ws.getRange("B2").load({ select: "rowIndex, columnIndex" });
      const c = ws
        .getRange("B2")
        .load({ values: true, format: { fill: { color: true } } } as Excel.Interfaces.RangeLoadOptions);
      const d = ws.getRange("B2").load();
      const e = ws.getRange("B2").load("worksheet/name");
      await ctx.sync();
      expect([a.address, a.values]).toEqual(["Sheet1!B2", [[7]]]);
      expect([b.rowIndex, b.columnIndex]).toEqual([1, 1]);
      expect(c.values).toEqual([[7]]);
      expect([d.address, d.values, d.valueTypes, d.numberFormat, d.rowCount]).toEqual([
        "Sheet1!B2",
        [[7]],
        [["Double"]],
        [["General"]],
        1,
      ]);
      expect(e.worksheet.name).toBe("Sheet1");
    });
  });

  it("objects of a finished Excel.run cannot be synced again (InvalidObjectPath); proxies across contexts are refused", async () => {
    const { run } = hostWith();
    let kept: Excel.Range | undefined;
    let oldCtx: Excel.RequestContext | undefined;
    await run((ctx) => {
      kept = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      oldCtx = ctx;
    });
    kept!.values = [[1]];
    expect((await rejection(oldCtx!.sync())).code).toBe("InvalidObjectPath");
    await run((ctx) => {
      expect(thrown(() => ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").getIntersection(kept!)).code).toBe(
        "InvalidRequestContext",
      );
    });
  });

  it("an error thrown by the batch rejects Excel.run and drops what it had queued", async () => {
    const { host, run } = hostWith();
    const e = await rejection(
      run((ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        throw new Error("stop");
      }),
    );
    expect(e.message).toBe("stop");
    expect(host.values("Sheet1!A1")).toEqual([[""]]);
    expect(host.calls.find((c) => c.path === "range.values")?.status).toBe("dropped");
    expect(host.syncCount).toBe(0);
  });
});

describe("writing cells", () => {
  it("a 2-D array of the wrong shape fails the sync with InvalidArgument; earlier work of the batch stays, later is dropped", async () => {
    const { host, run } = hostWith();
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("A2:B2").values = [[1, 2, 3]];
        ws.getRange("A3").values = [["never"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.name).toBe("RichApi.Error");
    expect(e.debugInfo?.errorLocation).toBe("range.values");
    expect(host.values("Sheet1!A1:A3")).toEqual([["first"], [""], [""]]);
    expect(host.calls.filter((c) => c.path === "range.values").map((c) => c.status)).toEqual([
      "applied",
      "failed",
      "dropped",
    ]);
  });

  it("one scalar fills the range; null leaves a cell unchanged; the empty string clears it", async () => {
    const { host, run } = hostWith({ sheets: { Sheet1: { A1: 1, B1: 2, C1: 3 } } });
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2:C3").values = 0 as unknown as unknown[][];
      ws.getRange("A1:C1").values = [[null, "", 30]];
    });
    expect(host.values("Sheet1!A1:C3")).toEqual([
      [1, "", 30],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('typed-input parsing: "=…", "+…", "-…" become formulas, numeric text numbers, TRUE booleans, "\'…" text', async () => {
    const { host, run } = hostWith();
    await run((ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:H1").values = [
        ["=1+1", "+B1", "-B1", "12.5", "25%", "true", '\'=HYPERLINK("x")', "plain"],
      ];
    });
    expect(host.formulas("Sheet1!A1:F1")).toEqual([["=1+1", "=+B1", "=-B1", 12.5, 0.25, true]]);
    expect(host.cell("Sheet1!A1").formula).toBe("=1+1");
    expect(host.cell("Sheet1!G1")).toMatchObject({ value: '=HYPERLINK("x")', formula: null, quotePrefix: true });
    expect(host.cell("Sheet1!H1")).toMatchObject({ value: "plain", formula: null, quotePrefix: false });
  });

  it('a cell formatted as text ("@") keeps "=…" as text', async () => {
    const { host, run } = hostWith();
    await run((ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.numberFormat = [["@"]];
      r.values = [['=HYPERLINK("x")']];
    });
    expect(host.cell("Sheet1!A1")).toMatchObject({ value: '=HYPERLINK("x")', formula: null, numberFormat: "@" });
  });

  it("formulas get their value from the evaluator, else the value the formula last had in the cell, else a literal", async () => {
    const { host, run } = hostWith({ sheets: { Sheet1: { A1: { formula: "=SUM(B:B)", value: 42 } } } });
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[42]]; // frozen
      ws.getRange("A2:A3").formulas = [["=7"], ["=B1"]];
    });
    expect(host.cell("Sheet1!A1")).toMatchObject({ value: 42, formula: null });
    expect(host.values("Sheet1!A2:A3")).toEqual([[7], [""]]);
    await run((ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM(B:B)"]]; // restored
    });
    expect(host.cell("Sheet1!A1")).toMatchObject({ value: 42, formula: "=SUM(B:B)" });
    host.setEvaluator((f) => (f === "=B1" ? 99 : undefined));
    await run((ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").formulas = [["=B1"]];
    });
    expect(host.values("Sheet1!A3")).toEqual([[99]]);
  });

  it("clear(Contents) keeps number formats, clear() removes both", async () => {
    const { host, run } = hostWith({
      sheets: { Sheet1: { A1: { value: 1, numberFormat: "0.0" }, A2: { value: 2, numberFormat: "0.0" } } },
    });
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").clear("Contents");
      ws.getRange("A2").clear();
    });
    expect(host.cell("Sheet1!A1")).toMatchObject({ value: "", numberFormat: "0.0" });
    expect(host.cell("Sheet1!A2")).toMatchObject({ value: "", numberFormat: "General" });
  });

  it("copyFrom(range, Values) freezes formulas to their values", async () => {
    const { host, run } = hostWith({
      sheets: { Sheet1: { A1: { formula: "=CRM.NPS(C:C)", value: 14.3 }, A2: "text" } },
    });
    await run((ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      r.copyFrom(r, "Values");
    });
    expect(host.formulas("Sheet1!A1:A2")).toEqual([[14.3], ["text"]]);
    expect(host.cell("Sheet1!A1").formula).toBeNull();
  });
});

describe("ranges", () => {
  const scores = { Sheet1: { C1: "Score", C2: 10, C3: 9, C5: 0, C6: 7, C8: 3 } };

  it("values, valueTypes and the used range tell blanks from real zeros (the desktop blank-mask read)", async () => {
    const { run } = hostWith({ sheets: scores });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const range = ws.getRange("C2:C8");
      const used = range.getIntersectionOrNullObject(ws.getUsedRange(true));
      used.load("address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!C2:C8");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([1, 2, 7, 1]);
      expect(used.values.flat()).toEqual([10, 9, "", 0, 7, "", 3]);
      expect(used.valueTypes.flat()).toEqual(["Double", "Double", "Empty", "Double", "Double", "Empty", "Double"]);
    });
  });

  it("a whole column is C:C with 1,048,576 rows; its intersection with the used range is C1:C8", async () => {
    const { run } = hostWith({ sheets: scores });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const col = ws.getRange("C:C").load("address,rowCount,isEntireColumn");
      const used = col.getIntersectionOrNullObject(ws.getUsedRange(true)).load("address");
      const outside = ws.getRange("Z:Z").getIntersectionOrNullObject(ws.getUsedRange(true));
      await ctx.sync();
      expect([col.address, col.rowCount, col.isEntireColumn]).toEqual(["Sheet1!C:C", 1048576, true]);
      expect(used.address).toBe("Sheet1!C1:C8");
      expect(outside.isNullObject).toBe(true);
    });
  });

  it("the used range of an empty sheet is A1 (getUsedRange) or a null object (getUsedRangeOrNullObject)", async () => {
    const { run } = hostWith();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange().load("address");
      const none = ws.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("getUsedRange(valuesOnly) ignores cells that only carry a format; getUsedRange() includes them", async () => {
    const { run } = hostWith({ sheets: { Sheet1: { B2: 1, E9: { numberFormat: "0.0" } } } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const values = ws.getUsedRange(true).load("address");
      const all = ws.getUsedRange(false).load("address");
      await ctx.sync();
      expect(values.address).toBe("Sheet1!B2");
      expect(all.address).toBe("Sheet1!B2:E9");
    });
  });

  it("getCell, getOffsetRange, getResizedRange, getRow, getColumn, getLastCell, getBoundingRect give Excel's addresses", async () => {
    const { run } = hostWith();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("B2:D5");
      const got = [
        r.getCell(1, 2),
        r.getOffsetRange(1, -1),
        r.getResizedRange(2, -1),
        r.getRow(3),
        r.getColumn(0),
        r.getLastCell(),
        r.getEntireColumn(),
        r.getEntireRow(),
        r.getRowsAbove(),
        r.getColumnsAfter(2),
        r.getAbsoluteResizedRange(1, 1),
        r.getBoundingRect("F9"),
        ws.getRangeByIndexes(0, 0, 2, 3),
        ws.getCell(9, 1),
      ].map((x) => x.load("address"));
      await ctx.sync();
      expect(got.map((x) => x.address)).toEqual([
        "Sheet1!D3",
        "Sheet1!A3:C6",
        "Sheet1!B2:C7",
        "Sheet1!B5:D5",
        "Sheet1!B2:B5",
        "Sheet1!D5",
        "Sheet1!B:D",
        "Sheet1!2:5",
        "Sheet1!B1:D1",
        "Sheet1!E2:F5",
        "Sheet1!B2",
        "Sheet1!B2:F9",
        "Sheet1!A1:C2",
        "Sheet1!B10",
      ]);
    });
  });

  it("an offset outside the sheet fails at sync with InvalidArgument", async () => {
    const { run } = hostWith();
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("getSpecialCells(Formulas) and findAllOrNullObject('CRM.') return the formula cells as areas", async () => {
    const { run } = hostWith({
      sheets: {
        Sheet1: {
          A1: { formula: "=CRM.NPS(C:C)", value: 1 },
          A2: { formula: "=CRM.CSAT(D:D)", value: 2 },
          B1: { formula: "=SUM(A1:A2)", value: 3 },
          D4: { formula: "=crm.nps(C:C)", value: 1 },
          C1: 5,
        },
      },
    });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const formulas = ws.getUsedRange().getSpecialCells("Formulas").load("address,areaCount,cellCount");
      const crm = ws.findAllOrNullObject("CRM.", { completeMatch: false, matchCase: false }).load("address");
      const none = ws.findAllOrNullObject("XLOOKUP", { completeMatch: false, matchCase: false });
      await ctx.sync();
      expect(formulas.address).toBe("Sheet1!A1:B1,Sheet1!A2,Sheet1!D4");
      expect([formulas.areaCount, formulas.cellCount]).toEqual([3, 4]);
      expect(crm.address).toBe("Sheet1!A1:A2,Sheet1!D4");
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe("spills", () => {
  const spilling = { Sheet1: { B2: { formula: "=CRM.NPS.COUNTS(A:A)", value: [[3, 2, 2, 7]] }, A1: 1 } };

  it("a formula with a 2-D value spills; ghost cells read back their values; the anchor tells its spill range", async () => {
    const { host, run } = hostWith({ sheets: spilling });
    expect(host.values("Sheet1!B2:E2")).toEqual([[3, 2, 2, 7]]);
    expect(host.formulas("Sheet1!B2:E2")).toEqual([["=CRM.NPS.COUNTS(A:A)", 2, 2, 7]]);
    expect(host.cell("Sheet1!D2").spilledFrom).toBe("Sheet1!B2");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const to = ws.getRange("B2").getSpillingToRangeOrNullObject().load("address");
      const notAnchor = ws.getRange("D2").getSpillingToRangeOrNullObject();
      const parent = ws.getRange("D2").getSpillParentOrNullObject().load("address");
      const plain = ws.getRange("A1").getSpillParentOrNullObject();
      const has = ws.getRange("B2:E2").load("hasSpill");
      await ctx.sync();
      expect(to.address).toBe("Sheet1!B2:E2");
      expect(notAnchor.isNullObject).toBe(true);
      expect(parent.address).toBe("Sheet1!B2");
      expect(plain.isNullObject).toBe(true);
      expect(has.hasSpill).toBe(true);
    });
  });

  it("typing into a spilled cell blocks the anchor (#SPILL!); clearing it spills again", () => {
    const { host } = hostWith({ sheets: spilling });
    host.setCell("Sheet1!D2", "typed");
    expect(host.values("Sheet1!B2:E2")).toEqual([["#SPILL!", "", "typed", ""]]);
    host.setCell("Sheet1!D2", null);
    expect(host.values("Sheet1!B2:E2")).toEqual([[3, 2, 2, 7]]);
  });

  it("freeze (values over the whole spill) then restore (clear, put the formula back) re-spills the remembered result", async () => {
    const { host, run } = hostWith({ sheets: spilling });
    const before = host.snapshot();
    await run((ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:E2");
      r.values = [[3, 2, 2, 7]];
    });
    expect(host.cell("Sheet1!B2").formula).toBeNull();
    expect(host.cell("Sheet1!D2").spilledFrom).toBeNull();
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C2:E2").clear("Contents");
      ws.getRange("B2").formulas = [["=CRM.NPS.COUNTS(A:A)"]];
    });
    expect(host.snapshot()).toEqual(before);
  });
});

describe("worksheets", () => {
  it("add, getItem (case-insensitive), items, position, activate, delete", async () => {
    const { host, run } = hostWith({ sheets: { Data: {} } });
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add("CRM Scorecard");
      added.getRange("A1").values = [["title"]];
      added.load("name,position,id");
      const same = sheets.getItem("crm scorecard").load("name");
      sheets.load("items/name");
      await ctx.sync();
      expect([added.name, added.position, same.name]).toEqual(["CRM Scorecard", 1, "CRM Scorecard"]);
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "CRM Scorecard"]);
      added.activate();
      const active = sheets.getActiveWorksheet().load("name");
      await ctx.sync();
      expect(active.name).toBe("CRM Scorecard");
      added.delete();
      const count = sheets.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
    expect(host.sheetNames()).toEqual(["Data"]);
    expect(host.activeSheetName()).toBe("Data");
  });

  it("a duplicate sheet name is ItemAlreadyExists, a bad one InvalidArgument, a missing one ItemNotFound", async () => {
    const { run } = hostWith({ sheets: { Data: {} } });
    const tryRun = (f: (ctx: Excel.RequestContext) => void) =>
      rejection(
        run(async (ctx) => {
          f(ctx);
          await ctx.sync();
        }),
      );
    expect((await tryRun((ctx) => ctx.workbook.worksheets.add("DATA"))).code).toBe("ItemAlreadyExists");
    expect((await tryRun((ctx) => ctx.workbook.worksheets.add("a/b"))).code).toBe("InvalidArgument");
    expect((await tryRun((ctx) => ctx.workbook.worksheets.add("x".repeat(32)))).code).toBe("InvalidArgument");
    expect((await tryRun((ctx) => ctx.workbook.worksheets.getItem("Nope").load("name"))).code).toBe("ItemNotFound");
    expect((await tryRun((ctx) => ctx.workbook.worksheets.getItem("Data").delete())).code).toBe("InvalidOperation");
  });

  it("add() without a name picks the next free SheetN", async () => {
    const { host, run } = hostWith({ sheets: { Sheet1: {}, Sheet2: {} } });
    await run((ctx) => {
      ctx.workbook.worksheets.add();
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
  });
});

describe("selection, names, settings, custom XML parts", () => {
  it("getSelectedRange gives the single area; getSelectedRanges gives every area; two areas refuse getSelectedRange", async () => {
    const { run } = hostWith({ sheets: { Sheet1: { A1: "KPI" } }, selection: ["Sheet1!A1:A5", "Sheet1!C1:C5"] });
    await run(async (ctx) => {
      const areas = ctx.workbook.getSelectedRanges().load("address,areaCount");
      areas.areas.load("items/address,items/values");
      await ctx.sync();
      expect(areas.address).toBe("Sheet1!A1:A5,Sheet1!C1:C5");
      expect(areas.areaCount).toBe(2);
      expect(areas.areas.items.map((r) => r.address)).toEqual(["Sheet1!A1:A5", "Sheet1!C1:C5"]);
      expect(areas.areas.items[0]!.values[0]).toEqual(["KPI"]);
      ctx.workbook.getSelectedRange().load("address");
      expect((await rejection(ctx.sync())).code).toBe("InvalidSelection");
    });
    const single = hostWith({ selection: "Sheet1!B2:C3" });
    await single.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(r.address).toBe("Sheet1!B2:C3");
    });
  });

  it("names: a range name stores an absolute reference and resolves back; a cell-like name is refused", async () => {
    const { host, run } = hostWith({ sheets: { "Q1 data": { B2: 81.5 } } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Q1 data");
      ctx.workbook.names.add("CRM_Score_1", ws.getRange("B2"), "overall score");
      const n = ctx.workbook.names.getItemOrNullObject("crm_score_1").load("name,formula,type,value");
      const r = ctx.workbook.names.getItem("CRM_Score_1").getRange().load("values");
      const missing = ctx.workbook.names.getItemOrNullObject("Other");
      await ctx.sync();
      expect([n.name, n.formula, n.type, n.value]).toEqual([
        "CRM_Score_1",
        "='Q1 data'!$B$2",
        "Range",
        "'Q1 data'!$B$2",
      ]);
      expect(r.values).toEqual([[81.5]]);
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.names.add("B2", "=1");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
    expect(host.snapshot().names).toEqual([
      { name: "CRM_Score_1", formula: "='Q1 data'!$B$2", comment: "overall score", visible: true, scope: null },
    ]);
  });

  it("workbook settings and Office.context.document.settings share one store; values are copies", async () => {
    const { host, run } = hostWith({ settings: { existing: { v: 1 } } });
    const stored = { sources: ["Sheet1!A1:G20"] };
    await run(async (ctx) => {
      ctx.workbook.settings.add("crm.scorecard.1", stored);
      const got = ctx.workbook.settings.getItem("existing").load("value");
      const none = ctx.workbook.settings.getItemOrNullObject("nope");
      await ctx.sync();
      expect(got.value).toEqual({ v: 1 });
      expect(none.isNullObject).toBe(true);
    });
    stored.sources.push("changed later");
    expect(host.Office.context.document.settings.get("crm.scorecard.1")).toEqual({ sources: ["Sheet1!A1:G20"] });
    host.Office.context.document.settings.set("other", 2);
    expect(host.snapshot().settings).toEqual({
      existing: { v: 1 },
      "crm.scorecard.1": { sources: ["Sheet1!A1:G20"] },
      other: 2,
    });
  });

  it("custom XML parts: add, getByNamespace, getXml, setXml, delete", async () => {
    const ns = "urn:crm-metrics:sharing";
    const { host, run } = hostWith({ customXmlParts: ["<other xmlns='urn:other'/>"] });
    await run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add(`<?xml version="1.0"?><r:record xmlns:r="${ns}"><cell/></r:record>`);
      part.load("id,namespaceUri");
      await ctx.sync();
      expect(part.namespaceUri).toBe(ns);
      const scoped = ctx.workbook.customXmlParts.getByNamespace(ns);
      const count = scoped.getCount();
      scoped.load("items");
      const xml = ctx.workbook.customXmlParts.getItem(part.id).getXml();
      await ctx.sync();
      expect(count.value).toBe(1);
      expect(scoped.items.map((p) => p.id)).toEqual([part.id]);
      expect(xml.value).toContain("<cell/>");
      part.setXml(`<record xmlns="${ns}"><cell a="1"/></record>`);
      const only = ctx.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      const again = only.getXml();
      await ctx.sync();
      expect(again.value).toContain('a="1"');
      only.delete();
      const gone = ctx.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      await ctx.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(host.snapshot().customXmlParts.map((p) => p.namespaceUri)).toEqual(["urn:other"]);
  });
});

describe("sync counting and the call log", () => {
  it("counts explicit syncs, and Excel.run's final sync only when something is still queued", async () => {
    const { host, run } = hostWith();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
    });
    expect(host.syncCount).toBe(1);
    await run((ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    expect(host.syncCount).toBe(2);
    expect(host.calls.filter((c) => c.kind === "sync").map((c) => [c.batch, c.ops, c.implicit])).toEqual([
      [1, 3, false],
      [2, 3, true],
    ]);
  });

  it("records every call with its path, arguments, sheet, address, write flag and batch", async () => {
    const { host, run } = hostWith({ sheets: { Data: { A1: 1 } } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Out");
      const r = ws.getRange("A1:B1");
      r.values = [["a", "b"]];
      r.format.fill.color = "#00786F";
      r.format.autofitColumns();
      ws.freezePanes.freezeRows(1);
      ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await ctx.sync();
    });
    const calls = host.calls.map(({ path, kind, args, sheet, address, write, batch }) => ({
      path,
      kind,
      args,
      sheet,
      address,
      write,
      batch,
    }));
    expect(calls).toEqual([
      { path: "Excel.run", kind: "run", args: [], sheet: undefined, address: undefined, write: undefined, batch: 1 },
      { path: "worksheets.add", kind: "call", args: ["Out"], sheet: "Out", address: undefined, write: true, batch: 1 },
      {
        path: "worksheet.getRange",
        kind: "call",
        args: ["A1:B1"],
        sheet: "Out",
        address: undefined,
        write: false,
        batch: 1,
      },
      {
        path: "range.values",
        kind: "set",
        args: [[["a", "b"]]],
        sheet: "Out",
        address: "A1:B1",
        write: true,
        batch: 1,
      },
      {
        path: "range.format.fill.color",
        kind: "set",
        args: ["#00786F"],
        sheet: "Out",
        address: "A1:B1",
        write: true,
        batch: 1,
      },
      {
        path: "range.format.autofitColumns",
        kind: "call",
        args: [],
        sheet: "Out",
        address: "A1:B1",
        write: true,
        batch: 1,
      },
      {
        path: "worksheet.freezePanes.freezeRows",
        kind: "call",
        args: [1],
        sheet: "Out",
        address: undefined,
        write: true,
        batch: 1,
      },
      {
        path: "worksheets.getItem",
        kind: "call",
        args: ["Data"],
        sheet: undefined,
        address: undefined,
        write: false,
        batch: 1,
      },
      {
        path: "worksheet.getRange",
        kind: "call",
        args: ["A1"],
        sheet: "Data",
        address: undefined,
        write: false,
        batch: 1,
      },
      { path: "range.load", kind: "load", args: ["values"], sheet: "Data", address: "A1", write: false, batch: 1 },
      {
        path: "context.sync",
        kind: "sync",
        args: [],
        sheet: undefined,
        address: undefined,
        write: undefined,
        batch: 1,
      },
    ]);
    // "no write to any other sheet": every write names the new sheet
    expect(host.calls.filter((c) => c.write).every((c) => c.sheet === "Out")).toBe(true);
    expect(JSON.parse(JSON.stringify(host.log()))).toEqual(host.log());
  });

  it("proxies in arguments are logged by what they point at; big arrays are summarised", async () => {
    const { host, run } = hostWith({ maxRecordedArgCells: 4 });
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add("Total", ws.getRange("B2"));
      ws.getRange("A1:A5").values = [[1], [2], [3], [4], [5]];
    });
    expect(host.calls.find((c) => c.path === "names.add")?.args).toEqual([
      "Total",
      { $object: "range", sheet: "Sheet1", address: "B2" },
    ]);
    expect(host.calls.find((c) => c.path === "range.values")?.args).toEqual([{ $array: [5, 1] }]);
  });

  it("the generic proxy accepts any unimplemented chain, is not thenable, and changes nothing", async () => {
    const { host, run } = hostWith();
    const before = host.snapshot();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Auto");
      chart.title.text = "Scores";
      chart.setPosition("D2", "J15");
      const cf = ws.getRange("B2:B9").conditionalFormats.add("DataBar");
      expect(await Promise.resolve(cf)).toBe(cf); // awaiting a proxy does not hang
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      await ctx.sync();
    });
    expect(host.calls.map((c) => c.path)).toContain("worksheet.charts.add().title.text");
    expect(host.calls.find((c) => c.path === "worksheet.charts.add")?.args).toEqual([
      "ColumnClustered",
      { $object: "range", sheet: "Sheet1", address: "A1:B3" },
      "Auto",
    ]);
    expect(host.snapshot()).toEqual(before);
  });

  it("enumerations answer like Office.js: Excel.ChartType.columnClustered is ColumnClustered", () => {
    const { host } = hostWith();
    expect(host.Excel.ChartType.columnClustered).toBe("ColumnClustered");
    expect(host.Excel.ConditionalFormatType.dataBar).toBe("DataBar");
    expect(host.Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
  });
});

describe("fault injection", () => {
  it("{ sync: 2 } rejects the second sync before it applies anything; the first stays applied", async () => {
    const { host, run } = hostWith({ faults: [{ sync: 2, code: "GeneralException", message: "network" }] });
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[1]];
        await ctx.sync();
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      }),
    );
    expect([e.code, e.message]).toEqual(["GeneralException", "network"]);
    expect(host.values("Sheet1!A1:A2")).toEqual([[1], [""]]);
    expect(host.syncCount).toBe(2);
    expect(host.faults[0]!.fired).toBe(true);
  });

  it("{ path, nth, sheet } fails that operation: earlier work of its batch stays, the rest is dropped; it fires once", async () => {
    const { host, run } = hostWith({
      sheets: { A: {}, B: {} },
      faults: [{ path: "range.values", sheet: "B", nth: 2 }],
    });
    const write = () =>
      run((ctx) => {
        const a = ctx.workbook.worksheets.getItem("A");
        const b = ctx.workbook.worksheets.getItem("B");
        a.getRange("A1").values = [["a1"]];
        b.getRange("A1").values = [["b1"]];
        b.getRange("A2").values = [["b2"]];
        a.getRange("A2").values = [["a2"]];
      });
    const e = await rejection(write());
    expect(e.code).toBe("GeneralException");
    expect(e.debugInfo?.errorLocation).toBe("range.values");
    expect([host.values("A!A1:A2"), host.values("B!A1:A2")]).toEqual([
      [["a1"], [""]],
      [["b1"], [""]],
    ]);
    await write(); // the fault has fired: the same batch now succeeds
    expect(host.values("B!A1:A2")).toEqual([["b1"], ["b2"]]);
  });

  it("prefix paths, pathPattern and inject() target generic calls too", async () => {
    const { host, run } = hostWith({ faults: [{ path: "range.format.*" }] });
    expect(
      (
        await rejection(
          run((ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "red")),
        )
      ).code,
    ).toBe("GeneralException");
    host.inject({ pathPattern: "^worksheets\\.add$", code: "AccessDenied" });
    expect((await rejection(run((ctx) => void ctx.workbook.worksheets.add("X")))).code).toBe("AccessDenied");
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  it("holdSyncs keeps syncs pending until releaseSyncs", async () => {
    const { host, run } = hostWith();
    host.holdSyncs();
    let done = false;
    const p = run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(host.values("Sheet1!A1")).toEqual([[""]]);
    host.releaseSyncs();
    await p;
    expect(done).toBe(true);
  });
});

describe("maxPayloadBytes (Excel on the web's payload limit)", () => {
  it("a request over the limit rejects before anything of its batch applies", async () => {
    const { host, run } = hostWith({ maxPayloadBytes: 2_000 });
    const big = [Array.from({ length: 400 }, (_, i) => i)]; // ~1.5 kB of numbers: under the limit
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:OJ1").values = big;
      await ctx.sync();
    });
    expect(host.values("Sheet1!A1:B1")).toEqual([[0, 1]]);
    const e = await rejection(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A2").values = [[1]];
        ws.getRange("A3:OJ3").values = big;
        ws.getRange("A4:OJ4").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.values("Sheet1!A2:A4")).toEqual([[""], [""], [""]]); // not even the first write
  });

  it("a response over the limit rejects the sync; a smaller read of the same cells passes", async () => {
    const { host, run } = hostWith({ maxPayloadBytes: 3_000, sheets: { S: {} } });
    host.setValues(
      "S!A1:A400",
      Array.from({ length: 400 }, (_, i) => [`row ${i}`]),
    );
    const e = await rejection(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A400").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    const got = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A100");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(got[99]).toEqual(["row 99"]);
  });

  it("getXml results count in the response; without the option nothing is limited", async () => {
    const xml = `<r xmlns="urn:t">${"x".repeat(5_000)}</r>`;
    const limited = hostWith({ maxPayloadBytes: 4_000, customXmlParts: [xml] });
    const e = await rejection(
      limited.run(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace("urn:t");
        parts.load("items/id");
        await ctx.sync();
        const x = parts.items[0]!.getXml();
        await ctx.sync();
        return x.value;
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    const free = hostWith({ customXmlParts: [xml] });
    const got = await free.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace("urn:t");
      parts.load("items/id");
      await ctx.sync();
      const x = parts.items[0]!.getXml();
      await ctx.sync();
      return x.value;
    });
    expect(got).toBe(xml);
  });
});

describe("Office, CustomFunctions and the globals", () => {
  const saved = { Office: globalThis.Office, Excel: globalThis.Excel, CustomFunctions: globalThis.CustomFunctions };
  afterEach(() => {
    expect(globalThis.CustomFunctions).toBe(saved.CustomFunctions);
  });

  it("install() puts the host's globals in place and uninstall() restores the previous ones", () => {
    const { host } = hostWith({ platform: "PC", displayLanguage: "zh-CN" });
    host.install();
    expect(globalThis.Excel).toBe(host.Excel);
    expect(Office.context.displayLanguage).toBe("zh-CN");
    expect(Office.context.platform).toBe("PC");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    host.uninstall();
    expect(globalThis.Office).toBe(saved.Office);
    expect(globalThis.Excel).toBe(saved.Excel);
  });

  it("Office.onReady resolves with the host and platform; isSetSupported follows config.requirements", async () => {
    const { host } = hostWith({ platform: "OfficeOnline", requirements: { ExcelApi: "1.9" } });
    expect(await host.Office.onReady()).toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(false);
    expect(host.Office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(false);
  });

  it("associate + invoke: arguments padded with null per metadata, invocation appended last, errors settled", async () => {
    const { host } = hostWith();
    host.CustomFunctions.associate("ECHO", (...args: unknown[]) => args);
    host.CustomFunctions.associate("FAIL", () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel expects a CustomFunctions.Error
      throw new host.CustomFunctions.Error("#NUM!" as CustomFunctions.ErrorCode, "too big");
    });
    host.setMetadata({ functions: [{ id: "ECHO", parameters: [{}, {}, {}] }] });
    const echoed = (await host.invoke("echo", [1], { parameterAddresses: ["Sheet1!A1"] })) as unknown[];
    expect(echoed.slice(0, 3)).toEqual([1, null, null]);
    expect(echoed[3]).toMatchObject({ functionName: "ECHO", parameterAddresses: ["Sheet1!A1"] });
    expect(await host.invokeSettled("FAIL", [])).toEqual({
      ok: false,
      error: { name: "CustomFunctions.Error", code: "#NUM!", message: "too big" },
    });
    expect(host.calls.filter((c) => c.kind === "associate").map((c) => c.args[0])).toEqual(["ECHO", "FAIL"]);
  });

  it("argumentValues passes blanks as 0 on PC and as null on the web", () => {
    const sheets = { Sheet1: { A1: 1, A3: 0 } };
    expect(hostWith({ platform: "PC", sheets }).host.argumentValues("Sheet1!A1:A3")).toEqual([[1], [0], [0]]);
    expect(hostWith({ platform: "OfficeOnline", sheets }).host.argumentValues("Sheet1!A1:A3")).toEqual([
      [1],
      [null],
      [0],
    ]);
  });

  it("setCell is a user's edit: the workbook changes, the log does not", () => {
    const { host } = hostWith();
    host.setCell("Sheet1!B2", "=SUM(A:A)");
    host.setValues("Sheet1!C1:C2", [[1], ["x"]]);
    expect(host.cell("Sheet1!B2").formula).toBe("=SUM(A:A)");
    expect(host.values("Sheet1!C1:C2")).toEqual([[1], ["x"]]);
    expect(host.calls).toEqual([]);
  });
});
