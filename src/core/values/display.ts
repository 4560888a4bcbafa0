/**
 * Cell values as text for messages and labels: text shortened for quoting, numbers without float noise,
 * logical values as Excel writes them.
 */
import { errorTextOf } from "./errorValues";

/** Text as messages quote it: at most 40 characters (37 and "..."). */
export function shortText(v: string): string {
  return v.length > 40 ? v.slice(0, 37) + "..." : v;
}

/** A value shortened for quoting: `String(v)`, at most 40 characters. */
export function quotedValue(v: unknown): string {
  return shortText(String(v));
}

/** A logical value as Excel writes it. */
export function logicalText(v: boolean): string {
  return v ? "TRUE" : "FALSE";
}

/** A number for messages: 12 significant digits, so 0.1 + 0.2 shows as 0.3. */
export function numberText(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/**
 * A cell as display text: text trimmed, numbers as JavaScript writes them, logical values as TRUE/FALSE,
 * an error as its text, anything else (blank) as "".
 */
export function displayText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return logicalText(v);
  return errorTextOf(v) ?? "";
}
