/**
 * Record this period in the production task pane (dist/), in Chromium, with the fake Office host (issue 12): a
 * scorecard with Previous and Benchmark columns (mapped like the other roles) and a period typed in the options
 * is built, then recorded into the history sheet (≤ 3 syncs, no other sheet changed: values and formulas
 * compared); recording it again asks in the pane — an alert dialog that takes the focus, closes with Escape (the
 * focus back on Record, nothing written) and replaces with the keyboard (Tab, Enter: only that period's rows);
 * a history edited by hand is shown with its cells and never written. axe-core finds no WCAG 2.1 A/AA violation
 * with the confirmation open, after a record and with a history problem, in English and in Chinese.
 * The fake does not calculate: after the build, each formula of the scorecard gets the core's value.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildScorecardPlan, planCells } from "../../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../../src/core/scorecard/table";
import { axeViolations, describeViolations } from "../support/axe";
import { browserSessionPerFile, skipBrowserLayer, type HostPage } from "../support/browser";
import { csvCells } from "../support/scorecardKpis";
import { openScorecardPane, outcome, pressAndWait, snapshot, useSelection } from "../support/scorecardPane";

const HISTORY = "CRM Scorecard History";
const ROWS = csvCells(readFileSync(path.join(__dirname, "..", "fixtures", "scorecard", "kpis-periods-en.csv"), "utf8"));
const TABLE = `Sheet1!A1:I${ROWS.length}`;
const RECORD = "#scorecard-root .sc-list-item [data-action=record]";
const session = browserSessionPerFile({ viewport: { width: 400, height: 1000 } });

const openPane = (): Promise<HostPage> =>
  openScorecardPane(session, {
    displayLanguage: "en-US",
    sheets: {
      Sheet1: { [`A1:I${ROWS.length}`]: ROWS },
      Notes: { A1: "keep me", B1: 42, C1: { formula: "=B1*2", value: 84 } },
    },
    selection: TABLE,
  });

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

/** What the focus is on: its data-action, else its class. */
const focused = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.dataset.action ?? a?.className ?? "";
  });

/** The Notes sheet's values and formulas, which nothing here may change. */
const notes = (p: HostPage): Promise<unknown> =>
  p.page.evaluate(() => [globalThis.__fakeHost!.values("Notes!A1:C1"), globalThis.__fakeHost!.formulas("Notes!A1:C1")]);

const violations = async (p: HostPage): Promise<string[]> => describeViolations(await axeViolations(p.page));

const resultLead = (p: HostPage): Promise<string | null> => p.page.textContent("#scorecard-root .sc-result p");

/** Builds the table with the period "2026 Q4" typed in the options, and calculates it. */
async function buildWithPeriod(p: HostPage): Promise<void> {
  await useSelection(p);
  await p.page.click("#scorecard-root .sc-options summary");
  await p.page.fill("#sc-period", "2026 Q4");
  expect(await pressAndWait(p, "#sc-build")).toBe("built");
  await calculate(p);
  await p.page.waitForSelector(RECORD);
}

