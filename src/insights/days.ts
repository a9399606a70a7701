/**
 * Days of search insights: `YYYY-MM-DD` keys in a fixed UTC offset (Vietnam is UTC+07:00 all year,
 * without daylight saving), so "today" starts at midnight where the newsroom is.
 * @module
 */

const DAY_MS = 86_400_000;

/** Parses a UTC offset such as `+07:00`, `-03:30`, `+7` or `Z` into minutes; `null` when malformed. */
export function parseUtcOffset(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (v === 'Z' || v === '') return v === 'Z' ? 0 : null;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(v);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}

/** The day (`YYYY-MM-DD`) an instant falls on at a UTC offset. */
export function dayOf(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isDayKey(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `day` moved by `n` days (negative: earlier). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1);
}

/** Every day from `from` to `to`, in order. */
export function dayRange(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: n }, (_, i) => addDays(from, i));
}

/** The instant (ms) a day starts at an offset. */
export function startOfDay(day: string, offsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - offsetMinutes * 60_000;
}
