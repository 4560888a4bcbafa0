/**
 * CSV text into rows of cell values, in the dialect a spreadsheet program wrote it: the field separator
 * (comma; semicolon where the decimal mark is a comma, as Excel's "CSV" in German, French or Russian
 * locales; tab for Excel's "Unicode Text") and the decimal mark ("0.82" or "0,82").
 */

/** The field separators the command line reads. */
export type CsvSeparator = "," | ";" | "\t";

/** The decimal mark of the numbers in a file. */
export type DecimalMark = "." | ",";

/** How a file is written: its separator and decimal mark. */
export interface CsvDialect {
  separator: CsvSeparator;
  decimalMark: DecimalMark;
}

/** A cell as a spreadsheet opening the file shows it: a number, a text, or blank. */
export type CsvValue = string | number | null;

const SEPARATORS: readonly CsvSeparator[] = [",", ";", "\t"];
/** How many lines separator and decimal-mark detection look at: enough for a header and some rows. */
const SAMPLE_LINES = 50;

/**
 * Splits CSV text into rows of raw fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF; quotes
 * removed, nothing converted). A leading byte-order mark is dropped. Stops after `maxRows` rows.
 * Cost: O(n).
 * @example splitCsv('a;"b;c"\n1;2', ";") // [["a", "b;c"], ["1", "2"]]
 */
export function splitCsv(textIn: string, separator: CsvSeparator, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  scanCsv(textIn, separator, maxRows, (fields) => rows.push(fields), false);
  return rows;
}

/**
 * One quoted field from `text[i]` (a quote) to the next separator or line end outside quotes: doubled quotes
 * are one quote, a quote that opens an empty field starts quoting, any other quote is kept. Returns the
 * field and where it ended.
 */
function quotedField(text: string, i: number, separator: string): [string, number] {
  let field = "";
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator || ch === "\n" || ch === "\r") break;
    else field += ch;
  }
  return [field, i];
}

/**
 * The scanner behind {@link splitCsv} and {@link eachCsvRow}: calls `onRow` with each row's raw fields, in
 * order, up to `maxRows` rows. A field that does not start with a quote runs to the next separator or line
 * end and is a slice of the text (no character-by-character building: a million-row log reads in a fraction
 * of the time); a quoted one goes through {@link quotedField}. With `reuse`, one array is refilled for every
 * row (the caller copies what it keeps). Cost: O(n).
 */
function scanCsv(
  textIn: string,
  separator: CsvSeparator,
  maxRows: number,
  onRow: (fields: string[]) => void,
  reuse: boolean,
): void {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let rows = 0;
  let i = 0;
  while (i < n && rows < maxRows) {
    let field: string;
    if (text.charCodeAt(i) === 34) [field, i] = quotedField(text, i, separator);
    else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === sep || c === 10 || c === 13) break;
      }
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i++);
    if (c === sep) {
      if (i >= n) fields.push(""); // a separator just before the end: one more, empty field
      continue;
    }
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    onRow(fields);
    rows++;
    if (reuse) fields.length = 0;
    else fields = [];
  }
  if (rows < maxRows && fields.length > 0) onRow(fields);
}

/** Excel's hint line `sep=;` at the top of a file: the separator it names, or null. */
function sepLine(text: string): CsvSeparator | null {
  const m = /^\uFEFF?sep=(.)\r?\n/i.exec(text);
  const s = m?.[1];
  return s !== undefined && (SEPARATORS as readonly string[]).includes(s) ? (s as CsvSeparator) : null;
}

/**
 * The field separator of CSV text: the candidate (comma, semicolon, tab) that splits the header row into
 * at least two fields and gives the most of the first 50 rows the header's number of fields; ties go to
 * comma, then semicolon. Excel's `sep=;` first line decides when present. A one-column file is comma.
 * Cost: O(size of the first 50 rows).
 * @example detectSeparator("Metric;Perspective;Actual\nRevenue;Financial;0,10\n") // ";"
 */
