/**
 * Lifecycle stages (DESIGN.md "Lifecycle stage" and "Details that must not differ"): New when daysSinceFirst
 * ≤ newDays; else Active when P(alive) ≥ atRisk, At risk when ≥ lost, else Lost; lost > atRisk is #NUM!.
 */
import { describe, expect, it } from "vitest";
import { ANALYSIS_LABELS } from "../../../src/core/analysis/labels";
import { checkLifecycleThresholds, lifecycleStages } from "../../../src/core/analysis/lifecycle";
import { codeOf } from "../../support/crmError";
import { syntheticAnalysis } from "../../fixtures/analysis/analysis";

describe("lifecycle stages", () => {
  it("defaults 90 days, 0.5, 0.2: the boundaries belong to the better stage", () => {
    const stages = lifecycleStages([0.1, 0.1, 0.5, 0.49, 0.2, 0.19], [90, 91, 91, 91, 91, 91]);
    expect(stages).toEqual(["new", "lost", "active", "atRisk", "atRisk", "lost"]);
  });

  it("labels: New 新客户, Active 活跃客户, At risk 风险客户, Lost 流失客户", () => {
    expect(Object.values(ANALYSIS_LABELS.en.stages)).toEqual(["New", "Active", "At risk", "Lost"]);
    expect(Object.values(ANALYSIS_LABELS.zh.stages)).toEqual(["新客户", "活跃客户", "风险客户", "流失客户"]);
  });

  it("thresholds are arguments: newDays 0 makes only today's first buyers new; lost = atRisk leaves no At risk", () => {
    expect(lifecycleStages([0.9, 0.9], [0, 1], { newDays: 0 })).toEqual(["new", "active"]);
    expect(lifecycleStages([0.6, 0.4], [100, 100], { atRisk: 0.5, lost: 0.5 })).toEqual(["active", "lost"]);
  });

  it("lost > atRisk is #NUM!; thresholds outside 0..1 or negative newDays #NUM!", () => {
    expect(codeOf(() => checkLifecycleThresholds({ atRisk: 0.3, lost: 0.4 }))).toBe("NUM");
    expect(codeOf(() => checkLifecycleThresholds({ atRisk: 1.2 }))).toBe("NUM");
    expect(codeOf(() => checkLifecycleThresholds({ lost: -0.1 }))).toBe("NUM");
    expect(codeOf(() => checkLifecycleThresholds({ newDays: -1 }))).toBe("NUM");
    expect(checkLifecycleThresholds({})).toEqual({ newDays: 90, atRisk: 0.5, lost: 0.2 });
  });

  it("P(alive) outside 0..1 or negative days #NUM!; different lengths #VALUE!; none #N/A", () => {
    expect(codeOf(() => lifecycleStages([1.1], [100]))).toBe("NUM");
    expect(codeOf(() => lifecycleStages([0.5], [-1]))).toBe("NUM");
    expect(codeOf(() => lifecycleStages([0.5, 0.5], [1]))).toBe("VALUE");
    expect(codeOf(() => lifecycleStages([], []))).toBe("NA");
  });

  it("a seeded table of 1,000 customers, default and other thresholds (reference: make_fixtures.py)", () => {
    const ref = syntheticAnalysis().lifecycle;
    expect(lifecycleStages(ref.pAlive, ref.daysSinceFirst)).toEqual(ref.default);
    expect(lifecycleStages(ref.pAlive, ref.daysSinceFirst, { newDays: 30, atRisk: 0.7, lost: 0.3 })).toEqual(
      ref.newDays30atRisk07lost03,
    );
  });
});
