/**
 * Related articles ("Bài viết liên quan"):
 * - `GET /articles/:id/related` — the articles most related to an indexed article;
 * - `POST /related` — the same for an unpublished draft (title, lead, body), so an editor sees what
 *   the archive already has on a story (`duplicates` lists articles that are copies of the draft).
 * Copies of one story collapse to the newest; the article itself is never listed. The engine work
 * is in `src/engine/related/`; the source article is only read through its stored fields.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_RELATED, RelatedService, type RelatedRequest, type RelatedResult } from '../engine/related/related-service.js';
import type { RelatedSource } from '../engine/related/source-terms.js';
import type { AppEnv } from '../http/app-env.js';
import { ErrorSchema, errorResponses, sendError } from '../http/errors.js';
import { boolParam, dateParam, intParam, listParam } from './params.js';

/** Related articles returned when `limit` is not given. */
export const DEFAULT_RELATED = 5;
/** Largest accepted `POST /related` body, in bytes. */
export const MAX_DRAFT_BYTES = 1024 * 1024;
/** Longest accepted draft fields, in characters. */
export const MAX_DRAFT_CHARS = { title: 1_000, kicker: 1_000, lead: 10_000, body: 500_000 } as const;

const RelatedHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  title_html: z.string().openapi({ description: 'Title, HTML-escaped (nothing is marked).' }),
  snippet: z.string().openapi({ description: 'Opening of the lead and body, HTML-escaped.' }),
  date: z.string().optional(),
  url: z.string().optional(),
  category: z.string().optional(),
  author: z.string().optional(),
  score: z.number(),
  duplicates: z.array(z.string()).optional().openapi({ description: 'Ids of other copies of the same story, collapsed into this one (this one is the newest).' }),
}).openapi('RelatedHit');

const RelatedFields = {
  took_ms: z.number(),
  limit: z.number().int(),
  duplicates: z.array(z.string()).openapi({ description: 'Ids of articles in the index that are copies of this article (exact or near duplicates); they are not listed as related.' }),
  hits: z.array(RelatedHitSchema),
};

/** Response of `GET /articles/:id/related`. */
export const ArticleRelatedResponseSchema = z.object({
  article: z.object({ id: z.string(), title: z.string() }),
  ...RelatedFields,
}).openapi('ArticleRelatedResponse');

/** Response of `POST /related`. */
export const DraftRelatedResponseSchema = z.object(RelatedFields).openapi('DraftRelatedResponse');

const filterDescriptions = {
  limit: `Related articles to return, 1–${MAX_RELATED} (default ${DEFAULT_RELATED}).`,
  from: 'Only articles dated on or after this ISO date (undated articles are excluded by date filters).',
  to: 'Only articles dated on or before this ISO date (inclusive).',
  category: 'Only these categories (repeat the parameter or separate with commas).',
  recent: 'Prefer recent news: among articles with comparable scores (within 20% of each other), newer first.',
};

/** The rule across the date filters, checked in the schemas with the API's error code. */
function dateOrder(p: { from?: number; to?: number }, ctx: z.RefinementCtx): void {
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to; swap them.', params: { apiCode: 'invalid_parameter' } });
  }
}

/** Query parameters of `GET /articles/:id/related`. */
export const RelatedQuerySchema = z.object({
  limit: intParam('limit', 1, MAX_RELATED).openapi({ param: { name: 'limit', in: 'query' }, description: filterDescriptions.limit, example: '5' }),
  from: dateParam('from', false).openapi({ param: { name: 'from', in: 'query' }, description: filterDescriptions.from, example: '2017-01-01' }),
  to: dateParam('to', true).openapi({ param: { name: 'to', in: 'query' }, description: filterDescriptions.to, example: '2017-12-31' }),
  category: listParam('category').openapi({ param: { name: 'category', in: 'query', style: 'form', explode: true }, description: filterDescriptions.category, example: 'the-thao' }),
  recent: boolParam('recent').openapi({ param: { name: 'recent', in: 'query' }, description: filterDescriptions.recent, example: 'true' }),
}).superRefine(dateOrder);

