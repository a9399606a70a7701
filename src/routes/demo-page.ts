/**
 * `GET /`: the demo page. A search box (the `<vn-search>` widget, as-you-type) over server-rendered
 * full results with pagination, category/year facet counts and date filters, plus the two-line embed
 * snippet. Works without JavaScript (the widget's light DOM holds a plain form). No inline script or
 * style, so it runs under a strict Content-Security-Policy; its stylesheet is `GET /demo.css`.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { matchesIfNoneMatch } from '../middleware/conditional-get/index.js';
import { indexContext } from '../middleware/index-context/index.js';
import { recordSearchOutcome } from '../middleware/search-insights/index.js';
import { asIndexUnavailable } from '../http/index-unavailable.js';
import { DEMO_CSS } from './demo/styles.js';
import { renderReaderNotFound, renderReaderPage } from './demo/reader-view.js';
import { RECENT_HALF_LIFE, renderDemoPage, type DemoState, type Sort } from './demo/view.js';
import { freshnessAt } from '../scoring/freshness.js';
import { parseHalfLife } from '../scoring/half-life.js';
import { MAX_QUERY_LENGTH, MAX_RESULT_WINDOW } from './params.js';
import { SearchQuerySchema } from './search.js';
import { widgetPath } from './widget.js';

/** The `recent` order's half-life in minutes (read once from its spelling). */
const RECENT_HALF_LIFE_MINUTES = parseHalfLife(RECENT_HALF_LIFE)!;

const PER_PAGE = 10;
const MAX_PAGE = Math.floor(MAX_RESULT_WINDOW / PER_PAGE);

/** The page's policy: only its own script, stylesheet and API (the widget's styles are constructed). */
export const DEMO_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** FNV-1a hash of a string, base 36 (a cache validator, not security). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const CSS_ETAG = `"css-${fnv1a(DEMO_CSS)}"`;

/** The page's parameters, with the date filters as the search takes them. */
type PageParams = Pick<DemoState, 'q' | 'page' | 'sort' | 'categories' | 'from' | 'to'> & { fromMinutes?: number; toMinutes?: number };

/**
 * Reads the page parameters with the API's own parameter schemas (one set of rules), leniently: a bad
 * one is dropped with a notice in Vietnamese, never an error page.
 */
