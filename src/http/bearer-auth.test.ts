import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bearerAuth, configuredSecrets, readSecret, tokenMatches } from './bearer-auth.js';

type Bindings = { READ_TOKEN?: string; WRITE_TOKEN?: string };

function app() {
  const a = new Hono<{ Bindings: Bindings }>();
  a.use('/op', bearerAuth<{ Bindings: Bindings }>({
    secret: (env) => [env.READ_TOKEN, env.WRITE_TOKEN],
    secretNames: ['READ_TOKEN', 'WRITE_TOKEN'],
    what: 'The operator route',
  }));
  a.get('/op', (c) => c.json({ ok: true }));
  return a;
}

async function call(env: Bindings, authorization?: string) {
  const res = await app().request('/op', { headers: authorization === undefined ? {} : { Authorization: authorization } }, env);
  return { status: res.status, body: await res.json() as { ok?: boolean; error?: { code: string; message: string } }, res };
}

describe('bearerAuth', () => {
  it('answers 403 JSON saying how to configure a secret when none is set', async () => {
    for (const env of [{}, { READ_TOKEN: '' }]) {
      const { status, body } = await call(env, 'Bearer anything');
      expect(status).toBe(403);
      expect(body.error?.code).toBe('auth_not_configured');
      expect(body.error?.message).toContain('wrangler secret put READ_TOKEN');
      expect(body.error?.message).toContain('.dev.vars');
    }
  });

  it('answers 401 JSON with a challenge for a missing, malformed or wrong token', async () => {
    const env = { READ_TOKEN: 'r3ad-token-0123456789' };
    const missing = await call(env);
    expect(missing.status).toBe(401);
    expect(missing.body.error?.code).toBe('missing_token');
    expect(missing.res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(missing.res.headers.get('content-type')).toMatch(/application\/json/);
    const malformed = await call(env, 'Basic dXNlcjpwYXNz');
    expect(malformed.status).toBe(401);
    expect(malformed.body.error?.code).toBe('malformed_token');
    const wrong = await call(env, 'Bearer r3ad-token-0123456780');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('invalid_token');
    expect(JSON.stringify(wrong.body)).not.toContain(env.READ_TOKEN);
    const prefix = await call(env, 'Bearer r3ad-token');
    expect(prefix.status).toBe(401);
  });

  it('lets the right token through, for any of the accepted secrets', async () => {
    const env = { READ_TOKEN: 'r3ad-token-0123456789', WRITE_TOKEN: 'wr1te-token-abcdef' };
    expect((await call(env, 'Bearer r3ad-token-0123456789')).body).toEqual({ ok: true });
    expect((await call(env, 'Bearer wr1te-token-abcdef')).body).toEqual({ ok: true });
    expect((await call({ WRITE_TOKEN: 'wr1te-token-abcdef' }, 'bearer wr1te-token-abcdef')).status).toBe(200);
  });
});

describe('tokenMatches / configuredSecrets / readSecret', () => {
  it('compares exactly', async () => {
    expect(await tokenMatches('abc', ['abc'])).toBe(true);
    expect(await tokenMatches('abc', ['abcd'])).toBe(false);
    expect(await tokenMatches('abcd', ['abc'])).toBe(false);
    expect(await tokenMatches('abc', ['x', 'abc'])).toBe(true);
    expect(await tokenMatches('abc', [])).toBe(false);
  });

  it('ignores unset and empty secrets and non-string bindings', () => {
    expect(configuredSecrets(undefined)).toEqual([]);
    expect(configuredSecrets(['', undefined, 'a'])).toEqual(['a']);
    expect(configuredSecrets('b')).toEqual(['b']);
    expect(readSecret({ A: 'x', B: 1 }, 'A')).toBe('x');
    expect(readSecret({ B: 1 }, 'B')).toBeUndefined();
    expect(readSecret(undefined, 'A')).toBeUndefined();
  });
});
