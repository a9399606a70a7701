/**
 * The Hono application: middleware, routes and error handling. Every response is JSON with a stable
 * error shape; no input produces a 500.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './http/app-env.js';
import { sendError } from './http/errors.js';
import { frameworkError } from './http/framework-errors.js';
import { validationHook } from './http/validation-hook.js';
import { htmlSafeJsonResponses } from './http/html-safe-json.js';
import { coldPrefetch } from './middleware/cold-prefetch/index.js';
import { conditionalGet } from './middleware/conditional-get/index.js';
import { indexContext } from './middleware/index-context/index.js';
import { queryEncoding } from './middleware/query-encoding/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import { requestLog } from './middleware/request-log/index.js';
import { responseCache } from './middleware/response-cache/index.js';
import { recordSearches } from './middleware/search-insights/index.js';
import { handler as articleHandler, route as articleRoute } from './routes/articles.js';
import { batchHandler, batchRoute } from './routes/article-batch.js';
import { deleteHandler, deleteRoute, putHandler, putRoute } from './routes/article-write.js';
import { handler as changesHandler, route as changesRoute } from './routes/changes.js';
import { registerDocs } from './routes/docs-page.js';
import { handler as healthHandler, route as healthRoute } from './routes/health.js';
import { registerOpenApi } from './routes/openapi.js';
import { articleHandler as relatedHandler, articleRoute as relatedRoute, draftGuards, draftHandler, draftRoute } from './routes/related.js';
import { handler as searchHandler, route as searchRoute } from './routes/search.js';
import { handler as suggestHandler, route as suggestRoute } from './routes/suggest.js';
import { registerDemoPage } from './routes/demo-page.js';
import { registerEvents } from './routes/events.js';
import { registerInsights } from './routes/insights.js';
import { registerWidget } from './routes/widget.js';
import { asIndexUnavailable } from './http/index-unavailable.js';

/** Parses the CORS_ORIGINS variable: `*` or a comma-separated allow-list. */
export function allowedOrigins(value: string | undefined): '*' | string[] {
  const v = (value ?? '*').trim();
  if (v === '*' || v === '') return '*';
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The typed JSON API routes; `AppType` gives Hono's `hc` client their types. */
export function apiRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(searchRoute, searchHandler)
    .openapi(suggestRoute, suggestHandler)
    .openapi(articleRoute, articleHandler)
    .openapi(relatedRoute, relatedHandler)
    .openapi(draftRoute, draftHandler)
    .openapi(healthRoute, healthHandler)
    .openapi(putRoute, putHandler)
    .openapi(deleteRoute, deleteHandler)
    .openapi(batchRoute, batchHandler)
    .openapi(changesRoute, changesHandler);
}

/** Type of the API for `hc<AppType>(baseUrl)` (see README, "Typed client"). */
export type AppType = ReturnType<typeof apiRoutes>;

/** Paths whose responses are cacheable query results (ETag/304, Cache-Control, Cache API, rate limit). */
const QUERY_PATHS = ['/search', '/suggest', '/articles/*'];
/** Other paths that need the loaded index. */
const INDEX_PATHS = ['/health', '/articles'];

/** Builds the app (one per isolate). */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Outermost: no JSON response text contains raw `<`, `>` or `&` (echoed queries stay inert).
  app.use('*', htmlSafeJsonResponses());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use('*', async (c, next) => {
    const origins = allowedOrigins(c.env.CORS_ORIGINS);
    return cors({
      origin: origins === '*' ? '*' : (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 86400,
    })(c, next);
  });

  app.use('*', requestLog());
  // A query string that is not UTF-8 percent-encoding is refused before anything reads it.
  app.use('*', queryEncoding());
  // /health loads and verifies every shard: it shares the per-client budget of the query routes.
  app.use('/health', rateLimit());
  // Outside the ETag and cache middleware, so searches they answer are recorded too.
  app.use('/search', recordSearches());
  for (const path of QUERY_PATHS) {
    app.use(path, rateLimit());
    // In a cold isolate, warms the shards a search will call while the index loads.
    if (path === '/search') app.use(path, coldPrefetch());
    app.use(path, indexContext());
    app.use(path, conditionalGet());
    app.use(path, responseCache());
  }
  for (const path of INDEX_PATHS) app.use(path, indexContext());
  app.use('/related', rateLimit(), draftGuards, indexContext());

  app.route('/', apiRoutes());
  registerOpenApi(app);
  registerDocs(app);
  registerWidget(app);
  registerDemoPage(app);
  registerInsights(app);
  registerEvents(app);

  app.notFound((c) => sendError(c, 404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}. See /docs for the API.`));
  app.onError((err, c) => {
    const unavailable = asIndexUnavailable(err);
    if (unavailable) return sendError(c, 503, unavailable.code, unavailable.message, { 'Retry-After': '30' });
    if (err instanceof HTTPException && err.res) return err.getResponse();
    if (err instanceof HTTPException && err.status < 500) {
      const e = frameworkError(err.status, err.message, { method: c.req.method, path: new URL(c.req.url).pathname, contentType: c.req.header('Content-Type') });
      return sendError(c, e.status as 400, e.code, e.message);
    }
    console.error(JSON.stringify({ level: 'error', route: c.req.routePath, error: err instanceof Error ? err.message : String(err) }));
    return sendError(c, 500, 'internal_error', 'Something went wrong on our side. Please retry; if it persists, report it with the time of the request.');
  });
  return app;
}
