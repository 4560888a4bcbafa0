/**
 * Record this period in the production task pane (dist/), in Chromium, with the fake Office host: a scorecard
 * with Previous and Benchmark columns and a period typed in the options is built, then recorded into the
 * history sheet (≤ 3 syncs, no other sheet changed); recording it again asks in the pane — a confirmation that
 * takes the focus, closes with Escape (the focus back on Record) and replaces with the keyboard (Tab, Enter).
 * The fake does not calculate: after the build, each formula of the scorecard gets the core's value.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScorecardPlan, planCells } from "../../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../../src/core/scorecard/table";
import { skipBrowserLayer, startBrowserSession, type BrowserSession, type HostPage } from "../support/browser";
import type { FakeWorkbookSnapshot } from "../support/fakeExcel.js";
import { csvCells } from "../support/scorecardKpis";

const HISTORY = "CRM Scorecard History";
let session: BrowserSession;

beforeAll(async () => {
  if (skipBrowserLayer) return;
  session = await startBrowserSession({ viewport: { width: 400, height: 1000 } });
});
afterAll(async () => {
  await session?.close();
});

const ROWS = csvCells(readFileSync(path.join(__dirname, "..", "fixtures", "scorecard", "kpis-periods-en.csv"), "utf8"));

async function openPane(): Promise<HostPage> {
  const p = await session.open("taskpane.html", {
    displayLanguage: "en-US",
    sheets: { Sheet1: { [`A1:I${ROWS.length}`]: ROWS }, Notes: { A1: "keep me" } },
    selection: `Sheet1!A1:I${ROWS.length}`,
  });
  await p.page.waitForSelector("#scorecard-root #sc-use", { state: "attached", timeout: 10_000 });
  await p.page.waitForFunction(
    () => !document.querySelector("#scorecard-root .sc-list-body")?.textContent?.includes("…"),
  );
  return p;
}

const snapshot = (p: HostPage): Promise<FakeWorkbookSnapshot> =>
  p.page.evaluate(() => globalThis.__fakeHost!.snapshot());

async function pressAndWait(p: HostPage, selector: string): Promise<string> {
  await p.page.evaluate(
    () => delete document.querySelector<HTMLElement>("#scorecard-root .sc-result")!.dataset.outcome,
  );
  await p.page.click(selector);
  await p.page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>("#scorecard-root");
    return (
      root?.dataset.state !== "busy" &&
      document.querySelector<HTMLElement>("#scorecard-root .sc-result")?.dataset.outcome !== undefined
    );
  });
  return p.page.evaluate(() => document.querySelector<HTMLElement>("#scorecard-root .sc-result")!.dataset.outcome!);
}

/** What Excel would calculate: the core's value of every formula on the scorecard sheet. */
async function calculate(p: HostPage): Promise<void> {
  const table = readScorecardTable(sourceRange("Sheet1", "A1", ROWS)).table!;
  const plan = buildScorecardPlan(table, { period: "2026 Q4", existingSheetNames: ["Sheet1", "Notes"] });
  const cells = [...planCells(plan)].flatMap(({ address, cell }) =>
    cell.kind === "formula"
      ? [{ address: `'${plan.sheetName}'!${address}`, formula: cell.formula, value: cell.expected }]
      : [],
  );
  await p.page.evaluate((xs) => {
    for (const x of xs) globalThis.__fakeHost!.setCell(x.address, { formula: x.formula, value: x.value });
  }, cells);
}

const focused = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.dataset.action ?? a?.className ?? "";
  });

describe.skipIf(skipBrowserLayer)("Record this period in Chromium", () => {
  it("builds with Previous/Benchmark and a typed period, records, asks before replacing (keyboard), in English and Chinese", async () => {
    const p = await openPane();
    await p.page.click("#sc-use");
    await p.page.waitForSelector("#scorecard-root select[data-role=previous]");
    expect(await p.page.inputValue("#scorecard-root select[data-role=previous]")).toBe("7");
    expect(await p.page.inputValue("#scorecard-root select[data-role=benchmark]")).toBe("8");
    await p.page.click("#scorecard-root .sc-options summary");
    expect(await p.page.textContent("label[for=sc-period]")).toBe("Period");
    expect(await p.page.textContent("#sc-period-help")).toMatch(
      /^Blank: the calendar quarter of the as-of date \(\d{4} Q[1-4]\)\.$/,
    );
    await p.page.fill("#sc-period", "2026 Q4");
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    const built = await snapshot(p);
    const sheet = built.sheets.find((s) => s.name === "CRM Scorecard")!;
    expect(sheet.cells["L6"]?.value).toBe("Previous");
    expect(sheet.cells["D2"]?.value).toBe("2026 Q4");
    await calculate(p);

    // Record: a new history sheet, at most 3 syncs, nothing else changed.
    const before = await snapshot(p);
    await p.clearLog();
    expect(await pressAndWait(p, "#scorecard-root .sc-list-item [data-action=record]")).toBe("recorded");
    let log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    const after = await snapshot(p);
    expect(after.sheets.filter((s) => s.name !== HISTORY)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard", HISTORY]);
    expect(await p.page.textContent("#scorecard-root .sc-result p")).toBe(`Recorded 2026 Q4 in "${HISTORY}".`);
    expect(await focused(p)).toBe("record");

    // Again: the pane asks, in a region that takes the focus; Escape cancels and gives the focus back.
    await p.clearLog();
    await p.page.click("#scorecard-root .sc-list-item [data-action=record]");
    await p.page.waitForSelector("#scorecard-root .sc-confirm:not([hidden])");
    expect(await p.page.getAttribute("#scorecard-root .sc-confirm", "role")).toBe("alertdialog");
    expect(await p.page.textContent("#sc-confirm-title")).toBe("Replace 2026 Q4?");
    expect(await focused(p)).toBe("sc-card sc-confirm");
    await p.screenshot("scorecard-pane-record-en");
    await p.page.keyboard.press("Escape");
    expect(await p.page.isHidden("#scorecard-root .sc-confirm")).toBe(true);
    expect(await focused(p)).toBe("record");
    expect(await snapshot(p)).toEqual(after);
    log = await p.log();
    expect(log.calls.filter((c) => c.write)).toEqual([]);

    // Again, and replace with the keyboard: Tab to Replace, Enter.
    await p.page.click("#scorecard-root .sc-list-item [data-action=record]");
    await p.page.waitForSelector("#scorecard-root .sc-confirm:not([hidden])");
    await p.clearLog();
    await p.page.keyboard.press("Tab");
    expect(await focused(p)).toBe("confirm-replace");
    await p.page.keyboard.press("Enter");
    await p.page.waitForFunction(
      () => document.querySelector<HTMLElement>("#scorecard-root .sc-result")?.dataset.outcome === "recorded",
    );
    log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect(await p.page.textContent("#scorecard-root .sc-result p")).toBe(`Replaced 2026 Q4 in "${HISTORY}".`);
    expect((await snapshot(p)).sheets.filter((s) => s.name !== HISTORY)).toEqual(before.sheets);

    await p.page.click("#switch-language");
    expect(await p.page.textContent("#scorecard-root .sc-list-item [data-action=record]")).toBe("记录本期");
    expect(await p.page.textContent("#scorecard-root .sc-result p")).toBe(`已替换“${HISTORY}”中的 2026 Q4。`);
    expect(await p.page.textContent("label[for=sc-period]")).toBe("期间");
    await p.screenshot("scorecard-pane-record-zh");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });
});
