/**
 * The scorecard over time and against benchmarks (DESIGN.md "Scorecard over time and against benchmarks"),
 * on one small table worked by hand. Four KPIs, equal weights (¼ each), cap 120 %:
 *
 * | KPI     | persp.    | dir    | actual | target | thr  | previous | benchmark |
 * | Revenue | Financial | higher | 110    | 100    |      | 100      | 105       |
 * | CAC     | Financial | lower  | 850    | 800    | 1200 | 900      | 850       |
 * | NPS     | Customer  | higher | 42     | 50     | 0    | (blank)  | 45        |
 * | Churn   | Customer  | lower  | 0.1    | 0.1    |      | 0        | (blank)   |
 *
 * Scores: Revenue 110/100 → 110; CAC (850−1200)/(800−1200) = 0.875 → 87.5; NPS 42/50 → 84; Churn 0.1/0.1 → 100.
 * Previous scores: Revenue 100/100 → 100; CAC (900−1200)/(−400) = 0.75 → 75; NPS none; Churn: previous 0 on a
 * lower-is-better KPI without threshold scores the cap → 120.
 */
import { describe, expect, it } from "vitest";
import { compareScorecard } from "../../../src/core/scorecard/comparison";
import { buildScorecardPlan, Plan, PlanCell, planCells } from "../../../src/core/scorecard/plan";
import { scoreScorecard, DEFAULT_STATUS } from "../../../src/core/scorecard/scoring";
import { scorecardLabels } from "../../../src/core/scorecard/labels";
import { readScorecardTable, ScorecardTable, sourceRange } from "../../../src/core/scorecard/table";

const HEAD = ["Metric", "Perspective", "Actual", "Target", "Direction", "Threshold", "Previous", "Benchmark"];
const ROWS: unknown[][] = [
  ["Revenue", "Financial", 110, 100, "higher", null, 100, 105],
  ["CAC", "Financial", 850, 800, "lower", 1200, 900, 850],
  ["NPS", "Customer", 42, 50, "higher", 0, null, 45],
  ["Churn", "Customer", 0.1, 0.1, "lower", null, 0, null],
];

function tableOf(rows: unknown[][], head = HEAD): ScorecardTable {
  const r = readScorecardTable(sourceRange("Data", "A1", [head, ...rows]));
  if (r.table === null) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.table;
}

function cells(p: Plan): Map<string, PlanCell> {
  return new Map([...planCells(p)].map(({ address, cell }) => [address, cell]));
}

function value(c: PlanCell | undefined): unknown {
  if (c === undefined) return undefined;
  return c.kind === "formula" ? c.expected : c.value;
}

describe("comparisons per KPI (worked by hand, see the file's comment)", () => {
  const table = tableOf(ROWS);
  const result = scoreScorecard(table.kpis, {
    cap: 1.2,
    status: DEFAULT_STATUS,
    ratingBands: scorecardLabels("en").ratingBands,
  });
  const c = compareScorecard(
    table.kpis,
    result,
    { previous: table.kpis.map((k) => k.previous), benchmark: table.kpis.map((k) => k.benchmark) },
    1.2,
  );

  it("change = actual − previous; change % = change/|previous|, none when previous is 0 or missing", () => {
    expect(c.kpis.map((k) => k.change)).toEqual([10, -50, null, 0.1]);
    expect(c.kpis[0]!.changePercent).toBe(0.1); // 10/100
    expect(c.kpis[1]!.changePercent).toBeCloseTo(-50 / 900, 15);
    expect(c.kpis[2]!.changePercent).toBeNull(); // no previous
    expect(c.kpis[3]!.changePercent).toBeNull(); // previous 0
  });

  it("previous score: the previous actual against the same target and threshold (100, 75, none, the cap 120)", () => {
    expect(c.kpis.map((k) => k.previousScore)).toEqual([100, 75, null, 120]);
    expect(c.kpis.map((k) => k.scoreChange)).toEqual([10, 12.5, null, -20]);
  });

  it("trend follows the direction: a lower CAC improved (+1), a higher churn declined (−1)", () => {
    expect(c.kpis.map((k) => k.trend)).toEqual([1, 1, null, -1]);
  });

  it("gap to the benchmark is ahead-positive: 110−105 = +5, 850−850 = 0 (a tie is ahead), 42−45 = −3", () => {
    expect(c.kpis.map((k) => k.gap)).toEqual([5, 0, -3, null]);
    expect(c.kpis.map((k) => k.ahead)).toEqual([true, true, false, null]);
  });

  it("a perspective's previous score weighs only its KPIs with a previous value", () => {
    // Financial: (¼·100 + ¼·75)/½ = 87.5 against (¼·110 + ¼·87.5)/½ = 98.75 → +11.25.
    // Customer: only Churn has one: ¼·120/¼ = 120 against (¼·84 + ¼·100)/½ = 92 → −28.
    expect(c.perspectives).toEqual([
      { previousScore: 87.5, change: 11.25 },
      { previousScore: 120, change: -28 },
    ]);
    // Overall: (¼·100 + ¼·75 + ¼·120)/¾ = 98.333… against ¼·(110 + 87.5 + 84 + 100) = 95.375.
    expect(c.overall.previousScore).toBeCloseTo(295 / 3, 12);
    expect(c.overall.change).toBeCloseTo(95.375 - 295 / 3, 12);
  });

  it("movers by change in score: improvements CAC (+12.5) then Revenue (+10); declines Churn (−20)", () => {
    expect(c.improvements).toEqual([1, 0]);
    expect(c.declines).toEqual([3]);
  });

  it("equal score changes keep table order; an unchanged score is neither an improvement nor a decline", () => {
    const t = tableOf(
      [
        ["A", "P", 90, 100, "higher", null, 80, null],
        ["B", "P", 90, 100, "higher", null, 80, null],
        ["C", "P", 90, 100, "higher", null, 90, null],
      ],
      HEAD.slice(0, 7),
    );
    const r = scoreScorecard(t.kpis, {
      cap: 1.2,
      status: DEFAULT_STATUS,
      ratingBands: scorecardLabels("en").ratingBands,
    });
    const m = compareScorecard(t.kpis, r, { previous: t.kpis.map((k) => k.previous), benchmark: null }, 1.2);
    expect(m.improvements).toEqual([0, 1]);
    expect(m.declines).toEqual([]);
    expect(m.kpis[2]!.trend).toBe(0);
    expect(m.hasBenchmark).toBe(false);
  });
});

