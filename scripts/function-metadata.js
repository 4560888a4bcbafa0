/**
 * The custom functions' metadata (functions.json), generated from the adapters' JSDoc exactly as the build
 * does it: custom-functions-metadata on every src/functions/*.ts that declares a @customfunction, then each
 * description joined onto one line. The build (webpack.config.js, localized-metadata-plugin.js), the README
 * reference (function-reference.mjs) and the unit tests use it, so none of them needs dist/. An integration
 * test checks that dist/functions.json is byte for byte what this module generates.
 */
const fs = require("fs");
const path = require("path");

const FUNCTIONS_DIR = path.resolve(__dirname, "../src/functions");

/** Adapter modules: every src/functions/*.ts file that declares a @customfunction, sorted. */
function functionModules(dir = FUNCTIONS_DIR) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f))
    .filter((f) => /@customfunction\b/.test(fs.readFileSync(f, "utf8")))
    .sort();
}

/** Joins wrapped JSDoc lines of every function and parameter description into one line. */
function tidyDescriptions(metadata) {
  const tidy = (t) => (typeof t === "string" ? t.replace(/\s*\n\s*/g, " ").trim() : t);
  return {
    ...metadata,
    functions: metadata.functions.map((f) => ({
      ...f,
      description: tidy(f.description),
      parameters: (f.parameters || []).map((p) => ({ ...p, description: tidy(p.description) })),
    })),
  };
}

/**
 * functions.json as the build writes it, and which exported function of which file each id is associated
 * with ({ id, functionName, sourceFileName }). Rejects, listing them, when the JSDoc has errors.
 */
async function generateMetadata(files = functionModules()) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata/lib/generate.js");
  const generated = await generateCustomFunctionsMetadata(files, false);
  if (generated.errors.length) throw new Error(`functions metadata:\n  ${generated.errors.join("\n  ")}`);
  return { metadata: tidyDescriptions(JSON.parse(generated.metadataJson)), associate: generated.associate };
}

module.exports = { FUNCTIONS_DIR, functionModules, tidyDescriptions, generateMetadata };
