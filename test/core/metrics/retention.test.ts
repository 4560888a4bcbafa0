import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../support/crmError";
import { CrmError } from "../../../src/core/errors";
import { churnRate, repeatRate, retentionRate } from "../../../src/core/metrics/retention";

describe("retentionRate", () => {
  it("retention is (E − N)/S: 1000 start, 1100 end, 200 new → 900/1000 = 0.9", () => {
    expect(retentionRate(1000, 1100, 200)).toBe(0.9);
  });
  it("boundaries: everyone kept (E − N = S) is 1, nobody kept (E = N) is 0", () => {
    expect(retentionRate(500, 700, 200)).toBe(1);
    expect(retentionRate(500, 200, 200)).toBe(0);
  });
  it("S = 0 is #DIV/0!", () => {
    expect(codeOf(() => retentionRate(0, 10, 10))).toBe("DIV0");
  });
  it("N > E, E − N > S, or a negative count is #NUM!", () => {
    expect(codeOf(() => retentionRate(1000, 100, 200))).toBe("NUM");
    expect(codeOf(() => retentionRate(1000, 1300, 200))).toBe("NUM");
    expect(codeOf(() => retentionRate(-1, 10, 1))).toBe("NUM");
    expect(codeOf(() => retentionRate(10, -1, 0))).toBe("NUM");
    expect(codeOf(() => retentionRate(10, 5, -1))).toBe("NUM");
    expect(codeOf(() => retentionRate(10, Number.NaN, 1))).toBe("NUM");
  });
});

describe("churnRate", () => {
  it("churn is lost / S: 100/1000 = 0.1", () => {
    expect(churnRate(1000, 100)).toBe(0.1);
  });
  it("boundaries: none lost 0, all lost 1", () => {
    expect(churnRate(50, 0)).toBe(0);
    expect(churnRate(50, 50)).toBe(1);
  });
  it("S = 0 is #DIV/0!; more lost than S, or negative, #NUM!", () => {
    expect(codeOf(() => churnRate(0, 0))).toBe("DIV0");
    expect(codeOf(() => churnRate(10, 11))).toBe("NUM");
    expect(codeOf(() => churnRate(10, -1))).toBe("NUM");
  });
});

describe("repeatRate", () => {
  it("orders A, B, A, C, B, B: customers A, B, C; A (2 orders) and B (3) repeat → 2/3", () => {
    expect(repeatRate(["A", "B", "A", "C", "B", "B"])).toBeCloseTo(2 / 3, 15);
  });
  it('ids match like COUNTIF: case and surrounding spaces ignored, 1001 equals "1001"', () => {
    expect(repeatRate(["abc", " ABC ", 1001, "1001", "x"])).toBeCloseTo(2 / 3, 15);
  });
  it("blanks (null, empty text) are skipped", () => {
    expect(repeatRate([null, "A", "", "A", null, "B"])).toBe(0.5);
  });
  it("all distinct is 0, one customer ordering twice is 1", () => {
    expect(repeatRate([1, 2, 3])).toBe(0);
    expect(repeatRate([7, 7])).toBe(1);
  });
  it("agrees with a naive count over keys String(number) / trimmed lower-case text (random order lists)", () => {
    const naive = (ids: (string | number | null)[]): number => {
      const orders = new Map<string, number>();
      for (const id of ids) {
        if (id === null) continue;
        const key = typeof id === "number" ? String(id) : id.trim().toLowerCase();
        if (key !== "") orders.set(key, (orders.get(key) ?? 0) + 1);
      }
      return [...orders.values()].filter((n) => n >= 2).length / orders.size;
    };
    const id = fc.oneof(
      fc.integer({ min: -3, max: 30 }),
      fc.constantFrom("7", " 7", "07", "-2", "2.5", "A", "a", " B ", "b", "É", "é", "", " ", "x y"),
      fc.constantFrom(2.5, 1e21, "1E+21", null),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 60 }), (ids) => {
        const expected = naive(ids);
        if (Number.isNaN(expected)) expect(() => repeatRate(ids)).toThrow(CrmError);
        else expect(repeatRate(ids)).toBe(expected);
      }),
      { seed: 31, numRuns: 500 },
    );
  });
  it("no ids is #DIV/0!", () => {
    expect(codeOf(() => repeatRate([]))).toBe("DIV0");
    expect(codeOf(() => repeatRate([null, "  "]))).toBe("DIV0");
  });
});
