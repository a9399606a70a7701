import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { configuredSecrets, operatorAuth, tokenMatches } from './index.js';

function app() {
  const a = new Hono<AppEnv>();
  a.use('/op/*', operatorAuth({ secret: 'INGEST_TOKEN', what: 'Writes' }));
  a.get('/op/x', (c) => c.json({ ok: true }));
  a.onError((err) => (err instanceof HTTPException ? err.getResponse() : new Response('boom', { status: 500 })));
  return a;
}

const call = (headers: Record<string, string | undefined>, env: Record<string, string | undefined>) => app().request('/op/x', { headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string> }, env);

describe('operatorAuth', () => {
  it('is off (403, saying how to turn it on) without the secret', async () => {
    for (const env of [{}, { INGEST_TOKEN: '' }] as Array<Record<string, string>>) {
      const res = await call({ Authorization: 'Bearer anything' }, env);
      expect(res.status).toBe(403);
      const body = await res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe('operator_routes_disabled');
      expect(body.error.message).toContain('wrangler secret put INGEST_TOKEN');
      expect(body.error.message).toContain('.dev.vars');
    }
  });

  it('answers 401 JSON with a challenge for a missing, malformed or wrong token, never echoing it', async () => {
    const env = { INGEST_TOKEN: 's3cret-token' };
    for (const headers of [{}, { Authorization: 'Basic abc' }, { Authorization: 'Bearer' }, { Authorization: 'Bearer wrong-token' }, { Authorization: 'Bearer s3cret-token-plus' }, { Authorization: 'Bearer bad token with spaces' }] as Array<Record<string, string>>) {
      const res = await call(headers, env);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('unauthorized');
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('wrong-token');
    }
  });

  it('lets the right token through (case-insensitive scheme)', async () => {
    const env = { INGEST_TOKEN: 's3cret-token' };
    expect((await call({ Authorization: 'Bearer s3cret-token' }, env)).status).toBe(200);
    expect((await call({ Authorization: 'bearer s3cret-token' }, env)).status).toBe(200);
  });
});

describe('operatorAuth with several accepted secrets', () => {
  function multi() {
    const a = new Hono<AppEnv>();
    a.use('/op/*', operatorAuth({ secret: ['INSIGHTS_TOKEN', 'INGEST_TOKEN'], what: 'Search insights' }));
    a.get('/op/x', (c) => c.json({ ok: true }));
    a.onError((err) => (err instanceof HTTPException ? err.getResponse() : new Response('boom', { status: 500 })));
    return a;
  }
  const get = (authorization: string | undefined, env: Record<string, string>) => multi().request('/op/x', { headers: authorization ? { Authorization: authorization } : {} }, env);

  it('accepts any configured one, and names the first to create when none is', async () => {
    const env = { INSIGHTS_TOKEN: 'read-only-token', INGEST_TOKEN: 'write-token' };
    expect((await get('Bearer read-only-token', env)).status).toBe(200);
    expect((await get('Bearer write-token', env)).status).toBe(200);
    expect((await get('Bearer write-token', { INGEST_TOKEN: 'write-token' })).status).toBe(200);
    expect((await get('Bearer read-only-token', { INGEST_TOKEN: 'write-token' })).status).toBe(401);
    expect((await get('Bearer other', env)).status).toBe(401);
    const off = await get('Bearer x', {});
    expect(off.status).toBe(403);
    const message = ((await off.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('no INSIGHTS_TOKEN or INGEST_TOKEN secret');
    expect(message).toContain('wrangler secret put INSIGHTS_TOKEN');
  });

  it('compares exactly, against every secret', async () => {
    expect(await tokenMatches('abc', ['abc'])).toBe(true);
    expect(await tokenMatches('abc', ['abcd'])).toBe(false);
    expect(await tokenMatches('abcd', ['abc'])).toBe(false);
    expect(await tokenMatches('abc', ['x', 'abc'])).toBe(true);
    expect(await tokenMatches('abc', [])).toBe(false);
    expect(configuredSecrets({ INSIGHTS_TOKEN: '', INGEST_TOKEN: 'w' }, ['INSIGHTS_TOKEN', 'INGEST_TOKEN'])).toEqual(['w']);
  });
});
