import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { fakeIndexContext, type FakeIndex } from '../../../test/support/fake-index.js';
import { conditionalGet } from './index.js';

function app(state: FakeIndex) {
  const a = new Hono<AppEnv>();
  a.use('*', fakeIndexContext(state), conditionalGet());
  a.get('/search', (c) => { c.set('servedSeq', state.seq); return c.json({ q: c.req.query('q') }); });
  a.get('/silent', (c) => c.json({ ok: true })); // does not say which live state it served
  a.get('/bad', (c) => { c.set('servedSeq', state.seq); return c.json({ error: 'x' }, 400); });
  return a;
}

describe('conditionalGet', () => {
  it('gives equivalent requests one ETag, answers 304 on If-None-Match, and changes the ETag with every write', async () => {
    const state = { contentHash: 'h1', seq: 3, seqReads: 0 };
    const a = app(state);
    const first = await a.request('/search?q=ha+noi&limit=5');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=60/);
    expect(state.seqReads).toBe(0); // no extra call to the live index without If-None-Match
    expect((await a.request('/search?limit=5&q=ha+noi')).headers.get('etag')).toBe(etag);
    const hit = await a.request('/search?q=ha+noi&limit=5', { headers: { 'If-None-Match': `W/${etag}, "other"` } });
    expect(hit.status).toBe(304);
    expect(await hit.text()).toBe('');
    state.seq = 4; // an article was written
    const after = await a.request('/search?q=ha+noi&limit=5', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    state.contentHash = 'h2'; // a new build
    expect((await a.request('/search?q=ha+noi&limit=5')).headers.get('etag')).not.toBe(after.headers.get('etag'));
  });

  it('sets no ETag on errors, on routes that do not say what they served, or on writes', async () => {
    const a = app({ contentHash: 'h', seq: 1, seqReads: 0 });
    expect((await a.request('/bad')).headers.get('etag')).toBeNull();
    expect((await a.request('/silent')).headers.get('etag')).toBeNull();
    expect((await a.request('/search', { method: 'POST' })).headers.get('etag')).toBeNull();
  });
});
