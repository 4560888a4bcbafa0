/**
 * Excel date serials (1900 date system). Expected serials are Excel's own: =DATE(y,m,d) typed into Excel
 * (and LibreOffice, which agrees from 1900-03-01 on); weekdays from the real calendar (1900-01-01 was a Monday).
 */
import { describe, expect, it } from "vitest";
import {
  excelCalendarDate,
  excelSerial,
  MAX_DATE_SERIAL,
  serialOfIsoDate,
  serialOfUtcDate,
  weekOfSerial,
  weekStartSerial,
} from "../../../src/core/values/dates";

describe("Excel date serials", () => {
  it("DATE(2025,1,1) = 45658, DATE(1900,3,1) = 61, DATE(1900,1,1) = 1, DATE(1997,9,30) = 35703, DATE(9999,12,31) = 2958465", () => {
    expect([
      excelSerial(2025, 1, 1),
      excelSerial(1900, 3, 1),
      excelSerial(1900, 1, 1),
      excelSerial(1997, 9, 30),
      excelSerial(9999, 12, 31),
    ]).toEqual([45658, 61, 1, 35703, MAX_DATE_SERIAL]);
  });

  it("serials back to dates, Excel's fictitious 1900-02-29 (serial 60) as 1900-02-28, a time of day dropped", () => {
    expect([45658, 60, 61, 59, 1, 45658.75, MAX_DATE_SERIAL].map(excelCalendarDate)).toEqual([
      { year: 2025, month: 1, day: 1 },
      { year: 1900, month: 2, day: 28 },
      { year: 1900, month: 3, day: 1 },
      { year: 1900, month: 2, day: 28 },
      { year: 1900, month: 1, day: 1 },
      { year: 2025, month: 1, day: 1 },
      { year: 9999, month: 12, day: 31 },
    ]);
  });

  it("every serial from 61 to 9999-12-31 round-trips through its calendar date", () => {
    for (let s = 61; s <= MAX_DATE_SERIAL; s += 997) {
      const d = excelCalendarDate(s);
      expect(excelSerial(d.year, d.month, d.day)).toBe(s);
    }
  });

  it("ISO dates: real dates from 1900-03-01 to 9999-12-31, else null", () => {
    expect(serialOfIsoDate("2025-03-31")).toBe(45747);
    expect(serialOfIsoDate("1900-03-01")).toBe(61);
    expect(serialOfIsoDate("9999-12-31")).toBe(MAX_DATE_SERIAL);
    for (const bad of ["2025-02-29", "2025-13-01", "2025-00-10", "1900-02-28", "31/03/2025", "2025-3-31", ""]) {
      expect(serialOfIsoDate(bad), bad).toBeNull();
    }
  });

  it("a JavaScript Date in UTC: 2025-01-01T18:00Z is 45658.75", () => {
    expect(serialOfUtcDate(new Date(Date.UTC(2025, 0, 1, 18)))).toBe(45658.75);
  });
});

describe("Monday weeks", () => {
  it("week 0 starts on serial 1 (Monday 1900-01-01); 1900-03-05 (serial 65) and 2025-01-13 (45670) are Mondays", () => {
    expect([weekStartSerial(0), weekStartSerial(weekOfSerial(7)), weekStartSerial(weekOfSerial(8))]).toEqual([1, 1, 8]);
    expect(weekStartSerial(weekOfSerial(65))).toBe(65);
    expect(weekStartSerial(weekOfSerial(71))).toBe(65);
    expect(weekStartSerial(weekOfSerial(45670))).toBe(45670);
    expect(weekStartSerial(weekOfSerial(45676))).toBe(45670); // Sunday 2025-01-19
  });

  it("the week of Monday 1900-02-26 (serial 57) runs to Sunday 1900-03-04 (serial 64), holding serial 60", () => {
    for (const s of [57, 58, 59, 60, 61, 62, 63, 64]) expect(weekOfSerial(s), String(s)).toBe(8);
    expect(weekOfSerial(65)).toBe(9);
    expect(weekStartSerial(8)).toBe(57);
  });

  it("consecutive weeks have consecutive numbers, and every week start is a Monday of the real calendar", () => {
    for (let w = 0; w < 200; w++) {
      const start = weekStartSerial(w);
      expect(weekOfSerial(start)).toBe(w);
      const d = excelCalendarDate(start);
      expect(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay(), `week ${w}`).toBe(1);
    }
  });
});
