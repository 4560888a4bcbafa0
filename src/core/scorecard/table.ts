/**
 * Reads a selected KPI table (one range with a header row, or several equally tall columns) into typed
 * KPIs, or into the list of everything wrong with it, each problem with its cell address
 * (`Sheet1!D7: Target is text "n/a"`). Nothing is built while a problem remains (DESIGN.md "Scorecard
 * semantics").
 */
import { type Message, msg } from "../messages/catalogue";
import { displayText } from "../values/display";
import { applyMapping, ColumnMapping, ColumnRole, detectColumns, MappingOverride } from "./headers";
import type { ScorecardLanguage } from "./labels";
import { headerRanges, tableColumns } from "./table/columns";
import { checkMapping } from "./table/mapping";
import { listOf, ProblemLog } from "./table/problems";
import { readKpis, roleColumns } from "./table/rows";
import { checkWeights } from "./table/weights";

export { parseDirection } from "./table/direction";

/** A rectangular block of cell values as read from the sheet, its first row being the header row. */
export interface SourceBlock {
  /** The block's top-left cell on the source sheet, e.g. "A1". */
  topLeft: string;
  /** Rows of cell values (numbers, strings, booleans, null or "" for blanks, Excel error texts). */
  values: readonly (readonly unknown[])[];
}

/**
 * The selection a scorecard is built from: one block for an ordinary range, or several (equally tall)
 * for columns picked with Ctrl; the blocks side by side, in order, are the table's columns.
 */
export interface SourceTable {
  sheet: string;
  blocks: readonly SourceBlock[];
}

/** One range of a sheet as a source table. */
export function sourceRange(sheet: string, topLeft: string, values: readonly (readonly unknown[])[]): SourceTable {
  return { sheet, blocks: [{ topLeft, values }] };
}

/** Whether a KPI is better when higher or when lower. */
export type Direction = "higher" | "lower";

/** One KPI row, validated. */
export interface Kpi {
  /** Perspective name (trimmed; a blank cell repeats the name above, as in merged cells). */
  perspective: string;
  metric: string;
  direction: Direction;
  actual: number;
  target: number;
  /** null when the row has no threshold. */
  threshold: number | null;
  /** The weight as entered (not normalised); 1 for every KPI when the table has no weight column. */
  weight: number;
  /** Last period's actual (the Previous column), null when the table has no such column or the cell is blank. */
  previous: number | null;
  /** The benchmark (the Benchmark column), null when the table has no such column or the cell is blank. */
  benchmark: number | null;
  /** Where the numbers came from on the source sheet (A1 addresses without the sheet), for live links. */
  cells: {
    actual: string;
    target: string;
    threshold: string | null;
    weight: string | null;
    /** The Previous and Benchmark cells of the row, blank or not, when the table has those columns. */
    previous: string | null;
    benchmark: string | null;
  };
}

/** A validated KPI table. */
export interface ScorecardTable {
  sheet: string;
  /** The selection's address without the sheet, e.g. "A1:G20" or "A1:A20,C1:C20". */
  address: string;
  /** The header row's texts. */
  headers: string[];
  mapping: ColumnMapping;
  /** The language of the headers (the sheet's default language). */
  language: ScorecardLanguage;
  hasPerspectives: boolean;
  hasWeights: boolean;
  /** Whether the table has a Previous column, and a Benchmark column (in either language). */
  hasPrevious: boolean;
  hasBenchmark: boolean;
  kpis: Kpi[];
}

/** Kinds of validation problems (for the pane to group or translate them). */
export type ProblemCode =
  | "missingColumn"
  | "columnTwice"
  | "columnOutOfRange"
  | "unevenColumns"
  | "noRows"
  | "blank"
  | "text"
  | "logical"
  | "errorValue"
  | "unknownDirection"
  | "negativeWeight"
  | "targetEqualsThreshold"
  | "targetNotPositive"
  | "thresholdWrongSide"
  | "weightsAllZero"
  | "perspectiveWeightsAllZero";

/** One thing wrong with the input, with its place on the sheet. */
export interface TableProblem {
  code: ProblemCode;
  /** Sheet-qualified address as Excel shows it (`Sheet1!D7`, `'My data'!E2:E20`), or null. */
  address: string | null;
  /** The column role concerned, if any. */
  role?: ColumnRole;
  /** What is wrong, address first (src/core/messages, `scorecard.table…`), to render in any language. */
  what: Message;
  /** `what` in English: `Sheet1!D7: Target is text "n/a"`. */
  message: string;
  /** `what` in Chinese, with Chinese colon and quotation marks. */
  messageZh: string;
}

/** The outcome of reading a table: the KPIs when there is no problem, and always what the pane shows. */
export interface TableReading {
  /** The validated table, or null while problems remain. */
  table: ScorecardTable | null;
  problems: TableProblem[];
  /** The mapping in use (detected, then overridden). */
  mapping: ColumnMapping;
  /** The language of the headers. */
  language: ScorecardLanguage;
  headers: string[];
}

/**
 * Reads and validates a KPI table, step by step (the steps in ./table/): the selection's columns, the header row
 * and its mapping, each row by role, then the weight column as a whole. Fully blank rows are skipped; a blank
 * perspective repeats the one above. Every problem is collected before the reading gives up. O(cells).
 * @param source the selected cells and where they are
 * @param override the pane's changes to the detected column mapping
 */
export function readScorecardTable(source: SourceTable, override?: MappingOverride): TableReading {
  const { columns, heights, address } = tableColumns(source);
  const headers = columns.map((col) => displayText(col.values[0]));
  const detection = detectColumns(headers);
  const mapping = applyMapping(detection.mapping, override);
  const log = new ProblemLog(source.sheet);
  const reading = (table: ScorecardTable | null): TableReading => ({
    table,
    problems: log.problems,
    mapping,
    language: detection.language,
    headers,
  });

  if (new Set(heights).size > 1) {
    log.add(address, "unevenColumns", msg("scorecard.tableUneven", { heights: listOf(heights) }));
    return reading(null);
  }
  checkMapping(mapping, columns, { headers, address: columns.length === 0 ? null : headerRanges(source.blocks) }, log);
  if (log.count > 0) return reading(null);

  const cols = roleColumns(columns, mapping);
  const height = heights[0] ?? 0;
  const kpis = readKpis(cols, height, log);
  if (log.count === 0 && kpis.length === 0) log.add(address, "noRows", msg("scorecard.tableNoRows"));
  if (log.count === 0 && cols.weight !== null) checkWeights(kpis, cols.weight, height, cols.perspective !== null, log);
  if (log.count > 0) return reading(null);
  return reading({
    sheet: source.sheet,
    address,
    headers,
    mapping,
    language: detection.language,
    hasPerspectives: cols.perspective !== null,
    hasWeights: cols.weight !== null,
    hasPrevious: cols.previous !== null,
    hasBenchmark: cols.benchmark !== null,
    kpis,
  });
}
