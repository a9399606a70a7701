/**
 * `POST /events`: click reports from the `<vn-search>` widget (`navigator.sendBeacon`), for search
 * insights. Accepts only one well-formed click event of at most {@link MAX_EVENT_BYTES} bytes, sent
 * as JSON text (`text/plain`, as `sendBeacon` sends a string, so no CORS preflight; or
 * `application/json`), within a per-client budget (the `EVENTS_RATE_LIMITER` binding). A click
 * never creates stored rows: it only counts against a query searched that day or the day before
 * (see InsightsStore), so the route cannot be used to grow storage.
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env.js';
import { ErrorSchema, sendError } from '../http/errors.js';
import { MAX_CLICK_RANK } from '../insights/store.js';
import { clientKey, RETRY_AFTER_SECONDS } from '../middleware/rate-limit/index.js';
import { insightsEnabled, recordInsight } from '../worker/insights-client.js';
import { MAX_QUERY_LENGTH } from './params.js';

/** Largest accepted body. */
export const MAX_EVENT_BYTES = 2048;

/** A click on a search result. */
export const ClickEventSchema = z.object({
  type: z.literal('click').openapi({ description: 'The only event type.' }),
  q: z.string().min(1).max(MAX_QUERY_LENGTH).openapi({ description: 'The query whose results were shown, as sent to /search (it is analyzed; the text is not stored).', example: 'ha noi' }),
  rank: z.number().int().min(1).max(MAX_CLICK_RANK).openapi({ description: `1-based position of the clicked result (1–${MAX_CLICK_RANK}).`, example: 1 }),
}).strict().openapi('ClickEvent');

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** OpenAPI definition of the route (the handler validates the body itself: sendBeacon sends text/plain). */
export const route = createRoute({
  method: 'post',
  path: '/events',
  operationId: 'reportClick',
  security: [],
  summary: 'Report a click on a search result',
  description: 'Sent by the <vn-search> widget with navigator.sendBeacon when a reader opens a result. The body is one ClickEvent as JSON text (Content-Type text/plain or application/json). Counted for GET /insights; the query text is analyzed and never stored as sent, and queries that look like e-mails or phone numbers are dropped.',
  request: { body: { required: true, content: { 'text/plain': { schema: ClickEventSchema, example: { type: 'click', q: 'ha noi', rank: 1 } }, 'application/json': { schema: ClickEventSchema } } } },
  responses: {
    204: { description: 'Accepted (recorded after the response).' },
    400: error('Not one well-formed click event; the message says what is wrong.'),
    404: error('Search insights are switched off on this deployment (INSIGHTS = "off").'),
    413: error(`The body is larger than ${MAX_EVENT_BYTES} bytes.`),
    415: error('The body is not sent as text/plain or application/json.'),
    429: error('Too many events from this client; retry after the number of seconds in Retry-After.'),
    503: error('The insights storage is not available (INSIGHTS_STORE binding missing).'),
  },
});

/** Insights on, content type, rate limit: the cheap checks, before the body is read. */
function eventsGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.env.INSIGHTS_STORE) return sendError(c, 503, 'insights_unavailable', 'This deployment has no INSIGHTS_STORE Durable Object binding.');
    if (!insightsEnabled(c.env)) return sendError(c, 404, 'insights_off', 'Search insights are switched off on this deployment (INSIGHTS = "off"); events are not accepted.');
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'application/json') {
      return sendError(c, 415, 'unsupported_media_type', 'Send one click event as JSON text with Content-Type text/plain (what navigator.sendBeacon sends for a string) or application/json.');
    }
    if (c.env.EVENTS_RATE_LIMITER) {
      const { success } = await c.env.EVENTS_RATE_LIMITER.limit({ key: clientKey(c.req.raw.headers) });
      if (!success) return sendError(c, 429, 'rate_limited', `Too many events from this client. Wait ${RETRY_AFTER_SECONDS} seconds.`, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    }
    return next();
  };
}

/** Registers `POST /events` (and documents it). */
export function registerEvents(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath(route);
  app.post('/events', eventsGate(), bodyLimit({
    maxSize: MAX_EVENT_BYTES,
    onError: (c) => sendError(c, 413, 'payload_too_large', `An event is at most ${MAX_EVENT_BYTES} bytes; send one click event per request.`),
  }), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return sendError(c, 400, 'invalid_json', 'The body is not JSON. Send {"type":"click","q":"…","rank":1}.');
    }
    const parsed = ClickEventSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? issue.path.map(String).join('.') : 'event';
      return sendError(c, 400, 'invalid_event', `${where}: ${issue.message}. Send {"type":"click","q":"…","rank":1} with q 1–${MAX_QUERY_LENGTH} characters and rank a whole number 1–${MAX_CLICK_RANK}, and no other fields.`);
    }
    try {
      recordInsight(c.env, c.executionCtx, { click: { q: parsed.data.q, rank: parsed.data.rank, at: Date.now() } });
    } catch { /* no execution context (outside Workers): nothing to record with */ }
    return c.body(null, 204);
  });
  return app;
}
