/**
 * The adapters' bridge to Excel: turns the core's CrmError (or anything unexpected) into a
 * `CustomFunctions.Error`, so a cell never shows NaN, Infinity or a raw exception. Messages come from the
 * catalogue (src/core/messages), rendered in Office's display language.
 */
import { CrmError, CrmErrorCode } from "../core/errors";
import { Language, languageOf, render } from "../core/messages/catalogue";

const EXCEL_CODE: Readonly<Record<CrmErrorCode, string>> = {
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
  NA: "#N/A",
};

/** Office's display language as a catalogue language: "zh" under a zh-* Office, else "en". */
export function displayLanguage(): Language {
  return languageOf(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
}

/**
 * Builds the `CustomFunctions.Error` for a core error. Excel displays a custom message only with
 * `#VALUE!` and `#N/A`; for the others the message is still attached (it shows in the debugger and tests).
 */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (e instanceof CrmError) {
    return new CustomFunctions.Error(EXCEL_CODE[e.code] as CustomFunctions.ErrorCode, e.text(displayLanguage()));
  }
  const text = e instanceof Error ? e.message : String(e);
  const message = render("input.unexpected", { text }, displayLanguage());
  return new CustomFunctions.Error("#VALUE!" as CustomFunctions.ErrorCode, message);
}

/* eslint-disable @typescript-eslint/only-throw-error -- Excel expects a thrown CustomFunctions.Error, which is not an Error subclass in every runtime */

/**
 * Runs an adapter body: returns its result, or throws the matching `CustomFunctions.Error`.
 * A result that is not finite (which core functions promise never to return) becomes `#NUM!`.
 */
export function excelCall<T extends number | string | number[][] | (number | string)[][]>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
    throw toExcelError(e);
  }
  return checkFinite(result);
}

/** Async variant of {@link excelCall} for adapters that read the workbook first. */
export async function excelCallAsync<T extends number | string | number[][] | (number | string)[][]>(
  body: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await body();
  } catch (e) {
    throw toExcelError(e);
  }
  return checkFinite(result);
}

function checkFinite<T>(result: T): T {
  const bad = (x: unknown): boolean => typeof x === "number" && !Number.isFinite(x);
  if (bad(result) || (Array.isArray(result) && result.some((row) => Array.isArray(row) && row.some(bad)))) {
    const message = render("input.resultTooLarge", {}, displayLanguage());
    throw new CustomFunctions.Error("#NUM!" as CustomFunctions.ErrorCode, message);
  }
  return result;
}
