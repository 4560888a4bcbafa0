/**
 * The LIVE analysis sheet's plan (issue 11, the task pane's sheet): the customer table and the models are CRM
 * formulas over the log's ranges, passing the sheet's language explicitly; the summaries read the table's
 * spills with functions Excel 2016 has (no SORTBY/FILTER); the chosen model is the higher log-likelihood by a
 * formula; without a model the sheet still has the marketing RFM, scores, segments and cohorts and says why.
 * Expected formulas are written from DESIGN.md "Customer analysis" and the functions' signatures.
 */
import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/core/address";
import { ANALYSIS_CANDIDATES } from "../../../src/core/analysis/candidates";
import { analyzeCustomers, AnalysisOptions } from "../../../src/core/analysis/customerAnalysis";
import { calledFunctions, checkLivePlan } from "../../../src/core/analysis/sheet/liveCheck";
import { buildKpiTablePlan } from "../../../src/core/analysis/sheet/kpiTable";
import { readScorecardTable } from "../../../src/core/scorecard/table";
import { buildLiveAnalysisPlan, LiveAnalysisPlan, LiveLogSource } from "../../../src/core/analysis/sheet/livePlan";
import type { PlanCell } from "../../../src/core/analysis/sheet/planTypes";
import { columnLetters } from "../../../src/core/address";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";

const OPTIONS: AnalysisOptions = { candidates: ANALYSIS_CANDIDATES };
const sample = cdnowTransactions();
const analysis = analyzeCustomers({ customerIds: sample.ids, dates: sample.dates, amounts: sample.amounts }, OPTIONS);
const LOG: LiveLogSource = {
  sheet: "My log",
  address: "'My log'!A1:C6920",
  ranges: { customer: "A2:A6920", date: "B2:B6920", amount: "C2:C6920" },
};
const IDS = "'My log'!$A$2:$A$6920";
const DATES = "'My log'!$B$2:$B$6920";
const AMOUNTS = "'My log'!$C$2:$C$6920";

/** The plan's cells by A1 address. */
function cells(plan: LiveAnalysisPlan): Map<string, PlanCell> {
  const out = new Map<string, PlanCell>();
  for (const b of plan.blocks) {
    const at = parseRange(b.address);
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => c !== null && out.set(`${columnLetters(at.left + j)}${at.top + i + 1}`, c)),
    );
  }
  return out;
}
const f = (c: PlanCell | undefined): string => (c?.kind === "formula" ? c.formula : "");
const v = (c: PlanCell | undefined): unknown => (c?.kind === "formula" ? c.expected : c?.value);

