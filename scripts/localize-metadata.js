/**
 * Makes a localized copy of functions.json from the translation tables beside the adapters
 * (src/functions/<module>.meta.json: { ID: { zh: { description, parameters: { name: text } }, example } }).
 * Ids and names stay the same (CRM.* in every language); descriptions are replaced.
 * Throws, listing every gap, when a function or parameter has no translation.
 */
const fs = require("fs");
const path = require("path");

const LOCALE_KEYS = { "zh-CN": "zh" };

/** Reads and merges every *.meta.json in a folder into one table keyed by function id. */
function readMetaTables(metaDir) {
  const table = {};
  for (const file of fs
    .readdirSync(metaDir)
    .filter((f) => f.endsWith(".meta.json"))
    .sort()) {
    const entries = JSON.parse(fs.readFileSync(path.join(metaDir, file), "utf8"));
    for (const [id, entry] of Object.entries(entries)) {
      if (table[id]) throw new Error(`${file}: function ${id} is described twice`);
      table[id] = entry;
    }
  }
  return table;
}

/** Returns the localized metadata object, or throws with the list of missing translations. */
function localizeMetadata(metadata, table, locale) {
  const key = LOCALE_KEYS[locale];
  if (!key) throw new Error(`no translation key for locale ${locale}`);
  const missing = [];
  const functions = metadata.functions.map((f) => {
    const t = table[f.id] && table[f.id][key];
    if (!t || typeof t.description !== "string" || !t.description.trim()) missing.push(`${f.id}: description`);
    const parameters = (f.parameters || []).map((p) => {
      const pt = t && t.parameters && t.parameters[p.name];
      if (typeof pt !== "string" || !pt.trim()) missing.push(`${f.id}: parameter ${p.name}`);
      return { ...p, description: pt || p.description };
    });
    return { ...f, description: (t && t.description) || f.description, parameters };
  });
  if (missing.length) throw new Error(`Missing ${locale} translations:\n  ${missing.join("\n  ")}`);
  const known = new Set(metadata.functions.map((f) => f.id));
  const stale = Object.keys(table).filter((id) => !known.has(id));
  if (stale.length) throw new Error(`Translations for functions that do not exist: ${stale.join(", ")}`);
  return { ...metadata, functions };
}

module.exports = { readMetaTables, localizeMetadata };
