/**
 * Which text encoding a CSV file's bytes are in, and the text they hold. Spreadsheet programs save "CSV" in
 * the user's code page: UTF-8 ("CSV UTF-8"), UTF-16 with a byte-order mark ("Unicode Text"), or, in
 * Chinese Excel, GB18030 (a superset of GBK and GB2312). The order of the checks is what makes the guess
 * safe: a byte-order mark is certain; valid UTF-8 is almost never anything else (a GB18030 or Latin text
 * passes UTF-8's strict check only when it is plain ASCII, which reads the same in both); GB18030 comes last.
 */

/** The encodings the command line reads. */
export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: CsvEncoding;
  /** Whether the bytes began with a byte-order mark. */
  bom: boolean;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: text that is mostly ASCII (as CSV headers,
 * separators and digits are) has a zero in every other byte. Returns the byte order, or null.
 */
function bomlessUtf16(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return "UTF-16LE";
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return "UTF-16BE";
  return null;
}

/**
 * Decodes a CSV file's bytes: a byte-order mark (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF) decides;
 * else UTF-16 recognised by its zero bytes; else UTF-8 when the bytes are valid UTF-8; else GB18030.
 * Bytes that are not valid in the chosen encoding are refused, never replaced by U+FFFD. Cost: O(n).
 * @returns the text, or null when the bytes are valid in none of these encodings (e.g. Windows-1252 with
 * accented letters followed by punctuation).
 * @example decodeCsvBytes(new Uint8Array([0xd6, 0xb8, 0xb1, 0xea]))
 * // { text: "\u6307\u6807", encoding: "GB18030", bom: false } (the Chinese word for "metric")
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText | null {
  const boms: [number[], CsvEncoding][] = [
    [[0xef, 0xbb, 0xbf], "UTF-8"],
    [[0xff, 0xfe], "UTF-16LE"],
    [[0xfe, 0xff], "UTF-16BE"],
  ];
  for (const [mark, encoding] of boms) {
    if (mark.every((b, i) => bytes[i] === b)) {
      const text = decode(encoding.toLowerCase(), bytes.subarray(mark.length));
      return text === null ? null : { text, encoding, bom: true };
    }
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16 !== null) {
    const text = decode(utf16.toLowerCase(), bytes);
    if (text !== null) return { text, encoding: utf16, bom: false };
  }
  const utf8 = decode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8", bom: false };
  const gb = decode("gb18030", bytes);
  if (gb !== null) return { text: gb, encoding: "GB18030", bom: false };
  return null;
}
