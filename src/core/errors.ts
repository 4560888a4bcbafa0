/**
 * The core's one error type. Core functions never return NaN or Infinity and never throw anything else;
 * the adapters in src/functions turn a CrmError into the matching Excel error value, its message rendered
 * from the catalogue (src/core/messages) in Office's display language.
 */
import { entryOf, Language, Message, MessageId, msg, ParamsArg, ParamValue, renderMessage } from "./messages/catalogue";

/** Which Excel error a failure maps to (see DESIGN.md "Errors"). */
export type CrmErrorCode = "VALUE" | "NUM" | "DIV0" | "NA";

/**
 * A typed failure: `code` chooses the Excel error, `id` and `params` say what is wrong (naming the argument
 * and, for ranges, the first offending cell), and `message` is that text in English, for logs and tests.
 */
export class CrmError extends Error {
  readonly code: CrmErrorCode;
  readonly id: MessageId;
  readonly params: Readonly<Record<string, ParamValue>>;

  constructor(code: CrmErrorCode, message: Message) {
    super(renderMessage(message, "en"));
    this.name = "CrmError";
    this.code = code;
    this.id = message.id;
    this.params = message.params;
  }

  /** What is wrong, as a message value (to nest in another message). */
  get what(): Message {
    return { id: this.id, params: this.params };
  }

  /** The message in a language. */
  text(language: Language): string {
    return renderMessage(this.what, language);
  }
}

/**
 * The message of an error helper's arguments: a catalogue id and its parameters, or (deprecated) an English
 * text from code not yet moved to the catalogue, carried as `legacy.english`.
 */
function messageOf(idOrText: string, params: readonly unknown[]): Message {
  if (entryOf(idOrText) !== undefined) {
    return { id: idOrText as MessageId, params: (params[0] ?? {}) as Readonly<Record<string, ParamValue>> };
  }
  return msg("legacy.english", { text: idOrText });
}

/** `#VALUE!`: a value of the wrong kind (text where a number is needed, an unknown option word). */
export function valueError<I extends MessageId>(id: I, ...params: ParamsArg<I>): CrmError;
/** @deprecated English only: for src/core/scorecard/plan.ts until it moves to the catalogue (issue 9, phase two). */
export function valueError(englishText: string): CrmError;
export function valueError(id: string, ...params: unknown[]): CrmError {
  return new CrmError("VALUE", messageOf(id, params));
}

/** `#NUM!`: a number outside its domain. */
export function numError<I extends MessageId>(id: I, ...params: ParamsArg<I>): CrmError;
/** @deprecated English only: for src/core/scorecard/plan.ts until it moves to the catalogue (issue 9, phase two). */
export function numError(englishText: string): CrmError;
export function numError(id: string, ...params: unknown[]): CrmError {
  return new CrmError("NUM", messageOf(id, params));
}

/** `#DIV/0!`: nothing to divide by. */
export function div0Error<I extends MessageId>(id: I, ...params: ParamsArg<I>): CrmError {
  return new CrmError("DIV0", msg(id, ...params));
}

/** `#N/A`: a required value is missing, or a model cannot be fitted to this data. */
export function naError<I extends MessageId>(id: I, ...params: ParamsArg<I>): CrmError {
  return new CrmError("NA", msg(id, ...params));
}

/**
 * Guards a computed number: a core result is always finite. Use at the end of a computation whose
 * inputs were validated but whose arithmetic could still overflow.
 * @param x the result
 * @param what the quantity, as a message (`msg("metrics.cac")`), for "CAC is too large to compute"
 * @throws CrmError `#NUM!` when `x` is NaN or ±Infinity.
 */
export function finite(x: number, what: Message): number {
  if (!Number.isFinite(x)) throw numError("input.tooLarge", { what });
  return x;
}
