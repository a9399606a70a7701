import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchService } from '../src/engine/search-service.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

const ATTACK_TITLE = 'Tin tặc chèn <img src=x onerror=alert(1)> vào trang Hà Nội';
const ATTACK_BODY = 'Đoạn mã <script>alert(document.cookie)</script> và "><svg onload=alert(1)> được chèn vào ô bình luận ở Hà Nội. Ký tự & cũng phải được mã hóa.';

let tmp: string;
let svc: SearchService;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'vn-search-html-'));
  const corpus = path.join(tmp, 'xss.jsonl');
  await writeFile(corpus, [
    { id: 'xss-1', title: ATTACK_TITLE, lead: '<b>Sapo</b> in đậm', body: ATTACK_BODY },
    { id: 'plain', title: 'Hà Nội mùa thu', body: 'Không có thẻ HTML nào.' },
  ].map((o) => JSON.stringify(o)).join('\n'));
  const report = await buildIndex({ input: corpus, outDir: tmp });
  svc = await openIndex(report.indexDir);
});
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

/** Markup left after removing the highlighter's own <mark> tags. */
const markup = (html: string) => html.replace(/<\/?mark>/g, '').match(/[<>]/g) ?? [];

describe('HTML in article text and in queries is escaped in title_html and snippets', () => {
  for (const q of ['onerror alert', 'script alert cookie', 'svg onload', '<img src=x onerror=alert(1)> hà nội', '<script>alert(1)</script>', 'img', '"><svg', 'ha noi']) {
    it(`q=${q}`, async () => {
      const r = await svc.search({ q, limit: 5, offset: 0, sort: 'relevance', facets: [], prefixLast: true });
      const hit = r.hits.find((h) => h.id === 'xss-1');
      expect(hit, `${q} finds the article`).toBeDefined();
      expect(markup(hit!.title_html)).toEqual([]);
      expect(markup(hit!.snippet)).toEqual([]);
      expect(hit!.title_html).toMatch(/&lt;(<mark>)?img/); // the tag is shown as text
      expect(hit!.title).toBe(ATTACK_TITLE); // plain-text field: unchanged (clients escape it)
    });
  }

  it('escapes & and quotes, and keeps the escaped text readable', async () => {
    const r = await svc.search({ q: 'ký tự mã hóa', limit: 5, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
    const hit = r.hits.find((h) => h.id === 'xss-1')!;
    expect(hit.snippet).toContain('&amp;');
    expect(hit.snippet).toMatch(/&lt;script&gt;|&lt;<mark>script<\/mark>&gt;/);
    expect(hit.snippet).toMatch(/&quot;&gt;&lt;svg/);
  });
});
