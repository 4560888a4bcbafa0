/**
 * Simplified Chinese for the messages Excel shows with `#VALUE!` and `#N/A` (the only errors whose message
 * Excel displays). The core writes its messages in English from a small grammar — "<argument>: row R[, column C]
 * of the range is <what>", "<argument> is required", "<model> fit is impossible…" — and this table renders that
 * grammar in Chinese. Argument names stay as Excel shows them (they are the same in both languages); a message
 * this table does not know is shown in English rather than half-translated.
 */

type Rule = [RegExp, (...groups: string[]) => string | null];

/** "<argument>: row R[, column C] of the range" → "<argument>：区域第 R 行[第 C 列]". */
const PLACE = /^([^:：]+): row (\d+)(?:, column (\d+))? of the range /;

/** What a cell is ("is text "n/a"", "is not a finite number", …). */
const WHAT: Rule[] = [
  [/^is text "(.*)"$/s, (t) => `是文本 "${t}"`],
  [/^is the logical value (TRUE|FALSE)$/, (b) => `是逻辑值 ${b}`],
  [/^is not a finite number$/, () => "不是有限数值"],
  [/^is (#[A-Z0-9/!?]+)$/, (e) => `是错误值 ${e}`],
  [/^is an error \((.*)\)$/, (e) => `是错误（${e}）`],
  [/^is (-?[0-9.e+-]+); NPS scores are whole numbers from 0 to 10$/, (x) => `是 ${x}；NPS 得分须为 0 到 10 的整数`],
  [/^is blank but (\w+) has a value there$/, (other) => `为空，但 ${other} 在此处有值`],
  [/^holds (.*), not the fitted (\w+)$/, (v, name) => `为 ${v}，不是拟合得到的 ${name}`],
];

const WHOLE: Rule[] = [
  [/^(\w+) is required$/, (a) => `缺少必需参数 ${a}`],
  [/^(\w+) is text "(.*)", not a number$/s, (a, t) => `${a} 是文本 "${t}"，不是数值`],
  [/^(\w+) is the logical value (TRUE|FALSE), not a number$/, (a, b) => `${a} 是逻辑值 ${b}，不是数值`],
  [/^(\w+) is (#[A-Z0-9/!?]+)$/, (a, e) => `${a} 是错误值 ${e}`],
  [
    /^(\w+): expected a single value, got a range of (\d+)×(\d+)$/,
    (a, r, c) => `${a}：应为单个值，而不是 ${r}×${c} 的区域`,
  ],
  [/^(\w+): "(.*)" is not one of (.*)$/s, (a, w, list) => `${a}："${w}" 不是可选值之一：${list}`],
  [
    /^(.*) must be ranges with the same number of cells \((.*)\)$/,
    (names, sizes) => `${names} 必须是单元格数相同的区域（${sizes}）`,
  ],
  [
    /^(.*) must have one value per (transaction|customer) \(got (.*)\)$/,
    (names, unit, got) => `${names} 必须每个${unit === "transaction" ? "交易" : "客户"}各有一个值（实际为 ${got}）`,
  ],
  [
    /^(\w+): needs (.*) in its first (\d+) cells \(found (\d+) numbers\)$/,
    (a, names, k, found) => `${a}：前 ${k} 个单元格须为 ${names}（只找到 ${found} 个数值）`,
  ],
  [
    /^(\w+): a (\d+×\d+) range must have the same shape as (\w+) \((\d+×\d+)\)$/,
    (a, shape, other, shape2) => `${a}：${shape} 的区域须与 ${other}（${shape2}）形状相同`,
  ],
  [
    /^(\w+) and (\w+) must be the same size \((\d+) and (\d+) cells\)$/,
    (a, b, m, n) => `${a} 与 ${b} 的大小须相同（${m} 与 ${n} 个单元格）`,
  ],
  [/^the transaction log is empty$/, () => "交易记录为空"],
  [/^no transaction falls on or before the as-of date$/, () => "截至日期当天或之前没有交易"],
  [/^(.*) fit needs customers; the ranges hold none$/, (m) => `${m} 拟合需要客户数据，但区域中没有`],
  [
    /^(.*) fit is impossible: no customer has a repeat purchase \(every frequency is 0\)$/,
    (m) => `无法拟合 ${m}：没有客户重复购买（所有频次均为 0）`,
  ],
  [
    /^(.*) fit is impossible: all (?:customers|repeat buyers) have the same (.*)$/,
    (m) => `无法拟合 ${m}：所有客户的数据完全相同`,
  ],
  [
    /^(.*) fit is impossible on this data: (.*?) \(.*\)$/,
    (m, drift) => `无法在此数据上拟合 ${m}：${drift}（数据无法识别该模型）`,
  ],
  [
    /^(.*) fit did not converge \((.*) after (\d+) iterations\)$/,
    (m, status, n) => `${m} 拟合未收敛（${n} 次迭代后：${status}）`,
  ],
  [
    /^(.*); dates must be Excel dates \(numbers\), not text — convert with DATEVALUE$/,
    (head) => {
      const zh = messageZh(head);
      return zh === null ? null : `${zh}；日期须为 Excel 日期（数值），不能是文本——请用 DATEVALUE 转换`;
    },
  ],
];

/**
 * The Chinese rendering of a function's error message, or null when the message is not one this table knows.
 * @example messageZh('scores: row 3 of the range is text "n/a"') // 'scores：区域第 3 行是文本 "n/a"'
 */
export function messageZh(message: string): string | null {
  for (const [re, render] of WHOLE) {
    const m = re.exec(message);
    if (m) return render(...m.slice(1).map((g) => g ?? ""));
  }
  const p = PLACE.exec(message);
  if (!p) return null;
  const [, argument, row, column] = p;
  const where = `${argument}：区域第 ${row} 行${column ? `第 ${column} 列` : ""}`;
  const rest = message.slice(p[0].length);
  for (const [re, render] of WHAT) {
    const m = re.exec(rest);
    if (m) {
      const what = render(...m.slice(1).map((g) => g ?? ""));
      return what === null ? null : where + what;
    }
  }
  return null;
}
