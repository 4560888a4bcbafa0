/**
 * The metric adapters as Excel calls them: ranges as rows of cells (blanks as null or ""), optional
 * arguments as null, error values as objects with a code. Results are finite numbers or a
 * CustomFunctions.Error (the fake global of test/support) with the right code and a message naming the
 * argument and the cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAC,
  CHURN,
  CLV,
  CLV_SIMPLE,
  CONVERSION,
  csatOf,
  EVA,
  LTVCAC,
  PAYBACK,
  REPEATRATE,
  RESPONSETIME,
  RETENTION,
  ROI,
  TCO,
} from "../../src/functions/metrics";
import { col } from "../support/adapterCalls";

/** The Excel error an adapter threw (failing on anything else), or undefined when it returned. */
function excelError(f: () => unknown): { code: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as { code: string; message: string };
  }
  return undefined;
}

const NA = { code: "#N/A" };

describe("csatOf", () => {
  it("csatOf (for the blank-safe wiring) takes read scores and raw optional arguments", () => {
    expect(csatOf([5, 4, 3, 5, 2], null, null)).toBe(0.6);
  });
});

describe("CAC and CONVERSION", () => {
  it("CAC sums each side: costs 30000 + 20000 over 40 + 60 customers → 500", () => {
    expect(CAC(col(30000, 20000), col(40, 60))).toBe(500);
  });
  it("CAC accepts plain numbers and multi-column ranges: (1000 + 500 + 1500) / 6 = 500", () => {
    expect(CAC([[1000, 500, 1500]] as unknown[][], 6 as unknown as unknown[][])).toBe(500);
  });
  it("CAC skips blanks; 0 new customers is #DIV/0!", () => {
    expect(CAC(col(1000, null, ""), col(null, 4))).toBe(250);
    expect(excelError(() => CAC(col(1000), col(0, null)))?.code).toBe("#DIV/0!");
  });
  it("CAC text in a 2-column range names row and column; a negative cost is #NUM!", () => {
    const e = excelError(() =>
      CAC(col(1000), [
        [1, 2],
        [3, "x"],
      ]),
    );
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toBe('newCustomers: row 2, column 2 of the range is text "x"');
    expect(excelError(() => CAC(col(-5), col(1)))?.code).toBe("#NUM!");
  });
  it("CONVERSION is Σ conversions / Σ leads: 20/400 = 0.05; more conversions than leads #NUM!", () => {
    expect(CONVERSION(col(12, 8), col(150, 250))).toBe(0.05);
    expect(excelError(() => CONVERSION(col(11), col(10)))?.code).toBe("#NUM!");
    expect(excelError(() => CONVERSION(col(1), col(null)))?.code).toBe("#DIV/0!");
    expect(excelError(() => CONVERSION(col(true), col(10)))?.code).toBe("#VALUE!");
  });
});

describe("scalar-argument functions", () => {
  it("LTVCAC 1500/500 = 3; PAYBACK 500/60 ≈ 8.33", () => {
    expect(LTVCAC(1500, 500)).toBe(3);
    expect(PAYBACK(500, 60)).toBeCloseTo(25 / 3, 14);
  });
  it("RETENTION (1100 − 200)/1000 = 0.9; CHURN 100/1000 = 0.1", () => {
    expect(RETENTION(1000, 1100, 200)).toBe(0.9);
    expect(CHURN(1000, 100)).toBe(0.1);
  });
  it("ROI (125000 − 100000)/100000 = 0.25; EVA 150000 − 0.1·1000000 = 50000", () => {
    expect(ROI(125000, 100000)).toBe(0.25);
    expect(EVA(150000, 1000000, 0.1)).toBe(50000);
  });
  it("CLV.SIMPLE 50·4·0.3·5 = 300", () => {
    expect(CLV_SIMPLE(50, 4, 0.3, 5)).toBeCloseTo(300, 10);
  });
  it("text is #VALUE! naming the argument; a missing required argument is #N/A; a range is #VALUE!", () => {
    const e = excelError(() => LTVCAC("abc", 500));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toBe('clv is text "abc", not a number');
    expect(excelError(() => ROI(null, 5))?.code).toBe("#N/A");
    expect(excelError(() => EVA(1, col(1, 2), 0.1))?.code).toBe("#VALUE!");
    expect(excelError(() => CHURN(10, false))?.code).toBe("#VALUE!");
  });
  it("an error value passed in propagates with its code", () => {
    expect(excelError(() => PAYBACK({ code: "#DIV/0!" }, 5))?.code).toBe("#DIV/0!");
    expect(excelError(() => RETENTION(NA, 1, 1))?.code).toBe("#N/A");
  });
  it("domain and division errors: CAC 0 → #DIV/0!, N > E → #NUM!, cost 0 → #DIV/0!, margin 30 (for 30%) → #NUM!", () => {
    expect(excelError(() => LTVCAC(1500, 0))?.code).toBe("#DIV/0!");
    expect(excelError(() => RETENTION(1000, 100, 200))?.code).toBe("#NUM!");
    expect(excelError(() => RETENTION(0, 1, 1))?.code).toBe("#DIV/0!");
    expect(excelError(() => ROI(5, 0))?.code).toBe("#DIV/0!");
    expect(excelError(() => CLV_SIMPLE(50, 4, 30, 5))?.code).toBe("#NUM!");
    expect(excelError(() => PAYBACK(500, -1))?.code).toBe("#NUM!");
  });
  it("an overflowing result is #NUM!, never Infinity", () => {
    expect(excelError(() => ROI(1e308, 1e-308))?.code).toBe("#NUM!");
  });
});

