/**
 * The catalogue's recognised words (src/core/messages, `WORDS`): synonym lists in English and Chinese for the
 * KPI table's header row and the forms of a quarter label, and the labels rendered by key (`renderLabels`).
 * Expected words and quarters come from DESIGN.md ("Scorecard semantics", "Scorecard over time and against
 * benchmarks"), not from the lists themselves.
 */
import { describe, expect, it } from "vitest";
import { renderLabels, WORDS, type WordList } from "../../../src/core/messages/catalogue";
import { LANGUAGES } from "../../../src/core/messages/types";
import { COLUMN_ROLES, detectColumns, normaliseHeader, ROLE_NAMES } from "../../../src/core/scorecard/headers";
import { scorecardLabels } from "../../../src/core/scorecard/labels";
import { parseQuarterLabel, quarterLabel } from "../../../src/core/scorecard/period";
import { parseDirection } from "../../../src/core/scorecard/table";

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;
const lists: [string, WordList][] = Object.entries(WORDS).flatMap(([area, entries]) =>
  Object.entries(entries as Readonly<Record<string, WordList>>).map(([name, list]): [string, WordList] => [
    `${area}.${name}`,
    list,
  ]),
);

describe("every word list has words in both languages", () => {
  it.each(lists)("%s: non-empty lists of distinct, non-blank words; no Chinese in the English list", (_, list) => {
    for (const language of LANGUAGES) {
      const words = list[language];
      expect(words.length).toBeGreaterThan(0);
      expect(new Set(words).size).toBe(words.length);
      for (const w of words) expect(w.trim()).not.toBe("");
    }
    for (const w of list.en) expect(w).not.toMatch(CJK);
  });
});

describe("header words (DESIGN.md: columns recognised by header, English or Chinese, case- and space-insensitive)", () => {
  const headerWords = WORDS.headers;

  it("there is one list per column role", () => {
    expect(Object.keys(headerWords)).toEqual([...COLUMN_ROLES]);
  });

  it("every word is written as it is compared: lower case, no spaces", () => {
    for (const role of COLUMN_ROLES)
      for (const language of LANGUAGES)
        for (const w of headerWords[role][language]) expect(normaliseHeader(w), w).toBe(w);
  });

  it("no word names two roles", () => {
    const all = COLUMN_ROLES.flatMap((role) => LANGUAGES.flatMap((language) => [...headerWords[role][language]]));
    expect(new Set(all).size).toBe(all.length);
  });

  it("DESIGN.md's names come first: Metric 指标, Perspective 维度, … Benchmark 标杆值", () => {
    const first = (language: "en" | "zh") => COLUMN_ROLES.map((role) => headerWords[role][language][0]);
    expect(first("en")).toEqual([
      "metric",
      "perspective",
      "actual",
      "target",
      "weight",
      "direction",
      "threshold",
      "previous",
      "benchmark",
    ]);
    expect(first("zh")).toEqual(["指标", "维度", "实际值", "目标值", "权重", "方向", "底线", "上期值", "标杆值"]);
  });

  it("each word is detected as its role and language; the role names (the sheet's headers) are recognised too", () => {
    for (const role of COLUMN_ROLES)
      for (const language of LANGUAGES) {
        for (const w of [...headerWords[role][language], ROLE_NAMES[language][role]]) {
          const d = detectColumns([w]);
          expect(d.mapping[role], w).toBe(0);
          expect(d.language, w).toBe(language);
        }
      }
  });
});

