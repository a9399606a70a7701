/**
 * `GET /search`: full-text search with filters, facets, sorting and paging.
 * @module
 */
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import { errorResponses, sendError } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { boolParam, dateParam, intParam, listParam, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, queryTooLongMessage, single, sortParam, SORT_VALUES } from './params.js';

/** Fields a hit can carry; `fields=` selects among them. */
export const HIT_FIELDS = ['id', 'title', 'title_html', 'snippet', 'date', 'url', 'category', 'author', 'score'] as const;
const FACETS = ['category', 'year'] as const;

/** Query parameters of `/search`. */
export const SearchQuerySchema = z.object({
  q: single('q').openapi({ param: { name: 'q', in: 'query' }, description: `The query (≤ ${MAX_QUERY_LENGTH} characters). With or without diacritics; \`"quoted phrases"\` must be adjacent; \`-word\` excludes. May be empty when a filter is given (browse).`, example: 'ha noi' }),
  limit: intParam('limit', 1, 50).openapi({ param: { name: 'limit', in: 'query' }, description: 'Hits per page, 1–50 (default 10).', example: '10' }),
  offset: intParam('offset', 0, MAX_RESULT_WINDOW).openapi({ param: { name: 'offset', in: 'query' }, description: `Hits to skip (offset + limit ≤ ${MAX_RESULT_WINDOW}). Use either offset or page.`, example: '0' }),
  page: intParam('page', 1, MAX_RESULT_WINDOW).openapi({ param: { name: 'page', in: 'query' }, description: 'Page number from 1 (alternative to offset).', example: '1' }),
  from: dateParam('from', false).openapi({ param: { name: 'from', in: 'query' }, description: 'Only articles dated on or after this ISO date. Undated articles are excluded by date filters.', example: '2011-01-01' }),
  to: dateParam('to', true).openapi({ param: { name: 'to', in: 'query' }, description: 'Only articles dated on or before this ISO date (inclusive).', example: '2024-12-31' }),
  category: listParam('category').openapi({ param: { name: 'category', in: 'query', style: 'form', explode: true }, description: 'Only these categories (repeat the parameter or separate with commas).', example: 'the-thao' }),
  sort: sortParam()
    .openapi({ param: { name: 'sort', in: 'query' }, type: 'string', enum: [...SORT_VALUES], description: 'relevance (default), date:desc (newest first) or date:asc (oldest first); undated articles come last either way. The bare `date` and `-date` are refused (400): APIs disagree on which order they mean.', example: 'date:desc' }),
  fields: listParam('fields', HIT_FIELDS).openapi({ param: { name: 'fields', in: 'query' }, description: `Hit fields to return, comma-separated, from ${HIT_FIELDS.join(', ')} (default all).`, example: 'id,title,snippet' }),
  highlight: boolParam('highlight').openapi({ param: { name: 'highlight', in: 'query' }, description: 'Mark matches with <mark> in title_html and snippet (default true). When false, both are plain escaped text.', example: 'true' }),
  facets: listParam('facets', FACETS).openapi({ param: { name: 'facets', in: 'query' }, description: 'Facet counts to return for the query and filters: category, year.', example: 'category,year' }),
  prefix: boolParam('prefix').openapi({ param: { name: 'prefix', in: 'query' }, description: 'Complete the last word as a prefix (as-you-type). Default: true unless the query ends with a space.', example: 'true' }),
});

const HitSchema = z.object({
  id: z.string(),
  title: z.string(),
  title_html: z.string().openapi({ description: 'Title, HTML-escaped, with matches in <mark>.' }),
  snippet: z.string().openapi({ description: 'Passage around the best match, HTML-escaped, matches in <mark>.' }),
  date: z.string().optional(),
  url: z.string().optional(),
  category: z.string().optional(),
  author: z.string().optional(),
  score: z.number(),
}).partial().openapi('Hit');

