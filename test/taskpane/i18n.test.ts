/**
 * The pane's `t` (src/taskpane/i18n.ts): catalogue messages in the pane's language, counts in the singular for
 * exactly one in English (Chinese has no plural), numbers grouped by thousands as both languages write them.
 * The expected texts are the sentences of the "Prepare for sharing" section, worked by hand from their templates.
 */
import { describe, expect, it } from "vitest";
import { count, langFromDisplayLanguage, Lang, translator } from "../../src/taskpane/i18n";

const formulas = (n: number) => count(n, "sharingPane.formulaOne", "sharingPane.formulaMany");

describe("the pane's t", () => {
  it("1 formula is singular, 0 and 2 are plural in English; Chinese counts the same way for all", () => {
    const en = translator(() => "en");
    const zh = translator(() => "zh");
    expect([0, 1, 2].map((n) => en("sharingPane.restored", { formulas: formulas(n) }))).toEqual([
      "Restored 0 formulas.",
      "Restored 1 formula.",
      "Restored 2 formulas.",
    ]);
    expect([0, 1, 2].map((n) => zh("sharingPane.restored", { formulas: formulas(n) }))).toEqual([
      "已恢复 0 个公式。",
      "已恢复 1 个公式。",
      "已恢复 2 个公式。",
    ]);
  });

  it("numbers inside nested counts are grouped: 12,345 CRM formulas on 1,000 sheets", () => {
    const params = {
      formulas: count(12_345, "sharingPane.crmFormulaOne", "sharingPane.crmFormulaMany"),
      sheets: count(1000, "sharingPane.sheetOne", "sharingPane.sheetMany"),
    };
    expect(translator(() => "en")("sharingPane.found", params)).toBe("12,345 CRM formulas on 1,000 sheets.");
    expect(translator(() => "zh")("sharingPane.found", params)).toBe("1,000 个工作表中共有 12,345 个 CRM 公式。");
  });

  it("reads the language at each call, so a section re-renders in the language just chosen", () => {
    let lang: Lang = "en";
    const t = translator(() => lang);
    expect(t("sharingPane.cancel")).toBe("Cancel");
    lang = "zh";
    expect(t("sharingPane.cancel")).toBe("取消");
  });

  it("Office's display language chooses the pane's: zh-* is Chinese, anything else English", () => {
    expect(["zh-CN", "zh-TW", "en-US", "de-DE", null, undefined].map(langFromDisplayLanguage)).toEqual([
      "zh",
      "zh",
      "en",
      "en",
      "en",
      "en",
    ]);
  });
});
