/**
 * `/search` in a cold front isolate: warms the shards the search will call before the front has
 * loaded its index. A cold isolate first loads the manifest, then fetches and verifies its lexicon
 * (which planning needs); the shards it then calls are often cold too, and each loads its head and the
 * query's postings blocks. With this middleware the shards get the query's syllables as soon as the
 * manifest is known (`prefetchWhileLoading`), so their loads run during the lexicon's instead of after
 * it. Once the index is loaded it does nothing (every search prefetches idle shards itself, after
 * planning's first step). Searches with filters (`category`, `from`, `to`) are left to that later
 * prefetch, which knows which shards the filters rule out; a search the route will refuse for its
 * `freshness` (not a half-life, or beside a date sort) warms nothing. Sets `c.var.prefetched` to the number of
 * shards warmed (reported in `x-shards`).
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { SORT_VALUES, type SearchOptions } from '../../engine/query-plan.js';
import { parseHalfLife } from '../../scoring/half-life.js';
import { prefetchWhileLoading } from '../../worker/index-runtime.js';

/** The sort a raw `sort` parameter asks for (relevance when absent), or null when it is not valid. */
export function rawSort(value: string | undefined): SearchOptions['sort'] | null {
  const s = (value ?? 'relevance').trim().toLowerCase();
  return (SORT_VALUES as readonly string[]).includes(s) ? (s as SearchOptions['sort']) : null;
}

/** Middleware warming the shards of an unfiltered search while a cold isolate loads its index. */
export function coldPrefetch(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const q = c.req.query('q');
    const sort = rawSort(c.req.query('sort'));
    const filtered = ['category', 'from', 'to'].some((name) => c.req.query(name) !== undefined);
    const freshness = c.req.query('freshness');
    const fresh = freshness !== undefined;
    // A freshness the route refuses (not a half-life, or beside a date sort) gets a 400: warm nothing for it.
    const valid = !fresh || (parseHalfLife(freshness) !== null && sort === 'relevance');
    if (q?.trim() && sort && !filtered && valid) c.set('prefetched', prefetchWhileLoading(c.env, q.trim(), sort, fresh));
    await next();
  };
}
