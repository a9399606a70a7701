import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { fakeIndexContext } from '../../../test/support/fake-index.js';
import { responseCache } from './index.js';

/** A minimal Cache API (what workerd provides), recording the keys stored. */
const stored = new Map<string, Response>();
const fakeCaches = {
  open: async () => ({
    match: async (key: Request | string) => stored.get(typeof key === 'string' ? key : key.url)?.clone(),
    put: async (key: Request | string, res: Response) => { stored.set(typeof key === 'string' ? key : key.url, res.clone()); },
  }),
};
let saved: unknown;
beforeAll(() => { saved = (globalThis as { caches?: unknown }).caches; (globalThis as { caches?: unknown }).caches = fakeCaches; });
afterAll(() => { (globalThis as { caches?: unknown }).caches = saved; });

describe('responseCache', () => {
  it('serves a repeated query from the cache, with the build and the live sequence number in its key', async () => {
    const state = { contentHash: 'abcdef0123456789ff', seq: 5, seqReads: 0 };
    let runs = 0;
    const a = new Hono<AppEnv>();
    a.use('*', fakeIndexContext(state), responseCache());
    a.get('/search', (c) => c.json({ run: ++runs }));
    const env = { RESPONSE_CACHE: 'on' };
    const ctx = { waitUntil: (p: Promise<unknown>) => void p, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;
    const get = async (url: string) => (await (await a.request(url, {}, env, ctx)).json() as { run: number }).run;
    expect(await get('/search?q=a&limit=2')).toBe(1);
    expect(await get('/search?limit=2&q=a')).toBe(1); // equivalent URL, same entry
    expect([...stored.keys()].map((k) => decodeURIComponent(k)), 'cache keys').toEqual([expect.stringContaining('cache.vn-search.invalid/abcdef0123456789/5/search?limit=2&q=a')]);
    state.seq = 6; // a write: the old entry is never served again
    expect(await get('/search?q=a&limit=2')).toBe(2);
    expect(await (await a.request('/search?q=a&limit=2', {}, { RESPONSE_CACHE: 'off' }, ctx)).json()).toEqual({ run: 3 });
  });
});
