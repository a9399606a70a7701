import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLayer, LiveView } from '../src/engine/live/live-layer.js';
import type { ShardResult } from '../src/engine/query-plan.js';
import type { ShardClient } from '../src/engine/shard-client.js';
import { SearchService, type SearchRequest } from '../src/engine/search-service.js';
import { setKeepAliveHook } from '../src/engine/keep-alive.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

/**
 * A fresh front needs the live index's suppression lists (built articles taken down or replaced)
 * before it asks a shard. It starts loading them when a search starts, so that the live index's
 * round trip overlaps planning instead of preceding the first shard calls; concurrent searches share
 * the load, a failed load fails its searches and is tried again, and answers are those of a front
 * that had the lists from the start.
 */

const WORDS = ['hà nội', 'giá vàng', 'bóng đá', 'thời tiết', 'chứng khoán', 'giáo dục'];
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-suppression-'));
  const lines = Array.from({ length: 60 }, (_, i) => {
    const title = `${WORDS[i % 6]} ${WORDS[(i * 5 + 1) % 6]}`;
    return JSON.stringify({ id: `a${i}`, title, body: `${title} và ${WORDS[(i * 7 + 2) % 6]}.`, date: new Date(Date.UTC(2016, 0, 1 + i * 5)).toISOString().slice(0, 10) });
  });
  await writeFile(path.join(dir, 'corpus.jsonl'), lines.join('\n') + '\n');
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: dir, shards: 3, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048 } });
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

const request = (q: string): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
const EMPTY: ShardResult = { hits: [], total: 0, facets: {} };

/** A live index with no articles of its own whose `view` answers only when `release` is called (or fails with `fail`). */
function heldLive(suppressed: Record<string, number[]>) {
  const calls: string[] = [];
  const pending: Array<{ resolve: (v: LiveView) => void; reject: (e: Error) => void }> = [];
  const view: LiveView = { seq: 7, suppressionVersion: 1, suppression: { version: 1, shards: suppressed, ids: [] } };
  const live: LiveLayer = {
    view: () => { calls.push('view'); return new Promise<LiveView>((resolve, reject) => { pending.push({ resolve, reject }); }); },
    search: async () => ({ view: { seq: 7, suppressionVersion: 1 }, result: EMPTY }),
    hits: async () => [],
    suggest: async () => ({ view: { seq: 7, suppressionVersion: 1 }, suggestions: [] }),
    article: async () => ({ seq: 7, state: 'absent' }),
  };
  return { live, calls, release: () => pending.splice(0).forEach((p) => p.resolve(view)), fail: (e: Error) => pending.splice(0).forEach((p) => p.reject(e)) };
}

/** A front over the built index whose shard calls are recorded in `calls`, with `live`. */
async function front(live: LiveLayer, calls: string[]): Promise<SearchService> {
  const opened = await openIndex(path.join(dir, 'index'));
  const shards: ShardClient[] = opened.shards.map((c, shard) => Object.assign(Object.create(c) as ShardClient, {
    search: (...args: Parameters<ShardClient['search']>) => { calls.push(`shard ${shard}`); return c.search(...args); },
    prefetch: undefined,
  }));
  return new SearchService(opened.manifest, opened.lexicon, shards, live, opened.scoreBounds, opened.tail);
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('a fresh front\'s suppression lists', () => {
  it('load from the start of the first searches, once for concurrent ones, before any shard is asked', async () => {
    const held = heldLive({});
    const svc = await front(held.live, held.calls);
    const kept: Array<Promise<unknown>> = [];
    const previous = setKeepAliveHook((p) => { kept.push(p); });
    const searches = [svc.search(request('hà nội')), svc.search(request('giá vàng'))];
    setKeepAliveHook(previous);
    expect(held.calls).toEqual(['view']); // sent before planning, shared
    expect(kept).toHaveLength(1); // and outlives the request that started it (another awaits it)
    await tick();
    expect(held.calls).toEqual(['view']); // no shard asked without the lists
    held.release();
    const [a, b] = await Promise.all(searches);
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBeGreaterThan(0);
    await svc.search(request('bóng đá'));
    expect(held.calls.filter((c) => c === 'view')).toHaveLength(1); // held from then on
  });

  it('apply to the first search as if the front had held them from the start', async () => {
    const open = heldLive({});
    const openFront = await front(open.live, []);
    const before = openFront.search(request('hà nội'));
    open.release();
    const all = await before;
    const id = all.hits[0].id;
    // Where the top hit lives: its shard and local document.
    let where: { shard: number; doc: number } | null = null;
    for (const [shard, c] of openFront.shards.entries()) {
      const doc = (await c.lookup([], [id])).docs[0];
      if (doc >= 0) where = { shard, doc };
    }
    expect(where).not.toBeNull();
    const suppressed = { [String(where!.shard)]: [where!.doc] };

    const cold = heldLive(suppressed);
    const coldFront = await front(cold.live, []);
    const first = coldFront.search(request('hà nội'));
    cold.release();
    const firstResult = await first;
    expect(firstResult.hits.map((h) => h.id)).not.toContain(id);
    expect(firstResult.total).toBe(all.total - 1);
    // The same search again, the lists long held: the same answer.
    const again = await coldFront.search(request('hà nội'));
    expect(again.hits).toEqual(firstResult.hits);
    expect(again.total).toBe(firstResult.total);
  });

  it('a failed load fails the searches waiting for it and is tried again by the next search', async () => {
    const held = heldLive({});
    const svc = await front(held.live, held.calls);
    const first = svc.search(request('hà nội'));
    held.fail(new Error('live index unavailable'));
    await expect(first).rejects.toThrow('live index unavailable');
    expect(held.calls).toEqual(['view']);
    const second = svc.search(request('hà nội'));
    expect(held.calls).toEqual(['view', 'view']);
    held.release();
    expect((await second).total).toBeGreaterThan(0);
  });
});
