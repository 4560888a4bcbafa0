import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, buildCli } from "../support/cli";
import { ROOT } from "../support/dist";

/**
 * An interrupted `crm-scorecard` (Ctrl+C is SIGINT to it; a kill is SIGTERM) leaves no process and no file:
 * neither the output nor a partial temporary file. The input is a workbook with a large second sheet, which
 * the command copies into its output, so that writing takes long enough to be interrupted in the middle.
 */
const dir = mkdtempSync(path.join(tmpdir(), "crm-interrupt-"));
const input = path.join(dir, "book.xlsx");

beforeAll(async () => {
  buildCli();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input });
  const kpis = wb.addWorksheet("KPIs");
  const csv = readFileSync(path.join(ROOT, "test", "fixtures", "scorecard", "kpis-en.csv"), "utf8");
  for (const line of csv.trim().split("\n")) {
    kpis.addRow(line.split(",").map((v) => (v.trim() !== "" && !isNaN(Number(v)) ? Number(v) : v))).commit();
  }
  kpis.commit();
  const log = wb.addWorksheet("Log");
  for (let i = 0; i < 30_000; i++) log.addRow([i, `customer ${i % 977}`, 45_000 + (i % 365), i / 7, "note"]).commit();
  log.commit();
  await wb.commit();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) kids.push(Number(entry));
    } catch {
      /* ended meanwhile */
    }
  }
  return kids;
}

/** Processes whose command line mentions `text` (the run's unique output path). */
function processesMentioning(text: string): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, "utf8").includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(process.platform !== "linux")("an interrupted crm-scorecard leaves nothing behind", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s while the output is being written: no process, no output, no temporary file",
    async (signal) => {
      const out = path.join(dir, `card-${signal}.xlsx`);
      const child = spawn(process.execPath, [BIN, input, "--sheet", "KPIs", "--out", out]);
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on("exit", (code, sig) => resolve({ code, signal: sig })),
      );
      // Wait for the temporary file: the write has begun.
      let temp: string | undefined;
      for (let i = 0; i < 1200 && temp === undefined; i++) {
        temp = readdirSync(dir).find((f) => f.startsWith(`.card-${signal}.xlsx.`) && f.endsWith(".tmp"));
        if (temp === undefined) await sleep(50);
      }
      expect(temp, "the command never began writing").toBeDefined();
      expect(childrenOf(child.pid!)).toEqual([]); // the command runs in one process: nothing to orphan
      child.kill(signal);
      const end = await exited;
      expect(end.signal).toBe(signal); // ended by the signal, as a shell expects
      expect(stderr).toContain(`stopped by ${signal}; no output file was written`);
      expect(readdirSync(dir).filter((f) => f.includes(`card-${signal}`))).toEqual([]);
      expect(processesMentioning(out)).toEqual([]);
    },
    180_000,
  );

  it("SIGINT while the input is being read: no process, no file", async () => {
    const out = path.join(dir, "card-early.xlsx");
    const child = spawn(process.execPath, [BIN, input, "--sheet", "KPIs", "--out", out]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_c, sig) => resolve(sig)));
    await sleep(500);
    child.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(readdirSync(dir).filter((f) => f.includes("card-early"))).toEqual([]);
    expect(processesMentioning(out)).toEqual([]);
  }, 60_000);
});
