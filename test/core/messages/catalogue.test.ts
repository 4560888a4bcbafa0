/**
 * The message catalogue's promises (DESIGN.md "Architecture", issue 9 item 1): every message exists in
 * English and Simplified Chinese with the same parameters, every id is used, and no Chinese text lives in
 * src/ outside the catalogue and the *.meta.json help files.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  entryOf,
  languageOf,
  messageIds,
  msg,
  placeholdersOf,
  render,
  renderMessage,
} from "../../../src/core/messages/catalogue";
import { LANGUAGES } from "../../../src/core/messages/types";

const ROOT = path.resolve(__dirname, "../../..");
const SRC = path.join(ROOT, "src");

/** Files under a folder, recursively, as paths relative to the repository root with forward slashes. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else out.push(path.relative(ROOT, full).split(path.sep).join("/"));
  }
  return out;
}

/** CJK ideographs, CJK punctuation and full-width forms: what Chinese text is made of. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/** The areas moved to the catalogue with their Chinese quoting “…” (the older areas still quote with "). */
const CHINESE_QUOTED_AREAS = [
  "csv",
  "cli",
  "pane",
  "sharingPane",
  "scorecardPane",
  "scorecardSheet",
  "historySheet",
  "analysisPane",
] as const;

describe("every message in both languages, with the same parameters", () => {
  const ids = messageIds();

  it("the catalogue has the areas of the core and the functions, and ids are area.name", () => {
    expect(Object.keys(CATALOGUE)).toEqual([
      "input",
      "metrics",
      "btyd",
      "analysis",
      "scorecard",
      "scorecardSheet",
      "historySheet",
      "sharing",
      "csv",
      "cli",
      "pane",
      "sharingPane",
      "scorecardPane",
      "analysisPane",
      "legacy",
    ]);
    expect(ids.length).toBeGreaterThan(120);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z0-9]+$/);
  });

  it.each(messageIds())("%s has non-empty English and Chinese text naming the same parameters", (id) => {
    const entry = entryOf(id)!;
    for (const language of LANGUAGES) {
      expect(entry[language].trim(), `${id} ${language}`).not.toBe("");
      // braces only as placeholders: a stray { or } would print as it is
      expect(entry[language].replace(/\{\w+\}/g, ""), `${id} ${language}`).not.toMatch(/[{}]/);
    }
    expect(placeholdersOf(entry.zh).sort(), id).toEqual(placeholdersOf(entry.en).sort());
    expect(entry.en, `${id}: English text holds Chinese`).not.toMatch(CJK);
  });

  it("every id is used somewhere in src/ (no message outlives its throw site)", () => {
    const code = filesUnder(SRC)
      .filter((f) => (f.endsWith(".ts") || f.endsWith(".html")) && !f.startsWith("src/core/messages/"))
      .map((f) => readFileSync(path.join(ROOT, f), "utf8"))
      .join("\n");
    // ids made by messageIdsOf("prefix", keys) (src/core/analysis/labels.ts): prefix + a capitalised key
    const prefixes = [...code.matchAll(/messageIdsOf\(\s*"([^"]+)"/g)].map((m) => m[1]!);
    const byPrefix = (id: string): boolean =>
      prefixes.some((p) => id.startsWith(p) && /^[A-Z]/.test(id.slice(p.length)));
    const unused = messageIds().filter((id) => !code.includes(`"${id}"`) && !byPrefix(id));
    expect(unused).toEqual([]);
  });

  it("every data-i18n of the pane's HTML names a catalogue message without parameters", () => {
    const html = filesUnder(SRC).filter((f) => f.endsWith(".html"));
    const named = html.flatMap((f) =>
      [...readFileSync(path.join(ROOT, f), "utf8").matchAll(/data-i18n="([^"]*)"/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThanOrEqual(10); // the notice and the About line (the sections: taskpane.ts)
    for (const id of named) {
      expect(entryOf(id), id).toBeDefined();
      expect(placeholdersOf(entryOf(id)!.en), id).toEqual([]);
    }
  });

  it.each(CHINESE_QUOTED_AREAS)(
    "the Chinese of area %s quotes with “…”, never with a straight double quote",
    (area) => {
      for (const [name, entry] of Object.entries(CATALOGUE[area] as Readonly<Record<string, { zh: string }>>))
        expect(entry.zh, `${area}.${name}`).not.toMatch(/"/);
    },
  );
});

describe("errors are thrown by id", () => {
  /** Files still allowed to throw English text (`legacy.english`); the list only shrinks. */
  const ENGLISH_ALLOWED = new Set(["src/core/scorecard/plan.ts"]);
  const ids = new Set<string>(messageIds());
  const helperCall = /\b(?:valueError|numError|div0Error|naError)\(\s*(["'`])((?:(?!\1)[^\\]|\\.)*)\1/g;
  const offenders = filesUnder(SRC)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return [...text.matchAll(helperCall)].filter((m) => !ids.has(m[2]!)).map((m) => `${f}: ${m[2]}`);
    });

  it("every error helper call in src/ names a catalogue id (a typo or an English text is caught here)", () => {
    expect(offenders.filter((o) => !ENGLISH_ALLOWED.has(o.slice(0, o.indexOf(":"))))).toEqual([]);
  });

  it("the English-only allow-list only shrinks", () => {
    for (const f of ENGLISH_ALLOWED)
      expect(
        offenders.some((o) => o.startsWith(`${f}:`)),
        f,
      ).toBe(true);
  });
});

describe("a test that fails on a missing language or a parameter that differs", () => {
  // The checks above, applied to broken entries, so that they are known to bite.
  const problems = (entry: { en: string; zh: string }): string[] => {
    const out: string[] = [];
    for (const language of LANGUAGES) if (entry[language].trim() === "") out.push(`no ${language}`);
    const en = placeholdersOf(entry.en).sort().join();
    const zh = placeholdersOf(entry.zh).sort().join();
    if (en !== zh) out.push(`parameters differ: ${en} / ${zh}`);
    return out;
  };
  it("a missing Chinese text and a renamed parameter are both caught", () => {
    expect(problems({ en: "{arg} is required", zh: "" })).toEqual(["no zh", "parameters differ: arg / "]);
    expect(problems({ en: "{arg} is required", zh: "缺少必需参数 {argument}" })).toEqual([
      "parameters differ: arg / argument",
    ]);
    expect(problems({ en: "{arg} is required", zh: "缺少必需参数 {arg}" })).toEqual([]);
  });
});

describe("no Chinese text in src/ outside the catalogue and the help files", () => {
  const files = filesUnder(SRC).filter((f) => !f.startsWith("src/core/messages/") && !f.endsWith(".meta.json"));
  const withCjk = files.filter((f) => CJK.test(readFileSync(path.join(ROOT, f), "utf8")));

  it("no file holds CJK characters: every text in Chinese renders from the catalogue", () => {
    expect(withCjk).toEqual([]);
  });

  it("the check bites: a Chinese full stop, a full-width semicolon and an ideograph are each caught", () => {
    for (const text of ["failed\u3002", "a\uff1bb", "\u8ba1\u5206\u5361"]) expect(CJK.test(text), text).toBe(true);
    for (const text of ["Done.", "a; b", "\u201cquoted\u201d \u2014 \u2026"]) expect(CJK.test(text), text).toBe(false);
  });

  it("the functions layer holds no Chinese at all (its messages render from the catalogue)", () => {
    expect(withCjk.filter((f) => f.startsWith("src/functions/"))).toEqual([]);
  });
});

describe("render", () => {
  const scoresRow3 = msg("input.argCell", { arg: "scores", cell: msg("input.rangeRow", { row: 3 }) });

  it("fills parameters, nesting places in the same language", () => {
    expect(render("input.cellIsText", { where: scoresRow3, text: "n/a" }, "en")).toBe(
      'scores: row 3 of the range is text "n/a"',
    );
    expect(render("input.cellIsText", { where: scoresRow3, text: "n/a" }, "zh")).toBe(
      'scores：区域第 3 行是文本 "n/a"',
    );
  });

  it("numbers are written as JavaScript writes them", () => {
    expect(render("btyd.periodDays", { value: -0.5 }, "en")).toBe("periodDays must be > 0, got -0.5");
    expect(render("btyd.periodDays", { value: 1e21 }, "zh")).toBe("periodDays 必须大于 0，实际为 1e+21");
  });

  it("a message value renders like its id and parameters", () => {
    const m = msg("input.argRequired", { arg: "margin" });
    expect(renderMessage(m, "zh")).toBe("缺少必需参数 margin");
    expect(renderMessage(m, "en")).toBe("margin is required");
  });

  it("Office display-language tags map to the catalogue's languages", () => {
    expect(["zh-CN", "zh-TW", "ZH-cn", "zh"].map(languageOf)).toEqual(["zh", "zh", "zh", "zh"]);
    expect(["en-US", "de-DE", "", null, undefined, "zhx"].map(languageOf)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });
});

/**
 * The Chinese of the messages Excel shows with #VALUE! and #N/A, as the earlier pattern table rendered them
 * (test/functions/messagesZh.test.ts before the catalogue): the same words, now from the catalogue.
 */
describe("the Chinese of #VALUE! and #N/A messages has not regressed", () => {
  const cell = (arg: string, row: number, column?: number) =>
    msg("input.argCell", {
      arg,
      cell: column === undefined ? msg("input.rangeRow", { row }) : msg("input.rangeCell", { row, column }),
    });
  it.each([
    [
      render("input.cellIsText", { where: cell("scores", 3), text: "n/a" }, "en"),
      render("input.cellIsText", { where: cell("scores", 3), text: "n/a" }, "zh"),
      'scores: row 3 of the range is text "n/a"',
      'scores：区域第 3 行是文本 "n/a"',
    ],
    [
      render("input.cellIsLogical", { where: cell("scores", 2, 1), value: "TRUE" }, "en"),
      render("input.cellIsLogical", { where: cell("scores", 2, 1), value: "TRUE" }, "zh"),
      "scores: row 2, column 1 of the range is the logical value TRUE",
      "scores：区域第 2 行第 1 列是逻辑值 TRUE",
    ],
    [
      render("input.cellIsError", { where: cell("costs", 4), error: "#N/A" }, "en"),
      render("input.cellIsError", { where: cell("costs", 4), error: "#N/A" }, "zh"),
      "costs: row 4 of the range is #N/A",
      "costs：区域第 4 行是错误值 #N/A",
    ],
    [
      render("input.argRequired", { arg: "margin" }, "en"),
      render("input.argRequired", { arg: "margin" }, "zh"),
      "margin is required",
      "缺少必需参数 margin",
    ],
    [
      render("input.argIsText", { arg: "retention", text: "high" }, "en"),
      render("input.argIsText", { arg: "retention", text: "high" }, "zh"),
      'retention is text "high", not a number',
      'retention 是文本 "high"，不是数值',
    ],
    [
      render("input.argNotSingle", { arg: "discountRate", rows: 2, columns: 1 }, "en"),
      render("input.argNotSingle", { arg: "discountRate", rows: 2, columns: 1 }, "zh"),
      "discountRate: expected a single value, got a range of 2×1",
      "discountRate：应为单个值，而不是 2×1 的区域",
    ],
    [
      render("input.optionUnknown", { arg: "statistic", word: "avg", allowed: '"mean", "median", "p90"' }, "en"),
      render("input.optionUnknown", { arg: "statistic", word: "avg", allowed: '"mean", "median", "p90"' }, "zh"),
      'statistic: "avg" is not one of "mean", "median", "p90"',
      'statistic："avg" 不是可选值之一："mean", "median", "p90"',
    ],
    [
      render("input.sameShape", { arg: "respondedAt", shape: "2×1", other: "openedAt", otherShape: "1×2" }, "en"),
      render("input.sameShape", { arg: "respondedAt", shape: "2×1", other: "openedAt", otherShape: "1×2" }, "zh"),
      "respondedAt: a 2×1 range must have the same shape as openedAt (1×2)",
      "respondedAt：2×1 的区域须与 openedAt（1×2）形状相同",
    ],
    [
      render("btyd.fitNoRepeat", { model: "BG/NBD" }, "en"),
      render("btyd.fitNoRepeat", { model: "BG/NBD" }, "zh"),
      "BG/NBD fit is impossible: no customer has a repeat purchase (every frequency is 0)",
      "无法拟合 BG/NBD：没有客户重复购买（所有频次均为 0）",
    ],
  ])("%s", (en, zh, expectedEn, expectedZh) => {
    expect([en, zh]).toEqual([expectedEn, expectedZh]);
  });
});
