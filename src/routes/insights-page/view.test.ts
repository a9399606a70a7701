import { describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../insights/store.js';
import { pageLanguage, pageStrings } from './strings.js';
import { renderInsightsPage } from './view.js';

const day = (d: string, searches: number) => ({ day: d, searches, zero_results: 0, zero_result_share: searches ? 0 : null, relaxed_share: null, restored_share: null, clicks: 0, took_ms: { p50: searches ? 4 : null, p95: searches ? 9 : null } });
const q = (query: string, searches: number) => ({ query, searches, zero_results: 0, mean_hits: 3, clicks: 0, mean_click_rank: null, interpreted_as: '<b>x</b>' });

const report: InsightsReport = {
  from: '2026-03-01', to: '2026-03-02', utc_offset: '+07:00', generated_at: '2026-03-02T00:00:00Z',
  totals: { searches: 5, zero_results: 1, zero_result_share: 0.2, relaxed: 0, relaxed_share: 0, restored: 1, restored_share: 0.25, browse: 1, revalidated: 0, redacted: 2, overflow: 0, with_category: 0, with_date: 0, clicks: 0, clicks_ignored: 0, lost: 0, took_ms: { p50: 4, p95: 9 } },
  days: [day('2026-03-01', 0), day('2026-03-02', 5)],
  top_queries: [q('ha noi', 3), q('"<script>alert(1)</script>"', 1)],
  zero_result_queries: [],
  unclicked_queries: [],
  fragments_hidden: 3,
};

const render = async (over: Partial<Parameters<typeof renderInsightsPage>[0]> = {}) => String(await renderInsightsPage({
  t: pageStrings('vi'), query: { from: '2026-03-01', to: '2026-03-02', limit: 20 }, report: null, configured: true, recording: true,
  scriptSrc: '/insights.js?v=1', cssHref: '/insights.css?v=1', ...over,
}));

describe('insights page', () => {
  it('without a report: the token form and an empty #report, no inline script or style', async () => {
    const page = await render();
    expect(page).toContain('<div id="report"></div>');
    expect(page).toContain('id="token-form"');
    expect(page).not.toContain('id="not-configured"');
    expect(page).not.toMatch(/<script>|<style|style="/);
    expect(page).toContain('<script src="/insights.js?v=1" defer></script>');
  });

  it('says how to enable insights when no token is configured', async () => {
    expect(await render({ configured: false })).toContain('wrangler secret put INSIGHTS_TOKEN');
  });

  it('with a report: figures, charts, tables and notes, every value escaped', async () => {
    const page = await render({ report });
    expect(page.match(/<svg class="chart"/g)).toHaveLength(3);
    expect(page).toContain('<td class="q">ha noi</td>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(page).toContain('3 từ khóa gõ dở');
    expect(page).toContain('2 lượt tìm trông giống email');
    expect(page).toMatch(/20(,0)?\s?%/); // zero-result share, Vietnamese number format
    expect(page).toContain('id="token-form" class="token"');
    expect(page).not.toContain('Việc ghi nhận đang tắt');
    expect(await render({ report, recording: false })).toContain('Việc ghi nhận đang tắt');
  });

  it('in English', async () => {
    const page = await render({ report, t: pageStrings('en') });
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Top queries');
    expect(page).toContain('href="/insights?from=2026-03-01&amp;to=2026-03-02&amp;limit=20&amp;lang=vi"');
  });
});

describe('pageLanguage', () => {
  it('is Vietnamese unless asked for English or the browser does not list Vietnamese', () => {
    expect(pageLanguage(undefined, undefined)).toBe('vi');
    expect(pageLanguage(undefined, 'vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pageLanguage(undefined, 'en-US,en;q=0.9,vi;q=0.5')).toBe('vi');
    expect(pageLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pageLanguage(undefined, 'fr-FR')).toBe('en');
    expect(pageLanguage('en', 'vi')).toBe('en');
    expect(pageLanguage('vi', 'en')).toBe('vi');
    expect(pageLanguage('de', '*')).toBe('vi');
  });
});
