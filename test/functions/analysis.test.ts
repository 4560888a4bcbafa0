/**
 * The customer-analysis adapters as Excel calls them: ranges as rows of cells (blanks as null or ""), optional
 * arguments as null, an invocation without addresses. Expected values are worked by hand from the definitions
 * (DESIGN.md "Customer analysis"); the README examples (src/functions/analysis.meta.json) run in
 * test/functions/examples.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CROSSSELL, LIFECYCLE, RFM_SCORE, RFM_SEGMENT, VALUETIER } from "../../src/functions/analysis";
import { RFM } from "../../src/functions/btyd";
import { col, excelError, INV } from "../support/adapterCalls";

describe("RFM, marketing layout", () => {
  const log = [col("A", "A", "B", "A"), col(45658, 45665, 45660, 45665), col(10, 20, 5, 30)] as const;

  it("spills customer, first and last purchase, purchase days, total spend, days since last under an English header", async () => {
    // A: days 45658 and 45665 (20 + 30 on one day) → 2 purchases, 60; as of 45665: 0 days; B: 45660, 5 days
    expect(await RFM(...log, null, null, "marketing", null, INV)).toEqual([
      ["customer", "first purchase", "last purchase", "purchases", "total spend", "days since last purchase"],
      ["A", 45658, 45665, 2, 60, 0],
      ["B", 45660, 45660, 1, 5, 5],
    ]);
  });

  it('has a Chinese header with language "zh"; layout and language words ignore case', async () => {
    const out = await RFM(...log, 45670, null, "Marketing", "ZH", INV);
    expect(out[0]).toEqual(["客户", "首次购买", "最近购买", "购买次数", "消费总额", "距最近购买天数"]);
    expect(out[1]).toEqual(["A", 45658, 45665, 2, 60, 5]);
  });

  it('the default layout is "btyd", unchanged (its header stays as it was)', async () => {
    expect((await RFM(...log, null, null, null, null, INV))[0]).toEqual([
      "customer",
      "frequency",
      "recency",
      "T",
      "monetary",
    ]);
    expect(await RFM(...log, null, null, "btyd", "zh", INV)).toEqual(await RFM(...log, null, null, null, null, INV));
  });

  it("refunds are netted into the total spend: 100 then −30 → 70 over 2 purchase days", async () => {
    const out = await RFM(col(1, 1), col(45001, 45005), col(100, -30), 45010, null, "marketing", null, INV);
    expect(out[1]).toEqual([1, 45001, 45005, 2, 70, 5]);
  });

  it("an unknown layout or language → #VALUE! naming the allowed words", async () => {
    const e = await excelError(RFM(...log, null, null, "rfm", null, INV));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'layout: "rfm" is not one of "btyd", "marketing"']);
    expect((await excelError(RFM(...log, null, null, "marketing", "fr", INV))).code).toBe("#VALUE!");
  });
});

describe("RFM.SCORE", () => {
  it("the README example: 3 bins → 333, 222, 111", async () => {
    const out = await RFM_SCORE(col(5, 40, 200), col(6, 2, 1), col(300, 80, 20), 3, INV);
    expect(out).toEqual([
      [3, 3, 3, 333],
      [2, 2, 2, 222],
      [1, 1, 1, 111],
    ]);
  });

  it("default 5 bins; blank rows stay blank and do not count towards the breaks", async () => {
    // 1..10 purchases with a blank row: quintile breaks 2.8, 4.6, 6.4, 8.2
    const f = [1, 2, 3, null, 4, 5, 6, 7, 8, 9, 10];
    const out = await RFM_SCORE(col(...f), col(...f), col(...f), null, INV);
    expect(out.map((r) => (r as unknown[])[1])).toEqual([1, 1, 2, "", 2, 3, 3, 4, 4, 5, 5]);
    expect(out[3]).toEqual(["", "", "", ""]);
    expect(out[0]).toEqual([5, 1, 1, 511]);
  });

  it("customers with equal values score alike, also where the spill shares their row (2 bins, median breaks)", async () => {
    // 2 bins: one break, the median. days 10, 10, 90, 90 → median 50: R 2, 2, 1, 1; purchases 1, 1, 5, 5 → F 1, 1, 2, 2
    const out = await RFM_SCORE(col(10, 90, 10, 90), col(1, 5, 1, 5), col(7, 7, 7, 7), 2, INV);
    expect(out).toEqual([
      [2, 1, 1, 211],
      [1, 2, 1, 121],
      [2, 1, 1, 211],
      [1, 2, 1, 121],
    ]);
  });

  it("bins outside 2..9 → #NUM!; text in a range → #VALUE! naming the cell; a half-blank row → #N/A", async () => {
    expect((await excelError(RFM_SCORE(col(1), col(1), col(1), 10, INV))).code).toBe("#NUM!");
    const e = await excelError(RFM_SCORE(col(1, "n/a"), col(1, 2), col(1, 2), null, INV));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'daysSinceLast: row 2 of the range is text "n/a"']);
    expect((await excelError(RFM_SCORE(col(1, 2), col(1, null), col(1, 2), null, INV))).code).toBe("#N/A");
  });

  it("negative days → #NUM! naming the cell", async () => {
    const e = await excelError(RFM_SCORE(col(1, -3), col(1, 2), col(1, 2), null, INV));
    expect([e.code, e.message]).toEqual(["#NUM!", "daysSinceLast: row 2 of the range is -3; it must be ≥ 0"]);
  });
});

describe("RFM.SEGMENT", () => {
  const args = [col(10, 100, 30), col(5, 1, 1), col(500, 50, 400)] as const;

  it("the README example (mean split): Important value, General win-back, Important development", async () => {
    const out = await RFM_SEGMENT(...args, null, null, INV);
    expect(out).toEqual([["Important value"], ["General win-back"], ["Important development"]]);
  });

  it('in Chinese with language "zh"', async () => {
    expect(await RFM_SEGMENT(...args, null, "zh", INV)).toEqual([["重要价值客户"], ["一般挽留客户"], ["重要发展客户"]]);
  });

  it("median split: medians 30 days, 1 purchase, 400 spend; values on the median are high", async () => {
    // second customer: 100 > 30 days (R low), 1 ≥ 1 purchase (F high), 50 < 400 (M low); third: on all three
    expect(await RFM_SEGMENT(...args, "median", null, INV)).toEqual([
      ["Important value"],
      ["General retention"],
      ["Important value"],
    ]);
  });

  it("keeps the shape and blank rows of daysSinceLast; an unknown split → #VALUE!", async () => {
    const out = await RFM_SEGMENT(col(10, "", 100), col(5, "", 1), col(500, "", 50), null, null, INV);
    expect(out).toEqual([["Important value"], [""], ["General win-back"]]);
    expect((await excelError(RFM_SEGMENT(...args, "average", null, INV))).code).toBe("#VALUE!");
  });
});

describe("VALUETIER", () => {
  it("the README example (median split): High value, Potential, General, Low value", async () => {
    const out = await VALUETIER(col(100, 10, 50, 5), col(5, 80, 1, 0.5), null, null, INV);
    expect(out).toEqual([["High value"], ["Potential"], ["General"], ["Low value"]]);
  });

  it("mean split (current mean 41.25, potential 21.625) and Chinese names", async () => {
    const out = await VALUETIER(col(100, 10, 50, 5), col(5, 80, 1, 0.5), "mean", "zh", INV);
    expect(out).toEqual([["一般客户"], ["潜力客户"], ["一般客户"], ["低价值客户"]]);
  });
});

describe("LIFECYCLE", () => {
  it("the README example: New, Active, At risk, Lost", async () => {
    const out = await LIFECYCLE(col(0.9, 0.9, 0.3, 0.1), col(30, 400, 400, 400), null, null, null, null, INV);
    expect(out).toEqual([["New"], ["Active"], ["At risk"], ["Lost"]]);
  });

  it("thresholds are arguments (newDays 10, atRisk 0.95, lost 0.2); Chinese names", async () => {
    const out = await LIFECYCLE(col(0.9, 0.9, 0.3, 0.1), col(30, 400, 400, 400), 10, 0.95, 0.2, "zh", INV);
    expect(out).toEqual([["风险客户"], ["风险客户"], ["风险客户"], ["流失客户"]]);
  });

  it("lost > atRisk → #NUM!; P(alive) 1.5 → #NUM! naming the cell", async () => {
    expect((await excelError(LIFECYCLE(col(0.5), col(100), null, 0.3, 0.4, null, INV))).code).toBe("#NUM!");
    const e = await excelError(LIFECYCLE(col(0.5, 1.5), col(100, 100), null, null, null, null, INV));
    expect([e.code, e.message]).toEqual(["#NUM!", "pAlive: row 2 of the range is 1.5; it must be from 0 to 1"]);
  });
});

describe("CROSSSELL", () => {
  it("the README example: A two categories, B one, C's 'Toys' and ' toys' one → 1/3", async () => {
    const out = await CROSSSELL(col("A", "A", "B", "C", "C"), col("Books", "Music", "Books", "Toys", " toys"), INV);
    expect(out[0]![0]).toBeCloseTo(1 / 3, 15);
  });

  it("customers without a category are left out; blank rows skipped; 1001 and '1001' one customer", async () => {
    const out = await CROSSSELL(col(1001, "1001", "B", null, "C"), col("Books", "Music", null, "Toys", ""), INV);
    expect(out).toEqual([[1]]);
  });

  it("ranges of different sizes → #VALUE!; no category at all → #DIV/0!; an error value propagates", async () => {
    expect((await excelError(CROSSSELL(col("A", "B"), col("x"), INV))).code).toBe("#VALUE!");
    expect((await excelError(CROSSSELL(col("A", "B"), col(null, ""), INV))).code).toBe("#DIV/0!");
    expect((await excelError(CROSSSELL(col("A"), col({ code: "#N/A" }), INV))).code).toBe("#N/A");
  });
});

describe("messages in Office's display language", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  it("zh-CN: a P(alive) out of range names the cell in Chinese; the labels still follow `language`", async () => {
    g.Office = {
      context: { displayLanguage: "zh-CN", platform: "OfficeOnline" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
    };
    const e = await excelError(LIFECYCLE(col(0.5, 1.5), col(100, 100), null, null, null, null, INV));
    expect([e.code, e.message]).toEqual(["#NUM!", "pAlive：区域第 2 行为 1.5；必须在 0 到 1 之间"]);
    expect(await LIFECYCLE(col(0.9), col(400), null, null, null, null, INV)).toEqual([["Active"]]);
  });
});
