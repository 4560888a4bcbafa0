/**
 * The scorecard history (DESIGN.md "Scorecard over time and against benchmarks"): a period's record,
 * recording it (append; the same period again replaces only its rows; the summary places periods by their
 * labels), reading the table back (an unreadable one is reported, not overwritten), and previous values
 * taken from it. Updates are applied to an in-memory grid the way a writer applies them (delete A:J rows
 * shifting up, clear, write), so the tests check the sheet a user would see.
 */
import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/core/address";
import {
  HistoryTable,
  historySheetName,
  previousFromHistory,
  readHistoryTable,
} from "../../../src/core/scorecard/history";
import { periodRecordFromSheet } from "../../../src/core/scorecard/historyRecord";
import { historySheet, HistoryUpdate, recordPeriod } from "../../../src/core/scorecard/historyUpdate";
import {
  buildScorecardPlan,
  planCells,
  scorecardPeriodRecord,
  ScorecardOptions,
} from "../../../src/core/scorecard/plan";
import { readScorecardTable, ScorecardTable, sourceRange } from "../../../src/core/scorecard/table";

const SHEET = "CRM Scorecard History";

/** A two-KPI table: A (Financial) actual a of target 100, B (Customer) actual b of target 50. */
function table(
  a: number,
  b: number,
  extra: { head: string[]; cells: unknown[][] } = { head: [], cells: [[], []] },
): ScorecardTable {
  const r = readScorecardTable(
    sourceRange("Data", "A1", [
      ["Metric", "Perspective", "Actual", "Target", ...extra.head],
      ["A", "Financial", a, 100, ...extra.cells[0]!],
      ["B", "Customer", b, 50, ...extra.cells[1]!],
    ]),
  );
  if (r.table === null) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.table;
}

function record(a: number, b: number, period: string, options: ScorecardOptions = {}) {
  return scorecardPeriodRecord(table(a, b), { asOf: "2026-11-15", period, ...options });
}

type Grid = unknown[][];

/** Writes values into a grid. */
function write(g: Grid, w: { address: string; values: unknown[][] }): void {
  const b = parseRange(w.address);
  w.values.forEach((row, i) => row.forEach((v, j) => ((g[b.top + i] ??= [])[b.left + j] = v)));
}

/** Applies an update to a sheet grid as the writers do, in the update's order. */
function apply(grid: Grid, u: HistoryUpdate): Grid {
  const g = grid.map((row) => [...row]);
  for (const w of u.records.writes) write(g, w);
  for (const run of u.deleteRows) {
    const n = run.last - run.first + 1;
    const height = g.length;
    for (let r = run.first; r < height; r++) {
      for (let c = 0; c < 10; c++) (g[r] ??= [])[c] = g[r + n]?.[c] ?? null;
    }
  }
  for (const range of u.summary.clear) {
    const b = parseRange(range);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (g[r]) g[r]![c] = null;
  }
  write(g, u.summary.write);
  return g;
}

function read(grid: Grid): HistoryTable {
  const r = readHistoryTable(SHEET, { topLeft: "A1", values: grid.map((row) => row.map((v) => v ?? "")) });
  if (r.table === null) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.table;
}

