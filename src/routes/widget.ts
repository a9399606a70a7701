/**
 * `GET /widget.js`: the `<vn-search>` embeddable search widget (built from widget/ by
 * `npm run build:widget`). Versioned URLs (`?v=<WIDGET_VERSION>`) are cached for a year; the bare URL
 * for five minutes. Always revalidates by ETag, and any origin may load it. A page asset, not part of
 * the JSON API, so it is left out of the OpenAPI document.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { WIDGET_JS, WIDGET_VERSION } from '../generated/widget-bundle.js';
import type { AppEnv } from '../http/app-env.js';
import { matchesIfNoneMatch } from '../middleware/conditional-get/index.js';

export { WIDGET_VERSION };

/** Path of the widget script with its cache-busting version. */
export const widgetPath = (): string => `/widget.js?v=${WIDGET_VERSION}`;

const ETAG = `"${WIDGET_VERSION}"`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

/** Registers `/widget.js`. */
export function registerWidget(app: OpenAPIHono<AppEnv>) {
  app.get('/widget.js', (c) => {
    const headers: Record<string, string> = {
      ETag: ETAG,
      'Cache-Control': c.req.query('v') === WIDGET_VERSION ? IMMUTABLE : SHORT,
      'Access-Control-Allow-Origin': '*',
    };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), ETAG)) return c.body(null, 304, headers);
    return c.body(WIDGET_JS, 200, { ...headers, 'Content-Type': 'application/javascript; charset=utf-8' });
  });
}
