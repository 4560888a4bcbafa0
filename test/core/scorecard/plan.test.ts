import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/core/address";
import {
  buildScorecardPlan,
  excelDate,
  mustForceText,
  Plan,
  PlanCell,
  planCells,
  ScorecardOptions,
  uniqueSheetName,
} from "../../../src/core/scorecard/plan";
import { readScorecardTable, ScorecardTable, sourceRange } from "../../../src/core/scorecard/table";

const HEAD = ["Metric", "Perspective", "Actual", "Target", "Weight", "Direction", "Threshold"];
const ROWS: unknown[][] = [
  ["Revenue growth", "Financial", 0.1, 0.12, 10, "higher", 0],
  ["CAC", "Financial", 850, 800, 8, "lower", 1200],
  ["CLV", "Financial", 12000, 10000, 8, "higher", null],
  ["NPS", "Customer", 42, 50, 8, "higher", 0],
  ["Churn", "Customer", 0.11, 0.1, 6, "lower", null],
];

function tableOf(rows: unknown[][], head = HEAD, sheet = "Sheet1"): ScorecardTable {
  const r = readScorecardTable(sourceRange(sheet, "A1", [head, ...rows]));
  if (r.table === null) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.table;
}

function plan(options: ScorecardOptions = {}, rows = ROWS): Plan {
  return buildScorecardPlan(tableOf(rows), { asOf: "2025-03-31", ...options });
}

function cells(p: Plan): Map<string, PlanCell> {
  const m = new Map<string, PlanCell>();
  for (const { address, cell } of planCells(p)) m.set(address, cell);
  return m;
}

function shown(c: PlanCell | undefined): unknown {
  if (c === undefined) return undefined;
  return c.kind === "formula" ? c.formula : c.value;
}

describe("sheet and workbook names", () => {
  it("a new scorecard is `CRM Scorecard`, then `CRM Scorecard (2)`… compared case-insensitively", () => {
    expect(uniqueSheetName("CRM Scorecard", ["Sheet1"])).toEqual({ name: "CRM Scorecard", number: 1 });
    expect(uniqueSheetName("CRM Scorecard", ["crm scorecard"]).name).toBe("CRM Scorecard (2)");
    expect(uniqueSheetName("CRM Scorecard", ["CRM Scorecard", "CRM SCORECARD (2)"]).name).toBe("CRM Scorecard (3)");
    expect(plan({ existingSheetNames: ["CRM Scorecard"] }).sheetName).toBe("CRM Scorecard (2)");
  });

  it("a Chinese scorecard is `CRM 计分卡`", () => {
    expect(plan({ language: "zh" }).sheetName).toBe("CRM 计分卡");
    expect(plan({ language: "zh", existingSheetNames: ["CRM 计分卡"] }).sheetName).toBe("CRM 计分卡 (2)");
  });

  it("workbook names for the overall score and rating are unique per scorecard", () => {
    const first = plan();
    expect(first.names.map((n) => [n.name, n.refersTo])).toEqual([
      ["CRM_Scorecard_Score", "='CRM Scorecard'!$B$4"],
      ["CRM_Scorecard_Rating", "='CRM Scorecard'!$D$4"],
      ["CRM_Scorecard_Settings", `='CRM Scorecard'!$B$${parseRange(first.anchors.settings).top + 1}`],
    ]);
    const second = plan({ existingSheetNames: ["CRM Scorecard"], existingNames: first.names.map((n) => n.name) });
    expect(second.names[0]).toMatchObject({ name: "CRM_Scorecard_2_Score", refersTo: "='CRM Scorecard (2)'!$B$4" });
    // A name already taken (say, by a renamed old scorecard) moves the new one on.
    const third = plan({ existingSheetNames: ["CRM Scorecard"], existingNames: ["crm_scorecard_2_rating"] });
    expect(third.names.map((n) => n.name)).toEqual([
      "CRM_Scorecard_3_Score",
      "CRM_Scorecard_3_Rating",
      "CRM_Scorecard_3_Settings",
    ]);
    expect(third.chart.name).toBe("CRM_Scorecard_3_Chart");
  });
});

