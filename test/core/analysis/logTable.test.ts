/**
 * Reading a transaction log from a table with a header row (the command line's input): headers in English
 * or Chinese, blank rows skipped, every problem with its cell address, dates as serials, ISO texts or the
 * YYYYMMDD numbers a .csv gives.
 */
import { describe, expect, it } from "vitest";
import { dateSerial, readTransactionLog } from "../../../src/core/analysis/logTable";
import { renderMessage } from "../../../src/core/messages/catalogue";
import { excelSerial } from "../../../src/core/values/dates";

const texts = (ms: readonly { id: string; params: object }[], language: "en" | "zh" = "en"): string[] =>
  ms.map((m) => renderMessage(m as Parameters<typeof renderMessage>[0], language));

describe("readTransactionLog", () => {
  it("finds English headers in any case and order, skips blank rows, keeps refunds", () => {
    const r = readTransactionLog([
      ["Amount", " Customer ID ", "Date", "Category"],
      [10, "A", 45658, "Books"],
      [null, "", "", null],
      [-4, "B", "2025-01-03", null],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual({ customer: 1, date: 2, amount: 0, category: 3 });
    expect(r.language).toBe("en");
    expect(r.log).toEqual({
      customerIds: ["A", "B"],
      dates: [45658, 45660],
      amounts: [10, -4],
      categories: ["Books", null],
    });
    expect(r.transactions).toBe(2);
  });

  it("finds Chinese headers and says so; no category column means no categories", () => {
    const r = readTransactionLog([
      ["客户编号", "交易日期", "消费金额"],
      [1001, 45658, 5],
    ]);
    expect(r.language).toBe("zh");
    expect(r.log).toEqual({ customerIds: [1001], dates: [45658], amounts: [5] });
  });

  it("names the missing columns, in both languages", () => {
    const r = readTransactionLog([["customer", "when", "price"]]);
    expect(r.log).toBeNull();
    expect(texts(r.problems)).toEqual([
      "no date column: the header row must name the customer, date and amount columns (for example customer, date, amount)",
      "no amount column: the header row must name the customer, date and amount columns (for example customer, date, amount)",
    ]);
    expect(texts(r.problems, "zh")[0]).toBe("缺少日期列：标题行须写明客户、日期和金额列（例如 客户、日期、金额）");
  });

  it("reports text amounts, text dates (with how to convert) and half-blank rows by cell, from the table's origin", () => {
    const r = readTransactionLog(
      [
        ["customer", "date", "amount"],
        ["A", "03/01/2025", 5],
        ["B", 45658, "12,50"],
        ["", 45658, 3],
      ],
      { row: 4, column: 1 },
    );
    expect(r.log).toBeNull();
    expect(texts(r.problems)).toEqual([
      'C6 (date) is the text "03/01/2025", not a date: write dates as YYYY-MM-DD or as spreadsheet dates (in Excel, DATEVALUE converts text to dates)',
      'D7 (amount) is the text "12,50"; amounts must be numbers (in Excel, VALUE converts text to numbers)',
      "B8 (customer) is blank but its row has other values",
    ]);
  });

  it("lists 20 problems, then how many more", () => {
    const rows: unknown[][] = [["customer", "date", "amount"]];
    for (let i = 0; i < 25; i++) rows.push(["A", 45658, "n/a"]);
    const r = readTransactionLog(rows);
    expect(r.problems).toHaveLength(21);
    expect(texts(r.problems.slice(20))).toEqual(["… and 5 more problems"]);
  });

  it("a header row without transactions is a problem", () => {
    expect(texts(readTransactionLog([["customer", "date", "amount"]]).problems)).toEqual([
      "the log has a header row but no transactions",
    ]);
  });
});

describe("dateSerial", () => {
  it("serials as they are; ISO texts with an optional time; YYYYMMDD numbers (CDNOW's format)", () => {
    expect(dateSerial(45658.5)).toBe(45658.5);
    expect(dateSerial("2025-01-01")).toBe(45658);
    expect(dateSerial("2025/1/1 12:00")).toBe(45658.5);
    expect(dateSerial(19970101)).toBe(excelSerial(1997, 1, 1));
    expect(excelSerial(1997, 1, 1)).toBe(35431); // Excel: =DATE(1997,1,1) → 35431
  });
  it("refuses other texts and numbers that are no date", () => {
    expect(dateSerial("1.1.2025")).toEqual({ id: "analysis.logDateText", value: "1.1.2025" });
    expect(dateSerial(19971399)).toEqual({ id: "analysis.logDateNumber", value: "19971399" });
    expect(dateSerial(-1)).toEqual({ id: "analysis.logDateNumber", value: "-1" });
  });
});
