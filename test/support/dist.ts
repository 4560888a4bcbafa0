/** Paths into the production build dist/, which `npm test` makes before the layers that load it (integration, browser). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FunctionsJson } from "../../scripts/function-metadata.js";

export type { FunctionsJson };

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** Reads a file of dist/, failing with a clear hint when the build has not run. */
export function readDist(name: string): string {
  const file = path.join(DIST, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` (npm test does it first)`);
  return readFileSync(file, "utf8");
}

/** dist/functions.json, or its localized twin (`functionsJson("zh-CN")`). */
export function functionsJson(locale = ""): FunctionsJson {
  return JSON.parse(readDist(locale ? `functions.${locale}.json` : "functions.json")) as FunctionsJson;
}
