/**
 * RFM summary of a transaction log (DESIGN.md "RFM summary"): reproduces the summary files shipped with the
 * CDNOW sample (lifetimes' datasets, the Fader–Hardie–Lee calibration summary), and small logs worked by hand.
 */
import { describe, expect, it } from "vitest";
import { rfmSummary } from "../../../src/core/btyd/rfm";
import { CALIBRATION_END, cdnowSummary, cdnowSummaryWithSpend, cdnowTransactions } from "../../fixtures/cdnow/cdnow";
import { crmError } from "../../support/crmError";

describe("RFM on the CDNOW log", () => {
  const log = cdnowTransactions();
  const s = rfmSummary(log.ids, log.dates, log.amounts, { asOf: CALIBRATION_END });

  it("lists the 2,357 customers in order of first appearance (ids 1…2357, as the log is sorted by id)", () => {
    expect(s.customers.length).toBe(2357);
    expect(s.customers.every((id, i) => id === i + 1)).toBe(true);
  });

  it("reproduces cdnow_customers_summary_with_transactions.csv: x exactly, t_x, T and zbar to its 2 decimals", () => {
    const ref = cdnowSummaryWithSpend();
    const off: string[] = [];
    for (let i = 0; i < ref.id.length; i++) {
      const c = ref.id[i]! - 1;
      const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 + 1e-9;
      if (
        s.frequency[c] !== ref.x[i] ||
        !close(s.recency[c]!, ref.tx[i]!) ||
        !close(s.T[c]!, ref.T[i]!) ||
        !close(s.monetary[c]!, ref.zbar[i]!)
      ) {
        off.push(`customer ${ref.id[i]}`);
      }
    }
    expect(off).toEqual([]);
  });

  it("reproduces the BG/NBD paper's cdnow_customers_summary.csv (frequency, recency, T)", () => {
    const ref = cdnowSummary();
    const off: number[] = [];
    for (let i = 0; i < ref.id.length; i++) {
      const c = ref.id[i]! - 1;
      const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 + 1e-9;
      if (s.frequency[c] !== ref.x[i] || !close(s.recency[c]!, ref.tx[i]!) || !close(s.T[c]!, ref.T[i]!))
        off.push(ref.id[i]!);
    }
    expect(off).toEqual([]);
  });

  it("customer 1: 1997-01-01 $29.33, 01-18 $29.73, 08-02 $14.96 (12-12 is after the end) → x 2, t_x 213/7, T 272/7, monetary 22.345", () => {
    expect([s.frequency[0], s.recency[0], s.T[0]]).toEqual([2, 213 / 7, 272 / 7]);
    expect(s.monetary[0]).toBeCloseTo((29.73 + 14.96) / 2, 12);
  });
});

describe("RFM on small logs, worked by hand", () => {
  // 45658 = 2025-01-01
  it("same-day purchases are one purchase day with their amounts summed; as-of defaults to the latest date", () => {
    const s = rfmSummary(["A", "A", "B", "A"], [45658, 45665, 45660, 45665], [10, 20, 5, 30]);
    expect(s.customers).toEqual(["A", "B"]);
    // A: days 45658 and 45665 (20 + 30): x 1, t_x 7/7, T (45665 − 45658)/7, monetary 50. B: 0, 0, 5/7, 0
    expect(Array.from(s.frequency)).toEqual([1, 0]);
    expect(Array.from(s.recency)).toEqual([1, 0]);
    expect(Array.from(s.T)).toEqual([1, 5 / 7]);
    expect(Array.from(s.monetary)).toEqual([50, 0]);
  });

  it("a time of day is dropped: 45658.25 and 45658.9 are one day", () => {
    const s = rfmSummary([1, 1, 1], [45658.25, 45658.9, 45672.5], [1, 2, 4]);
    expect([s.frequency[0], s.recency[0], s.monetary[0]]).toEqual([1, 2, 4]);
  });

  it("monetary is the mean of the daily totals after the first day: days 1, 2, 2, 3 with 7, 1, 2, 6 → (3 + 6)/2", () => {
    const s = rfmSummary([9, 9, 9, 9], [45001, 45002, 45002, 45003], [7, 1, 2, 6]);
    expect([s.frequency[0], s.monetary[0]]).toEqual([2, 4.5]);
  });

  it("transactions after the as-of date are left out; a customer who starts later does not appear", () => {
    const s = rfmSummary(["A", "B", "A"], [45658, 45700, 45690], [10, 5, 20], { asOf: 45680 });
    expect(s.customers).toEqual(["A"]);
    expect([s.frequency[0], s.T[0]]).toEqual([0, 22 / 7]);
  });

  it("periodDays = 1 counts recency and T in days; numeric and text ids are different customers", () => {
    const s = rfmSummary([1, "1", 1], [45658, 45659, 45668], [1, 1, 1], { periodDays: 1 });
    expect(s.customers).toEqual([1, "1"]);
    expect([s.recency[0], s.T[0], s.T[1]]).toEqual([10, 10, 9]);
  });
});

describe("RFM errors", () => {
  it("inputs of different lengths → #VALUE!", () => {
    expect(crmError(() => rfmSummary([1, 2], [45000], [1, 2])).code).toBe("VALUE");
  });
  it("a negative date → #NUM! naming the transaction", () => {
    const e = crmError(() => rfmSummary([1, 2], [45000, -3], [1, 2]));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining("transaction 2 has the date -3")]);
  });
  it("periodDays ≤ 0 and a negative asOf → #NUM!", () => {
    expect(crmError(() => rfmSummary([1], [45000], [1], { periodDays: 0 })).code).toBe("NUM");
    expect(crmError(() => rfmSummary([1], [45000], [1], { asOf: -1 })).code).toBe("NUM");
  });
  it("an empty log, or nothing on or before the as-of date → #N/A", () => {
    expect(crmError(() => rfmSummary([], [], [])).code).toBe("NA");
    expect(crmError(() => rfmSummary([1], [45000], [1], { asOf: 44000 })).code).toBe("NA");
  });
});
