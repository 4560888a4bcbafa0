/**
 * The customer-analysis section in the production task pane (dist/), in Chromium, with the fake Office host:
 * select a transaction log, see its columns and problems, build the live analysis sheet (one new sheet, nothing
 * written elsewhere, at most 3 syncs — also on the CDNOW master log, 69,659 transactions), an injected write
 * failure that removes the half-built sheet, a co-author's sheet of the same name that survives, bad input named
 * by cell and column, the log where nobody bought twice, the KPI table for the scorecard, and axe-core on every
 * state in English and Chinese. Expected counts are the fixtures' own (worked by hand; CDNOW's from its README).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { excelSerial } from "../../src/core/values/dates";
import { axeViolations, describeViolations } from "../support/axe";
import { OFFICE_THEMES, officeThemeSetup } from "../support/officeThemes";
import {
  browserSessionPerFile,
  clickWhileColleagueAddsSheet,
  openTaskpane,
  skipBrowserLayer,
  type HostPage,
} from "../support/browser";
import type { FakeCall, FakeHostConfig, FakeWorkbookSnapshot } from "../support/fakeExcel";

const session = browserSessionPerFile({ viewport: { width: 400, height: 1200 } });

/**
 * Seven transactions of four customers (a: 3 days, b: 2, c: 1, d: 1) in Q1 2024, with categories. Serials:
 * 2024-01-01 is 45292.
 */
const SMALL: unknown[][] = [
  ["Customer", "Date", "Amount", "Category"],
  ["a", 45296, 10, "Books"],
  ["a", 45332, 20, "Music"],
  ["b", 45311, 15, "Books"],
  ["c", 45352, 30, "Music"],
  ["a", 45366, 25, "Books"],
  ["b", 45371, 5, "Books"],
  ["d", 45376, 40, "Music"],
];

function workbook(rows: unknown[][], extra: FakeHostConfig = {}): FakeHostConfig {
  const width = String.fromCharCode(64 + (rows[0]?.length ?? 1));
  const range = `A1:${width}${rows.length}`;
  return {
    displayLanguage: "en-US",
    sheets: { Log: { [range]: rows }, Notes: { A1: "keep me", B2: 42 } },
    selection: `Log!${range}`,
    ...extra,
  };
}

async function openPane(config: FakeHostConfig, dark = false): Promise<HostPage> {
  const p = await openTaskpane(session, config, dark ? { setup: officeThemeSetup(OFFICE_THEMES.black) } : {});
  await p.page.waitForSelector("#analysis-root #an-use", { state: "attached", timeout: 10_000 });
  return p;
}

const notBusy = (p: HostPage, timeout = 60_000): Promise<unknown> =>
  p.page.waitForFunction(
    () => document.querySelector<HTMLElement>("#analysis-root")?.dataset.state !== "busy",
    undefined,
    { timeout },
  );

async function useSelection(p: HostPage): Promise<void> {
  await p.page.click("#an-use");
  await p.page.waitForSelector("#an-column-customer", { timeout: 60_000 });
  await notBusy(p);
}

/** Presses Build and waits for its outcome ("built", "error"); "problems" when the log had problems at build. */
async function build(p: HostPage, timeout = 120_000): Promise<string> {
  await p.page.click("#an-build");
  await p.page.waitForFunction(
    () => {
      const root = document.querySelector<HTMLElement>("#analysis-root");
      return root?.dataset.state !== "busy" && root?.dataset.state !== "idle";
    },
    undefined,
    { timeout },
  );
  return p.page.evaluate(() => document.querySelector<HTMLElement>("#analysis-root")!.dataset.state!);
}

const resultText = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => document.querySelector("#analysis-root .an-result p")?.textContent ?? "");
const problems = (p: HostPage): Promise<string[]> =>
  p.page.evaluate(() =>
    Array.from(document.querySelectorAll("#analysis-root .an-problems ul.problems li")).map(
      (li) => li.textContent ?? "",
    ),
  );
const notes = (p: HostPage): Promise<string[]> =>
  p.page.evaluate(() =>
    Array.from(document.querySelectorAll("#analysis-root .an-notes li")).map((li) => li.textContent ?? ""),
  );
const snapshot = (p: HostPage): Promise<FakeWorkbookSnapshot> =>
  p.page.evaluate(() => globalThis.__fakeHost!.snapshot());
const cell = (p: HostPage, address: string) => p.page.evaluate((a) => globalThis.__fakeHost!.cell(a), address);
const violations = async (p: HostPage): Promise<string[]> => describeViolations(await axeViolations(p.page));

/** Writes that are not on `sheets`. */
function writesElsewhere(calls: FakeCall[], sheets: readonly string[]): string[] {
  return calls.filter((c) => c.write && !sheets.includes(c.sheet ?? "")).map((c) => `${c.path} on ${c.sheet ?? "?"}`);
}

