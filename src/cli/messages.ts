/**
 * The command line's own messages (files, sheets, encodings, interruptions), in English and Simplified
 * Chinese. Problems in the KPI table come from the core with their own two languages; these are the rest.
 * The language is --lang, else the language of the input's headers once the table has been read, else
 * English.
 */
import type { CsvEncoding } from "../core/csv/encoding";
import type { CsvSeparator, DecimalMark } from "../core/csv/parse";
import type { ScorecardLanguage } from "../core/scorecard/labels";

type Text = Readonly<Record<ScorecardLanguage, string>>;

const SEPARATOR_NAMES: Readonly<Record<CsvSeparator, Text>> = {
  ",": { en: "commas", zh: "逗号" },
  ";": { en: "semicolons", zh: "分号" },
  "\t": { en: "tabs", zh: "制表符" },
};

/** Why a text cannot name a sheet, or null when it can (Excel's rules). */
export function sheetNameProblem(name: string): Text | null {
  if (name.length === 0 || name.length > 31) {
    return { en: "a sheet name has 1 to 31 characters", zh: "工作表名称须为 1 到 31 个字符" };
  }
  if (/[[\]:*?/\\]/.test(name)) {
    return { en: "a sheet name cannot contain : \\ / ? * [ ]", zh: "工作表名称不能包含 : \\ / ? * [ ]" };
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    return {
      en: "a sheet name cannot begin or end with an apostrophe (')",
      zh: "工作表名称不能以撇号（'）开头或结尾",
    };
  }
  if (name.toLowerCase() === "history") {
    return { en: 'Excel reserves the name "History"', zh: "“History”是 Excel 保留的名称" };
  }
  return null;
}

/** The command line's messages, each in both languages. */
export const cliMessages = {
  noSuchFile: (file: string): Text => ({ en: `${file}: no such file`, zh: `${file}：文件不存在` }),
  isFolder: (file: string): Text => ({
    en: `${file} is a folder, not a file: give the .csv or .xlsx file itself`,
    zh: `${file} 是文件夹，不是文件：请给出 .csv 或 .xlsx 文件本身`,
  }),
  cannotRead: (file: string, reason: string): Text => ({
    en: `${file}: cannot read it (${reason})`,
    zh: `${file}：无法读取（${reason}）`,
  }),
  notXlsx: (file: string, reason: string): Text => ({
    en: `${file}: not a readable .xlsx file (${reason})`,
    zh: `${file}：不是可读取的 .xlsx 文件（${reason}）`,
  }),
  unknownEncoding: (file: string): Text => ({
    en: `${file}: the text is neither UTF-8, UTF-16 nor GB18030; save it as "CSV UTF-8" and try again`,
    zh: `${file}：文本既不是 UTF-8、UTF-16，也不是 GB18030；请另存为“CSV UTF-8”后重试`,
  }),
  readAs: (file: string, encoding: CsvEncoding, separator: CsvSeparator, decimalMark: DecimalMark): Text => ({
    en:
      `Read ${file} as ${encoding}, separated by ${SEPARATOR_NAMES[separator].en}` +
      (decimalMark === "," ? ", with decimal commas (0,82 = 0.82)" : ""),
    zh:
      `已按 ${encoding} 编码、以${SEPARATOR_NAMES[separator].zh}分隔读取 ${file}` +
      (decimalMark === "," ? "，小数点为逗号（0,82 = 0.82）" : ""),
  }),
  tooWide: (file: string, row: number, columns: number): Text => ({
    en: `${file}: row ${row} has ${columns.toLocaleString("en")} columns, more than a sheet holds (16,384, up to column XFD)`,
    zh: `${file}：第 ${row} 行有 ${columns.toLocaleString("en")} 列，超过工作表的上限（16,384 列，至 XFD 列）`,
  }),
  tooTall: (file: string, rows: number): Text => ({
    en: `${file}: ${rows.toLocaleString("en")} rows, more than a sheet holds (1,048,576)`,
    zh: `${file}：共 ${rows.toLocaleString("en")} 行，超过工作表的上限（1,048,576 行）`,
  }),
  badSheetName: (name: string, why: Text): Text => ({
    en: `--sheet "${name}" cannot name a sheet: ${why.en}`,
    zh: `--sheet “${name}”不能用作工作表名称：${why.zh}`,
  }),
  noSheet: (file: string, name: string, names: readonly string[]): Text => ({
    en: `${file}: no sheet named "${name}" (sheets: ${names.map((n) => `"${n}"`).join(", ")})`,
    zh: `${file}：没有名为“${name}”的工作表（工作表：${names.map((n) => `“${n}”`).join("、")}）`,
  }),
  emptySheet: (file: string, sheet: string): Text => ({
    en: `${file}: sheet "${sheet}" is empty`,
    zh: `${file}：工作表“${sheet}”是空的`,
  }),
  emptyRange: (file: string, range: string, sheet: string): Text => ({
    en: `${file}: the range ${range} on sheet "${sheet}" holds no values`,
    zh: `${file}：工作表“${sheet}”的区域 ${range} 中没有任何值`,
  }),
  outExists: (out: string): Text => ({
    en: `${out} already exists; use --force to overwrite it`,
    zh: `${out} 已存在；如要覆盖，请加 --force`,
  }),
  cannotWrite: (out: string, reason: string): Text => ({
    en: `${out}: cannot write (${reason})`,
    zh: `${out}：无法写入（${reason}）`,
  }),
  interrupted: (signal: string): Text => ({
    en: `crm-scorecard: stopped by ${signal}; no output file was written`,
    zh: `crm-scorecard：已被 ${signal} 中止；未写入输出文件`,
  }),
  unexpected: (reason: string): Text => ({
    en: `crm-scorecard: unexpected failure: ${reason}`,
    zh: `crm-scorecard：意外失败：${reason}`,
  }),
};
