/**
 * Reads a selected KPI table (one range with a header row, or several equally tall columns) into typed
 * KPIs, or into the list of everything wrong with it, each problem with its cell address
 * (`Sheet1!D7: Target is text "n/a"`). Nothing is built while a problem remains (DESIGN.md "Scorecard
 * semantics").
 */
import { isBlankCell } from "../input";
import { cellAddress, parseCell, rangeAddress, sheetAddress } from "../address";
import {
  applyMapping,
  COLUMN_ROLES,
  ColumnMapping,
  ColumnRole,
  detectColumns,
  MappingOverride,
  REQUIRED_ROLES,
  ROLE_NAMES,
} from "./headers";
import type { ScorecardLanguage } from "./labels";

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
  /** Last period's actual (Previous 上期值), null when the table has no such column or the cell is blank. */
  previous: number | null;
  /** The benchmark (Benchmark 标杆值), null when the table has no such column or the cell is blank. */
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
  /** Whether the table has a Previous (上期值) column, and a Benchmark (标杆值) column. */
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
  /** English text, address first: `Sheet1!D7: Target is text "n/a"`. */
  message: string;
  /** The same in Chinese, with Chinese quotation marks: `Sheet1!D7：目标值是文本“n/a”`. */
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

interface Column {
  sheetColumn: number;
  topRow: number;
  values: unknown[];
}

const HIGHER = new Set([
  "higher",
  "high",
  "higherisbetter",
  "up",
  "max",
  "maximise",
  "maximize",
  "+",
  "↑",
  "越高越好",
  "越大越好",
  "高",
  "正向",
  "正",
]);
const LOWER = new Set([
  "lower",
  "low",
  "lowerisbetter",
  "down",
  "min",
  "minimise",
  "minimize",
  "-",
  "↓",
  "越低越好",
  "越小越好",
  "低",
  "反向",
  "逆向",
  "负向",
]);

/**
 * The direction a cell names: blank → higher; English or Chinese words (higher / lower, 越高越好 / 越低越好,
 * 正向 / 反向, ↑ / ↓); null for anything else.
 */
export function parseDirection(v: unknown): Direction | null {
  if (isBlankCell(v)) return "higher";
  if (typeof v !== "string") return null;
  const w = v.toLowerCase().replace(/[\s\u00a0\u3000]+/g, "");
  if (w === "") return "higher";
  if (HIGHER.has(w)) return "higher";
  if (LOWER.has(w)) return "lower";
  return null;
}

/** Excel's error values, as Office.js reports them in `Range.values`. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/**
 * The error text of an error cell (`"#N/A"`, or an error object with such a `code`), else null. Only
 * Excel's own error texts count, so a KPI named "#1 product!" stays a name.
 */
function errorText(v: unknown): string | null {
  if (typeof v === "string") return EXCEL_ERRORS.has(v.trim()) ? v.trim() : null;
  if (typeof v === "object" && v !== null && "code" in v) {
    const code = v.code;
    return typeof code === "string" ? code : "an error";
  }
  return null;
}

/** A header cell as text: strings trimmed, numbers and logical values as Excel shows them, else "". */
function headerText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return errorText(v) ?? "";
}

