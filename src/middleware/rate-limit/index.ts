/**
 * Per-client rate limiting with the Workers Rate Limiting binding. Off unless RATE_LIMIT = "on".
 * The client IP is only used as the limiter key; it is never logged unless LOG_CLIENT_IP = "on".
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { sendError } from '../../http/errors.js';

/** Seconds a limited client should wait (the binding's period). */
export const RETRY_AFTER_SECONDS = 60;

/** The client's IP as seen by Cloudflare (`CF-Connecting-IP`), or a shared key when unknown. */
export function clientKey(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? 'unknown';
}

/**
 * Middleware: 429 JSON with Retry-After when the client exceeded its budget. Only public reads (GET,
 * HEAD) count: authenticated writes are the operator's own traffic.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.env.RATE_LIMIT !== 'on' || !c.env.RATE_LIMITER || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    const { success } = await c.env.RATE_LIMITER.limit({ key: clientKey(c.req.raw.headers) });
    if (!success) {
      return sendError(c, 429, 'rate_limited', `Too many requests from this client. Wait ${RETRY_AFTER_SECONDS} seconds and retry, or cache results on your side.`, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    }
    return next();
  };
}
