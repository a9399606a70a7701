/**
 * `GET /articles/:id`: one article's metadata and full text.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { ErrorSchema, errorResponses, sendError } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';

const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  kicker: z.string().optional(),
  lead: z.string().optional(),
  body: z.string(),
  date: z.string().optional(),
  url: z.string().optional(),
  category: z.string().optional(),
  author: z.string().optional(),
  agency: z.string().optional(),
}).openapi('Article');

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/articles/{id}',
  operationId: 'getArticle',
  summary: 'Get one article',
  security: [],
  description: 'Metadata and full text of the article with this id (the corpus file name or JSONL id).',
  request: {
    params: z.object({
      id: z.string().min(1).max(512, { error: 'id is longer than 512 characters; no article has such an id.' })
        .openapi({ param: { name: 'id', in: 'path' }, example: '000_f07f3c570d94029a' }),
    }),
  },
  responses: {
    200: { description: 'The article', content: { 'application/json': { schema: ArticleSchema } } },
    304: { description: 'Not modified.' },
    400: errorResponses[400],
    404: { description: 'No article has this id.', content: { 'application/json': { schema: ErrorSchema } } },
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const runtime = c.var.index;
  const { article, liveSeq } = await runtime.service.article(id);
  c.set('servedSeq', liveSeq);
  if (!article) return sendError(c, 404, 'article_not_found', `No article has id "${id.slice(0, 80)}". Ids come from /search hits.`);
  return c.json(article, 200);
};

