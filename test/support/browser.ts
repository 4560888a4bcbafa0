/**
 * Browser-layer helpers: serve the production dist/ on 127.0.0.1, run Debian's Chromium through
 * playwright-core (never a downloaded browser), and open add-in pages with the fake Office/Excel host
 * (test/support/fakeExcel/, bundled into one script by esbuild) injected before the page's own scripts.
 *
 * Nothing leaves the machine: the office.js CDN URL is answered with an empty script (the fake host already
 * installed `Office`, `Excel` and `CustomFunctions`), and every other request that is not for the local
 * server is aborted and listed in `HostPage.blocked`. Pages opened with `{ host: "none" }` get no fake host:
 * the CDN's files are then served from the pinned @microsoft/office-js package, so the genuine office.js runs
 * (outside Office, as when someone opens the page in a browser).
 *
 * One browser per test file: `const session = browserSessionPerFile()` at the top of the file (it starts the
 * session in beforeAll and closes it in afterAll); `session.open("taskpane.html", config)` per test (a fresh
 * page, so a fresh fake host), or `openTaskpane(session, config)` to wait until Office.onReady has run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll } from "vitest";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";
import { DIST, ROOT } from "./dist";
import type { FakeCall, FakeHostConfig, FakeInvocation, FakeInvokeResult } from "./fakeExcel";
import { findChromium } from "./systemTools";

/** Debian's Chromium (systemTools.ts finds it; CRM_CHROMIUM overrides). */
export const CHROMIUM = process.env.CRM_CHROMIUM || findChromium() || "/usr/bin/chromium";
export const ARTIFACTS = path.join(ROOT, "test/artifacts");
/** The fake host's page entry (bundled by fakeHostScript). */
export const FAKE_HOST_ENTRY = path.join(ROOT, "test/support/fakeExcel/browser.ts");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The CDN folder office.js loads its other files from, and where the pinned package keeps the same files. */
export const OFFICE_JS_BASE = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);
export const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/**
 * True when Chromium is missing. The suites then skip themselves; the browser project's global setup
 * (systemTools.ts) has already failed the run loudly unless CRM_SKIP_SYSTEM_TESTS=1 was set.
 */
