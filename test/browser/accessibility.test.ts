/**
 * axe-core (WCAG 2.1 A/AA and best practices) on every state of the `<vn-search>` widget, of `<vn-related>` and of the
 * demo page, in headless Chromium against the Worker under `wrangler dev` (global-setup.ts). The
 * widget is checked in its default theme and in the dark theme its README documents (read from
 * widget/README.md, so the documented variables are what is tested); the demo page has one theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderDemoPage } from '../../src/routes/demo/view.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, startServer } from './env.js';

const unavailable = inject('browserUnavailable');
const workerUrl = inject('workerUrl');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Rule sets run on every state. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const combobox = 'vn-search input[role=combobox]';
const options = 'vn-search [role=listbox] [role=option]';

/** The dark theme of widget/README.md ("A dark theme is a handful of variables"), as documented. */
function documentedDarkTheme(): string {
  const readme = readFileSync(path.join(ROOT, 'widget/README.md'), 'utf8');
  const m = /A dark theme is a handful of variables:\s*```css\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('widget/README.md no longer documents a dark theme; update this test');
  return m[1];
}

const THEMES = {
  default: { page: 'body{background:#fff;color:#1c2333}', widget: '' },
  dark: { page: 'body{background:#0b1120;color:#f3f4f6}', widget: documentedDarkTheme() },
} as const;
type Theme = keyof typeof THEMES;

let browser: Browser;
/** A page of another site embedding the widget: `/?theme=…&api=worker|failing`; `/search` always fails. */
let site: { url: string; close: () => Promise<void> };

/** axe's violations on the page (open shadow roots included), one line each. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE); // through DevTools: not subject to the page's CSP
  const result = await page.evaluate((tags) => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } })
    .axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`).join('; ')}`);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shownQueries: string[] };
    w.shownQueries = [];
    for (const type of ['vn-search-results', 'vn-search-error']) {
      document.addEventListener(type, (e) => w.shownQueries.push((e as CustomEvent<{ query: string }>).detail.query));
    }
  });
  return page;
}

/** Types like a person and waits until the widget shows the outcome for the whole text. */
async function type(page: Page, text: string): Promise<void> {
  await page.locator(combobox).click();
  await page.locator(combobox).pressSequentially(text, { delay: 30 });
  await page.waitForFunction((q) => (window as unknown as { shownQueries: string[] }).shownQueries.includes(q), text);
}

/** The widget states, each reached from a fresh page with `open(page)`. */
const widgetStates: Array<[string, (page: Page) => Promise<void>]> = [
  ['idle', async () => {}],
  ['suggestions open', async (page) => { await type(page, 'ha noi'); await page.locator(options).first().waitFor(); }],
  ['suggestions, an option active', async (page) => {
    await type(page, 'ha noi');
    await page.locator(options).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(combobox).getAttribute('aria-activedescendant')).toBe('o1');
  }],
  ['no result', async (page) => { await type(page, 'qqxxzzkk'); await page.locator('vn-search .status.note').waitFor(); }],
];

// Without Chromium, widget.test.ts reports why (and fails in CI).
describe.skipIf(!!unavailable)('accessibility (axe-core, WCAG 2.1 AA + best practices)', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    site = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/search') {
        res.writeHead(500, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end('{"error":{"code":"internal_error","message":"Something went wrong on our side."}}');
        return;
      }
      const theme = THEMES[(url.searchParams.get('theme') ?? 'default') as Theme] ?? THEMES.default;
      const endpoint = url.searchParams.get('api') === 'failing' ? '/' : workerUrl;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo mẫu</title>
<style>${theme.page} ${theme.widget}</style><script src="${workerUrl}/widget.js" defer></script></head>
<body><main><h1>Báo mẫu</h1><vn-search endpoint="${endpoint}" limit="5"></vn-search></main></body></html>`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const theme of Object.keys(THEMES) as Theme[]) {
    describe(`the widget on another site, ${theme} theme`, () => {
      for (const [state, reach] of widgetStates) {
        it(state, async () => {
          const page = await newPage();
          await page.goto(`${site.url}/?theme=${theme}`);
          await page.locator(combobox).waitFor();
          await reach(page);
          expect(await violations(page)).toEqual([]);
          await page.context().close();
        });
      }
      it('error (the API fails)', async () => {
        const page = await newPage();
        await page.goto(`${site.url}/?theme=${theme}&api=failing`);
        await type(page, 'ha noi');
        await page.locator('vn-search .status.error').waitFor();
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    });
  }

  describe('the demo page', () => {
    for (const [state, reach] of widgetStates) {
      it(`home, widget ${state}`, async () => {
        const page = await newPage();
        await page.goto(`${workerUrl}/`);
        await page.locator(combobox).waitFor();
        await reach(page);
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    it('home, widget error (the API fails)', async () => {
      const page = await newPage();
      await page.route(`${workerUrl}/search?**`, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal_error","message":"x"}}' }));
      await page.goto(`${workerUrl}/`);
      await type(page, 'ha noi');
      await page.locator('vn-search .status.error').waitFor();
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    const pages: Array<[string, string, string]> = [
      ['results (page 1 of several, highlights, facets)', '/?q=ha+noi', '.hit'],
      ['results, page 2, newest first', '/?q=ha+noi&page=2&sort=date:desc', '.hit'],
      ['results with notices about bad parameters', '/?q=ha+noi&page=abc&sort=-date&from=nope', '.notice.warn'],
      ['no result', '/?q=qqxxzzkk', '.empty'],
      ['API docs', '/docs', 'h1'],
      ['article page ending with <vn-related>', '/read/sample-01-ha-noi-xay-dung-dang', 'vn-related [part~=item]'],
      ['article page, unknown id', '/read/khong-co', '.empty'],
    ];
    for (const [state, url, ready] of pages) {
      it(state, async () => {
        const page = await newPage();
        await page.goto(`${workerUrl}${url}`);
        await page.locator(ready).first().waitFor();
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    for (const [state, status] of [['<vn-related> error state', 500], ['<vn-related> empty state', 200]] as const) {
      it(state, async () => {
        const page = await newPage();
        await page.route(`${workerUrl}/articles/*/related?**`, (route) => route.fulfill({
          status, contentType: 'application/json',
          body: status === 200 ? '{"article":{"id":"x","title":"x"},"took_ms":1,"limit":5,"duplicates":[],"hits":[]}' : '{"error":{"code":"internal_error","message":"x"}}',
        }));
        await page.goto(`${workerUrl}/read/sample-01-ha-noi-xay-dung-dang`);
        await page.locator(`vn-related[data-state=${status === 200 ? 'empty' : 'error'}]`).waitFor();
        expect(await violations(page)).toEqual([]);
        await page.context().close();
      });
    }

    it('the index is unavailable (503)', async () => {
      // The page the Worker renders when the index cannot be served (src/routes/demo-page.ts), with
      // its real stylesheet and widget from the Worker.
      const html = String(await renderDemoPage({
        origin: workerUrl, widgetSrc: '/widget.js', notices: [], q: '', page: 1, sort: 'relevance', categories: [],
        unavailable: 'Chỉ mục tìm kiếm hiện chưa sẵn sàng. Vui lòng thử lại sau ít phút.',
      }));
      const page = await newPage();
      await page.route(`${workerUrl}/unavailable`, (route) => route.fulfill({ status: 503, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(`${workerUrl}/unavailable`);
      await page.locator('.notice.warn').waitFor();
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  });
});
