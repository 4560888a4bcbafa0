/**
 * The command line as users start it, in child processes: the `crm-scorecard` bin that `npx crm-scorecard`
 * runs, and `npx tsx src/cli/crm-scorecard.ts`. (The options and files themselves are tested in-process in
 * test/cli/crm-scorecard.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "../support/cli";
import { ROOT } from "../support/dist";

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const bin = path.join(ROOT, pkg.bin["crm-scorecard"]!);

beforeAll(buildCli, 60_000);

describe("the crm-scorecard bin that `npx crm-scorecard` runs", () => {
  it("writes a scorecard workbook from the sample CSV and exits 0", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-bin-")), "card.xlsx");
    const r = spawnSync(process.execPath, [bin, path.join(ROOT, "test/fixtures/scorecard/kpis-en.csv"), "--out", out], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/19 KPIs/);
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it("exits 1 with the cell-addressed message for a bad table, writing nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-bin-"));
    const input = path.join(dir, "bad.csv");
    writeFileSync(input, "Metric,Actual,Target\nRevenue,10,n/a\n");
    const r = spawnSync(process.execPath, [bin, input, "--out", path.join(dir, "out.xlsx")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad!C2: Target is text "n/a"');
    expect(existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  }, 60_000);

  it("speaks Chinese to a table with Chinese headers (and to --lang zh)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-bin-"));
    const input = path.join(dir, "zh.csv");
    writeFileSync(input, "指标,实际值,目标值\n收入,10,n/a\n");
    const r = spawnSync(process.execPath, [bin, input, "--out", path.join(dir, "out.xlsx")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("zh!C2：目标值是文本“n/a”");
    const en = spawnSync(process.execPath, [bin, input, "--lang", "en", "--out", path.join(dir, "out.xlsx")], {
      encoding: "utf8",
    });
    expect(en.stderr).toContain('zh!C2: Target is text "n/a"');
  }, 60_000);
});

describe("the TypeScript source run by tsx", () => {
  it("runs as `npx tsx src/cli/crm-scorecard.ts` and exits 1 on bad input", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-bin-"));
    const input = path.join(dir, "bad.csv");
    writeFileSync(input, "Metric,Perspective,Actual,Target,Weight\na,X,1,2,1\nf,X,1,n/a,1\n");
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const p = spawnSync(
      tsx,
      [path.join(ROOT, "src", "cli", "crm-scorecard.ts"), input, "--out", path.join(dir, "b.xlsx")],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('bad!D3: Target is text "n/a"');
    expect(existsSync(path.join(dir, "b.xlsx"))).toBe(false);
  }, 60_000);
});
