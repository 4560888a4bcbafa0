/**
 * The task pane's languages and its way to the message catalogue (src/core/messages: areas `pane`,
 * `sharingPane`, …): every text the pane shows is a catalogue id rendered by a `t(id, params)` bound to the
 * pane's language. The pane follows Office's display language (zh-* → Chinese, anything else → English) and
 * can be switched by the user (./language.ts).
 */
import {
  Language,
  languageOf,
  Message,
  MessageId,
  msg,
  ParamsArg,
  ParamsOf,
  ParamValue,
  renderMessage,
} from "../core/messages/catalogue";

export type Lang = Language;

/** The BCP 47 tag of each language, for `lang` attributes. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { en: "en", zh: "zh-CN" };

/** The locale whose digit grouping the pane writes numbers with (1,234 in both). */
const NUMBER_LOCALES: Readonly<Record<Lang, string>> = { en: "en-US", zh: "zh-CN" };

/** Chooses the pane's language from an Office display language tag such as "zh-CN" or "en-US". */
export function langFromDisplayLanguage(tag: string | undefined | null): Lang {
  return languageOf(tag);
}

/** A message rendered in the pane's language: `t("sharingPane.cancel")`, `t("sharingPane.failed", { message })`. */
export type Translate = <I extends MessageId>(id: I, ...params: ParamsArg<I>) => string;

/** A parameter with its numbers (also those of nested messages) written with the language's grouping. */
function localized(value: ParamValue, locale: string): ParamValue {
  if (typeof value === "number") return value.toLocaleString(locale);
  if (typeof value === "string") return value;
  const params: Record<string, ParamValue> = {};
  for (const [name, v] of Object.entries(value.params)) params[name] = localized(v, locale);
  return { id: value.id, params };
}

/**
 * The pane's `t`: renders a catalogue message in the language `getLang()` returns at each call, numbers
 * grouped as the language writes them (a pane shows counts, never measured values) unless `groupDigits` is
 * false (the scorecard section writes its numbers as JavaScript does: "1234 rows").
 * @example const t = translator(() => "en");
 * t("sharingPane.restored", { formulas: count(1234, "sharingPane.formulaOne", "sharingPane.formulaMany") })
 * // "Restored 1,234 formulas."
 */
export function translator(getLang: () => Lang, groupDigits = true): Translate {
  return (id, ...params) => {
    const lang = getLang();
    const message = msg(id, ...params);
    return renderMessage(groupDigits ? (localized(message, NUMBER_LOCALES[lang]) as Message) : message, lang);
  };
}

/** The ids of messages whose one parameter is a count `{n}` (`sharingPane.formulaMany`: "{n} formulas"). */
export type CountId = {
  [I in MessageId]: [keyof ParamsOf<I>] extends ["n"] ? (["n"] extends [keyof ParamsOf<I>] ? I : never) : never;
}[MessageId];

/** A count as a message: the `one` form for exactly 1, else `many` (English has a singular; Chinese does not). */
export function count(n: number, one: CountId, many: CountId): Message {
  return { id: n === 1 ? one : many, params: { n } };
}