describe.skipIf(skipBrowserLayer)("the customer-analysis section in Chromium", () => {
  it("select, build: one new sheet of live CRM formulas, nothing written elsewhere, ≤ 3 syncs; then the KPI table", async () => {
    const p = await openPane(workbook(SMALL));
    await useSelection(p);
    expect(await p.page.textContent("#analysis-root .an-problems h3")).toBe("No problems found.");
    const labels = await p.page.$$eval("#analysis-root .sc-mapping-grid label", (ls) => ls.map((l) => l.textContent));
    expect(labels).toEqual(["customer (required)", "date (required)", "amount (required)", "category"]);
    expect(await p.page.inputValue("#an-column-category")).toBe("3");
    expect(await p.page.getAttribute("#an-asof", "placeholder")).toBe("2024-03-25"); // the last date of the log
    const before = await snapshot(p);
    await p.clearLog();
    expect(await build(p)).toBe("built");
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect(log.calls.filter((c) => c.path === "worksheets.add").map((c) => c.args)).toEqual([["Customer analysis"]]);
    expect(writesElsewhere(log.calls, ["Customer analysis"])).toEqual([]);
    const after = await snapshot(p);
    expect(after.sheets.map((s) => s.name)).toEqual(["Log", "Notes", "Customer analysis"]);
    expect(after.sheets.filter((s) => s.name !== "Customer analysis")).toEqual(before.sheets);
    expect(await resultText(p)).toMatch(
      /^Built "Customer analysis": 4 customers from 7 transactions \(\d syncs, [\d.]+ s\)\.$/,
    );
    // the live formulas: marketing RFM over the log's columns, in English, as of B2 (the last date)
    const formulas = Object.values(after.sheets[2]!.cells).map((c) => c.formula ?? "");
    expect(formulas).toContain(`=CRM.RFM('Log'!$A$2:$A$8,'Log'!$B$2:$B$8,'Log'!$C$2:$C$8,$B$2,$B$3,"marketing","en")`);
    expect(formulas.some((f) => f.startsWith("=CRM.CROSSSELL("))).toBe(true);
    expect(await cell(p, "'Customer analysis'!B2")).toMatchObject({ value: 45376 });
    expect(log.calls.some((c) => c.path.startsWith("charts.add") || c.path.includes("charts.add"))).toBe(true);
    expect(log.calls.some((c) => c.path.includes("conditionalFormats.add"))).toBe(true);

    await p.clearLog();
    await p.page.click("#an-kpi");
    await p.page.waitForSelector("#analysis-root .an-kpi-result[data-outcome]");
    expect(await p.page.getAttribute("#analysis-root .an-kpi-result", "data-outcome")).toBe("built");
    const kpiLog = await p.log();
    expect(kpiLog.syncCount).toBeLessThanOrEqual(3);
    expect(writesElsewhere(kpiLog.calls, ["KPI table"])).toEqual([]);
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.values("'KPI table'!A1:F2"))).toEqual([
      ["Metric", "Perspective", "Actual", "Target", "Weight", "Direction"],
      ["Customers", "Customer", "", "", 1, "higher"],
    ]);
    expect(await cell(p, "'KPI table'!C2")).toMatchObject({ formula: "='Customer analysis'!$B$7" });
    expect(await p.page.textContent("#analysis-root .an-kpi-result")).toMatch(
      /^Created "KPI table": \d KPIs linked to "Customer analysis"/,
    );
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("builds on the CDNOW master log (69,659 transactions, 23,570 customers) in at most 3 syncs", async () => {
    const text = readFileSync(path.join(__dirname, "../fixtures/cdnow/CDNOW_master.txt"), "utf8");
    const rows: unknown[][] = [["customer", "date", "amount"]];
    for (const line of text.trim().split("\n").slice(1)) {
      const [id, d, , amount] = line.trim().split(/\s+/);
      rows.push([
        Number(id),
        excelSerial(Number(d!.slice(0, 4)), Number(d!.slice(4, 6)), Number(d!.slice(6, 8))),
        Number(amount),
      ]);
    }
    expect(rows.length - 1).toBe(69659);
    const p = await openPane(workbook(rows));
    await useSelection(p);
    expect(await problems(p)).toEqual([]);
    await p.clearLog();
    expect(await build(p, 300_000)).toBe("built");
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect(await resultText(p)).toMatch(/^Built "Customer analysis": 23570 customers from 69659 transactions/);
    const ms = Number(await p.page.getAttribute("#analysis-root .an-result", "data-ms"));
    console.log(`CDNOW master build in the fake host: ${log.syncCount} syncs, ${ms} ms`);
    expect(p.errors).toEqual([]);
    await p.page.close();
  }, 600_000);

  it("an injected write failure removes the half-built sheet and says so; the workbook is as before", async () => {
    const faults = [
      { path: "range.formulas", sheet: "Customer analysis", nth: 1, message: "Injected: the disk is full" },
    ];
    const p = await openPane(workbook(SMALL, { faults }));
    await useSelection(p);
    const before = await snapshot(p);
    await p.clearLog();
    expect(await build(p)).toBe("error");
    expect(await resultText(p)).toBe(
      'Writing failed: Injected: the disk is full. The half-built sheet "Customer analysis" was removed; nothing else was changed.',
    );
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(5);
    expect(
      log.calls.filter((c) => c.path === "worksheet.delete" && c.status === "applied").map((c) => c.sheet),
    ).toEqual(["Customer analysis"]);
    expect(await snapshot(p)).toEqual(before);
    await p.page.click("#switch-language");
    expect(await resultText(p)).toBe(
      "写入失败：Injected: the disk is full。已删除未完成的工作表“Customer analysis”；其他内容均未更改。",
    );
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("a co-author's sheet named Customer analysis, added while Build runs, keeps its data", async () => {
    const p = await openPane(workbook(SMALL, { syncDelayMs: 1000 }));
    await useSelection(p);
    const colleagueDone = await clickWhileColleagueAddsSheet(p, "#an-build", {
      sheet: "Customer analysis",
      range: "A1",
      values: [["theirs"]],
    });
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#analysis-root .an-result")?.dataset.outcome !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    await colleagueDone();
    expect(await resultText(p)).toMatch(/^Nothing was written: a sheet named "Customer analysis" was added meanwhile/);
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.values("'Customer analysis'!A1"))).toEqual([["theirs"]]);
    await p.page.close();
  });

  it("bad input is named by cell and column, with how to convert dates; Build waits", async () => {
    const rows: unknown[][] = [
      ["customer", "date", "amount"],
      ["a", 45296, "12,5"],
      ["b", "2024-01-20", 15],
      [null, null, null],
      ["c", 20240301, 30],
      ["d", 45300, -5],
    ];
    const p = await openPane(workbook(rows));
    await useSelection(p);
    const found = await problems(p);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^C2 \(amount\) is the text "12,5"; amounts must be numbers/);
    expect(found[1]).toMatch(
      /^B3 \(date\) is the text "2024-01-20", not a date: CRM formulas need real dates\. Convert the column/,
    );
    expect(found[2]).toMatch(/^B5 \(date\) is 20240301, a date written as digits.*=DATE\(LEFT\(B5,4\)/);
    expect(await p.page.getAttribute("#an-build", "aria-disabled")).toBe("true");
    expect(await violations(p)).toEqual([]);
    await p.page.close();
  });

  it("refunds, blank rows and transactions after the as-of date are noted; nobody bought twice still builds and says why", async () => {
    const rows: unknown[][] = [
      ["客户", "日期", "金额"],
      ["a", 45296, 10],
      [null, null, null],
      ["b", 45311, -5],
      ["c", 45352, 30],
    ];
    const p = await openPane(workbook(rows));
    await useSelection(p);
    await p.page.fill("#an-asof", "2024-02-01");
    expect(await notes(p)).toEqual([
      "1 transactions after the as-of date are left out",
      "1 negative amounts count as refunds: netted into their day's total (purchases count days)",
      "1 blank rows are skipped",
    ]);
    expect(await build(p)).toBe("built");
    expect((await notes(p)).some((n) => n.startsWith("No purchase model could be fitted ("))).toBe(true);
    const sheet = (await snapshot(p)).sheets.find((s) => s.name === "客户分析")!; // Chinese headers: a Chinese sheet
    expect(sheet.cells.B2?.value).toBe(45323); // 2024-02-01
    const formulas = Object.values(sheet.cells).map((c) => c.formula ?? "");
    expect(formulas.some((f) => f.startsWith("=CRM.LIFECYCLE"))).toBe(false);
    expect(formulas.some((f) => f.startsWith("=CRM.RFM.SEGMENT(") && f.endsWith(',"mean","zh")'))).toBe(true);
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("axe-core finds no WCAG 2.1 A/AA violation in the analysis section", () => {
  for (const [lang, dark] of [
    ["en", false],
    ["zh", false],
    ["en", true],
    ["zh", true],
  ] as const) {
    it(`first view, mapped, built, KPI table, error (${lang}, ${dark ? "Black" : "White"} theme)`, async () => {
      const displayLanguage = lang === "zh" ? "zh-CN" : "en-US";
      const p = await openPane(workbook(SMALL, { displayLanguage }), dark);
      expect(await violations(p)).toEqual([]);
      await useSelection(p);
      expect(await violations(p)).toEqual([]);
      await p.page.fill("#an-asof", "2024-13-45");
      expect(await violations(p)).toEqual([]);
      await p.page.fill("#an-asof", "");
      expect(await build(p)).toBe("built");
      expect(await violations(p)).toEqual([]);
      await p.page.click("#an-kpi");
      await p.page.waitForSelector("#analysis-root .an-kpi-result[data-outcome]");
      expect(await violations(p)).toEqual([]);
      await p.screenshot(`analysis-pane-${lang}${dark ? "-dark" : ""}`);
      await p.page.close();
      const q = await openPane(
        workbook(SMALL, {
          displayLanguage,
          faults: [{ path: "range.formulas", sheet: "Customer analysis", message: "Injected" }],
        }),
        dark,
      );
      await useSelection(q);
      expect(await build(q)).toBe("error");
      expect(await violations(q)).toEqual([]);
      await q.page.close();
    });
  }
});
