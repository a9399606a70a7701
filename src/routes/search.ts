/**
 * `GET /search`: full-text search with filters, facets, sorting and paging.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { boolParam, dateParam, halfLifeParam, intParam, listParam, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, queryTooLongMessage, single, sortParam, SORT_VALUES, trackTotalHitsParam } from './params.js';
import { DEFAULT_TRACK_TOTAL_HITS, type SearchRouting } from '../engine/search-service.js';
import { freshnessAt } from '../scoring/freshness.js';

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
  freshness: halfLifeParam('freshness').openapi({ param: { name: 'freshness', in: 'query' }, type: 'string', description: 'Relevance that prefers recent news (with sort=relevance only): each article\'s score is halved for every half-life of its age, so an article one half-life old needs twice the relevance of one published today to rank beside it. A number and a unit: h (hours), d (days), w (weeks), y (years), from 1h to 100y. Past 1,000 half-lives the factor stops falling; undated articles rank as that old. Browsing without q, every match counts as relevance 1: newest first. On a large archive the oldest shards are then usually skipped: once `track_total_hits` matches are counted, shards that cannot reach the page are not asked and `total_relation` is `gte`.', example: '30d' }),
  fields: listParam('fields', HIT_FIELDS).openapi({ param: { name: 'fields', in: 'query' }, description: `Hit fields to return, comma-separated, from ${HIT_FIELDS.join(', ')} (default all).`, example: 'id,title,snippet' }),
  highlight: boolParam('highlight').openapi({ param: { name: 'highlight', in: 'query' }, description: 'Mark matches with <mark> in title_html and snippet (default true). When false, both are plain escaped text.', example: 'true' }),
  facets: listParam('facets', FACETS).openapi({ param: { name: 'facets', in: 'query' }, description: 'Facet counts to return for the query and filters: category, year.', example: 'category,year' }),
  prefix: boolParam('prefix').openapi({ param: { name: 'prefix', in: 'query' }, description: 'Complete the last word as a prefix (as-you-type). Default: true unless the query ends with a space.', example: 'true' }),
  track_total_hits: trackTotalHitsParam('track_total_hits').openapi({ param: { name: 'track_total_hits', in: 'query' }, type: 'string', description: `Count matches exactly up to this many (default ${DEFAULT_TRACK_TOTAL_HITS}, every result a client can page to), or \`true\` to always count all (slower on large archives: every shard is asked). Past the count, shards that cannot reach the page are not asked and \`total\` is a lower bound (\`total_relation: "gte"\`), as in Elasticsearch.`, example: 'true' }),
}).superRefine((p, ctx) => {
  // Rules across parameters: checked here once, with the API's error codes.
  const fail = (apiCode: string, path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { apiCode } });
  const q = (p.q ?? '').trim();
  if (!q && !(p.category?.length || p.from !== undefined || p.to !== undefined)) {
    fail('missing_query', 'q', 'Give a query in q (for example /search?q=ha+noi), or at least one filter (category, from, to) to browse.');
  } else if (q.length > MAX_QUERY_LENGTH) {
    fail('query_too_long', 'q', queryTooLongMessage(q.length));
  } else if (p.offset !== undefined && p.page !== undefined) {
    fail('invalid_parameter', 'page', 'Give either offset or page, not both.');
  } else if (pageStart(p) + (p.limit ?? DEFAULT_LIMIT) > MAX_RESULT_WINDOW) {
    fail('invalid_parameter', 'offset', `offset + limit is ${pageStart(p) + (p.limit ?? DEFAULT_LIMIT)}; results are available up to position ${MAX_RESULT_WINDOW}. Narrow the query or add filters.`);
  } else if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    fail('invalid_parameter', 'from', 'from is after to; swap them.');
  } else if (p.freshness !== undefined && p.sort !== undefined && p.sort !== 'relevance') {
    fail('invalid_parameter', 'freshness', `freshness ranks by relevance and age together; it cannot be combined with sort=${p.sort}. Drop one of them.`);
  }
});

/** Hits per page when `limit` is not given. */
export const DEFAULT_LIMIT = 10;

/** The first position of the page a request asks for (`offset`, or from `page`). */
function pageStart(p: { offset?: number; page?: number; limit?: number }): number {
  return p.offset ?? ((p.page ?? 1) - 1) * (p.limit ?? DEFAULT_LIMIT);
}

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
  total_relation: z.enum(['eq', 'gte']).openapi({ description: '`eq`: `total` is exact. `gte`: at least `total` articles match (more than `track_total_hits`; see that parameter).' }),
  took_ms: z.number(),
  offset: z.number().int(),
  limit: z.number().int(),
  interpreted_as: z.string().optional().openapi({ description: 'The accented reading the query was understood as (diacritic restoration, Telex/VNI decoding, syllables typed joined: `hanoi` → "hà nội"), for "Showing results for …".' }),
  relaxed: z.boolean().optional().openapi({ description: 'True when no article matched enough of the words and results match any of them.' }),
  ignored_syllables: z.number().int().optional().openapi({ description: 'Syllables of a very long query beyond the first 64 that were not searched.' }),
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
  const limit = p.limit ?? DEFAULT_LIMIT;
  const offset = pageStart(p);
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
    highlight: p.highlight ?? true,
    ...(p.freshness !== undefined ? { freshness: freshnessAt(p.freshness, started) } : {}),
    ...(p.track_total_hits !== undefined ? { trackTotalHits: p.track_total_hits } : {}),
    ...(c.var.prefetched ? { prefetched: await c.var.prefetched } : {}),
  });
  c.header('x-shards', routingHeader(result.routing));
  const fields = p.fields ?? HIT_FIELDS;
  const hits = result.hits.map((h) => {
    const full: Record<string, unknown> = { ...h };
    const out: Record<string, unknown> = {};
    for (const f of fields) if (full[f] !== undefined) out[f] = full[f];
    return out;
  });
  c.set('logFields', { hits: result.total, query_length: q.length });
  c.set('servedSeq', result.liveSeq);
  const tookMs = Date.now() - started;
  if (offset === 0) {
    c.set('searchOutcome', { q, total: result.total, interpretedAs: result.interpretedAs, relaxed: result.relaxed, category: !!p.category?.length, dates: p.from !== undefined || p.to !== undefined, tookMs, at: started });
  }
  return c.json({
    query: q,
    total: result.total,
    total_relation: result.totalRelation,
    took_ms: tookMs,
    offset,
    limit,
    ...(result.interpretedAs ? { interpreted_as: result.interpretedAs } : {}),
    ...(result.relaxed ? { relaxed: true } : {}),
    ...(result.truncatedSyllables ? { ignored_syllables: result.truncatedSyllables } : {}),
    ...(result.facets ? { facets: result.facets } : {}),
    hits,
  }, 200);
};


/**
 * The `x-shards` diagnostic header: how the search reached the index (shards called of all, shards
 * skipped, calls to shard objects and to the live index, rounds of calls, and prefetch calls to
 * idle shards when there were any).
 */
export function routingHeader(r: SearchRouting): string {
  return `called=${r.called}; of=${r.shards}; skipped=${r.skipped}; shard-calls=${r.shardCalls}; live-calls=${r.liveCalls}; waves=${r.waves}${r.prefetched ? `; prefetched=${r.prefetched}` : ''}`;
}
