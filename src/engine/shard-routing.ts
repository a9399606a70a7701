/**
 * Which shards a search sends its query to, in what order, and when it may stop. Shards hold
 * consecutive articles in date order (see `ShardEntry`), and the manifest records each one's date
 * range and categories, so the front can:
 * - leave out, exactly, every shard that cannot match a date or category filter;
 * - visit shards newest first for `date:desc` (oldest first for `date:asc`) and stop as soon as the
 *   page is full with hits no later shard can beat — the newest shards answer "latest news about X";
 * - for relevance, visit the newest shard first (its hits set the bar the others must beat).
 * @module
 */
import type { IndexManifest, ShardEntry } from '../index-format/manifest.js';
import { NO_DATE } from '../index-format/shard-postings.js';
import type { SearchOptions, ShardHit } from './query-plan.js';

/** The filters of a request that can rule shards out. */
export interface RoutingFilter {
  fromMinutes?: number;
  toMinutes?: number;
  /** Category indexes (-1 for an unknown name). */
  categories?: number[];
}

/** The shards to call, in order, and the test that lets a date-sorted search stop. */
export interface Route {
  /** Shard numbers in the order to call them. */
  order: number[];
  /** Shards that cannot match the filters (never called). */
  skipped: number[];
  /** Whether shard `s` may hold a hit that ranks above `ref` (always true for relevance). */
  canBeat(s: number, ref: ShardHit): boolean;
}

/** Whether a shard can hold a document passing the filters. */
export function mayMatch(s: ShardEntry, f: RoutingFilter): boolean {
  if (f.fromMinutes !== undefined || f.toMinutes !== undefined) {
    if (!s.dates) return false; // date filters exclude undated articles
    if (f.fromMinutes !== undefined && s.dates.max < f.fromMinutes) return false;
    if (f.toMinutes !== undefined && s.dates.min > f.toMinutes) return false;
  }
  if (f.categories?.length) {
    const wanted = new Set(f.categories);
    if (!s.categories.some((c) => wanted.has(c))) return false;
  }
  return s.documentCount > 0;
}

const newest = (s: ShardEntry) => s.dates?.max ?? Number.NEGATIVE_INFINITY;
const oldest = (s: ShardEntry) => s.dates?.min ?? Number.POSITIVE_INFINITY;

/** The route of a search over a build's shards. */
export function routeShards(manifest: IndexManifest, sort: SearchOptions['sort'], filter: RoutingFilter): Route {
  const order: number[] = [];
  const skipped: number[] = [];
  for (const s of manifest.shards) (mayMatch(s, filter) ? order : skipped).push(s.shard);
  const entry = (n: number) => manifest.shards[n];
  if (sort === 'date:asc') order.sort((a, b) => oldest(entry(a)) - oldest(entry(b)) || a - b);
  else order.sort((a, b) => newest(entry(b)) - newest(entry(a)) || b - a);
  const canBeat = (n: number, ref: ShardHit): boolean => {
    // Undated articles rank last in both date orders: any shard may beat an undated reference.
    if (sort === 'relevance' || ref.date === NO_DATE) return true;
    const d = entry(n).dates;
    if (!d) return false;
    return sort === 'date:desc' ? d.max >= ref.date : d.min <= ref.date;
  };
  return { order, skipped, canBeat };
}
