/**
 * The whole customer analysis of a log (issue 11): the pipeline's parts agree with the functions that define
 * them, the predictions follow CRM.CLV.BTYD's formula with any purchase model, and the analysis still builds —
 * without what needs a model — when no model can be fitted. A stub model with predictions worked by hand
 * stands in for Pareto/NBD and MBG/NBD where the arithmetic is checked.
 */
import { describe, expect, it } from "vitest";
import { ANALYSIS_CANDIDATES } from "../../../src/core/analysis/candidates";
import { analyzeCustomers } from "../../../src/core/analysis/customerAnalysis";
import { lifecycleStages } from "../../../src/core/analysis/lifecycle";
import { marketingRfm } from "../../../src/core/analysis/marketingRfm";
import { BGNBD_FITTER, customerValue, PurchaseModel, PurchaseModelFitter } from "../../../src/core/analysis/models";
import { rfmScores } from "../../../src/core/analysis/scores";
import { rfmSegments } from "../../../src/core/analysis/segments";
import { valueTiers } from "../../../src/core/analysis/valueTiers";
import { bgnbdExpected, bgnbdPAlive } from "../../../src/core/btyd/bgnbd";
import { clvBtyd } from "../../../src/core/btyd/clvBtyd";
import { rfmSummary } from "../../../src/core/btyd/rfm";
import { gammaVariate, mulberry32 } from "../../../src/core/btyd/simulate";
import { naError } from "../../../src/core/errors";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";
import { stubPurchaseModel } from "../../support/stubPurchaseModel";

const failing: PurchaseModelFitter = {
  name: "Never",
  fit: () => {
    throw naError("btyd.fitNoRepeat", { model: "Never" });
  },
};

describe("customerValue: CRM.CLV.BTYD's formula with any purchase model", () => {
  it("with BG/NBD it is CRM.CLV.BTYD: CDNOW customer 1 (2, 30.43, 38.86, 22.35) ≈ 36.311", () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
    const model: PurchaseModel = {
      name: "BG/NBD",
      params: bg,
      logLikelihood: 0,
      pAlive: (x, tx, T) => bgnbdPAlive(bg, x, tx, T),
      expectedCurve: (times, x, tx, T) => Float64Array.from(times, (t) => bgnbdExpected(bg, t, x, tx, T)),
    };
    const v = customerValue(model, gg, 2, 30.43, 38.86, 22.35, { periodDays: 7 });
    expect(v.clv).toBeCloseTo(clvBtyd(bg, gg, 2, 30.43, 38.86, 22.35), 10);
    expect(v.clv).toBeCloseTo(36.31125721698214, 6); // SciPy, as test/browser/everyFunction.test.ts
    expect(v.pAlive).toBeCloseTo(0.726578570080673, 9); // SciPy, idem
  });

  it("stub model, weekly periods, x = 0, T = 15: P(alive) 1/2; E[Y] over 90 days = 0.1·(90/7)·½; CLV = Σ_k 0.1·(30.4375/7)·½·spend/1.01^k", () => {
    const gg = { p: 6, q: 4, gamma: 15 }; // x = 0: population mean 6·15/3 = 30
    const v = customerValue(stubPurchaseModel("S", 0).fit([], [], []), gg, 0, 0, 15, 0, { periodDays: 7 });
    expect(v.pAlive).toBe(0.5);
    expect(v.expected).toBeCloseTo((0.1 * 90) / 7 / 2, 12);
    let clv = 0;
    for (let k = 1; k <= 12; k++) clv += (((0.1 * 30.4375) / 7 / 2) * 30) / 1.01 ** k;
    expect(v.clv).toBeCloseTo(clv, 10);
  });

  it("a repeat buyer whose repeat days net to a refund is valued at the population mean spend, 6·15/3 = 30", () => {
    const gg = { p: 6, q: 4, gamma: 15 };
    // x = 2, T = 15: P(alive) = 3/(3 + 1) = 0.75, each month adds 0.1·(30.4375/7)·0.75 purchases
    const v = customerValue(stubPurchaseModel("S", 0).fit([], [], []), gg, 2, 5, 15, -10, { periodDays: 7 });
    let clv = 0;
    for (let k = 1; k <= 12; k++) clv += (((0.1 * 30.4375) / 7) * 0.75 * 30) / 1.01 ** k;
    expect(v.clv).toBeCloseTo(clv, 10);
  });
});

