/**
 * Messages of Prepare for sharing (src/core/sharing): a freeze record that cannot be read, and a sheet
 * scan that does not match its used range.
 */
import type { MessageArea } from "./types";

// One entry a line, English and Chinese side by side (prettier would fold the long ones over three lines).
// prettier-ignore
export const SHARING = {
  // --- the record's entries ---------------------------------------------------------------------------------
  recordNotCell: { en: 'freeze record: "{address}" is not a cell address', zh: '冻结记录："{address}" 不是单元格地址' },
  recordNumber: { en: 'freeze record: {where} has the number "{value}"', zh: '冻结记录：{where} 的数值为 "{value}"' },
  recordLogical: { en: 'freeze record: {where} has the logical value "{value}"', zh: '冻结记录：{where} 的逻辑值为 "{value}"' },
  recordValueType: { en: 'freeze record: {where} has an unknown value type "{type}"', zh: '冻结记录：{where} 的值类型 "{type}" 未知' },
  recordSize: { en: 'freeze record: {where} has the size "{value}"', zh: '冻结记录：{where} 的大小为 "{value}"' },
  recordRoot: { en: "freeze record: the part is <{name}>, not a freeze record", zh: "冻结记录：该部件是 <{name}>，不是冻结记录" },
  recordVersion: { en: 'freeze record: version "{version}" is not known to this add-in (it reads {known})', zh: '冻结记录：本加载项不认识版本 "{version}"（它读取版本 {known}）' },
  recordSheetName: { en: "freeze record: a <sheet> has no name", zh: "冻结记录：有一个 <sheet> 没有名称" },
  recordNoFormula: { en: "freeze record: {where} has no formula", zh: "冻结记录：{where} 没有公式" },
  recordNoValue: { en: "freeze record: {where} has no value", zh: "冻结记录：{where} 没有值" },
  recordOperation: { en: 'freeze record: "{operation}" is not an operation id (letters, digits and "-")', zh: "冻结记录：“{operation}”不是操作标识（只能由字母、数字和“-”组成）" },
  recordSpill: { en: "freeze record: {where} spills {rows}×{columns} but records {count} values", zh: "冻结记录：{where} 溢出 {rows}×{columns}，但只记录了 {count} 个值" },

  // --- the record's XML ---------------------------------------------------------------------------------------
  xmlEntity: { en: "freeze record: unknown entity {entity} at character {at}", zh: "冻结记录：第 {at} 个字符处有未知实体 {entity}" },
  xmlProblem: { en: "freeze record: {what} at character {at}", zh: "冻结记录：第 {at} 个字符处{what}" },
  xmlUnterminatedPi: { en: "unterminated processing instruction", zh: "处理指令未结束" },
  xmlUnterminatedComment: { en: "unterminated comment", zh: "注释未结束" },
  xmlDoctype: { en: "a document type declaration is not allowed", zh: "不允许文档类型声明" },
  xmlExpectedName: { en: "expected a name", zh: "应为名称" },
  xmlExpectedLt: { en: "expected <", zh: "应为 <" },
  xmlUnterminatedStartTag: { en: "unterminated start tag", zh: "开始标记未结束" },
  xmlExpectedEquals: { en: "expected =", zh: "应为 =" },
  xmlExpectedQuote: { en: "expected a quoted attribute value", zh: "应为带引号的属性值" },
  xmlUnterminatedAttribute: { en: "unterminated attribute value", zh: "属性值未结束" },
  xmlLtInAttribute: { en: "< inside an attribute value", zh: "属性值中出现 <" },
  xmlNotClosed: { en: "element <{name}> is not closed", zh: "元素 <{name}> 未关闭" },
  xmlWrongClose: { en: "</{close}> closes <{open}>", zh: "</{close}> 关闭了 <{open}>" },
  xmlExpectedGt: { en: "expected >", zh: "应为 >" },
  xmlUnterminatedCdata: { en: "unterminated CDATA section", zh: "CDATA 段未结束" },
  xmlTrailingText: { en: "text after the root element", zh: "根元素之后还有文本" },

  // --- sheet scans --------------------------------------------------------------------------------------------
  scanNotRange: { en: 'sheet "{sheet}": the used range "{address}" is not a range address', zh: '工作表 "{sheet}"：已用区域 "{address}" 不是区域地址' },
  scanRows: { en: 'sheet "{sheet}": {rows} rows expected in the used range, got {formulas} formulas and {values} values', zh: '工作表 "{sheet}"：已用区域应有 {rows} 行，实际为 {formulas} 行公式和 {values} 行值' },
} as const satisfies MessageArea;