export function detectSeparator(text: string): CsvSeparator {
  const hinted = sepLine(text);
  if (hinted !== null) return hinted;
  let best: CsvSeparator = ",";
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const rows = splitCsv(text, sep, SAMPLE_LINES).filter((r) => r.length > 1 || r[0] !== "");
    const header = rows[0]?.length ?? 0;
    if (header < 2) continue;
    const score = rows.filter((r) => r.length === header).length;
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** A number written with a decimal comma that cannot be a comma-grouped thousand ("0,82", "12,5", "1,2345"). */
const COMMA_DECIMAL = /^[+-]?(\d+,\d+|,\d+)\s*%?$/;
const COMMA_GROUPING = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;
/** A number written with a decimal point that cannot be a dot-grouped thousand ("0.82", "1.2345"). */
const DOT_DECIMAL = /^[+-]?(\d+\.\d+|\.\d+)\s*%?$/;
const DOT_GROUPING = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;

/**
 * The decimal mark of a file's numbers. A comma-separated file uses a point. A semicolon- or
 * tab-separated file uses a comma when some field is a number with a decimal comma that cannot be a
 * thousands group ("0,82", "12,5") and none is a number with a decimal point that cannot be one ("0.82"):
 * a file mixing both keeps the point, so that its comma numbers are reported as text rather than read
 * 1,000 times too large or small. Looks at the first 50 rows. Cost: O(size of those rows).
 * @example detectDecimalMark("a;b\nx;0,82\n", ";") // ","
 */
export function detectDecimalMark(text: string, separator: CsvSeparator): DecimalMark {
  if (separator === ",") return ".";
  let comma = 0;
  let dot = 0;
  for (const row of splitCsv(text, separator, SAMPLE_LINES)) {
    for (const raw of row) {
      const s = raw.trim();
      if (COMMA_DECIMAL.test(s) && !COMMA_GROUPING.test(s)) comma++;
      if (DOT_DECIMAL.test(s) && !DOT_GROUPING.test(s)) dot++;
    }
  }
  return comma > 0 && dot === 0 ? "," : ".";
}

/** Separator and decimal mark of CSV text, detected as {@link detectSeparator} and {@link detectDecimalMark} say. */
export function detectDialect(text: string): CsvDialect {
  const separator = detectSeparator(text);
  return { separator, decimalMark: detectDecimalMark(text, separator) };
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}([. \u00A0\u202F]\d{3})+(,\d*)?$/;

/** Whether a character code can start a number: a sign, a digit, a point or a comma (the patterns above). */
function startsNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44;
}

function numberIn(s: string, decimalMark: DecimalMark): number | null {
  if (!startsNumber(s.charCodeAt(0))) return null; // ids, names, categories: no pattern can match
  if (decimalMark === ".") {
    if (PLAIN.test(s)) return Number(s);
    if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  } else {
    if (PLAIN_COMMA.test(s)) return Number(s.replace(",", "."));
    if (GROUPED_COMMA.test(s)) return Number(s.replace(/[. \u00A0\u202F]/g, "").replace(",", "."));
  }
  return null;
}

/**
 * A field's value as a spreadsheet opening the file shows it, quoted or not: "" → null; numbers → numbers
 * (with a point: "1,200.5", "-3e2"; with a decimal comma: "0,82", "1.200,5", "1 200,5"); percentages
 * ("85%", "85,5 %") → fractions; everything else stays text, untrimmed (a text starting with "=" stays
 * text: it is never written as a formula).
 * @example csvValue("85,5 %", ",") // 0.855
 */
export function csvValue(raw: string, decimalMark: DecimalMark = "."): CsvValue {
  const s = raw.trim();
  if (s === "") return null;
  const n = numberIn(s, decimalMark);
  if (n !== null) return n;
  if (s.endsWith("%")) {
    const p = numberIn(s.slice(0, -1).trim(), decimalMark);
    if (p !== null) return p / 100;
  }
  return raw;
}

/**
 * Parses CSV text into rows of cell values (see {@link csvValue}), in the given dialect or, without one,
 * the detected one ({@link detectDialect}). Excel's `sep=` first line is dropped. Rows keep their own
 * lengths. Cost: O(n).
 * @example parseCsv("Metric;Actual\nNPS;0,42\n") // [["Metric", "Actual"], ["NPS", 0.42]]
 */
export function parseCsv(text: string, dialect: CsvDialect = detectDialect(text)): CsvValue[][] {
  const body = sepLine(text) !== null ? text.replace(/^\uFEFF?sep=.\r?\n/i, "") : text;
  return splitCsv(body, dialect.separator).map((r) => r.map((v) => csvValue(v, dialect.decimalMark)));
}

/**
 * The rows {@link parseCsv} returns, one at a time, without holding them all: `visit` gets each row's values
 * (in an array refilled for the next row: copy what you keep) and its index (0 = the first row). For logs
 * of a million rows, where a million row arrays would outlive the parse. Stops after `maxRows` rows.
 * Cost: O(n).
 * @example eachCsvRow("a,b\n1,x\n", { separator: ",", decimalMark: "." }, (row, i) => console.log(i, row))
 * // 0 ["a", "b"], then 1 [1, "x"]
 */
export function eachCsvRow(
  text: string,
  dialect: CsvDialect,
  visit: (values: readonly CsvValue[], index: number) => void,
  maxRows = Infinity,
): void {
  const body = sepLine(text) !== null ? text.replace(/^\uFEFF?sep=.\r?\n/i, "") : text;
  const values: CsvValue[] = [];
  let index = 0;
  scanCsv(
    body,
    dialect.separator,
    maxRows,
    (fields) => {
      values.length = fields.length;
      for (let j = 0; j < fields.length; j++) values[j] = csvValue(fields[j]!, dialect.decimalMark);
      visit(values, index++);
    },
    true,
  );
}
