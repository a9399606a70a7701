/**
 * ETags derived from the index content hash, the live index's sequence number and the normalized
 * request, so a repeated request is answered with 304 before any search runs, and every ETag changes
 * when the index is rebuilt or an article is written. An ETag names the sequence number the answer
 * itself reflects, so it never claims a write the answer does not show.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { hex } from '../../index-format/hex.js';
import { normalizedRequestKey } from '../normalized-request.js';

/** The ETag of a request against an index and a live sequence number. */
export async function requestEtag(contentHash: string, liveSeq: number, url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${contentHash}\n${liveSeq}\n${normalizedRequestKey(url)}`));
  return `"${hex(digest).slice(0, 32)}"`;
}

/** True when an If-None-Match header lists `etag` (or `*`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').map((s) => s.trim().replace(/^W\//, '')).some((t) => t === '*' || t === etag);
}

/**
 * Middleware: answers 304 when If-None-Match matches (the live sequence number is read first, so the
 * check costs one small call to the live index), else sets the ETag of successful responses from the
 * sequence number the route's answer reflects (`c.var.servedSeq`): no ETag when the route did not say.
 * Runs after `index-context`.
 */
export function conditionalGet(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const hash = c.var.index.manifest.contentHash;
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch) {
      const etag = await requestEtag(hash, await c.var.liveSeq(), c.req.url);
      if (matchesIfNoneMatch(ifNoneMatch, etag)) {
        return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl(c.env) });
      }
    }
    await next();
    const served = c.get('servedSeq');
    if (c.res.status === 200 && served !== undefined) {
      c.res.headers.set('ETag', await requestEtag(hash, served, c.req.url));
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', cacheControl(c.env));
    }
  };
}

/** Cache-Control for search responses: browsers and the CDN may keep them CACHE_SECONDS. */
export function cacheControl(env: { CACHE_SECONDS?: string } | undefined): string {
  const s = Number(env?.CACHE_SECONDS ?? '60');
  const seconds = Number.isFinite(s) && s >= 0 ? Math.floor(s) : 60;
  return seconds === 0 ? 'no-cache' : `public, max-age=${seconds}, s-maxage=${seconds}`;
}
