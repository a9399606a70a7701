/**
 * The search-insights page in real headless Chromium, against `wrangler dev` (global-setup.ts, with
 * INSIGHTS_TOKEN set): searches and a result click made in the widget show up on /insights after the
 * token is entered; the token lives in sessionStorage only.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, INSIGHTS_TEST_TOKEN, RESULTS_DIR } from './env.js';

const unavailable = inject('browserUnavailable');
const workerUrl = inject('workerUrl');
const combobox = 'vn-search input[role=combobox]';
const options = 'vn-search [role=listbox] [role=option]';

let browser: Browser;

/** A page that records console errors (other than the 401 the wrong-token step causes) and CSP violations. */
async function newPage(locale = 'vi-VN'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    // Keep the page on result clicks (the click is still reported).
    document.addEventListener('vn-search-select', (e) => e.preventDefault());
    const w = window as unknown as { shownQueries: string[] };
    w.shownQueries = [];
    document.addEventListener('vn-search-results', (e) => w.shownQueries.push((e as CustomEvent<{ query: string }>).detail.query));
  });
  return { page, problems };
}

async function typeQuery(page: Page, text: string): Promise<void> {
  const input = page.locator(combobox).first();
  await input.fill('');
  await input.pressSequentially(text, { delay: 35 });
  await page.waitForFunction((q) => (window as unknown as { shownQueries: string[] }).shownQueries.includes(q), text);
}

describe.skipIf(!!unavailable)('the insights page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the searches and clicks just made, with tables and charts, after the token is entered', async () => {
    // Searches through the API, some repeated, one finding nothing.
    for (const q of ['giá vàng', 'gia vang', 'gia vang', 'bóng đá', 'bong da', 'zzqqxxkhong', 'zzqqxxkhong', 'chứng khoán']) {
      const res = await fetch(`${workerUrl}/search?q=${encodeURIComponent(q)}&insights-browser=1`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    // A reader types in the widget on the demo page and opens the first result.
    const { page, problems } = await newPage();
    await page.goto(`${workerUrl}/`);
    await page.locator(combobox).first().click();
    await typeQuery(page, 'thời tiết');
    await page.locator(options).first().waitFor();
    const beacon = page.waitForRequest((r) => r.url() === `${workerUrl}/events` && r.method() === 'POST');
    await page.locator(`${options} >> nth=0`).click();
    const sent = await beacon;
    expect(JSON.parse(sent.postData() ?? '')).toEqual({ type: 'click', q: 'thời tiết', rank: 1 });
    expect(sent.headers()['content-type']).toMatch(/^text\/plain/);

    // The insights page: a token form first.
    await page.goto(`${workerUrl}/insights`);
    expect(await page.locator('h1').textContent()).toBe('Thống kê tìm kiếm');
    await expect.poll(() => page.locator('#token-form').isVisible()).toBe(true);
    expect(await page.locator('#report').innerHTML()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    // A wrong token: the API's message, and the form stays.
    await page.locator('input[name=token]').fill('not-the-token');
    await page.locator('#token-form button[type=submit]').click();
    await expect.poll(() => page.locator('#token-status').textContent()).toContain('bearer token is not');
    expect(await page.evaluate(() => sessionStorage.getItem('vn-search-insights-token'))).toBeNull();
    // The right token: the server-rendered report replaces the placeholder.
    await page.locator('input[name=token]').fill(INSIGHTS_TEST_TOKEN);
    await page.locator('#token-form button[type=submit]').click();
    await page.locator('#report table').first().waitFor();
    await expect.poll(async () => (await page.locator('#report').textContent()) ?? '').toContain('gia vang');
    const report = (await page.locator('#report').textContent()) ?? '';
    expect(report).toContain('Từ khóa được tìm nhiều nhất');
    expect(report).toContain('zzqqxxkhong');
    expect(await page.locator('#report svg.chart').count()).toBe(3);
    expect(await page.locator('#report svg.chart rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#token-form').isVisible()).toBe(false);
    // The click was counted against the query the widget showed.
    await expect.poll(async () => {
      await page.reload();
      await page.locator('#report table').first().waitFor();
      const row = page.locator('#report table').first().locator('tr', { hasText: 'thoi tiet' });
      return (await row.count()) ? (await row.locator('td').nth(4).textContent())?.trim() : 'missing'; // query, searches, no results, mean hits, clicks
    }, { timeout: 10_000 }).toBe('1');

    // The token is in sessionStorage only: not in the URL, a cookie or localStorage.
    expect(await page.evaluate(() => sessionStorage.getItem('vn-search-insights-token'))).toBe(INSIGHTS_TEST_TOKEN);
    expect(await page.evaluate(() => ({ local: localStorage.length, cookie: document.cookie, url: location.href })))
      .toEqual({ local: 0, cookie: '', url: `${workerUrl}/insights` });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'insights.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // "Forget token" clears it and brings the form back.
    await page.locator('#forget-token').click();
    await page.locator('#token-form').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => sessionStorage.getItem('vn-search-insights-token'))).toBeNull();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('speaks English to a browser that does not ask for Vietnamese', async () => {
    const { page, problems } = await newPage('en-GB');
    await page.goto(`${workerUrl}/insights`);
    expect(await page.locator('h1').textContent()).toBe('Search insights');
    await page.locator('input[name=token]').fill(INSIGHTS_TEST_TOKEN);
    await page.locator('#token-form button[type=submit]').click();
    await page.locator('#report svg.chart').first().waitFor();
    expect(await page.locator('#report h2').allTextContents()).toEqual(expect.arrayContaining(['Searches per day', 'Top queries', 'Queries without results']));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
