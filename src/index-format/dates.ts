/**
 * Article dates are stored as whole minutes since 1970-01-01T00:00 of the wall-clock time written in
 * the article (Vietnam local time; no time-zone arithmetic), so date filters and sorting compare
 * integers.
 * @module
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Minutes since the epoch for an ISO date (`2011-10-08`) or date-time (`2011-10-08T08:15`), or null
 * when the string is not a real calendar date.
 */
export function isoToMinutes(iso: string): number | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1);
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.floor(ms / 60000);
}

/** The calendar year of a stored minutes value. */
export function minutesToYear(minutes: number): number {
  return new Date(minutes * 60000).getUTCFullYear();
}

/** Minutes at the end (23:59) of an ISO date's day, for inclusive `to` filters. */
export function endOfDayMinutes(input: string): number | null {
  const iso = input.trim();
  const start = isoToMinutes(iso.slice(0, 10));
  if (start === null) return null;
  return iso.length > 10 ? isoToMinutes(iso) : start + 24 * 60 - 1;
}
