/**
 * `GET /changes?since=<seq>`: the live index's change feed, oldest first, one latest change per
 * article id, for folding live changes into the next build (`npm run build:index -- --live <url>`).
 * Operator route: `Authorization: Bearer <INGEST_TOKEN>`.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { operatorAuth } from '../middleware/operator-auth/index.js';
import { liveStub } from '../worker/durable-live-client.js';
import { writeErrorResponses } from './article-write.js';
import { intParam } from './params.js';

/** Most changes one page carries. */
export const MAX_CHANGES_PAGE = 1000;

const ChangeSchema = z.object({
  seq: z.number().int(),
  op: z.enum(['put', 'delete']),
  id: z.string(),
  article: z.record(z.string(), z.string()).optional().openapi({ description: 'The article as stored (puts): id, title, body and optional lead, date, url, category, author, kicker, agency.' }),
  at: z.string().openapi({ description: 'When the change was acknowledged (ISO 8601, UTC).' }),
}).openapi('Change');

const ChangesResponseSchema = z.object({
  since: z.number().int(),
  last_seq: z.number().int().openapi({ description: 'Sequence number of the last acknowledged write.' }),
  next_since: z.number().int().openapi({ description: 'Pass as `since` for the next page.' }),
  more: z.boolean().openapi({ description: 'True when changes after this page exist.' }),
  changes: z.array(ChangeSchema),
}).openapi('ChangesPage');

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/changes',
  operationId: 'listChanges',
  summary: 'Change feed of the live index',
  description: 'Changes acknowledged after `since`, oldest first, one (the latest) per article id: what a build must fold in. Paginate with `next_since` until `more` is false.',
  security: [{ bearer: [] }],
  middleware: [operatorAuth({ secret: 'INGEST_TOKEN', what: 'Reads of the change feed' })],
  request: {
    query: z.object({
      since: intParam('since', 0, Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'since', in: 'query' }, description: 'Sequence number already folded in (default 0: everything).', example: '0' }),
      limit: intParam('limit', 1, MAX_CHANGES_PAGE).openapi({ param: { name: 'limit', in: 'query' }, description: `Changes per page, 1–${MAX_CHANGES_PAGE} (default 500).`, example: '500' }),
    }),
  },
  responses: {
    200: { description: 'A page of changes.', content: { 'application/json': { schema: ChangesResponseSchema } } },
    400: writeErrorResponses[400],
    401: writeErrorResponses[401],
    403: writeErrorResponses[403],
    503: writeErrorResponses[503],
  },
});

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { since = 0, limit = 500 } = c.req.valid('query');
  const page = await liveStub(c.env.LIVE).changes(since, limit + 1);
  const more = page.changes.length > limit;
  const changes = page.changes.slice(0, limit);
  c.header('Cache-Control', 'no-store');
  return c.json({ since, last_seq: page.lastSeq, next_since: changes.length ? changes[changes.length - 1].seq : since, more, changes: changes as Array<z.infer<typeof ChangeSchema>> }, 200);
};
