/**
 * The scorecard section under a keyboard, a screen reader and a new user (issue 13 items 5, 6, 7, 9, 11, 12,
 * 13), in the production task pane (dist/) in Chromium with the fake host. Each test failed on the pane before
 * these items were done; the expected texts are the pane's own (src/core/messages/scorecardPane.ts), the
 * expected focus and ARIA states what WCAG 2.1 asks (2.1.1, 2.4.3, 3.3.1, 4.1.2, 4.1.3).
 */
import { describe, expect, it } from "vitest";
import { browserSessionPerFile, skipBrowserLayer, type HostPage } from "../support/browser";
import type { FakeHostConfig } from "../support/fakeExcel.js";
import { sampleKpiWorkbook } from "../support/scorecardKpis";
import {
  focused,
  notBusy,
  openScorecardPane,
  outcome,
  pressAndWait,
  problems,
  resultText,
  snapshot,
  useSelection,
} from "../support/scorecardPane";

const session = browserSessionPerFile({ viewport: { width: 400, height: 900 } });

const openPane = (config: FakeHostConfig): Promise<HostPage> => openScorecardPane(session, config);

/** A button's busy state as assistive technology sees it, and whether it is (natively) disabled. */
const buttonState = (p: HostPage, selector: string) =>
  p.page.$eval(selector, (b) => ({
    disabled: (b as HTMLButtonElement).disabled,
    ariaDisabled: b.getAttribute("aria-disabled"),
    ariaBusy: b.getAttribute("aria-busy"),
  }));

/** The text of the elements an element's aria-describedby names. */
const description = (p: HostPage, selector: string): Promise<string> =>
  p.page.$eval(selector, (e) =>
    (e.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id !== "")
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
      .filter((t) => t !== "")
      .join(" | "),
  );

/** Calls recorded with a path ending in `suffix`. */
async function callsTo(p: HostPage, suffix: string): Promise<number> {
  return (await p.log()).calls.filter((c) => c.path.endsWith(suffix)).length;
}

