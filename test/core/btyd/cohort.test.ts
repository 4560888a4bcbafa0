/**
 * Acquisition-cohort retention: cohorts by the calendar period of the first purchase, the share of each
 * active in period 0, 1, 2, …; small logs worked by hand, and the CDNOW log against an independent count
 * (a dozen lines of plain Python over CDNOW_sample.txt, grouping by yyyymm).
 */
import { describe, expect, it } from "vitest";
import { cohortTable } from "../../../src/core/btyd/cohort";
import { excelSerial } from "../../../src/core/values/dates";
import { cdnowTransactions } from "../../fixtures/cdnow/cdnow";
import { crmError } from "../../support/crmError";

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

describe("far-off dates (issue 13 item 17)", () => {
  const jan2026 = excelSerial(2026, 1, 5);

  it("9999-12-31 among 2026 dates: #N/A naming the table's width and the date range, before any table is built", () => {
    // weekly: weeks from Monday 2026-01-05 (week 6575 since 1900-01-01) to 9999-12-31 (week 422637) are
    // 416,063 periods, + start and size = 416,065 columns (the log: 2 × 416,118 took 21.9 s and 1.2 GB)
    const t0 = performance.now();
    const e = crmError(() => cohortTable(["a", "b", "c"], [jan2026, jan2026 + 30, excelSerial(9999, 12, 31)], "week"));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.code).toBe("NA");
    expect(e.message).toBe(
      "the cohort table would be 416065 columns wide, more than the 16384 of a sheet: the dates run from 2026-01-05 " +
        "to 9999-12-31; look for a mistyped date, or use a longer grain",
    );
    expect(e.text("zh")).toContain("超过工作表的 16384 列");
    // monthly the same log is 2 + (9999·12 + 11) − 2026·12 + 1 = 95,690 columns: #N/A too
    expect(crmError(() => cohortTable(["a", "b"], [jan2026, excelSerial(9999, 12, 31)], "month")).message).toContain(
      "95690 columns",
    );
  });

  it("the widest table a sheet holds is built: 2 + 16,382 months; one month more is #N/A", () => {
    // serial 1 is January 1900; February 3265 is 16,381 months later: 16,382 periods, 16,384 columns
    const last = excelSerial(1900 + Math.floor(16381 / 12), (16381 % 12) + 1, 1);
    const t = cohortTable(["a", "b"], [1, last], "month");
    expect(2 + t[0]!.active.length).toBe(16384);
    const beyond = excelSerial(1900 + Math.floor(16382 / 12), (16382 % 12) + 1, 1);
    expect(crmError(() => cohortTable(["a", "b"], [1, beyond], "month")).code).toBe("NA");
  });

  it("a serial beyond 9999-12-31 (1e15) is not an Excel date: #NUM! naming the transaction, not a crash", () => {
    const e = crmError(() => cohortTable(["a", "b"], [jan2026, 1e15]));
    expect([e.code, e.message]).toEqual([
      "NUM",
      "dates: transaction 2 has the date 1000000000000000; Excel dates are serials from 1 to 2958465 (9999-12-31)",
    ]);
  });

  it("weekly cohorts from serial 1 (Monday 1900-01-01) start on serial 1, not −5", () => {
    const t = cohortTable(["a", "a", "b"], [1, 9, 3], "week");
    expect(t).toEqual([{ start: 1, size: 2, active: [1, 0.5] }]);
  });
});
