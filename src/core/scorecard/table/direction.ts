/**
 * A KPI's direction from its Direction cell: the words of the catalogue's list `directions` (English or
 * Chinese, case and spaces ignored), a blank cell meaning higher (DESIGN.md "Scorecard semantics").
 */
import { msg, WORDS } from "../../messages/catalogue";
import { isBlankCell } from "../../values/blank";
import { quotedValue } from "../../values/display";
import { normaliseHeader } from "../headers";
import type { Direction } from "../table";
import type { Column } from "./columns";
import type { ProblemLog } from "./problems";

const { higher, lower } = WORDS.directions;
const HIGHER: ReadonlySet<string> = new Set([...higher.en, ...higher.zh]);
const LOWER: ReadonlySet<string> = new Set([...lower.en, ...lower.zh]);

/**
 * The direction a cell names: blank → higher; a word of the list `directions` in English or Chinese (higher /
 * lower, ↑ / ↓, and DESIGN.md's Chinese words for them); null for anything else.
 */
export function parseDirection(v: unknown): Direction | null {
  if (isBlankCell(v)) return "higher";
  if (typeof v !== "string") return null;
  const w = normaliseHeader(v);
  if (w === "" || HIGHER.has(w)) return "higher";
  if (LOWER.has(w)) return "lower";
  return null;
}

/** The direction in row `r` of the Direction column (higher without one), or null after reporting a word it is not. */
export function directionAt(column: Column | null, r: number, log: ProblemLog): Direction | null {
  if (column === null) return "higher";
  const v = column.values[r];
  const direction = parseDirection(v);
  if (direction === null) {
    const words = { higherEn: higher.en[0], lowerEn: lower.en[0], higherZh: higher.zh[0], lowerZh: lower.zh[0] };
    log.addAt(
      column,
      r,
      "unknownDirection",
      msg("scorecard.tableDirection", { text: quotedValue(v), ...words }),
      "direction",
    );
  }
  return direction;
}
