import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { CSAT, NPS, NPS_CI, NPS_COUNTS, NPS_MOE } from "../../src/functions/survey";
import { col, excelError } from "../support/adapterCalls";

const web = { parameterAddresses: ["Sheet1!C2:C8"] } as unknown as CustomFunctions.Invocation;

describe("CRM.NPS adapter", () => {
  it("NPS of 10,9,8,7,6,3,10 is 100·(3 − 2)/7 (3 promoters, 2 detractors, 7 responses)", async () => {
    expect((await NPS(col(10, 9, 8, 7, 6, 3, 10), web))[0]![0]).toBeCloseTo(100 / 7, 12);
  });

  it("skips blanks as the web passes them (null and empty text): 10, '', 0, null, 9 → 100·(2 − 1)/3", async () => {
    expect((await NPS(col(10, "", 0, null, 9), web))[0]![0]).toBeCloseTo(100 / 3, 12);
  });

  it("reads a 2-D range row by row: [[10, 0], [9, 9]] → 100·(3 − 1)/4 = 50", async () => {
    expect(
      await NPS(
        [
          [10, 0],
          [9, 9],
        ],
        web,
      ),
    ).toEqual([[50]]);
  });

  it("text in the scores is #VALUE! naming the row", async () => {
    const e = await excelError(NPS(col(10, 9, "n/a", 3), web));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('scores: row 3 of the range is text "n/a"');
  });

  it("a score of 11 is #NUM! naming its cell", async () => {
    const e = await excelError(
      NPS(
        [
          [10, 9],
          [11, 3],
        ],
        web,
      ),
    );
    expect([e.code, e.message]).toEqual([
      "#NUM!",
      "scores: row 2, column 1 of the range is 11; NPS scores are whole numbers from 0 to 10",
    ]);
  });

  it("a boolean is #VALUE! naming row and column in a 2-D range", async () => {
    const e = await excelError(
      NPS(
        [
          [10, 9],
          [true, 3],
        ],
        web,
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("scores: row 2, column 1 of the range is the logical value TRUE");
  });

  it("a score of 11 or 7.5 is #NUM!", async () => {
    expect((await excelError(NPS(col(10, 11), web))).code).toBe("#NUM!");
    expect((await excelError(NPS(col(7.5), web))).code).toBe("#NUM!");
  });

  it("an error value inside the range propagates (#N/A stays #N/A)", async () => {
    const e = await excelError(NPS(col(10, { code: "#N/A" }, 9), web));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("row 2");
  });

  it("no responses at all is #DIV/0!", async () => {
    expect((await excelError(NPS(col(null, ""), web))).code).toBe("#DIV/0!");
  });
});

describe("CRM.NPS.COUNTS adapter", () => {
  it("spills promoters, passives, detractors, responses: 10,9,8,7,6,3,10 → 3, 2, 2, 7", async () => {
    expect(await NPS_COUNTS(col(10, 9, 8, 7, 6, 3, 10), web)).toEqual([[3, 2, 2, 7]]);
  });
});

describe("CRM.NPS.MOE and CRM.NPS.CI adapters", () => {
  const scores = col(10, 9, 8, 7, 6, 3, 10);

  it("Wald margin at 95 %: p = 3/7, d = 2/7, n = 7 → 1.959964·100·√((5/7 − (1/7)²)/7) = 61.7079 (scipy z)", async () => {
    expect((await NPS_MOE(scores, null, web))[0]![0]).toBeCloseTo(61.707860564911414, 9);
  });

  it("confidence 0.99 widens the margin by z(0.995)/z(0.975) = 2.575829/1.959964", async () => {
    expect((await NPS_MOE(scores, 0.99, web))[0]![0]).toBeCloseTo(
      (61.707860564911414 * 2.5758293035489) / 1.959963984540054,
      9,
    );
  });

  it("adjusted-Wald interval spills [lower, upper]: P = 3.75, D = 2.75, n = 10 → 10 ± 1.959964·25.2982", async () => {
    const [[lo, hi]] = (await NPS_CI(scores, null, web)) as [[number, number]];
    expect(lo).toBeCloseTo(-39.583602584364925, 9);
    expect(hi).toBeCloseTo(59.583602584364925, 9);
  });

  it("an all-promoter survey's interval is clipped at 100", async () => {
    const [[, hi]] = (await NPS_CI(col(10, 10, 10), null, web)) as [[number, number]];
    expect(hi).toBe(100);
  });

  it("confidence outside (0, 1) is #NUM!; text confidence is #VALUE!", async () => {
    expect((await excelError(NPS_MOE(scores, 1.5, web))).code).toBe("#NUM!");
    expect((await excelError(NPS_CI(scores, "high", web))).code).toBe("#VALUE!");
  });
});

describe("CRM.CSAT adapter", () => {
  it("share of scores ≥ 4 on 1–5 by default: {5,4,3,5,2} → 3/5 = 0.6", async () => {
    expect(await CSAT(col(5, 4, 3, 5, 2), null, null, web)).toEqual([[0.6]]);
  });
  it('blank cells (null, "") are skipped: {5, blank, 3, ""} → 1/2', async () => {
    expect(await CSAT(col(5, null, 3, ""), null, null, web)).toEqual([[0.5]]);
  });
  it("threshold and scaleMax given, also as 1×1 ranges: ≥ 9 on 0–10 of {10, 8, 9, 0} → 2/4", async () => {
    expect(await CSAT(col(10, 8, 9, 0), 9, 10, web)).toEqual([[0.5]]);
    expect(await CSAT(col(10, 8, 9, 0), [[9]], [[10]], web)).toEqual([[0.5]]);
  });
  it("text in scores is #VALUE! naming the cell; a score of 6 on 1–5 is #NUM!; no scores is #DIV/0!", async () => {
    const e = await excelError(CSAT(col(5, 4, "n/a"), null, null, web));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'scores: row 3 of the range is text "n/a"']);
    expect((await excelError(CSAT(col(6), null, null, web))).code).toBe("#NUM!");
    expect((await excelError(CSAT(col(null, ""), null, null, web))).code).toBe("#DIV/0!");
  });
});

