/**
 * Accessibility of the production task pane in Chromium with the fake Office host (WCAG 2.1 A and AA):
 * axe-core (../support/axe.ts) on the pane's states, in English and Chinese, under a light and a dark Office
 * theme; and visible focus (what axe cannot see): on lists, text boxes, the options' summary and buttons the
 * ring is at least 2px, solid, outside the control, and at least 3:1 against the page (SC 1.4.11, 2.4.7).
 *
 * Every state of the scorecard section is checked with every rule (issue 13 items 7 and 9).
 */
import { describe, expect, it } from "vitest";
import { browserSessionPerFile, openTaskpane, skipBrowserLayer, type HostPage } from "../support/browser";
import type { FakeHostConfig } from "../support/fakeExcel.js";
import { axeViolations, describeViolations } from "../support/axe";
import { contrastRatio } from "../support/colour";
import { OFFICE_THEMES, officeThemeSetup } from "../support/officeThemes";
import { sampleKpiWorkbook } from "../support/scorecardKpis";
import { pressAndWait, useSelection } from "../support/scorecardPane";
import { pressSharing } from "../support/sharingPane";
import { sharingWorkbook } from "../support/sharingWorkbook";

const session = browserSessionPerFile({ viewport: { width: 400, height: 900 } });

type Lang = "en" | "zh";
type Theme = "light" | "dark";
const LANGS: Lang[] = ["en", "zh"];
const THEMES: Theme[] = ["light", "dark"];

const kpiWorkbook = (lang: Lang, edit?: (rows: unknown[][]) => void): FakeHostConfig =>
  sampleKpiWorkbook(lang, {}, edit);

/** Opens the pane under a White (light) or Black (dark) Office theme and waits until it has started. */
function openPane(config: FakeHostConfig, theme: Theme): Promise<HostPage> {
  const setup = theme === "dark" ? officeThemeSetup(OFFICE_THEMES.black) : undefined;
  return openTaskpane(session, config, setup ? { setup } : {});
}

const violations = async (p: HostPage, disableRules?: string[]): Promise<string[]> =>
  describeViolations(await axeViolations(p.page, disableRules ? { disableRules } : {}));

describe.skipIf(skipBrowserLayer)("axe-core finds no WCAG 2.1 A/AA violation", () => {
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      it(`on the first view (${lang}, ${theme} theme)`, async () => {
        const p = await openPane(kpiWorkbook(lang), theme);
        expect(await violations(p)).toEqual([]);
        await p.page.close();
      });

      it(`on the sharing results: Check, then Restore with nothing to restore (${lang}, ${theme})`, async () => {
        const p = await openPane({ ...sharingWorkbook(), displayLanguage: lang === "zh" ? "zh-CN" : "en-US" }, theme);
        await pressSharing(p, "check");
        expect(await violations(p)).toEqual([]);
        await pressSharing(p, "restore");
        expect(await violations(p)).toEqual([]);
        await p.page.close();
      });

      it(`on every state of the scorecard section: mapped, options open with invalid options, built, problems, no header row (${lang}, ${theme})`, async () => {
        const p = await openPane(kpiWorkbook(lang), theme);
        await useSelection(p);
        expect(await violations(p)).toEqual([]);
        await p.page.click("#scorecard-root .sc-options summary");
        expect(await violations(p)).toEqual([]);
        // Invalid options: messages tied to their fields, Build waiting with its reason.
        await p.page.fill("#sc-cap", "lots");
        await p.page.fill("#sc-near", "120");
        await p.page.fill("#scorecard-root .sc-bands-table tr:nth-child(3) input[type=text]:not([inputmode])", " ");
        expect(await violations(p)).toEqual([]);
        await p.page.fill("#sc-cap", "120");
        await p.page.fill("#sc-near", "80");
        await p.page.click("#scorecard-root [data-action=reset-bands]");
        await pressAndWait(p, "#sc-build");
        // Built: the result, Build offering a second scorecard or a Refresh, the list with its named buttons.
        expect(await violations(p)).toEqual([]);
        await p.page.close();
        const q = await openPane(
          kpiWorkbook(lang, (rows) => {
            (rows[6] as unknown[])[3] = "n/a";
            (rows[9] as unknown[])[4] = -2;
          }),
          theme,
        );
        await useSelection(q);
        expect(await violations(q)).toEqual([]);
        await q.page.close();
        const r = await openPane({ ...kpiWorkbook(lang), selection: "Sheet1!A2:G20" }, theme);
        await useSelection(r);
        expect(await violations(r)).toEqual([]);
        await r.page.close();
      });
    }
  }
});

/** The focused element's ring and the page background behind it. */
async function focusRing(p: HostPage) {
  return p.page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      style: s.outlineStyle,
      width: parseFloat(s.outlineWidth),
      offset: parseFloat(s.outlineOffset),
      color: s.outlineColor,
      page: getComputedStyle(document.body).backgroundColor,
    };
  });
}

describe.skipIf(skipBrowserLayer)("focus is clearly visible (2px ring, ≥ 3:1 against the page)", () => {
  for (const theme of THEMES) {
    it(`on a column list, a text box, the options' summary and buttons (${theme} theme)`, async () => {
      const p = await openPane(kpiWorkbook("en"), theme);
      await useSelection(p);
      await p.page.click("#scorecard-root .sc-options summary");
      const targets = [
        "#scorecard-root select[data-role=target]", // a list, focused by mouse too
        "#sc-cap", // a text box
      ];
      const rings = [];
      for (const selector of targets) {
        await p.page.click(selector);
        if (selector.startsWith("#scorecard-root select")) await p.page.keyboard.press("Escape");
        rings.push(await focusRing(p));
      }
      // Buttons and the summary show the ring on keyboard focus: reach each with Shift+Tab, Tab.
      await p.page.focus("#sc-use");
      await p.page.keyboard.press("Shift+Tab");
      await p.page.keyboard.press("Tab"); // back on Use selection, by keyboard
      rings.push(await focusRing(p));
      await p.page.focus("#scorecard-root .sc-options summary");
      await p.page.keyboard.press("Shift+Tab");
      await p.page.keyboard.press("Tab");
      rings.push(await focusRing(p));
      expect(rings.map((r) => r.tag)).toEqual(["select", "input", "button", "summary"]);
      for (const r of rings) {
        expect(r.style).toBe("solid");
        expect(r.width).toBeGreaterThanOrEqual(2);
        expect(r.offset).toBeGreaterThanOrEqual(1);
        expect(contrastRatio(r.color, r.page)).toBeGreaterThanOrEqual(3);
      }
      await p.screenshot(`focus-ring-${theme}`);
      await p.page.close();
    });
  }
});
