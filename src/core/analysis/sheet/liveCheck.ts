/**
 * The live analysis plan checked before anything is written (the pane's writer refuses a plan with problems):
 * a sheet name Excel accepts, blocks whose cells fit their addresses, formulas that are formulas, summary
 * functions that Excel 2016 has (the dynamic-array-only SORTBY, FILTER, UNIQUE, SORT, SEQUENCE, XLOOKUP, LET
 * nowhere), and no written cell where a spill lands (it would show `#SPILL!`).
 */
import { parseRange } from "../../address";
import type { LiveAnalysisPlan } from "./livePlan";

/** Functions the summaries may call besides the add-in's own (CRM.*): all in Excel 2016 and LibreOffice. */
export const SUMMARY_FUNCTIONS = new Set([
  "AGGREGATE",
  "AND",
  "AVERAGE",
  "COUNTA",
  "COUNTIF",
  "IF",
  "IFERROR",
  "INDEX",
  "ISNUMBER",
  "LARGE",
  "MEDIAN",
  "NA",
  "PERCENTILE.INC",
  "ROW",
  "ROWS",
  "SUM",
]);

/** The functions a formula calls (names before "(", outside string literals), upper-cased. */
export function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return Array.from(code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g), (m) => m[1]!.toUpperCase());
}

/** The plan's problems, as English sentences for the error report (none: write it). O(cells of the blocks). */
export function checkLivePlan(plan: LiveAnalysisPlan): string[] {
  const problems: string[] = [];
  const name = plan.sheetName;
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    problems.push(`the sheet name "${name}" is not one Excel accepts`);
  const written = new Set<string>();
  for (const b of plan.blocks) {
    const r = parseRange(b.address);
    if (b.cells.length !== r.bottom - r.top + 1 || b.cells.some((row) => row.length !== r.right - r.left + 1))
      problems.push(`block ${b.id}: its cells do not fill ${b.address}`);
    b.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c === null) return;
        written.add(`${r.top + i},${r.left + j}`);
        if (c.kind !== "formula") return;
        if (!c.formula.startsWith("=")) problems.push(`${b.id} (${i}, ${j}): "${c.formula}" is not a formula`);
        for (const f of calledFunctions(c.formula))
          if (!f.startsWith("CRM.") && !SUMMARY_FUNCTIONS.has(f))
            problems.push(`${b.id} (${i}, ${j}): ${f} is not a function of Excel 2016`);
      }),
    );
  }
  for (const s of plan.spills)
    for (let i = 0; i < s.rows; i++)
      for (let j = 0; j < s.columns; j++)
        if ((i > 0 || j > 0) && written.has(`${s.row + i},${s.column + j}`))
          problems.push(`a cell is written where the spill at row ${s.row + 1}, column ${s.column + 1} lands`);
  return problems;
}
