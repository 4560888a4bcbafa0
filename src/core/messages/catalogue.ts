/**
 * The one message catalogue (DESIGN.md "Architecture"): every user-facing message of the core, the
 * functions, the command line and the task pane (its shell and its sections), keyed by id
 * (`area.name`, e.g. `input.cellIsText`), with English and Simplified Chinese text and typed parameters.
 * Core errors carry an id and its parameters ({@link Message}); each surface renders them in its language
 * with {@link render} or {@link renderMessage}. No text is ever translated back by pattern.
 *
 * Words the core recognises in what users type (header synonyms, forms of a period label) are lists, not
 * messages: they live beside the messages in {@link WORDS}.
 *
 * A template names its parameters in braces: `'{where} is text "{text}"'`. The parameter names are read from
 * the English template at compile time, so `render("input.cellIsText", { where, text }, "zh")` is checked by
 * TypeScript; a parameter is a string, a number (shown as JavaScript writes it) or another message (a place
 * such as `input.rangeRow`, a quantity such as `metrics.cac`), rendered in the same language.
 */
import { ANALYSIS } from "./analysis";
import { ANALYSIS_PANE } from "./analysisPane";
import { BTYD } from "./btyd";
import { CLI } from "./cli";
import { CSV } from "./csv";
import { DIRECTIONS } from "./directions";
import { HEADERS } from "./headers";
import { HISTORY_SHEET } from "./historySheet";
import { INPUT } from "./input";
import { LEGACY } from "./legacy";
import { METRICS } from "./metrics";
import { PANE } from "./pane";
import { PERIODS } from "./periods";
import { SCORECARD } from "./scorecard";
import { SCORECARD_PANE } from "./scorecardPane";
import { SCORECARD_SHEET } from "./scorecardSheet";
import { SHARING } from "./sharing";
import { SHARING_PANE } from "./sharingPane";
import type { Language, MessageArea, MessageEntry, WordArea } from "./types";

export type { Language, WordList } from "./types";

/** Every area of the catalogue. */
export const CATALOGUE = {
  input: INPUT,
  metrics: METRICS,
  btyd: BTYD,
  analysis: ANALYSIS,
  scorecard: SCORECARD,
  scorecardSheet: SCORECARD_SHEET,
  historySheet: HISTORY_SHEET,
  sharing: SHARING,
  csv: CSV,
  cli: CLI,
  pane: PANE,
  sharingPane: SHARING_PANE,
  scorecardPane: SCORECARD_PANE,
  analysisPane: ANALYSIS_PANE,
  legacy: LEGACY,
} as const satisfies Readonly<Record<string, MessageArea>>;

type Catalogue = typeof CATALOGUE;

/**
 * The recognised words, area by area: per entry a list of synonyms in each language (test/core/messages
 * checks them): `headers` the KPI table's header words per column role, `periods` the forms of a quarter label,
 * `directions` the words of the KPI table's Direction column.
 */
export const WORDS = {
  headers: HEADERS,
  periods: PERIODS,
  directions: DIRECTIONS,
} as const satisfies Readonly<Record<string, WordArea>>;

/** A message id: `area.name`. */
export type MessageId = {
  [A in keyof Catalogue]: `${A & string}.${keyof Catalogue[A] & string}`;
}[keyof Catalogue];

type EntryOf<I extends MessageId> = I extends `${infer A}.${infer K}`
  ? A extends keyof Catalogue
    ? K extends keyof Catalogue[A]
      ? Catalogue[A][K]
      : never
    : never
  : never;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A parameter value: text, a number, or a nested message rendered in the same language. */
export type ParamValue = string | number | Message;

/** The parameters of message `I`: exactly the names its template uses. */
export type ParamsOf<I extends MessageId> = {
  readonly [P in Placeholders<EntryOf<I> extends MessageEntry ? EntryOf<I>["en"] : never>]: ParamValue;
};

/** The arguments after the id: the parameters, or nothing for a message without any. */
export type ParamsArg<I extends MessageId> = [keyof ParamsOf<I>] extends [never] ? [] : [params: ParamsOf<I>];

/** The id of a message without parameters: a label, such as a sheet's column header. */
export type LabelId = { [I in MessageId]: ParamsArg<I> extends [] ? I : never }[MessageId];

/** A message ready to render: its id and parameters. */
export interface Message {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * A message value, typed by its id: `msg("input.rangeRow", { row: 3 })`.
 * @param id the message's id
 * @param params its parameters (omitted when it has none)
 */
export function msg<I extends MessageId>(id: I, ...params: ParamsArg<I>): Message {
  return { id, params: params[0] ?? {} };
}

/** The entry of an id, or undefined when the catalogue has no such id. */
export function entryOf(id: string): MessageEntry | undefined {
  const dot = id.indexOf(".");
  const area = (CATALOGUE as Readonly<Record<string, MessageArea>>)[id.slice(0, dot)];
  return dot < 0 || area === undefined ? undefined : area[id.slice(dot + 1)];
}

/** The parameter names a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(/\{(\w+)\}/g)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

function fill(template: string, params: Readonly<Record<string, ParamValue>>, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "object" ? renderMessage(v, language) : String(v);
  });
}

/**
 * A message in a language. A parameter the caller did not give stays as its `{name}` (TypeScript prevents
 * that; the fallback keeps a message readable if an untyped caller slips).
 * @example renderMessage(msg("input.argRequired", { arg: "margin" }), "zh") // "缺少必需参数 margin"
 */
export function renderMessage(message: Message, language: Language): string {
  const entry = entryOf(message.id);
  if (entry === undefined) return message.id;
  return fill(entry[language], message.params, language);
}

/**
 * Message `id` with its parameters in a language.
 * @example render("input.cellIsText", { where: msg("input.argCell", { arg: "scores", cell: msg("input.rangeRow", { row: 3 }) }), text: "n/a" }, "en")
 * // 'scores: row 3 of the range is text "n/a"'
 */
export function render<I extends MessageId>(id: I, params: ParamsOf<I>, language: Language): string {
  return renderMessage({ id, params: params }, language);
}

/**
 * Labels by key in a language, for a surface that names its fixed texts by place.
 * @example renderLabels({ title: "scorecardSheet.title" }, "zh") // { title: "CRM 平衡计分卡" }
 */
export function renderLabels<K extends string>(
  ids: Readonly<Record<K, LabelId>>,
  language: Language,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(ids) as K[]) {
    const id: LabelId = ids[key];
    out[key] = renderMessage(msg(id), language);
  }
  return out;
}

/** Every id of the catalogue, area by area. */
export function messageIds(): MessageId[] {
  const ids: string[] = [];
  for (const [area, entries] of Object.entries(CATALOGUE))
    for (const name of Object.keys(entries)) ids.push(`${area}.${name}`);
  return ids as MessageId[];
}

/** The language of an Office display-language tag: "zh" for zh-*, else "en". */
export function languageOf(tag: string | null | undefined): Language {
  return tag !== null && tag !== undefined && /^zh\b/i.test(tag) ? "zh" : "en";
}
