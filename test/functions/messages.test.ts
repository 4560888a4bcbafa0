/**
 * The function adapters render their error messages from the catalogue (src/core/messages) in Office's
 * display language: Chinese under a zh-* Office, English otherwise. The Chinese expectations below are the
 * ones the earlier pattern-based translation produced; messages it did not know are now Chinese too.
 */
import { afterEach, describe, expect, it } from "vitest";
import { RFM } from "../../src/functions/btyd";
import { CLV, RESPONSETIME, ROI } from "../../src/functions/metrics";
import { BGNBD_FIT } from "../../src/functions/models";
import { NPS } from "../../src/functions/survey";
import { col } from "../support/adapterCalls";

const noAddress = {} as CustomFunctions.Invocation;

function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

async function rejected(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("adapters speak Office's display language", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });
  const office = (displayLanguage: string) => {
    g.Office = {
      context: { displayLanguage, platform: "OfficeOnline" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
    };
  };

  it("zh-CN: a text score is #VALUE! with the Chinese message", async () => {
    office("zh-CN");
    const e = await rejected(NPS(col(10, "n/a"), noAddress));
    expect([e.code, e.message]).toEqual(["#VALUE!", 'scores：区域第 2 行是文本 "n/a"']);
  });

  it("zh-CN: a missing required argument and an unknown option word are Chinese too", () => {
    office("zh-CN");
    expect(thrown(() => CLV(null, 0.8, 0.1, null, null)).message).toBe("缺少必需参数 margin");
    expect(thrown(() => RESPONSETIME(col(1), col(2), "avg")).message).toBe(
      'statistic："avg" 不是可选值之一："mean", "median", "p90"',
    );
  });

  it("zh-CN: an impossible fit is #N/A with the Chinese reason", async () => {
    office("zh-CN");
    const e = await rejected(BGNBD_FIT(col(0, 0, 0), col(0, 0, 0), col(5, 6, 7), null, noAddress));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("无法拟合 BG/NBD：没有客户重复购买（所有频次均为 0）");
  });

  it("en-US: the English message", async () => {
    office("en-US");
    const e = await rejected(NPS(col(10, "n/a"), noAddress));
    expect(e.message).toBe('scores: row 2 of the range is text "n/a"');
  });

  it("zh-CN: messages the old pattern table did not know are Chinese too (#NUM!, #DIV/0!)", () => {
    office("zh-CN");
    expect(thrown(() => CLV(100, 0.8, 0.1, 0.5, null))).toMatchObject({
      code: "#NUM!",
      message: "periods：0.5 必须是 1 或以上的整数",
    });
    expect(thrown(() => ROI(10, 0))).toMatchObject({ code: "#DIV/0!", message: "cost 为 0" });
  });

  it("zh-CN: a date typed as text keeps its hint, with the cell, in Chinese", async () => {
    office("zh-CN");
    const e = await rejected(
      // customerIds, dates, amounts: the second date is text
      RFM(col("a", "a"), col(45658, "2025-01-02"), col(1, 2), null, null, null, null, noAddress),
    );
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      'dates：区域第 2 行是文本 "2025-01-02"；日期须为 Excel 日期（数值），不能是文本——请用 DATEVALUE 转换',
    ]);
  });

  it("no Office at all (tests, the command line): English", () => {
    expect(thrown(() => CLV(null, 0.8, 0.1, null, null)).message).toBe("margin is required");
  });
});