export const skipBrowserLayer = !existsSync(CHROMIUM);

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** Serves a directory (default dist/) on 127.0.0.1 on a free port; GET and HEAD only, no directory listing. */
export async function serveDirectory(dir: string = DIST): Promise<StaticServer> {
  if (!existsSync(path.join(dir, "taskpane.html"))) {
    throw new Error(
      `${path.relative(ROOT, dir) || dir}/taskpane.html is missing: build first (npx webpack --mode production)`,
    );
  }
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(root, "." + (pathname.endsWith("/") ? pathname + "index.html" : pathname));
    const inside = file === root || file.startsWith(root + path.sep);
    if ((req.method !== "GET" && req.method !== "HEAD") || !inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(req.method === "GET" || req.method === "HEAD" ? 404 : 405, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page opened with the fake host, with what it reported. */
export interface HostPage {
  page: Page;
  /** Uncaught page errors and console.error messages, in order. */
  errors: string[];
  /** Requests that were not for the local server nor office.js (aborted). */
  blocked: string[];
  /** The fake host's call log and sync count. */
  log(): Promise<{ calls: FakeCall[]; syncCount: number }>;
  /** Empties the call log and resets the sync count (to reuse one page across tests). */
  clearLog(): Promise<void>;
  /** Saves a full-page PNG as test/artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

export interface OpenOptions {
  /**
   * JavaScript run in the page right after the fake host is installed and before the page's scripts, with
   * `host` bound to it — for what JSON cannot carry, e.g. `host.setEvaluator((f) => ...)`.
   */
  setup?: string;
  /** Wait until this selector is attached before returning. */
  waitFor?: string;
  /**
   * "fake" (default): the fake host, office.js answered with an empty script. "none": no fake host, and the
   * genuine office.js (and the files it loads) from @microsoft/office-js, as outside Office.
   */
  host?: "fake" | "none";
}

export interface BrowserSession {
  baseUrl: string;
  context: BrowserContext;
  /** Opens `pathname` of dist/ in a new page whose fake host is configured by `config`. */
  open(pathname: string, config?: FakeHostConfig, options?: OpenOptions): Promise<HostPage>;
  close(): Promise<void>;
}

let bundled: string | undefined;

/** The fake host as one browser script: its TypeScript modules bundled by esbuild (once per test file). */
export function fakeHostScript(): string {
  bundled ??= buildSync({
    entryPoints: [FAKE_HOST_ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  }).outputFiles[0]!.text;
  return bundled;
}

/** The init script: the config, the fake host, and the optional setup. */
export function fakeHostInitScript(config: FakeHostConfig = {}, setup?: string): string {
  const fake = fakeHostScript();
  return [
    `globalThis.__fakeHostConfig = ${JSON.stringify(config)};`,
    fake,
    setup ? `;(function (host) {\n${setup}\n})(globalThis.__fakeHost);` : "",
  ].join("\n");
}

/** How a session's Chromium is started. */
export interface SessionOptions {
  /** The page size; 380×720 (a task pane) unless given. */
  viewport?: { width: number; height: number };
}

/** Starts the dist/ server and one Chromium (fresh profile directory) for a test file. */
export async function startBrowserSession(options: SessionOptions = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set CRM_SKIP_SYSTEM_TESTS=1`,
    );
  }
  const server = await serveDirectory();
  const profile = mkdtempSync(path.join(os.tmpdir(), "crm-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 380, height: 720 },
      deviceScaleFactor: 1,
      locale: "en-US",
      timeout: 60_000,
    });
  } catch (e) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }

  const open = async (pathname: string, config: FakeHostConfig = {}, opts: OpenOptions = {}): Promise<HostPage> => {
    const page = await context.newPage();
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (opts.host === "none" && url.startsWith(OFFICE_JS_BASE)) return fulfilOfficeJs(route, url);
      if (url === OFFICE_JS_URL) {
        return route.fulfill({
          status: 200,
          contentType: "application/javascript",
          body: "/* office.js: replaced by the fake host (test/support/fakeExcel/) */",
        });
      }
      blocked.push(url);
      return route.abort();
    });
    if (opts.host !== "none") await page.addInitScript({ content: fakeHostInitScript(config, opts.setup) });
    await page.goto(server.url + pathname.replace(/^\//, ""), { waitUntil: "load" });
    if (opts.waitFor) await page.waitForSelector(opts.waitFor, { state: "attached" });
    return {
      page,
      errors,
      blocked,
      log: () => hostLog(page),
      clearLog: () => page.evaluate(() => globalThis.__fakeHost!.clearLog()),
      screenshot: (name) => screenshot(page, name),
    };
  };

  return {
    baseUrl: server.url,
    context,
    open,
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Answers a request for the office.js CDN with the same file of the pinned @microsoft/office-js package. */
function fulfilOfficeJs(route: Route, url: string): Promise<void> {
  const relative = decodeURIComponent(new URL(url).pathname).slice(new URL(OFFICE_JS_BASE).pathname.length);
  const file = path.resolve(OFFICE_JS_DIST, relative);
  if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    return route.fulfill({ status: 404, contentType: "text/plain", body: "not in @microsoft/office-js" });
  }
  return route.fulfill({
    status: 200,
    contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    body: readFileSync(file),
  });
}

/** The fake host's call log and sync count, read from the page. */
export async function hostLog(page: Page): Promise<{ calls: FakeCall[]; syncCount: number }> {
  return page.evaluate(() => {
    const host = globalThis.__fakeHost;
    if (!host) throw new Error("the fake host is not installed in this page");
    return host.log();
  });
}

/** Saves a full-page screenshot as test/artifacts/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name.endsWith(".png") ? name : `${name}.png`);
  const png = await page.screenshot({ fullPage: true, animations: "disabled" });
  writeFileSync(file, png);
  return file;
}

/**
 * The browser session of the test file that calls this at its top level: started in a beforeAll (not when the
 * browser layer is skipped), closed in an afterAll. The returned session forwards to the started one, so it is
 * usable in the file's own hooks registered after this call and in its tests.
 */
export function browserSessionPerFile(options: SessionOptions = {}): BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    if (skipBrowserLayer) return;
    session = await startBrowserSession(options);
  });
  afterAll(async () => {
    await session?.close();
    session = undefined;
  });
  const started = (): BrowserSession => {
    if (!session) throw new Error("the browser session has not started: use it in a hook or a test");
    return session;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    get context() {
      return started().context;
    },
    open: (pathname, config, opts) => started().open(pathname, config, opts),
    close: async () => {
      await session?.close();
      session = undefined;
    },
  };
}

/** Waits until the task pane has started: Office.onReady has run and the pane shows Office's language. */
export async function waitForPane(p: HostPage): Promise<void> {
  await p.page.waitForFunction(() => document.getElementById("office-language")?.textContent !== "…");
}

/** Opens taskpane.html with the fake host configured by `config` and waits until the pane has started. */
export async function openTaskpane(
  session: BrowserSession,
  config: FakeHostConfig = {},
  options: OpenOptions = {},
): Promise<HostPage> {
  const p = await session.open("taskpane.html", config, options);
  await waitForPane(p);
  return p;
}

/** Calls custom function `id` through the fake host (as Excel would) and returns its settled result. */
export function invokeFunction(
  p: HostPage,
  id: string,
  args: unknown[],
  invocation?: FakeInvocation,
): Promise<FakeInvokeResult> {
  return p.page.evaluate(([i, a, inv]) => globalThis.__fakeHost!.invokeSettled(i, a, inv), [
    id,
    args,
    invocation,
  ] as const);
}

/**
 * Waits (10 s) until a section of the pane is mounted: `selector` is attached. When it never is, fails with
 * `missing`, which says what the bundle lacks and where it comes from.
 */
export async function waitForSection(p: HostPage, selector: string, missing: string): Promise<void> {
  const mounted = await p.page
    .waitForSelector(selector, { state: "attached", timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!mounted) throw new Error(missing);
}

/** A sheet a co-author adds while an operation of the pane runs, and the values they type at `range` of it. */
export interface ColleagueSheet {
  sheet: string;
  range: string;
  values: unknown[][];
}

/**
 * Clicks `selector` in the page and, 300 ms later, adds `edit`'s sheet as a co-author would (their own
 * Excel.run against the same workbook). Returns a function that waits until the co-author's sync is done.
 */
export async function clickWhileColleagueAddsSheet(
  p: HostPage,
  selector: string,
  edit: ColleagueSheet,
): Promise<() => Promise<void>> {
  await p.page.evaluate(
    ({ selector, sheet, range, values }) => {
      document.querySelector<HTMLButtonElement>(selector)!.click();
      (globalThis as { colleague?: Promise<void> }).colleague = new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          Excel.run(async (ctx) => {
            ctx.workbook.worksheets.add(sheet).getRange(range).values = values;
            await ctx.sync();
          }).then(resolve, reject);
        }, 300);
      });
    },
    { selector, ...edit },
  );
  return async () => {
    await p.page.evaluate(() => (globalThis as { colleague?: Promise<void> }).colleague);
  };
}
