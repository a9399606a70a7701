import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LiveCore } from '../../src/engine/live/live-core.js';
import { LIVE_OBJECT_NAME } from '../../src/worker/durable-live-client.js';
import { SqliteLiveStorage } from '../../src/worker/sqlite-live-storage.js';
import type { LiveIndexObject } from '../../src/worker/live-object.js';
import { getJson, search } from '../support/helpers.js';
import { postBatch } from '../support/live.js';

// What a restarted Durable Object finds: everything acknowledged, rebuilt from SQLite alone.
describe('live index recovery from its durable storage', () => {
  it('a fresh LiveCore over the stored rows serves exactly what the running one served', async () => {
    const lines = Array.from({ length: 40 }, (_v, i) => JSON.stringify({ id: `rec-${i}`, title: `Tin khôi phục số ${i} về lũ lụt miền Trung`, body: `Mưa lớn kéo dài, bài số ${i}.`, category: i % 2 ? 'thoi-su' : 'moi-truong' }));
    lines.push(JSON.stringify({ op: 'delete', id: 'rec-7' }), JSON.stringify({ op: 'delete', id: 'sample-29-hue-thuy-dien-xa-lu' }));
    const { results } = await postBatch(lines);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const running = await search({ q: 'tin khôi phục', limit: 50 });
    expect(running.hits.filter((h) => h.id.startsWith('rec-'))).toHaveLength(39);
    const base = (await getJson('/health')).body.manifest;

    const ns = (env as unknown as { LIVE: DurableObjectNamespace<LiveIndexObject> }).LIVE;
    const stub = ns.get(ns.idFromName(LIVE_OBJECT_NAME));
    const recovered = await runInDurableObject(stub, async (_instance, state) => {
      const storage = new SqliteLiveStorage(state.storage);
      // Base statistics are not needed: every stored row was prepared against this build.
      const core = new LiveCore(storage, async () => ({ ref: { contentHash: base.contentHash, liveSeq: 0 }, stats: { documentCount: 0, scoring: { k1: 1, bTitle: 0, bBody: 0, titleWeight: 1, avgTitleLength: 1, avgBodyLength: 1, impactScale: 1 } }, lookup: async () => { throw new Error('nothing to prepare again'); } }));
      const stats = await core.stats({ contentHash: base.contentHash, liveSeq: 0 });
      const gone = await core.article({ contentHash: base.contentHash, liveSeq: 0 }, 'rec-7');
      const built = await core.article({ contentHash: base.contentHash, liveSeq: 0 }, 'sample-29-hue-thuy-dien-xa-lu');
      return { stats, gone: gone.state, built: built.state, rows: storage.count() };
    });
    expect(recovered.stats.articles).toBeGreaterThanOrEqual(39);
    expect(recovered.gone).toBe('deleted');
    expect(recovered.built).toBe('deleted');
    expect(recovered.stats.suppressed).toBeGreaterThanOrEqual(1);
    expect(recovered.rows).toBeGreaterThanOrEqual(41); // rec-7's put and delete are one row
  });
});
