import { describe, expect, it } from 'vitest';
import { getJson, request } from '../support/helpers.js';

const bad: Array<[string, string, RegExp]> = [
  ['/search', 'missing_query', /q/],
  ['/search?q=', 'missing_query', /q/],
  ['/search?q=%20%20', 'missing_query', /q/],
  [`/search?q=${'a'.repeat(513)}`, 'query_too_long', /512/],
  ['/search?q=x&limit=0', 'invalid_parameter', /limit must be a whole number from 1 to 50/],
  ['/search?q=x&limit=51', 'invalid_parameter', /limit/],
  ['/search?q=x&limit=abc', 'invalid_parameter', /limit.*"abc"/],
  ['/search?q=x&limit=1.5', 'invalid_parameter', /limit/],
  ['/search?q=x&offset=-1', 'invalid_parameter', /offset/],
  ['/search?q=x&offset=995&limit=10', 'invalid_parameter', /1000/],
  ['/search?q=x&offset=1&page=1', 'invalid_parameter', /offset or page/],
  ['/search?q=x&limit=5&limit=6', 'invalid_parameter', /limit/],
  ['/search?q=%ED%A0%80', 'invalid_encoding', /^q is not valid UTF-8: %ED%A0%80 does not decode/],
  ['/search?q=H%E0+N%F4i', 'invalid_encoding', /q is not valid UTF-8: %E0 /],
  ['/suggest?q=Th%E1%BB', 'invalid_encoding', /q is not valid UTF-8: %E1%BB /],
];

describe('400 errors', () => {
  for (const [path, code, message] of bad) {
    it(`${path.slice(0, 60)} → 400 ${code}`, async () => {
      const { status, body, res } = await getJson(path);
      expect(status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  }

  it('unknown routes are JSON 404s', async () => {
    const { status, body } = await getJson('/nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('CORS and headers', () => {
  it('allows any origin by default on GET', async () => {
    const res = await request('/search?q=ha+noi', { headers: { Origin: 'https://example.org' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
  it('answers preflight requests', async () => {
    const res = await request('/search?q=x', { method: 'OPTIONS', headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/GET/);
  });
  it('sends secure headers', async () => {
    const res = await request('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
