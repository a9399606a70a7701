import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { requestLog } from './index.js';

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', requestLog());
  a.get('/search', (c) => { c.set('logFields', { hits: 3, query_length: 6 }); return c.json({ ok: true }); });
  return a;
}

const lines = () => (console.log as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => JSON.parse(String(c[0])));
afterEach(() => vi.restoreAllMocks());

describe('requestLog', () => {
  it('writes one JSON line per request with route, status and fields, never the query text or the IP', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await app().request('/search?q=h%C3%A0+n%E1%BB%99i', { headers: { 'CF-Connecting-IP': '203.0.113.9', Authorization: 'Bearer secret' } }, { REQUEST_LOG: 'on' });
    const [line] = lines();
    expect(line).toMatchObject({ level: 'info', route: '/search', method: 'GET', status: 200, hits: 3, query_length: 6 });
    expect(typeof line.took_ms).toBe('number');
    const text = JSON.stringify(line);
    for (const secret of ['hà nội', 'h%C3%A0', '203.0.113.9', 'secret']) expect(text).not.toContain(secret);
  });

  it('adds the client IP only with LOG_CLIENT_IP = "on", and is silent with REQUEST_LOG = "off"', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await app().request('/search', { headers: { 'CF-Connecting-IP': '203.0.113.9' } }, { LOG_CLIENT_IP: 'on' });
    expect(lines()[0].client_ip).toBe('203.0.113.9');
    await app().request('/search', {}, { REQUEST_LOG: 'off' });
    expect(lines()).toHaveLength(1);
  });
});