describe("quarter forms (DESIGN.md: period labels 2026 Q4 / 2026年第4季度)", () => {
  const { quarterForms, quarterNumbers } = WORDS.periods;

  it("each form names {year} and {quarter} once and has no spaces (labels are compared without them)", () => {
    for (const language of LANGUAGES)
      for (const form of quarterForms[language]) {
        expect(form.match(/\{year\}/g), form).toHaveLength(1);
        expect(form.match(/\{quarter\}/g), form).toHaveLength(1);
        expect(form, form).not.toMatch(/\s/);
      }
  });

  it("the quarters are four words per language, 1 to 4 in order", () => {
    expect(quarterNumbers.en).toEqual(["1", "2", "3", "4"]);
    expect(quarterNumbers.zh).toEqual(["一", "二", "三", "四"]);
  });

  it("the written label is the first form, and every form with a digit or a word reads as its quarter", () => {
    for (const language of LANGUAGES) {
      const forms = quarterForms[language];
      for (let q = 1; q <= 4; q++) {
        const written = quarterLabel({ year: 2026, quarter: q }, language).replace(/\s/g, "");
        expect(written).toBe(forms[0].replace("{year}", "2026").replace("{quarter}", String(q)));
        for (const form of forms)
          for (const n of [String(q), quarterNumbers[language][q - 1]!])
            expect(parseQuarterLabel(form.replace("{year}", "2026").replace("{quarter}", n)), form).toEqual({
              year: 2026,
              quarter: q,
            });
      }
    }
  });

  it("Chinese forms: 第 and 度 may be left out, the numeral may be a digit or a Chinese one", () => {
    for (const s of ["2026年第三季度", "2026年三季度", "2026年第3季", "2026年3季"])
      expect(parseQuarterLabel(s), s).toEqual({ year: 2026, quarter: 3 });
    for (const s of ["2026年第五季度", "2026年第0季度", "2026 Q三", "2026年Q3", "2026年第3", "2026季度"])
      expect(parseQuarterLabel(s), s).toBeNull();
  });
});

describe("direction words (DESIGN.md: Direction 方向, higher 越高越好 / lower 越低越好, default higher)", () => {
  const { higher, lower } = WORDS.directions;

  it("DESIGN.md's words come first: higher / lower, 越高越好 / 越低越好", () => {
    expect([higher.en[0], lower.en[0], higher.zh[0], lower.zh[0]]).toEqual(["higher", "lower", "越高越好", "越低越好"]);
  });

  it("every word is written as it is compared (lower case, no spaces), and no word names both directions", () => {
    const all = LANGUAGES.flatMap((language) => [...higher[language], ...lower[language]]);
    for (const w of all) expect(normaliseHeader(w), w).toBe(w);
    expect(new Set(all).size).toBe(all.length);
  });

  it("each word reads as its direction, also in capitals or with spaces around it; a blank cell is higher", () => {
    for (const language of LANGUAGES) {
      for (const w of higher[language])
        expect([parseDirection(w), parseDirection(` ${w.toUpperCase()} `)]).toEqual(["higher", "higher"]);
      for (const w of lower[language])
        expect([parseDirection(w), parseDirection(`\u3000${w.toUpperCase()}`)]).toEqual(["lower", "lower"]);
    }
    expect([null, "", "  "].map(parseDirection)).toEqual(["higher", "higher", "higher"]);
    expect(["sideways", "越快越好", "1"].map(parseDirection)).toEqual([null, null, null]);
  });
});

describe("labels by key", () => {
  it("renderLabels renders each key's label in the language asked", () => {
    const ids = { overall: "scorecardSheet.overallScore", history: "historySheet.sheetName" } as const;
    expect(renderLabels(ids, "en")).toEqual({ overall: "Overall score", history: "CRM Scorecard History" });
    expect(renderLabels(ids, "zh")).toEqual({ overall: "综合得分", history: "计分卡历史" });
  });

  it("the default rating bands are DESIGN.md's: ≥ 90 A 优秀, ≥ 75 B 良好, ≥ 60 C 合格, < 60 D 待改进", () => {
    expect(scorecardLabels("zh").ratingBands).toEqual([
      { min: 90, label: "A 优秀" },
      { min: 75, label: "B 良好" },
      { min: 60, label: "C 合格" },
      { min: 0, label: "D 待改进" },
    ]);
    expect(scorecardLabels("en").ratingBands.map((b) => b.min)).toEqual([90, 75, 60, 0]);
  });
});