describe("the live analysis plan on the CDNOW sample (English)", () => {
  const plan = buildLiveAnalysisPlan(analysis, OPTIONS, { language: "en", log: LOG, transactions: 6919 });
  const c = cells(plan);
  const h = plan.anchors.tableHeader; // A1 row of the table's header
  const rfm = `$A$${h}#`;
  const col = (k: number): string => `INDEX(${rfm},2,${k}):INDEX(${rfm},ROWS(${rfm}),${k})`;

  it("passes its own check (name, blocks, Excel 2016 summaries, no cell where a spill lands)", () => {
    expect(checkLivePlan(plan)).toEqual([]);
    expect(plan.sheetName).toBe("Customer analysis");
  });

  it('the table starts with CRM.RFM(log, $B$2, $B$3, "marketing", "en") and the BTYD inputs beside it', () => {
    expect(f(c.get(`A${h}`))).toBe(`=CRM.RFM(${IDS},${DATES},${AMOUNTS},$B$2,$B$3,"marketing","en")`);
    const inputs = [...c.entries()].find(([, x]) => f(x) === `=CRM.RFM(${IDS},${DATES},${AMOUNTS},$B$2,$B$3)`);
    expect(inputs?.[0]).toMatch(new RegExp(`^[A-Z]+${h}$`));
    expect(v(c.get("B2"))).toBe(35976); // 1998-06-30, the last day of the sample
    expect(v(c.get("B3"))).toBe(7);
  });

  it("scores, segments, tiers and stages are CRM functions over the RFM spill's columns, language explicit", () => {
    const d = `$A$${h}#`;
    expect(f(c.get(`G${h + 1}`))).toBe(`=$B$2-${col(2)}`);
    expect(f(c.get(`H${h + 1}`))).toBe(`=CRM.RFM.SCORE(${col(6)},${col(4)},${col(5)},5)`);
    expect(f(c.get(`L${h + 1}`))).toBe(`=CRM.RFM.SEGMENT(${col(6)},${col(4)},${col(5)},"mean","en")`);
    expect(f(c.get(`P${h + 1}`))).toBe(`=CRM.VALUETIER(${col(5)},$O$${h + 1}#,"median","en")`);
    expect(f(c.get(`Q${h + 1}`))).toBe(`=CRM.LIFECYCLE($M$${h + 1}#,$G$${h + 1}#,90,0.5,0.2,"en")`);
    expect(d).toBe(rfm);
  });

  it("fits Pareto/NBD, MBG/NBD, BG/NBD and Gamma-Gamma by formula and picks the higher log-likelihood", () => {
    const fits = [...c.values()].map(f).filter((x) => /^=CRM\.(PNBD|MBGNBD|BGNBD|GG)\.FIT\(/.test(x));
    expect(fits.map((x) => /^=CRM\.([A-Z]+)\./.exec(x)![1])).toEqual(["PNBD", "MBGNBD", "BGNBD", "GG"]);
    const chooser = [...c.entries()].find(([, x]) => f(x).startsWith("=IF(AND(ISNUMBER("))!;
    // on the sample the core fits MBG/NBD with the higher log-likelihood of the two candidates
    expect(v(chooser[1])).toBe("mbgnbd");
    const row = chooser[0].slice(1);
    const pAlive = f(c.get(`M${h + 1}`));
    expect(pAlive).toMatch(
      new RegExp(`^=IF\\(\\$B\\$${row}="pnbd",CRM\\.PNBD\\.PALIVE\\(\\$C\\$${row}:\\$F\\$${row},`),
    );
    expect(pAlive).toContain(`CRM.MBGNBD.PALIVE($C$${row}:$F$${row},`);
    expect(f(c.get(`N${h + 1}`))).toContain(`CRM.MBGNBD.EXPECTED($C$${row}:$F$${row},90/$B$3,`);
    expect(f(c.get(`O${h + 1}`))).toMatch(new RegExp(`^=CRM\\.CLV\\.BTYD\\(.*,12,0\\.01,\\$B\\$3,\\$B\\$${row}\\)$`));
  });

  it("KPIs count the spills: customers, repeat rate F ≥ 2, high-value and at-risk shares, revenue = sum of CLV", () => {
    expect(f(c.get("B7"))).toBe(`=COUNTA(${col(1)})`);
    expect(f(c.get("B9"))).toBe(`=COUNTIF(${col(4)},">=2")/$B$7`);
    expect(f(c.get("B10"))).toBe(`=COUNTIF($P$${h + 1}#,"High value")/$B$7`);
    expect(f(c.get("B11"))).toBe(`=COUNTIF($Q$${h + 1}#,"At risk")/$B$7`);
    expect(f(c.get("B13"))).toBe(`=SUM($O$${h + 1}#)`);
    expect(v(c.get("B7"))).toBe(2357); // the sample's customers (README of the CDNOW data)
    expect(plan.kpiCells).toMatchObject({ customers: "$B$7", repeatRate: "$B$9", atRiskShare: "$B$11" });
    expect(plan.kpiCells.crossSellRate).toBeUndefined(); // no category column
  });

  it("the lists use LARGE / AGGREGATE / INDEX only, ties resolved in customer order", () => {
    const formulas = [...c.values()].map(f).filter((x) => x !== "" && !x.includes("CRM."));
    const used = new Set(formulas.flatMap(calledFunctions));
    for (const name of ["SORTBY", "FILTER", "SORT", "UNIQUE", "XLOOKUP", "LET", "SEQUENCE"])
      expect(used.has(name)).toBe(false);
    expect(formulas.some((x) => x.startsWith(`=IFERROR(LARGE($O$${h + 1}#,`))).toBe(true);
    expect(formulas.some((x) => x.includes(`AGGREGATE(14,6,$O$${h + 1}#/($Q$${h + 1}#="At risk"),`))).toBe(true);
    expect(formulas.some((x) => x.includes(`AGGREGATE(15,6,(ROW($O$${h + 1}#)-${h})/`))).toBe(true);
  });

  it("the cohort table is CRM.COHORT over the log's transactions up to B2, right of the table, with a colour scale", () => {
    const at = plan.anchors.cohorts;
    const kept = `ISNUMBER(${DATES})*(${DATES}<=$B$2)`;
    expect(f(c.get(at))).toBe(`=CRM.COHORT(IF(${kept},${IDS},""),IF(${kept},${DATES},""),"month")`);
    expect(plan.colorScales).toHaveLength(1);
    expect(plan.charts.map((x) => x.type)).toEqual(["BarClustered", "ColumnClustered", "Line"]);
  });
});

describe("the live plan in Chinese and without a model", () => {
  it('passes "zh" to every label function and writes Chinese labels', () => {
    const plan = buildLiveAnalysisPlan(analysis, OPTIONS, { language: "zh", log: LOG, transactions: 6919 });
    const all = [...cells(plan).values()]
      .map(f)
      .filter((x) => /CRM\.(RFM\(.*marketing|RFM\.SEGMENT|VALUETIER|LIFECYCLE)/.test(x));
    expect(all).toHaveLength(4);
    for (const x of all) expect(x).toMatch(/"zh"\)$/);
    expect(plan.sheetName).toBe("客户分析");
  });

  it("nobody bought twice: no model columns, a reason on the sheet, the rest still there", () => {
    const one = analyzeCustomers(
      { customerIds: ["a", "b", "c"], dates: [45000, 45010, 45020], amounts: [5, 6, 7] },
      OPTIONS,
    );
    expect(one.models.chosen).toBeNull();
    const plan = buildLiveAnalysisPlan(one, OPTIONS, { language: "en", log: LOG, transactions: 3 });
    expect(checkLivePlan(plan)).toEqual([]);
    const texts = [...cells(plan).values()].map((x) => (x.kind === "text" ? x.value : f(x)));
    expect(texts.some((x) => x.startsWith("=CRM.LIFECYCLE"))).toBe(false);
    expect(texts.some((x) => x.startsWith("=CRM.RFM.SEGMENT"))).toBe(true);
    expect(texts.filter((x) => x.startsWith("not fitted"))).not.toHaveLength(0);
    expect(plan.kpiCells).toEqual({ customers: "$B$7", repeatRate: "$B$9" });
  });

  it("with a category column the cross-selling KPI is CRM.CROSSSELL over the kept transactions", () => {
    const withCats: LiveLogSource = { ...LOG, ranges: { ...LOG.ranges, category: "D2:D6920" } };
    const a = analyzeCustomers(
      {
        customerIds: sample.ids,
        dates: sample.dates,
        amounts: sample.amounts,
        categories: sample.ids.map((x) => (Number(x) % 3 === 0 ? "A" : "B")),
      },
      OPTIONS,
    );
    const plan = buildLiveAnalysisPlan(a, OPTIONS, { language: "en", log: withCats, transactions: 6919 });
    const cats = "'My log'!$D$2:$D$6920";
    const kept = `ISNUMBER(${DATES})*(${DATES}<=$B$2)*(${cats}<>"")`;
    expect(f(cells(plan).get("B12"))).toBe(`=CRM.CROSSSELL(IF(${kept},${IDS},""),IF(${kept},${cats},""))`);
  });

  it("the check refuses SORTBY, a formula that is none and a cell in a spill's way", () => {
    const plan = buildLiveAnalysisPlan(analysis, OPTIONS, { language: "en", log: LOG, transactions: 6919 });
    const b = plan.blocks[0]!;
    const h = plan.anchors.tableHeader;
    b.cells[0]![1] = { kind: "formula", formula: "=SORTBY(A1:A3,B1:B3)", expected: 0 };
    b.cells[1]![3] = { kind: "formula", formula: "SUM(A1)", expected: 0 };
    b.cells[h]![0] = { kind: "number", value: 1 }; // A(h+1): under the RFM spill's header
    expect(checkLivePlan({ ...plan, sheetName: "a/b" })).toEqual([
      'the sheet name "a/b" is not one Excel accepts',
      "analysis (0, 1): SORTBY is not a function of Excel 2016",
      'analysis (1, 3): "SUM(A1)" is not a formula',
      `a cell is written where the spill at row ${h}, column 1 lands`,
    ]);
  });
});

describe("the KPI table for the scorecard", () => {
  it("links Actual to the analysis's KPI cells, perspective Customer, at-risk share lower is better, Target blank", () => {
    const cells = { customers: "$B$7", repeatRate: "$B$9", atRiskShare: "$B$11" };
    const plan = buildKpiTablePlan("Customer analysis (2)", cells, "en", ["KPI table"]);
    expect(plan.sheetName).toBe("KPI table (2)");
    const rows = plan.blocks[0]!.cells.map((r) =>
      r.map((c) => (c === null ? null : c.kind === "formula" ? c.formula : c.value)),
    );
    expect(rows).toEqual([
      ["Metric", "Perspective", "Actual", "Target", "Weight", "Direction"],
      ["Customers", "Customer", "='Customer analysis (2)'!$B$7", null, 1, "higher"],
      [
        "Repeat purchase rate (2 or more purchase days)",
        "Customer",
        "='Customer analysis (2)'!$B$9",
        null,
        1,
        "higher",
      ],
      ["At-risk share", "Customer", "='Customer analysis (2)'!$B$11", null, 1, "lower"],
    ]);
    // the scorecard builder reads it: the roles are found, and only the blank targets are problems
    const read = readScorecardTable({
      sheet: "KPI table (2)",
      blocks: [
        {
          topLeft: "A1",
          values: rows.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? 0.5 : (v ?? "")))),
        },
      ],
    });
    expect(read.mapping).toMatchObject({ metric: 0, perspective: 1, actual: 2, target: 3, weight: 4, direction: 5 });
    expect(new Set(read.problems.map((p) => p.address))).toEqual(
      new Set(["'KPI table (2)'!D2", "'KPI table (2)'!D3", "'KPI table (2)'!D4"]),
    );
  });
});
