/**
 * The shape of the message catalogue (DESIGN.md "Architecture"): every user-facing message is an id with an
 * English and a Simplified Chinese template. A template names its parameters in braces, `{arg}`, and both
 * languages must name the same ones (test/core/messages/catalogue.test.ts checks it).
 */

/** The languages every message exists in. */
export type Language = "en" | "zh";

/** The languages, in the order the catalogue lists them. */
export const LANGUAGES: readonly Language[] = ["en", "zh"];

/** One message: its template in each language. */
export interface MessageEntry {
  readonly en: string;
  readonly zh: string;
}

/** One area's messages (input, metrics, btyd, …), keyed by the message's name within the area. */
export type MessageArea = Readonly<Record<string, MessageEntry>>;

/**
 * Words recognised in what users type, in each language: synonyms (a header "KPI" or "考核指标" names the
 * metric column), not translations of each other, so the lists may differ in length. Both are non-empty.
 */
export interface WordList {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

/** One area's word lists (headers, periods), keyed by what the words name. */
export type WordArea = Readonly<Record<string, WordList>>;
