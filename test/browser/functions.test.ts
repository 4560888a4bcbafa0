/**
 * The production functions bundle in Chromium, with the fake Excel host: it associates exactly the ids of
 * functions.json, the associated functions answer, and on Excel desktop (blanks passed as 0) the score
 * functions read the range's value types in one sync — and only when the range holds zeros.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { browserSessionPerFile, invokeFunction, skipBrowserLayer, type HostPage } from "../support/browser";
import { functionsJson } from "../support/dist";
import type { FakeHostConfig } from "../support/fakeExcel";

const session = browserSessionPerFile();
/** The add-in's shared-runtime page (taskpane.html loads functions.js, as the manifest's runtime does), on the web. */
let web: HostPage;
/** The same page on Excel desktop ("PC"), with a scores column on two sheets. */
let desktop: HostPage;
/** What the web page's fake host recorded while the page loaded. */
let loadLog: Awaited<ReturnType<HostPage["log"]>>;

// C2:C8 holds 10, 9, blank, 0, 7, blank, 3: the real scores are 10, 9, 0, 7, 3 —
// promoters 2 (10, 9), passives 1 (7), detractors 2 (0, 3), responses 5 → NPS 100·(2 − 2)/5 = 0.
const scores = { C1: "Score", C2: 10, C3: 9, C5: 0, C6: 7, C8: 3 };
const desktopConfig: FakeHostConfig = { platform: "PC", sheets: { Sheet1: scores, "Q1 data": scores } };

beforeAll(async () => {
  if (skipBrowserLayer) return;
  web = await session.open("taskpane.html", {});
  loadLog = await web.log();
  desktop = await session.open("taskpane.html", desktopConfig);
});
beforeEach(async () => {
  if (skipBrowserLayer) return;
  await web.clearLog();
  await desktop.clearLog();
});

const column = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

describe.skipIf(skipBrowserLayer)("functions bundle in Chromium", () => {
  it("associates exactly the ids listed in dist/functions.json, each once", async () => {
    const expected = functionsJson().functions.map((f) => f.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(expected).size).toBe(expected.length);

    const p = web;
    const associated = await p.page.evaluate(() => Object.keys(globalThis.__fakeHost!.associated));
    const associateCalls = loadLog.calls.filter((c) => c.path === "CustomFunctions.associate").map((c) => c.args[0]);

    expect([...associated].sort()).toEqual([...expected].sort());
    expect([...associateCalls].sort()).toEqual([...expected].sort());
    expect(
      await p.page.evaluate(() =>
        Object.values(globalThis.__fakeHost!.associated).every((f) => typeof f === "function"),
      ),
    ).toBe(true);
  });

  it("the page loads with no error and asks the network for nothing but office.js (answered locally)", () => {
    expect(web.errors).toEqual([]);
    expect(desktop.errors).toEqual([]);
    expect([...web.blocked, ...desktop.blocked]).toEqual([]);
  });

  it("CRM.NPS answers through the associated function: 10,9,8,7,6,3,10 → 100·(3 − 2)/7, no Excel call", async () => {
    const p = web;
    const r = await invokeFunction(p, "NPS", [column(10, 9, 8, 7, 6, 3, 10)], { parameterAddresses: ["Sheet1!C2:C8"] });
    // 3 promoters (10, 9, 10), 2 passives (8, 7), 2 detractors (6, 3): 100·(3 − 2)/7 = 14.2857…
    expect(r.ok).toBe(true);
    const value = (r as { value: number[][] }).value;
    expect(value).toHaveLength(1);
    expect(value[0]).toHaveLength(1);
    expect(value[0]![0]).toBeCloseTo((100 * (3 - 2)) / 7, 12);
    expect((await p.log()).syncCount).toBe(0);
  });

  it("CRM.NPS.COUNTS spills one row: promoters, passives, detractors, responses = 3, 2, 2, 7", async () => {
    const p = web;
    const r = await invokeFunction(p, "NPS.COUNTS", [column(10, 9, 8, 7, 6, 3, 10)], {
      parameterAddresses: ["Sheet1!C2:C8"],
    });
    expect(r).toEqual({ ok: true, value: [[3, 2, 2, 7]] });
  });

  it('text "n/a" among the scores rejects with CustomFunctions.Error #VALUE! naming row 3', async () => {
    const p = web;
    const r = await invokeFunction(p, "NPS", [column(10, 9, "n/a", 3)], { parameterAddresses: ["Sheet1!C2:C5"] });
    expect(r.ok).toBe(false);
    const error = (r as { error: { name: string; code: string; message: string } }).error;
    expect(error.name).toBe("CustomFunctions.Error");
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/\brow 3\b/);
    expect(error.message).toContain('"n/a"');
  });
});

