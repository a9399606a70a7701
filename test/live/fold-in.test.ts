import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { LiveRow } from '../../src/engine/live/live-storage.js';
import { LIVE_OBJECT_NAME } from '../../src/worker/durable-live-client.js';
import type { LiveIndexObject } from '../../src/worker/live-object.js';
import { SqliteLiveStorage } from '../../src/worker/sqlite-live-storage.js';
import { getJson, search } from '../support/helpers.js';
import { auth, putArticle } from '../support/live.js';
import journalText from '../fixtures/live-journal.jsonl?raw';

// The index of this project folded test/fixtures/live-journal.jsonl in (changes 1–3). The live index
// holds what the previous deployment wrote (those changes and a 4th one, prepared against that older
// build), then takes a 5th write: it must serve changes 4 and 5 only.
describe('a build that folded live changes in', () => {
  it('holds them itself, and the live index serves only the later ones: nothing doubled, lost or resurrected', async () => {
    const journal = journalText.trim().split('\n').map((l) => JSON.parse(l));
    const old = (seq: number, id: string, op: 'put' | 'delete', doc: LiveRow['doc']): LiveRow => ({
      id, seq, op, doc, hash: `old-${seq}`, postings: null, preparedFor: 'the-previous-build', location: null,
      title: doc?.title ?? null, category: doc?.category ?? null, writtenAt: Date.parse('2024-09-02T01:00:00Z'),
    });
    const ns = (env as unknown as { LIVE: DurableObjectNamespace<LiveIndexObject> }).LIVE;
    await runInDurableObject(ns.get(ns.idFromName(LIVE_OBJECT_NAME)), async (_instance, state) => {
      new SqliteLiveStorage(state.storage).write([
        ...journal.map((c) => old(c.seq, c.id, c.op, c.article ?? null)),
        old(4, 'live-after-fold', 'put', { id: 'live-after-fold', title: 'Cầu Rồng phun lửa dịp Quốc khánh', body: 'Hàng nghìn người xem cầu Rồng phun lửa.' }),
      ]);
    });
    const health = await getJson('/health');
    expect(health.body.manifest.live).toEqual({ seq: 3 });
    // Change 1 comes from the build, change 4 from the live index (prepared again for this build).
    const built = await search({ q: 'cầu Rồng', limit: 20 });
    expect(built.hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['live-after-fold', 'live-fold-1']);
    expect((await getJson('/articles/sample-02-gia-vang-dang-tang')).status).toBe(404);

    const fifth = await putArticle('live-fifth', { title: 'Pháo hoa trên cầu Rồng', body: 'Đêm pháo hoa bên sông Hàn.' });
    expect(fifth.body.seq).toBe(5);

    const after = await getJson('/health');
    expect(after.body.live).toMatchObject({ seq: 5, changes: 2, articles: 2, suppressed: 0 });
    const rong = await search({ q: 'cầu Rồng', limit: 20 });
    expect(rong.total).toBe(built.total + 1);
    const ids = rong.hits.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['live-fold-1', 'live-after-fold', 'live-fifth']));
    expect((await getJson('/articles/sample-02-gia-vang-dang-tang')).status).toBe(404);
    expect((await search({ q: 'gia vang dang tang', limit: 50 })).hits.map((h) => h.id)).not.toContain('sample-02-gia-vang-dang-tang');
    const u23 = (await search({ q: 'U23 Việt Nam', limit: 50 })).hits.filter((h) => h.id === 'sample-03-u23-viet-nam-thang-dam');
    expect(u23).toHaveLength(1);
    expect(u23[0].title).toContain('bản đính chính');
    // The feed still has every change (folded ones are dropped only after the grace period).
    expect((await getJson('/changes', { headers: auth() })).body.changes.map((c: { seq: number }) => c.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});
