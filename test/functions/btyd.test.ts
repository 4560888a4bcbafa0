/**
 * The BTYD adapters as Excel calls them: ranges as rows of cells (blanks as null or ""), optional arguments
 * as null, error values as objects with a code, and an invocation with parameter addresses. Results spill
 * in the documented shapes; failures are CustomFunctions.Error (the fake global of test/support) with the
 * right code and a message naming the argument and the cell.
 */
import { describe, expect, it } from "vitest";
import { CLV_BTYD, COHORT, RFM } from "../../src/functions/btyd";
import { BGNBD_EXPECTED, BGNBD_FIT, BGNBD_PALIVE, GG_FIT, GG_SPEND } from "../../src/functions/models";
import {
  CALIBRATION_END,
  cdnowSummaryWithSpend,
  cdnowTransactions,
  CDNOW_BGNBD_ROW as BG,
  CDNOW_GG_ROW as GG,
} from "../fixtures/cdnow/cdnow";
import { col, excelError, INV } from "../support/adapterCalls";

const NA = { code: "#N/A" };

describe("RFM", () => {
  it("spills a header row, then customer, frequency, recency, T, monetary in order of first appearance", async () => {
    // 45658 = 2025-01-01: A buys on day 0 and twice on day 7 (20 + 30); B once on day 2
    const out = await RFM(
      col("A", "A", "B", "A"),
      col(45658, 45665, 45660, 45665),
      col(10, 20, 5, 30),
      null,
      null,
      null,
      null,
      INV,
    );
    expect(out).toEqual([
      ["customer", "frequency", "recency", "T", "monetary"],
      ["A", 1, 1, 1, 50],
      ["B", 0, 0, 5 / 7, 0],
    ]);
  });

  it('skips blank rows (null and ""), takes asOfDate and periodDays, also as 1×1 ranges', async () => {
    const out = await RFM(
      col("A", null, "", "A"),
      col(45658, null, "", 45660),
      col(1, null, "", 2),
      [[45665]],
      [[1]],
      null,
      null,
      INV,
    );
    expect(out[1]).toEqual(["A", 1, 2, 7, 2]);
  });

  it("reproduces CDNOW's published summary from its raw log (customer 1: x 2, t_x 30.43, T 38.86, zbar (29.73 + 14.96)/2)", async () => {
    const log = cdnowTransactions();
    const out = await RFM(col(...log.ids), col(...log.dates), col(...log.amounts), CALIBRATION_END, 7, null, null, INV);
    expect(out.length).toBe(2358);
    const [id, x, tx, T, m] = out[1] as number[];
    expect([id, x, tx!.toFixed(2), T!.toFixed(2)]).toEqual([1, 2, "30.43", "38.86"]);
    expect(m).toBeCloseTo(22.345, 12);
  });

  it("a date typed as text → #VALUE! naming the row, with a hint", async () => {
    const e = await excelError(RFM(col("A", "B"), col(45658, "2025-01-02"), col(1, 2), null, null, null, null, INV));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('dates: row 2 of the range is text "2025-01-02"');
    expect(e.message).toContain("DATEVALUE");
  });

  it("a row blank in one range but not the others → #N/A naming the cell", async () => {
    const e = await excelError(RFM(col("A", "B"), col(45658, 45659), col(1, null), null, null, null, null, INV));
    expect([e.code, e.message]).toEqual([
      "#N/A",
      "amounts: row 2 of the range is blank but customerIds has a value there",
    ]);
  });

  it("ranges of different sizes → #VALUE!; an error value propagates; text asOfDate → #VALUE!; periodDays 0 → #NUM!", async () => {
    expect((await excelError(RFM(col("A", "B"), col(45658), col(1, 2), null, null, null, null, INV))).code).toBe(
      "#VALUE!",
    );
    const e = await excelError(RFM(col("A"), col(45658), col(NA), null, null, null, null, INV));
    expect([e.code, e.message]).toEqual(["#N/A", "amounts: row 1 of the range is #N/A"]);
    expect((await excelError(RFM(col("A"), col(45658), col(1), "today", null, null, null, INV))).code).toBe("#VALUE!");
    expect((await excelError(RFM(col("A"), col(45658), col(1), null, 0, null, null, INV))).code).toBe("#NUM!");
  });
});