/** Response of `/search`. */
export const SearchResponseSchema = z.object({
  query: z.string(),
  total: z.number().int(),
  took_ms: z.number(),
  offset: z.number().int(),
  limit: z.number().int(),
  interpreted_as: z.string().optional().openapi({ description: 'The accented reading the query was understood as (diacritic restoration, Telex/VNI decoding), for "Showing results for …".' }),
  relaxed: z.boolean().optional().openapi({ description: 'True when no article matched enough of the words and results match any of them.' }),
  facets: z.object({ category: z.record(z.string(), z.number()).optional(), year: z.record(z.string(), z.number()).optional() }).optional(),
  hits: z.array(HitSchema),
}).openapi('SearchResponse');

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/search',
  operationId: 'search',
  summary: 'Search articles',
  description: 'Diacritic-insensitive Vietnamese full-text search. Matches with the diacritics typed rank first; adjacent words rank above scattered ones.',
  security: [],
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'Search results', content: { 'application/json': { schema: SearchResponseSchema } } },
    304: { description: 'Not modified (the ETag given in If-None-Match still holds).' },
    ...errorResponses,
  },
});

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const started = Date.now();
  const p = c.req.valid('query');
  const q = (p.q ?? '').trim();
  const hasFilter = !!(p.category?.length || p.from !== undefined || p.to !== undefined);
  if (!q && !hasFilter) {
    return sendError(c, 400, 'missing_query', 'Give a query in q (for example /search?q=ha+noi), or at least one filter (category, from, to) to browse.');
  }
  if (q.length > MAX_QUERY_LENGTH) {
    return sendError(c, 400, 'query_too_long', queryTooLongMessage(q.length));
  }
  if (p.offset !== undefined && p.page !== undefined) {
    return sendError(c, 400, 'invalid_parameter', 'Give either offset or page, not both.');
  }
  const limit = p.limit ?? 10;
  const offset = p.offset ?? ((p.page ?? 1) - 1) * limit;
  if (offset + limit > MAX_RESULT_WINDOW) {
    return sendError(c, 400, 'invalid_parameter', `offset + limit is ${offset + limit}; results are available up to position ${MAX_RESULT_WINDOW}. Narrow the query or add filters.`);
  }
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    return sendError(c, 400, 'invalid_parameter', 'from is after to; swap them.');
  }
  const runtime = c.var.index;
  const rawQ = p.q ?? '';
  const result = await runtime.service.search({
    q,
    limit,
    offset,
    sort: p.sort ?? 'relevance',
    fromMinutes: p.from,
    toMinutes: p.to,
    categories: p.category,
    facets: p.facets ?? [],
    prefixLast: p.prefix ?? !/\s$/.test(rawQ),
  });
  const highlight = p.highlight ?? true;
  const fields = p.fields ?? HIT_FIELDS;
  const hits = result.hits.map((h) => {
    const full: Record<string, unknown> = { ...h };
    if (!highlight) {
      full.title_html = stripMarks(h.title_html);
      full.snippet = stripMarks(h.snippet);
    }
    const out: Record<string, unknown> = {};
    for (const f of fields) if (full[f] !== undefined) out[f] = full[f];
    return out;
  });
  c.set('logFields', { hits: result.total, query_length: q.length });
  c.set('servedSeq', result.liveSeq);
  return c.json({
    query: q,
    total: result.total,
    took_ms: Date.now() - started,
    offset,
    limit,
    ...(result.interpretedAs ? { interpreted_as: result.interpretedAs } : {}),
    ...(result.relaxed ? { relaxed: true } : {}),
    ...(result.facets ? { facets: result.facets } : {}),
    hits,
  }, 200);
};

/** Registers the route on an app. */
export function registerSearch(app: OpenAPIHono<AppEnv>) {
  return app.openapi(route, handler);
}

/** Removes `<mark>` tags from highlighted (already escaped) HTML. */
function stripMarks(html: string): string {
  return html.replace(/<\/?mark>/g, '');
}
