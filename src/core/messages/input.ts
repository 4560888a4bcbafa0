/**
 * Messages about Excel values given to the functions: where a cell is, what is wrong with it, missing or
 * mistyped arguments, ranges that do not fit together, and the adapters' own last-resort messages.
 * Places (`rangeRow`, `argCell`, …) are messages too: they are passed as the `{where}` of the others.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const INPUT = {
  // --- places -----------------------------------------------------------------------------------------------
  rangeRow: { en: "row {row} of the range", zh: "区域第 {row} 行" },
  rangeCell: { en: "row {row}, column {column} of the range", zh: "区域第 {row} 行第 {column} 列" },
  argCell: { en: "{arg}: {cell}", zh: "{arg}：{cell}" },
  listValue: { en: "{arg}: value {n}", zh: "{arg}：第 {n} 个值" },
  listResponse: { en: "{arg}: response {n}", zh: "{arg}：第 {n} 个回答" },

  // --- a cell of a range ------------------------------------------------------------------------------------
  cellIsText: { en: '{where} is text "{text}"', zh: '{where}是文本 "{text}"' },
  cellIsLogical: { en: "{where} is the logical value {value}", zh: "{where}是逻辑值 {value}" },
  cellIsOther: { en: "{where} is a {kind} value", zh: "{where}是 {kind} 类型的值" },
  cellNotFinite: { en: "{where} is not a finite number", zh: "{where}不是有限数值" },
  cellIsError: { en: "{where} is {error}", zh: "{where}是错误值 {error}" },
  cellIsErrorCode: { en: "{where} is an error ({code})", zh: "{where}是错误（{code}）" },
  blankBesideValue: { en: "{where} is blank but {other} has a value there", zh: "{where}为空，但 {other} 在此处有值" },

  // --- a whole argument -------------------------------------------------------------------------------------
  argRequired: { en: "{arg} is required", zh: "缺少必需参数 {arg}" },
  argIsText: { en: '{arg} is text "{text}", not a number', zh: '{arg} 是文本 "{text}"，不是数值' },
  argIsLogical: { en: "{arg} is the logical value {value}, not a number", zh: "{arg} 是逻辑值 {value}，不是数值" },
  argIsOther: { en: "{arg} is a {kind} value, not a number", zh: "{arg} 是 {kind} 类型的值，不是数值" },
  argNotFinite: { en: "{arg} is not a finite number", zh: "{arg} 不是有限数值" },
  argIsError: { en: "{arg} is {error}", zh: "{arg} 是错误值 {error}" },
  argIsErrorCode: { en: "{arg} is an error ({code})", zh: "{arg} 是错误（{code}）" },
  argNotSingle: { en: "{arg}: expected a single value, got a range of {rows}×{columns}", zh: "{arg}：应为单个值，而不是 {rows}×{columns} 的区域" },
  optionUnknown: { en: '{arg}: "{word}" is not one of {allowed}', zh: '{arg}："{word}" 不是可选值之一：{allowed}' },
  mustNotBeNegative: { en: "{arg}: {value} must not be negative", zh: "{arg}：{value} 不能为负数" },
  isZero: { en: "{arg} is 0", zh: "{arg} 为 0" },
  greaterThanMinusOne: { en: "{arg}: {value} must be greater than −1", zh: "{arg}：{value} 必须大于 −1" },

  // --- ranges that must fit together ------------------------------------------------------------------------
  sameShape: { en: "{arg}: a {shape} range must have the same shape as {other} ({otherShape})", zh: "{arg}：{shape} 的区域须与 {other}（{otherShape}）形状相同" },
  sameCells: { en: "{names} must be ranges with the same number of cells ({sizes})", zh: "{names} 必须是单元格数相同的区域（{sizes}）" },
  sameSize: { en: "{arg} and {other} must be the same size ({count} and {otherCount} cells)", zh: "{arg} 与 {other} 的大小须相同（{count} 与 {otherCount} 个单元格）" },
  paramsNotNumber: { en: "{where} holds {value}, not the fitted {name}", zh: "{where}为 {value}，不是拟合得到的 {name}" },
  paramsTooFew: { en: "{arg}: needs {names} in its first {count} cells (found {found} numbers)", zh: "{arg}：前 {count} 个单元格须为 {names}（只找到 {found} 个数值）" },
  datesAsText: { en: "{problem}; dates must be Excel dates (numbers), not text — convert with DATEVALUE", zh: "{problem}；日期须为 Excel 日期（数值），不能是文本——请用 DATEVALUE 转换" },

  // --- addresses ----------------------------------------------------------------------------------------------
  notCellAddress: { en: '"{address}" is not a cell address like A1', zh: '"{address}" 不是 A1 这样的单元格地址' },
  notRangeAddress: { en: '"{address}" is not a range like A1:G20', zh: '"{address}" 不是 A1:G20 这样的区域地址' },

  // --- results --------------------------------------------------------------------------------------------------
  tooLarge: { en: "{what} is too large to compute", zh: "{what} 过大，无法计算" },
  resultTooLarge: { en: "The result is too large to compute", zh: "结果过大，无法计算" },
  unexpected: { en: "Unexpected problem: {text}", zh: "意外问题：{text}" },
} as const satisfies MessageArea;
