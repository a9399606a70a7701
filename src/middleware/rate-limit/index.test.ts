import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { rateLimit, RETRY_AFTER_SECONDS } from './index.js';

/** A Rate Limiting binding allowing `budget` calls per key. */
function limiter(budget: number) {
  const used = new Map<string, number>();
  return { keys: used, limit: async ({ key }: { key: string }) => { used.set(key, (used.get(key) ?? 0) + 1); return { success: used.get(key)! <= budget }; } };
}

function app() {
  const a = new Hono<AppEnv>();
  a.use('*', rateLimit());
  a.get('/search', (c) => c.json({ ok: true }));
  a.put('/articles/x', (c) => c.json({ ok: true }));
  return a;
}

describe('rateLimit', () => {
  it('answers 429 JSON with Retry-After once a client used its budget, per client IP', async () => {
    const rl = limiter(2);
    const env = { RATE_LIMIT: 'on', RATE_LIMITER: rl };
    const from = (ip: string) => app().request('/search', { headers: { 'CF-Connecting-IP': ip } }, env);
    expect((await from('1.1.1.1')).status).toBe(200);
    expect((await from('1.1.1.1')).status).toBe(200);
    const limited = await from('1.1.1.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect((await limited.json() as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await from('2.2.2.2')).status).toBe(200);
  });

  it('is off unless RATE_LIMIT = "on", and never counts operator writes', async () => {
    const rl = limiter(0);
    expect((await app().request('/search', {}, { RATE_LIMIT: 'off', RATE_LIMITER: rl })).status).toBe(200);
    expect((await app().request('/articles/x', { method: 'PUT' }, { RATE_LIMIT: 'on', RATE_LIMITER: rl })).status).toBe(200);
    expect(rl.keys.size).toBe(0);
  });
});