/** The summary block (from L1) of a grid. */
function summary(grid: Grid): unknown[][] {
  return grid
    .map((row) => row.slice(11).map((v) => v ?? null))
    .filter((row) => row.some((v) => v !== null))
    .map((row) => {
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
}

describe("a period's record", () => {
  it("one row per KPI, per perspective and the overall score, with the period and the as-of date", () => {
    // A: 80/100 → 80 (B Good: ≥ 75); B: 50/50 → 100; equal weights: overall (80 + 100)/2 = 90 (A Excellent: ≥ 90).
    const r = record(80, 50, "2026 Q3");
    expect(r.period).toBe("2026 Q3");
    expect(r.rows.map((x) => [x.level, x.perspective, x.metric, x.actual, x.target, x.score, x.rating])).toEqual([
      ["kpi", "Financial", "A", 80, 100, 80, ""],
      ["kpi", "Customer", "B", 50, 50, 100, ""],
      ["perspective", "Financial", "", null, null, 80, "B Good"],
      ["perspective", "Customer", "", null, null, 100, "A Excellent"],
      ["overall", "", "", null, null, 90, "A Excellent"],
    ]);
    expect(r.rows.every((x) => x.asOf === 46341 && x.period === "2026 Q3")).toBe(true); // 2026-11-15
  });

  it("read from a scorecard sheet's calculated values, it is the core's record", () => {
    const t = table(80, 50, { head: ["Benchmark"], cells: [[85], [null]] });
    const plan = buildScorecardPlan(t, { asOf: "2026-11-15" });
    const grid: unknown[][] = [];
    for (const { row, column, cell } of planCells(plan))
      (grid[row] ??= [])[column] = cell.kind === "formula" ? cell.expected : cell.value;
    const values = Array.from({ length: grid.length }, (_, r) =>
      Array.from({ length: 40 }, (_, c) => grid[r]?.[c] ?? ""),
    );
    const got = periodRecordFromSheet(values, plan.settings);
    expect(got.problem).toBeNull();
    // The sheet shows the period (a benchmark column brings it): 2026 Q4.
    expect(got.record).toEqual(scorecardPeriodRecord(t, { asOf: "2026-11-15" }));
    expect(got.record!.rows[0]!.benchmark).toBe(85);
  });

  it("a scorecard sheet changed by hand cannot be read: the message says to refresh first", () => {
    const plan = buildScorecardPlan(table(80, 50), { asOf: "2026-11-15" });
    const values = [[""], [""], [""], ["Total", 90]];
    const got = periodRecordFromSheet(values, plan.settings);
    expect(got.record).toBeNull();
    expect(got.problem!.message).toMatch(/A4 is not "Overall score".*refresh it/);
    expect(got.problem!.messageZh).toMatch(/请先刷新/);
  });
});

describe("recording periods", () => {
  const q3 = record(80, 50, "2026 Q3");
  const q4 = record(90, 60, "2026 Q4"); // A 90; B 60/50 = 1.2 → 120; overall 105

  it("a new history: header A1:J1, the records from row 2, the summary from L1 with its chart", () => {
    const u = recordPeriod(null, q3, "en");
    expect(u.create).toBe(true);
    const g = apply([], u);
    expect(g[0]!.slice(0, 10)).toEqual([
      "Period",
      "Level",
      "Perspective",
      "Metric",
      "Actual",
      "Target",
      "Benchmark",
      "Score",
      "Rating",
      "As of",
    ]);
    expect(g[1]!.slice(0, 10)).toEqual(["2026 Q3", "KPI", "Financial", "A", 80, 100, null, 80, null, 46341]);
    expect(g[5]!.slice(0, 10)).toEqual(["2026 Q3", "Overall", null, null, null, null, null, 90, "A Excellent", 46341]);
    expect(summary(g)).toEqual([
      ["Period", "Overall score", "Financial", "Customer"],
      ["2026 Q3", 90, 80, 100],
    ]);
    expect(u.chart).toMatchObject({
      type: "lineMarkers",
      source: "L1:O2",
      categories: "L2",
      series: [
        { name: "Overall score", values: "M2" },
        { name: "Financial", values: "N2" },
        { name: "Customer", values: "O2" },
      ],
      from: "Q1",
    });
    // Names and periods stay text ("@" before the values).
    expect(u.records.formats).toContainEqual({ range: "A2:A6", numberFormat: "@" });
  });

  it("the next period is appended below, the earlier rows untouched", () => {
    const g1 = apply([], recordPeriod(null, q3, "en"));
    const u = recordPeriod(read(g1), q4, "en");
    expect([u.create, u.replaces, u.deleteRows]).toEqual([false, false, []]);
    expect(u.records.writes[0]!.address).toBe("A7:J11");
    const g2 = apply(g1, u);
    expect(g2.slice(0, 6).map((r) => r.slice(0, 10))).toEqual(g1.slice(0, 6).map((r) => r.slice(0, 10)));
    expect(summary(g2)).toEqual([
      ["Period", "Overall score", "Financial", "Customer"],
      ["2026 Q3", 90, 80, 100],
      ["2026 Q4", 105, 90, 120],
    ]);
    expect(u.summary.clear).toEqual(["L1:O2"]);
  });

  it("a period recorded out of order is placed by its label in the summary", () => {
    const q2 = record(70, 40, "2026年第2季度"); // A 70; B 40/50 → 80; overall 75
    let g = apply([], recordPeriod(null, q3, "en"));
    g = apply(g, recordPeriod(read(g), q4, "en"));
    g = apply(g, recordPeriod(read(g), q2, "en"));
    expect(summary(g).map((r) => r.slice(0, 2))).toEqual([
      ["Period", "Overall score"],
      ["2026年第2季度", 75],
      ["2026 Q3", 90],
      ["2026 Q4", 105],
    ]);
  });

  it("recording the same period again replaces only that period's rows (in either language)", () => {
    let g = apply([], recordPeriod(null, q3, "en"));
    g = apply(g, recordPeriod(read(g), q4, "en"));
    const again = record(100, 50, "2026年第3季度"); // A 100; B 100; overall 100
    const u = recordPeriod(read(g), again, "en");
    expect(u.replaces).toBe(true);
    expect(u.deleteRows).toEqual([{ first: 1, last: 5 }]);
    // The new rows are written below everything first (a failure then leaves the period twice, never lost).
    expect(u.records.writes[0]!.address).toBe("A12:J16");
    g = apply(g, u);
    // Q4's rows moved up unchanged; the new Q3 rows follow them.
    expect(g.slice(1, 6).map((r) => r[0])).toEqual(Array(5).fill("2026 Q4"));
    expect(g.slice(6, 11).map((r) => r[0])).toEqual(Array(5).fill("2026年第3季度"));
    expect(g[11]?.[0] ?? null).toBeNull();
    expect(read(g).rows).toHaveLength(10);
    // The update knows the table it leaves behind.
    expect(u.table.rows).toEqual(read(g).rows);
    expect(u.table.sheetRows).toEqual(read(g).sheetRows);
    expect(summary(g).slice(1)).toEqual([
      ["2026年第3季度", 100, 100, 100],
      ["2026 Q4", 105, 90, 120],
    ]);
  });

  it("rows of one period split by hand edits are deleted run by run, bottom first", () => {
    let g = apply([], recordPeriod(null, q3, "en"));
    g = apply(g, recordPeriod(read(g), q4, "en"));
    // The user moved the Q3 overall row below Q4 and left a blank row.
    const q3overall = g[5]!;
    g.splice(5, 1);
    g.push([], q3overall);
    const u = recordPeriod(read(g), record(85, 50, "2026 Q3"), "en");
    expect(u.deleteRows).toEqual([
      { first: 11, last: 11 },
      { first: 1, last: 4 },
    ]);
    g = apply(g, u);
    expect(u.table.sheetRows).toEqual(read(g).sheetRows);
    expect(read(g).rows.filter((r) => r.period === "2026 Q3")).toHaveLength(5);
    expect(read(g).rows.filter((r) => r.period === "2026 Q4")).toHaveLength(5);
  });

  it("a whole history at once (the command line): the same sheet as recording one period after another", () => {
    const one = apply(
      apply([], recordPeriod(null, q3, "en")),
      recordPeriod(read(apply([], recordPeriod(null, q3, "en"))), q4, "en"),
    );
    const all = apply([], historySheet([q3, q4], "en"));
    expect(all.map((r) => r.slice(0, 10))).toEqual(one.map((r) => r.slice(0, 10)));
    expect(summary(all)).toEqual(summary(one));
  });

  it("a Chinese history: 期间 … 截至日期, levels 指标 / 维度 / 综合", () => {
    const g = apply([], recordPeriod(null, record(80, 50, "2026年第3季度", { language: "zh" }), "zh"));
    expect(g[0]!.slice(0, 3)).toEqual(["期间", "层级", "维度"]);
    expect(g.slice(1, 6).map((r) => r[1])).toEqual(["指标", "指标", "维度", "维度", "综合"]);
    // The summary's own headers are Chinese; its other columns are the perspectives as named in the table.
    expect(summary(g)[0]).toEqual(["期间", "综合得分", "Financial", "Customer"]);
    expect(read(g).language).toBe("zh");
  });

  it("the history sheet is found by either name; a new one is named in the pane's language", () => {
    expect(historySheetName(["Sheet1", "计分卡历史"], "en")).toEqual({ name: "计分卡历史", exists: true });
    expect(historySheetName(["crm scorecard history"], "zh")).toEqual({ name: "crm scorecard history", exists: true });
    expect(historySheetName(["Sheet1"], "zh")).toEqual({ name: "计分卡历史", exists: false });
  });
});

describe("an unreadable history is reported with its cells, never overwritten", () => {
  const good = apply([], recordPeriod(null, record(80, 50, "2026 Q3"), "en"));
  const problems = (edit: (g: Grid) => void): string[] => {
    const g = good.map((r) => [...r]);
    edit(g);
    return readHistoryTable(SHEET, { topLeft: "A1", values: g.map((r) => r.map((v) => v ?? "")) }).problems.map(
      (p) => p.message,
    );
  };

  it("a changed header row", () => {
    expect(problems((g) => (g[0]![7] = "Points"))).toEqual([
      "'CRM Scorecard History'!A1: A1:J1 is not the history's header row " +
        "(Period, Level, Perspective, Metric, Actual, Target, Benchmark, Score, Rating, As of)",
    ]);
  });

  it("an unknown level, a score that is text, a KPI row without its metric, a blank period", () => {
    expect(
      problems((g) => {
        g[1]![1] = "Goal";
        g[2]![7] = "high";
        g[2]![3] = null;
        g[3]![0] = "";
      }),
    ).toEqual([
      `'CRM Scorecard History'!B2: Level "Goal" is not KPI, Perspective or Overall`,
      `'CRM Scorecard History'!H3: not a number ("high")`,
      "'CRM Scorecard History'!D3: a KPI row has no metric",
      "'CRM Scorecard History'!A4: the period is blank",
    ]);
  });

  it("the Chinese messages name the same cells", () => {
    const g = good.map((r) => [...r]);
    g[2]![4] = "#N/A";
    const r = readHistoryTable(SHEET, { topLeft: "A1", values: g.map((row) => row.map((v) => v ?? "")) });
    expect(r.table).toBeNull();
    expect(r.problems[0]!.messageZh).toBe(`'CRM Scorecard History'!E3：不是数值（“#N/A”）`);
  });

  it("a used range that does not start at A1 is read from A1 (blank rows skipped)", () => {
    const shifted = good.map((r) => [...r]);
    shifted.splice(3, 0, []); // a blank row inside the table
    const values = shifted.slice(1).map((r) => r.map((v) => v ?? ""));
    // Used range from A2: the header is missing, so the table is unreadable.
    expect(readHistoryTable(SHEET, { topLeft: "A2", values }).problems[0]!.code).toBe("header");
    const t = read(shifted);
    expect(t.rows).toHaveLength(5);
    expect(t.sheetRows).toEqual([1, 2, 4, 5, 6]);
  });
});

describe("previous values from the history (a table without a Previous column)", () => {
  const history = apply(
    apply([], recordPeriod(null, record(80, 50, "2026 Q2"), "en")),
    recordPeriod(read(apply([], recordPeriod(null, record(80, 50, "2026 Q2"), "en"))), record(85, 45, "2026 Q3"), "en"),
  );

  it("the period before this one, KPIs matched by perspective and metric (case and spaces aside)", () => {
    const h = read(history);
    expect(
      previousFromHistory(h, "2026 Q4", [
        { perspective: " financial ", metric: "a" },
        { perspective: "Customer", metric: "New" },
      ]),
    ).toEqual({
      period: "2026 Q3",
      values: [85, null],
    });
    expect(previousFromHistory(h, "2026 Q3", [{ perspective: "Financial", metric: "A" }])!.values).toEqual([80]);
    expect(previousFromHistory(h, "2026 Q2", [{ perspective: "Financial", metric: "A" }])).toBeNull();
  });

  it("the scorecard compares with them and names the period; a Previous column wins over the history", () => {
    const h = read(history);
    const plan = buildScorecardPlan(table(90, 60), { asOf: "2026-11-15", history: h });
    const c = new Map(
      [...planCells(plan)].map(({ address, cell }) => [address, cell.kind === "formula" ? cell.expected : cell.value]),
    );
    expect([c.get("C3"), c.get("D3")]).toEqual(["Compared with", "2026 Q3"]);
    expect([c.get("L7"), c.get("L8")]).toEqual([85, 45]); // values, not links
    // A: 90 vs 85 → +5, previous score 85; B: 60/50 → 120 vs 45/50 → 90.
    expect([c.get("M7"), c.get("O7"), c.get("O8"), c.get("P8")]).toEqual([5, 85, 90, 30]);
    const withColumn = buildScorecardPlan(table(90, 60, { head: ["Previous"], cells: [[70], [null]] }), {
      asOf: "2026-11-15",
      history: h,
    });
    expect(withColumn.comparison!.kpis.map((k) => k.previous)).toEqual([70, null]);
  });

  it("a history without an earlier period leaves the scorecard without comparisons", () => {
    const plan = buildScorecardPlan(table(90, 60), { asOf: "2026-05-15", history: read(history) }); // 2026 Q2
    expect(plan.comparison).toBeUndefined();
  });
});
