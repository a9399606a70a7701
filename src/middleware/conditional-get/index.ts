/**
 * ETags derived from the index content hash, the live index's sequence number and the normalized
 * request, so a repeated request is answered with 304 before any search runs, and every ETag changes
 * when the index is rebuilt or an article is written. The sequence number is read before the response
 * is made, so an ETag never claims a write the response does not reflect.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { normalizedRequestKey } from '../normalized-request.js';

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

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
 * Middleware: answers 304 when If-None-Match matches, else sets the ETag on successful responses.
 * Runs after `index-context`.
 */
export function conditionalGet(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const etag = await requestEtag(c.var.index.manifest.contentHash, await c.var.liveSeq(), c.req.url);
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl(c.env) });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('ETag', etag);
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', cacheControl(c.env));
    }
  };
}

/** Cache-Control for search responses: browsers and the CDN may keep them CACHE_SECONDS. */
export function cacheControl(env: { CACHE_SECONDS?: string }): string {
  const s = Number(env.CACHE_SECONDS ?? '60');
  const seconds = Number.isFinite(s) && s >= 0 ? Math.floor(s) : 60;
  return seconds === 0 ? 'no-cache' : `public, max-age=${seconds}, s-maxage=${seconds}`;
}
