/**
 * Messages about reading a .csv file (src/core/csv, said by the command line): how it was read, an encoding
 * it cannot be, and a file too large for a sheet.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const CSV = {
  readAs: { en: "Read {file} as {encoding}, separated by {separator}", zh: "已按 {encoding} 编码、以{separator}分隔读取 {file}" },
  readAsDecimalComma: { en: "Read {file} as {encoding}, separated by {separator}, with decimal commas (0,82 = 0.82)", zh: "已按 {encoding} 编码、以{separator}分隔读取 {file}，小数点为逗号（0,82 = 0.82）" },
  commas: { en: "commas", zh: "逗号" },
  semicolons: { en: "semicolons", zh: "分号" },
  tabs: { en: "tabs", zh: "制表符" },
  unknownEncoding: { en: '{file}: the text is neither UTF-8, UTF-16 nor GB18030; save it as "CSV UTF-8" and try again', zh: "{file}：文本既不是 UTF-8、UTF-16，也不是 GB18030；请另存为“CSV UTF-8”后重试" },
  tooWide: { en: "{file}: row {row} has {columns} columns, more than a sheet holds (16,384, up to column XFD)", zh: "{file}：第 {row} 行有 {columns} 列，超过工作表的上限（16,384 列，至 XFD 列）" },
  tooTall: { en: "{file}: {rows} rows, more than a sheet holds (1,048,576)", zh: "{file}：共 {rows} 行，超过工作表的上限（1,048,576 行）" },
} as const satisfies MessageArea;
