/**
 * A1-style addresses as Excel reports them (`Sheet1!C2:C9`, `'Q1 data'!A:A`, `'O''Brien'!B3`).
 */

/** A sheet-qualified address split into its sheet name (unquoted) and its range part. */
export interface SheetAddress {
  sheet: string | null;
  range: string;
}

/**
 * Splits `Sheet!A1:B2` into sheet and range, unquoting `'My sheet'` and doubled quotes.
 * @example splitAddress("'O''Brien'!B3") // { sheet: "O'Brien", range: "B3" }
 */
export function splitAddress(address: string): SheetAddress {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/**
 * Quotes a sheet name for use in a formula or address when needed (`'Q1 data'`, `'O''Brien'`).
 * @example quoteSheet("Sheet1") // "Sheet1"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