describe.skipIf(skipBrowserLayer)("item 5: changing a column role with ↑/↓ keeps focus on its list", () => {
  it("ArrowDown, ArrowUp on the Target list: the mapping changes, the focus stays on that list", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    await p.page.focus("#sc-role-target");
    expect(await p.page.inputValue("#sc-role-target")).toBe("3"); // D: Target
    await p.page.keyboard.press("ArrowDown");
    expect(await p.page.inputValue("#sc-role-target")).toBe("4"); // E: Weight, mapped twice now
    expect(await focused(p)).toBe("sc-role-target");
    expect((await problems(p))[0]).toMatch(/is mapped to both Target and Weight/);
    await p.page.keyboard.press("ArrowUp");
    expect(await p.page.inputValue("#sc-role-target")).toBe("3");
    expect(await focused(p)).toBe("sc-role-target");
    expect(await problems(p)).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)(
  "item 6: busy buttons keep focus (aria-disabled, aria-busy) and ignore presses",
  () => {
    it("Use selection, Build and a list's Refresh keep focus through their slow syncs, and a second press does nothing", async () => {
      const p = await openPane(sampleKpiWorkbook("en", { syncDelayMs: 700 }));

      await p.page.focus("#sc-use");
      await p.page.keyboard.press("Enter");
      await p.page.waitForFunction(() => document.querySelector("#sc-use")?.getAttribute("aria-busy") === "true");
      expect(await buttonState(p, "#sc-use")).toEqual({ disabled: false, ariaDisabled: "true", ariaBusy: "true" });
      expect(await focused(p)).toBe("sc-use");
      await p.page.$eval("#sc-use", (b) => (b as HTMLButtonElement).click()); // pressed again while busy
      await notBusy(p);
      expect(await focused(p)).toBe("sc-use");
      expect(await buttonState(p, "#sc-use")).toEqual({ disabled: false, ariaDisabled: null, ariaBusy: null });
      expect(await callsTo(p, "getSelectedRanges")).toBe(1);

      await p.page.focus("#sc-build");
      await p.page.keyboard.press("Enter");
      await p.page.waitForFunction(() => document.querySelector("#sc-build")?.getAttribute("aria-busy") === "true");
      expect(await buttonState(p, "#sc-build")).toEqual({ disabled: false, ariaDisabled: "true", ariaBusy: "true" });
      expect(await p.page.getAttribute("#scorecard-root .sc-progress", "aria-label")).toBe("Building the scorecard");
      await p.page.$eval("#sc-build", (b) => (b as HTMLButtonElement).click());
      expect(await focused(p)).toBe("sc-build");
      expect(await outcome(p)).toBe("built");
      expect(await focused(p)).toBe("sc-build");
      expect(await callsTo(p, "worksheets.add")).toBe(1);

      const refresh = '#scorecard-root .sc-list-item [data-action="refresh"]';
      await p.page.focus(refresh);
      await p.page.keyboard.press("Enter");
      await p.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-busy") === "true", refresh);
      expect(await focused(p)).toBe('Refresh "CRM Scorecard"');
      expect(await p.page.getAttribute("#scorecard-root .sc-progress", "aria-label")).toBe(
        'Refreshing "CRM Scorecard"',
      );
      await p.page.$eval(refresh, (b) => (b as HTMLButtonElement).click());
      expect(await outcome(p)).toBe("refreshed");
      expect(await focused(p)).toBe('Refresh "CRM Scorecard"');
      expect(await buttonState(p, refresh)).toEqual({ disabled: false, ariaDisabled: null, ariaBusy: null });
      expect(await callsTo(p, "worksheets.add")).toBe(2); // one build, one refresh
      expect((await snapshot(p)).sheets.map((s) => s.name)).toEqual(["Sheet1", "CRM Scorecard"]);
      expect(p.errors).toEqual([]);
      await p.page.close();
    });
  },
);

describe.skipIf(skipBrowserLayer)("item 7: the preview's scroll box can be reached by keyboard", () => {
  it("it takes focus (tabindex 0), is a region named by the preview's title, and scrolls with the arrow keys", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    const box = "#scorecard-root .sc-table-scroll";
    expect(await p.page.getAttribute(box, "tabindex")).toBe("0");
    expect(await p.page.getByRole("region", { name: "Preview (first 5 rows)" }).count()).toBe(1);
    await p.page.focus(box);
    await p.page.keyboard.press("ArrowRight");
    await p.page.waitForFunction((sel) => (document.querySelector(sel)?.scrollLeft ?? 0) > 0, box);
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("item 9: what changes is announced, and every control says what it is about", () => {
  it("status, problems, option messages and results sit in live regions that are on the page before they speak", async () => {
    const p = await openPane(sampleKpiWorkbook("en", {}, (rows) => ((rows[6] as unknown[])[3] = "n/a")));
    const live = () =>
      p.page.evaluate(() =>
        [".sc-status", ".sc-problems-live", ".sc-option-errors-box", ".sc-result", ".sc-step"].map((sel) => {
          const e = document.querySelector<HTMLElement>(`#scorecard-root ${sel}`);
          if (!e) return `${sel}: missing`;
          const politely = e.getAttribute("aria-live") === "polite" || e.getAttribute("role") === "status";
          const shown = getComputedStyle(e).display !== "none" && !e.closest("[hidden]");
          return `${sel}: ${politely ? "live" : "not live"}, ${shown ? "on the page" : "hidden"}`;
        }),
      );
    const expected = [
      ".sc-status: live, on the page",
      ".sc-problems-live: live, on the page",
      ".sc-option-errors-box: live, on the page",
      ".sc-result: live, on the page",
      ".sc-step: live, on the page",
    ];
    expect(await live()).toEqual(expected); // before anything is shown in them
    await useSelection(p);
    expect(await p.page.textContent("#scorecard-root .sc-problems-live")).toContain('Sheet1!D7: Target is text "n/a"');
    expect(await live()).toEqual(expected);
    await p.page.close();
  });

  it("an option's message is tied to its field (aria-invalid, aria-describedby), a band's too, and goes when fixed", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    await p.page.click("#scorecard-root .sc-options summary");
    await p.page.fill("#sc-cap", "lots");
    expect(await p.page.getAttribute("#sc-cap", "aria-invalid")).toBe("true");
    expect(await description(p, "#sc-cap")).toBe('Achievement cap (%): "lots" is not a number');
    await p.page.fill("#scorecard-root .sc-bands-table tr:nth-child(3) input[inputmode=decimal]", "95");
    const bandMin = "#scorecard-root .sc-bands-table tr:nth-child(3) input[inputmode=decimal]";
    expect(await p.page.getAttribute(bandMin, "aria-invalid")).toBe("true");
    expect(await description(p, bandMin)).toBe(
      "Rating bands – band 2 (B Good): its score must be below the band above (90), not 95",
    );
    expect(await description(p, "#sc-build")).toBe(
      "Build waits until the options are fixed. | " +
        'Achievement cap (%): "lots" is not a number' +
        "Rating bands – band 2 (B Good): its score must be below the band above (90), not 95",
    );
    await p.page.fill("#sc-cap", "120");
    await p.page.fill(bandMin, "75");
    expect(await p.page.getAttribute("#sc-cap", "aria-invalid")).toBeNull();
    expect(await p.page.getAttribute("#sc-cap", "aria-describedby")).toBeNull();
    expect(await p.page.getAttribute(bandMin, "aria-invalid")).toBeNull();
    expect(await p.page.isDisabled("#sc-build")).toBe(false);
    await p.page.close();
  });

  it("the list's Open, Refresh and Record buttons name their scorecard; the language choices carry their lang", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    expect(await pressAndWait(p, "#sc-build")).toBe("built"); // a second scorecard: "CRM Scorecard (2)"
    const names = await p.page.$$eval("#scorecard-root .sc-list-item button", (bs) =>
      bs.map((b) => `${b.textContent} → ${b.getAttribute("aria-label")}`),
    );
    expect(names).toEqual([
      'Open → Open "CRM Scorecard"',
      'Refresh → Refresh "CRM Scorecard"',
      'Record this period → Record this period of "CRM Scorecard"',
      'Open → Open "CRM Scorecard (2)"',
      'Refresh → Refresh "CRM Scorecard (2)"',
      'Record this period → Record this period of "CRM Scorecard (2)"',
    ]);
    const list = p.page.locator("#scorecard-root .sc-list");
    expect(await list.getByRole("button", { name: 'Refresh "CRM Scorecard (2)"', exact: true }).count()).toBe(1);
    const langs = await p.page.$$eval("#sc-language option", (os) =>
      os.map((o) => `${o.textContent}|${o.getAttribute("lang") ?? ""}`),
    );
    expect(langs).toEqual(["Same as the headers (English)|", "English|en", "中文|zh-CN"]);
    expect(await p.page.getAttribute("#switch-language", "lang")).toBe("zh-CN");
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("item 11: the pane says what Build will do and opens what it made", () => {
  it("before a selection Build says why it waits (and says it again when pressed)", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    expect(await description(p, "#sc-build")).toBe(
      "Select the KPI table with its header row, then press Use selection.",
    );
    await p.page.click("#sc-build", { force: true });
    await p.page.waitForFunction(
      () => document.getElementById("pane-announcer")?.textContent?.startsWith("Select the KPI table") === true,
    );
    expect(await p.page.getAttribute("#pane-announcer", "role")).toBe("status");
    expect(await p.page.getAttribute("#scorecard-root .sc-result", "data-outcome")).toBeNull();
    await p.page.close();
  });

  it("a build opens the new sheet; Build then says a second one would be added, and offers Refresh instead", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    expect(await p.page.textContent("#sc-build")).toBe("Build scorecard");
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    expect(await p.page.evaluate(() => globalThis.__fakeHost!.activeSheetName())).toBe("CRM Scorecard");
    expect(await p.page.textContent("#sc-build")).toBe("Build a second scorecard");
    const note =
      '"CRM Scorecard" was built from this table. Building again adds a second scorecard sheet; to update "CRM Scorecard", refresh it instead.';
    expect(await description(p, "#sc-build")).toBe(note);
    const offer = "#scorecard-root [data-action=refresh-existing]";
    expect(await p.page.textContent(offer)).toBe('Refresh "CRM Scorecard"');
    expect(await pressAndWait(p, offer)).toBe("refreshed");
    expect((await snapshot(p)).sheets.map((s) => s.name)).toEqual(["Sheet1", "CRM Scorecard"]);
    expect(await resultText(p)).toMatch(/^Refreshed "CRM Scorecard"/);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("a selection without its header row gets one message saying so, not three 'no column is mapped'", async () => {
    const p = await openPane(sampleKpiWorkbook("en", { selection: "Sheet1!A2:G20" }));
    await useSelection(p);
    expect(await problems(p)).toEqual([
      "Sheet1!A2:G2: no cell of this row is a header the builder knows (Metric, Actual, Target, …): the header row " +
        "may be missing from the selection. Select the table with its header row and press Use selection again, or " +
        "choose the columns above.",
    ]);
    expect(await p.page.isHidden("#scorecard-root .sc-unrecognised")).toBe(true);
    await p.page.close();
  });

  it("headers no role was recognised in are listed under the columns", async () => {
    const p = await openPane(sampleKpiWorkbook("en", {}, (rows) => ((rows[0] as unknown[])[3] = "Budget")));
    await useSelection(p);
    expect(await p.page.textContent("#scorecard-root .sc-unrecognised")).toBe(
      'Headers not recognised: "Budget". If one of these columns has a role, choose it above.',
    );
    await p.page.selectOption("#sc-role-target", "3");
    expect(await problems(p)).toEqual([]);
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("item 12: options are checked when typed, in the pane's language", () => {
  it("Near = 120 in the Chinese pane: a Chinese message at the field, Build waits; never the core's English", async () => {
    const p = await openPane(sampleKpiWorkbook("zh"));
    await useSelection(p);
    await p.page.click("#scorecard-root .sc-options summary");
    const before = await snapshot(p);
    await p.page.fill("#sc-near", "120");
    const message = "接近目标分数线：须在 0 到达标分数线（100）之间，当前为 120";
    expect(await p.page.textContent("#scorecard-root .sc-option-errors")).toBe(message);
    expect(await p.page.getAttribute("#sc-near", "aria-invalid")).toBe("true");
    expect(await description(p, "#sc-near")).toBe(message);
    expect(await p.page.isDisabled("#sc-build")).toBe(true);
    expect(await p.page.textContent("#sc-build-note")).toBe("请先修正选项，然后才能生成。");
    await p.page.click("#sc-build", { force: true });
    expect(await p.page.getAttribute("#scorecard-root .sc-result", "data-outcome")).toBeNull();
    expect(await p.page.textContent("#scorecard-root")).not.toMatch(/status thresholds|选项无效/);
    expect(await snapshot(p)).toEqual(before);
    await p.page.fill("#sc-near", "90");
    expect(await pressAndWait(p, "#sc-build")).toBe("built");
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("item 13: wording", () => {
  it('an Excel message ending in "." is embedded without a second full stop, in English and Chinese', async () => {
    const p = await openPane(
      sampleKpiWorkbook("en", {
        faults: [{ path: "range.formulas", sheet: "CRM Scorecard", nth: 2, message: "The disk is full." }],
      }),
    );
    await useSelection(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("error");
    expect(await resultText(p)).toBe(
      'Writing the scorecard failed: The disk is full. The half-built sheet "CRM Scorecard" was removed; nothing else was changed.',
    );
    await p.page.click("#switch-language");
    expect(await resultText(p)).toBe(
      "写入计分卡失败：The disk is full。已删除未完成的工作表“CRM Scorecard”，其他内容均未更改。",
    );
    await p.page.close();
  });

  it("Chinese problems quote the cell the Chinese way: 目标值是文本“TBD”", async () => {
    const p = await openPane(sampleKpiWorkbook("zh", {}, (rows) => ((rows[6] as unknown[])[3] = "TBD")));
    await useSelection(p);
    expect(await problems(p)).toEqual(["Sheet1!D7：目标值是文本“TBD”"]);
    await p.page.close();
  });

  it("a source sheet renamed after Use selection: Build says to select the table and press Use selection again", async () => {
    const p = await openPane(sampleKpiWorkbook("en"));
    await useSelection(p);
    await p.page.evaluate(() =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").name = "KPIs";
        await ctx.sync();
      }),
    );
    const before = await snapshot(p);
    expect(await pressAndWait(p, "#sc-build")).toBe("error");
    expect(await resultText(p)).toBe(
      'The sheet "Sheet1" that holds the table was not found: it may have been renamed or deleted. Select the table and press Use selection again. Nothing was written.',
    );
    expect(await snapshot(p)).toEqual(before);
    await p.page.click("#switch-language");
    expect(await resultText(p)).toBe(
      "找不到表格所在的工作表“Sheet1”：它可能已被重命名或删除。请选择表格，然后再次按“使用所选区域”。未写入任何内容。",
    );
    await p.page.close();
  });
});