function readParams(c: Context<AppEnv>, notices: string[]): PageParams {
  const field = SearchQuerySchema.shape;
  const one = (name: string) => c.req.queries(name)?.[0];
  let q = (one('q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push(`Từ khóa dài quá ${MAX_QUERY_LENGTH} ký tự nên đã được cắt bớt.`);
    q = q.slice(0, MAX_QUERY_LENGTH);
  }
  let page = 1;
  const rawPage = one('page');
  if (rawPage !== undefined) {
    const parsed = field.page.safeParse(rawPage);
    if (parsed.success && parsed.data !== undefined && parsed.data <= MAX_PAGE) page = parsed.data;
    else notices.push(`Trang “${rawPage.slice(0, 20)}” không hợp lệ (1–${MAX_PAGE}); đang hiển thị trang 1.`);
  }
  const rawSort = one('sort');
  let sort: Sort = 'relevance';
  if (rawSort?.trim().toLowerCase() === 'recent') sort = 'recent';
  else if (rawSort !== undefined) {
    const parsed = field.sort.safeParse(rawSort);
    if (parsed.success && parsed.data) sort = parsed.data;
    else notices.push(`Cách sắp xếp “${rawSort.slice(0, 20)}” không hợp lệ (dùng date:desc hoặc date:asc); đang xếp theo mức liên quan.`);
  }
  const cats = field.category.safeParse(c.req.queries('category'));
  const categories = (cats.success ? cats.data ?? [] : []).slice(0, 20);
  const date = (name: 'from' | 'to', label: string) => {
    const v = (one(name) ?? '').trim();
    if (!v) return undefined;
    const parsed = field[name].safeParse(v);
    if (parsed.success && parsed.data !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { iso: v, minutes: parsed.data };
    notices.push(`${label} “${v.slice(0, 20)}” không hợp lệ (cần dạng 2024-01-31) nên đã bị bỏ qua.`);
    return undefined;
  };
  let from = date('from', 'Ngày bắt đầu');
  let to = date('to', 'Ngày kết thúc');
  if (from && to && from.iso > to.iso) {
    // Swapped: parse each as the other end of the range.
    [from, to] = [{ iso: to.iso, minutes: field.from.parse(to.iso)! }, { iso: from.iso, minutes: field.to.parse(from.iso)! }];
  }
  return { q, page, sort, categories, from: from?.iso, to: to?.iso, fromMinutes: from?.minutes, toMinutes: to?.minutes };
}

/** Registers `/`, `/read/:id` (an article with its related articles) and `/demo.css`. */
export function registerDemoPage(app: OpenAPIHono<AppEnv>) {
  app.get('/demo.css', (c) => {
    const headers = { ETag: CSS_ETAG, 'Cache-Control': 'public, max-age=3600' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), CSS_ETAG)) return c.body(null, 304, headers);
    return c.body(DEMO_CSS, 200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/', indexContext({ lenient: true }), async (c) => {
    const notices: string[] = [];
    const { fromMinutes, toMinutes, ...shown } = readParams(c, notices);
    const state: DemoState = { origin: new URL(c.req.url).origin, widgetSrc: widgetPath(), notices, ...shown };
    let status: 200 | 503 = 200;
    try {
      if (c.var.indexError !== undefined) throw c.var.indexError;
      const runtime = c.var.index;
      state.documentCount = runtime.manifest.documentCount;
      if (state.q || state.categories.length || state.from || state.to) {
        const recent = state.sort === 'recent' ? { freshness: freshnessAt(RECENT_HALF_LIFE_MINUTES, Date.now()) } : {};
        const base = { q: state.q, sort: state.sort === 'recent' ? 'relevance' as const : state.sort, categories: state.categories.length ? state.categories : undefined, fromMinutes, toMinutes, prefixLast: true, ...recent };
        const started = Date.now();
        const main = await runtime.service.search({ ...base, limit: PER_PAGE, offset: (state.page - 1) * PER_PAGE, facets: ['category', 'year'] });
        if (state.page === 1) {
          recordSearchOutcome(c, { q: state.q, total: main.total, interpretedAs: main.interpretedAs, relaxed: main.relaxed, category: !!base.categories, dates: fromMinutes !== undefined || toMinutes !== undefined, tookMs: Date.now() - started, at: started });
        }
        // Facet counts leave out their own filter, so other years / categories stay selectable.
        const [years, cats] = await Promise.all([
          fromMinutes !== undefined || toMinutes !== undefined
            ? runtime.service.search({ ...base, fromMinutes: undefined, toMinutes: undefined, limit: 1, offset: 0, facets: ['year'] }).then((r) => r.facets?.year)
            : main.facets?.year,
          base.categories
            ? runtime.service.search({ ...base, categories: undefined, limit: 1, offset: 0, facets: ['category'] }).then((r) => r.facets?.category)
            : main.facets?.category,
        ]);
        state.result = {
          total: main.total,
          hits: main.hits,
          lastPage: Math.min(MAX_PAGE, Math.max(1, Math.ceil(main.total / PER_PAGE))),
          relaxed: main.relaxed,
          years: years ?? {},
          categoriesFound: cats ?? {},
          ...(main.interpretedAs ? { interpretedAs: main.interpretedAs } : {}),
        };
        if (state.page > state.result.lastPage && main.total > 0) notices.push(`Chỉ có ${state.result.lastPage} trang kết quả.`);
      }
    } catch (e) {
      const unavailable = asIndexUnavailable(e);
      if (!unavailable) throw e;
      status = 503;
      state.unavailable = 'Chỉ mục tìm kiếm hiện chưa sẵn sàng. Vui lòng thử lại sau ít phút.';
      state.result = undefined;
    }
    c.header('Content-Security-Policy', DEMO_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(renderDemoPage(state), status);
  });

  app.get('/read/:id', indexContext({ lenient: true }), async (c) => {
    const id = c.req.param('id').slice(0, 512);
    c.header('Content-Security-Policy', DEMO_CSP);
    c.header('Cache-Control', 'no-cache');
    let article;
    try {
      if (c.var.indexError !== undefined) throw c.var.indexError;
      ({ article } = await c.var.index.service.article(id));
    } catch (e) {
      const unavailable = asIndexUnavailable(e);
      if (!unavailable) throw e;
      return c.html(renderReaderNotFound(id), 503);
    }
    if (!article) return c.html(renderReaderNotFound(id), 404);
    return c.html(renderReaderPage({ origin: new URL(c.req.url).origin, widgetSrc: widgetPath(), article }));
  });
}
