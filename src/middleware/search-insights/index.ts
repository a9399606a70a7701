/**
 * Records searches for search insights, after the response, at a bounded cost: the route that ran
 * the search leaves its outcome in `c.var.searchOutcome`; this middleware (mounted on `/search`
 * outside the ETag and cache middleware) also records the searches those answered without running
 * the route: a 200 from the Cache API (its body is read in `waitUntil`) and a 304 Not Modified (the
 * result is unknown and counted as such). Only first pages are searches (a reader paging through
 * results is not searching again), and only 200/304 answers.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import type { SearchOutcome } from '../../insights/events.js';
import { insightsEnabled, recordInsight, type WaitUntil } from '../../worker/insights-client.js';

/** The request's execution context, or null outside the Workers runtime (app.request in tests). */
function executionContext(c: Context<AppEnv>): WaitUntil | null {
  try {
    return c.executionCtx;
  } catch {
    return null;
  }
}

/** Records a search outcome (route handlers that run searches outside `/search` call this too). */
export function recordSearchOutcome(c: Context<AppEnv>, outcome: SearchOutcome): void {
  const ctx = executionContext(c);
  if (ctx) recordInsight(c.env, ctx, { search: outcome });
}

/** The parts of a search outcome the URL tells (for responses the route did not produce). */
export function outcomeFromUrl(url: string): Omit<SearchOutcome, 'total' | 'tookMs' | 'at'> | null {
  const p = new URL(url).searchParams;
  const offset = Number(p.get('offset') ?? 0);
  const page = Number(p.get('page') ?? 1);
  if (offset > 0 || page > 1) return null;
  return {
    q: (p.get('q') ?? '').trim(),
    relaxed: false,
    category: p.getAll('category').some((v) => v.trim() !== ''),
    dates: !!(p.get('from')?.trim() || p.get('to')?.trim()),
  };
}

/** Middleware recording every search of the route it is mounted on (see the module comment). */
export function recordSearches(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const at = Date.now();
    await next();
    if (c.req.method !== 'GET' || !insightsEnabled(c.env)) return;
    const status = c.res.status;
    const ran = c.get('searchOutcome');
    if (ran) {
      if (status === 200) recordSearchOutcome(c, ran);
      return;
    }
    if (status !== 200 && status !== 304) return;
    const base = outcomeFromUrl(c.req.url);
    const ctx = executionContext(c);
    if (!base || !ctx) return;
    const tookMs = Date.now() - at;
    if (status === 304) {
      recordInsight(c.env, ctx, { search: { ...base, total: null, tookMs, at } });
      return;
    }
    // Served from the Cache API: the outcome is in the cached body, read after the response.
    const copy = c.res.clone();
    ctx.waitUntil(copy.json().then((body) => {
      const b = body as { total?: unknown; interpreted_as?: unknown; relaxed?: unknown };
      recordInsight(c.env, ctx, { search: {
        ...base,
        total: typeof b.total === 'number' ? b.total : null,
        ...(typeof b.interpreted_as === 'string' ? { interpretedAs: b.interpreted_as } : {}),
        relaxed: b.relaxed === true,
        tookMs,
        at,
      } });
    }).catch(() => { /* not JSON: nothing to record */ }));
  };
}
