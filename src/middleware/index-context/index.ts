/**
 * Puts the loaded index on the request context once (`c.var.index`), with the live index's sequence
 * number fetched at most once per request (`c.var.liveSeq()`), so that validators (ETag), the cache
 * and the routes all see the same index. The index is loaded once per isolate; a failure to load it
 * propagates (the app answers 503 with what to rebuild), or, with `lenient`, is left in
 * `c.var.indexError` for pages that render their own message. Once the request's own work is done it
 * starts loading the index's score bounds, if no request has yet (see `IndexRuntime.scoreBounds`).
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { getIndexRuntime, type IndexRuntime } from '../../worker/index-runtime.js';

/** Options of {@link indexContext}. */
export interface IndexContextOptions {
  /** Record a load failure in `c.var.indexError` instead of failing the request. */
  lenient?: boolean;
}

/** Middleware setting `c.var.index` and `c.var.liveSeq`. */
export function indexContext(options: IndexContextOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let index: IndexRuntime | null = null;
    try {
      const rt = (index = await getIndexRuntime(c.env));
      let seq: Promise<number> | null = null;
      c.set('index', rt);
      c.set('liveSeq', () => (seq ??= rt.service.liveSeq()));
    } catch (e) {
      if (!options.lenient) throw e;
      c.set('indexError', e);
    }
    await next();
    index?.scoreBounds().catch(() => {}); // a failure is logged, and /health reports it
  };
}