describe.skipIf(skipBrowserLayer)("Record this period in Chromium", () => {
  it("Previous and Benchmark are mapped like the other roles; the Period option says what blank means and refuses 2026 Q5", async () => {
    const p = await openPane();
    await useSelection(p);
    // kpis-periods-en.csv: Previous in column H, Benchmark in I (0-based 7 and 8)
    expect(await p.page.inputValue("#scorecard-root select[data-role=previous]")).toBe("7");
    expect(await p.page.inputValue("#scorecard-root select[data-role=benchmark]")).toBe("8");
    await p.page.selectOption("#scorecard-root select[data-role=benchmark]", "");
    expect(await p.page.inputValue("#scorecard-root select[data-role=benchmark]")).toBe("");
    await p.page.selectOption("#scorecard-root select[data-role=benchmark]", "8");
    await p.page.click("#scorecard-root .sc-options summary");
    expect(await p.page.textContent("label[for=sc-period]")).toBe("Period");
    const help = await p.page.textContent("#sc-period-help");
    expect(help).toMatch(/^Blank: the calendar quarter of the as-of date \((\d{4}) Q([1-4])\)\.$/);
    // The example is today's quarter (the as-of date a build without one gets): months 1–3 are Q1, …
    const now = new Date();
    expect(help).toContain(`${now.getFullYear()} Q${Math.ceil((now.getMonth() + 1) / 3)}`);
    await p.page.fill("#sc-period", "2026 Q5");
    await p.page.waitForSelector("#sc-option-error-period");
    expect(await p.page.textContent("#sc-option-error-period")).toBe(
      'Period: "2026 Q5" reads as a quarter, but a year has only Q1 to Q4',
    );
    expect(await p.page.getAttribute("#sc-period", "aria-invalid")).toBe("true");
    expect(await p.page.getAttribute("#sc-period", "aria-describedby")).toBe("sc-option-error-period sc-period-help");
    await p.page.click("#switch-language");
    expect(await p.page.textContent("#sc-option-error-period")).toBe(
      "期间：“2026 Q5”看起来是季度，但一年只有第1至第4季度",
    );
    expect(await p.page.textContent("label[for=sc-period]")).toBe("期间");
    await p.page.fill("#sc-period", "2026 Q4");
    expect(await p.page.locator("#sc-option-error-period").count()).toBe(0);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("records (≤ 3 syncs, only the history written), asks before replacing (Escape keeps, Tab+Enter replaces), in English and Chinese; axe clean", async () => {
    const p = await openPane();
    await buildWithPeriod(p);
    const built = await snapshot(p);
    const sheet = built.sheets.find((s) => s.name === "CRM Scorecard")!;
    expect(sheet.cells["D2"]?.value).toBe("2026 Q4");
    expect(await p.page.getAttribute(RECORD, "aria-label")).toBe('Record this period of "CRM Scorecard"');

    // Record: a new history sheet, at most 3 syncs, nothing else changed.
    const before = await snapshot(p);
    const notesBefore = await notes(p);
    await p.clearLog();
    expect(await pressAndWait(p, RECORD)).toBe("recorded");
    let log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    const after = await snapshot(p);
    expect(after.sheets.filter((s) => s.name !== HISTORY)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual(["Sheet1", "Notes", "CRM Scorecard", HISTORY]);
    expect(await notes(p)).toEqual(notesBefore);
    expect(await resultLead(p)).toBe(`Recorded 2026 Q4 in "${HISTORY}".`);
    expect(await p.page.getAttribute("#scorecard-root .sc-result", "aria-live")).toBe("polite");
    expect(await focused(p)).toBe("record");
    expect(await violations(p)).toEqual([]);
    const firstHistory = await p.page.evaluate((h) => globalThis.__fakeHost!.values(`'${h}'!A1:Q60`), HISTORY);

    // Again: the pane asks, in an alert dialog that takes the focus; Escape keeps the period, focus back on Record.
    await p.clearLog();
    await p.page.click(RECORD);
    await p.page.waitForSelector("#scorecard-root .sc-confirm:not([hidden])");
    expect(await p.page.getAttribute("#scorecard-root .sc-confirm", "role")).toBe("alertdialog");
    expect(await p.page.textContent("#sc-confirm-title")).toBe("Replace 2026 Q4?");
    expect(await p.page.textContent("#sc-confirm-body")).toBe(
      `2026 Q4 is already in the history ("${HISTORY}"). Recording it again replaces only that period's rows; Escape keeps them.`,
    );
    expect(await focused(p)).toBe("sc-card sc-confirm");
    expect(await violations(p)).toEqual([]);
    await p.screenshot("scorecard-pane-record-confirm-en");
    await p.page.keyboard.press("Escape");
    expect(await p.page.isHidden("#scorecard-root .sc-confirm")).toBe(true);
    expect(await focused(p)).toBe("record");
    expect(await resultLead(p)).toBe("2026 Q4 was left as it was recorded.");
    expect(await snapshot(p)).toEqual(after);
    log = await p.log();
    expect(log.calls.filter((c) => c.write)).toEqual([]);

    // Again, and replace with the keyboard: Tab to Replace, Enter.
    await p.page.click(RECORD);
    await p.page.waitForSelector("#scorecard-root .sc-confirm:not([hidden])");
    await p.clearLog();
    await p.page.keyboard.press("Tab");
    expect(await focused(p)).toBe("confirm-replace");
    await p.page.keyboard.press("Enter");
    expect(await outcome(p)).toBe("recorded");
    log = await p.log();
    expect(log.syncCount).toBeLessThanOrEqual(3);
    expect(await resultLead(p)).toBe(`Replaced 2026 Q4 in "${HISTORY}".`);
    expect(await focused(p)).toBe("record");
    const replaced = await snapshot(p);
    expect(replaced.sheets.filter((s) => s.name !== HISTORY)).toEqual(before.sheets);
    // Only that period's rows were replaced, by the same scorecard's values: the history reads as after the
    // first record (one period, 2026 Q4: its KPI, perspective and overall rows, and the summary beside them).
    const historyValues = (): Promise<unknown> =>
      p.page.evaluate((h) => globalThis.__fakeHost!.values(`'${h}'!A1:Q60`), HISTORY);
    expect(await historyValues()).toEqual(firstHistory);

    // Chinese: the same states, texts of the catalogue, axe clean.
    await p.page.click("#switch-language");
    expect(await p.page.textContent(RECORD)).toBe("记录本期");
    // The visible text first in the accessible name (WCAG 2.5.3), then which scorecard.
    expect(await p.page.getAttribute(RECORD, "aria-label")).toBe("记录本期（“CRM Scorecard”）");
    expect(await resultLead(p)).toBe(`已替换“${HISTORY}”中的 2026 Q4。`);
    expect(await violations(p)).toEqual([]);
    await p.page.click(RECORD);
    await p.page.waitForSelector("#scorecard-root .sc-confirm:not([hidden])");
    expect(await p.page.textContent("#sc-confirm-title")).toBe("替换 2026 Q4？");
    expect(await p.page.textContent("[data-action=confirm-replace]")).toBe("替换");
    expect(await violations(p)).toEqual([]);
    await p.screenshot("scorecard-pane-record-confirm-zh");
    await p.page.click("[data-action=cancel-replace]");
    expect(await focused(p)).toBe("record");
    expect(await resultLead(p)).toBe("2026 Q4 保持原有记录。");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("a history edited by hand into an unreadable state is shown with its cells and not written; axe clean in both languages", async () => {
    const p = await openPane();
    await buildWithPeriod(p);
    expect(await pressAndWait(p, RECORD)).toBe("recorded");
    await p.page.evaluate((h) => {
      globalThis.__fakeHost!.setCell(`'${h}'!B3`, "Goal");
      globalThis.__fakeHost!.setCell(`'${h}'!H4`, "high");
    }, HISTORY);
    const before = await snapshot(p);
    await p.clearLog();
    expect(await pressAndWait(p, RECORD)).toBe("historyUnreadable");
    expect((await p.log()).calls.filter((c) => c.write)).toEqual([]);
    expect(await snapshot(p)).toEqual(before);
    expect(await resultLead(p)).toBe(
      `The history on "${HISTORY}" has been edited so that it cannot be read; nothing was written. Fix these cells:`,
    );
    const cells = await p.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("#scorecard-root .sc-result li")).map(
        (li) => li.dataset.address,
      ),
    );
    expect(cells).toEqual([`'${HISTORY}'!B3`, `'${HISTORY}'!H4`]);
    expect(await violations(p)).toEqual([]);
    await p.page.click("#switch-language");
    expect(await resultLead(p)).toBe(`“${HISTORY}”中的历史记录已被改动，无法读取；未写入任何内容。请修正以下单元格：`);
    expect(await violations(p)).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });
});
