import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index.js';
import { SearchResponseSchema } from '../../src/routes/search.js';
import { SuggestResponseSchema } from '../../src/routes/suggest.js';
import { longQuery } from '../support/arbitraries.js';
import { contractViolation, encodeComponent, engineQueryString, queryString, RAW_URL_GARBAGE, SEARCH_PARAMS, SUGGEST_PARAMS, WRONG_VALUES } from '../support/fuzz-http.js';
import { request } from '../support/helpers.js';

/**
 * Generated requests per property. This file runs in both worker projects, so one CI run sends
 * 2 × (SEARCH_RUNS + ENGINE_RUNS + SUGGEST_RUNS + LONG_RUNS) generated requests plus the fixed cases below.
 */
const SEARCH_RUNS = 600;
const ENGINE_RUNS = 500;
const SUGGEST_RUNS = 400;
const LONG_RUNS = 60;

/** The Worker's bindings with the per-request log line off (thousands of lines would slow the run). */
const quietEnv = { ...(env as object), REQUEST_LOG: 'off' } as Parameters<typeof worker.fetch>[1];

/**
 * Execution contexts whose background work (`waitUntil`: the insights buffer's flush, shared loads)
 * is still to be awaited. The insights buffer flushes 500 ms after the first query it holds, so
 * awaiting each request's context would make every request wait for it (1,500 requests took 5 minutes
 * of idle waiting): the contexts are awaited together after each test instead, so the hostile
 * queries still go through recording and its flushes.
 */
const unsettled: ExecutionContext[] = [];
afterEach(async () => {
  await Promise.all(unsettled.splice(0).map((ctx) => waitOnExecutionContext(ctx)));
});

/** Sends a raw path through the whole Worker (middleware, cache, routes) and says why it breaks the contract (null when fine). */
async function check(path: string, schema: Parameters<typeof contractViolation>[3]): Promise<string | null> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://localhost${path}`), quietEnv, ctx);
  unsettled.push(ctx);
  const text = await res.text();
  const problem = contractViolation(res.status, res.headers.get('content-type'), text, schema);
  return problem && `${path.slice(0, 200)} → ${problem}`;
}

let suggestRouted = false;
beforeAll(async () => {
  suggestRouted = (await request('/suggest?q=ha')).status !== 404;
});

describe('the contract checker', () => {
  const json = 'application/json; charset=UTF-8';
  it('flags 5xx, bare or leaky errors and malformed 200 bodies', () => {
    expect(contractViolation(500, json, '{"error":{"code":"internal_error","message":"Something went wrong."}}', null)).toMatch(/status 500/);
    expect(contractViolation(400, json, '{"error":{"code":"bad","message":""}}', null)).toMatch(/message/);
    expect(contractViolation(400, json, '{"message":"limit is wrong, fix it"}', null)).toMatch(/code/);
    expect(contractViolation(400, 'text/plain', 'Bad Request', null)).toMatch(/content-type/);
    expect(contractViolation(400, json, '{"error":{"code":"x","message":"TypeError: a is undefined\\n    at f (/work/main/src/app.ts:1:2)"}}', null)).toMatch(/internals/);
    expect(contractViolation(200, json, '{"query":"x","hits":"none"}', SearchResponseSchema)).toMatch(/schema/);
    expect(contractViolation(400, json, '{"error":{"code":"invalid_parameter","message":"limit must be a whole number from 1 to 50."}}', null)).toBeNull();
  });
});

describe('fixed hostile requests', { timeout: 120_000 }, () => {
  const q = (s: string) => `/search?q=${encodeComponent(s)}`;
  const cases = [
    ...RAW_URL_GARBAGE.map((g) => `/search?q=${g}`),
    ...RAW_URL_GARBAGE.map((g) => `/search?q=ha${g}noi&limit=${g}`),
    '/search?q=%E0%A4%A&from=%FF&to=%',
    q('a'.repeat(10_000)),
    q('á'.normalize('NFD').repeat(3000)),
    q('a' + '\u0301'.repeat(511)),
    q('\ud800'.repeat(300)),
    q('\u0000\u0001\u001f\u007f\u0085\u2028\u2029'),
    q(Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ')),
    q('ha noi '.repeat(73)),
    q('"""'), q('---'), q('- "'), q('"-"-"-"'), q('-"hà nội"'), q('-'), q('"'), q('- - - -'), q('"'.repeat(512)), q('-a '.repeat(170)),
    ...SEARCH_PARAMS.slice(0, 12).flatMap((p) => WRONG_VALUES.map((v) => `/search?q=ha+noi&${p}=${encodeComponent(v)}`)),
    ...SEARCH_PARAMS.map((p) => `/search?q=ha+noi&${p}=1&${p}=2&${p}=`),
    '/search?q=ha+noi&q=da+nang', '/search?q[]=x', '/search?&&&', '/search?=', '/search?q', '/search?q=x&limit', '/search?category=&from=',
    '/search?from=2024-01-01', '/search?category=nope&sort=date:desc', '/search?to=1900-01-01&facets=year,category',
    '/health?x=%FF', '/health?%', '/nope%FF', '/%', '/search/%FF', '/articles/%FF', '/articles/%E0%A4%A', '/articles/' + encodeComponent('\ud800'.repeat(40)),
  ];

  it(`${cases.length} fixed cases: no 5xx, documented error bodies, valid 200 bodies`, async () => {
    const problems: string[] = [];
    for (const path of cases) {
      const p = await check(path, path.startsWith('/search') ? SearchResponseSchema : null);
      if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
  });

  it('a 10,000-character query is a 400 query_too_long, not a 5xx', async () => {
    const res = await request(q('a '.repeat(5000)));
    expect(res.status).toBe(400);
    expect((await res.json() as { error: { code: string } }).error.code).toBe('query_too_long');
  });
});

describe('fuzzed requests', { timeout: 180_000 }, () => {
  it(`/search: ${ENGINE_RUNS} generated queries with valid parameters`, async () => {
    await fc.assert(fc.asyncProperty(engineQueryString, async (qs) => {
      expect(await check(`/search?${qs}`, SearchResponseSchema)).toBeNull();
    }), { numRuns: ENGINE_RUNS });
  });

  it(`/search: ${SEARCH_RUNS} generated query strings with wrong, repeated and raw parameters`, async () => {
    await fc.assert(fc.asyncProperty(queryString(SEARCH_PARAMS), async (qs) => {
      expect(await check(`/search?${qs}`, SearchResponseSchema)).toBeNull();
    }), { numRuns: SEARCH_RUNS });
  });

  it(`/search: ${LONG_RUNS} very long queries (≤ 512 characters after trimming are searched)`, async () => {
    await fc.assert(fc.asyncProperty(longQuery, fc.integer({ min: 1, max: 600 }), async (text, cut) => {
      expect(await check(`/search?q=${encodeComponent(text.slice(0, cut))}&facets=year`, SearchResponseSchema)).toBeNull();
    }), { numRuns: LONG_RUNS });
  });

  it(`/suggest: ${SUGGEST_RUNS} generated query strings (when the route is mounted)`, async () => {
    if (!suggestRouted) return;
    await fc.assert(fc.asyncProperty(queryString(SUGGEST_PARAMS), async (qs) => {
      expect(await check(`/suggest?${qs}`, SuggestResponseSchema)).toBeNull();
    }), { numRuns: SUGGEST_RUNS });
  });
});
