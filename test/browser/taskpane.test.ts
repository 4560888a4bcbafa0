/**
 * The production task pane in Chromium with the fake Office host: it renders the add-in's name, version and
 * Office's display language, follows that language (English / 简体中文), switches on request, and saves
 * screenshots under test/artifacts/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipBrowserLayer, startBrowserSession, type BrowserSession, type HostPage } from "../support/browser";
import { ROOT } from "../support/dist";

const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

let session: BrowserSession;
/** The pane under an English Office, shared by the tests that read and then switch it. */
let english: HostPage;

beforeAll(async () => {
  if (skipBrowserLayer) return;
  session = await startBrowserSession();
  english = await openPane("en-US");
});
afterAll(async () => {
  await session?.close();
});

/** Opens the pane and waits until Office.onReady has run (the language is shown). */
async function openPane(displayLanguage: string): Promise<HostPage> {
  const p = await session.open("taskpane.html", { displayLanguage });
  await p.page.waitForFunction(() => document.getElementById("office-language")?.textContent !== "…");
  return p;
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

  it("another Office language (de-DE) falls back to English and is shown as de-DE", async () => {
    const p = await openPane("de-DE");
    const t = await texts(p);
    expect(t.name).toBe("CRM Metrics");
    expect(t.language).toBe("de-DE");
    await p.page.close();
  });
});
