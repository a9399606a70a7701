/**
 * `GET /insights`: search insights for editors and operators, behind an operator bearer token
 * (`INSIGHTS_TOKEN`, read-only; the write API's `INGEST_TOKEN` is accepted too).
 *
 * One URL, two representations chosen by `Accept`:
 * - JSON (the default, e.g. `curl` or `fetch`): the report, documented in the OpenAPI document;
 * - HTML (`Accept: text/html`, what browsers send): the insights page. Without an `Authorization`
 *   header a browser gets the page without data and a token form; the page's script
 *   (`/insights.js`) then asks for the same URL with the token and shows the server-rendered report.
 * Also serves the page's `/insights.js` and `/insights.css`.
 * @module
 */
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { INSIGHTS_PAGE_JS, INSIGHTS_PAGE_VERSION } from '../generated/insights-page-bundle.js';
import type { AppEnv } from '../http/app-env.js';
import { ErrorSchema, sendError } from '../http/errors.js';
import { insightsConfig } from '../insights/config.js';
import { addDays, dayOf, daysBetween, isDayKey } from '../insights/days.js';
import type { InsightsReport } from '../insights/store.js';
import { matchesIfNoneMatch } from '../middleware/conditional-get/index.js';
import { configuredSecrets, operatorAuth } from '../middleware/operator-auth/index.js';
import type { Env } from '../worker/env.js';
import { fetchInsightsReport, insightsEnabled } from '../worker/insights-client.js';
import { prefersHtml } from './insights-page/negotiation.js';
import { pageLanguage, pageStrings } from './insights-page/strings.js';
import { INSIGHTS_CSS } from './insights-page/styles.js';
import { INSIGHTS_CSP, renderInsightsPage } from './insights-page/view.js';
import { boolParam, intParam, single } from './params.js';

/** Days shown when `from` is not given. */
export const DEFAULT_RANGE_DAYS = 30;
/** Longest range of one report. */
export const MAX_RANGE_DAYS = 366;
/** Rows of each query list by default. */
const DEFAULT_LIMIT = 20;
/** Secrets accepted on this route, the read-only one first. */
export const INSIGHTS_SECRETS = ['INSIGHTS_TOKEN', 'INGEST_TOKEN'] as const;

const dayParam = (name: string) => single(name).transform((v, ctx) => {
  if (v === undefined || v.trim() === '') return undefined;
  if (!isDayKey(v.trim())) {
    ctx.addIssue({ code: 'custom', message: `${name} must be a date written YYYY-MM-DD, such as 2026-03-01 (got ${JSON.stringify(v.slice(0, 20))}).` });
    return z.NEVER;
  }
  return v.trim();
});

/** Query parameters of `/insights`. */
export const InsightsQuerySchema = z.object({
  from: dayParam('from').openapi({ param: { name: 'from', in: 'query' }, description: `First day (YYYY-MM-DD, in the INSIGHTS_UTC_OFFSET time zone). Default: ${DEFAULT_RANGE_DAYS - 1} days before \`to\`.`, example: '2026-03-01' }),
  to: dayParam('to').openapi({ param: { name: 'to', in: 'query' }, description: `Last day, included (default today). At most ${MAX_RANGE_DAYS} days from \`from\`.`, example: '2026-03-30' }),
  limit: intParam('limit', 1, 100).openapi({ param: { name: 'limit', in: 'query' }, description: `Rows of each query list, 1–100 (default ${DEFAULT_LIMIT}).`, example: '20' }),
  fragments: boolParam('fragments').openapi({ param: { name: 'fragments', in: 'query' }, description: 'Include half-typed as-you-type queries (ha n, ha no… on the way to ha noi) in the query lists (default false).', example: 'false' }),
  lang: single('lang').openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of the HTML page: vi or en (default: from Accept-Language, Vietnamese first). Ignored for JSON.', example: 'vi' }),
});

const Latency = z.object({ p50: z.number().nullable(), p95: z.number().nullable() }).openapi({ description: 'took_ms percentiles (ms, within 8%); null without searches.' });
const Share = z.number().nullable();
const QuerySchema = z.object({
  query: z.string().openapi({ description: 'The query as analyzed: folded (no diacritics), lower case, words only; "phrases" and -exclusions kept.' }),
  searches: z.number().int(),
  zero_results: z.number().int(),
  mean_hits: z.number().nullable(),
  clicks: z.number().int(),
  mean_click_rank: z.number().nullable(),
  interpreted_as: z.string().nullable().openapi({ description: 'The accented reading the engine understood (latest).' }),
}).openapi('InsightsQuery');

