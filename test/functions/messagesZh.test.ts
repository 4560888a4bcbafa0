import { afterEach, describe, expect, it } from "vitest";
import { BGNBD_FIT } from "../../src/functions/btyd";
import { messageZh } from "../../src/functions/messagesZh";
import { CLV, RESPONSETIME } from "../../src/functions/metrics";
import { NPS } from "../../src/functions/survey";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
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

describe("Chinese messages for #VALUE! and #N/A", () => {
  it.each([
    ['scores: row 3 of the range is text "n/a"', 'scores：区域第 3 行是文本 "n/a"'],
    ["scores: row 2, column 1 of the range is the logical value TRUE", "scores：区域第 2 行第 1 列是逻辑值 TRUE"],
    ["costs: row 4 of the range is #N/A", "costs：区域第 4 行是错误值 #N/A"],
    ["margin is required", "缺少必需参数 margin"],
    ['retention is text "high", not a number', 'retention 是文本 "high"，不是数值'],
    ["discountRate: expected a single value, got a range of 2×1", "discountRate：应为单个值，而不是 2×1 的区域"],
    [
      'statistic: "avg" is not one of "mean", "median", "p90"',
      'statistic："avg" 不是可选值之一："mean", "median", "p90"',
    ],
    [
      "respondedAt: a 2×1 range must have the same shape as openedAt (1×2)",
      "respondedAt：2×1 的区域须与 openedAt（1×2）形状相同",
    ],
    [
      "BG/NBD fit is impossible: no customer has a repeat purchase (every frequency is 0)",
      "无法拟合 BG/NBD：没有客户重复购买（所有频次均为 0）",
    ],
  ])("%s → %s", (en, zh) => {
    expect(messageZh(en)).toBe(zh);
  });

  it("leaves a message it does not know untranslated (null), never half-translated", () => {
    expect(messageZh("something new went wrong")).toBeNull();
    expect(messageZh("scores: row 3 of the range is something new")).toBeNull();
  });
});

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
});
