/**
 * `GET /suggest`: completions for a search box as the user types (see `suggest/suggest-service.ts`):
 * phrase completions of the last word, then matching article titles.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { errorResponses, ErrorSchema } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { intParam, MAX_QUERY_LENGTH, queryTooLongMessage, single } from './params.js';

/** Most suggestions one response carries. */
export const MAX_SUGGESTIONS = 10;
const DEFAULT_SUGGESTIONS = 8;

/** Query parameters of `/suggest`. */
export const SuggestQuerySchema = z.object({
  q: single('q').openapi({ param: { name: 'q', in: 'query' }, description: `What has been typed so far (≤ ${MAX_QUERY_LENGTH} characters), with or without diacritics. A trailing space means the last word is complete.`, example: 'thanh ph' }),
  limit: intParam('limit', 1, MAX_SUGGESTIONS).openapi({ param: { name: 'limit', in: 'query' }, description: `Suggestions to return, 1–${MAX_SUGGESTIONS} (default ${DEFAULT_SUGGESTIONS}).`, example: '8' }),
}).superRefine((p, ctx) => {
  const q = (p.q ?? '').trim();
  if (!q) ctx.addIssue({ code: 'custom', path: ['q'], message: 'Give what has been typed in q (for example /suggest?q=thanh+ph).', params: { apiCode: 'missing_query' } });
  else if (q.length > MAX_QUERY_LENGTH) ctx.addIssue({ code: 'custom', path: ['q'], message: queryTooLongMessage(q.length), params: { apiCode: 'query_too_long' } });
});

const SuggestionSchema = z.object({
  text: z.string().openapi({ description: 'The suggestion as plain text (put it in the search box).' }),
  html: z.string().openapi({ description: 'text HTML-escaped, with the typed part (phrases) or the matched words (titles) in <mark>.' }),
  kind: z.enum(['phrase', 'title']).openapi({ description: 'phrase: the query with its last word completed; title: an article title.' }),
  id: z.string().optional().openapi({ description: 'Article id (titles only).' }),
}).openapi('Suggestion');

/** Response of `/suggest`. */
export const SuggestResponseSchema = z.object({
  query: z.string(),
  took_ms: z.number(),
  suggestions: z.array(SuggestionSchema),
}).openapi('SuggestResponse');

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/suggest',
  operationId: 'suggest',
  summary: 'Autocomplete',
  description: 'Fast, diacritic-insensitive completions for a search box: `thanh ph` → “thành phố …” phrases completed from the corpus vocabulary, followed by article titles (from two letters on).',
  security: [],
  request: { query: SuggestQuerySchema },
  responses: {
    200: { description: 'Suggestions, phrases first', content: { 'application/json': { schema: SuggestResponseSchema } } },
    400: { ...errorResponses[400], content: { 'application/json': { schema: ErrorSchema } } },
    429: errorResponses[429],
    503: errorResponses[503],
  },
});


/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const started = Date.now();
  const p = c.req.valid('query');
  const rawQ = p.q ?? '';
  const q = rawQ.trim();
  const limit = p.limit ?? DEFAULT_SUGGESTIONS;
  // Keep one trailing space: it says the last word is complete.
  const typed = /\s$/.test(rawQ) ? `${q} ` : q;
  const { suggestions, liveSeq } = await c.var.index.suggest.suggest(typed, limit);
  c.set('servedSeq', liveSeq);
  c.set('logFields', { suggestions: suggestions.length, query_length: q.length });
  return c.json({ query: q, took_ms: Date.now() - started, suggestions }, 200);
};