/** The report. */
export const InsightsReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  utc_offset: z.string().openapi({ example: '+07:00' }),
  generated_at: z.string(),
  recording: z.boolean().openapi({ description: 'Whether searches are being recorded now (INSIGHTS is not "off").' }),
  totals: z.object({
    searches: z.number().int(),
    zero_results: z.number().int(),
    zero_result_share: Share,
    relaxed: z.number().int(),
    relaxed_share: Share,
    restored: z.number().int().openapi({ description: 'Searches read otherwise than typed (interpreted_as: diacritics restored, Telex/VNI decoded, syllables typed joined split).' }),
    restored_share: Share,
    browse: z.number().int().openapi({ description: 'Searches with filters and no words.' }),
    revalidated: z.number().int().openapi({ description: 'Searches answered 304 Not Modified: counted, result unknown (left out of the shares).' }),
    redacted: z.number().int().openapi({ description: 'Searches whose query looked like an e-mail or phone number: counted, query not stored.' }),
    overflow: z.number().int().openapi({ description: 'Searches of new queries after the daily limit of stored queries: counted only.' }),
    with_category: z.number().int(),
    with_date: z.number().int(),
    clicks: z.number().int(),
    clicks_ignored: z.number().int(),
    lost: z.number().int().openapi({ description: 'Events the Worker could not deliver (overload, failures).' }),
    took_ms: Latency,
  }),
  days: z.array(z.object({
    day: z.string(),
    searches: z.number().int(),
    zero_results: z.number().int(),
    zero_result_share: Share,
    relaxed_share: Share,
    restored_share: Share,
    clicks: z.number().int(),
    took_ms: Latency,
  })).openapi({ description: 'Every day of the range, oldest first.' }),
  top_queries: z.array(QuerySchema),
  zero_result_queries: z.array(QuerySchema),
  unclicked_queries: z.array(QuerySchema).openapi({ description: 'Queries with results, searched at least twice, whose results nobody clicked (clicks come from the <vn-search> widget).' }),
  fragments_hidden: z.number().int().openapi({ description: 'Half-typed queries left out of the lists (see the fragments parameter).' }),
}).openapi('InsightsReport');

const authErrors = {
  401: { description: 'Missing, malformed or wrong bearer token.', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'No operator token is configured; the message says how to set INSIGHTS_TOKEN.', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/insights',
  operationId: 'getInsights',
  summary: 'Search insights (operators)',
  description: 'What readers search for, which searches find nothing, which results nobody clicks, searches and p50/p95 took_ms per day. Needs `Authorization: Bearer <INSIGHTS_TOKEN>` (or the write token INGEST_TOKEN). With `Accept: text/html` the same data comes as the insights page.',
  security: [{ bearer: [] }],
  request: { query: InsightsQuerySchema },
  responses: {
    200: { description: 'The report (JSON), or the insights page with Accept: text/html.', content: { 'application/json': { schema: InsightsReportSchema }, 'text/html': { schema: z.string() } } },
    400: { description: 'Invalid range or parameters; the message says which and how to fix it.', content: { 'application/json': { schema: ErrorSchema } } },
    ...authErrors,
    503: { description: 'The insights storage is not available (INSIGHTS_STORE binding missing or failing).', content: { 'application/json': { schema: ErrorSchema } } },
  },
});


/** Today and the default/validated range, in the insights time zone. */
function resolveRange(env: Env, from: string | undefined, to: string | undefined): { from: string; to: string } | string {
  const today = dayOf(Date.now(), insightsConfig(env).utcOffsetMinutes);
  const end = to ?? (from && from > today ? addDays(from, DEFAULT_RANGE_DAYS - 1) : today);
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) return `from (${start}) is after to (${end}); swap them.`;
  const span = daysBetween(start, end);
  if (span > MAX_RANGE_DAYS) return `The range ${start} … ${end} is ${span} days; ask for at most ${MAX_RANGE_DAYS} days at a time.`;
  return { from: start, to: end };
}

