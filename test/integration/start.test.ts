import { spawn } from "node:child_process";
import { request } from "node:https";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/dist";

/** Runs `npm start`'s script and collects its output until it exits or `until` matches. */
function startScript(env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
    },
  };
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitFor(url: string, ms: number): Promise<{ status: number; body: string }> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await get(url);
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe.skipIf(process.platform !== "linux")("npm start on Linux", () => {
  it("exits non-zero with a clear message when port 3000 is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(3000, "localhost", () => r()));
    try {
      const run = startScript();
      const code = await run.exited;
      expect(code).toBe(1);
      expect(run.output()).toMatch(/Port 3000 is already in use/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 30_000);

  it("serves the task pane, the functions bundle and metadata over https and prints the sideload steps", async () => {
    const run = startScript();
    try {
      const page = await waitFor("https://localhost:3000/taskpane.html", 60_000);
      expect(page.status).toBe(200);
      expect(page.body).toContain("functions.js");
      const meta = await get("https://localhost:3000/functions.json");
      expect((JSON.parse(meta.body) as { functions: unknown[] }).functions.length).toBeGreaterThan(0);
      expect((await get("https://localhost:3000/functions.js")).status).toBe(200);
      expect((await get("https://localhost:3000/taskpane.js")).status).toBe(200);
      expect((await get("https://localhost:3000/manifest.xml")).body).toContain("https://localhost:3000/taskpane.html");
      expect(run.output()).toMatch(/Upload My Add-in/);
      expect(run.output()).toContain(path.join(ROOT, "manifest.xml"));
    } finally {
      run.stop();
      await run.exited;
    }
  }, 90_000);
});
