/**
 * A canonical form of a GET request (path + sorted, non-empty query parameters) so that requests that
 * must get the same answer share one ETag and one cache entry.
 * @module
 */
import { freshnessReference } from '../scoring/freshness.js';

/**
 * `path?a=1&b=2` with parameters sorted by name then value and empty ones dropped. A search with
 * `freshness` scores against a reference time that moves once a day (`scoring/freshness.ts`), so its
 * key also names that day: yesterday's ETag and cache entry do not answer today's request.
 * @param nowMs the time of the request (Unix milliseconds)
 */
export function normalizedRequestKey(url: string, nowMs: number = Date.now()): string {
  const u = new URL(url);
  const params = [...u.searchParams].filter(([, v]) => v.trim() !== '');
  if (params.some(([k]) => k === 'freshness')) params.push(['~freshness-reference', String(freshnessReference(nowMs))]);
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const qs = new URLSearchParams(params).toString();
  return u.pathname + (qs ? `?${qs}` : '');
}
