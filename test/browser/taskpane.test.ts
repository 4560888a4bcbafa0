/**
 * The production task pane in Chromium with the fake Office host: it renders the add-in's name in the header and
 * its version and Office's display language in an About line at the bottom, follows that language (English /
 * 简体中文), switches on request, remembers the user's choice per user (OfficeRuntime.storage, never the
 * workbook) across a reload, and saves screenshots under test/artifacts/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSessionPerFile, openTaskpane, skipBrowserLayer, waitForPane, type HostPage } from "../support/browser";
import { ROOT } from "../support/dist";

const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const session = browserSessionPerFile();
/** The pane under an English Office, shared by the tests that read and then switch it. */
let english: HostPage;

beforeAll(async () => {
  if (skipBrowserLayer) return;
  english = await openPane("en-US");
});

/** Opens the pane and waits until Office.onReady has run (the language is shown). */
function openPane(displayLanguage: string): Promise<HostPage> {
  return openTaskpane(session, { displayLanguage });
}

async function texts(p: HostPage) {
  return p.page.evaluate(() => ({
    name: document.getElementById("app-name")?.textContent,
    version: document.getElementById("app-version")?.textContent,
    language: document.getElementById("office-language")?.textContent,
    toggle: document.getElementById("switch-language")?.textContent,
    title: document.title,
    lang: document.documentElement.lang,
    headings: ["scorecard-title", "sharing-title", "formulas-title"].map(
      (id) => document.getElementById(id)?.textContent,
    ),
    notice:
      document.getElementById("host-status")?.hidden === false
        ? document.getElementById("host-status")?.textContent
        : null,
  }));
}

describe.skipIf(skipBrowserLayer)("task pane in Chromium", () => {
  it(`renders "CRM Metrics", version ${version} and Office's display language en-US, in English`, async () => {
    const p = english;
    const t = await texts(p);
    expect(t.name).toBe("CRM Metrics");
    expect(t.title).toBe("CRM Metrics");
    expect(t.version).toBe(version);
    expect(t.language).toBe("en-US");
    expect(t.lang).toBe("en");
    expect(t.toggle).toBe("中文");
    expect(t.headings).toEqual(["Scorecard builder", "Prepare for sharing", "Formulas"]);
    expect(t.notice).toBeNull(); // Office.js is present: no "open this from Excel" notice
    await p.screenshot("taskpane-en");
    expect(p.errors).toEqual([]);
    expect(p.blocked).toEqual([]);
  });

  it('follows a zh-CN Office: "CRM 指标", Chinese headings, the language shown as zh-CN', async () => {
    const p = await openPane("zh-CN");
    const t = await texts(p);
    expect(t.name).toBe("CRM 指标");
    expect(t.title).toBe("CRM 指标");
    expect(t.version).toBe(version);
    expect(t.language).toBe("zh-CN");
    expect(t.lang).toBe("zh-CN");
    expect(t.toggle).toBe("English");
    expect(t.headings).toEqual(["计分卡生成器", "共享前准备", "公式"]);
    await p.screenshot("taskpane-zh");
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("the language button switches English → 中文 → English, and the Office language shown stays en-US", async () => {
    const p = english;
    await p.page.click("#switch-language");
    let t = await texts(p);
    expect(t.name).toBe("CRM 指标");
    expect(t.headings).toEqual(["计分卡生成器", "共享前准备", "公式"]);
    expect(t.toggle).toBe("English");
    expect(t.lang).toBe("zh-CN");
    expect(t.language).toBe("en-US");

    await p.page.click("#switch-language");
    t = await texts(p);
    expect(t.name).toBe("CRM Metrics");
    expect(t.headings).toEqual(["Scorecard builder", "Prepare for sharing", "Formulas"]);
    expect(t.toggle).toBe("中文");
    expect(p.errors).toEqual([]);
  });

  it("version and Office language sit in an About line at the bottom, not in the header", async () => {
    const p = english;
    const layout = await p.page.evaluate(() => {
      const about = document.querySelector("footer.about")!;
      return {
        header: document.querySelector("header")!.textContent.replace(/\s+/g, " ").trim(),
        about: about.textContent.replace(/\s+/g, " ").trim(),
        afterMain: document.querySelector("main")!.compareDocumentPosition(about) === Node.DOCUMENT_POSITION_FOLLOWING,
        holds:
          about.contains(document.getElementById("app-version")) &&
          about.contains(document.getElementById("office-language")),
      };
    });
    expect(layout.header).toBe("CRM Metrics中文"); // the name and the language switch, nothing else
    expect(layout.about).toBe(`About: CRM Metrics · Version ${version} · Office language en-US`);
    expect(layout.afterMain).toBe(true);
    expect(layout.holds).toBe(true);
    expect(await p.page.getAttribute("#switch-language", "lang")).toBe("zh-CN");
  });

  it("remembers the chosen language per user (OfficeRuntime.storage), not in the workbook: a reload keeps 中文", async () => {
    // The fake host's OfficeRuntime.storage lives in the page; this setup keeps it in sessionStorage so that it
    // outlives a reload, as Office's own storage does.
    const persistStorage = `
      const KEY = "__fakeOfficeRuntimeStorage";
      const kept = JSON.parse(sessionStorage.getItem(KEY) || "{}");
      for (const [k, v] of Object.entries(kept)) host.OfficeRuntime.storage.setItem(k, v);
      const setItem = host.OfficeRuntime.storage.setItem;
      host.OfficeRuntime.storage.setItem = (k, v) => {
        kept[k] = String(v);
        sessionStorage.setItem(KEY, JSON.stringify(kept));
        return setItem(k, v);
      };`;
    const p = await openTaskpane(session, { displayLanguage: "en-US" }, { setup: persistStorage });
    expect((await texts(p)).name).toBe("CRM Metrics");
    await p.clearLog();
    await p.page.click("#switch-language");
    await p.page.waitForFunction(() =>
      OfficeRuntime.storage.getItem("crm-metrics.pane-language").then((v) => v === "zh"),
    );
    const log = await p.log();
    expect(log.calls.filter((c) => c.write || /settings/i.test(c.path))).toEqual([]); // nothing in the workbook
    expect(await p.page.evaluate(() => localStorage.getItem("crm-metrics.pane-language"))).toBeNull();

    await p.page.reload();
    await waitForPane(p);
    const t = await texts(p);
    expect(t.name).toBe("CRM 指标");
    expect(t.language).toBe("en-US"); // Office still says English; the user's choice wins
    expect(t.headings).toEqual(["计分卡生成器", "共享前准备", "公式"]);
    expect(p.errors).toEqual([]);
    await p.page.close();
  });

  it("another Office language (de-DE) falls back to English and is shown as de-DE", async () => {
    const p = await openPane("de-DE");
    const t = await texts(p);
    expect(t.name).toBe("CRM Metrics");
    expect(t.language).toBe("de-DE");
    await p.page.close();
  });
});