const scriptPath = `/insights.js?v=${INSIGHTS_PAGE_VERSION}`;
const cssVersion = (() => { let h = 0x811c9dc5; for (let i = 0; i < INSIGHTS_CSS.length; i++) h = Math.imul(h ^ INSIGHTS_CSS.charCodeAt(i), 0x01000193); return (h >>> 0).toString(36); })();
const cssPath = `/insights.css?v=${cssVersion}`;

function pageState(c: Context<AppEnv>, range: { from: string; to: string }, limit: number, report: InsightsReport | null) {
  return {
    t: pageStrings(pageLanguage(c.req.query('lang'), c.req.header('Accept-Language'))),
    query: { ...range, limit },
    report,
    configured: configuredSecrets(c.env, INSIGHTS_SECRETS).length > 0,
    recording: insightsEnabled(c.env),
    scriptSrc: scriptPath,
    cssHref: cssPath,
  };
}

function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'Accept, Authorization, Accept-Language');
}

/**
 * In front of the route: a browser without a token gets the page (no data); everyone else must pass
 * the bearer check.
 */
function insightsGate(): MiddlewareHandler<AppEnv> {
  const auth = operatorAuth({ secret: INSIGHTS_SECRETS, what: 'Search insights' });
  return async (c, next) => {
    if (c.req.method === 'GET' && !c.req.header('Authorization') && prefersHtml(c.req.header('Accept'))) {
      // Lenient: bad parameters fall back to the defaults here (the report request reports them).
      const q = c.req.query();
      const day = (v: string | undefined) => (v && isDayKey(v) ? v : undefined);
      const asked = resolveRange(c.env, day(q.from), day(q.to));
      const range = typeof asked === 'string' ? resolveRange(c.env, undefined, undefined) as { from: string; to: string } : asked;
      const limit = Number(q.limit);
      noStore(c);
      c.header('Content-Security-Policy', INSIGHTS_CSP);
      return c.html(renderInsightsPage(pageState(c, range, Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : DEFAULT_LIMIT, null)));
    }
    return auth(c, next);
  };
}

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  noStore(c);
  const p = c.req.valid('query');
  if (p.lang !== undefined && !['vi', 'en'].includes(p.lang)) return sendError(c, 400, 'invalid_parameter', `lang must be vi or en (got ${JSON.stringify(p.lang.slice(0, 20))}).`);
  const range = resolveRange(c.env, p.from, p.to);
  if (typeof range === 'string') return sendError(c, 400, 'invalid_range', range);
  if (!c.env.INSIGHTS_STORE) return sendError(c, 503, 'insights_unavailable', 'This deployment has no INSIGHTS_STORE Durable Object binding; add it to wrangler.toml (see README, "Search insights").');
  const limit = p.limit ?? DEFAULT_LIMIT;
  let stored: InsightsReport;
  try {
    stored = await fetchInsightsReport(c.env, { ...range, limit, fragments: p.fragments ?? false });
  } catch (e) {
    console.error(JSON.stringify({ level: 'error', component: 'insights', event: 'report_failed', error: e instanceof Error ? e.message : String(e) }));
    return sendError(c, 503, 'insights_unavailable', 'The insights storage did not answer. Retry in a moment.', { 'Retry-After': '5' });
  }
  const report = { ...stored, recording: insightsEnabled(c.env) };
  if (prefersHtml(c.req.header('Accept'))) {
    c.header('Content-Security-Policy', INSIGHTS_CSP);
    return c.html(renderInsightsPage(pageState(c, range, limit, report)), 200) as never;
  }
  return c.json(report, 200);
};

/** Registers `/insights`, `/insights.js` and `/insights.css`. */
export function registerInsights(app: OpenAPIHono<AppEnv>) {
  app.use('/insights', insightsGate());
  app.openapi(route, handler);
  const asset = (path: string, body: string, type: string, version: string) => app.get(path, (c) => {
    const etag = `"${version}"`;
    const headers = { ETag: etag, 'Cache-Control': c.req.query('v') === version ? 'public, max-age=31536000, immutable' : 'public, max-age=300' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': type });
  });
  asset('/insights.js', INSIGHTS_PAGE_JS, 'application/javascript; charset=utf-8', INSIGHTS_PAGE_VERSION);
  asset('/insights.css', INSIGHTS_CSS, 'text/css; charset=utf-8', cssVersion);
  return app;
}
