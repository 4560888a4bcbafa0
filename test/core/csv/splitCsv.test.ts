/**
 * splitCsv slices unquoted fields out of the text instead of building them a character at a time (issue 11,
 * "Speed"): it must split every text exactly as the character-by-character scanner it replaced, which is kept
 * here as the reference; eachCsvRow must give parseCsv's rows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSeparator, CsvValue, eachCsvRow, parseCsv, splitCsv } from "../../../src/core/csv/parse";

/** The scanner splitCsv had before (commit 344c72c), verbatim: the reference. */
function referenceSplit(textIn: string, separator: CsvSeparator, maxRows = Infinity): string[][] {
  const text = textIn.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = (): void => {
    row.push(field);
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === separator) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (rows.length < maxRows && (field !== "" || wasQuoted || row.length > 0)) {
    endField();
    rows.push(row);
  }
  return rows;
}

const csvText = fc
  .array(fc.constantFrom("a", "1", " ", ",", ";", "\t", '"', "\n", "\r", "\r\n", "\uFEFF", "é"), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("splitCsv: the same rows as the character-by-character scanner", () => {
  it("hand-made cases: quotes, doubled quotes, a quote inside a field, CRLF, a trailing separator, a BOM", () => {
    const cases = ['a,"b,c"\r\n1,2', '"x""y",z', 'ab"c,d', "a,\n", "a,", '\uFEFF""', '"a"b,c\rd', "\n\n", ""];
    for (const text of cases) expect(splitCsv(text, ",")).toEqual(referenceSplit(text, ","));
    expect(splitCsv('a;"b;c"\n1;2', ";")).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
  });

  it("any text over separators, quotes and line ends, with any separator and row limit", () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom<CsvSeparator>(",", ";", "\t"), fc.integer({ min: 1, max: 6 }), (t, s, k) => {
        expect(splitCsv(t, s)).toEqual(referenceSplit(t, s));
        expect(splitCsv(t, s, k)).toEqual(referenceSplit(t, s, k));
      }),
      { numRuns: 2000 },
    );
  });

  it("eachCsvRow visits parseCsv's rows in order (sep= line dropped, numbers converted)", () => {
    fc.assert(
      fc.property(csvText, (t) => {
        const text = `sep=;\n${t}`;
        const dialect = { separator: ";", decimalMark: "," } as const;
        const seen: CsvValue[][] = [];
        eachCsvRow(text, dialect, (row, i) => {
          expect(i).toBe(seen.length);
          seen.push([...row]);
        });
        expect(seen).toEqual(parseCsv(text, dialect));
      }),
      { numRuns: 500 },
    );
  });
});