describe("BGNBD.FIT, BGNBD.PALIVE, BGNBD.EXPECTED", () => {
  const cdnow = cdnowSummaryWithSpend();

  it("BGNBD.FIT on CDNOW spills r, alpha, a, b, LL = 0.243, 4.414, 0.793, 2.426, −9582.4 (the published fit)", async () => {
    const [[r, alpha, a, b, ll]] = (await BGNBD_FIT(col(...cdnow.x), col(...cdnow.tx), col(...cdnow.T), null, INV)) as [
      number[],
    ];
    expect([r!.toFixed(3), alpha!.toFixed(3), a!.toFixed(3), b!.toFixed(3), ll!.toFixed(1)]).toEqual([
      "0.243",
      "4.414",
      "0.793",
      "2.426",
      "-9582.4",
    ]);
  });

  it("BGNBD.FIT: no repeat buyers → #N/A with the reason; text penalizer → #VALUE!; bad customer → #NUM! naming the row", async () => {
    const e = await excelError(BGNBD_FIT(col(0, 0), col(0, 0), col(3, 4), null, INV));
    expect([e.code, e.message]).toEqual(["#N/A", expect.stringContaining("no customer has a repeat purchase")]);
    expect((await excelError(BGNBD_FIT(col(0, 1), col(0, 1), col(3, 4), "some", INV))).code).toBe("#VALUE!");
    const bad = await excelError(BGNBD_FIT(col(0, 1, 2), col(0, 1, 9), col(3, 4, 5), null, INV));
    expect([bad.code, bad.message]).toEqual([
      "#NUM!",
      "row 3 of the range: T 5 is less than recency 9 (both count from the first purchase)",
    ]);
  });

  it("BGNBD.PALIVE takes a FIT spill as params and keeps the input's shape: blank rows stay blank, x = 0 → 1", async () => {
    const params = [[0.243, 4.414, 0.793, 2.426, -9582.4]];
    const out = await BGNBD_PALIVE(params, col(2, null, 0), col(30.43, null, 0), col(38.86, "", 38.86), INV);
    expect(out[0]![0]).toBeCloseTo(0.726578570080673, 14); // mpmath (test/core/btyd/bgnbd.test.ts)
    expect(out.slice(1)).toEqual([[""], [1]]);
  });

  it("params: any range whose first non-blank cells hold the numbers (a column with a blank works too)", async () => {
    const out = await BGNBD_PALIVE(
      col(0.243, null, 4.414, 0.793, 2.426),
      2 as unknown as unknown[][],
      [[30.43]],
      [[38.86]],
      INV,
    );
    expect(out[0]![0]).toBeCloseTo(0.726578570080673, 14);
  });

  it("params: text → #VALUE! naming the cell, too few → #N/A, a non-positive value → #NUM!, an error propagates", async () => {
    const run = (params: unknown[][]) => BGNBD_PALIVE(params, col(1), col(1), col(2), INV);
    const text = await excelError(run([["r", 4.414, 0.793, 2.426]]));
    expect([text.code, text.message]).toEqual([
      "#VALUE!",
      'params: row 1, column 1 of the range holds "r", not the fitted r',
    ]);
    const few = await excelError(run([[0.243, 4.414, 0.793]]));
    expect([few.code, few.message]).toEqual([
      "#N/A",
      "params: needs r, alpha, a, b in its first 4 cells (found 3 numbers)",
    ]);
    expect((await excelError(run([[0.243, 4.414, -1, 2.426]]))).code).toBe("#NUM!");
    expect((await excelError(run([[NA, 4.414, 0.793, 2.426]]))).code).toBe("#N/A");
  });

  it("BGNBD.EXPECTED: E[Y(39) | 2, 30.43, 38.86] = 1.226 (Hardie's spreadsheet); t missing → #N/A, text → #VALUE!, negative → #NUM!", async () => {
    const out = await BGNBD_EXPECTED(BG, 39, col(2, 0), col(30.43, 0), col(38.86, 38.86), INV);
    expect(out[0]![0]).toBeCloseTo(1.2260281747671444, 13);
    expect(out[1]![0]).toBeCloseTo(0.19509805201126265, 13);
    expect((await excelError(BGNBD_EXPECTED(BG, null, col(2), col(30), col(38), INV))).code).toBe("#N/A");
    expect((await excelError(BGNBD_EXPECTED(BG, "a year", col(2), col(30), col(38), INV))).code).toBe("#VALUE!");
    expect((await excelError(BGNBD_EXPECTED(BG, -1, col(2), col(30), col(38), INV))).code).toBe("#NUM!");
  });

  it("a two-column block keeps its shape", async () => {
    const out = await BGNBD_PALIVE(BG, [[0, 2]], [[0, 30.43]], [[10, 38.86]], INV);
    expect(out[0]![0]).toBe(1);
    expect(out[0]![1]).toBeCloseTo(0.726578570080673, 14);
  });
});

