import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH } from '../../src/insights/query-key.js';
import { INSIGHTS_OBJECT_NAME } from '../../src/worker/insights-client.js';
import { request } from '../support/helpers.js';
import { report, reportWhen, searchOk, sendClick, FLUSH_WAIT_MS, freshInsights } from './support.js';

const stub = () => env.INSIGHTS_STORE.get(env.INSIGHTS_STORE.idFromName(INSIGHTS_OBJECT_NAME));
const rows = (table: string) => runInDurableObject(stub(), (_obj, state) => state.storage.sql.exec(`SELECT * FROM ${table}`).toArray());
let ip = 0;
/** A fresh client address (the events budget is per client: 5 a minute in this project). */
const client = () => ({ 'CF-Connecting-IP': `203.0.113.${++ip}` });

beforeEach(freshInsights);

async function errorOf(res: Response) {
  const body = await res.json() as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe('POST /events rejects what is not one well-formed click', () => {
  it('oversized bodies: 413', async () => {
    const big = JSON.stringify({ type: 'click', q: 'x'.repeat(3000), rank: 1 });
    expect(await errorOf(await sendClick(big, client()))).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('malformed JSON: 400', async () => {
    for (const body of ['{', 'click', '', '{"type":"click",}']) {
      expect(await errorOf(await sendClick(body, client())), body).toMatchObject({ status: 400, code: 'invalid_json' });
    }
  });

  it('wrong shapes and types: 400 naming the field', async () => {
    const bad: Array<[unknown, string]> = [
      [{ type: 'view', q: 'a', rank: 1 }, 'type'],
      [{ type: 'click', q: 'a', rank: '1' }, 'rank'],
      [{ type: 'click', q: 'a', rank: 0 }, 'rank'],
      [{ type: 'click', q: 'a', rank: 1.5 }, 'rank'],
      [{ type: 'click', q: 'a', rank: 5000 }, 'rank'],
      [{ type: 'click', q: '', rank: 1 }, 'q'],
      [{ type: 'click', q: 7, rank: 1 }, 'q'],
      [{ type: 'click', q: 'a'.repeat(600), rank: 1 }, 'q'],
      [{ type: 'click', q: 'a', rank: 1, ip: '1.2.3.4' }, 'event'],
      [[{ type: 'click', q: 'a', rank: 1 }], 'event'],
      [null, 'event'],
    ];
    for (const [body, field] of bad) {
      const e = await errorOf(await sendClick(body, client()));
      expect(e, JSON.stringify(body)).toMatchObject({ status: 400, code: 'invalid_event' });
      expect(e.message.startsWith(`${field}:`), `${JSON.stringify(body)} → ${e.message}`).toBe(true);
    }
  });

  it('other content types: 415', async () => {
    const form = await request('/events', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...client() }, body: 'type=click&q=a&rank=1' });
    expect(await errorOf(form)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const none = await request('/events', { method: 'POST', headers: client(), body: new Uint8Array([123, 125]) });
    expect(none.status).toBe(415);
  });

  it('floods from one client: 429 with Retry-After after the budget', async () => {
    const headers = client();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await sendClick({ type: 'click', q: 'ha noi', rank: 1 }, headers)).status);
    expect(statuses.slice(0, 5)).toEqual([204, 204, 204, 204, 204]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await sendClick({ type: 'click', q: 'ha noi', rank: 1 }, headers);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await sendClick({ type: 'click', q: 'ha noi', rank: 1 }, client())).status).toBe(204);
  });
});

describe('event routes cannot grow storage without bound', () => {
  it('clicks from many clients never add rows nor count beyond the searches', async () => {
    await searchOk('ha noi');
    await reportWhen((r) => r.totals.searches === 1);
    for (let i = 0; i < 12; i++) {
      expect((await sendClick({ type: 'click', q: 'ha noi', rank: 1 }, client())).status).toBe(204);
      expect((await sendClick({ type: 'click', q: `never searched ${i}`, rank: 1 }, client())).status).toBe(204);
    }
    const r = await reportWhen((x) => x.totals.clicks + x.totals.clicks_ignored === 24);
    expect(r.totals).toMatchObject({ clicks: 1, clicks_ignored: 23 });
    expect((await rows('queries')).map((q) => q.query)).toEqual(['ha noi']);
  });

  it('clicks carrying e-mails or phone numbers are dropped in the Worker', async () => {
    expect((await sendClick({ type: 'click', q: 'someone@example.com', rank: 1 }, client())).status).toBe(204);
    expect((await sendClick({ type: 'click', q: '0912345678', rank: 1 }, client())).status).toBe(204);
    await new Promise((r) => setTimeout(r, FLUSH_WAIT_MS));
    expect((await report()).totals).toMatchObject({ clicks: 0, clicks_ignored: 0 });
  });

  it('distinct queries stop being stored at the daily cap (25 here); the searches are still counted', async () => {
    for (let i = 0; i < 30; i++) await searchOk(`kw${i} zzq`);
    await searchOk('kw0 zzq'); // an existing query still counts after the cap
    const r = await reportWhen((x) => x.totals.searches === 31);
    expect(r.totals.overflow).toBe(5);
    const stored = await rows('queries');
    expect(stored).toHaveLength(25);
    expect(stored.find((q) => q.query === 'kw0 zzq')!.searches).toBe(2);
  });

  it('stores long queries cut to a bounded length', async () => {
    await searchOk('nghị quyết trung ương '.repeat(20).trim());
    await reportWhen((x) => x.totals.searches === 1);
    const [row] = await rows('queries');
    expect(String(row.query).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(String(row.query).endsWith('…')).toBe(true);
  });
});
