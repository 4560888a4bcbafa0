/**
 * The scorecard builder in the production task pane (dist/), in Chromium, with the fake Office host: select a
 * KPI table, map its columns, build; the recorded calls show one new sheet, no write to any other sheet and at
 * most 3 syncs. An injected write failure removes the half-built sheet and shows the error; a co-author's sheet
 * added under the scorecard's name while Build or Refresh runs survives with its data; a KPI named
 * `=HYPERLINK("x")` lands as text; a KPI named `<img src=x onerror=alert(1)>` shows as text in the pane.
 * Screenshots of the pane in English and Chinese go to test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import {
  browserSessionPerFile,
  clickWhileColleagueAddsSheet,
  skipBrowserLayer,
  type HostPage,
} from "../support/browser";
import type { FakeCall, FakeHostConfig } from "../support/fakeExcel";
import { readScorecardTable } from "../../src/core/scorecard/table";
import { sampleKpis } from "../support/scorecardKpis";
import {
  openScorecardPane,
  pressAndWait,
  problems,
  resultText,
  snapshot,
  useSelection,
} from "../support/scorecardPane";

const session = browserSessionPerFile({ viewport: { width: 400, height: 900 } });

/** A workbook holding a KPI table at Sheet1!A1 (selected) and a sheet of notes that must stay untouched. */
function kpiWorkbook(rows: unknown[][], extra: FakeHostConfig = {}): FakeHostConfig {
  const range = `A1:G${rows.length}`;
  return {
    displayLanguage: "en-US",
    sheets: { Sheet1: { [range]: rows }, Notes: { A1: "keep me", B2: 42 } },
    selection: `Sheet1!${range}`,
    ...extra,
  };
}

const openPane = (config: FakeHostConfig): Promise<HostPage> => openScorecardPane(session, config);

/** Writes that are neither on `sheet` nor the workbook-level additions a build makes (names, one setting). */
function writesElsewhere(calls: FakeCall[], sheet: string): string[] {
  return calls
    .filter((c) => c.write && c.sheet !== sheet && !["names.add", "settings.add"].includes(c.path))
    .map((c) => `${c.path} on ${c.sheet ?? "?"}`);
}

