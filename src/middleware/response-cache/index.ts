/**
 * Edge cache for repeated queries with the Workers Cache API (effective on custom domains; a no-op on
 * workers.dev). Built on Hono's cache middleware; the key includes the index content hash, the live
 * index's sequence number and the normalized request, so neither a rebuilt index nor a written
 * article is ever hidden by an old entry, and equivalent URLs share an entry.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { cache } from 'hono/cache';
import type { AppEnv } from '../../http/app-env.js';
import { normalizedRequestKey } from '../normalized-request.js';

/** Cache name used in `caches.open`. */
export const CACHE_NAME = 'vn-search';

/** Middleware caching 200 responses of the routes it is mounted on. */
export function responseCache(): MiddlewareHandler<AppEnv> {
  const mw = cache({
    cacheName: CACHE_NAME,
    wait: false,
    onCacheNotAvailable: false,
    keyGenerator: async (c) => {
      const { index, liveSeq } = c.var as AppEnv['Variables'];
      return `https://cache.vn-search.invalid/${index.manifest.contentHash.slice(0, 16)}/${await liveSeq()}${normalizedRequestKey(c.req.url)}`;
    },
  }) as unknown as MiddlewareHandler<AppEnv>;
  return async (c, next) => {
    if (c.env.RESPONSE_CACHE === 'off' || c.req.header('If-None-Match')) return next();
    return mw(c, next);
  };
}
