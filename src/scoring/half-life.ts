/**
 * A half-life as people write it (`12h`, `30d`, `2w`, `1y`), read once for the API's `freshness`
 * parameter, the demo page and the `<vn-search>` widget (which imports this module: it has no imports
 * and uses no platform API).
 * @module
 */

/** Minutes in a day (stored dates and half-lives are in minutes). */
export const MINUTES_PER_DAY = 24 * 60;

/** Units of a half-life: hours, days, weeks, years (365 days). */
const UNIT_MINUTES: Record<string, number> = { h: 60, d: MINUTES_PER_DAY, w: 7 * MINUTES_PER_DAY, y: 365 * MINUTES_PER_DAY };

/** Shortest and longest half-life accepted, in minutes (one hour; a hundred years). */
export const HALF_LIFE_RANGE = { min: 60, max: 100 * 365 * MINUTES_PER_DAY } as const;

/**
 * A half-life written as a number and a unit (`12h`, `30d`, `2w`, `1y`, `1.5y`) in minutes, or null
 * when it is not one or lies outside {@link HALF_LIFE_RANGE}.
 */
export function parseHalfLife(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([hdwy])\s*$/i.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * UNIT_MINUTES[m[2].toLowerCase()];
  return minutes >= HALF_LIFE_RANGE.min && minutes <= HALF_LIFE_RANGE.max ? minutes : null;
}
