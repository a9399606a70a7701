/**
 * HTML of the demo page (`GET /`). Every value is escaped by `hono/html`; only `title_html` and
 * `snippet` from the engine (already escaped, with `<mark>`) are inserted raw.
 * @module
 */
import { html, raw } from 'hono/html';
import type { HitDocument } from '../../engine/hit-document.js';
import type { SortValue } from '../params.js';
import { pageNumbers } from './pagination.js';

type Html = ReturnType<typeof html>;

/**
 * Sort orders of the results page: the API's `sort` values, and `recent`, relevance that prefers recent
 * news (the API's `freshness` with {@link RECENT_HALF_LIFE}).
 */
export const SORTS = { relevance: 'Liên quan nhất', recent: 'Liên quan, ưu tiên tin mới', 'date:desc': 'Mới nhất', 'date:asc': 'Cũ nhất' } as const satisfies Record<SortValue | 'recent', string>;
/** A sort order of the page. */
export type Sort = keyof typeof SORTS;
/** The half-life of the page's `recent` order, as the API's `freshness` parameter spells it. */
export const RECENT_HALF_LIFE = '30d';

/** One result as shown: the fields of a search hit the page uses. */
export type DemoHit = Pick<HitDocument, 'id' | 'title_html' | 'snippet' | 'date' | 'url' | 'category' | 'author'>;

/** Everything the page shows. */
export interface DemoState {
  /** Origin the page was requested on (the widget's endpoint). */
  origin: string;
  widgetSrc: string;
  q: string;
  page: number;
  sort: Sort;
  categories: string[];
  from?: string;
  to?: string;
  /** Problems with the parameters, in Vietnamese (the parameter was ignored). */
  notices: string[];
  documentCount?: number;
  result?: {
    total: number;
    hits: DemoHit[];
    lastPage: number;
    interpretedAs?: string;
    relaxed: boolean;
    years: Record<string, number>;
    categoriesFound: Record<string, number>;
  };
  /** Set when the index cannot be served. */
  unavailable?: string;
}

const fmt = new Intl.NumberFormat('vi-VN');