describe("survey functions never throw anything but an Excel error (fast-check, fixed seed)", () => {
  const cell = fc.oneof(
    fc.integer({ min: -2, max: 12 }),
    fc.double(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, null, "", "n/a", true, false, { code: "#N/A" }),
  );
  const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });
  const scalar = fc.oneof(cell, fc.constant(null));

  async function finiteOrExcelError(p: Promise<number[][]>): Promise<void> {
    try {
      const r = await p;
      for (const row of r) for (const x of row) expect(Number.isFinite(x)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(CustomFunctions.Error);
      expect(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"]).toContain((e as { code: string }).code);
    }
  }

  it("NPS, NPS.COUNTS, NPS.MOE, NPS.CI and CSAT", async () => {
    await fc.assert(
      fc.asyncProperty(range, scalar, scalar, async (r, a, b) => {
        await finiteOrExcelError(NPS(r, web));
        await finiteOrExcelError(NPS_COUNTS(r, web));
        await finiteOrExcelError(NPS_MOE(r, a, web));
        await finiteOrExcelError(NPS_CI(r, a, web));
        await finiteOrExcelError(CSAT(r, a, b, web));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("desktop blank-safety (Excel desktop passes blanks as 0)", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  /** A minimal Excel.run whose used range C2:C8 has blanks in rows 3 and 6 (1-based within the range). */
  function installExcel(types: string[], syncs: { count: number }) {
    g.Excel = {
      run: async (f: (ctx: unknown) => Promise<unknown>) => {
        const range = { rowIndex: 1, columnIndex: 2, load: () => undefined };
        const used = {
          isNullObject: false,
          rowIndex: 1,
          columnIndex: 2,
          rowCount: types.length,
          columnCount: 1,
          valueTypes: types.map((t) => [t]),
          load: () => undefined,
        };
        const ws = {
          getRange: () => ({ ...range, getIntersectionOrNullObject: () => used }),
          getUsedRange: () => ({}),
        };
        const ctx = {
          workbook: { worksheets: { getItem: () => ws, getActiveWorksheet: () => ws } },
          sync: () => {
            syncs.count++;
            return Promise.resolve();
          },
        };
        return f(ctx);
      },
    };
  }

  it("C2:C8 = 10, 9, blank, 0, 7, blank, 3 passed as zeros → NPS 100·(2 − 2)/5 = 0 with counts 2, 1, 2, 5", async () => {
    const syncs = { count: 0 };
    installExcel(["Double", "Double", "Empty", "Double", "Double", "Empty", "Double"], syncs);
    const values = col(10, 9, 0, 0, 7, 0, 3);
    expect(await NPS(values, web)).toEqual([[0]]);
    expect(await NPS_COUNTS(values, web)).toEqual([[2, 1, 2, 5]]);
    expect(syncs.count).toBe(2);
  });

  it("CSAT on C2:C8 = 5, 4, blank, 0, 3, blank, 5 (blanks passed as 0) → 3 of 5 responses ≥ 4 = 0.6", async () => {
    const syncs = { count: 0 };
    installExcel(["Double", "Double", "Empty", "Double", "Double", "Empty", "Double"], syncs);
    expect(await CSAT(col(5, 4, 0, 0, 3, 0, 5), null, null, web)).toEqual([[0.6]]);
    expect(syncs.count).toBe(1);
  });

  it("on Excel on the web (blanks arrive as null) a range with real zeros is not read: 10, 0, 0 → 100·(1 − 2)/3", async () => {
    const syncs = { count: 0 };
    installExcel(["Double", "Double", "Double"], syncs);
    const g2 = globalThis as unknown as { Office?: unknown };
    g2.Office = { context: { platform: "OfficeOnline" }, PlatformType: { OfficeOnline: "OfficeOnline" } };
    try {
      expect((await NPS(col(10, 0, 0), web))[0]![0]).toBeCloseTo(-100 / 3, 12);
      expect(syncs.count).toBe(0);
    } finally {
      delete g2.Office;
    }
  });

  it("a CSAT score of 0 on 1–5 that is really a blank on desktop is skipped, not an out-of-range #NUM!", async () => {
    const syncs = { count: 0 };
    installExcel(["Double", "Empty", "Double"], syncs);
    expect(await CSAT(col(5, 0, 3), null, null, web)).toEqual([[0.5]]);
    expect(syncs.count).toBe(1);
  });

  it("without zeros in the range the workbook is not read", async () => {
    const syncs = { count: 0 };
    installExcel([], syncs);
    await NPS(col(10, 9, 3), web);
    expect(syncs.count).toBe(0);
  });
});
