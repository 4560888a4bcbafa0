/**
 * Spill references that survive a freeze. A formula may read a CRM formula's spill as `A81#` (the live
 * analysis sheet does: `=COUNTIF($L$82#,"At risk")`). Freeze writes the spill's values over the formula, and a
 * range of values is no spill: `A81#` would become `#REF!`. So, as it freezes, Freeze rewrites every `X#` that
 * names a frozen formula's cell into the fixed range the spill covers at that moment (`$L$82:$L$23651`),
 * keeping the reference's `$` and sheet qualifier; the formula then shows the same numbers from the values.
 *
 * Pure: which cells, and their new formulas. The pane's freeze writes them in its commit
 * (src/taskpane/sharing/excelSharing.ts). A rolled-back or restored freeze leaves the pinned ranges, which read
 * the same cells while the spill keeps its size (rebuild the analysis sheet to follow a grown log).
 */
import { cellAddress, columnIndex } from "./a1";
import type { FreezePlan } from "./freeze";
import type { SheetScan } from "./scan";

/** A frozen result a spill reference may name: its sheet, its formula's cell and its size. */
export interface FrozenResult {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A formula rewritten with its spill references pinned. */
export interface PinnedFormula {
  sheet: string;
  row: number;
  column: number;
  /** A1 without `$` (`B7`). */
  address: string;
  formula: string;
}

// [sheet!]$A$1# — a sheet is 'quoted' (with '' inside) or a plain word; not preceded by a name character
const SPILL_REF =
  /(?<![\w.$'!\u00C0-\uFFFF])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})#/g;

function sheetOf(qualifier: string | undefined, own: string): string {
  if (qualifier === undefined) return own;
  const name = qualifier.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * The formula with each `X#` that names a frozen result replaced by that result's fixed range; text inside
 * string literals is left alone. O(length).
 * @example pinSpillReferences("=SUM($B$2#)", "S", [{ sheet: "S", row: 1, column: 1, rows: 3, columns: 1 }]) // "=SUM($B$2:$B$4)"
 */
export function pinSpillReferences(formula: string, ownSheet: string, frozen: readonly FrozenResult[]): string {
  if (!formula.includes("#")) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            SPILL_REF,
            (whole, qualifier: string | undefined, d1: string, letters: string, d2: string, digits: string) => {
              const sheet = sheetOf(qualifier, ownSheet).toLowerCase();
              const row = Number(digits) - 1;
              const column = columnIndex(letters.toUpperCase());
              const hit = frozen.find((f) => f.row === row && f.column === column && f.sheet.toLowerCase() === sheet);
              if (hit === undefined) return whole;
              const end = cellAddress(hit.row + hit.rows - 1, hit.column + hit.columns - 1);
              const [endLetters, endDigits] = [/^[A-Z]+/.exec(end)![0], /\d+$/.exec(end)![0]];
              return `${qualifier ?? ""}${d1}${letters}${d2}${digits}:${d1}${endLetters}${d2}${endDigits}`;
            },
          ),
    )
    .join("");
}

/**
 * The formulas a freeze must pin: every formula cell of the scanned sheets that the freeze does not overwrite
 * and that names one of its frozen results with `#`. O(cells of the used ranges).
 */
export function spillPins(scans: readonly SheetScan[], plan: FreezePlan): PinnedFormula[] {
  const frozen: FrozenResult[] = plan.entries.map((e) => {
    const m = /^([A-Z]+)(\d+)$/.exec(e.address.replace(/\$/g, "").toUpperCase());
    return {
      sheet: e.sheet,
      row: Number(m?.[2] ?? 1) - 1,
      column: columnIndex(m?.[1] ?? "A"),
      rows: e.rows,
      columns: e.columns,
    };
  });
  if (frozen.length === 0) return [];
  const overwritten = new Set(
    plan.areas.flatMap((a) => {
      const keys: string[] = [];
      for (let i = 0; i < a.rect.rows; i++)
        for (let j = 0; j < a.rect.columns; j++) keys.push(`${a.sheet}\u0000${a.rect.top + i},${a.rect.left + j}`);
      return keys;
    }),
  );
  const out: PinnedFormula[] = [];
  for (const scan of scans) {
    scan.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !f.includes("#")) return;
        const [sheetRow, sheetColumn] = [scan.top + r, scan.left + c];
        if (overwritten.has(`${scan.name}\u0000${sheetRow},${sheetColumn}`)) return;
        const pinned = pinSpillReferences(f, scan.name, frozen);
        if (pinned !== f)
          out.push({
            sheet: scan.name,
            row: sheetRow,
            column: sheetColumn,
            address: cellAddress(sheetRow, sheetColumn),
            formula: pinned,
          });
      }),
    );
  }
  return out;
}