describe("GG.FIT, GG.SPEND, CLV.BTYD", () => {
  const cdnow = cdnowSummaryWithSpend();

  it("GG.FIT on CDNOW spills p, q, gamma, LL ≈ 6.25, 3.74, 15.44 (published), −4055.92", async () => {
    const [[p, q, gamma, ll]] = (await GG_FIT(col(...cdnow.x), col(...cdnow.zbar), INV)) as [number[]];
    expect(p).toBeCloseTo(6.25, 2);
    expect(q).toBeCloseTo(3.74, 2);
    expect(Math.abs(gamma! - 15.44)).toBeLessThan(0.01);
    expect(ll).toBeCloseTo(-4055.923244, 5);
  });

  it("GG.SPEND: p(γ + x·m)/(px + q − 1) per customer, the population mean for x = 0; monetary 0 with repeats → #NUM!", async () => {
    const out = await GG_SPEND(GG, col(2, 0, null), col(22.35, 0, null), INV);
    expect(out).toEqual([[(6.25 * (15.44 + 44.7)) / (12.5 + 2.74)], [(6.25 * 15.44) / 2.74], [""]]);
    expect((await excelError(GG_SPEND(GG, col(2), col(0), INV))).code).toBe("#NUM!");
  });

  it("CLV.BTYD defaults to 12 months at 1% a month in weeks: 36.3113 for (2, 30.43, 38.86, 22.35) (mpmath)", async () => {
    const out = await CLV_BTYD(
      BG,
      GG,
      col(2, null),
      col(30.43, null),
      col(38.86, null),
      col(22.35, null),
      null,
      null,
      null,
      null,
      INV,
    );
    expect(out[0]![0]).toBeCloseTo(36.3112572169821, 10);
    expect(out[1]).toEqual([""]);
    const two = await CLV_BTYD(BG, GG, col(0), col(0), col(38.86), col(0), 24, 0.02, 7, null, INV);
    expect(two[0]![0]).toBeCloseTo(12.856889838364133, 10);
  });

  it("CLV.BTYD: months text → #VALUE!, months 0 → #NUM!, monetary blank beside a customer → #N/A", async () => {
    const run = (months: unknown, monetary: unknown[][]) =>
      CLV_BTYD(BG, GG, col(2), col(30.43), col(38.86), monetary, months, null, null, null, INV);
    expect((await excelError(run("twelve", col(22.35)))).code).toBe("#VALUE!");
    expect((await excelError(run(0, col(22.35)))).code).toBe("#NUM!");
    const e = await excelError(run(null, col(null)));
    expect([e.code, e.message]).toEqual([
      "#N/A",
      "monetary: row 1 of the range is blank but frequency has a value there",
    ]);
  });

  it("from a raw log to CLV per customer: RFM's spill feeds the fits and the predictions (CDNOW)", async () => {
    const log = cdnowTransactions();
    const rfm = await RFM(
      col(...log.ids),
      col(...log.dates),
      col(...log.amounts),
      CALIBRATION_END,
      null,
      null,
      null,
      INV,
    );
    const column = (j: number): unknown[][] => rfm.slice(1).map((row: unknown[]) => [row[j]]);
    const [x, tx, T, m] = [column(1), column(2), column(3), column(4)];
    const bg = await BGNBD_FIT(x, tx, T, null, INV);
    expect(bg[0]![0]).toBeCloseTo(0.243, 3);
    const gg = await GG_FIT(x, m, INV);
    expect(gg[0]![0]).toBeCloseTo(6.25, 1);
    const alive = await BGNBD_PALIVE(bg, x, tx, T, INV);
    const clv = await CLV_BTYD(bg, gg, x, tx, T, m, null, null, null, null, INV);
    expect(alive.length).toBe(2357);
    expect(clv.every(([v]) => typeof v === "number" && v >= 0)).toBe(true);
  });
});

describe("COHORT", () => {
  it("a table wider than a sheet is #N/A saying why (9999-12-31 among 2026 dates, weekly), shown by Excel", async () => {
    const e = await excelError(COHORT(col("A", "B"), col(46027, 2958465), "week", INV));
    expect([e.code, e.message]).toEqual([
      "#N/A",
      "the cohort table would be 416065 columns wide, more than the 16384 of a sheet: the dates run from " +
        "2026-01-05 to 9999-12-31; look for a mistyped date, or use a longer grain",
    ]);
  });

  it("spills cohort start (Excel date), size, then shares by period; unobserved periods are blank", async () => {
    const out = await COHORT(col("A", "B", "A", "C"), col(45658, 45670, 45700, 45700), null, INV);
    expect(out).toEqual([
      [45658, 2, 1, 0.5],
      [45689, 1, 1, ""],
    ]);
  });
  it('grain is case-insensitive: "Week" → weeks starting Monday (45656 = 2024-12-30)', async () => {
    const out = await COHORT(col("A"), col(45658), "Week", INV);
    expect(out).toEqual([[45656, 1, 1]]);
  });
  it("an unknown grain → #VALUE! listing the allowed words; a text date → #VALUE! naming the row", async () => {
    const e = await excelError(COHORT(col("A"), col(45658), "year", INV));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'grain: "year" is not one of "month", "week", "quarter"']);
    const d = await excelError(COHORT(col("A", "B"), col(45658, "jan"), null, INV));
    expect([d.code, d.message]).toEqual([
      "#VALUE!",
      expect.stringContaining('dates: row 2 of the range is text "jan"'),
    ]);
  });
});
