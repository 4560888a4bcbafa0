// The worked example of each CRM function, written once: `example` in src/functions/<module>.meta.json.
//
//   "example": {
//     "arguments": [[[30000, 20000]], [[40, 60]]],
//     "result": 500,
//     "decimals": 2,
//     "explanation": "(30000 + 20000) / (40 + 60) = 500 per new customer"
//   }
//
// - arguments: as typed in the formula, in order; trailing optional arguments left out are omitted. A number,
//   text or boolean is a typed-in value; an array of rows is an array constant ({1,2;3,4}); { "range":
//   "B2:B2358", "data": "cdnow/file.csv#x" } is a range of the sheet holding column x of test/fixtures/<file>.
// - result: what the function returns, worked out from its definition: a value, or an array of rows for a
//   spill (null is a blank cell).
// - decimals (optional): the result is shown rounded to that many decimals (a number, or one per column); the
//   function's value must round to the shown one. Without it the result is exact (up to 1e-12 relative).
//
// The README reference renders the formula and the result from it (function-reference.mjs); the adapter
// test (test/functions/examples.test.ts) and the browser test (test/browser/everyFunction.test.ts) call
// every function with these arguments, as Excel passes them, and compare with the result.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FUNCTIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/functions");

/** Every function's example, keyed by function id, from the *.meta.json files beside the adapters. */
export function readExamples(dir = FUNCTIONS_DIR) {
  const examples = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".meta.json"))
    .sort()) {
    for (const [id, entry] of Object.entries(JSON.parse(readFileSync(path.join(dir, file), "utf8")))) {
      if (entry.example) examples[id] = entry.example;
    }
  }
  return examples;
}

const isRange = (a) => a !== null && typeof a === "object" && !Array.isArray(a);

/** One literal of a formula: 12.5, "text" (quotes doubled), TRUE. */
function literal(v) {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  throw new Error(`an example argument cannot hold ${JSON.stringify(v)}`);
}

/** One argument as typed: a literal, an array constant {1,2;3,4}, or a range reference. */
function argumentText(a) {
  if (Array.isArray(a)) return `{${a.map((row) => row.map(literal).join(",")).join(";")}}`;
  if (isRange(a)) return a.range;
  return literal(a);
}

/** The example's formula: `=CRM.NAME(arguments)`, arguments separated by commas. */
export function exampleFormula(name, example) {
  return `=CRM.${name}(${example.arguments.map(argumentText).join(",")})`;
}

/** The decimals shown for column `c`, or undefined when the result is exact. */
function decimalsOf(example, c) {
  return Array.isArray(example.decimals) ? example.decimals[c] : example.decimals;
}

/** One cell of the result as the README shows it: rounded to its decimals (whole numbers as they are). */
function resultCell(v, decimals) {
  if (v === null) return "(blank)";
  if (typeof v === "number" && decimals !== undefined && !Number.isInteger(v)) return v.toFixed(decimals);
  return String(v);
}

/** The result as the README shows it: one value, or a spill's cells by " | " and its rows by " / ". */
export function exampleResultText(example) {
  const r = example.result;
  if (!Array.isArray(r)) return resultCell(r, decimalsOf(example, 0));
  return r.map((row) => row.map((v, c) => resultCell(v, decimalsOf(example, c))).join(" | ")).join(" / ");
}

/** Rows in an A1 range such as B2:B2358 (a single cell is one row). */
function rowsOf(range) {
  const m = /^\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(range);
  if (!m) throw new Error(`example range ${range} is not an A1 range of one column`);
  return m[2] === undefined ? 1 : Number(m[2]) - Number(m[1]) + 1;
}

/**
 * The example's arguments as Excel passes them to the adapter: a typed-in value for a range parameter as a
 * 1×1 array, a range as a column of its data (`data(name)` reads it), omitted optional arguments as null.
 * @param parameters the function's parameters in functions.json
 * @param data reads a data column named in a range argument ("cdnow/file.csv#x") as an array of values
 */
export function excelArguments(example, parameters, data) {
  if (example.arguments.length > parameters.length) throw new Error("more example arguments than parameters");
  return parameters.map((p, i) => {
    if (i >= example.arguments.length) {
      if (!p.optional) throw new Error(`the example leaves out the required argument ${p.name}`);
      return null;
    }
    const a = example.arguments[i];
    if (isRange(a)) {
      const column = data(a.data);
      if (column.length !== rowsOf(a.range)) {
        throw new Error(`${a.range} has ${rowsOf(a.range)} rows but ${a.data} has ${column.length} values`);
      }
      return column.map((v) => [v]);
    }
    if (Array.isArray(a) || p.dimensionality !== "matrix") return a;
    return [[a]];
  });
}

/** A scalar result compares with a 1×1 spill's only cell (scalar adapters that need addresses return [[v]]). */
function scalarOf(got) {
  return Array.isArray(got) && got.length === 1 && Array.isArray(got[0]) && got[0].length === 1 ? got[0][0] : got;
}

function cellMismatch(got, want, decimals, where) {
  if (want === null) return got === null || got === "" ? null : `${where}: ${JSON.stringify(got)}, not blank`;
  if (typeof want !== "number")
    return got === want ? null : `${where}: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`;
  if (typeof got !== "number") return `${where}: ${JSON.stringify(got)}, not a number`;
  if (decimals !== undefined) {
    return got.toFixed(decimals) === want.toFixed(decimals)
      ? null
      : `${where}: ${got} shows as ${got.toFixed(decimals)}, not ${want.toFixed(decimals)}`;
  }
  return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)) ? null : `${where}: ${got}, not ${want}`;
}

/** How a function's value differs from the example's result: one line per difference, none when it matches. */
export function resultMismatches(got, example) {
  const want = example.result;
  if (!Array.isArray(want)) {
    const m = cellMismatch(scalarOf(got), want, decimalsOf(example, 0), "result");
    return m ? [m] : [];
  }
  if (!Array.isArray(got) || got.length !== want.length)
    return [`result ${JSON.stringify(got)}: not ${want.length} rows`];
  const out = [];
  want.forEach((row, r) => {
    const gotRow = got[r];
    if (!Array.isArray(gotRow) || gotRow.length !== row.length) {
      out.push(`row ${r + 1} ${JSON.stringify(gotRow)}: not ${row.length} cells`);
      return;
    }
    row.forEach((v, c) => {
      const m = cellMismatch(gotRow[c], v, decimalsOf(example, c), `row ${r + 1}, column ${c + 1}`);
      if (m) out.push(m);
    });
  });
  return out;
}
