import { afterEach, describe, expect, it } from "vitest";
import { NPS, NPS_COUNTS } from "../../src/functions/survey";

const web = { parameterAddresses: ["Sheet1!C2:C8"] } as unknown as CustomFunctions.Invocation;
const col = (...xs: unknown[]) => xs.map((x) => [x]);

async function excelErrorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("CRM.NPS adapter", () => {
  it("NPS of 10,9,8,7,6,3,10 is 100·(3 − 2)/7 (3 promoters, 2 detractors, 7 responses)", async () => {
    expect((await NPS(col(10, 9, 8, 7, 6, 3, 10), web))[0]![0]).toBeCloseTo(100 / 7, 12);
  });

  it("skips blanks as the web passes them (null and empty text): 10, '', 0, null, 9 → 100·(2 − 1)/3", async () => {
    expect((await NPS(col(10, "", 0, null, 9), web))[0]![0]).toBeCloseTo(100 / 3, 12);
  });

  it("reads a 2-D range row by row: [[10, 0], [9, 9]] → 100·(3 − 1)/4 = 50", async () => {
    expect(await NPS([[10, 0], [9, 9]], web)).toEqual([[50]]);
  });

  it("text in the scores is #VALUE! naming the row", async () => {
    const e = await excelErrorOf(NPS(col(10, 9, "n/a", 3), web));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('scores: row 3 of the range is text "n/a"');
  });

  it("a boolean is #VALUE! naming row and column in a 2-D range", async () => {
    const e = await excelErrorOf(NPS([[10, 9], [true, 3]], web));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("scores: row 2, column 1 of the range is the logical value TRUE");
  });

  it("a score of 11 or 7.5 is #NUM!", async () => {
    expect((await excelErrorOf(NPS(col(10, 11), web))).code).toBe("#NUM!");
    expect((await excelErrorOf(NPS(col(7.5), web))).code).toBe("#NUM!");
  });

  it("an error value inside the range propagates (#N/A stays #N/A)", async () => {
    const e = await excelErrorOf(NPS(col(10, { code: "#N/A" }, 9), web));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("row 2");
  });

  it("no responses at all is #DIV/0!", async () => {
    expect((await excelErrorOf(NPS(col(null, ""), web))).code).toBe("#DIV/0!");
  });
});

describe("CRM.NPS.COUNTS adapter", () => {
  it("spills promoters, passives, detractors, responses: 10,9,8,7,6,3,10 → 3, 2, 2, 7", async () => {
    expect(await NPS_COUNTS(col(10, 9, 8, 7, 6, 3, 10), web)).toEqual([[3, 2, 2, 7]]);
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
        const ws = { getRange: () => ({ ...range, getIntersectionOrNullObject: () => used }), getUsedRange: () => ({}) };
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

  it("without zeros in the range the workbook is not read", async () => {
    const syncs = { count: 0 };
    installExcel([], syncs);
    await NPS(col(10, 9, 3), web);
    expect(syncs.count).toBe(0);
  });
});
