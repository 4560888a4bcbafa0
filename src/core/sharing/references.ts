/**
 * The cell references a formula makes, for one question only: "does this formula read a cell that holds a
 * CRM formula?" (Check's list of dependent sheets, e.g. a scorecard).
 *
 * Recognised: `B3`, `$B$3`, `B3:D9`, whole columns `A:C`, whole rows `2:4`, each optionally qualified by a sheet
 * (`Data!B3`, `'Q1 data'!B3:B9`) and optionally a spill reference (`B3#`, taken as the anchor cell: the anchor's
 * spill range is a CRM area, so the anchor is enough). Unqualified references are on the formula's own sheet.
 *
 * Deliberately not resolved (documented limits, all rare in what the add-in builds): defined names (`=Sales`),
 * structured references (`Table1[Col]`), INDIRECT/OFFSET text, references into other workbooks (`[1]Data!A1`,
 * `'[Book.xlsx]Data'!A1`: skipped), and 3-D references (`Jan:Mar!B3` counts as a reference to `Mar!B3` only).
 */
import { parseRect, Rect } from "./a1";
import { Token, tokenize } from "./formulaLexer";

/** A reference found in a formula: the sheet it names (null = the formula's own sheet) and the cells. */
export interface FormulaReference {
  sheet: string | null;
  rect: Rect;
}

const LOOKS_LIKE_REF_PART = /^\$?(?:[A-Za-z]{1,3}\$?[0-9]{1,7}|[A-Za-z]{1,3}|[0-9]{1,7})$/;

function isPunct(t: Token | undefined, ch: string): boolean {
  return t !== undefined && t.kind === "punct" && t.text === ch;
}

/**
 * Every cell reference in a formula (see the module comment for what is recognised). O(length).
 * @example formulaReferences("=SUM(Data!B2:B9)*$C$1") // [{sheet:"Data", rect:B2:B9}, {sheet:null, rect:C1}]
 */
export function formulaReferences(formula: string): FormulaReference[] {
  const tokens = tokenize(formula);
  const refs: FormulaReference[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A sheet qualifier: word! or 'quoted'!, possibly preceded by an external workbook [n].
    if ((t.kind === "word" || t.kind === "quoted") && isPunct(tokens[i + 1], "!")) {
      const external = tokens[i - 1]?.kind === "bracket" || (t.kind === "quoted" && t.text.includes("]"));
      const read = readRef(tokens, i + 2);
      if (read) {
        if (!external) refs.push({ sheet: t.text, rect: read.rect });
        i = read.next;
      } else i += 2;
      continue;
    }
    if (t.kind === "word" && !isPunct(tokens[i - 1], "!")) {
      const read = readRef(tokens, i);
      if (read) {
        refs.push({ sheet: null, rect: read.rect });
        i = read.next;
        continue;
      }
    }
    i++;
  }
  return refs;
}

/** Reads `A1`, `A1:B2`, `A:B` or `1:2` (with an optional trailing `#`) starting at token i. */
function readRef(tokens: readonly Token[], i: number): { rect: Rect; next: number } | null {
  const a = tokens[i];
  if (!a || a.kind !== "word" || !LOOKS_LIKE_REF_PART.test(a.text)) return null;
  let text = a.text;
  let next = i + 1;
  const b = tokens[i + 2];
  if (isPunct(tokens[i + 1], ":") && b && b.kind === "word" && LOOKS_LIKE_REF_PART.test(b.text)) {
    text = `${a.text}:${b.text}`;
    next = i + 3;
  }
  const after = tokens[next];
  // A word followed by ( is a function (LOG10), by [ a table, by ! a sheet name.
  if (after && (after.kind === "bracket" || isPunct(after, "(") || isPunct(after, "!"))) return null;
  const rect = parseRect(text);
  if (!rect) return null;
  // A lone number (`=A1*2`'s 2) or a lone column-like word (`=x`) is not a reference: parseRect rejects both.
  if (isPunct(after, "#")) next++;
  return { rect, next };
}