describe("fixed labels", () => {
  it("English: the KPI table's eleven headers, and `Overall score` with its value to the right", () => {
    const c = cells(plan());
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((col) => shown(c.get(`${col}6`)))).toEqual([
      "Perspective",
      "Metric",
      "Direction",
      "Actual",
      "Target",
      "Threshold",
      "Weight",
      "Achievement",
      "Score",
      "Points",
      "Status",
    ]);
    expect(shown(c.get("A4"))).toBe("Overall score");
    expect(c.get("B4")).toMatchObject({ kind: "formula", formula: "=SUM($J$7:$J$11)" });
  });

  it("Chinese: 维度 指标 方向 实际值 目标值 底线 权重 达成率 得分 加权得分 状态, and `综合得分`", () => {
    const c = cells(plan({ language: "zh" }));
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((col) => shown(c.get(`${col}6`)))).toEqual([
      "维度",
      "指标",
      "方向",
      "实际值",
      "目标值",
      "底线",
      "权重",
      "达成率",
      "得分",
      "加权得分",
      "状态",
    ]);
    expect(shown(c.get("A4"))).toBe("综合得分");
    expect(shown(c.get("C8"))).toBe("越低越好");
    expect((c.get("K7") as { formula: string }).formula).toContain('"达标"');
  });

  it("the sheet language defaults to the headers' language", () => {
    const zh = buildScorecardPlan(tableOf([["甲", 5, 10]], ["指标", "实际值", "目标值"]), { asOf: "2025-03-31" });
    expect(zh.language).toBe("zh");
    expect(zh.sheetName).toBe("CRM 计分卡");
  });
});

describe("texts stay texts", () => {
  it('a KPI named =HYPERLINK("x") is a text cell marked forceText, never a formula', () => {
    const p = plan({}, [
      ['=HYPERLINK("x")', "+Growth", 5, 10, 1, null, null],
      ["@risk", "-Costs", 5, 10, 1, null, null],
      ["Plain", "-Costs", 5, 10, 1, null, null],
    ]);
    const c = cells(p);
    expect(c.get("B7")).toEqual({ kind: "text", value: '=HYPERLINK("x")', forceText: true });
    expect(c.get("A7")).toEqual({ kind: "text", value: "+Growth", forceText: true });
    expect(c.get("B8")).toEqual({ kind: "text", value: "@risk", forceText: true });
    expect(c.get("A9")).toEqual({ kind: "text", value: "-Costs", forceText: true });
    expect(c.get("B9")).toEqual({ kind: "text", value: "Plain", forceText: false });
    // The perspective summary copies the name as text too.
    expect([...planCells(p)].filter(({ cell }) => cell.kind === "text" && cell.value === "+Growth")).toHaveLength(2);
  });

  it("forceText also guards texts Excel would read as numbers, dates or logical values", () => {
    expect(
      ["=1", "+1", "-x", "@x", "'quoted", "12%", "2024-01-01", "1/2", "TRUE", " false ", "007"].map(mustForceText),
    ).toEqual(new Array(11).fill(true));
    expect(["Revenue growth", "CRM投资回报率", "Q1 sales", "NPS (0-10)", ""].map(mustForceText)).toEqual(
      new Array(5).fill(false),
    );
  });
});

