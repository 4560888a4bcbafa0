/**
 * The analysis sheet's plan (issue 11): summaries are native formulas over the customer table, each with the
 * core's value; the layout holds together; what needs a model is left out with a reason when there is none;
 * labels follow the language; files get `_xlfn.` prefixes. (test/recalc/analysis.test.ts has LibreOffice
 * recalculate the formulas.)
 */
import { describe, expect, it } from "vitest";
import { analyzeCustomers, AnalysisOptions } from "../../../src/core/analysis/customerAnalysis";
import { BGNBD_FITTER } from "../../../src/core/analysis/models";
import { buildAnalysisPlan } from "../../../src/core/analysis/sheet/plan";
import type { PlanCell } from "../../../src/core/analysis/sheet/planTypes";
import { fileFormula } from "../../../src/core/analysis/sheet/xlfn";
import { parseRange } from "../../../src/core/address";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";
import { stubPurchaseModel } from "../../support/stubPurchaseModel";

/** A stand-in for Pareto/NBD: P(alive) = (1 + x)/(1 + x + T/15), E[Y(t)] = 0.1·t·P(alive). */
const STUB = stubPurchaseModel("Stub", -1);

const log = cdnowTransactions();
const OPTIONS: AnalysisOptions = { candidates: [STUB] };
const analysis = analyzeCustomers({ customerIds: log.ids, dates: log.dates, amounts: log.amounts }, OPTIONS);

/** The formula of a summary cell ("" when it holds none). */
const formulaOf = (cell: PlanCell | undefined): string => (cell?.kind === "formula" ? cell.formula : "");

/** The summary's cells by A1 address. */
function cells(plan: ReturnType<typeof buildAnalysisPlan>): Map<string, PlanCell> {
  const out = new Map<string, PlanCell>();
  for (const b of plan.blocks) {
    const at = parseRange(b.address);
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c !== null) out.set(`${String.fromCharCode(65 + at.left + j)}${at.top + i + 1}`, c);
      }),
    );
  }
  return out;
}

