/**
 * Reads one file out of a .zip (an .xlsx) with node:zlib, to test what a writer stored in the package's XML
 * (e.g. `_xlfn.` prefixes) without a zip library: the central directory gives each entry's offset, the local
 * header its data, stored (method 0) or deflated (method 8).
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

/** The text of `entry` (e.g. "xl/worksheets/sheet1.xml") in the zip file at `file`. */
export function zipEntryText(file: string, entry: string): string {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (name === entry) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString("utf8");
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${file} has no ${entry}`);
}