describe("live link and snapshot", () => {
  it("live mode: inputs are formulas linking to the source cells, with the source values expected", () => {
    const p = plan();
    const c = cells(p);
    const cap = p.anchors.cap.replace(/([A-Z]+)(\d+)/, "$$$1$$$2"); // $B$49
    expect(c.get("D7")).toEqual({ kind: "formula", formula: "='Sheet1'!C2", expected: 0.1 });
    expect(c.get("E8")).toEqual({ kind: "formula", formula: "='Sheet1'!D3", expected: 800 });
    expect(c.get("F8")).toEqual({ kind: "formula", formula: "='Sheet1'!G3", expected: 1200 });
    expect(c.get("M7")).toEqual({ kind: "formula", formula: "='Sheet1'!E2", expected: 10 });
    // CLV has no threshold: no link, an empty cell, and the no-threshold formula.
    expect(c.get("F9")).toBeUndefined();
    expect(shown(c.get("H9"))).toBe(`=MAX(0,MIN(${cap},D9/E9))`);
  });

  it("snapshot mode: the input values are copied", () => {
    const c = cells(plan({ mode: "snapshot" }));
    expect(c.get("D7")).toEqual({ kind: "number", value: 0.1 });
    expect(c.get("M8")).toEqual({ kind: "number", value: 8 });
    expect(c.get("G7")).toMatchObject({ kind: "formula" });
  });

  it("a sheet name with a quote is quoted in links: 'Bob''s data'!C2", () => {
    const p = buildScorecardPlan(tableOf(ROWS, HEAD, "Bob's data"), { asOf: "2025-03-31" });
    expect(shown(cells(p).get("D7"))).toBe("='Bob''s data'!C2");
    expect(shown(cells(p).get("B3"))).toBe("'Bob''s data'!A1:G6");
  });

  it("without a weight column every KPI's input weight is 1", () => {
    const p = buildScorecardPlan(
      tableOf(
        [
          ["a", 5, 10],
          ["b", 8, 10],
        ],
        ["Metric", "Actual", "Target"],
      ),
      { asOf: "2025-03-31" },
    );
    const c = cells(p);
    expect([c.get("M7"), c.get("M8")]).toEqual([
      { kind: "number", value: 1 },
      { kind: "number", value: 1 },
    ]);
    expect(shown(c.get("A7"))).toBe("All KPIs");
    expect(p.expected.perspectives.map((x) => x.name)).toEqual(["All KPIs"]);
  });
});

describe("formulas", () => {
  it("use only functions of Excel 2016 and LibreOffice: no CRM.*, FILTER, SORT, LET, XLOOKUP", () => {
    const used = new Set<string>();
    for (const { cell } of planCells(plan())) {
      if (cell.kind !== "formula") continue;
      for (const m of cell.formula.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)) used.add(m[1]!.toUpperCase());
    }
    expect([...used].sort()).toEqual(
      ["AND", "IF", "IFERROR", "INDEX", "MATCH", "MAX", "MIN", "ROUND", "SUM", "SUMIF", "SUMPRODUCT"].filter((f) =>
        used.has(f),
      ),
    );
    for (const banned of ["FILTER", "SORT", "LET", "XLOOKUP", "UNIQUE", "SEQUENCE"])
      expect(used.has(banned)).toBe(false);
    expect([...used].some((f) => f.startsWith("CRM."))).toBe(false);
  });

  it("every computed cell is a formula with the core's value expected", () => {
    const p = plan();
    const c = cells(p);
    const cap = p.anchors.cap.replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
    expect(c.get("B4")).toMatchObject({ expected: p.expected.overall });
    expect(c.get("D4")).toMatchObject({ expected: p.settings.options.ratingBands[p.expected.rating]!.label });
    expect(shown(c.get("I7"))).toBe("=ROUND(H7*100,9)");
    expect(c.get("I7")).toMatchObject({ expected: 83.333333333 }); // 0.10/0.12 by hand, rounded
    expect(c.get("I8")).toMatchObject({ expected: 87.5 }); // (850 − 1200)/(800 − 1200)
    expect(shown(c.get("H8"))).toBe(`=MAX(0,MIN(${cap},(D8-F8)/(E8-F8)))`);
    expect(shown(c.get("H11"))).toBe(`=IF(D11<=0,${cap},MAX(0,MIN(${cap},E11/D11)))`);
    for (const { cell } of planCells(p)) if (cell.kind === "formula") expect(cell.formula.startsWith("=")).toBe(true);
  });

  it("strengths and weaknesses are live lookups by rank", () => {
    const p = plan();
    const c = cells(p);
    const top = parseRange(p.anchors.strengths).top + 2; // first listed strength, 1-based row
    expect(shown(c.get(`B${top}`))).toBe('=IFERROR(INDEX($B$7:$B$11,MATCH(1,$O$7:$O$11,0)),"")');
    expect(c.get(`B${top}`)).toMatchObject({ expected: "CLV" }); // 12000/10000 → 120, the only KPI on target
    expect(c.get(`B${top + 1}`)).toMatchObject({ expected: "" });
    const on = `$B$${parseRange(p.anchors.cap).top + 2}`; // "On target from score", below the cap
    expect(shown(c.get("O7"))).toBe(`=IF(I7>=${on},SUMPRODUCT(--($I$7:$I$11>I7))+SUMPRODUCT(--($I$7:I7=I7)),"")`);
  });

  it("the as-of date is an Excel serial day: 2025-03-31 is 45747", () => {
    // 1900 system: 1900-01-01 is 1, with Excel's phantom 1900-02-29; 2025-03-31 is 45747 (checked in LibreOffice).
    expect(excelDate("2025-03-31")).toBe(45747);
    expect(cells(plan()).get("B2")).toEqual({ kind: "number", value: 45747 });
    expect(() => excelDate("2025-02-30")).toThrow(/not a date/);
  });
});

