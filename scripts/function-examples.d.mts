/** Types of scripts/function-examples.mjs (the worked examples of src/functions/*.meta.json), for the tests. */

/** A range of the sheet in an example: its A1 address and the data column it holds ("cdnow/file.csv#x"). */
export interface ExampleRange {
  range: string;
  data: string;
}
/** One argument as typed: a value, an array constant (rows of values) or a range. */
export type ExampleArgument = number | string | boolean | (number | string | boolean)[][] | ExampleRange;
/** One cell of a result; null is a blank cell. */
export type ExampleCell = number | string | null;

export interface FunctionExample {
  arguments: ExampleArgument[];
  result: ExampleCell | ExampleCell[][];
  decimals?: number | number[];
  explanation?: string;
}

/** A parameter of functions.json, as far as the examples need it. */
export interface ExampleParameter {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}

export function readExamples(dir?: string): Record<string, FunctionExample>;
export function exampleFormula(name: string, example: FunctionExample): string;
export function exampleResultText(example: FunctionExample): string;
export function excelArguments(
  example: FunctionExample,
  parameters: readonly ExampleParameter[],
  data: (name: string) => unknown[],
): unknown[];
export function resultMismatches(got: unknown, example: FunctionExample): string[];