describe("analyzeCustomers on the CDNOW sample (as of its last day, weeks)", () => {
  const log = cdnowTransactions();
  const a = analyzeCustomers(
    { customerIds: log.ids, dates: log.dates, amounts: log.amounts },
    { candidates: [stubPurchaseModel("Low", -10), stubPurchaseModel("High", -5), failing] },
  );
  const t = a.table;

  it("the table is the marketing RFM and the BTYD summary of the same log, customer by customer", () => {
    const m = marketingRfm(log.ids, log.dates, log.amounts);
    const s = rfmSummary(log.ids, log.dates, log.amounts);
    expect(t.customers).toEqual(m.customers);
    expect(t.purchases).toEqual(m.purchases);
    expect(t.totalSpend).toEqual(m.totalSpend);
    expect(t.daysSinceLast).toEqual(m.daysSinceLast);
    expect(t.daysSinceFirst).toEqual(m.daysSinceFirst);
    expect([t.frequency, t.recency, t.T, t.monetary]).toEqual([s.frequency, s.recency, s.T, s.monetary]);
  });

  it("scores, segments, tiers and stages are the functions' own results on the table's columns", () => {
    expect(t.scores.code).toEqual(rfmScores(t.daysSinceLast, t.purchases, t.totalSpend).code);
    expect(t.segments.segments).toEqual(rfmSegments(t.daysSinceLast, t.purchases, t.totalSpend).segments);
    expect(t.tiers!.tiers).toEqual(valueTiers(t.totalSpend, t.clv!).tiers);
    expect(t.stages).toEqual(lifecycleStages(t.pAlive!, t.daysSinceFirst));
  });

  it("chooses the candidate with the higher log-likelihood and keeps the failed one's reason; BG/NBD for comparison", () => {
    expect(a.models.chosen!.name).toBe("High");
    expect(a.models.candidates.map((c) => [c.name, c.problem?.id ?? null])).toEqual([
      ["Low", null],
      ["High", null],
      ["Never", "btyd.fitNoRepeat"],
    ]);
    expect(a.models.comparison[0]!.model!.logLikelihood).toBeLessThan(0);
    expect(a.models.spend!.params.p).toBeGreaterThan(0);
  });

  it("KPIs count the table: repeat rate = F ≥ 2 share, active = New + Active, revenue = Σ CLV", () => {
    const m = t.customers.length;
    expect(a.kpis.customers).toBe(2357);
    expect(a.kpis.repeatRate).toBe(t.purchases.filter((f) => f >= 2).length / m);
    expect(a.kpis.activeCustomers).toBe(t.stages!.filter((s) => s === "new" || s === "active").length);
    expect(a.kpis.atRiskShare).toBe(t.stages!.filter((s) => s === "atRisk").length / m);
    expect(a.kpis.highValueShare).toBe(t.tiers!.tiers.filter((s) => s === "highValue").length / m);
    expect(a.kpis.revenue).toBeCloseTo(
      t.clv!.reduce((s, x) => s + x, 0),
      6,
    );
    expect(a.kpis.crossSellRate).toBeNull();
    const counts = Object.values(a.distributions.segments);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(m);
  });

  it("top by CLV and the early-warning list: 20 each, CLV descending; the list holds At-risk customers only", () => {
    const clv = t.clv!;
    expect(a.topByClv).toHaveLength(20);
    for (let k = 1; k < 20; k++) expect(clv[a.topByClv[k - 1]!]).toBeGreaterThanOrEqual(clv[a.topByClv[k]!]!);
    expect(Math.max(...clv)).toBe(clv[a.topByClv[0]!]);
    expect(a.earlyWarning).toHaveLength(20);
    expect(a.earlyWarning.every((i) => t.stages![i] === "atRisk")).toBe(true);
    const atRisk = t.stages!.map((s, i) => (s === "atRisk" ? clv[i]! : -Infinity));
    expect(clv[a.earlyWarning[0]!]).toBe(Math.max(...atRisk));
  });

  it("cohorts: the log's first-purchase months (January to March 1997), sizes summing to the customers", () => {
    expect(a.cohorts.length).toBe(3);
    expect(a.cohorts.reduce((s, c) => s + c.size, 0)).toBe(2357);
  });
});