/** `/?…` with the state's query and filters, changed by `over`; defaults are left out. */
export function pageUrl(s: DemoState, over: Partial<Pick<DemoState, 'q' | 'page' | 'sort' | 'categories' | 'from' | 'to'>> = {}): string {
  const v = { q: s.q, page: 1, sort: s.sort, categories: s.categories, from: s.from, to: s.to, ...over };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  for (const c of v.categories) p.append('category', c);
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  if (v.sort !== 'relevance') p.set('sort', v.sort);
  if (v.page > 1) p.set('page', String(v.page));
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

/** `2013-01-15T09:30` → `15/01/2013`. */
function formatDate(d: string | undefined): string | null {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** Link of a hit: its URL when it is http(s), else the demo's article page (with related articles). */
function hitHref(h: DemoHit): string {
  return h.url && /^https?:\/\//i.test(h.url) ? h.url : `/read/${encodeURIComponent(h.id)}`;
}

const EXAMPLES = ['ha noi', 'giá vàng', 'TP.HCM', 'dang uy', 'u23 viet nam', 'haf nooij'];

function head(s: DemoState): Html {
  const title = s.q ? `${s.q} – Tìm kiếm tin tức` : 'Tìm kiếm tin tức tiếng Việt';
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="Tìm kiếm toàn văn tin tức tiếng Việt: có dấu hay không dấu, Telex hay VNI, kết quả hiện ngay khi gõ.">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
<script src="${s.widgetSrc}" defer></script>
</head>`;
}

function hero(s: DemoState, compact: boolean): Html {
  return html`<section class="hero${compact ? ' compact' : ''}" aria-label="Tìm kiếm">
<div class="wrap">
<h1>Tìm kiếm tin tức tiếng Việt</h1>
<p class="lead">Gõ có dấu hay không dấu, kiểu Telex hay VNI: kết quả hiện ngay khi bạn gõ, từ khóa được tô sáng.</p>
<vn-search id="search" endpoint="${s.origin}" value="${s.q}" limit="6" results-url="/?q={q}" href-template="/read/{id}" placeholder="Tìm bài viết, ví dụ: ha noi">
<form class="fallback" action="/" method="get" role="search"><input name="q" value="${s.q}" aria-label="Tìm kiếm bài viết" placeholder="Tìm kiếm…"><button class="btn">Tìm</button></form>
</vn-search>
<p class="try">Thử: ${EXAMPLES.map((e) => html`<a href="${pageUrl(s, { q: e, categories: [], from: undefined, to: undefined, sort: 'relevance' })}">${e}</a>`)}</p>
</div>
</section>`;
}

function filters(s: DemoState): Html {
  const r = s.result!;
  const cats = new Map(Object.entries(r.categoriesFound));
  for (const c of s.categories) if (!cats.has(c)) cats.set(c, 0);
  const catList = [...cats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
  const years = Object.entries(r.years).sort((a, b) => Number(b[0]) - Number(a[0]));
  const activeYear = s.from && s.to && /^\d{4}-01-01$/.test(s.from) && s.to === `${s.from.slice(0, 4)}-12-31` ? s.from.slice(0, 4) : null;
  return html`<aside class="filters panel" aria-label="Bộ lọc" id="filters">
<form action="/" method="get">
<h2>Bộ lọc</h2>
<input type="hidden" name="q" value="${s.q}">
<fieldset><legend>Sắp xếp</legend>
<select name="sort" aria-label="Sắp xếp">${(Object.keys(SORTS) as Sort[]).map((k) => html`<option value="${k}"${k === s.sort ? raw(' selected') : ''}>${SORTS[k]}</option>`)}</select>
</fieldset>
${catList.length ? html`<fieldset><legend>Chuyên mục</legend>${catList.map(([c, n]) => html`<label><input type="checkbox" name="category" value="${c}"${s.categories.includes(c) ? raw(' checked') : ''}> ${c} <span class="count">${fmt.format(n)}</span></label>`)}</fieldset>` : ''}
${years.length ? html`<fieldset><legend>Năm</legend><ul class="years">${years.map(([y, n]) => html`<li><a href="${y === activeYear ? pageUrl(s, { from: undefined, to: undefined }) : pageUrl(s, { from: `${y}-01-01`, to: `${y}-12-31` })}"${y === activeYear ? raw(' aria-current="true"') : ''} aria-label="Năm ${y}: ${n} kết quả">${y} <span>${fmt.format(n)}</span></a></li>`)}</ul></fieldset>` : ''}
<fieldset><legend>Khoảng thời gian</legend>
<div class="dates"><label>Từ ngày<input type="date" name="from" value="${s.from ?? ''}"></label><label>Đến ngày<input type="date" name="to" value="${s.to ?? ''}"></label></div>
</fieldset>
<div class="actions"><button class="btn" type="submit">Áp dụng</button><a class="reset" href="${pageUrl(s, { categories: [], from: undefined, to: undefined, sort: 'relevance' })}">Xóa bộ lọc</a></div>
</form>
</aside>`;
}

function hitItem(h: DemoHit): Html {
  const date = formatDate(h.date);
  const meta = [
    date ? html`<time datetime="${h.date!.slice(0, 10)}">${date}</time>` : null,
    h.category ? html`<span class="tag">${h.category}</span>` : null,
    h.author ? html`<span>${h.author}</span>` : null,
  ].filter(Boolean);
  return html`<li class="hit"><article>
<h3><a href="${hitHref(h)}">${raw(h.title_html)}</a></h3>
${meta.length ? html`<div class="meta">${meta.map((m, i) => html`${i ? ' · ' : ''}${m}`)}</div>` : ''}
<p>${raw(h.snippet)}</p>
</article></li>`;
}

function pagination(s: DemoState): Html | string {
  const r = s.result!;
  if (r.lastPage <= 1) return '';
  const prev = s.page > 1 ? html`<a href="${pageUrl(s, { page: s.page - 1 })}" rel="prev">‹ Trước</a>` : html`<span class="off" aria-hidden="true">‹ Trước</span>`;
  const next = s.page < r.lastPage ? html`<a href="${pageUrl(s, { page: s.page + 1 })}" rel="next">Sau ›</a>` : html`<span class="off" aria-hidden="true">Sau ›</span>`;
  return html`<nav class="pages" aria-label="Phân trang">${prev}${pageNumbers(s.page, r.lastPage).map((p) => (p === null
    ? html`<span aria-hidden="true">…</span>`
    : html`<a href="${pageUrl(s, { page: p })}"${p === s.page ? raw(' aria-current="page"') : ''} aria-label="Trang ${p}">${p}</a>`))}${next}</nav>`;
}

function results(s: DemoState): Html {
  const r = s.result!;
  const filtered = s.categories.length > 0 || !!s.from || !!s.to;
  const first = (s.page - 1) * 10 + 1;
  return html`<div class="layout">
${filters(s)}
<section class="results" aria-labelledby="results-title" id="results">
${s.notices.map((n) => html`<p class="notice warn">${n}</p>`)}
<p class="summary" id="results-title"><span><strong>${fmt.format(r.total)}</strong> kết quả${s.q ? html` cho “<strong>${s.q}</strong>”` : ''}${filtered ? ' (đã lọc)' : ''}</span>${r.total > 10 ? html`<span>Hiển thị ${fmt.format(first)}–${fmt.format(first + r.hits.length - 1)}</span>` : ''}<a class="to-filters" href="#filters">Bộ lọc ↓</a></p>
${r.interpretedAs ? html`<p class="notice">Hiển thị kết quả cho <strong>${r.interpretedAs}</strong>.</p>` : ''}
${r.relaxed ? html`<p class="notice">Không có bài viết chứa tất cả các từ; đang hiển thị các bài chứa một phần.</p>` : ''}
${r.hits.length
    ? html`<ol class="hits" start="${first}">${r.hits.map(hitItem)}</ol>${pagination(s)}`
    : html`<div class="empty panel"><h2>Không tìm thấy kết quả nào</h2><p>Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ bớt bộ lọc.</p></div>`}
</section>
</div>`;
}

function intro(s: DemoState): Html {
  return html`<div class="features">
<section class="feature panel"><h2>Không dấu vẫn đúng</h2><p><code>ha noi</code> tìm ra “Hà Nội”, <code>dang uy</code> ra “Đảng ủy”; gõ Telex <code>haf nooij</code> cũng được.</p></section>
<section class="feature panel"><h2>Gõ tới đâu, hiện tới đó</h2><p>Kết quả và từ khóa tô sáng xuất hiện sau mỗi phím gõ; dùng ↑ ↓ để chọn, Enter để mở.</p></section>
<section class="feature panel"><h2>Lọc và phân trang</h2><p>Nhấn Enter để xem đầy đủ kết quả${s.documentCount ? html` trong ${fmt.format(s.documentCount)} bài viết` : ''}, lọc theo chuyên mục, năm và khoảng thời gian.</p></section>
</div>`;
}

function embed(s: DemoState): Html {
  const snippet = `<script src="${s.origin}${s.widgetSrc}" defer></script>\n<vn-search endpoint="${s.origin}" placeholder="Tìm kiếm…"></vn-search>`;
  return html`<section class="embed panel" id="nhung" aria-labelledby="embed-title">
<h2 id="embed-title">Nhúng ô tìm kiếm vào trang của bạn</h2>
<p>Chỉ cần hai dòng HTML, không cần thư viện nào khác:</p>
<pre><code>${snippet}</code></pre>
<p>Đổi giao diện bằng biến CSS như <code>--vn-search-accent</code>, <code>--vn-search-font</code>, <code>--vn-search-radius</code> hoặc <code>vn-search::part(input)</code>; thêm <code>lang="en"</code> để hiển thị tiếng Anh.</p>
<p>Cùng tệp script có <code>&lt;vn-related article-id="…"&gt;</code>: danh sách “Bài viết liên quan” đặt dưới mỗi bài, các bản sao của cùng một tin chỉ hiện một lần. Mở một kết quả tìm kiếm để xem.</p>
</section>`;
}

/** The whole page. */
export function renderDemoPage(s: DemoState): Html {
  const searching = !!s.result;
  return html`<!doctype html>
<html lang="vi">
${head(s)}
<body>
<a class="skip" href="#main">Bỏ qua đến nội dung</a>
<header class="top"><div class="wrap">
<a class="brand" href="/"><span class="logo" aria-hidden="true">Vn</span>Tìm kiếm tin tức</a>
<nav class="links" aria-label="Liên kết"><a href="/#nhung">Nhúng widget</a><a href="/health">Trạng thái</a></nav>
</div></header>
${hero(s, searching)}
<main id="main"><div class="wrap">
${s.unavailable ? html`<p class="notice warn">${s.unavailable}</p>` : ''}
${searching ? results(s) : html`${s.notices.map((n) => html`<p class="notice warn">${n}</p>`)}${intro(s)}${embed(s)}`}
</div></main>
<footer><div class="wrap"><span>Tìm kiếm toàn văn tiếng Việt trên Cloudflare Workers</span>${s.documentCount ? html`<span>${fmt.format(s.documentCount)} bài viết trong chỉ mục</span>` : ''}</div></footer>
</body>
</html>`;
}
