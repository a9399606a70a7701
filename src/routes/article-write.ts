/**
 * `PUT /articles/:id` (create or replace) and `DELETE /articles/:id` (take down): writes to the live
 * index, acknowledged only once committed to its durable storage, searchable as soon as the answer is
 * sent. Operator routes: `Authorization: Bearer <INGEST_TOKEN>`.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { WriteResult } from '../engine/live/live-core.js';
import type { AppEnv } from '../http/app-env.js';
import { ErrorSchema, errorResponses, sendError } from '../http/errors.js';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { operatorAuth } from '../middleware/operator-auth/index.js';
import { liveStub } from '../worker/durable-live-client.js';
import { ArticleInputSchema, finishArticle, WRITE_LIMITS, WriteResultSchema } from './article-input.js';

const IdParam = z.object({
  id: z.string().min(1).max(WRITE_LIMITS.idLength, { error: `id is longer than ${WRITE_LIMITS.idLength} characters.` })
    .openapi({ param: { name: 'id', in: 'path' }, example: 'metro-ha-noi-2024-08-08' }),
});

const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });

/**
 * Middleware of every write route, before any validation: the bearer token, then the body size (a
 * body over the limit is refused while it streams in).
 */
export const writeMiddleware: MiddlewareHandler<AppEnv>[] = [
  operatorAuth({ secret: 'INGEST_TOKEN', what: 'Writes to the live index' }),
  bodyLimit({
    maxSize: WRITE_LIMITS.requestBytes,
    onError: (c) => sendError(c, 413, 'body_too_large', `The request body is over ${WRITE_LIMITS.requestBytes / 1048576} MB. Send fewer articles per request.`),
  }),
];

/** Error answers shared by the write routes. */
export const writeErrorResponses = {
  400: errorResponses[400],
  401: json('No, a malformed or a wrong bearer token.', ErrorSchema),
  403: json('Writes are switched off: no INGEST_TOKEN secret is configured (the message says how to set one).', ErrorSchema),
  413: json('The request body is larger than the limit.', ErrorSchema),
  503: errorResponses[503],
  507: json('The live index is full: fold its changes into a build (`npm run build:index -- --live …`) and deploy.', ErrorSchema),
} as const;

/** OpenAPI definition of `PUT /articles/{id}`. */
export const putRoute = createRoute({
  method: 'put',
  path: '/articles/{id}',
  operationId: 'putArticle',
  summary: 'Publish or correct an article',
  description: 'Creates the article, or replaces it whether it was built into the index or written live. Idempotent: the same article again is `unchanged`. The answer is sent once the write is durable; searches, suggestions, `/articles/{id}`, facets and totals reflect it from then on.',
  security: [{ bearer: [] }],
  middleware: writeMiddleware,
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ArticleInputSchema } } },
  },
  responses: {
    200: json('Replaced, or unchanged (already acknowledged).', WriteResultSchema),
    201: json('Created.', WriteResultSchema),
    ...writeErrorResponses,
    415: json('The body is not sent as `Content-Type: application/json`.', ErrorSchema),
  },
});

/** OpenAPI definition of `DELETE /articles/{id}`. */
export const deleteRoute = createRoute({
  method: 'delete',
  path: '/articles/{id}',
  operationId: 'deleteArticle',
  summary: 'Take an article down',
  description: 'Removes the article from search, suggestions, `/articles/{id}`, facets and totals as soon as the answer is sent, whether it was built into the index or written live. Deleting it again is `unchanged`.',
  security: [{ bearer: [] }],
  middleware: writeMiddleware,
  request: { params: IdParam },
  responses: {
    200: json('Deleted, or unchanged (already deleted).', WriteResultSchema),
    404: json('No article has this id.', ErrorSchema),
    ...writeErrorResponses,
  },
});

/** Sends one write's result with its status code. */
function answer(c: Parameters<RouteHandler<typeof putRoute, AppEnv>>[0], r: WriteResult) {
  switch (r.status) {
    case 'not_found': return sendError(c, 404, 'article_not_found', `No article has id "${r.id.slice(0, 80)}": nothing to delete.`);
    case 'rejected': return sendError(c, 507, r.code, r.message);
    case 'created': return c.json({ id: r.id, status: r.status, seq: r.seq }, 201);
    default: return c.json({ id: r.id, status: r.status, seq: r.seq }, 200);
  }
}

/** Handler of `PUT /articles/{id}`. */
export const putHandler: RouteHandler<typeof putRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const checked = finishArticle(id, c.req.valid('json'));
  if (!checked.ok) return sendError(c, 400, 'invalid_field', `${checked.field}: ${checked.message}.`) as never;
  const service = c.var.index.service;
  // Analysis and scoring happen here, in the front Worker: the live index's Durable Object only commits.
  const [prepared] = await service.preparer.prepare([{ id, doc: checked.doc }]);
  const [result] = await liveStub(c.env.LIVE).put(service.base, [{ id, doc: checked.doc, prepared }]);
  c.set('logFields', { written: 1 });
  return answer(c, result) as never;
};

/** Handler of `DELETE /articles/{id}`. */
export const deleteHandler: RouteHandler<typeof deleteRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const service = c.var.index.service;
  const prepared = await service.preparer.prepare([{ id, doc: null }]);
  const [result] = await liveStub(c.env.LIVE).delete(service.base, [id], prepared);
  c.set('logFields', { written: 1 });
  return answer(c as never, result) as never;
};
