import { describe, expect, it } from "vitest";
import {
  defaultPeriodLabel,
  orderPeriods,
  parseQuarterLabel,
  periodKey,
  previousPeriod,
} from "../../../src/core/scorecard/period";
import { CrmError } from "../../../src/core/errors";

describe("period labels (DESIGN.md: default the calendar quarter of the as-of date)", () => {
  it("2026-11-15 is in the fourth quarter: 2026 Q4 / 2026年第4季度", () => {
    expect(defaultPeriodLabel("2026-11-15", "en")).toBe("2026 Q4");
    expect(defaultPeriodLabel("2026-11-15", "zh")).toBe("2026年第4季度");
  });

  it("quarter boundaries: Jan–Mar Q1, Apr–Jun Q2, Jul–Sep Q3, Oct–Dec Q4", () => {
    const q = (d: string): string => defaultPeriodLabel(d, "en");
    expect([q("2025-01-01"), q("2025-03-31"), q("2025-04-01"), q("2025-06-30")]).toEqual([
      "2025 Q1",
      "2025 Q1",
      "2025 Q2",
      "2025 Q2",
    ]);
    expect([q("2025-07-01"), q("2025-09-30"), q("2025-10-01"), q("2025-12-31")]).toEqual([
      "2025 Q3",
      "2025 Q3",
      "2025 Q4",
      "2025 Q4",
    ]);
  });

  it("a date that is not YYYY-MM-DD is #VALUE!", () => {
    expect(() => defaultPeriodLabel("15/11/2026", "en")).toThrow(CrmError);
    expect(() => defaultPeriodLabel("2026-13-01", "en")).toThrow(/not a date/);
  });

  it("reads quarter labels in either language, spaces and case aside; other labels are not quarters", () => {
    for (const s of [
      "2026 Q4",
      "2026Q4",
      "2026 q4",
      " 2026  Q4 ",
      "2026年第4季度",
      "2026年第四季度",
      "2026 年 第 4 季度",
    ])
      expect(parseQuarterLabel(s), s).toEqual({ year: 2026, quarter: 4 });
    for (const s of ["2026 Q5", "Q4 2026", "FY2026 H1", "Pilot", "2026", ""])
      expect(parseQuarterLabel(s), s).toBeNull();
  });

  it("the same quarter in English and Chinese is the same period; other labels match ignoring case and spaces", () => {
    expect(periodKey("2026 Q4")).toBe(periodKey("2026年第4季度"));
    expect(periodKey("2026 Q4")).not.toBe(periodKey("2026 Q3"));
    expect(periodKey(" Pilot ")).toBe(periodKey("pilot"));
  });
});

describe("ordering periods: quarters by time, other labels in recorded order", () => {
  it("quarters recorded out of order read in time order", () => {
    expect(orderPeriods(["2026 Q3", "2026 Q1", "2025 Q4", "2026 Q2"])).toEqual([
      "2025 Q4",
      "2026 Q1",
      "2026 Q2",
      "2026 Q3",
    ]);
  });

  it("other labels keep the order in which they were recorded", () => {
    expect(orderPeriods(["Spring campaign", "Autumn campaign", "Pilot"])).toEqual([
      "Spring campaign",
      "Autumn campaign",
      "Pilot",
    ]);
  });

  it("mixed: the quarters are sorted among the places quarters hold, the other labels stay where they are", () => {
    // Places 0, 2, 3 hold quarters (Q3, Q1, Q2) → Q1, Q2, Q3; "Pilot" stays at place 1.
    expect(orderPeriods(["2026 Q3", "Pilot", "2026 Q1", "2026 Q2"])).toEqual([
      "2026 Q1",
      "Pilot",
      "2026 Q2",
      "2026 Q3",
    ]);
  });

  it("a period given twice (in either language) is listed once, under its first label", () => {
    expect(orderPeriods(["2026 Q2", "2026年第1季度", "2026 Q1"])).toEqual(["2026年第1季度", "2026 Q2"]);
  });

  it("the previous period: the one before in that order, the current one placed among them", () => {
    expect(previousPeriod(["2026 Q1", "2026 Q3"], "2026年第2季度")).toBe("2026 Q1");
    expect(previousPeriod(["2026 Q1", "2026 Q2"], "2026 Q2")).toBe("2026 Q1");
    expect(previousPeriod(["2026 Q2"], "2026 Q1")).toBeNull();
    expect(previousPeriod([], "2026 Q1")).toBeNull();
    // A label that is not a quarter and not recorded yet comes last.
    expect(previousPeriod(["Pilot", "2026 Q1"], "Launch")).toBe("2026 Q1");
  });
});

describe("misnamedQuarter: a label written as a quarter that names none (a year has Q1–Q4)", () => {
  it("2026 Q5, 2026Q0 and 2026年第5季度 name no quarter", async () => {
    const { misnamedQuarter } = await import("../../../src/core/scorecard/period");
    expect(["2026 Q5", "2026Q0", "2026 q12", "2026年第5季度", "2026 年 第 0 季度"].map(misnamedQuarter)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it("real quarters and labels of the user's own are fine: 2026 Q1–Q4, 2026年第4季度, FY2026 H1, Pilot, 2026", async () => {
    const { misnamedQuarter } = await import("../../../src/core/scorecard/period");
    const fine = ["2026 Q1", "2026 Q4", "2026年第4季度", "2026年第四季度", "FY2026 H1", "Pilot", "2026", ""];
    expect(fine.filter(misnamedQuarter)).toEqual([]);
  });
});
