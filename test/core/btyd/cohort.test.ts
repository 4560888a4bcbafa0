/**
 * Acquisition-cohort retention: cohorts by the calendar period of the first purchase, the share of each
 * active in period 0, 1, 2, …; small logs worked by hand, and the CDNOW log against an independent count
 * (a dozen lines of plain Python over CDNOW_sample.txt, grouping by yyyymm).
 */
import { describe, expect, it } from "vitest";
import { cohortTable } from "../../../src/core/btyd/cohort";
import { excelSerial } from "../../../src/core/values/dates";
import { CrmError } from "../../../src/core/errors";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";

function crmError(f: () => unknown): CrmError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CrmError);
    return e as CrmError;
  }
  throw new Error("expected a CrmError");
}

describe("cohort table", () => {
  // 45658 = Wed 2025-01-01, 45670 = Mon 2025-01-13, 45700 = Wed 2025-02-12
  it("months: A and B join in January, A buys again in February, C joins in February → [2: 1, ½], [1: 1, —]", () => {
    expect(cohortTable(["A", "B", "A", "C"], [45658, 45670, 45700, 45700], "month")).toEqual([
      { start: 45658, size: 2, active: [1, 0.5] },
      { start: 45689, size: 1, active: [1, null] },
    ]);
  });

  it("several purchases in one period count once; the first purchase decides the cohort whatever the row order", () => {
    expect(cohortTable([1, 1, 1, 1], [45700, 45658, 45659, 45701], "month")).toEqual([
      { start: 45658, size: 1, active: [1, 1] },
    ]);
  });

  it("weeks start on Monday (45656 = Mon 2024-12-30); quiet weeks are 0, unobserved ones null", () => {
    const t = cohortTable(["a", "b", "a", "c"], [45658, 45670, 45700, 45700], "week");
    expect(t.map((c) => c.start)).toEqual([45656, 45670, 45698]);
    expect(t[0]!.active).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t[1]!.active).toEqual([1, 0, 0, 0, 0, null, null]);
    expect(t[2]!.active).toEqual([1, null, null, null, null, null, null]);
  });

  it("quarters start on 1 January, April, July, October (45748 = 2025-04-01)", () => {
    const t = cohortTable(["a", "b", "a", "c"], [45658, 45670, 45800, 45750], "quarter");
    expect(t).toEqual([
      { start: 45658, size: 2, active: [1, 0.5] },
      { start: 45748, size: 1, active: [1, null] },
    ]);
  });

  it("CDNOW by month: cohorts of January, February, March 1997 with 781, 857, 719 customers, 18 months of history for January", () => {
    const log = cdnowTransactions();
    const t = cohortTable(log.ids, log.dates, "month");
    expect(t.map((c) => [c.start, c.size])).toEqual([
      [excelSerial(1997, 1, 1), 781],
      [excelSerial(1997, 2, 1), 857],
      [excelSerial(1997, 3, 1), 719],
    ]);
    expect(t[0]!.active.length).toBe(18);
    const firstMonths = [
      [1, 0.158771, 0.121639, 0.089629, 0.083227],
      [1, 0.156359, 0.128355, 0.087515, 0.089848],
      [1, 0.121001, 0.116829, 0.108484, 0.087622],
    ];
    t.forEach((c, k) => c.active.slice(0, 5).forEach((s, j) => expect(s).toBeCloseTo(firstMonths[k]![j]!, 6)));
    expect(t[2]!.active.slice(-3)).toEqual([expect.any(Number), null, null]); // March: 16 of the 18 months observed
  });
});

describe("cohort errors", () => {
  it("inputs of different lengths → #VALUE!", () => {
    expect(crmError(() => cohortTable([1, 2], [45000])).code).toBe("VALUE");
  });
  it("a date before serial 1 → #NUM! naming the transaction", () => {
    const e = crmError(() => cohortTable([1, 2], [45000, 0]));
    expect([e.code, e.message]).toEqual(["NUM", expect.stringContaining("transaction 2")]);
  });
  it("an empty log → #N/A", () => {
    expect(crmError(() => cohortTable([], [])).code).toBe("NA");
  });
});
