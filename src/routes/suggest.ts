/**
 * `GET /suggest`: completions for a search box as the user types: phrase completions of the last
 * word (from the lexicon), then matching article titles.
 * @module
 */
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import { completePhrases } from '../engine/phrase-completion.js';
import { markTitle } from '../engine/title-marks.js';
import { errorBody, errorResponses, ErrorSchema } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { intParam, MAX_QUERY_LENGTH, queryTooLongMessage, single } from './params.js';

/** Most suggestions one response carries. */
export const MAX_SUGGESTIONS = 10;
const DEFAULT_SUGGESTIONS = 8;

/** Query parameters of `/suggest`. */
export const SuggestQuerySchema = z.object({
  q: single('q').openapi({ param: { name: 'q', in: 'query' }, description: `What has been typed so far (≤ ${MAX_QUERY_LENGTH} characters), with or without diacritics. A trailing space means the last word is complete.`, example: 'thanh ph' }),
  limit: intParam('limit', 1, MAX_SUGGESTIONS).openapi({ param: { name: 'limit', in: 'query' }, description: `Suggestions to return, 1–${MAX_SUGGESTIONS} (default ${DEFAULT_SUGGESTIONS}).`, example: '8' }),
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
  description: 'Fast, diacritic-insensitive completions for a search box: `thanh ph` → “thành phố …” phrases completed from the corpus vocabulary, followed by article titles.',
  security: [],
  request: { query: SuggestQuerySchema },
  responses: {
    200: { description: 'Suggestions, phrases first', content: { 'application/json': { schema: SuggestResponseSchema } } },
    400: { ...errorResponses[400], content: { 'application/json': { schema: ErrorSchema } } },
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

type Suggestion = z.infer<typeof SuggestionSchema>;

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const started = Date.now();
  const p = c.req.valid('query');
  const rawQ = p.q ?? '';
  const q = rawQ.trim();
  if (!q) return c.json(errorBody('missing_query', 'Give what has been typed in q (for example /suggest?q=thanh+ph).'), 400);
  if (q.length > MAX_QUERY_LENGTH) {
    return c.json(errorBody('query_too_long', queryTooLongMessage(q.length)), 400);
  }
  const limit = p.limit ?? DEFAULT_SUGGESTIONS;
  const runtime = c.var.index;
  // Keep one trailing space: it says the last word is complete.
  const typed = /\s$/.test(rawQ) ? `${q} ` : q;
  const [phrases, { titles, liveSeq }] = await Promise.all([
    Promise.resolve(completePhrases(runtime.service.lexicon, typed, limit)),
    runtime.service.suggestTitles(q, limit * 2), // extra candidates for the phrase-first reordering
  ]);
  c.set('servedSeq', liveSeq);
  // Phrases first, but leave room for titles: at least half the list when there are enough.
  const phraseCount = Math.min(phrases.length, Math.max(Math.ceil(limit / 2), limit - Math.min(limit, titles.length)));
  const suggestions: Suggestion[] = phrases.slice(0, phraseCount).map((ph) => ({ text: ph.text, html: ph.html, kind: 'phrase' as const }));
  const seen = new Set(suggestions.map((s) => s.text.toLowerCase()));
  // Titles holding the typed words as a phrase first (stable: the engine's order otherwise).
  const marked = titles.map((t) => ({ id: t.id, ...markTitle(t.title, typed, !/\s$/.test(typed)) }));
  marked.sort((a, b) => Number(b.phrase) - Number(a.phrase));
  for (const t of marked) {
    if (suggestions.length >= limit) break;
    if (seen.has(t.text.toLowerCase())) continue;
    seen.add(t.text.toLowerCase());
    suggestions.push({ text: t.text, html: t.html, kind: 'title', id: t.id });
  }
  c.set('logFields', { suggestions: suggestions.length, query_length: q.length });
  return c.json({ query: q, took_ms: Date.now() - started, suggestions }, 200);
};

/** Registers the route on an app. */
export function registerSuggest(app: OpenAPIHono<AppEnv>) {
  return app.openapi(route, handler);
}