describe("REPEATRATE", () => {
  it("orders A, B, A, C, B, B → A and B of three customers: 2/3", () => {
    expect(REPEATRATE(col("A", "B", "A", "C", "B", "B"))).toBeCloseTo(2 / 3, 15);
  });
  it('blanks, and 0 (Excel desktop\'s blank), are skipped; ids match case-insensitively and 7 = "7"', () => {
    expect(REPEATRATE(col("a", null, "A", "", 0, 0, 7, "7 ", "z"))).toBeCloseTo(2 / 3, 15);
  });
  it("a boolean is #VALUE! naming the cell; an error value propagates; no ids #DIV/0!", () => {
    const e = excelError(() => REPEATRATE(col("A", true)));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("customerIds: row 2 of the range");
    expect(excelError(() => REPEATRATE(col("A", NA)))?.code).toBe("#N/A");
    expect(excelError(() => REPEATRATE(col(null, 0, "")))?.code).toBe("#DIV/0!");
  });
});

describe("CLV", () => {
  it("periods and timing omitted (null): unlimited Gupta–Lehmann 100·0.8/(1.1 − 0.8) = 266.67", () => {
    expect(CLV(100, 0.8, 0.1, null, null)).toBeCloseTo(800 / 3, 10);
  });
  it("a blank periods cell (null or [[null]]) also means unlimited", () => {
    expect(CLV(100, 0.8, 0.1, [[null]], null)).toBeCloseTo(800 / 3, 10);
    expect(CLV(100, 0.8, 0.1, "", null)).toBeCloseTo(800 / 3, 10);
  });
  it("timing 1 and 2: 100·1.1/0.3 = 366.67 and 100/0.3 = 333.33; T = 3, timing 0: 100·2184/1331 = 164.09", () => {
    expect(CLV(100, 0.8, 0.1, null, 1)).toBeCloseTo(1100 / 3, 10);
    expect(CLV(100, 0.8, 0.1, null, 2)).toBeCloseTo(1000 / 3, 10);
    expect(CLV(100, 0.8, 0.1, 3, null)).toBeCloseTo(218400 / 1331, 10);
  });
  it("retention 1.4, timing 3, periods 2.5, or r ≥ 1 + d unlimited is #NUM!; text timing #VALUE!", () => {
    expect(excelError(() => CLV(100, 1.4, 0.1, null, null))?.code).toBe("#NUM!");
    expect(excelError(() => CLV(100, 0.8, 0.1, null, 3))?.code).toBe("#NUM!");
    expect(excelError(() => CLV(100, 0.8, 0.1, 2.5, null))?.code).toBe("#NUM!");
    expect(excelError(() => CLV(100, 1, 0, null, null))?.code).toBe("#NUM!");
    expect(excelError(() => CLV(100, 0.8, 0.1, null, "end"))?.code).toBe("#VALUE!");
    expect(excelError(() => CLV(100, "80%", 0.1, null, null))?.message).toBe('retention is text "80%", not a number');
  });
});

