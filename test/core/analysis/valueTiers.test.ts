/**
 * Value tiers (DESIGN.md "Value tiers"): current value high and potential value high → High value, and so
 * on, each split at its median (default) or mean. Hand-worked cases and a seeded table against an
 * independent Python computation (numpy.median; exact rational means; make_fixtures.py).
 */
import { describe, expect, it } from "vitest";
import { ANALYSIS_LABELS } from "../../../src/core/analysis/labels";
import { tierOf, valueTiers } from "../../../src/core/analysis/valueTiers";
import { codeOf } from "../../support/crmError";
import { syntheticAnalysis } from "../../fixtures/analysis/analysis";

describe("value tiers", () => {
  it("c high & p high → High value 高价值客户; low & high → Potential 潜力客户; high & low → General 一般客户; low & low → Low value 低价值客户", () => {
    const names = (en: boolean, c: boolean, p: boolean): string =>
      ANALYSIS_LABELS[en ? "en" : "zh"].tiers[tierOf(c, p)];
    expect([
      names(true, true, true),
      names(true, false, true),
      names(true, true, false),
      names(true, false, false),
    ]).toEqual(["High value", "Potential", "General", "Low value"]);
    expect([
      names(false, true, true),
      names(false, false, true),
      names(false, true, false),
      names(false, false, false),
    ]).toEqual(["高价值客户", "潜力客户", "一般客户", "低价值客户"]);
  });

  it("median split (default): current 100, 10, 50 (median 50), potential 5, 80, 1 (median 5) → High value, Potential, General", () => {
    const t = valueTiers([100, 10, 50], [5, 80, 1]);
    expect(t.splits).toEqual({ current: 50, potential: 5 });
    expect(t.tiers).toEqual(["highValue", "potential", "general"]);
    expect(t.highValueShare).toBeCloseTo(1 / 3, 15);
  });

  it("mean split: current 100, 10, 50 (mean 160/3), potential 5, 80, 1 (mean 86/3) → General, Potential, Low value", () => {
    const t = valueTiers([100, 10, 50], [5, 80, 1], { split: "mean" });
    expect(t.tiers).toEqual(["general", "potential", "lowValue"]);
    expect(t.highValueShare).toBe(0);
  });

  it("values may be negative (net refunds, a loss-making CLV); not finite #NUM!; lengths #VALUE!; none #N/A", () => {
    expect(valueTiers([-10, 10], [-1, 1]).tiers).toEqual(["lowValue", "highValue"]);
    expect(codeOf(() => valueTiers([Number.POSITIVE_INFINITY], [1]))).toBe("NUM");
    expect(codeOf(() => valueTiers([1, 2], [1]))).toBe("VALUE");
    expect(codeOf(() => valueTiers([], []))).toBe("NA");
  });

  it("a seeded table of 1,000 customers with ties at the median (reference: make_fixtures.py)", () => {
    const ref = syntheticAnalysis().tiers;
    const median = valueTiers(ref.current, ref.potential);
    expect(median.splits).toEqual(ref.medians);
    expect(median.tiers).toEqual(ref.median);
    expect(median.highValueShare).toBe(ref.median.filter((t) => t === "highValue").length / 1000);
    expect(valueTiers(ref.current, ref.potential, { split: "mean" }).tiers).toEqual(ref.mean);
  });
});
