/**
 * KPI tables for the scorecard writer's tests and bench: the sample CSVs of test/fixtures/scorecard as cell
 * rows (numbers parsed, blanks null), and generated tables of any size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FakeHostConfig } from "./fakeExcel";

const FIXTURES = path.resolve(__dirname, "../fixtures/scorecard");

/** A CSV's rows as cells: numeric fields as numbers, empty fields as null (simple CSV: no quoted commas). */
export function csvCells(text: string): (string | number | null)[][] {
  return text
    .replace(/\r/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) =>
      line.split(",").map((f) => {
        if (f === "") return null;
        const x = Number(f);
        return /^-?\d/.test(f) && Number.isFinite(x) ? x : f;
      }),
    );
}

/** The sample KPI table, "en" (kpis-en.csv) or "zh" (kpis-zh.csv): 19 KPIs under a header row. */
export function sampleKpis(lang: "en" | "zh"): (string | number | null)[][] {
  return csvCells(readFileSync(path.join(FIXTURES, `kpis-${lang}.csv`), "utf8"));
}

/**
 * A fake workbook holding the sample KPI table of `lang` at Sheet1!A1:G20, selected, in an Office of that
 * language (zh-CN or en-US); `more` adds to or overrides the configuration, `edit` changes the rows first.
 */
export function sampleKpiWorkbook(
  lang: "en" | "zh",
  more: FakeHostConfig = {},
  edit?: (rows: unknown[][]) => void,
): FakeHostConfig {
  const rows: unknown[][] = sampleKpis(lang);
  edit?.(rows);
  return {
    displayLanguage: lang === "zh" ? "zh-CN" : "en-US",
    sheets: { Sheet1: { [`A1:G${rows.length}`]: rows } },
    selection: `Sheet1!A1:G${rows.length}`,
    ...more,
  };
}

/** A table of n KPIs with the sample's English headers, four perspectives, both directions, some thresholds. */
export function generatedKpis(n: number): (string | number | null)[][] {
  const perspectives = ["Financial", "Customer", "Internal process", "Learning & growth"];
  const rows: (string | number | null)[][] = [
    ["Metric", "Perspective", "Actual", "Target", "Weight", "Direction", "Threshold"],
  ];
  for (let i = 0; i < n; i++) {
    const lower = i % 5 === 0;
    const target = 100 + (i % 17);
    const actual = target * (0.6 + ((i * 37) % 61) / 100);
    rows.push([
      `KPI ${i + 1}`,
      perspectives[Math.floor((i * 4) / n)]!,
      actual,
      target,
      1 + (i % 7),
      lower ? "lower" : "higher",
      i % 3 === 0 ? (lower ? target * 2 : 0) : null,
    ]);
  }
  return rows;
}
