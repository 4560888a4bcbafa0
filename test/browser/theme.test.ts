/**
 * The pane follows Office's theme (Office.context.officeTheme, set on the fake host for each test): the body and
 * the controls take Office's colours, everything else stays readable (axe-core finds no contrast problem) in
 * the White, Colorful, Dark Gray and Black themes; disabled buttons have Fluent's flat look; and in forced-colours
 * mode (Chromium's emulation of Windows high contrast) the pane uses the system's colours.
 * The themes are in ../support/officeThemes.ts.
 */
import { describe, expect, it } from "vitest";
import { browserSessionPerFile, openTaskpane, skipBrowserLayer, type HostPage } from "../support/browser";
import type { FakeHostConfig } from "../support/fakeExcel.js";
import { axeViolations, describeViolations } from "../support/axe";
import { sampleKpiWorkbook } from "../support/scorecardKpis";
import { useSelection } from "../support/scorecardPane";
import {
  cssRgb as rgb,
  OFFICE_THEMES as THEMES,
  officeThemeSetup,
  type OfficeThemeColours,
} from "../support/officeThemes";

const session = browserSessionPerFile({ viewport: { width: 400, height: 900 } });

const workbook: FakeHostConfig = sampleKpiWorkbook("en");

function openPane(theme?: OfficeThemeColours, config: FakeHostConfig = workbook): Promise<HostPage> {
  return openTaskpane(session, config, theme ? { setup: officeThemeSetup(theme) } : {});
}

/** Computed colours of the body, a select and the theme flag. */
async function colours(p: HostPage) {
  return p.page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const select = document.querySelector("#scorecard-root select");
    const s = select ? getComputedStyle(select) : null;
    return {
      bodyBg: body.backgroundColor,
      bodyText: body.color,
      selectBg: s?.backgroundColor ?? null,
      selectText: s?.color ?? null,
      theme: document.documentElement.dataset.theme,
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
    };
  });
}

describe.skipIf(skipBrowserLayer)("the pane follows Office's theme", () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    const dark = name !== "colorful";
    it(`${name}: body and controls take Office's colours, and axe finds no contrast or other WCAG problem`, async () => {
      const p = await openPane(theme);
      expect(describeViolations(await axeViolations(p.page))).toEqual([]);
      await useSelection(p);
      expect(await colours(p)).toEqual({
        bodyBg: rgb(theme.bodyBackgroundColor),
        bodyText: rgb(theme.bodyForegroundColor),
        selectBg: rgb(theme.controlBackgroundColor),
        selectText: rgb(theme.controlForegroundColor),
        theme: dark ? "dark" : "light",
        colorScheme: dark ? "dark" : "light",
      });
      // The preview's scroll region is not focusable yet (issue 13 item 7, scorecard/ui.ts): left out here,
      // recorded in a11y.test.ts; every colour of this state is checked.
      const v = await axeViolations(p.page, { disableRules: ["scrollable-region-focusable"] });
      expect(describeViolations(v)).toEqual([]);
      await p.screenshot(`theme-${name}`);
      expect(p.errors).toEqual([]);
      await p.page.close();
    });
  }

  it("a theme whose text is unreadable on its background (4.5:1 not met) is replaced by readable defaults", async () => {
    const p = await openPane({
      bodyBackgroundColor: "#777777",
      bodyForegroundColor: "#808080",
      controlBackgroundColor: "#777777",
      controlForegroundColor: "#808080",
    });
    const c = await colours(p);
    expect([c.bodyBg, c.bodyText]).toEqual(["rgb(41, 41, 41)", "rgb(255, 255, 255)"]); // the dark defaults
    expect(describeViolations(await axeViolations(p.page))).toEqual([]);
    await p.page.close();
  });

  it("disabled buttons have Fluent's look: a flat neutral fill and grey text, not a faded primary button", async () => {
    const p = await openPane(undefined, { sheets: { Sheet1: {} } });
    const look = await p.page.evaluate(() => {
      const b = document.getElementById("sc-build") as HTMLButtonElement;
      const s = getComputedStyle(b);
      return {
        // aria-disabled, not disabled: a disabled button would drop the keyboard focus (issue 13 item 6).
        disabled: b.getAttribute("aria-disabled") === "true" && !b.disabled,
        opacity: s.opacity,
        bg: s.backgroundColor,
        color: s.color,
        border: s.borderTopColor,
        cursor: s.cursor,
      };
    });
    // Fluent 2 (light): colorNeutralBackgroundDisabled #f0f0f0, colorNeutralForegroundDisabled #bdbdbd,
    // colorNeutralStrokeDisabled #e0e0e0 — the pane derives its greys from the theme, so within a few levels.
    expect(look.disabled).toBe(true);
    expect(look.opacity).toBe("1");
    expect(look.cursor).toBe("not-allowed");
    const near = (css: string, hex: string) => {
      const a = css.match(/\d+/g)!.map(Number);
      const b = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return a.slice(0, 3).every((v, i) => Math.abs(v - b[i]!) <= 8);
    };
    expect(near(look.bg, "#f0f0f0")).toBe(true);
    expect(near(look.color, "#bdbdbd")).toBe(true);
    expect(near(look.border, "#e0e0e0")).toBe(true);
    await p.page.close();
  });
});

describe.skipIf(skipBrowserLayer)("forced-colours mode (Windows high contrast, emulated by Chromium)", () => {
  it("focus is a 2px Highlight ring, disabled buttons are GrayText, link buttons LinkText", async () => {
    const p = await openPane(THEMES.black);
    await p.page.emulateMedia({ forcedColors: "active" });
    const system = await p.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const c of ["Highlight", "GrayText", "LinkText", "Canvas"]) {
        const d = document.createElement("div");
        d.style.color = c;
        document.body.append(d);
        out[c] = getComputedStyle(d).color;
        d.remove();
      }
      return out;
    });
    const build = await p.page.evaluate(() => {
      const s = getComputedStyle(document.getElementById("sc-build")!);
      return { color: s.color, border: s.borderTopColor };
    });
    expect(build).toEqual({ color: system.GrayText, border: system.GrayText });
    expect(await p.page.evaluate(() => getComputedStyle(document.getElementById("switch-language")!).color)).toBe(
      system.LinkText,
    );
    expect(await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(system.Canvas);

    await useSelection(p);
    await p.page.focus("#scorecard-root select[data-role=target]");
    const ring = await p.page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
    });
    expect(ring).toEqual({ style: "solid", width: "2px", color: system.Highlight });
    await p.screenshot("theme-forced-colors");
    await p.page.close();
  });
});
