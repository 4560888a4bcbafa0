import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv } from "../support/cli";
import { ROOT } from "../support/dist";

/** The sample KPI table (a copy of ../shared/data/kpis-en.csv, so that the test runs in any clone). */
const SAMPLE = path.join(ROOT, "test", "fixtures", "scorecard", "kpis-en.csv");
const work = mkdtempSync(path.join(tmpdir(), "crm-pack-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function npm(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync("npm", args, { cwd, env: cleanEnv(), encoding: "utf8", timeout: 240_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("crm-scorecard as a user gets it: npm pack, install without dev dependencies, run", () => {
  it("the installed command writes the scorecard workbook from the sample table, with no tsx or TypeScript", async () => {
    // 1. The tarball (prepack builds lib/).
    const packed = npm(["pack", "--pack-destination", work, "--no-fund", "--no-audit"], ROOT);
    expect(packed.status, packed.out).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const listing = spawnSync("tar", ["-tzf", path.join(work, tarball!)], { encoding: "utf8" }).stdout.split("\n");
    expect(listing).toContain("package/bin/crm-scorecard.mjs");
    expect(listing).toContain("package/lib/crm-scorecard.mjs");
    expect(listing.filter((f) => f.startsWith("package/src/") || f.startsWith("package/test/"))).toEqual([]);

    // 2. An empty folder, the tarball installed with dev dependencies omitted.
    const app = path.join(work, "app");
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), '{ "name": "try-crm-scorecard", "private": true }\n');
    const installed = npm(
      ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", path.join(work, tarball!)],
      app,
    );
    expect(installed.status, installed.out).toBe(0);
    const modules = path.join(app, "node_modules");
    expect(existsSync(path.join(modules, "exceljs"))).toBe(true);
    for (const dev of ["tsx", "typescript", "esbuild", "vitest", "webpack"]) {
      expect(existsSync(path.join(modules, dev)), `${dev} was installed`).toBe(false);
    }

    // 3. The command on the sample table.
    const out = path.join(work, "card.xlsx");
    const run = spawnSync(
      path.join(modules, ".bin", "crm-scorecard"),
      [SAMPLE, "--out", out, "--as-of", "2025-03-31"],
      { cwd: app, env: cleanEnv(), encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*card\.xlsx: sheet "CRM Scorecard" from 'kpis-en'!A1:G20, 19 KPIs/);

    // 4. The workbook: the input table and the scorecard sheet with live formulas.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["kpis-en", "CRM Scorecard"]);
    expect(wb.getWorksheet("kpis-en")!.getCell("A1").value).toBe("Metric");
    const sc = wb.getWorksheet("CRM Scorecard")!;
    expect(sc.getCell("A4").value).toBe("Overall score");
    expect(sc.getCell("B4").value).toEqual({ formula: "SUM($J$7:$J$25)" });
    expect(sc.getCell("D7").value).toEqual({ formula: "'kpis-en'!C2" });
  }, 300_000);
});