describe("bad and thin logs", () => {
  it("spend so heavy-tailed that Gamma-Gamma's q ≤ 1 (no population mean): stages stay, CLV, tiers and lists go", () => {
    // 2,000 customers of a Pareto/NBD process whose mean spend is 5 + 200·u³: a tail Gamma-Gamma fits with q < 1
    const rng = mulberry32(5);
    const ids: number[] = [];
    const dates: number[] = [];
    const amounts: number[] = [];
    for (let c = 1; c <= 2000; c++) {
      const lambda = gammaVariate(0.8, rng) / 2.5;
      const death = -Math.log(1 - rng()) / (gammaVariate(0.6, rng) / 40);
      const mean = 5 + 200 * rng() ** 3;
      const first = rng() * 12;
      for (let t = first; t <= Math.min(104, first + death); t += -Math.log(1 - rng()) / Math.max(lambda, 1e-9)) {
        ids.push(c);
        dates.push(45292 + Math.floor(7 * t));
        amounts.push(Math.round(100 * mean * (0.5 + rng())) / 100);
      }
    }
    const a = analyzeCustomers({ customerIds: ids, dates, amounts }, { candidates: ANALYSIS_CANDIDATES });
    expect(a.models.chosen).not.toBeNull();
    expect(a.models.spend).toBeNull();
    expect(a.models.spendProblem!.id).toBe("btyd.populationMeanSpend");
    expect(a.table.stages).toHaveLength(2000);
    expect(a.table.pAlive).not.toBeNull();
    expect([a.table.clv, a.table.tiers, a.clvRank, a.warningRank]).toEqual([null, null, null, null]);
    expect(a.kpis.atRiskShare).not.toBeNull();
    expect([a.kpis.highValueShare, a.kpis.revenue, a.topByClv.length]).toEqual([null, null, 0]);
  });

  it("nobody bought twice: the models cannot be fitted; the RFM, scores and segments are still there", () => {
    const a = analyzeCustomers(
      { customerIds: ["A", "B", "C"], dates: [45000, 45001, 45002], amounts: [10, 20, 30] },
      { candidates: [BGNBD_FITTER] },
    );
    expect(a.models.chosen).toBeNull();
    expect(a.models.candidates[0]!.problem!.id).toBe("btyd.fitNoRepeat");
    expect(a.table.pAlive).toBeNull();
    expect(a.kpis.activeCustomers).toBeNull();
    expect(a.kpis.revenue).toBeNull();
    expect(a.table.segments.segments).toHaveLength(3);
    expect(a.topByClv).toEqual([]);
    expect(a.kpis.repeatRate).toBe(0);
  });

  it("a single customer", () => {
    const a = analyzeCustomers({ customerIds: [7, 7], dates: [45000, 45010], amounts: [5, 6] }, { candidates: [] });
    expect(a.kpis.customers).toBe(1);
    expect(a.kpis.repeatRate).toBe(1);
    expect(Array.from(a.table.scores.code)).toEqual([111]);
  });

  it("categories: distinct per customer ignoring case and spaces; the rate counts customers with one or more", () => {
    const a = analyzeCustomers(
      {
        customerIds: ["A", "A", "B", "C", "C", "D"],
        dates: [45000, 45001, 45002, 45003, 45004, 45005],
        amounts: [1, 1, 1, 1, 1, 1],
        categories: ["Books", " books", "Music", "Toys", "Music", null],
      },
      { candidates: [] },
    );
    expect(Array.from(a.table.categories!)).toEqual([1, 1, 2, 0]);
    expect(a.kpis.crossSellRate).toBeCloseTo(1 / 3, 15);
  });

  it("transactions after the as-of date are left out of the table, the categories and the cohorts", () => {
    const a = analyzeCustomers(
      { customerIds: ["A", "B", "A"], dates: [45000, 45100, 45050], amounts: [1, 2, 3], categories: ["x", "y", "z"] },
      { candidates: [], asOf: 45060 },
    );
    expect(a.table.customers).toEqual(["A"]);
    expect(Array.from(a.table.categories!)).toEqual([2]);
    expect(a.cohorts.reduce((s, c) => s + c.size, 0)).toBe(1);
  });
});