describe("the sheet of a scorecard with Previous and Benchmark columns", () => {
  const plan = buildScorecardPlan(tableOf(ROWS), { asOf: "2026-11-15" });
  const c = cells(plan);

  it("adds, after Status (K), Previous … Trend (L–Q) and Benchmark … Vs benchmark (R–T); helpers move right", () => {
    const row6 = "KLMNOPQRST".split("").map((col) => value(c.get(`${col}6`)));
    expect(row6).toEqual([
      "Status",
      "Previous",
      "Change",
      "Change %",
      "Previous score",
      "Score change",
      "Trend",
      "Benchmark",
      "Gap to benchmark",
      "Vs benchmark",
    ]);
    expect(c.get("U6")).toBeUndefined(); // the empty column before the helpers
    expect(value(c.get("V6"))).toBe("Input weight");
    expect(plan.anchors.kpiRows).toBe("A7:T10");
  });

  it("each cell's core value is the hand-worked one", () => {
    const row = (r: number): unknown[] => "LMNOPQRST".split("").map((col) => value(c.get(`${col}${r}`)));
    expect(row(7)).toEqual([100, 10, 0.1, 100, 10, 1, 105, 5, "Ahead"]);
    expect(row(9)).toEqual(["", "", "", "", "", "", 45, -3, "Behind"]);
    expect(row(10)).toEqual([0, 0.1, "", 120, -20, -1, "", "", ""]);
  });

  it("formulas: live links keep a blank Previous blank; trend and gap flip with the direction", () => {
    const f = (a: string): string => {
      const x = c.get(a);
      return x?.kind === "formula" ? x.formula : "";
    };
    expect(f("L9")).toBe(`=IF(ISBLANK('Data'!G4),"",'Data'!G4)`);
    expect(f("N7")).toBe(`=IF(L7="","",IF(L7=0,"",(D7-L7)/ABS(L7)))`);
    expect(f("Q7")).toBe(`=IF(L7="","",SIGN(D7-L7))`); // higher is better
    expect(f("Q8")).toBe(`=IF(L8="","",SIGN(L8-D8))`); // lower is better
    expect(f("S8")).toBe(`=IF(R8="","",R8-D8)`);
    // The previous score uses the row's own target, threshold and the cap cell, as the score does.
    expect(f("O8")).toBe(`=IF(L8="","",ROUND(MAX(0,MIN($B$64,(L8-F8)/(E8-F8)))*100,9))`);
    expect(f("O10")).toBe(`=IF(L10="","",ROUND(IF(L10<=0,$B$64,MAX(0,MIN($B$64,E10/L10)))*100,9))`);
    for (const fx of [...planCells(plan)].flatMap(({ cell }) => (cell.kind === "formula" ? [cell.formula] : [])))
      expect(fx).not.toMatch(/\b(LET|XLOOKUP|FILTER|SORTBY|SORT|UNIQUE|CRM\.)\(/);
  });

  it("the header shows the period, the previous overall score and the change", () => {
    expect([value(c.get("C2")), value(c.get("D2"))]).toEqual(["Period", "2026 Q4"]);
    expect(value(c.get("E4"))).toBe("Previous");
    expect(value(c.get("F4"))).toBeCloseTo(295 / 3, 12);
    expect(value(c.get("H4"))).toBeCloseTo(95.375 - 295 / 3, 12);
  });

  it("the perspective summary adds the previous score and the change; the movers list CAC, Revenue and Churn", () => {
    const t = plan.anchors.perspectives; // header row, then Financial, Customer
    expect(t).toBe("A13:F15");
    expect(["E13", "F13", "E14", "F14", "E15", "F15"].map((a) => value(c.get(a)))).toEqual([
      "Previous score",
      "Score change",
      87.5,
      11.25,
      120,
      -28,
    ]);
    const improvements = plan.anchors.improvements!;
    const top = Number(/A(\d+):/.exec(improvements)![1]);
    expect(["A", "B", "C", "D", "E"].map((col) => value(c.get(`${col}${top + 1}`)))).toEqual([
      "Financial",
      "CAC",
      75,
      87.5,
      12.5,
    ]);
    expect(value(c.get(`B${top + 2}`))).toBe("Revenue");
    expect(value(c.get(`B${top + 3}`))).toBe("");
    const declines = plan.anchors.declines!;
    const dTop = Number(/A(\d+):/.exec(declines)![1]);
    expect(value(c.get(`B${dTop + 1}`))).toBe("Churn");
    expect(value(c.get(`E${dTop + 1}`))).toBe(-20);
  });

  it("an icon set on the trend, ahead green and behind red on Vs benchmark", () => {
    expect(plan.conditionalFormats).toContainEqual({
      kind: "iconSet",
      range: "Q7:Q10",
      icons: "threeArrows",
      thresholds: [0, 1],
    });
    const exprs = plan.conditionalFormats.filter((f) => f.kind === "expression" && f.range === "T7:T10");
    expect(exprs.map((f) => f.kind === "expression" && f.formula)).toEqual([
      "=AND(ISNUMBER($S7),$S7>=0)",
      "=AND(ISNUMBER($S7),$S7<0)",
    ]);
    const trend = plan.formats.find((f) => f.range === "Q7:Q10" && f.numberFormat !== undefined);
    expect(trend?.numberFormat).toBe('"Improved";"Declined";"Unchanged"');
  });

  it("Chinese: headers 上期值 … 对标, the period 2026年第4季度, trend words 改善/下降/持平", () => {
    const zh = cells(buildScorecardPlan(tableOf(ROWS), { asOf: "2026-11-15", language: "zh" }));
    expect("LMNOPQRST".split("").map((col) => value(zh.get(`${col}6`)))).toEqual([
      "上期值",
      "变化",
      "变化率",
      "上期得分",
      "得分变化",
      "趋势",
      "标杆值",
      "与标杆差距",
      "对标",
    ]);
    expect(value(zh.get("D2"))).toBe("2026年第4季度");
    expect(value(zh.get("S7"))).toBe(5);
    expect(value(zh.get("T9"))).toBe("落后");
  });

  it("a snapshot copies the previous values and benchmarks; a blank one stays an empty cell", () => {
    const snap = cells(buildScorecardPlan(tableOf(ROWS), { asOf: "2026-11-15", mode: "snapshot" }));
    expect(snap.get("L7")).toEqual({ kind: "number", value: 100 });
    expect(snap.get("L9")).toBeUndefined();
    expect(snap.get("R10")).toBeUndefined();
  });
});

describe("a scorecard without the new columns is the scorecard of before", () => {
  const head = HEAD.slice(0, 6);
  const plan = buildScorecardPlan(
    tableOf(
      ROWS.map((r) => r.slice(0, 6)),
      head,
    ),
    { asOf: "2026-11-15" },
  );

  it("no comparison, no period, the KPI table ends at Status (K) with the helpers in M…Q", () => {
    expect(plan.comparison).toBeUndefined();
    expect(plan.anchors.kpiRows).toBe("A7:K10");
    expect(plan.anchors.improvements).toBeUndefined();
    expect(plan.blocks.map((b) => b.id)).toEqual([
      "header",
      "kpis",
      "perspectives",
      "strengths",
      "weaknesses",
      "settings",
    ]);
    const c = cells(plan);
    expect(c.get("C2")).toBeUndefined();
    expect(c.get("E4")).toBeUndefined();
  });

  it("the stored settings mention neither the new roles nor a period", () => {
    expect(Object.keys(plan.settings.mapping)).toEqual([
      "metric",
      "perspective",
      "actual",
      "target",
      "weight",
      "direction",
      "threshold",
    ]);
    expect("period" in plan.settings.options).toBe(false);
  });

  it("a period given as an option is shown and stored, without any comparison column", () => {
    const p = buildScorecardPlan(
      tableOf(
        ROWS.map((r) => r.slice(0, 6)),
        head,
      ),
      {
        asOf: "2026-11-15",
        period: "FY2026 H2",
      },
    );
    expect(p.settings.options.period).toBe("FY2026 H2");
    const c = cells(p);
    expect([value(c.get("C2")), value(c.get("D2"))]).toEqual(["Period", "FY2026 H2"]);
    expect(p.anchors.kpiRows).toBe("A7:K10");
  });
});
