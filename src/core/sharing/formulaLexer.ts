/**
 * Just enough of Excel's formula grammar to find function calls and cell references without being fooled
 * by text: string literals (`"CRM.NPS("` is text, `""` inside is a quote), quoted sheet names
 * (`'CRM.NPS(x'!A1`, `''` inside is a quote) and bracketed parts (structured references `Table1[[#This Row],[Col]]`,
 * external workbook indexes `[1]`) are single tokens, never searched inside.
 *
 * A *word* is a maximal run of the characters Excel allows in names, function names and references:
 * letters (any script), digits, `_`, `.`, `\`, `?` and `$`. Everything else is a one-character punctuation
 * token (operators, parentheses, `!`, `:`, `#`, spaces).
 */

export type Token =
  | { kind: "word"; text: string }
  | { kind: "string" }
  | { kind: "quoted"; text: string }
  | { kind: "bracket"; text: string }
  | { kind: "punct"; text: string };

/** True for characters that continue a word (see the module comment). Non-ASCII letters count as letters. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 46 || // .
    code === 92 || // \
    code === 63 || // ?
    code === 36 || // $
    (code > 127 && code !== 0x3000 && code !== 0xa0) // other scripts, except the ideographic and no-break spaces
  );
}

/**
 * Splits a formula (with or without its leading `=`) into tokens. O(length). An unterminated string,
 * quote or bracket runs to the end of the formula (Excel would not have accepted it; we just stay safe).
 */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const n = formula.length;
  let i = formula.startsWith("=") ? 1 : 0;
  while (i < n) {
    const code = formula.charCodeAt(i);
    if (code === 34) {
      // "text" with "" as an escaped quote
      i++;
      while (i < n) {
        if (formula.charCodeAt(i) === 34) {
          if (formula.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      i++;
      tokens.push({ kind: "string" });
    } else if (code === 39) {
      // 'quoted sheet name' with '' as an escaped quote
      let text = "";
      i++;
      while (i < n) {
        const c = formula.charCodeAt(i);
        if (c === 39) {
          if (formula.charCodeAt(i + 1) === 39) {
            text += "'";
            i += 2;
          } else break;
        } else {
          text += formula[i];
          i++;
        }
      }
      i++;
      tokens.push({ kind: "quoted", text });
    } else if (code === 91) {
      // [bracket], nested for structured references; ' escapes the next character inside them
      const start = i;
      let depth = 0;
      while (i < n) {
        const c = formula.charCodeAt(i);
        if (c === 39) i += 2;
        else {
          if (c === 91) depth++;
          else if (c === 93) depth--;
          i++;
          if (depth === 0) break;
        }
      }
      tokens.push({ kind: "bracket", text: formula.slice(start, i) });
    } else if (isWordChar(code)) {
      const start = i;
      while (i < n && isWordChar(formula.charCodeAt(i))) i++;
      tokens.push({ kind: "word", text: formula.slice(start, i) });
    } else {
      tokens.push({ kind: "punct", text: formula[i]! });
      i++;
    }
  }
  return tokens;
}
