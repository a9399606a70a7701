import { describe, expect, it } from 'vitest';
import { request } from '../support/helpers.js';

describe('ETag and Cache-Control', () => {
  it('gives an ETag from the index and the normalized request, and 304 on If-None-Match', async () => {
    const a = await request('/search?q=h%C3%A0+n%E1%BB%99i&limit=5');
    expect(a.status).toBe(200);
    const etag = a.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(a.headers.get('cache-control')).toMatch(/max-age=60/);
    // Same request with parameters reordered: same ETag.
    const b = await request('/search?limit=5&q=h%C3%A0+n%E1%BB%99i');
    expect(b.headers.get('etag')).toBe(etag);
    const c = await request('/search?q=h%C3%A0+n%E1%BB%99i&limit=5', { headers: { 'If-None-Match': etag! } });
    expect(c.status).toBe(304);
    expect(await c.text()).toBe('');
    const other = await request('/search?q=h%C3%A0+n%E1%BB%99i&limit=6');
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('does not 304 a stale ETag and does not set ETags on errors', async () => {
    const r = await request('/search?q=x', { headers: { 'If-None-Match': '"0000"' } });
    expect(r.status).toBe(200);
    const bad = await request('/search?limit=0&q=x');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('etag')).toBeNull();
  });

  it('serves repeated queries identically (Cache API in front of the search)', async () => {
    const first = await (await request('/search?q=vinamilk')).json() as Record<string, unknown>;
    const second = await (await request('/search?q=vinamilk')).json() as Record<string, unknown>;
    expect({ ...second, took_ms: 0 }).toEqual({ ...first, took_ms: 0 });
  });
});
