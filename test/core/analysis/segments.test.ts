/**
 * The eight-class RFM segments (DESIGN.md "RFM segments"): the textbook table, splits at the mean and the
 * median, ties on the split, and the CDNOW sample against an independent Python computation (exact rational
 * mean comparisons, numpy.median; test/fixtures/analysis/make_fixtures.py).
 */
import { describe, expect, it } from "vitest";
import { ANALYSIS_LABELS, RFM_SEGMENTS } from "../../../src/core/analysis/labels";
import { rfmSegments, segmentOf } from "../../../src/core/analysis/segments";
import { codeOf } from "../../support/crmError";
import { cdnowAnalysis } from "../../fixtures/analysis/analysis";

describe("the segment table (R F M high/low → segment)", () => {
  const table: [boolean, boolean, boolean, string, string][] = [
    [true, true, true, "Important value", "重要价值客户"],
    [true, false, true, "Important development", "重要发展客户"],
    [false, true, true, "Important retention", "重要保持客户"],
    [false, false, true, "Important win-back", "重要挽留客户"],
    [true, true, false, "General value", "一般价值客户"],
    [true, false, false, "General development", "一般发展客户"],
    [false, true, false, "General retention", "一般保持客户"],
    [false, false, false, "General win-back", "一般挽留客户"],
  ];
  for (const [r, f, m, en, zh] of table) {
    it(`R ${r ? "high" : "low"}, F ${f ? "high" : "low"}, M ${m ? "high" : "low"} → ${en} / ${zh}`, () => {
      const s = segmentOf(r, f, m);
      expect(ANALYSIS_LABELS.en.segments[s]).toBe(en);
      expect(ANALYSIS_LABELS.zh.segments[s]).toBe(zh);
    });
  }
  it("lists the eight segments once each", () => {
    expect(new Set(RFM_SEGMENTS).size).toBe(8);
  });
});

describe("RFM segments, worked by hand", () => {
  it("mean split: days 10, 100 (mean 55), purchases 5, 1 (3), spend 500, 50 (275) → Important value, General win-back", () => {
    const s = rfmSegments([10, 100], [5, 1], [500, 50]);
    expect(s.splits).toEqual({ r: 55, f: 3, m: 275 });
    expect(s.segments).toEqual(["importantValue", "generalWinBack"]);
  });

  it("a value on the split is high: days ≤ split, purchases and spend ≥ split", () => {
    // means: days (10 + 20 + 30)/3 = 20, purchases 2, spend 200; the middle customer sits on all three
    const s = rfmSegments([10, 20, 30], [3, 2, 1], [300, 200, 100]);
    expect(s.segments).toEqual(["importantValue", "importantValue", "generalWinBack"]);
  });

  it("median split differs from the mean on skewed spend: 10, 20, 30, 1000 → median 25, mean 265", () => {
    const days = [5, 5, 5, 5];
    const purchases = [1, 1, 1, 1];
    const spend = [10, 20, 30, 1000];
    expect(rfmSegments(days, purchases, spend, { split: "median" }).segments).toEqual([
      "generalValue",
      "generalValue",
      "importantValue",
      "importantValue",
    ]);
    expect(rfmSegments(days, purchases, spend).segments).toEqual([
      "generalValue",
      "generalValue",
      "generalValue",
      "importantValue",
    ]);
  });

  it("errors like the scores: negative days #NUM!, different lengths #VALUE!, no customers #N/A", () => {
    expect(codeOf(() => rfmSegments([-1], [1], [1]))).toBe("NUM");
    expect(codeOf(() => rfmSegments([1], [1, 2], [1]))).toBe("VALUE");
    expect(codeOf(() => rfmSegments([], [], []))).toBe("NA");
  });
});

describe("RFM segments of the CDNOW sample (reference: exact rationals and NumPy, make_fixtures.py)", () => {
  const ref = cdnowAnalysis();
  it("mean split: every customer's segment", () => {
    expect(rfmSegments(ref.daysSinceLast, ref.purchases, ref.totalSpend).segments).toEqual(ref.segmentsMean);
  });
  it("median split: every customer's segment", () => {
    const s = rfmSegments(ref.daysSinceLast, ref.purchases, ref.totalSpend, { split: "median" });
    expect(s.segments).toEqual(ref.segmentsMedian);
  });
});