describe("TCO", () => {
  it("10000 + 2000/1.1 + 2000/1.21 + 2000/1.331 ≈ 14973.70 (years across a row)", () => {
    expect(TCO(10000, [[2000, 2000, 2000]], 0.1)).toBeCloseTo(10000 + 6620 / 1.331, 9);
  });
  it("discountRate omitted adds the costs: 100 + 10 + 20 = 130", () => {
    expect(TCO(100, col(10, 20), null)).toBe(130);
  });
  it("a blank year keeps the following years in place: {blank; 1210} at 10% → 1210/1.21 = 1000", () => {
    expect(TCO(0, col(null, 1210), 0.1)).toBeCloseTo(1000, 10);
    expect(TCO(0, col("", 1210), 0.1)).toBeCloseTo(1000, 10);
    expect(TCO(0, col(0, 1210), 0.1)).toBeCloseTo(1000, 10); // desktop passes the blank as 0: same answer
  });
  it("text in runningCosts is #VALUE! naming the cell; a negative cost #NUM!", () => {
    expect(excelError(() => TCO(0, col(1, "tbd"), null))?.message).toBe(
      'runningCosts: row 2 of the range is text "tbd"',
    );
    expect(excelError(() => TCO(0, col(1, -1), null))?.code).toBe("#NUM!");
  });
});

describe("RESPONSETIME", () => {
  // Serial days: 45000 = 2023-03-15 00:00; 0.25 day = 6 hours.
  it("mean of 6 h and 12 h is 9 h", () => {
    expect(RESPONSETIME(col(45000, 45000.5), col(45000.25, 45001), null)).toBe(9);
  });
  it('pairs with a blank (null, "" or desktop\'s 0) on either side are skipped', () => {
    expect(RESPONSETIME(col(45000, null, 45001, 0, 45002), col(45000.25, 45003, "", 45004, 45002.5), null)).toBe(9);
  });
  it("statistic words ignore case: MEDIAN of 1, 2, 4, 8 h is 3 h; p90 of 1..10 h is 9.1 h", () => {
    const open = col(45000, 45000, 45000, 45000);
    expect(RESPONSETIME(open, col(...[1, 2, 4, 8].map((h) => 45000 + h / 24)), "MEDIAN")).toBeCloseTo(3, 9);
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(RESPONSETIME(col(...hours.map(() => 45000)), col(...hours.map((h) => 45000 + h / 24)), "p90")).toBeCloseTo(
      9.1,
      9,
    );
  });
  it("an unknown statistic is #VALUE! listing the allowed words", () => {
    const e = excelError(() => RESPONSETIME(col(45000), col(45001), "avg"));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toBe('statistic: "avg" is not one of "mean", "median", "p90"');
  });
  it("ranges of different shapes are #VALUE! (3×1 against 2×1, and 1×2 against 2×1)", () => {
    const e = excelError(() => RESPONSETIME(col(1, 2), col(1, 2, 3), null));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toBe("respondedAt: a 3×1 range must have the same shape as openedAt (2×1)");
    expect(excelError(() => RESPONSETIME(col(1, 2), [[1, 2]], null))?.code).toBe("#VALUE!");
  });
  it("a response before its request is #NUM!; text is #VALUE! naming the cell; no pairs #DIV/0!", () => {
    expect(excelError(() => RESPONSETIME(col(45001), col(45000), null))?.code).toBe("#NUM!");
    expect(excelError(() => RESPONSETIME(col(45000, "soon"), col(45001, 45002), null))?.message).toBe(
      'openedAt: row 2 of the range is text "soon"',
    );
    expect(excelError(() => RESPONSETIME(col(null), col(45000), null))?.code).toBe("#DIV/0!");
  });
});

