/** The demo's article page: the article, then `<vn-related>` ("Bài viết liên quan"). */
import { describe, expect, it } from 'vitest';
import { WIDGET_VERSION } from '../../src/generated/widget-bundle.js';
import { request } from '../support/helpers.js';

describe('GET /read/:id (demo article page)', () => {
  it('shows the article and the related-articles element, under the strict CSP', async () => {
    const res = await request('/read/sample-01-ha-noi-xay-dung-dang');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<h1>Hà Nội nâng cao chất lượng sinh hoạt chi bộ, phát triển đảng viên mới</h1>');
    expect(page).toContain(`<script src="/widget.js?v=${WIDGET_VERSION}" defer></script>`);
    expect(page).toMatch(/<vn-related [^>]*article-id="sample-01-ha-noi-xay-dung-dang"[^>]*>/);
    expect(page).toContain('href-template="/read/{id}"');
    expect(page).toContain('&lt;vn-related endpoint=&quot;http://localhost&quot; article-id=&quot;sample-01-ha-noi-xay-dung-dang&quot;&gt;');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('answers 404 HTML for an unknown id, escaping it', async () => {
    const res = await request('/read/%3Cimg%20src%3Dx%3E');
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).toContain('Không tìm thấy bài viết');
    expect(page).not.toContain('<img src=x>');
    expect(page).toContain('&lt;img src=x&gt;');
  });

  it('search results on the demo page link to the article pages', async () => {
    const page = await (await request('/?q=dang+uy')).text();
    expect(page).toMatch(/<h3><a href="\/read\/[\w-]+">/);
  });
});
