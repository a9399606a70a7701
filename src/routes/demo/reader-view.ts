/**
 * HTML of the demo's article page (`GET /read/:id`): the article as a news site would show it,
 * ending with the `<vn-related>` element ("Bài viết liên quan"). Every value is escaped by
 * `hono/html`; no inline script or style (strict CSP).
 * @module
 */
import { html } from 'hono/html';
import type { StoredDocument } from '../../index-format/document-store.js';

type Html = ReturnType<typeof html>;

/** What the article page shows. */
export interface ReaderState {
  /** Origin the page was requested on (the widget's endpoint). */
  origin: string;
  widgetSrc: string;
  article: StoredDocument;
}

/** `2013-01-15T09:30` → `15/01/2013 09:30`. */
function formatDateTime(d: string | undefined): string | null {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(d) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}` : ''}` : null;
}

/** The `<vn-related>` embed line shown under the list. */
export function relatedSnippet(origin: string, widgetSrc: string, id: string): string {
  return `<script src="${origin}${widgetSrc}" defer></script>\n<vn-related endpoint="${origin}" article-id="${id}"></vn-related>`;
}

/** A short page for an id no article has. */
export function renderReaderNotFound(id: string): Html {
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không tìm thấy bài viết</title><link rel="stylesheet" href="/demo.css"></head>
<body><main id="main"><div class="wrap reader"><div class="empty panel"><h1>Không tìm thấy bài viết</h1><p>Không có bài viết nào có mã “${id.slice(0, 80)}”. <a href="/">Quay lại trang tìm kiếm</a>.</p></div></div></main></body></html>`;
}

/** The whole page. */
export function renderReaderPage(s: ReaderState): Html {
  const a = s.article;
  const date = formatDateTime(a.date);
  const paragraphs = a.body.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const meta = [date ? html`<time datetime="${a.date}">${date}</time>` : null, a.category ? html`<span class="tag">${a.category}</span>` : null, a.author ? html`<span>${a.author}</span>` : null].filter(Boolean);
  const body: Html[] = paragraphs.map((p) => html`<p>${p}</p>`);
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${a.title} – Tìm kiếm tin tức</title>
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
<script src="${s.widgetSrc}" defer></script>
</head>
<body>
<a class="skip" href="#main">Bỏ qua đến nội dung</a>
<header class="top"><div class="wrap">
<a class="brand" href="/"><span class="logo" aria-hidden="true">Vn</span>Tìm kiếm tin tức</a>
<nav class="links" aria-label="Liên kết"><a href="/">Tìm kiếm</a><a href="/#nhung">Nhúng widget</a></nav>
</div></header>
<main id="main"><div class="wrap reader">
<article class="story panel">
${a.kicker ? html`<p class="kicker">${a.kicker}</p>` : ''}
<h1>${a.title}</h1>
${meta.length ? html`<div class="meta">${meta.map((m, i) => html`${i ? ' · ' : ''}${m}`)}</div>` : ''}
${a.lead ? html`<p class="sapo">${a.lead}</p>` : ''}
${body}
</article>
<vn-related id="related" class="panel" endpoint="${s.origin}" article-id="${a.id}" href-template="/read/{id}" limit="5" snippets></vn-related>
<section class="embed panel" aria-labelledby="embed-related">
<h2 id="embed-related">Nhúng “Bài viết liên quan” vào trang của bạn</h2>
<p>Đặt phần tử này dưới mỗi bài viết; các bản sao của cùng một tin chỉ hiện một lần:</p>
<pre><code>${relatedSnippet(s.origin, s.widgetSrc, a.id)}</code></pre>
</section>
</div></main>
<footer><div class="wrap"><span>Tìm kiếm toàn văn tiếng Việt trên Cloudflare Workers</span><a href="${`/articles/${encodeURIComponent(a.id)}/related`}">JSON: /articles/…/related</a></div></footer>
</body>
</html>`;
}
