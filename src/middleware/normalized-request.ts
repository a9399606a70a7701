/**
 * A canonical form of a GET request (path + sorted, non-empty query parameters) so that requests that
 * must get the same answer share one ETag and one cache entry.
 * @module
 */

/** `path?a=1&b=2` with parameters sorted by name then value and empty ones dropped. */
export function normalizedRequestKey(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].filter(([, v]) => v.trim() !== '').sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const qs = new URLSearchParams(params).toString();
  return u.pathname + (qs ? `?${qs}` : '');
}
