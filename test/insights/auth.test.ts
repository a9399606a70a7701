import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.js';
import { getJson, request } from '../support/helpers.js';
import { AUTH, TOKEN } from './support.js';

/** Calls the Worker with other bindings (e.g. without the secret). */
async function withEnv(over: Record<string, unknown>, path: string, headers: Record<string, string> = {}) {
  const e = { ...env, ...over } as typeof env;
  for (const [k, v] of Object.entries(over)) if (v === undefined) delete (e as unknown as Record<string, unknown>)[k];
  const res = await worker.fetch(new Request(`http://localhost${path}`, { headers }), e, createExecutionContext());
  const text = await res.text();
  return { status: res.status, text, json: (() => { try { return JSON.parse(text); } catch { return null; } })(), res };
}

describe('GET /insights: operator authentication', () => {
  it('answers 403 JSON saying how to enable it when no secret is configured', async () => {
    const r = await withEnv({ INSIGHTS_TOKEN: undefined }, '/insights', AUTH);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('operator_routes_disabled');
    expect(r.json.error.message).toContain('wrangler secret put INSIGHTS_TOKEN');
    expect(r.json.error.message).toContain('.dev.vars');
  });

  it('answers 401 JSON for a missing, malformed or wrong token', async () => {
    const missing = await getJson('/insights');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    expect(missing.body.error.message).toContain('INSIGHTS_TOKEN or INGEST_TOKEN');
    expect(missing.res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer nope', `Basic ${btoa('a:b')}`, 'Bearer', `Bearer ${TOKEN.slice(0, -1)}`]) {
      const r = await getJson('/insights', { headers: { Authorization: authorization } });
      expect(r.status, authorization).toBe(401);
      expect(r.body.error.code, authorization).toBe('unauthorized');
      expect(r.res.headers.get('www-authenticate'), authorization).toMatch(/^Bearer /);
      expect(JSON.stringify(r.body)).not.toContain(TOKEN);
    }
  });

  it('answers 200 JSON with the right token, not cacheable', async () => {
    const r = await getJson('/insights', { headers: AUTH });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ recording: true, utc_offset: '+07:00', totals: expect.any(Object), days: expect.any(Array), top_queries: expect.any(Array) });
    expect(r.res.headers.get('cache-control')).toBe('no-store');
    expect(r.res.headers.get('vary')).toContain('Authorization');
  });

  it('also accepts the write secret INGEST_TOKEN, and only it when INSIGHTS_TOKEN is unset', async () => {
    const ingest = 'ingest-secret-abcdef0123456789';
    expect((await withEnv({ INGEST_TOKEN: ingest }, '/insights', { Authorization: `Bearer ${ingest}` })).status).toBe(200);
    expect((await withEnv({ INGEST_TOKEN: ingest }, '/insights', AUTH)).status).toBe(200);
    expect((await withEnv({ INSIGHTS_TOKEN: undefined, INGEST_TOKEN: ingest }, '/insights', { Authorization: `Bearer ${ingest}` })).status).toBe(200);
    expect((await withEnv({ INSIGHTS_TOKEN: undefined, INGEST_TOKEN: ingest }, '/insights', AUTH)).status).toBe(401);
  });

  it('validates the range with 400 JSON', async () => {
    for (const [qs, code] of [['from=2026-13-01', 'invalid_parameter'], ['from=2026-03-10&to=2026-03-01', 'invalid_range'], ['from=2020-01-01&to=2026-01-01', 'invalid_range'], ['limit=0', 'invalid_parameter'], ['lang=fr', 'invalid_parameter']]) {
      const r = await getJson(`/insights?${qs}`, { headers: AUTH });
      expect(r.status, qs).toBe(400);
      expect(r.body.error.code, qs).toBe(code);
    }
  });
});

describe('GET /insights in a browser', () => {
  const browser = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Accept-Language': 'vi-VN,vi;q=0.9' };

  it('serves the page with a token form (no data) to a browser without a token, under a strict CSP', async () => {
    const res = await request('/insights', { headers: browser });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Thống kê tìm kiếm');
    expect(page).toContain('id="token-form"');
    expect(page).toContain('<div id="report"></div>');
    expect(page).not.toMatch(/<script>|style="/);
    expect(page).not.toContain('not-configured');
  });

  it('says on the page how to enable insights when no token is configured', async () => {
    const r = await withEnv({ INSIGHTS_TOKEN: undefined }, '/insights', browser);
    expect(r.status).toBe(200);
    expect(r.text).toContain('id="not-configured"');
    expect(r.text).toContain('wrangler secret put INSIGHTS_TOKEN');
  });

  it('serves the server-rendered report with the token, in English when asked', async () => {
    const res = await request('/insights?lang=en', { headers: { ...browser, ...AUTH } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Searches per day');
    expect(page.match(/<svg class="chart"/g)).toHaveLength(3);
    const wrong = await request('/insights', { headers: { ...browser, Authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
  });

  it('serves its script and stylesheet', async () => {
    const page = await (await request('/insights', { headers: browser })).text();
    const js = /src="(\/insights\.js\?v=[^"]+)"/.exec(page)![1];
    const css = /href="(\/insights\.css\?v=[^"]+)"/.exec(page)![1];
    const jsRes = await request(js);
    expect(jsRes.status).toBe(200);
    expect(jsRes.headers.get('content-type')).toMatch(/javascript/);
    expect(await jsRes.text()).toContain('sessionStorage');
    const cssRes = await request(css);
    expect(cssRes.headers.get('content-type')).toMatch(/text\/css/);
    expect(cssRes.headers.get('cache-control')).toContain('immutable');
  });
});

describe('OpenAPI', () => {
  it('documents /insights with its bearer security and /events', async () => {
    const { body } = await getJson('/openapi.json');
    const op = body.paths['/insights'].get;
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '503']));
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['fragments', 'from', 'lang', 'limit', 'to']);
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(body.components.securitySchemes.bearer.description).toContain('INSIGHTS_TOKEN');
    expect(body.components.schemas.InsightsReport).toBeDefined();
    const events = body.paths['/events'].post;
    expect(Object.keys(events.responses)).toEqual(expect.arrayContaining(['204', '400', '413', '415', '429']));
    expect(events.requestBody.content['text/plain']).toBeDefined();
  });

  it('the docs page shows how to call them', async () => {
    const html = await (await request('/docs')).text();
    expect(html).toContain('curl -H &quot;Authorization: Bearer $TOKEN&quot;');
    expect(html).toContain('curl -X POST -H &#39;content-type: text/plain&#39; -d &#39;{&quot;type&quot;:&quot;click&quot;');
  });
});
