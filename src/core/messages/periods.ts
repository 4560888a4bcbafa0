/**
 * How a period label names a calendar quarter (DESIGN.md "Scorecard over time and against benchmarks"):
 * src/core/scorecard/period.ts reads "2026 Q4" and its Chinese forms as the same quarter, so that quarter
 * labels sort by time whatever language they were recorded in. The label a scorecard writes is the message
 * `scorecardSheet.quarter`; these are the forms it reads.
 */
import type { WordArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const PERIODS = {
  /**
   * The forms of a quarter label, compared with spaces removed and case ignored: `{year}` is four digits,
   * `{quarter}` a digit 1–4 or one of the language's `quarterNumbers`. The first form is the written one.
   */
  quarterForms: { en: ["{year}Q{quarter}"], zh: ["{year}年第{quarter}季度", "{year}年{quarter}季度", "{year}年第{quarter}季", "{year}年{quarter}季"] },
  /** The quarters 1 to 4 as words of the language, in order (read besides the digits). */
  quarterNumbers: { en: ["1", "2", "3", "4"], zh: ["一", "二", "三", "四"] },
} as const satisfies WordArea;
