/** The new scorecard's sheet name and workbook names, unique in the workbook. */
import { cellAddress, quotedSheet } from "../../address";
import { headerCells, SETTINGS_COLUMNS } from "../layout";
import type { PlanName } from "../planTypes";
import type { StoredNames } from "../settings";
import type { PlanContext } from "./context";

/** The first free name among `base`, `base (2)`, `base (3)`… compared case-insensitively. */
export function uniqueSheetName(base: string, existing: readonly string[]): { name: string; number: number } {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return { name: base, number: 1 };
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return { name, number: n };
  }
}

/**
 * Workbook names of a scorecard, `CRM_Scorecard[_n]_Score`, `_Rating`, `_Settings` (and its chart
 * `…_Chart`), with the first n from `start` (the sheet's number) for which none is taken.
 */
export function scorecardNames(start: number, existing: readonly string[]): { names: StoredNames; chart: string } {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  for (let n = start; ; n++) {
    const base = n === 1 ? "CRM_Scorecard" : `CRM_Scorecard_${n}`;
    if (["_Score", "_Rating", "_Settings"].some((s) => taken.has((base + s).toLowerCase()))) continue;
    return {
      names: { overallScore: `${base}_Score`, rating: `${base}_Rating`, settings: `${base}_Settings` },
      chart: `${base}_Chart`,
    };
  }
}

/** The workbook names of the overall score, the rating and the stored settings, pointing at their cells. */
export function planNames(ctx: PlanContext): PlanName[] {
  const { labels: L, sheetName, names, layout } = ctx;
  const at = headerCells(layout);
  const ref = (row: number, column: number): string => `=${quotedSheet(sheetName)}!${cellAddress(row, column, true)}`;
  return [
    { name: names.overallScore, refersTo: ref(...at.overallScore), comment: `${L.overallScore} (${sheetName})` },
    { name: names.rating, refersTo: ref(...at.rating), comment: `${L.rating} (${sheetName})` },
    {
      name: names.settings,
      refersTo: ref(layout.settings.stored, SETTINGS_COLUMNS.value),
      comment: `${L.storedSettings} (${sheetName})`,
    },
  ];
}
