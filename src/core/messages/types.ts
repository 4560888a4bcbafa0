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
