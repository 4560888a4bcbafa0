/**
 * The words that name a KPI's direction in its table's Direction column (DESIGN.md "Scorecard semantics":
 * higher 越高越好 / lower 越低越好, default higher): src/core/scorecard/table/direction.ts compares a cell with
 * them case- and space-insensitively, so every word is written normalised (lower case, no spaces). The first
 * word of each language is DESIGN.md's; the messages about an unknown word name those. Arrows and signs are
 * listed with the English words.
 */
import type { WordArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const DIRECTIONS = {
  higher: { en: ["higher", "high", "higherisbetter", "up", "max", "maximise", "maximize", "+", "↑"], zh: ["越高越好", "越大越好", "高", "正向", "正"] },
  lower: { en: ["lower", "low", "lowerisbetter", "down", "min", "minimise", "minimize", "-", "↓"], zh: ["越低越好", "越小越好", "低", "反向", "逆向", "负向"] },
} as const satisfies WordArea;
