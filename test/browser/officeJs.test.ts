/**
 * The production task pane with the genuine office.js (pinned as @microsoft/office-js and served in place of
 * Microsoft's CDN), opened outside Office — as the README asks users to open https://localhost:3000/taskpane.html
 * to accept the development certificate. The pane says at the top, in English and Chinese, that it works
 * inside Excel and how to sideload it; remembers the user's language choice across a reload (localStorage,
 * since OfficeRuntime does not exist outside Office); and follows the system's light/dark setting as it changes.
 */
import { describe, expect, it } from "vitest";
import { browserSessionPerFile, skipBrowserLayer, waitForPane, type HostPage } from "../support/browser";
import { axeViolations, describeViolations } from "../support/axe";

const session = browserSessionPerFile();

/** The only request office.js makes outside the local server and its own folder: its telemetry frame. */
const OFFICE_TELEMETRY = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

/** Opens the pane with the genuine office.js and no fake host, and waits until it has started. */
async function openOutsideOffice(): Promise<HostPage> {
  const p = await session.open("taskpane.html", {}, { host: "none" });
  await p.page.evaluate(() => localStorage.clear());
  await p.page.reload();
  await waitForPane(p);
  return p;
}

/** The notice's texts, whether it is shown, and whether it comes before everything else in <main>. */
async function notice(p: HostPage) {
  return p.page.evaluate(() => {
    const n = document.getElementById("host-status")!;
    const main = document.querySelector("main")!;
    const firstShown = Array.from(main.children).find((c) => !(c as HTMLElement).hidden);
    const box = n.getBoundingClientRect();
    return {
      shown: !n.hidden && box.height > 0,
      first: firstShown === n,
      top: box.top,
      heading: n.querySelector("h2")?.textContent ?? "",
      text: (n.textContent ?? "").replace(/\s+/g, " ").trim(),
      officeJsMissingShown: document.getElementById("office-js-missing")?.hidden === false,
    };
  });
}

describe.skipIf(skipBrowserLayer)("the task pane with the genuine office.js, outside Office", () => {
  it("says at the top that the page works inside Excel and how to sideload it (English), with no errors", async () => {
    const p = await openOutsideOffice();
    expect(await p.page.evaluate(() => typeof Office !== "undefined" && typeof Excel === "undefined")).toBe(true);
    const n = await notice(p);
    expect(n.shown).toBe(true);
    expect(n.first).toBe(true);
    expect(n.top).toBeLessThan(120); // right under the header, without scrolling
    expect(n.heading).toBe("This page works inside Excel");
    expect(n.text).toContain("Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in");
    expect(n.text).toContain("manifest.xml");
    expect(n.text).toContain("npm start");
    expect(n.text).toContain("accept its certificate");
    expect(n.officeJsMissingShown).toBe(false); // office.js did load; only Excel is missing
    expect(await p.page.textContent("#office-language")).toBe("—");
    expect(await p.page.isDisabled("#sc-use")).toBe(true);
    expect(p.errors).toEqual([]);
    expect(p.blocked.filter((u) => !OFFICE_TELEMETRY.test(u))).toEqual([]);
    expect(describeViolations(await axeViolations(p.page))).toEqual([]);
    await p.screenshot("office-js-outside-excel-en");
    await p.page.close();
  });

  it("says the same in Chinese after the switch, and keeps the choice across a reload (localStorage)", async () => {
    const p = await openOutsideOffice();
    await p.page.click("#switch-language");
    let n = await notice(p);
    expect(n.heading).toBe("此页面需要在 Excel 中使用");
    expect(n.text).toContain("“开始”→“加载项”→“更多加载项”→“我的加载项”→“上传我的加载项”");
    expect(n.text).toContain("manifest.xml");
    expect(await p.page.evaluate(() => localStorage.getItem("crm-metrics.pane-language"))).toBe("zh");
    expect(describeViolations(await axeViolations(p.page))).toEqual([]);
    await p.screenshot("office-js-outside-excel-zh");

    await p.page.reload();
    await waitForPane(p);
    n = await notice(p);
    expect(n.shown).toBe(true);
    expect(n.heading).toBe("此页面需要在 Excel 中使用");
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await p.page.textContent("#switch-language")).toBe("English");

    await p.page.click("#switch-language");
    await p.page.reload();
    await waitForPane(p);
    expect((await notice(p)).heading).toBe("This page works inside Excel");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("follows the system's dark setting without an Office theme, and its changes while open", async () => {
    const p = await openOutsideOffice();
    const background = () => p.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await p.page.emulateMedia({ colorScheme: "light" });
    expect(await background()).toBe("rgb(255, 255, 255)");
    await p.page.emulateMedia({ colorScheme: "dark" });
    await p.page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    expect(await background()).toBe("rgb(41, 41, 41)"); // the pane's dark default, #292929 (Fluent's dark background)
    expect(describeViolations(await axeViolations(p.page))).toEqual([]);
    await p.page.emulateMedia({ colorScheme: "light" });
    await p.page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    expect(await background()).toBe("rgb(255, 255, 255)");
    await p.page.close();
  });
});