const text = (name: string, max: number) => z.string({ error: `${name} must be a string.` }).max(max, { error: `${name} is longer than ${max.toLocaleString('en-US')} characters; send at most that.` });

/** JSON body of `POST /related`. */
export const DraftSchema = z.object({
  title: text('title', MAX_DRAFT_CHARS.title).refine((s) => s.trim() !== '', { error: 'title is empty; give the draft\'s headline.' })
    .openapi({ description: 'Headline of the draft.', example: 'Hà Nội khởi công tuyến đường sắt đô thị số 3' }),
  kicker: text('kicker', MAX_DRAFT_CHARS.kicker).optional().openapi({ description: 'Kicker line above the headline.' }),
  lead: text('lead', MAX_DRAFT_CHARS.lead).optional().openapi({ description: 'Lead (sapo).', example: 'Tuyến metro Nhổn - ga Hà Nội sẽ chạy thử đoạn trên cao.' }),
  body: text('body', MAX_DRAFT_CHARS.body).optional().openapi({ description: 'Body text (paragraphs separated by newlines); read up to its first 20,000 characters.', example: 'Ban Quản lý đường sắt đô thị Hà Nội cho biết…' }),
  limit: z.number({ error: `limit must be a whole number from 1 to ${MAX_RELATED}.` }).int({ error: `limit must be a whole number from 1 to ${MAX_RELATED}.` })
    .min(1, { error: `limit must be a whole number from 1 to ${MAX_RELATED}.` }).max(MAX_RELATED, { error: `limit must be a whole number from 1 to ${MAX_RELATED}.` })
    .optional().openapi({ description: filterDescriptions.limit, example: 5 }),
  from: dateParam('from', false).openapi({ description: filterDescriptions.from, type: 'string' }),
  to: dateParam('to', true).openapi({ description: filterDescriptions.to, type: 'string' }),
  category: listParam('category').openapi({ description: `${filterDescriptions.category.split(' (')[0]} (a string, comma-separated, or an array).` }),
  recent: z.boolean({ error: 'recent must be true or false.' }).optional().openapi({ description: filterDescriptions.recent }),
}).superRefine(dateOrder).openapi('Draft');

const notFound = { description: 'No article has this id.', content: { 'application/json': { schema: ErrorSchema } } };

