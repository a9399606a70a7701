/**
 * One structured JSON log line per request: route, status, query length, hits, took_ms. Never the
 * query text, and the client IP only when LOG_CLIENT_IP = "on".
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { clientKey } from '../rate-limit/index.js';

/** Middleware writing the log line after the response is produced. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    if (c.env.REQUEST_LOG === 'off') return;
    const line: Record<string, unknown> = {
      level: 'info',
      route: c.req.routePath || new URL(c.req.url).pathname,
      method: c.req.method,
      status: c.res.status,
      took_ms: Date.now() - started,
      ...(c.get('logFields') ?? {}),
    };
    if (c.env.LOG_CLIENT_IP === 'on') line.client_ip = clientKey(c.req.raw.headers);
    console.log(JSON.stringify(line));
  };
}
