/**
 * What a cell of the fake host holds and how Excel reads typed input: value types, typed-input parsing
 * (Range.values remarks), literal formulas, display text for the few number formats the fake knows.
 */
import { invalidArgument } from "./officeError";

/** Excel's error values, as Range.values reads them. */
export const ERROR_VALUES = new Set([
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

/** What writing to one cell does: clear it, store a value (quote-prefixed text), or enter a formula. */
export type CellContent =
  { clear: true } | { value: unknown; quotePrefix?: boolean } | { formula: string; result?: unknown };

export const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === "";

/** Range.valueTypes of a cell value: Empty, Double, Boolean, Error or String ("" of a formula is a String). */
export function valueType(v: unknown, hasFormula: boolean): string {
  if (v === null || v === undefined) return "Empty";
  if (v === "") return hasFormula ? "String" : "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string" && ERROR_VALUES.has(v)) return "Error";
  return "String";
}

const NUMERIC_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** What typing `input` into a cell stores: { clear } | { value, quotePrefix? } | { formula }. */
export function parseInput(input: unknown, numberFormat?: string | null): CellContent {
  if (input === "") return { clear: true };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidArgument(`${input} is not a valid cell value`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw invalidArgument(`unsupported cell value ${JSON.stringify(input)}`);
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith("=")) return { formula: input };
  if (NUMERIC_RE.test(input)) return { value: Number(input) };
  const pct = /^\s*([+-]?(\d+\.?\d*|\.\d+))%\s*$/.exec(input);
  if (pct) return { value: Number(pct[1]) / 100 };
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === "TRUE" };
  if (input.startsWith("+") || input.startsWith("-")) return { formula: "=" + input };
  return { value: input };
}

/** The value of a formula that is a literal (=5, ="x", =TRUE), else undefined. */
export function literalFormulaValue(f: string): number | string | boolean | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^=\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*$/.exec(f))) return Number(m[1]);
  if ((m = /^=\s*"((?:[^"]|"")*)"\s*$/.exec(f))) return m[1]!.replace(/""/g, '"');
  if ((m = /^=\s*(TRUE|FALSE)\s*$/i.exec(f))) return m[1]!.toUpperCase() === "TRUE";
  return undefined;
}

/** Range.text of a value: General, or the formats 0, 0.0…, 0% and 0.0…%. */
export function displayText(v: unknown, nf: string | null): string {
  if (isEmpty(v)) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" && typeof nf === "string") {
    const pct = /^0(\.(0+))?%$/.exec(nf);
    if (pct) return (v * 100).toFixed(pct[2] ? pct[2].length : 0) + "%";
    const fix = /^0(\.(0+))?$/.exec(nf);
    if (fix) return v.toFixed(fix[2] ? fix[2].length : 0);
  }
  return String(v);
}

export const is2D = (v: unknown): v is unknown[][] =>
  Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row));
/** A formula result that spills: a 2-D array of more than one cell. */
export const isSpillResult = (v: unknown): v is unknown[][] => is2D(v) && (v.length > 1 || v[0]!.length > 1);

/** The value a cell shows of a result: the first cell of a 2-D array, null for nothing. */
export function scalarOf(v: unknown): unknown {
  if (is2D(v)) return v[0]!.length ? v[0]![0] : null;
  return v === undefined ? null : v;
}

/** A deep copy through JSON (settings and props are plain data). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
