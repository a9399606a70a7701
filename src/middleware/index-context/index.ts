/**
 * Puts the loaded index on the request context once (`c.var.index`), with the live index's sequence
 * number fetched at most once per request (`c.var.liveSeq()`), so that validators (ETag), the cache
 * and the routes all see the same index. The index is loaded once per isolate; a failure to load it
 * propagates (the app answers 503 with what to rebuild), or, with `lenient`, is left in
 * `c.var.indexError` for pages that render their own message.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { getIndexRuntime } from '../../worker/index-runtime.js';

/** Options of {@link indexContext}. */
export interface IndexContextOptions {
  /** Record a load failure in `c.var.indexError` instead of failing the request. */
  lenient?: boolean;
}

/** Middleware setting `c.var.index` and `c.var.liveSeq`. */
export function indexContext(options: IndexContextOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      const index = await getIndexRuntime(c.env);
      let seq: Promise<number> | null = null;
      c.set('index', index);
      c.set('liveSeq', () => (seq ??= index.service.liveSeq()));
    } catch (e) {
      if (!options.lenient) throw e;
      c.set('indexError', e);
    }
    await next();
  };
}
