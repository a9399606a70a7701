/**
 * `<vn-related>` in real headless Chromium, against the Worker under `wrangler dev` (global-setup.ts):
 * on the demo's article page, embedded on another origin, themed, and when things go wrong.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR, startServer } from './env.js';

const unavailable = inject('browserUnavailable');
const workerUrl = inject('workerUrl');

const PARTY = ['000_f07f3c570d94029a', 'sample-36-dang-bo-quang-ninh-ket-nap-dang-vien', 'sample-37-hue-dai-hoi-dang-bo-khoi'];
const items = (sel = 'vn-related') => `${sel} [part~=item]`;

let browser: Browser;

/** A fresh page recording console errors and CSP violations, and every vn-related event. */
async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    const w = window as unknown as { relatedEvents: Array<{ type: string; detail: unknown }> };
    w.relatedEvents = [];
    for (const type of ['vn-related-results', 'vn-related-error', 'vn-related-select']) {
      document.addEventListener(type, (e) => w.relatedEvents.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return { page, problems };
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { relatedEvents: Array<{ type: string; detail: any }> }).relatedEvents);

if (!(unavailable && process.env.CI === 'true')) {
  describe.skipIf(!!unavailable)('<vn-related> in Chromium', () => {
    beforeAll(async () => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('the demo article page ends with an accessible list of related articles that links to their pages', async () => {
      const { page, problems } = await newPage();
      await page.goto(`${workerUrl}/read/sample-01-ha-noi-xay-dung-dang`);
      await page.locator(items()).first().waitFor();
      const host = page.locator('vn-related');
      expect(await host.getAttribute('data-state')).toBe('ready');
      const heading = page.locator('vn-related [part~=heading]');
      expect(await heading.textContent()).toBe('Bài viết liên quan');
      expect(await heading.evaluate((el) => el.tagName)).toBe('H2');
      const section = page.locator('vn-related section');
      expect(await section.getAttribute('aria-labelledby')).toBe(await heading.getAttribute('id'));
      expect(await section.getAttribute('aria-busy')).toBe('false');
      expect(await page.locator('vn-related ol').count()).toBe(1);
      const hrefs = await page.locator('vn-related [part~=link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThanOrEqual(3);
      for (const h of hrefs) expect(h).toMatch(new RegExp(`^${workerUrl}/read/`));
      expect(hrefs.some((h) => h.endsWith('/read/sample-01-ha-noi-xay-dung-dang'))).toBe(false);
      expect(PARTY.filter((id) => hrefs.slice(0, 3).some((h) => h.endsWith(`/read/${id}`))).length).toBeGreaterThanOrEqual(2);
      expect(await page.locator('vn-related [part~=snippet]').count()).toBe(hrefs.length); // the demo sets `snippets`
      await page.screenshot({ path: path.join(RESULTS_DIR, 'related.png'), fullPage: true });

      // Keyboard: the links are reachable with Tab, in order.
      await page.locator('vn-related [part~=link]').first().focus();
      expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toBe('link');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-i'))).toBe('1');

      // Following a related article shows that article with its own related list.
      const target = hrefs[0];
      await Promise.all([page.waitForURL(target), page.locator('vn-related [part~=link]').first().click()]);
      await page.locator(items()).first().waitFor();
      const next = await page.locator('vn-related [part~=link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(next).not.toContain(target);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it('embedded on another origin: English, limit, reloads when article-id changes, cancelable select', async () => {
      const site = await startServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News site</title>
<script src="${workerUrl}/widget.js" defer></script></head>
<body><article><h1>An article</h1></article>
<vn-related id="r" endpoint="${workerUrl}" article-id="sample-03-u23-viet-nam-thang-dam" lang="en" limit="2" heading-level="3" href-template="https://news.example/a/{id}"></vn-related>
</body></html>`);
      });
      try {
        const { page, problems } = await newPage();
        await page.goto(site.url);
        await page.locator(items('#r')).first().waitFor();
        expect(await page.locator('#r [part~=heading]').textContent()).toBe('Related articles');
        expect(await page.locator('#r [part~=heading]').evaluate((el) => el.tagName)).toBe('H3');
        expect(await page.locator(items('#r')).count()).toBeLessThanOrEqual(2);
        const first = page.locator('#r [part~=link]').first();
        expect(await first.getAttribute('href')).toBe('https://news.example/a/sample-25-u23-viet-nam-giao-huu-ronaldo');
        expect(await page.locator('#r [part~=snippet]').count()).toBe(0);

        // A listener can take over navigation.
        await page.evaluate(() => document.addEventListener('vn-related-select', (e) => e.preventDefault()));
        await first.click();
        expect(page.url()).toBe(`${site.url}/`);
        expect((await events(page)).find((e) => e.type === 'vn-related-select')?.detail.hit.id).toBe('sample-25-u23-viet-nam-giao-huu-ronaldo');

        // Changing the article reloads the list.
        await page.evaluate(() => document.getElementById('r')!.setAttribute('article-id', 'sample-01-ha-noi-xay-dung-dang'));
        await expect.poll(async () => (await events(page)).filter((e) => e.type === 'vn-related-results').map((e) => e.detail.articleId)).toEqual(['sample-03-u23-viet-nam-thang-dam', 'sample-01-ha-noi-xay-dung-dang']);
        await expect.poll(() => page.locator('#r [part~=link]').first().getAttribute('href')).not.toContain('sample-25');

        // An unknown article: the error state, announced, and an event saying why.
        await page.evaluate(() => document.getElementById('r')!.setAttribute('article-id', 'khong-ton-tai'));
        await expect.poll(() => page.locator('#r').getAttribute('data-state')).toBe('error');
        expect(await page.locator('#r [role=status]').textContent()).toBe('Related articles could not be loaded. Please try again later.');
        expect(await page.locator(items('#r')).count()).toBe(0);
        expect((await events(page)).find((e) => e.type === 'vn-related-error')?.detail).toMatchObject({ articleId: 'khong-ton-tai', status: 404, code: 'article_not_found' });
        expect(problems).toEqual([]);
        await page.context().close();
      } finally {
        await site.close();
      }
    });

    it('is themed by the same custom properties as <vn-search>, and by ::part', async () => {
      const site = await startServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>vn-related{--vn-search-font:Georgia,serif;--vn-search-fg:rgb(10, 20, 30)} vn-related::part(title){text-transform:uppercase}</style>
<script src="${workerUrl}/widget.js" defer></script></head>
<body><vn-related endpoint="${workerUrl}" article-id="sample-07-bo-y-te-tiem-vac-xin-soi"></vn-related></body></html>`);
      });
      try {
        const { page, problems } = await newPage();
        await page.goto(site.url);
        await page.locator(items()).first().waitFor();
        const heading = page.locator('vn-related [part~=heading]');
        expect(await heading.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia');
        expect(await heading.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(10, 20, 30)');
        expect(await page.locator('vn-related [part~=title]').first().evaluate((el) => getComputedStyle(el).textTransform)).toBe('uppercase');
        expect(problems).toEqual([]);
        await page.context().close();
      } finally {
        await site.close();
      }
    });
  });
}
