/**
 * Marketing RFM per customer (DESIGN.md "Customer analysis"): small logs worked by hand, the refunds rule,
 * and the CDNOW sample against an independent Python computation (test/fixtures/analysis/make_fixtures.py).
 */
import { describe, expect, it } from "vitest";
import { marketingRfm } from "../../../src/core/analysis/marketingRfm";
import { rfmSummary } from "../../../src/core/btyd/rfm";
import { codeOf } from "../../support/crmError";
import { cdnowAnalysis } from "../../fixtures/analysis/analysis";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";

describe("marketing RFM, worked by hand", () => {
  it("A buys on day 45658 and twice on 45665 (one purchase day): F = 2, M = 10 + 20 + 30 = 60, R = 0; B: F 1, M 5, R 5", () => {
    const s = marketingRfm(["A", "A", "B", "A"], [45658, 45665, 45660, 45665], [10, 20, 5, 30]);
    expect(s.customers).toEqual(["A", "B"]);
    expect(s.asOfDay).toBe(45665);
    expect(Array.from(s.firstPurchase)).toEqual([45658, 45660]);
    expect(Array.from(s.lastPurchase)).toEqual([45665, 45660]);
    expect(Array.from(s.purchases)).toEqual([2, 1]);
    expect(Array.from(s.totalSpend)).toEqual([60, 5]);
    expect(Array.from(s.daysSinceLast)).toEqual([0, 5]);
    expect(Array.from(s.daysSinceFirst)).toEqual([7, 5]);
  });

  it("times of day are dropped: 45658.25 and 45658.9 are one purchase day", () => {
    const s = marketingRfm([1, 1, 1], [45658.25, 45658.9, 45672.5], [1, 2, 4]);
    expect(Array.from(s.purchases)).toEqual([2]);
    expect(Array.from(s.daysSinceLast)).toEqual([0]);
    expect(Array.from(s.firstPurchase)).toEqual([45658]);
  });

  it("transactions after the as-of date are left out, and R counts from the as-of date", () => {
    const s = marketingRfm(["A", "B", "A"], [45658, 45700, 45690], [10, 5, 20], { asOf: 45680 });
    expect(s.customers).toEqual(["A"]);
    expect(Array.from(s.totalSpend)).toEqual([10]);
    expect(Array.from(s.daysSinceLast)).toEqual([22]);
  });

  it("refunds: a negative amount is netted into the total and its day still counts as a purchase day", () => {
    // 100 bought on day 1, 30 returned on day 5: M = 70 net, F = 2 days, last purchase day 5
    const s = marketingRfm(["A", "A"], [45001, 45005], [100, -30], { asOf: 45010 });
    expect(Array.from(s.totalSpend)).toEqual([70]);
    expect(Array.from(s.purchases)).toEqual([2]);
    expect(Array.from(s.daysSinceLast)).toEqual([5]);
  });

  it("uses the BTYD layout's days: F = frequency + 1 for every customer, refunds included", () => {
    const ids = ["A", "A", "B", "A", "C", "C", "B"];
    const dates = [45001, 45001, 45003, 45010, 45004, 45020, 45003];
    const amounts = [5, -5, 7, 3, 10, -2, 1];
    const m = marketingRfm(ids, dates, amounts);
    const b = rfmSummary(ids, dates, amounts);
    expect(m.customers).toEqual(b.customers);
    expect(Array.from(m.purchases)).toEqual(Array.from(b.frequency, (x) => x + 1));
  });

  it("errors: different lengths #VALUE!, empty log #N/A, nothing before the as-of date #N/A, negative date #NUM!", () => {
    expect(codeOf(() => marketingRfm([1, 2], [45000], [1, 2]))).toBe("VALUE");
    expect(codeOf(() => marketingRfm([], [], []))).toBe("NA");
    expect(codeOf(() => marketingRfm([1], [45000], [1], { asOf: 44000 }))).toBe("NA");
    expect(codeOf(() => marketingRfm([1], [-1], [1]))).toBe("NUM");
  });
});

describe("marketing RFM of the CDNOW sample as of 1998-06-30 (independent Python reference)", () => {
  const ref = cdnowAnalysis();
  const log = cdnowTransactions();
  const s = marketingRfm(log.ids, log.dates, log.amounts);

  it("has the reference's as-of day, 2,357 customers in the same order", () => {
    expect(s.asOfDay).toBe(ref.asOf);
    expect(s.customers).toEqual(ref.customers);
  });

  it("first and last purchase, purchases and days since the last purchase exactly; total spend to 1e-9", () => {
    expect(Array.from(s.firstPurchase)).toEqual(ref.firstPurchase);
    expect(Array.from(s.lastPurchase)).toEqual(ref.lastPurchase);
    expect(Array.from(s.purchases)).toEqual(ref.purchases);
    expect(Array.from(s.daysSinceLast)).toEqual(ref.daysSinceLast);
    const off = ref.totalSpend.filter((m, i) => Math.abs(m - s.totalSpend[i]!) > 1e-9);
    expect(off).toEqual([]);
  });
});
