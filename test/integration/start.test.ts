import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { connect, createServer } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../support/dist";

const RECORD = path.join(ROOT, ".tmp", "dev-server.json");

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

/** Runs `npm stop`'s script to its end. */
function stopScript(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/stop.mjs")], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Whether process `pid` exists (and is not a zombie awaiting its parent). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const others: ChildProcess[] = [];
afterEach(() => {
  for (const p of others.splice(0)) p.kill("SIGKILL");
});

/**
 * Another project's dev server as the old `npm stop` saw it: a process whose command line says
 * "webpack serve" (what `pkill -f "webpack serve"` matched).
 */
function decoyWebpack(): ChildProcess {
  const p = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "webpack", "serve", "--mode", "development"]);
  others.push(p);
  return p;
}

/** Another program listening on `host`:`port`, in its own process (what `fuser -k 3000/tcp` ended). */
async function otherListener(host: string, port: number): Promise<ChildProcess> {
  const code = `require("net").createServer((s) => s.end("other")).listen(${port}, "${host}", () => console.log("up"))`;
  const p = spawn(process.execPath, ["-e", code]);
  others.push(p);
  await new Promise<void>((resolve, reject) => {
    p.stdout.once("data", () => resolve());
    p.once("exit", () => reject(new Error(`the other listener could not listen on ${host}:${port}`)));
  });
  return p;
}

/** Whether something answers on `host`:`port`. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, host, () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

describe.skipIf(process.platform !== "linux")("npm stop on Linux ends only what npm start started", () => {
  it("with no server recorded, another listener on port 3000 and another 'webpack serve' survive", async () => {
    rmSync(RECORD, { force: true });
    const decoy = decoyWebpack();
    const listener = await otherListener("127.0.0.1", 3000);
    const r = stopScript();
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/nothing to stop/);
    await new Promise((done) => setTimeout(done, 300));
    expect(alive(decoy.pid!)).toBe(true);
    expect(alive(listener.pid!)).toBe(true);
    expect(await answers("127.0.0.1", 3000)).toBe(true);
  }, 30_000);

  it("a record whose process is gone is removed; one whose id is now another program leaves that program alone", async () => {
    mkdirSync(path.dirname(RECORD), { recursive: true });
    const ended = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const goneRecord = { pid: Number(ended.stdout.trim()), port: 3000, cmdline: "webpack", startTime: "1" };
    writeFileSync(RECORD, JSON.stringify(goneRecord));
    let r = stopScript();
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/no longer running; removed the stale record/);
    expect(existsSync(RECORD)).toBe(false);

    // A reused id: the recorded pid now runs something with "webpack serve" in its command line, started
    // at another time and from another folder.
    const decoy = decoyWebpack();
    writeFileSync(RECORD, JSON.stringify({ pid: decoy.pid, port: 3000, cmdline: "webpack", startTime: "1" }));
    r = stopScript();
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/another program, which was left alone/);
    expect(existsSync(RECORD)).toBe(false);
    await new Promise((done) => setTimeout(done, 300));
    expect(alive(decoy.pid!)).toBe(true);
  }, 30_000);

  it("ends the server npm start started (its whole process group) and cleans the record; others survive", async () => {
    rmSync(RECORD, { force: true });
    const decoy = decoyWebpack();
    // Port 3000 on another loopback address: fuser -k 3000/tcp ended it, npm start's server does not clash.
    const listener = await otherListener("127.0.0.2", 3000);
    const run = startScript();
    try {
      expect((await waitFor("https://localhost:3000/taskpane.html", 60_000)).status).toBe(200);
      const record = JSON.parse(readFileSync(RECORD, "utf8")) as { pid: number; port: number };
      expect(record.port).toBe(3000);
      expect(alive(record.pid)).toBe(true);
      const r = stopScript();
      expect(r.status).toBe(0);
      expect(r.output).toMatch(
        new RegExp(`Stopped the development server started by \`npm start\` \\(process ${record.pid}`),
      );
      expect(await run.exited).toBe(0);
      expect(alive(record.pid)).toBe(false);
      expect(existsSync(RECORD)).toBe(false);
      await expect(get("https://localhost:3000/taskpane.html")).rejects.toThrow();
      expect(alive(decoy.pid!)).toBe(true);
      expect(alive(listener.pid!)).toBe(true);
      expect(await answers("127.0.0.2", 3000)).toBe(true);
      expect(stopScript().output).toMatch(/nothing to stop/);
    } finally {
      run.stop();
      await run.exited;
      stopScript();
    }
  }, 120_000);
});
