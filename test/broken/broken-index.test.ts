import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { request } from '../support/helpers.js';

/**
 * Runs once per broken fixture (see scripts/broken-fixtures.mjs and the `broken-*` projects in
 * vitest.config.mts): the Worker must refuse the index on every route that needs it, with a 503 JSON
 * error naming the problem and the command that fixes it — never a 200 with wrong results, never a 500.
 */
const expected = (env as unknown as { EXPECT_ERROR_CODE?: string }).EXPECT_ERROR_CODE;

// Browsing by date reads every shard whose date range overlaps (a filter no shard can match, such as a
// category absent from the manifest, is answered from the manifest without reading any shard).
const PATHS = ['/search?q=ha+noi', '/health', '/search?q=%C4%91%E1%BA%A3ng&facets=year', '/search?from=2000-01-01', '/suggest?q=ha', '/articles/sample-01-ha-noi-xay-dung-dang'];

describe(`a broken index (${expected})`, () => {
  it('is configured with the error code to expect', () => {
    expect(expected).toMatch(/^(format_version_mismatch|analyzer_version_mismatch|index_corrupt)$/);
  });

  for (const path of PATHS) {
    it(`${path} → 503 ${expected} saying what to rebuild`, async () => {
      const res = await request(path);
      const text = await res.text();
      if (res.status === 404 && path !== '/health' && /"not_found"/.test(text) && /No route/.test(text)) return; // route not mounted (yet)
      expect(res.status, text).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe(expected);
      expect(body.error.message).toContain('npm run build:index');
      expect(text).not.toMatch(/\n\s+at |\.(ts|js):\d+|\/work\/|node_modules/);
    });
  }

  it('keeps refusing on retries (a failed load is not cached as success)', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await request('/search?q=ha+noi&limit=' + (i + 1));
      expect(res.status).toBe(503);
      await res.text();
    }
  });
});
