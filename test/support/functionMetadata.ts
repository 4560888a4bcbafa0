/**
 * functions.json and the function behind each id, generated from the adapters' JSDoc exactly as the build
 * does it (scripts/function-metadata.js) — so the unit layer checks the metadata, the translations and the
 * worked examples without building dist/. Generated once per test file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type * as FunctionMetadata from "../../scripts/function-metadata.js";
import { ROOT } from "./dist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateMetadata } = require("../../scripts/function-metadata.js") as typeof FunctionMetadata;

let generated: ReturnType<typeof generateMetadata> | undefined;

/** functions.json as the build writes it, and the association of each id with an adapter's export. */
export function generatedMetadata(): ReturnType<typeof generateMetadata> {
  generated ??= generateMetadata();
  return generated;
}

/** The adapter function Excel calls for `id` (imported from its module). */
export async function adapterFor(id: string): Promise<(...args: unknown[]) => unknown> {
  const { associate } = await generatedMetadata();
  const a = associate.find((x) => x.id === id);
  if (!a) throw new Error(`no function is associated with ${id}`);
  const module = (await import(path.resolve(ROOT, a.sourceFileName))) as Record<string, unknown>;
  const fn = module[a.functionName];
  if (typeof fn !== "function") throw new Error(`${a.sourceFileName} does not export ${a.functionName}`);
  return fn as (...args: unknown[]) => unknown;
}

/**
 * A data column named by a worked example's range ("cdnow/cdnow_customers_summary_with_transactions.csv#x"):
 * the column with that header of a CSV file in test/fixtures, numbers as numbers.
 */
export function exampleData(name: string): unknown[] {
  const [file, column] = name.split("#") as [string, string | undefined];
  const [header, ...rows] = readFileSync(path.join(ROOT, "test/fixtures", file), "utf8")
    .trim()
    .split(/\r?\n/);
  const index = header!.split(",").indexOf(column ?? "");
  if (index < 0) throw new Error(`${file} has no column ${column}`);
  return rows.map((line) => {
    const text = line.split(",")[index] ?? "";
    return text !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
  });
}
