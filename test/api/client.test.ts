import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../src/app.js';

describe("typed client (hono's hc)", () => {
  it('calls /search with typed parameters and response', async () => {
    const worker = (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default;
    const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => worker.fetch(new Request(input, init)) });
    const res = await client.search.$get({ query: { q: 'hà nội', limit: '3' } });
    expect(res.status).toBe(200);
    if (res.status === 200) {
      const body = await res.json();
      expect(body.total).toBe(5);
      expect(body.hits.length).toBe(3);
    }
  });
});
