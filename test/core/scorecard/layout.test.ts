import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/core/address";
import { kpiColumnRange, planAnchors, scorecardLayout } from "../../../src/core/scorecard/layout";
import { buildScorecardPlan } from "../../../src/core/scorecard/plan";
import { readScorecardTable, sourceRange } from "../../../src/core/scorecard/table";

// Expected rows are counted by hand from the layout in plan.ts's contract: header rows 1–4, an empty row, the
// KPI header in row 6 and n KPI rows; an empty row, the perspectives (title, header, P rows) with a chart
// reaching 16 rows below their header; an empty row before each ranked list (title, header, 5 rows) and
// before the settings (title, cap, on target, near, band header, B bands, mode, stored settings).

describe("the layout of a scorecard sheet", () => {
  it("19 KPIs in 4 perspectives with 4 bands (the English sample): every section's Excel rows", () => {
    const l = scorecardLayout({ kpis: 19, perspectives: 4, bands: 4 });
    const excel = (r: number): number => r + 1;
    expect(excel(l.kpis.header)).toBe(6);
    expect([excel(l.kpis.first), excel(l.kpis.last)]).toEqual([7, 25]);
    // Perspectives: title 27, header 28, rows 29–32; the chart ends 16 rows below the header, in row 44.
    expect(excel(l.perspectives.title)).toBe(27);
    expect([excel(l.perspectives.first), excel(l.perspectives.last)]).toEqual([29, 32]);
    expect(excel(l.chart.bottom)).toBe(44);
    // So the strengths start after the chart: title 46, header 47, rows 48–52; weaknesses 54, 55, 56–60.
    expect([l.lists.strengths.title, l.lists.strengths.first, l.lists.strengths.last].map(excel)).toEqual([46, 48, 52]);
    expect([l.lists.weaknesses.title, l.lists.weaknesses.first, l.lists.weaknesses.last].map(excel)).toEqual([
      54, 56, 60,
    ]);
    // Settings: title 62, cap 63, on 64, near 65, band header 66, bands 67–70, mode 71, stored 72.
    const s = l.settings;
    expect(
      [s.title, s.cap, s.onTarget, s.near, s.bandHeader, s.bandFirst, s.bandLast, s.mode, s.stored].map(excel),
    ).toEqual([62, 63, 64, 65, 66, 67, 70, 71, 72]);
    expect(excel(l.lastRow)).toBe(72);
    expect(l.refs).toEqual({
      cap: "$B$63",
      onTarget: "$B$64",
      near: "$B$65",
      bands: [67, 68, 69, 70].map((r) => ({ label: `$A$${r}`, min: `$B$${r}` })),
    });
  });

  it("KPI columns A…K, one empty column L, helpers M…Q", () => {
    const l = scorecardLayout({ kpis: 3, perspectives: 1, bands: 4 });
    // Columns a sheet without previous values or benchmarks does not have are at -1.
    const present = Object.entries(l.col).filter(([, c]) => c >= 0);
    const letters = Object.fromEntries(present.map(([k, c]) => [k, String.fromCharCode(65 + c)]));
    expect(letters).toEqual({
      perspective: "A",
      metric: "B",
      direction: "C",
      actual: "D",
      target: "E",
      threshold: "F",
      weight: "G",
      achievement: "H",
      score: "I",
      points: "J",
      status: "K",
      inputWeight: "M",
      pointsLost: "N",
      strengthRank: "O",
      weaknessRank: "P",
      group: "Q",
    });
    expect([l.lastKpiColumn, l.lastColumn]).toEqual([10, 16]);
    expect(kpiColumnRange(l, "score")).toBe("$I$7:$I$9");
    // The chart sits right of the four perspective columns (A–D) and one empty column: F to K.
    expect([l.chart.left, l.chart.right]).toEqual([5, 10]);
  });

  it("perspectives taller than the chart push the lists down: 25 perspectives end in row 94, strengths at 96", () => {
    // 60 KPIs: rows 7–66; perspectives title 68, header 69, rows 70–94; the chart would end in row 85.
    const l = scorecardLayout({ kpis: 60, perspectives: 25, bands: 2 });
    expect(l.perspectives.last + 1).toBe(94);
    expect(l.chart.bottom + 1).toBe(85);
    expect(l.lists.strengths.title + 1).toBe(96);
    // Two bands: settings title at 96 + 7 + 1 + 7 + 1 = 112, bands 117–118, stored settings 120.
    expect(l.settings.title + 1).toBe(112);
    expect([l.settings.bandFirst + 1, l.settings.bandLast + 1, l.settings.stored + 1]).toEqual([117, 118, 120]);
  });

  it("anchors: the English sample's addresses", () => {
    expect(planAnchors(scorecardLayout({ kpis: 19, perspectives: 4, bands: 4 }))).toEqual({
      overallScore: "B4",
      rating: "D4",
      kpiHeader: "A6:K6",
      kpiRows: "A7:K25",
      perspectives: "A28:D32",
      strengths: "A47:C52",
      weaknesses: "A55:D60",
      cap: "B63",
      settings: "B72",
    });
  });
});

describe("the sections of a plan fit the layout", () => {
  const table = (n: number, perspectives: number): Parameters<typeof buildScorecardPlan>[0] => {
    const rows: unknown[][] = [["Perspective", "Metric", "Actual", "Target"]];
    for (let i = 0; i < n; i++) rows.push([`P${i % perspectives}`, `M${i}`, (i * 7) % 13, 10]);
    return readScorecardTable(sourceRange("Data", "A1", rows)).table!;
  };

  it.each([
    [1, 1],
    [19, 4],
    [60, 25],
  ])("%i KPIs in %i perspectives: no two blocks overlap, and every anchor lies in a block", (n, p) => {
    const plan = buildScorecardPlan(table(n, p), { asOf: "2025-03-31" });
    const rects = plan.blocks.map((b) => parseRange(b.address));
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b) => {
        const apart = a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left;
        expect(apart).toBe(true);
      }),
    );
    for (const anchor of Object.values<string>({ ...plan.anchors })) {
      const r = parseRange(anchor);
      const inside = rects.some(
        (b) => b.top <= r.top && r.bottom <= b.bottom && b.left <= r.left && r.right <= b.right,
      );
      expect(inside, anchor).toBe(true);
    }
    expect(plan.blocks.map((b) => b.id)).toEqual([
      "header",
      "kpis",
      "perspectives",
      "strengths",
      "weaknesses",
      "settings",
    ]);
  });
});
