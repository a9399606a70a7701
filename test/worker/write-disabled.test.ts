import { describe, expect, it } from 'vitest';
import { getJson, search } from '../support/helpers.js';
import { deleteArticle, postBatch, putArticle } from '../support/live.js';

// This project configures no INGEST_TOKEN: the write routes are off, the read routes unaffected.
describe('write API without an INGEST_TOKEN secret', () => {
  it('answers 403 JSON saying how to switch writes on, whatever the token', async () => {
    for (const r of [
      await putArticle('x', { title: 'Tin', body: 'x' }, { Authorization: 'Bearer anything' }),
      await deleteArticle('sample-01-ha-noi-xay-dung-dang', {}),
      await postBatch([JSON.stringify({ id: 'x', title: 'Tin', body: 'x' })], {}),
      await getJson('/changes'),
    ]) {
      const body = 'body' in r && r.body ? r.body : null;
      expect(r.status).toBe(403);
      expect(body.error.code).toBe('operator_routes_disabled');
      expect(body.error.message).toContain('wrangler secret put INGEST_TOKEN');
    }
    const feed = await getJson('/changes');
    expect(feed.body.error.message).toMatch(/^Reads of the change feed are switched off: no INGEST_TOKEN secret/);
    expect((await search({ q: 'ha noi' })).total).toBeGreaterThan(0);
    expect((await getJson('/articles/sample-01-ha-noi-xay-dung-dang')).status).toBe(200);
  });
});