describe.skipIf(skipBrowserLayer)("blank-safety on Excel desktop (blanks arrive as 0)", () => {
  it("the fake passes C2:C8 as Excel desktop does: blanks as 0", async () => {
    const p = desktop;
    const values = await p.page.evaluate(() => globalThis.__fakeHost!.argumentValues("Sheet1!C2:C8"));
    expect(values).toEqual(column(10, 9, 0, 0, 7, 0, 3));
  });

  it("NPS of 10, 9, blank, 0, 7, blank, 3 passed with blanks as 0 is 0 (blanks skipped, the real 0 kept), in one sync", async () => {
    const p = desktop;
    const r = await invokeFunction(p, "NPS", [column(10, 9, 0, 0, 7, 0, 3)], { parameterAddresses: ["Sheet1!C2:C8"] });
    expect(r).toEqual({ ok: true, value: [[0]] });

    const { calls, syncCount } = await p.log();
    expect(syncCount).toBe(1);
    const excel = calls.filter(
      (c) => c.kind !== "associate" && !c.path.startsWith("Office.") && !c.path.startsWith("CustomFunctions."),
    );
    expect(excel.find((c) => c.path === "worksheets.getItem")?.args).toEqual(["Sheet1"]);
    expect(excel.find((c) => c.path === "worksheet.getRange")?.args).toEqual(["C2:C8"]);
    expect(excel.filter((c) => c.write)).toEqual([]);
    expect(excel.filter((c) => c.status && c.status !== "applied")).toEqual([]);
  });

  it("NPS.COUNTS of the same range is 2 promoters, 1 passive, 2 detractors, 5 responses, in one sync", async () => {
    const p = desktop;
    const r = await invokeFunction(p, "NPS.COUNTS", [column(10, 9, 0, 0, 7, 0, 3)], {
      parameterAddresses: ["Sheet1!C2:C8"],
    });
    expect(r).toEqual({ ok: true, value: [[2, 1, 2, 5]] });
    expect((await p.log()).syncCount).toBe(1);
  });

  it("a quoted sheet name ('Q1 data'!C2:C8) is read from the right sheet", async () => {
    const p = desktop;
    const r = await invokeFunction(p, "NPS.COUNTS", [column(10, 9, 0, 0, 7, 0, 3)], {
      parameterAddresses: ["'Q1 data'!C2:C8"],
    });
    expect(r).toEqual({ ok: true, value: [[2, 1, 2, 5]] });
    const { calls, syncCount } = await p.log();
    expect(syncCount).toBe(1);
    expect(calls.find((c) => c.path === "worksheets.getItem")?.args).toEqual(["Q1 data"]);
  });

  it("a range without zeros costs no sync: 10, 9, 8 → NPS 100·(2 − 0)/3", async () => {
    const p = desktop;
    const r = await invokeFunction(p, "NPS", [column(10, 9, 8)], { parameterAddresses: ["Sheet1!C2:C4"] });
    expect(r.ok).toBe(true);
    expect((r as { value: number[][] }).value[0]![0]).toBeCloseTo(200 / 3, 12);
    const { calls, syncCount } = await p.log();
    expect(syncCount).toBe(0);
    expect(calls.filter((c) => c.path === "Excel.run")).toEqual([]);
  });
});