describe("formats, layout, chart, settings", () => {
  it("status colours and data bars; the bar's maximum is 100·cap", () => {
    const p = plan({ cap: 1.5 });
    expect(p.conditionalFormats.filter((f) => f.kind === "expression").map((f) => f.range)).toEqual([
      "K7:K11",
      "K7:K11",
      "K7:K11",
    ]);
    expect(p.conditionalFormats.find((f) => f.kind === "dataBar")).toMatchObject({ range: "I7:I11", min: 0, max: 150 });
    expect(cells(p).get(p.anchors.cap)).toEqual({ kind: "number", value: 1.5 });
    expect(p.chart.valueAxis.max).toBe(150);
  });

  it("number formats: weight and achievement as percentages, score with one decimal", () => {
    const p = plan();
    expect(p.formats).toContainEqual({ range: "G7:G11", numberFormat: "0.0%" });
    expect(p.formats).toContainEqual({ range: "H7:H11", numberFormat: "0.0%" });
    expect(p.formats).toContainEqual({ range: "I7:I11", numberFormat: "0.0" });
  });

  it("frozen header row, one page wide when printed, a chart of the perspective scores", () => {
    const p = plan();
    expect(p.freeze).toEqual({ rows: 6, columns: 0 });
    expect(p.print).toMatchObject({ fitToPagesWide: 1, fitToPagesTall: 0, titleRows: "$6:$6" });
    expect(p.print.area.startsWith("A1:K")).toBe(true);
    const c = cells(p);
    const cat = parseRange(p.chart.categories);
    expect(cat.bottom - cat.top + 1).toBe(2); // Financial, Customer
    expect(shown(c.get(`A${cat.top + 1}`))).toBe("Financial");
    expect(p.chart.values).toBe(p.chart.categories.replace(/A/g, "D"));
    expect(shown(c.get(`D${cat.top + 1}`))).toBe(`=SUMIF($Q$7:$Q$11,1,$J$7:$J$11)/C${cat.top + 1}`);
  });

  it("stores its settings (source, mapping, options, version) as JSON in the sheet", () => {
    const p = plan({ cap: 1.3 });
    const stored = cells(p).get(p.anchors.settings);
    expect(stored?.kind).toBe("text");
    const settings: unknown = JSON.parse((stored as { value: string }).value);
    expect(settings).toEqual(p.settings);
    expect(settings).toMatchObject({
      version: 1,
      source: { sheet: "Sheet1", address: "A1:G6" },
      mapping: { metric: 0, perspective: 1, actual: 2, target: 3, weight: 4, direction: 5, threshold: 6 },
      options: { cap: 1.3, mode: "live", language: "en" },
    });
  });

  it("blocks are rectangles whose matrices match their addresses", () => {
    for (const b of plan().blocks) {
      const r = parseRange(b.address);
      expect(b.cells).toHaveLength(r.bottom - r.top + 1);
      for (const row of b.cells) expect(row).toHaveLength(r.right - r.left + 1);
    }
  });

  it("rejects invalid options: a cap below 100%, an impossible date", () => {
    expect(() => plan({ cap: 0.5 })).toThrow(/cap/);
    expect(() => plan({ asOf: "31/03/2025" })).toThrow(/not a date/);
  });
});
