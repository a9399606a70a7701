import { describe, expect, it } from 'vitest';
import { WIDGET_VERSION } from '../../src/generated/widget-bundle.js';
import { request } from '../support/helpers.js';

describe('GET /widget.js', () => {
  it('serves the widget as JavaScript, versioned, cacheable and CORS-open', async () => {
    const res = await request(`/widget.js?v=${WIDGET_VERSION}`, { headers: { Origin: 'https://news.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('etag')).toBe(`"${WIDGET_VERSION}"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).toContain('vn-search');
    expect(js.length).toBeGreaterThan(1000);
  });

  it('is cached briefly without the current version', async () => {
    for (const path of ['/widget.js', '/widget.js?v=old']) {
      const res = await request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      await res.arrayBuffer();
    }
  });

  it('answers 304 to a matching If-None-Match', async () => {
    for (const inm of [`"${WIDGET_VERSION}"`, `W/"${WIDGET_VERSION}"`, `"nope", "${WIDGET_VERSION}"`, '*']) {
      const res = await request(`/widget.js?v=${WIDGET_VERSION}`, { headers: { 'If-None-Match': inm } });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get('etag')).toBe(`"${WIDGET_VERSION}"`);
      expect(await res.text()).toBe('');
    }
    const changed = await request('/widget.js', { headers: { 'If-None-Match': '"other"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });
});

describe('GET / (demo page)', () => {
  it('is a Vietnamese HTML page embedding the versioned widget, with the embed snippet', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toMatch(/<html lang="vi">/);
    expect(page).toContain(`<script src="/widget.js?v=${WIDGET_VERSION}" defer></script>`);
    expect(page).toMatch(/<vn-search [^>]*endpoint="http:\/\/localhost"/);
    // The two-line embed snippet, escaped for display.
    expect(page).toContain(`&lt;script src=&quot;http://localhost/widget.js?v=${WIDGET_VERSION}&quot; defer&gt;&lt;/script&gt;`);
    expect(page).toContain('&lt;vn-search endpoint=&quot;http://localhost&quot;');
    expect(page).toContain('Nhúng ô tìm kiếm');
  });

  it('runs under a strict CSP: no inline script or style', async () => {
    const res = await request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await res.text();
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const css = await request('/demo.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('vn-search');
  });

  it('renders full results with highlights, facets and pagination', async () => {
    const page = await (await request('/?q=ha+noi')).text();
    expect(page).toMatch(/<strong>\d+<\/strong> kết quả cho “<strong>ha noi<\/strong>”/);
    expect(page).toContain('Hiển thị kết quả cho <strong>hà nội</strong>');
    expect(page).toContain('<mark>Hà Nội</mark>');
    expect(page).toMatch(/<ul class="years">/);
    expect(page).toContain('aria-label="Phân trang"');
    expect(page).toContain('href="/?q=ha+noi&amp;page=2"');
    const page2 = await (await request('/?q=ha+noi&page=2&from=2019-01-01&to=2019-12-31')).text();
    expect(page2).toContain('aria-current="true"');
  });

  it('escapes what is echoed and shrugs off bad parameters', async () => {
    const res = await request('/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=abc&from=nope');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('không hợp lệ');
  });

  it('sorts with the API spellings and says so when a sort is not one of them', async () => {
    const sorted = await (await request('/?q=ha+noi&sort=date:desc')).text();
    expect(sorted).toContain('<option value="date:desc" selected>Mới nhất</option>');
    expect(sorted).toContain('href="/?q=ha+noi&amp;sort=date%3Adesc&amp;page=2"');
    // "recent": relevance that prefers recent news (the API's freshness=30d), the same articles.
    const recent = await (await request('/?q=ha+noi&sort=recent')).text();
    expect(recent).toContain('<option value="recent" selected>Liên quan, ưu tiên tin mới</option>');
    const summary = (page: string) => /<p class="summary"[^>]*><span><strong>([\d.]+)<\/strong> kết quả/.exec(page)?.[1];
    const plain = await (await request('/?q=ha+noi')).text();
    expect(summary(recent)).toBeDefined();
    expect(summary(recent)).toBe(summary(plain));
    // The newest of the results leads (the sample corpus spans years: a 30-day half-life decides).
    const dates = (page: string) => [...page.matchAll(/<time datetime="([\d-]+)/g)].map((m) => m[1]);
    expect(dates(recent)[0]).toBe(dates(await (await request('/?q=ha+noi&sort=date:desc')).text())[0]);
    const legacy = await (await request('/?q=ha+noi&sort=-date')).text();
    expect(legacy).toContain('<option value="relevance" selected>');
    expect(legacy).toContain('Cách sắp xếp “-date” không hợp lệ');
  });
});