describe("the analysis plan, English", () => {
  const plan = buildAnalysisPlan(analysis, OPTIONS, { language: "en", transactions: log.ids.length });
  const c = cells(plan);

  it("has one row per customer in the table, below the summary, and every section anchored", () => {
    expect(plan.sheetName).toBe("Customer analysis");
    expect(plan.table.rows).toBe(2357);
    expect(plan.table.columns.map((k) => k.header)).toEqual([
      "customer",
      "first purchase",
      "last purchase",
      "purchases",
      "total spend",
      "days since last purchase",
      "days since first purchase",
      "R score",
      "F score",
      "M score",
      "RFM code",
      "segment",
      "value tier",
      "P(alive)",
      "expected purchases, next 90 days",
      "12-month CLV",
      "lifecycle stage",
      "CLV rank",
      "warning rank",
    ]);
    const tableTop = parseRange(plan.anchors.table).top;
    expect(tableTop).toBe(plan.table.headerRow + 1);
    expect(parseRange(plan.blocks[0]!.address).bottom).toBeLessThan(plan.table.headerRow);
    expect(Object.values(plan.anchors).every((a) => a !== null)).toBe(true);
  });

  it("KPIs are formulas over the table with the core's values: customers, repeat rate, shares, revenue", () => {
    expect(c.get("A7")).toMatchObject({ value: "Customers" });
    expect(c.get("B7")).toEqual({
      kind: "formula",
      formula: `=COUNTA($A$${plan.table.headerRow + 2}:$A$${plan.table.headerRow + 2358})`,
      expected: 2357,
    });
    const k = analysis.kpis;
    const expected = [k.customers, k.activeCustomers, k.repeatRate, k.highValueShare, k.atRiskShare];
    expected.forEach((v, i) => expect(c.get(`B${7 + i}`)).toMatchObject({ kind: "formula", expected: v }));
    expect(formulaOf(c.get("B9"))).toMatch(/^=COUNTIF\(\$D\$\d+:\$D\$\d+,">=2"\)\/\$B\$7$/);
    expect(c.get("C12")).toMatchObject({ value: "needs a category column" });
    expect(formulaOf(c.get("B13"))).toMatch(/^=SUM\(\$P\$/);
    expect(c.get("B13")).toMatchObject({ expected: k.revenue });
  });

  it("the score breaks are PERCENTILE.INC of the table's columns, the splits AVERAGE", () => {
    const at = parseRange(plan.anchors.breaks).top + 1;
    expect(formulaOf(c.get(`B${at + 2}`))).toMatch(/^=PERCENTILE\.INC\(\$F\$\d+:\$F\$\d+,1\/5\)$/);
    expect(c.get(`B${at + 2}`)).toMatchObject({ expected: analysis.table.scores.breaks.r[0] });
    expect(formulaOf(c.get(`D${at + 6}`))).toMatch(/^=AVERAGE\(\$E\$/);
    expect(c.get(`D${at + 6}`)).toMatchObject({ expected: analysis.table.segments.splits.m });
  });

  it("distributions count the table's labels; the lists look customers up by rank", () => {
    const seg = parseRange(plan.anchors.segments).top + 1;
    expect(c.get(`A${seg + 2}`)).toMatchObject({ value: "Important value" });
    expect(c.get(`B${seg + 2}`)).toMatchObject({
      formula: `=COUNTIF($L$${plan.table.headerRow + 2}:$L$${plan.table.headerRow + 2358},A${seg + 2})`,
      expected: analysis.distributions.segments.importantValue,
    });
    const top = parseRange(plan.anchors.top!).top + 1;
    const first = analysis.topByClv[0]!;
    expect(formulaOf(c.get(`B${top + 2}`))).toMatch(
      /^=IFERROR\(INDEX\(\$A\$\d+:\$A\$\d+,MATCH\(A\d+,\$R\$\d+:\$R\$\d+,0\)\),""\)$/,
    );
    expect(c.get(`B${top + 2}`)).toMatchObject({ expected: analysis.table.customers[first] });
    expect(c.get(`C${top + 2}`)).toMatchObject({ expected: analysis.table.clv![first] });
  });

  it("no formula uses a dynamic-array function (Excel 2016)", () => {
    const formulas = [...c.values()].filter((x) => x.kind === "formula").map((x) => (x as { formula: string }).formula);
    expect(formulas.length).toBeGreaterThan(150);
    for (const f of formulas) expect(f).not.toMatch(/\b(SORTBY|SORT|FILTER|UNIQUE|XLOOKUP|LET|SEQUENCE)\(/);
  });
});

describe("the analysis plan without a model, in Chinese", () => {
  const a = analyzeCustomers(
    { customerIds: ["A", "B", "C"], dates: [45000, 45001, 45002], amounts: [10, 20, 30] },
    { candidates: [BGNBD_FITTER] },
  );
  const plan = buildAnalysisPlan(
    a,
    { candidates: [BGNBD_FITTER] },
    { language: "zh", transactions: 3, existingSheetNames: ["客户分析"] },
  );
  const c = cells(plan);

  it("builds: a unique name, the model's sections left out, the reason and what needs a model said", () => {
    expect(plan.sheetName).toBe("客户分析 (2)");
    expect([plan.anchors.tiers, plan.anchors.stages, plan.anchors.top, plan.anchors.warning]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(plan.table.columns.map((k) => k.header)).not.toContain("存活概率");
    const texts = [...c.values()].filter((x) => x.kind === "text").map((x) => (x as { value: string }).value);
    expect(texts).toContain("需要购买模型（见“模型”）");
    expect(texts.some((t) => t.startsWith("未能拟合："))).toBe(true);
    expect(texts).toContain(
      "无法拟合任何购买模型，因此未给出存活概率、预测、价值分层和生命周期阶段；RFM、评分、细分和客户群组分析不需要模型。",
    );
  });
});

describe("fileFormula", () => {
  it("prefixes functions newer than Excel 2007 with _xlfn., outside strings, once", () => {
    expect(fileFormula("=PERCENTILE.INC($F$9:$F$99,1/5)")).toBe("=_xlfn.PERCENTILE.INC($F$9:$F$99,1/5)");
    expect(fileFormula('=IF(A1="PERCENTILE.INC(",RANK.EQ(1,B:B),percentile.inc(C:C,0.5))')).toBe(
      '=IF(A1="PERCENTILE.INC(",_xlfn.RANK.EQ(1,B:B),_xlfn.PERCENTILE.INC(C:C,0.5))',
    );
    expect(fileFormula("=PERCENTILE(A1:A9,0.2)+COUNTIF(A:A,1)")).toBe("=PERCENTILE(A1:A9,0.2)+COUNTIF(A:A,1)");
  });
});
