/**
 * Formulas as a file stores them. Excel writes functions added after Excel 2007 with a `_xlfn.` prefix in
 * the file (`_xlfn.PERCENTILE.INC(...)`); a file that stores the bare name shows `#NAME?` in Excel, although
 * LibreOffice forgives it. Office.js takes the bare names, so plans hold them bare and the file writers
 * call {@link fileFormula}.
 */

/** Functions of Excel 2010 and later that the file format prefixes with `_xlfn.` (the ones plans may use). */
export const XLFN_FUNCTIONS = [
  "AGGREGATE",
  "CONCAT",
  "IFNA",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "NORM.S.INV",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
] as const;

const PATTERN = new RegExp(
  `(^|[^A-Za-z0-9_.])(${XLFN_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`,
  "gi",
);

/**
 * A formula with `_xlfn.` before each newer function name, outside string literals. O(length).
 * @example fileFormula("=PERCENTILE.INC(A1:A9,0.2)") // "=_xlfn.PERCENTILE.INC(A1:A9,0.2)"
 */
export function fileFormula(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(PATTERN, (_, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}(`),
    )
    .join("");
}
