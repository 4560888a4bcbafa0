import { describe, expect, it } from "vitest";
import { applyMapping, detectColumns, normaliseHeader } from "../../../src/core/scorecard/headers";

/** The sample tables' columns, in DESIGN.md's order; they have no Previous or Benchmark column. */
const SAMPLE_MAPPING = {
  metric: 0,
  perspective: 1,
  actual: 2,
  target: 3,
  weight: 4,
  direction: 5,
  threshold: 6,
  previous: null,
  benchmark: null,
};

describe("header detection", () => {
  it("finds every role of the English sample's header row (Metric, Perspective, Actual, Target, Weight, Direction, Threshold)", () => {
    const d = detectColumns(["Metric", "Perspective", "Actual", "Target", "Weight", "Direction", "Threshold"]);
    expect(d.mapping).toEqual(SAMPLE_MAPPING);
    expect(d.language).toBe("en");
  });

  it("finds every role of the Chinese sample's header row (指标, 维度, 实际值, 目标值, 权重, 方向, 底线) and says zh", () => {
    const d = detectColumns(["指标", "维度", "实际值", "目标值", "权重", "方向", "底线"]);
    expect(d.mapping).toEqual(SAMPLE_MAPPING);
    expect(d.language).toBe("zh");
  });

  it("ignores case and every kind of space, including the ideographic space", () => {
    const d = detectColumns(["  ACTUAL ", "tar get", "目\u3000标值", "Me\u00a0tric"]);
    expect(d.mapping.actual).toBe(0);
    expect(d.mapping.target).toBe(1);
    expect(d.mapping.metric).toBe(3);
  });

  it("reads a trailing unit as decoration: Weight (%), 权重（%）, Target %", () => {
    expect(detectColumns(["Weight (%)"]).mapping.weight).toBe(0);
    expect(detectColumns(["权重（%）"]).mapping.weight).toBe(0);
    expect(detectColumns(["x", "Target %"]).mapping.target).toBe(1);
  });

  it("leaves unknown columns and missing roles unmapped", () => {
    const d = detectColumns(["Owner", "Metric", null, "Notes"]);
    expect(d.mapping).toEqual({
      metric: 1,
      perspective: null,
      actual: null,
      target: null,
      weight: null,
      direction: null,
      threshold: null,
      previous: null,
      benchmark: null,
    });
  });

  it("takes the first of two columns naming the same role", () => {
    expect(detectColumns(["Actual", "实际值"]).mapping.actual).toBe(0);
  });

  it("says zh when Chinese headers outnumber English ones, en on a tie", () => {
    expect(detectColumns(["Metric", "实际值", "目标值"]).language).toBe("zh");
    expect(detectColumns(["Metric", "实际值"]).language).toBe("en");
  });

  it("normalises a header to lower case without spaces", () => {
    expect(normaliseHeader(" Learning  & Growth ")).toBe("learning&growth");
    expect(normaliseHeader(null)).toBe("");
    expect(normaliseHeader(42)).toBe("42");
  });

  it("applies the pane's overrides: a new column for a role, null to unmap one", () => {
    const d = detectColumns(["Metric", "Actual", "Target", "Budget"]);
    const m = applyMapping(d.mapping, { target: 3, metric: undefined, actual: 1, weight: null });
    expect(m.target).toBe(3);
    expect(m.metric).toBe(0);
    expect(applyMapping(d.mapping, { metric: null }).metric).toBeNull();
    expect(applyMapping(d.mapping, undefined)).toBe(d.mapping);
  });
});

describe("the comparison columns' headers", () => {
  it.each([
    ["Previous", "previous", "en"],
    ["Previous period", "previous", "en"],
    ["Last period", "previous", "en"],
    ["上期值", "previous", "zh"],
    ["上期", "previous", "zh"],
    ["Benchmark", "benchmark", "en"],
    ["Industry benchmark", "benchmark", "en"],
    ["标杆值", "benchmark", "zh"],
    ["行业标杆", "benchmark", "zh"],
  ] as const)("%s is %s (%s)", (header, role, language) => {
    const d = detectColumns(["x", header]);
    expect(d.mapping[role]).toBe(1);
    expect(d.language).toBe(language);
  });
});