describe.skipIf(skipBrowserLayer)("the scorecard builder in Chromium", () => {
  it("select, map, build: one new sheet, nothing written elsewhere, at most 3 syncs (English)", async () => {
    // "Budget" is not a Target header: the pane reports it, the user maps it, the problem goes.
    const rows: unknown[][] = sampleKpis("en");
    rows[0]![3] = "Budget";
    const p = await openPane(kpiWorkbook(rows));
    await useSelection(p);
    expect(await problems(p)).toEqual([
      'Sheet1!A1:G1: no column is mapped to Target (headers: "Metric", "Perspective", "Actual", "Budget", "Weight", "Direction", "Threshold")',
    ]);
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    await p.page.selectOption("#scorecard-root select[data-role=target]", "3");
    expect(await problems(p)).toEqual([]);
    expect(await p.page.textContent("#scorecard-root .sc-problems-box h3")).toBe("No problems found.");
    const preview = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll("#scorecard-root .sc-preview-table tr")).map((tr) =>
        Array.from(tr.children).map((td) => td.textContent),
      ),
    );
    expect(preview).toHaveLength(6);
    expect(preview[0]![3]).toBe("DBudgetTarget");
    expect(preview[1]).toEqual(["Revenue growth", "Financial", "0.1", "0.12", "10", "higher", "0"]);

    const before = await snapshot(p);
    await p.clearLog();
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect(log.calls.filter((c) => c.path === "worksheets.add").map((c) => c.args)).toEqual([["CRM Scorecard"]]);
    expect(writesElsewhere(log.calls, "CRM Scorecard")).toEqual([]);
    const after = await snapshot(p);
    expect(after.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(after.sheets.filter((s) => s.name !== "CRM Scorecard")).toEqual(before.sheets);
    expect(await resultText(p)).toMatch(
      /^Built "CRM Scorecard": 19 KPIs, overall score \d+\.\d \(.+\)\.Open "CRM Scorecard"$/,
    );
    expect(await p.page.getAttribute("#scorecard-root .sc-result", "data-syncs")).toBe(String(log.syncCount));
    expect(await p.page.textContent("#scorecard-root .sc-list-item strong")).toBe("CRM Scorecard");
    await p.screenshot("scorecard-pane-en");

    await p.page.click("#scorecard-root .sc-result [data-action=open]");
    await p.page.waitForFunction(() => globalThis.__fakeHost!.activeSheetName() === "CRM Scorecard");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("follows a Chinese Office, builds CRM 计分卡 from Chinese headers, and switches language on request", async () => {
    const p = await openPane(kpiWorkbook(sampleKpis("zh"), { displayLanguage: "zh-CN" }));
    expect(await p.page.textContent("#sc-use")).toBe("使用所选区域");
    await useSelection(p);
    expect(await p.page.textContent("#scorecard-root .sc-problems-box h3")).toBe("未发现问题。");
    const labels = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll("#scorecard-root .sc-mapping-grid label")).map((l) => l.textContent),
    );
    expect(labels).toEqual([
      "指标（必填）",
      "维度",
      "实际值（必填）",
      "目标值（必填）",
      "权重",
      "方向",
      "底线",
      "上期值",
      "标杆值",
    ]);
    await p.page.click("#scorecard-root .sc-options summary");
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    expect(await resultText(p)).toMatch(/^已生成“CRM 计分卡”：19 个指标，综合得分 \d+\.\d（.+）。打开“CRM 计分卡”$/);
    const names = (await snapshot(p)).sheets.map((s) => s.name);
    expect(names).toEqual(["Sheet1", "Notes", "CRM 计分卡"]);
    await p.screenshot("scorecard-pane-zh");

    await p.page.click("#switch-language");
    expect(await p.page.textContent("#sc-use")).toBe("Use selection");
    expect(await p.page.textContent("#sc-build")).toBe("Build a second scorecard"); // this table is built already
    expect(await resultText(p)).toMatch(/^Built "CRM 计分卡"/);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("shows every problem with its cell address, in the pane's language, and writes nothing", async () => {
    const rows: unknown[][] = sampleKpis("en");
    rows[6]![3] = "n/a";
    rows[9]![4] = -2;
    const p = await openPane(kpiWorkbook(rows));
    await useSelection(p);
    expect(await problems(p)).toEqual(['Sheet1!D7: Target is text "n/a"', "Sheet1!E10: Weight is negative (-2)"]);
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    await p.page.click("#switch-language");
    // The Chinese wording is the core's (messageZh); the pane shows it as given.
    const zh = readScorecardTable({ sheet: "Sheet1", blocks: [{ topLeft: "A1", values: rows }] }).problems.map(
      (x) => x.messageZh,
    );
    expect(zh[0]).toMatch(/^Sheet1!D7：目标值/);
    expect(zh[1]).toMatch(/^Sheet1!E10：权重/);
    expect(await problems(p)).toEqual(zh);
    const log = await p.log();
    expect(log.calls.filter((c) => c.write)).toEqual([]);
    await p.page.close();
  });

  it("checks the typed options as they are typed: text and a cap below 100 % are refused in the pane; nothing is written", async () => {
    const p = await openPane(kpiWorkbook(sampleKpis("en")));
    await useSelection(p);
    await p.page.click("#scorecard-root .sc-options summary");
    await p.page.fill("#sc-cap", "lots");
    expect(await p.page.textContent("#scorecard-root .sc-option-errors")).toBe(
      'Achievement cap (%): "lots" is not a number',
    );
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    // The core needs a cap of at least 100 %: the pane says so at once, at the field, instead of at Build.
    await p.page.fill("#sc-cap", "50");
    expect(await p.page.textContent("#scorecard-root .sc-option-errors")).toBe(
      "Achievement cap (%): must be from 100 to 10,000, not 50",
    );
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    const before = await snapshot(p);
    await p.page.click("#sc-build", { force: true }); // pressed anyway: nothing happens
    expect(await p.page.getAttribute("#scorecard-root .sc-result", "data-outcome")).toBeNull();
    expect(await snapshot(p)).toEqual(before);
    await p.page.fill("#sc-cap", "150");
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    const cap = await p.page.evaluate(() => {
      const host = globalThis.__fakeHost!;
      const found = host.snapshot().sheets.find((x) => x.name === "CRM Scorecard")!;
      return Object.values(found.cells).some((c) => c.value === 1.5);
    });
    expect(cap).toBe(true);
    await p.page.close();
  });

  it("an injected write failure removes the half-built sheet and shows the error", async () => {
    const p = await openPane(
      kpiWorkbook(sampleKpis("en"), {
        faults: [{ path: "range.formulas", sheet: "CRM Scorecard", nth: 2, message: "Injected: the disk is full" }],
      }),
    );
    await useSelection(p);
    const before = await snapshot(p);
    await p.clearLog();
    expect(await pressAndWait(p, "#sc-build")).toBe("error");
    expect(await resultText(p)).toBe(
      'Writing the scorecard failed: Injected: the disk is full. The half-built sheet "CRM Scorecard" was removed; nothing else was changed.',
    );
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(5); // read, add, write; then look and remove
    expect(
      log.calls.filter((c) => c.path === "worksheet.delete" && c.status === "applied").map((c) => c.sheet),
    ).toEqual(["CRM Scorecard"]);
    expect(await snapshot(p)).toEqual(before);
    await p.screenshot("scorecard-pane-error");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("when removing the half-built sheet fails too, the pane says what is left, in English and Chinese", async () => {
    const p = await openPane(
      kpiWorkbook(sampleKpis("en"), {
        faults: [
          { path: "range.formulas", sheet: "CRM Scorecard", nth: 2, message: "Injected: the disk is full" },
          { path: "worksheet.delete", message: "Injected: locked" },
        ],
      }),
    );
    await useSelection(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("error");
    expect(await resultText(p)).toBe(
      "Writing the scorecard failed: Injected: the disk is full. Not everything it had added could be removed " +
        '(Injected: locked). Still in the workbook: the sheet "CRM Scorecard" (delete it if nobody uses it).',
    );
    expect((await snapshot(p)).sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    await p.page.click("#switch-language");
    expect(await resultText(p)).toBe(
      "写入计分卡失败：Injected: the disk is full。未能删除其添加的全部内容（Injected: locked）。" +
        "仍留在工作簿中的有：工作表“CRM Scorecard”（如无人使用请删除）。",
    );
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("a co-author adding a sheet named CRM Scorecard 300 ms after Build keeps it and its data; the pane says so", async () => {
    // Every sync takes 1 s: Build reads (0–1 s) then adds its sheet (1–2 s); the co-author's sheet lands at 1.3 s.
    const p = await openPane(kpiWorkbook(sampleKpis("en"), { syncDelayMs: 1000 }));
    await useSelection(p);
    const before = await snapshot(p);
    await p.clearLog();
    const colleagueDone = await clickWhileColleagueAddsSheet(p, "#sc-build", {
      sheet: "CRM Scorecard",
      range: "A1:B2",
      values: [
        ["Colleague's forecast", 1200],
        ["Do not delete", 3400],
      ],
    });
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#scorecard-root .sc-result")?.dataset.outcome !== undefined,
      undefined,
      { timeout: 20_000 },
    );
    await colleagueDone();
    expect(
      await p.page.evaluate(() => document.querySelector<HTMLElement>("#scorecard-root .sc-result")!.dataset.outcome),
    ).toBe("error");
    const after = await snapshot(p);
    expect(after.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(after.sheets.filter((s) => s.name !== "CRM Scorecard")).toEqual(before.sheets);
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.values("'CRM Scorecard'!A1:B2"))).toEqual([
      ["Colleague's forecast", 1200],
      ["Do not delete", 3400],
    ]);
    expect(after.names).toEqual(before.names);
    expect(after.settings).toEqual(before.settings);
    expect(await resultText(p)).toBe(
      'Nothing was written: a sheet named "CRM Scorecard" was added to the workbook meanwhile (someone else may be editing it). That sheet was left as it is. Try again.',
    );
    const log = await p.log();
    expect(log.calls.filter((c) => c.path === "worksheet.delete" && c.status === "applied")).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it('a KPI named =HYPERLINK("x") lands as text', async () => {
    const rows: unknown[][] = sampleKpis("en");
    rows[1]![0] = { value: '=HYPERLINK("x")', numberFormat: "@" };
    const p = await openPane(kpiWorkbook(rows));
    await useSelection(p);
    expect(await p.page.textContent("#scorecard-root .sc-preview-table tr:nth-child(2) td:first-child")).toBe(
      '=HYPERLINK("x")',
    );
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    const cell = await p.page.evaluate(() => globalThis.__fakeHost!.cell("'CRM Scorecard'!B7"));
    expect(cell).toMatchObject({ value: '=HYPERLINK("x")', formula: null, numberFormat: "@" });
    await p.page.close();
  });

  it("a KPI named <img src=x onerror=alert(1)> shows as text in the pane", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const rows: unknown[][] = sampleKpis("en");
    rows[2]![0] = evil;
    rows[3]![1] = "<b>bold</b>";
    rows[4]![3] = "<script>alert(2)</script>";
    const p = await openPane(kpiWorkbook(rows));
    const dialogs: string[] = [];
    p.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await useSelection(p);
    expect(await p.page.textContent("#scorecard-root .sc-preview-table tr:nth-child(3) td:first-child")).toBe(evil);
    expect(await problems(p)).toEqual(['Sheet1!D5: Target is text "<script>alert(2)</script>"']);
    expect(await p.page.locator("#scorecard-root img, #scorecard-root script, #scorecard-root b").count()).toBe(0);
    await p.page.selectOption("#scorecard-root select[data-role=metric]", "0");
    await p.page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("lists the workbook's scorecards and refreshes one from its stored settings (at most 3 syncs)", async () => {
    const p = await openPane(kpiWorkbook(sampleKpis("en")));
    await useSelection(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    await p.page.evaluate(() => globalThis.__fakeHost!.setCell("Sheet1!C2", 0.2));
    await p.page.click("#scorecard-root [data-action=reload-list]");
    await p.page.waitForSelector("#scorecard-root .sc-list-item[data-sheet='CRM Scorecard']");
    await p.clearLog();
    expect(await pressAndWait(p, "#scorecard-root .sc-list-item [data-action=refresh]")).toBe("refreshed");
    const log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect((await snapshot(p)).sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard"]);
    expect(await resultText(p)).toMatch(/^Refreshed "CRM Scorecard": overall score/);
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.cell("'CRM Scorecard'!D7").formula)).toBe("='Sheet1'!C2");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("a co-author adding a sheet under the refresh's new name 300 ms after Refresh keeps it; the old scorecard stays", async () => {
    const p = await openPane(kpiWorkbook(sampleKpis("en"), { syncDelayMs: 1000 }));
    await useSelection(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    await p.page.waitForSelector("#scorecard-root .sc-list-item[data-sheet='CRM Scorecard'] [data-action=refresh]");
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#scorecard-root")?.dataset.state !== "busy",
    );
    const before = await snapshot(p);
    const colleagueDone = await clickWhileColleagueAddsSheet(p, "#scorecard-root .sc-list-item [data-action=refresh]", {
      sheet: "CRM Scorecard (2)",
      range: "A1",
      values: [["Colleague's notes"]],
    });
    await p.page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>("#scorecard-root")?.dataset.state !== "busy" &&
        document.querySelector<HTMLElement>("#scorecard-root .sc-result")?.dataset.outcome === "error",
      undefined,
      { timeout: 20_000 },
    );
    await colleagueDone();
    const after = await snapshot(p);
    expect(after.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard", "CRM Scorecard (2)"]);
    expect(after.sheets.slice(0, 3)).toEqual(before.sheets);
    expect(after.sheets[3]!.cells).toEqual({ A1: { value: "Colleague's notes" } });
    expect(after.names).toEqual(before.names);
    expect(after.settings).toEqual(before.settings);
    expect(await resultText(p)).toBe(
      'Nothing was written: a sheet named "CRM Scorecard (2)" was added to the workbook meanwhile (someone else may be editing it). That sheet was left as it is. Try again.',
    );
    expect(p.errors).toEqual([]);
    await p.page.close();
  });
});
