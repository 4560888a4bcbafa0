/**
 * Browser-layer helpers for the scorecard section of the production task pane (dist/) with the fake host:
 * open the pane and wait until the section has looked for scorecards, press Use selection, press a button and
 * wait for the outcome, read the result and the problems, and read what the page's focus is on.
 */
import type { FakeHostConfig, FakeWorkbookSnapshot } from "./fakeExcel.js";
import { openTaskpane, waitForSection, type BrowserSession, type HostPage, type OpenOptions } from "./browser";

/** Opens the pane and waits until the scorecard section is mounted and has looked for scorecards. */
export async function openScorecardPane(
  session: BrowserSession,
  config: FakeHostConfig,
  options: OpenOptions = {},
): Promise<HostPage> {
  const p = await openTaskpane(session, config, options);
  await waitForSection(
    p,
    "#scorecard-root #sc-use",
    "the scorecard builder is not in dist/taskpane.js: taskpane.ts must mount it into #scorecard-root " +
      "(src/taskpane/scorecard/ui.ts), then rebuild",
  );
  await p.page.waitForSelector("#scorecard-root .sc-list-body p, #scorecard-root .sc-list-items", {
    state: "attached",
    timeout: 20_000,
  });
  await p.page.waitForFunction(
    () => !document.querySelector("#scorecard-root .sc-list-body")?.textContent?.includes("…"),
    undefined,
    { timeout: 20_000 },
  );
  return p;
}

/** The fake workbook now. */
export const snapshot = (p: HostPage): Promise<FakeWorkbookSnapshot> =>
  p.page.evaluate(() => globalThis.__fakeHost!.snapshot());

/** Waits until the section is not busy. */
export async function notBusy(p: HostPage, timeout = 20_000): Promise<void> {
  await p.page.waitForFunction(
    () => document.querySelector<HTMLElement>("#scorecard-root")?.dataset.state !== "busy",
    undefined,
    { timeout },
  );
}

/** Presses Use selection and waits for the mapping. */
export async function useSelection(p: HostPage): Promise<void> {
  await p.page.click("#sc-use");
  await p.page.waitForSelector("#scorecard-root select[data-role=metric]", { timeout: 20_000 });
  await notBusy(p);
}

/** Waits until the section has an outcome and is not busy; returns it ("built", "error", ...). */
export async function outcome(p: HostPage, timeout = 20_000): Promise<string> {
  await p.page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>("#scorecard-root")?.dataset.state !== "busy" &&
      document.querySelector<HTMLElement>("#scorecard-root .sc-result")?.dataset.outcome !== undefined,
    undefined,
    { timeout },
  );
  return p.page.evaluate(() => document.querySelector<HTMLElement>("#scorecard-root .sc-result")!.dataset.outcome!);
}

/** Presses a button and waits until the section has an outcome; returns it ("built", "error", ...). */
export async function pressAndWait(p: HostPage, selector: string): Promise<string> {
  await p.page.click(selector);
  return outcome(p);
}

/** The result area's text. */
export const resultText = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => document.querySelector("#scorecard-root .sc-result")?.textContent ?? "");

/** The problems listed in the problems card. */
export const problems = (p: HostPage): Promise<string[]> =>
  p.page.evaluate(() =>
    Array.from(document.querySelectorAll("#scorecard-root .sc-problems-box li")).map((li) => li.textContent ?? ""),
  );

/** What the focus is on: the element's id (or its data-action), "body" when it fell to the page. */
export const focused = (p: HostPage): Promise<string> =>
  p.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (a === null || a === document.body) return "body";
    return a.id || a.getAttribute("aria-label") || a.dataset.action || a.tagName.toLowerCase();
  });
