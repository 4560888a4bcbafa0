/**
 * The command line's messages as catalogue values (src/core/messages, areas `cli` and `csv`): the few that
 * take some choosing — why a text cannot name a sheet, a list of sheet names, a separator's name. The
 * command renders every message in its language: --lang, else the language of the input's headers once the
 * table has been read, else English.
 */
import type { CsvSeparator } from "../core/csv/parse";
import { Message, msg } from "../core/messages/catalogue";

/** Why a text cannot name a sheet, or null when it can (Excel's rules). */
export function sheetNameProblem(name: string): Message | null {
  if (name.length === 0 || name.length > 31) return msg("cli.sheetNameLength");
  if (/[[\]:*?/\\]/.test(name)) return msg("cli.sheetNameCharacters");
  if (name.startsWith("'") || name.endsWith("'")) return msg("cli.sheetNameApostrophe");
  if (name.toLowerCase() === "history") return msg("cli.sheetNameHistory");
  return null;
}

/**
 * Sheet names as a list, quoted and separated as the language it is rendered in does (`"Cover", "Data"` in
 * English, Chinese quotes and the enumeration comma in Chinese); an empty text for no names.
 */
export function quotedList(names: readonly string[]): Message | string {
  if (names.length === 0) return "";
  const [first, ...rest] = names;
  const quoted = msg("cli.quoted", { name: first! });
  return rest.length === 0 ? quoted : msg("cli.listMore", { first: quoted, rest: quotedList(rest) });
}

/** The name of a field separator: commas, semicolons, tabs. */
export function separatorName(separator: CsvSeparator): Message {
  if (separator === ";") return msg("csv.semicolons");
  if (separator === "\t") return msg("csv.tabs");
  return msg("csv.commas");
}
