/**
 * Calendar checks for the dates readers put into `Article.date`.
 *
 * @packageDocumentation
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * Whether year/month/day (and optionally hour/minute) name a real moment in the proleptic Gregorian calendar,
 * e.g. rejects 31/02 and 24:00.
 *
 * @param year - Four-digit year.
 * @param month - 1..12.
 * @param day - 1..days in that month.
 * @param hour - 0..23, default 0.
 * @param minute - 0..59, default 0.
 * @returns `true` when every part is in range.
 */
export function isValidDateParts(year: number, month: number, day: number, hour = 0, minute = 0): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return false;
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 && Number.isInteger(minute) && minute >= 0 && minute <= 59;
}

/**
 * Whether a string is an ISO 8601 date ('YYYY-MM-DD') or date-time ('YYYY-MM-DDTHH:MM', optionally with
 * seconds, fraction and a 'Z' / '±HH:MM' offset) naming a real calendar moment.
 *
 * @param value - Candidate date, e.g. a JSONL `date` field.
 * @returns `true` when it can be stored as `Article.date` unchanged.
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m;
  if (!isValidDateParts(+y, +mo, +d, h === undefined ? 0 : +h, mi === undefined ? 0 : +mi)) return false;
  if (s !== undefined && +s > 59) return false;
  if (oh !== undefined && (+oh > 14 || +om > 59)) return false;
  return true;
}