function shown(v: unknown): string {
  const s = String(v);
  return s.length > 40 ? s.slice(0, 37) + "..." : s;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/**
 * Reads and validates a KPI table. Fully blank rows are skipped; a blank perspective repeats the one
 * above. O(cells).
 * @param source the selected cells and where they are
 * @param override the pane's changes to the detected column mapping
 */
export function readScorecardTable(source: SourceTable, override?: MappingOverride): TableReading {
  const problems: TableProblem[] = [];
  const at = (addr: string | null, code: ProblemCode, en: string, zh: string, role?: ColumnRole): void => {
    const a = addr === null ? null : sheetAddress(source.sheet, addr);
    problems.push({
      code,
      address: a,
      ...(role === undefined ? {} : { role }),
      message: a === null ? en : `${a}: ${en}`,
      messageZh: a === null ? zh : `${a}：${zh}`,
    });
  };

  // Columns of the table, block after block.
  const columns: Column[] = [];
  const heights: number[] = [];
  const blockAddresses: string[] = [];
  for (const block of source.blocks) {
    const tl = parseCell(block.topLeft);
    const width = block.values.reduce((w, row) => Math.max(w, row.length), 0);
    heights.push(block.values.length);
    blockAddresses.push(
      rangeAddress(
        tl.row,
        tl.column,
        tl.row + Math.max(block.values.length, 1) - 1,
        tl.column + Math.max(width, 1) - 1,
      ),
    );
    for (let c = 0; c < width; c++) {
      columns.push({ sheetColumn: tl.column + c, topRow: tl.row, values: block.values.map((row) => row[c]) });
    }
  }
  const address = blockAddresses.join(",");
  const headers = columns.map((col) => headerText(col.values[0]));
  const detection = detectColumns(headers);
  const mapping = applyMapping(detection.mapping, override);
  const language = detection.language;
  const reading = (table: ScorecardTable | null): TableReading => ({ table, problems, mapping, language, headers });

  if (new Set(heights).size > 1) {
    at(
      address,
      "unevenColumns",
      `the selected columns are not equally tall (${heights.join(", ")} rows)`,
      `所选各列行数不同（${heights.join("、")} 行）`,
    );
    return reading(null);
  }
  const headerCell = (c: number): string => cellAddress(columns[c]!.topRow, columns[c]!.sheetColumn);
  const headerRow = columns.length === 0 ? null : headerRanges(source.blocks);

  // The mapping itself.
  const usedBy = new Map<number, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const c = mapping[role];
    if (c === null) {
      if (REQUIRED_ROLES.includes(role)) {
        at(
          headerRow,
          "missingColumn",
          `no column is mapped to ${ROLE_NAMES.en[role]} (headers: ${headers.map((h) => `"${h}"`).join(", ")})`,
          `没有列对应 ${ROLE_NAMES.zh[role]}（表头：${headers.map((h) => `“${h}”`).join("、")}）`,
          role,
        );
      }
      continue;
    }
    if (!Number.isInteger(c) || c < 0 || c >= columns.length) {
      at(
        headerRow,
        "columnOutOfRange",
        `${ROLE_NAMES.en[role]} is mapped to column ${c + 1}, but the table has ${columns.length} columns`,
        `${ROLE_NAMES.zh[role]}对应第 ${c + 1} 列，但表格只有 ${columns.length} 列`,
        role,
      );
      continue;
    }
    const other = usedBy.get(c);
    if (other !== undefined) {
      at(
        headerCell(c),
        "columnTwice",
        `column "${headers[c]}" is mapped to both ${ROLE_NAMES.en[other]} and ${ROLE_NAMES.en[role]}`,
        `列“${headers[c]}”同时对应 ${ROLE_NAMES.zh[other]} 和 ${ROLE_NAMES.zh[role]}`,
        role,
      );
      continue;
    }
    usedBy.set(c, role);
  }
  if (problems.length > 0) return reading(null);

  const col = (role: ColumnRole): Column | null => {
    const c = mapping[role];
    return c === null ? null : columns[c]!;
  };
  const metricCol = col("metric")!;
  const actualCol = col("actual")!;
  const targetCol = col("target")!;
  const perspectiveCol = col("perspective");
  const weightCol = col("weight");
  const directionCol = col("direction");
  const thresholdCol = col("threshold");
  const previousCol = col("previous");
  const benchmarkCol = col("benchmark");
  const mapped = [
    metricCol,
    actualCol,
    targetCol,
    perspectiveCol,
    weightCol,
    directionCol,
    thresholdCol,
    previousCol,
    benchmarkCol,
  ].filter((x): x is Column => x !== null);
  const addr = (column: Column, r: number): string => cellAddress(column.topRow + r, column.sheetColumn);

  /** A required number, or a problem. */
  const numberAt = (column: Column, r: number, role: ColumnRole, blankOk: boolean): number | null | undefined => {
    const v = column.values[r];
    const en = ROLE_NAMES.en[role];
    const zh = ROLE_NAMES.zh[role];
    if (typeof v === "number") {
      if (Number.isFinite(v)) return v;
      at(addr(column, r), "errorValue", `${en} is not a finite number`, `${zh}不是有限数值`, role);
      return undefined;
    }
    if (isBlankCell(v)) {
      if (blankOk) return null;
      at(addr(column, r), "blank", `${en} is blank`, `${zh}为空`, role);
      return undefined;
    }
    const text = errorText(v);
    if (text !== null) {
      at(addr(column, r), "errorValue", `${en} is the error ${text}`, `${zh}是错误值 ${text}`, role);
    } else if (typeof v === "boolean") {
      const t = v ? "TRUE" : "FALSE";
      at(addr(column, r), "logical", `${en} is the logical value ${t}`, `${zh}是逻辑值 ${t}`, role);
    } else {
      at(addr(column, r), "text", `${en} is text "${shown(v)}"`, `${zh}是文本“${shown(v)}”`, role);
    }
    return undefined;
  };

  /** A text cell (metric, perspective), or a problem; null when blank and allowed. */
  const textAt = (column: Column, r: number, role: ColumnRole, blankOk: boolean): string | null | undefined => {
    const v = column.values[r];
    if (isBlankCell(v) || (typeof v === "string" && v.trim() === "")) {
      if (blankOk) return null;
      at(addr(column, r), "blank", `${ROLE_NAMES.en[role]} is blank`, `${ROLE_NAMES.zh[role]}为空`, role);
      return undefined;
    }
    const text = errorText(v);
    if (text !== null) {
      at(
        addr(column, r),
        "errorValue",
        `${ROLE_NAMES.en[role]} is the error ${text}`,
        `${ROLE_NAMES.zh[role]}是错误值 ${text}`,
        role,
      );
      return undefined;
    }
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v).trim();
  };

  const kpis: Kpi[] = [];
  const height = heights[0] ?? 0;
  let lastPerspective: string | null = null;
  for (let r = 1; r < height; r++) {
    if (mapped.every((c) => isBlankCell(c.values[r]))) continue;
    const before = problems.length;
    const metric = textAt(metricCol, r, "metric", false);
    let perspective: string | null | undefined = null;
    if (perspectiveCol !== null) {
      perspective = textAt(perspectiveCol, r, "perspective", true);
      if (perspective === null) {
        perspective = lastPerspective;
        if (perspective === null) {
          at(addr(perspectiveCol, r), "blank", "Perspective is blank", "维度 为空", "perspective");
          perspective = undefined;
        }
      }
      if (typeof perspective === "string") lastPerspective = perspective;
    }
    let direction: Direction | null = "higher";
    if (directionCol !== null) {
      const v = directionCol.values[r];
      direction = parseDirection(v);
      if (direction === null) {
        at(
          addr(directionCol, r),
          "unknownDirection",
          `Direction "${shown(v)}" is neither higher nor lower (越高越好 / 越低越好)`,
          `方向“${shown(v)}”不是 越高越好 或 越低越好（higher / lower）`,
          "direction",
        );
      }
    }
    const actual = numberAt(actualCol, r, "actual", false);
    const target = numberAt(targetCol, r, "target", false);
    const threshold = thresholdCol === null ? null : numberAt(thresholdCol, r, "threshold", true);
    // Previous and Benchmark may be blank (no value that period, no benchmark known); text is a problem.
    const previous = previousCol === null ? null : numberAt(previousCol, r, "previous", true);
    const benchmark = benchmarkCol === null ? null : numberAt(benchmarkCol, r, "benchmark", true);
    let weight: number | null | undefined = 1;
    if (weightCol !== null) {
      weight = numberAt(weightCol, r, "weight", false);
      if (typeof weight === "number" && weight < 0) {
        at(
          addr(weightCol, r),
          "negativeWeight",
          `Weight is negative (${fmt(weight)})`,
          `权重 为负数（${fmt(weight)}）`,
          "weight",
        );
      }
    }
    if (typeof target === "number" && threshold !== undefined && direction !== null) {
      const tAddr = addr(targetCol, r);
      if (threshold !== null && target === threshold) {
        at(
          tAddr,
          "targetEqualsThreshold",
          `target equals threshold (${fmt(target)})`,
          `目标值 等于 底线（${fmt(target)}）`,
          "target",
        );
      } else if (threshold !== null && (direction === "higher" ? threshold > target : threshold < target)) {
        // the threshold lies beyond the target: above it when higher is better, below it when lower is
        const higher = direction === "higher";
        at(
          addr(thresholdCol!, r),
          "thresholdWrongSide",
          `threshold ${fmt(threshold)} is ${higher ? "above" : "below"} target ${fmt(target)} on a ${direction}-is-better KPI`,
          `${higher ? "越高越好" : "越低越好"}的指标，底线 ${fmt(threshold)} ${higher ? "高于" : "低于"}目标值 ${fmt(target)}`,
          "threshold",
        );
      } else if (threshold === null && target <= 0) {
        at(
          tAddr,
          "targetNotPositive",
          `Target must be above 0 when there is no threshold (it is ${fmt(target)})`,
          `没有底线时 目标值 必须大于 0（现为 ${fmt(target)}）`,
          "target",
        );
      }
    }
    if (problems.length > before) continue;
    kpis.push({
      perspective: perspective ?? "",
      metric: metric!,
      direction: direction!,
      actual: actual!,
      target: target!,
      threshold: threshold ?? null,
      weight: weight!,
      previous: previous ?? null,
      benchmark: benchmark ?? null,
      cells: {
        actual: addr(actualCol, r),
        target: addr(targetCol, r),
        threshold: threshold === null || threshold === undefined ? null : addr(thresholdCol!, r),
        weight: weightCol === null ? null : addr(weightCol, r),
        previous: previousCol === null ? null : addr(previousCol, r),
        benchmark: benchmarkCol === null ? null : addr(benchmarkCol, r),
      },
    });
  }

  if (problems.length === 0 && kpis.length === 0) {
    at(address, "noRows", "the table has no KPI rows below its header row", "表头下方没有指标行");
  }
  if (problems.length === 0 && weightCol !== null) {
    const span = rangeAddress(
      weightCol.topRow + 1,
      weightCol.sheetColumn,
      weightCol.topRow + height - 1,
      weightCol.sheetColumn,
    );
    if (kpis.every((k) => k.weight === 0)) {
      at(span, "weightsAllZero", "weights are all zero", "权重全部为零", "weight");
    } else if (perspectiveCol !== null) {
      const total = new Map<string, { sum: number; first: string; last: string }>();
      for (const k of kpis) {
        const t = total.get(k.perspective);
        if (t === undefined) total.set(k.perspective, { sum: k.weight, first: k.cells.weight!, last: k.cells.weight! });
        else {
          t.sum += k.weight;
          t.last = k.cells.weight!;
        }
      }
      for (const [name, t] of total) {
        if (t.sum === 0) {
          at(
            t.first === t.last ? t.first : `${t.first}:${t.last}`,
            "perspectiveWeightsAllZero",
            `weights of perspective "${shown(name)}" are all zero`,
            `维度“${shown(name)}”的权重全部为零`,
            "weight",
          );
        }
      }
    }
  }
  if (problems.length > 0) return reading(null);
  return reading({
    sheet: source.sheet,
    address,
    headers,
    mapping,
    language,
    hasPerspectives: perspectiveCol !== null,
    hasWeights: weightCol !== null,
    hasPrevious: previousCol !== null,
    hasBenchmark: benchmarkCol !== null,
    kpis,
  });
}

/** The header row's address: "A1:G1", or "A1,C1:D1" for several blocks. */
function headerRanges(blocks: readonly SourceBlock[]): string {
  return blocks
    .map((b) => {
      const tl = parseCell(b.topLeft);
      const width = b.values.reduce((w, row) => Math.max(w, row.length), 0);
      return rangeAddress(tl.row, tl.column, tl.row, tl.column + Math.max(width, 1) - 1);
    })
    .join(",");
}
