import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';
import { queryEncoding, undecodableEscape } from './index.js';

describe('undecodableEscape', () => {
  it('accepts UTF-8 escapes, plain text and a % that is not an escape', () => {
    expect(undecodableEscape('q=H%C3%A0+N%E1%BB%99i&limit=5')).toBeNull();
    expect(undecodableEscape('?q=ha+noi')).toBeNull();
    expect(undecodableEscape('q=gi%E1%BA%A3m+100%')).toBeNull();
    expect(undecodableEscape('q=50%+off&x=%zz')).toBeNull();
    expect(undecodableEscape('')).toBeNull();
  });

  it('names the parameter and the first run that is not UTF-8', () => {
    expect(undecodableEscape('q=%ED%A0%80')).toEqual({ parameter: 'q', sequence: '%ED%A0%80' }); // a lone surrogate
    expect(undecodableEscape('limit=5&q=H%E0+N%F4i')).toEqual({ parameter: 'q', sequence: '%E0' }); // Latin-1, not UTF-8
    expect(undecodableEscape('q=ok&category=Th%E1%BB')).toEqual({ parameter: 'category', sequence: '%E1%BB' }); // cut mid-character
    expect(undecodableEscape('%FF=1')).toEqual({ parameter: '%FF', sequence: '%FF' });
    expect(undecodableEscape(`q=${'%FF'.repeat(40)}`)!.sequence).toHaveLength(36);
  });
});

describe('queryEncoding', () => {
  const app = new Hono<AppEnv>();
  app.use('*', queryEncoding());
  app.get('/search', (c) => c.json({ q: c.req.query('q') }));

  it('answers 400 invalid_encoding before the route runs', async () => {
    const res = await app.request('/search?q=%ED%A0%80');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_encoding');
    expect(body.error.message).toMatch(/^q is not valid UTF-8: %ED%A0%80 does not decode/);
  });

  it('lets well-formed queries through, literal % included', async () => {
    for (const [path, q] of [['/search?q=H%C3%A0+N%E1%BB%99i', 'Hà Nội'], ['/search?q=gi%E1%BA%A3m+100%', 'giảm 100%'], ['/search', undefined]] as const) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ q });
    }
  });
});
