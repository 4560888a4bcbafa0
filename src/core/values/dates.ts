/**
 * Excel date serials (the 1900 date system): serial 1 is 1900-01-01, serial 60 is Excel's fictitious
 * 1900-02-29 (taken here as 1900-02-28), serial 61 is 1900-03-01 and later serials count days from 1899-12-30;
 * the last date Excel shows is 9999-12-31, serial 2,958,465. A time of day is the fraction of a serial.
 * Calendar arithmetic is H. Hinnant's proleptic Gregorian algorithms (days_from_civil, civil_from_days).
 */

/** The serial of 9999-12-31, the last date Excel shows. */
export const MAX_DATE_SERIAL = 2958465;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);

/** A calendar date. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/**
 * The calendar date of an Excel serial day (its time of day dropped). O(1).
 * @example excelCalendarDate(45658) // { year: 2025, month: 1, day: 1 }
 */
export function excelCalendarDate(serial: number): CalendarDate {
  const s0 = Math.floor(serial);
  const s = s0 === 60 ? 59 : s0;
  const days = (s >= 61 ? s : s + 1) + EXCEL_EPOCH; // before March 1900 serials count from 1899-12-31
  // H. Hinnant's civil_from_days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/**
 * The Excel serial of a calendar date. O(1).
 * @example excelSerial(2025, 1, 1) // 45658
 */
export function excelSerial(year: number, month: number, day: number): number {
  const s = daysFromCivil(year, month, day) - EXCEL_EPOCH;
  return s >= 61 ? s : s - 1;
}

/** An Excel serial as an ISO date "YYYY-MM-DD" (its time of day dropped). @example isoDate(45658) // "2025-01-01" */
export function isoDate(serial: number): string {
  const { year, month, day } = excelCalendarDate(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The Excel serial of an ISO date "YYYY-MM-DD", or null when the text is not a real date from 1900-03-01 to
 * 9999-12-31.
 * @example serialOfIsoDate("2025-03-31") // 45747
 */
export function serialOfIsoDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const s = excelSerial(y, mo, d);
  const back = excelCalendarDate(s);
  return back.month === mo && back.day === d && s >= 61 && s <= MAX_DATE_SERIAL ? s : null;
}

/** The Excel serial (with its time of day) of a JavaScript Date taken in UTC, as exceljs reads date cells. */
export function serialOfUtcDate(date: Date): number {
  return date.getTime() / 86_400_000 - EXCEL_EPOCH;
}

/**
 * The Monday-based week number of a serial day (ISO 8601 weeks; consecutive weeks have consecutive numbers):
 * week 0 starts on Monday 1900-01-01, serial 1. The Mondays before March 1900 are serials 1, 8, …, 57, and
 * from serial 65 (1900-03-05) on every seventh serial; the week of 1900-02-26 spans serials 57–64, eight
 * serials because it holds Excel's fictitious 1900-02-29 (serial 60).
 */
export function weekOfSerial(serialDay: number): number {
  return serialDay >= 61 ? Math.floor((serialDay - 2) / 7) : Math.floor((serialDay - 1) / 7);
}

/** The serial of the Monday that starts week `week` ({@link weekOfSerial}). */
export function weekStartSerial(week: number): number {
  return week >= 9 ? week * 7 + 2 : week * 7 + 1;
}
