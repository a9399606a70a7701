import { describe, expect, it } from 'vitest';
import { request } from '../support/helpers.js';

describe('rate limiting (RATE_LIMIT=on, 3 requests per minute per client)', () => {
  it('answers 429 JSON with Retry-After once a client is over budget, per client IP', async () => {
    const headers = { 'CF-Connecting-IP': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(`/search?q=ha+noi&i=${i}`, { headers })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const limited = await request('/search?q=ha+noi&i=9', { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    const body = await limited.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    // Another client is unaffected.
    expect((await request('/search?q=ha+noi', { headers: { 'CF-Connecting-IP': '198.51.100.1' } })).status).toBe(200);
  });

  it('counts /health (it loads and verifies every shard) against the same budget', async () => {
    const headers = { 'CF-Connecting-IP': '203.0.113.8' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request('/health', { headers })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
