/**
 * The `<vn-search>` widget and the demo page in real headless Chromium, against the Worker running
 * under `wrangler dev` (started by global-setup.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR, startServer } from './env.js';

const unavailable = inject('browserUnavailable');
const workerUrl = inject('workerUrl');

const combobox = 'vn-search input[role=combobox]';
const options = 'vn-search [role=listbox] [role=option]';
const status = 'vn-search [part~=status]';

let browser: Browser;

/** A fresh page that records console errors and CSP violations. */
async function newPage(width = 1280, height = 900): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    // Queries whose results or errors a widget has shown, so tests can wait for the final one.
    const w = window as unknown as { shownQueries: string[] };
    w.shownQueries = [];
    for (const type of ['vn-search-results', 'vn-search-error']) {
      document.addEventListener(type, (e) => w.shownQueries.push((e as CustomEvent<{ query: string }>).detail.query));
    }
  });
  return { page, problems };
}

/**
 * Types into the widget like a person (one key at a time), then waits until the widget shows the
 * outcome for the whole text (earlier, partial queries may render first).
 */
async function type(page: Page, text: string, selector = combobox): Promise<void> {
  await page.locator(selector).first().click();
  await page.locator(selector).first().pressSequentially(text, { delay: 35 });
  await page.waitForFunction((q) => (window as unknown as { shownQueries: string[] }).shownQueries.includes(q), text);
}