/** OpenAPI definition of `GET /articles/:id/related`. */
export const articleRoute = createRoute({
  method: 'get',
  path: '/articles/{id}/related',
  operationId: 'getRelatedArticles',
  summary: 'Related articles',
  security: [],
  description: 'The articles most related to this one ("Bài viết liên quan"), from its most distinctive words and word pairs (headline and lead weighted up). Never the article itself; copies of one story (exact and near duplicates) collapse to the newest, and copies of this article are listed in `duplicates` instead.',
  request: {
    params: z.object({
      id: z.string().min(1).max(512, { error: 'id is longer than 512 characters; no article has such an id.' })
        .openapi({ param: { name: 'id', in: 'path' }, example: '000_f07f3c570d94029a' }),
    }),
    query: RelatedQuerySchema,
  },
  responses: {
    200: { description: 'Related articles', content: { 'application/json': { schema: ArticleRelatedResponseSchema } } },
    304: { description: 'Not modified (the ETag given in If-None-Match still holds).' },
    400: errorResponses[400],
    404: notFound,
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

const limitBody = bodyLimit({
  maxSize: MAX_DRAFT_BYTES,
  onError: (c) => sendError(c, 413, 'payload_too_large', `The request body is over ${MAX_DRAFT_BYTES / 1024 / 1024} MiB. Send the draft's title, lead and body only (the body is read up to its first 20,000 characters anyway).`),
});

/**
 * Checks a draft request before it is parsed (mounted on `/related`): a POST must be JSON (else 415)
 * of at most {@link MAX_DRAFT_BYTES} (else 413), both with a JSON error saying what to send.
 */
export const draftGuards: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return sendError(c, 415, 'unsupported_media_type', 'Send the draft as JSON with the header Content-Type: application/json, for example {"title": "…", "lead": "…", "body": "…"}.');
  }
  return limitBody(c, next);
};

/** OpenAPI definition of `POST /related`. */
export const draftRoute = createRoute({
  method: 'post',
  path: '/related',
  operationId: 'relatedForDraft',
  summary: 'Related articles for a draft',
  security: [],
  description: `What the archive already has on a story that is not published yet: the same answer as /articles/{id}/related for a draft given as JSON (title, optional kicker, lead, body). \`duplicates\` lists indexed articles that are copies of the draft. Bodies over ${MAX_DRAFT_BYTES / 1024 / 1024} MiB are refused (413).`,
  request: { body: { required: true, content: { 'application/json': { schema: DraftSchema } } } },
  responses: {
    200: { description: 'Related articles', content: { 'application/json': { schema: DraftRelatedResponseSchema } } },
    400: errorResponses[400],
    413: { description: 'The request body is too large.', content: { 'application/json': { schema: ErrorSchema } } },
    415: { description: 'The request body is not JSON (Content-Type: application/json).', content: { 'application/json': { schema: ErrorSchema } } },
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

interface Filters {
  limit?: number;
  from?: number;
  to?: number;
  category?: string[];
  recent?: boolean;
}

/** The engine request for validated filters. */
function relatedRequest(p: Filters, sourceIndexed: boolean): RelatedRequest {
  return {
    limit: p.limit ?? DEFAULT_RELATED,
    recent: p.recent ?? false,
    sourceIndexed,
    ...(p.from !== undefined ? { fromMinutes: p.from } : {}),
    ...(p.to !== undefined ? { toMinutes: p.to } : {}),
    ...(p.category?.length ? { categories: p.category } : {}),
  };
}

/** The JSON fields shared by both routes. */
function relatedBody(result: RelatedResult, limit: number, started: number) {
  return { took_ms: Date.now() - started, limit, duplicates: result.duplicates, hits: result.hits };
}

/** Handler of `GET /articles/:id/related`. */
export const articleHandler: RouteHandler<typeof articleRoute, AppEnv> = async (c) => {
  const started = Date.now();
  const { id } = c.req.valid('param');
  const req = relatedRequest(c.req.valid('query'), true);
  const related = RelatedService.of(c.var.index.service);
  // The source's stored fields: its live version when the live index has one, else the built one.
  const found = await related.source(id);
  if (!found.article) {
    c.set('servedSeq', found.liveSeq);
    return sendError(c, 404, 'article_not_found', `No article has id "${id.slice(0, 80)}". Ids come from /search hits.`);
  }
  const result = await related.related(found.article, { ...req, sourceIndexed: found.indexed });
  c.set('servedSeq', result.liveSeq);
  c.set('logFields', { hits: result.hits.length });
  return c.json({ article: { id: found.article.id, title: found.article.title }, ...relatedBody(result, req.limit, started) }, 200);
};

/** Handler of `POST /related`. */
export const draftHandler: RouteHandler<typeof draftRoute, AppEnv> = async (c) => {
  const started = Date.now();
  const d = c.req.valid('json');
  const req = relatedRequest(d, false);
  const source: RelatedSource = { title: d.title, body: d.body ?? '', ...(d.kicker ? { kicker: d.kicker } : {}), ...(d.lead ? { lead: d.lead } : {}) };
  const result = await RelatedService.of(c.var.index.service).related(source, req);
  c.set('logFields', { hits: result.hits.length });
  return c.json(relatedBody(result, req.limit, started), 200);
};
