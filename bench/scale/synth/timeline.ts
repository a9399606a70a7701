/**
 * Publication times for a synthetic news archive: `count` timestamps between two dates, in
 * chronological order, with the rhythm of a real news site. The daily volume grows linearly over the
 * years (archives publish more each year), weekends publish less, and times of day follow the
 * newsroom's morning, noon and afternoon peaks. Deterministic: the same arguments give the same list.
 * @module
 */
import { mulberry32 } from '../../lib/prng.js';

/** Options of {@link articleTimes}. */
export interface TimelineOptions {
  /** First day (ISO date, inclusive). */
  from: string;
  /** Last day (ISO date, inclusive). */
  to: string;
  /** Daily volume on the last day relative to the first (linear growth in between). */
  growth: number;
  /** Volume of a Saturday or Sunday relative to a weekday. */
  weekend: number;
  /** PRNG seed. */
  seed: number;
}

/** Defaults: ten years ending in 2017 (the baomoi corpus's year), 3.5× growth, weekends at 70%. */
export const DEFAULT_TIMELINE: TimelineOptions = { from: '2008-01-01', to: '2017-12-31', growth: 3.5, weekend: 0.7, seed: 20171231 };

const DAY_MS = 86_400_000;

/** Share of articles per hour of the day (Vietnam local time): peaks at 7–9, 11–12 and 16–17. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.4, 0.2, 0.1, 0.1, 0.2, 1.0, 3.0, 6.0, 7.0, 6.5, 5.5, 6.0, 5.0, 4.0, 4.5, 5.0, 5.5, 5.0, 4.0, 3.5, 3.5, 3.0, 2.0, 1.0,
];

/** Splits `total` into integer parts proportional to `weights` (largest remainder; sums exactly to `total`). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/** `YYYY-MM-DDTHH:MM` of a UTC-based millisecond value (the archive's wall-clock time). */
function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/**
 * `count` publication times (ISO `YYYY-MM-DDTHH:MM`, Vietnam wall-clock time), ascending.
 * @param count number of articles
 * @param opts the archive's span and rhythm
 */
export function articleTimes(count: number, opts: TimelineOptions = DEFAULT_TIMELINE): string[] {
  const start = Date.parse(`${opts.from}T00:00Z`);
  const end = Date.parse(`${opts.to}T00:00Z`);
  const days = Math.round((end - start) / DAY_MS) + 1;
  if (!(days > 0)) throw new Error(`empty timeline ${opts.from}..${opts.to}`);
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const dow = new Date(start + d * DAY_MS).getUTCDay();
    const trend = 1 + ((opts.growth - 1) * d) / Math.max(1, days - 1);
    return trend * (dow === 0 || dow === 6 ? opts.weekend : 1);
  });
  const perDay = apportion(dayWeights, count);
  const rand = mulberry32(opts.seed);
  const cumulative: number[] = [];
  HOUR_WEIGHTS.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
  const totalWeight = cumulative[cumulative.length - 1];
  const out: string[] = [];
  perDay.forEach((n, d) => {
    const minutes: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = rand() * totalWeight;
      let h = 0;
      while (cumulative[h] < r) h++;
      minutes.push(h * 60 + Math.floor(rand() * 60));
    }
    minutes.sort((a, b) => a - b);
    for (const m of minutes) out.push(isoMinute(start + d * DAY_MS + m * 60_000));
  });
  return out;
}