/** The active element's description, across shadow roots. */
function activeElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}` : 'none';
  });
}

if (unavailable && process.env.CI === 'true') {
  describe('browser tests', () => {
    it('need Chromium', () => {
      throw new Error(`${unavailable} CI must run them; see .ci/run.`);
    });
  });
} else {
  if (unavailable) console.warn(`\n⚠ Skipping the browser tests: ${unavailable}\n`);

  describe.skipIf(!!unavailable)('<vn-search> in Chromium', () => {
    beforeAll(async () => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('typing "ha noi" shows Hà Nội results with highlights and the interpretation', async () => {
      const { page, problems } = await newPage();
      const searches: string[] = [];
      page.on('request', (r) => { if (r.url().includes('/search?')) searches.push(r.url()); });
      await page.goto(`${workerUrl}/`);
      await type(page, 'ha noi');
      await page.locator(options).first().waitFor();
      const input = page.locator(combobox);
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      expect(await input.getAttribute('aria-controls')).toBe('lb');
      expect(await page.locator('vn-search [role=listbox]').getAttribute('id')).toBe('lb');
      await expect.poll(() => page.locator(status).textContent()).toContain('Hiển thị kết quả cho hà nội');
      expect(await page.locator(status).textContent()).toMatch(/\d+ kết quả/);
      expect(await page.locator(options).count()).toBe(6); // limit="6" on the demo page
      const firstMarks = await page.locator(`${options} >> nth=0`).locator('mark').allTextContents();
      expect(firstMarks).toContain('Hà Nội');
      // Each option is the result's link itself (no link nested in an option).
      const href = await page.locator(`${options} >> nth=0`).getAttribute('href');
      expect(await page.locator(`${options} >> nth=0`).evaluate((el) => el.tagName)).toBe('A');
      expect(href).toMatch(new RegExp(`^${workerUrl}/read/`)); // the demo page's href-template: its article pages
      // Debounced: fewer requests than keystrokes (typically one), and the last one is the full query.
      expect(searches.length).toBeLessThan('ha noi'.length);
      expect(searches.at(-1)).toContain('q=ha+noi&');
      expect(searches.at(-1)).toContain('prefix=true');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'widget.png') });
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it('keyboard: ↓/↑ move the active option, Esc closes, Enter opens the active hit', async () => {
      const { page } = await newPage();
      await page.goto(`${workerUrl}/`);
      await type(page, 'ha noi');
      await page.locator(options).first().waitFor();
      const input = page.locator(combobox);
      expect(await input.getAttribute('aria-activedescendant')).toBeNull();
      await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBe('o0');
      expect(await page.locator('vn-search #o0').getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBe('o1');
      expect(await page.locator('vn-search #o0').getAttribute('aria-selected')).toBe('false');
      await page.keyboard.press('ArrowUp');
      expect(await input.getAttribute('aria-activedescendant')).toBe('o0');
      expect(await activeElement(page)).toBe('input[role=combobox]'); // focus never leaves the box

      await page.keyboard.press('Escape');
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      expect(await input.getAttribute('aria-activedescendant')).toBeNull();
      expect(await page.locator('vn-search [role=listbox]').isVisible()).toBe(false);
      expect(await input.inputValue()).toBe('ha noi');

      await page.keyboard.press('ArrowDown'); // reopens on the first option
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      const target = await page.locator('vn-search #o1').getAttribute('href');
      await Promise.all([page.waitForURL(target!), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(target);
      expect(new URL(page.url()).pathname).toMatch(/^\/read\//);
      await page.context().close();
    });

    it('Tab leaves the widget (no focus trap) and Enter without a selection opens the results page', async () => {
      const { page } = await newPage();
      await page.goto(`${workerUrl}/`);
      await type(page, 'ha noi');
      await page.locator(options).first().waitFor();
      await page.keyboard.press('Tab');
      expect(await activeElement(page)).toBe('a');
      expect(await page.locator(combobox).getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Shift+Tab');
      expect(await activeElement(page)).toBe('input[role=combobox]');
      await Promise.all([page.waitForURL(/\?q=ha(%20|\+)noi/), page.keyboard.press('Enter')]);
      expect(await page.locator('.summary').textContent()).toMatch(/\d+ kết quả cho “ha noi”/);
      await page.context().close();
    });

    it('shows the empty state in Vietnamese', async () => {
      const { page } = await newPage();
      await page.goto(`${workerUrl}/`);
      await type(page, 'qqxxzzkk');
      await expect.poll(() => page.locator(status).textContent()).toContain('Không tìm thấy kết quả nào cho “qqxxzzkk”.');
      expect(await page.locator(options).count()).toBe(0);
      await page.context().close();
    });

    it('works embedded on a page of another origin (CORS), in English, with href-template', async () => {
      const site = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<script src="${workerUrl}/widget.js" defer></script></head>
<body><h1>Another site</h1>
<vn-search id="a" endpoint="${workerUrl}" lang="en" limit="4" href-template="https://news.example/a/{id}" freshness="30d"></vn-search>
<vn-search id="b" limit="3" placeholder="Default endpoint"></vn-search>
</body></html>`);
      });
      try {
        const { page, problems } = await newPage();
        const events: string[] = [];
        await page.exposeFunction('record', (s: string) => events.push(s));
        await page.addInitScript(() => {
          document.addEventListener('vn-search-results', (e) => (window as unknown as { record(s: string): void }).record(`results:${(e as CustomEvent).detail.total}`));
        });
        await page.goto(site.url);
        expect(new URL(page.url()).origin).not.toBe(new URL(workerUrl).origin);
        // freshness="30d" reaches the API: results ranked to prefer recent news.
        const fresh = page.waitForRequest((r) => r.url().startsWith(`${workerUrl}/search?`) && new URL(r.url()).searchParams.get('freshness') === '30d');
        await type(page, 'ha noi', '#a input');
        await fresh;
        await page.locator('#a [role=option]').first().waitFor();
        expect(await page.locator('#a [role=option]').count()).toBe(4);
        await expect.poll(() => page.locator('#a [part~=status]').textContent()).toContain('Showing results for hà nội');
        expect(await page.locator('#a [part~=status]').textContent()).toMatch(/\d+ results/);
        expect(await page.locator('#a [role=option]').first().getAttribute('href')).toMatch(/^https:\/\/news\.example\/a\/[\w-]+$/);
        expect(events[0]).toMatch(/^results:\d+$/);
        // Without an endpoint attribute the widget queries the server it was loaded from.
        expect(await page.locator('#b input').getAttribute('placeholder')).toBe('Default endpoint');
        await page.keyboard.press('Tab'); // closes #a (its panel covers #b) and moves on to #b
        expect(await page.locator('#a input').getAttribute('aria-expanded')).toBe('false');
        await page.locator('#b input').pressSequentially('gia vang', { delay: 35 });
        await page.waitForFunction(() => (window as unknown as { shownQueries: string[] }).shownQueries.includes('gia vang'));
        await page.locator('#b [role=option]').first().waitFor();
        expect(await page.locator('#b [role=option]').count()).toBeLessThanOrEqual(3);
        expect(await page.locator('#b [part~=status]').textContent()).toMatch(/\d+ kết quả/);
        expect(problems).toEqual([]);
        await page.context().close();
      } finally {
        await site.close();
      }
    });

    it('shows the Vietnamese error state when the API fails', async () => {
      let searched = 0;
      const failing = await startServer((req, res) => {
        if (req.url?.startsWith('/search')) {
          searched++;
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end('{"error":{"code":"internal_error","message":"Something went wrong on our side."}}');
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><script src="${workerUrl}/widget.js" defer></script></head>
<body><vn-search endpoint="/"></vn-search></body></html>`);
      });
      try {
        const { page } = await newPage();
        await page.goto(failing.url);
        const errors: unknown[] = [];
        await page.exposeFunction('recordError', (d: unknown) => errors.push(d));
        await page.evaluate(() => document.addEventListener('vn-search-error', (e) => (window as unknown as { recordError(d: unknown): void }).recordError((e as CustomEvent).detail)));
        await type(page, 'ha noi');
        await expect.poll(() => page.locator(status).textContent()).toBe('Không thể tải kết quả tìm kiếm. Vui lòng thử lại sau.');
        expect(await page.locator('vn-search .status').getAttribute('class')).toContain('error');
        expect(await page.locator('vn-search [role=status]').textContent()).toBe('Không thể tải kết quả tìm kiếm. Vui lòng thử lại sau.');
        expect(await page.locator(options).count()).toBe(0);
        expect(searched).toBeGreaterThan(0);
        await expect.poll(() => errors.length).toBeGreaterThan(0);
        expect(errors[0]).toMatchObject({ query: 'ha noi', status: 500, code: 'internal_error' });
        await page.context().close();
      } finally {
        await failing.close();
      }
    });

    it('the demo page: full results, facets, pagination, no CSP violation; screenshots', async () => {
      const { page, problems } = await newPage(1280, 900);
      await page.goto(`${workerUrl}/?q=ha+noi`);
      await page.locator('.hit').first().waitFor();
      expect(await page.locator('.hit').count()).toBe(10);
      expect(await page.locator('.hit mark').first().textContent()).toMatch(/Hà Nội/i);
      expect(await page.locator('.years a').count()).toBeGreaterThan(3);
      expect(await page.locator('nav.pages a[aria-current=page]').textContent()).toBe('1');
      // The widget is styled (constructable stylesheet, allowed by the strict CSP).
      const radius = await page.locator(combobox).evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
      expect(radius).toBe('14px');
      expect(await page.locator(combobox).inputValue()).toBe('ha noi');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'demo.png'), fullPage: true });

      await page.locator('.years a').first().click();
      await page.waitForURL(/from=\d{4}-01-01/);
      expect(await page.locator('.years a[aria-current]').count()).toBe(1);
      await page.locator('nav.pages a[rel=next], .hit').first().waitFor();
      expect(problems).toEqual([]);
      await page.context().close();

      const home = await newPage(1280, 900);
      await home.page.goto(`${workerUrl}/`);
      await home.page.locator(combobox).waitFor();
      await home.page.screenshot({ path: path.join(RESULTS_DIR, 'demo-home.png'), fullPage: true });
      expect(home.problems).toEqual([]);
      await home.page.context().close();

      const mobile = await newPage(390, 844);
      await mobile.page.goto(`${workerUrl}/`);
      await mobile.page.locator(combobox).waitFor();
      await mobile.page.screenshot({ path: path.join(RESULTS_DIR, 'demo-mobile.png'), fullPage: true });
      expect(mobile.problems).toEqual([]);
      await mobile.page.context().close();
    });
  });
}
