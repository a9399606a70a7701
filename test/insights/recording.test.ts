import { env } from 'cloudflare:workers';
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/index.js';
import { INSIGHTS_OBJECT_NAME } from '../../src/worker/insights-client.js';
import { request } from '../support/helpers.js';
import { report, reportWhen, searchOk, FLUSH_WAIT_MS, freshInsights } from './support.js';

beforeEach(freshInsights);

const stub = () => env.INSIGHTS_STORE.get(env.INSIGHTS_STORE.idFromName(INSIGHTS_OBJECT_NAME));

describe('recording searches', () => {
  it('records each search with its analyzed query, hits and interpretation', async () => {
    const r = await searchOk('ha noi');
    expect(r.interpreted_as).toBe('hà nội');
    await searchOk('Hà  Nội');
    const got = await reportWhen((x) => x.totals.searches === 2);
    expect(got.top_queries[0]).toMatchObject({ query: 'ha noi', searches: 2, interpreted_as: 'hà nội', mean_hits: r.total });
    expect(got.totals).toMatchObject({ restored: 1, zero_results: 0 });
    expect(got.days.at(-1)!.searches).toBe(2);
    expect(got.days.at(-1)!.took_ms.p50).not.toBeNull();
  });

  it('records searches answered from the response cache and with 304 Not Modified', async () => {
    const first = await request('/search?q=gia+vang&cachebust=recording-1');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    await (await request('/search?q=gia+vang&cachebust=recording-1')).arrayBuffer(); // Cache API (or the route again)
    const notModified = await request('/search?q=gia+vang&cachebust=recording-1', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    const got = await reportWhen((x) => x.totals.searches === 3);
    expect(got.totals.revalidated).toBe(1);
    expect(got.top_queries[0]).toMatchObject({ query: 'gia vang', searches: 3, zero_results: 0 });
    expect(got.top_queries[0].mean_hits).toBeGreaterThan(0);
  });

  it('records searches made on the demo page, first pages only', async () => {
    await (await request('/?q=bong+da')).text();
    await (await request('/?q=bong+da&page=2')).text();
    await searchOk('bong da', { offset: '10' });
    const got = await reportWhen((x) => x.totals.searches >= 1);
    await new Promise((r) => setTimeout(r, FLUSH_WAIT_MS));
    const again = await report();
    expect(again.totals.searches).toBe(1);
    expect(got.top_queries[0]).toMatchObject({ query: 'bong da', searches: 1 });
  });

  it('counts searches that look like e-mails or phone numbers without storing their text', async () => {
    await searchOk('0912 345 678');
    await searchOk('ban.doc@example.com');
    await reportWhen((x) => x.totals.searches === 2);
    const got = await report();
    expect(got.totals.redacted).toBe(2);
    expect(got.top_queries).toEqual([]);
    const rows = await runInDurableObject(stub(), (_obj, state) => state.storage.sql.exec('SELECT * FROM queries').toArray());
    expect(rows).toEqual([]);
    expect(JSON.stringify(await runInDurableObject(stub(), (_obj, state) => state.storage.sql.exec('SELECT * FROM days').toArray()))).not.toMatch(/0912|example/);
  });

  it('does not record failed searches', async () => {
    expect((await request('/search?q=')).status).toBe(400);
    expect((await request(`/search?q=${'a'.repeat(600)}`)).status).toBe(400);
    await searchOk('thoi tiet');
    const got = await reportWhen((x) => x.totals.searches >= 1);
    await new Promise((r) => setTimeout(r, FLUSH_WAIT_MS));
    expect((await report()).totals.searches).toBe(got.totals.searches);
    expect(got.totals.searches).toBe(1);
  });
});

describe('recording is off the response path', () => {
  it('answers before the event is stored, and stores it from waitUntil', async () => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request('http://localhost/search?q=chung+khoan&off-path=1'), env, ctx);
    expect(res.status).toBe(200);
    await res.json();
    // The response is complete; the event waits in the isolate's buffer for its flush.
    const before = await runInDurableObject(stub(), (_obj, state) => state.storage.sql.exec(`SELECT COALESCE(SUM(searches), 0) AS n FROM days`).one().n);
    expect(before).toBe(0);
    await waitOnExecutionContext(ctx);
    const after = await runInDurableObject(stub(), (_obj, state) => state.storage.sql.exec(`SELECT COALESCE(SUM(searches), 0) AS n FROM days`).one().n);
    expect(after).toBe(1);
  });

  it('records nothing when INSIGHTS is "off"', async () => {
    const ctx = createExecutionContext();
    const off = { ...env, INSIGHTS: 'off' };
    const res = await worker.fetch(new Request('http://localhost/search?q=kinh+te&off=1'), off, ctx);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    await waitOnExecutionContext(ctx);
    const events = await worker.fetch(new Request('http://localhost/events', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"type":"click","q":"kinh te","rank":1}' }), off, createExecutionContext());
    expect(events.status).toBe(404);
    expect(((await events.json()) as { error: { code: string } }).error.code).toBe('insights_off');
    const got = await report();
    expect(got.totals.searches).toBe(0);
  });
});
