/**
 * A transitional entry: an English text thrown by code that has not moved to the catalogue yet
 * (src/core/scorecard/plan.ts, left alone while the plan is being split; issue 9, second phase). It renders the
 * same in both languages. test/core/messages/catalogue.test.ts lists the files allowed to use it; remove this
 * area when that list is empty.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const LEGACY = {
  english: { en: "{text}", zh: "{text}" },
} as const satisfies MessageArea;