describe("every adapter returns a finite number or throws a CustomFunctions.Error, whatever Excel passes", () => {
  /** A cell as Excel may pass it: numbers of every kind, text, booleans, blanks, error values. */
  const cell = fc.oneof(
    { arbitrary: fc.integer({ min: -5, max: 12 }), weight: 4 },
    { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
    { arbitrary: fc.double({ min: 45000, max: 45010, noNaN: true }), weight: 2 },
    { arbitrary: fc.double(), weight: 2 }, // includes NaN, ±Infinity, ±1.8e308, subnormals
    { arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity), weight: 1 },
    { arbitrary: fc.constantFrom("n/a", "A", "a", "5", "mean", "median", "p90", "#N/A", " "), weight: 1 },
    { arbitrary: fc.string({ maxLength: 4 }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constantFrom(null, ""), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        { code: "#N/A" },
        { code: "#DIV/0!" },
        { code: "#REF!" },
        { code: "invalidValue" },
        new CustomFunctions.Error("#NUM!" as CustomFunctions.ErrorCode),
      ),
      weight: 1,
    },
  );
  /** A range: rectangular m×n (including 0×0), or a bare scalar as Excel passes a typed-in value. */
  const range = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      ),
    cell,
  ) as fc.Arbitrary<unknown[][]>;
  /** A scalar argument: usually a cell, sometimes a range (1×1 or larger). */
  const scalar = fc.oneof({ arbitrary: cell, weight: 4 }, { arbitrary: range, weight: 1 }) as fc.Arbitrary<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Plausible values three times in four, anything else otherwise. */
  function mostly<A, B>(plausible: fc.Arbitrary<A>, other: fc.Arbitrary<B>): fc.Arbitrary<A | B> {
    return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: other, weight: 1 });
  }
  /** An opened/responded pair of serial date-times, responded after opened. */
  const plausiblePair = fc
    .tuple(fc.double({ min: 45000, max: 45010, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }))
    .map(([a, h]): [unknown, unknown] => [a, a + h]);

  /** Checks one call; returns whether it produced a number (to prove the property reaches the maths). */
  function check(f: () => number): boolean {
    let r: number;
    try {
      r = f();
    } catch (e) {
      expect(e).toBeInstanceOf(CustomFunctions.Error);
      expect(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"]).toContain((e as { code: string }).code);
      return false;
    }
    expect(typeof r).toBe("number");
    expect(Number.isFinite(r)).toBe(true);
    return true;
  }

  /** Asserts the property with a fixed seed and that at least some calls returned a number. */
  function holds<Ts extends [unknown, ...unknown[]]>(
    seed: number,
    arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    f: (...args: Ts) => number,
  ): void {
    let numbers = 0;
    fc.assert(
      fc.property(...arbs, (...args: Ts) => {
        if (check(() => f(...args))) numbers++;
      }),
      { seed, numRuns: 400 },
    );
    expect(numbers).toBeGreaterThan(0);
  }

  it("CAC", () => holds(202, [range, range], CAC));
  it("CONVERSION", () => holds(203, [range, range], CONVERSION));
  it("LTVCAC", () => holds(204, [scalar, scalar], LTVCAC));
  it("PAYBACK", () => holds(205, [scalar, scalar], PAYBACK));
  it("RETENTION", () => holds(206, [scalar, scalar, scalar], RETENTION));
  it("CHURN", () => holds(207, [scalar, scalar], CHURN));
  it("REPEATRATE", () => holds(208, [range], REPEATRATE));
  it("CLV", () =>
    holds(
      209,
      [
        scalar,
        mostly(fc.double({ min: 0, max: 1, noNaN: true }), scalar),
        mostly(fc.double({ min: -0.5, max: 1, noNaN: true }), scalar),
        mostly(fc.constantFrom(null, "", 1, 5, 12), scalar),
        mostly(fc.constantFrom(null, 0, 1, 2), scalar),
      ],
      CLV,
    ));
  it("CLV.SIMPLE", () => holds(210, [scalar, scalar, scalar, scalar], CLV_SIMPLE));
  it("ROI", () => holds(211, [scalar, scalar], ROI));
  it("TCO", () => holds(212, [scalar, range, scalar], TCO));
  it("EVA", () => holds(213, [scalar, scalar, scalar], EVA));
  it("RESPONSETIME", () => holds(214, [range, range, scalar], RESPONSETIME));
  it("RESPONSETIME with same-shaped ranges (reaching the maths)", () =>
    holds(
      215,
      [
        fc.array(mostly(plausiblePair, fc.tuple(cell, cell)), { maxLength: 12 }),
        mostly(fc.constantFrom(null, "mean", "Median", "p90"), scalar),
      ],
      (pairs, s) => RESPONSETIME(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1])), s),
    ));
});
