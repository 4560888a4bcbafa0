/** Paths into the production build that `npm test` makes before the tests run. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** Reads a file of dist/, failing with a clear hint when the build has not run. */
export function readDist(name: string): string {
  const file = path.join(DIST, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` (npm test does it first)`);
  return readFileSync(file, "utf8");
}

/** The shape of functions.json that the tests rely on. */
export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description?: string; dimensionality?: string; optional?: boolean; type?: string }[];
    result: { dimensionality?: string; type?: string };
    options?: Record<string, boolean>;
  }[];
}

export function functionsJson(locale = ""): FunctionsJson {
  return JSON.parse(readDist(locale ? `functions.${locale}.json` : "functions.json")) as FunctionsJson;
}
