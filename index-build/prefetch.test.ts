import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ShardClient } from '../src/engine/shard-client.js';
import { PREFETCH_IDLE_MS, SearchService, type SearchRequest } from '../src/engine/search-service.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

/**
 * Before planning, a search sends the query's syllables to prefetch to the shards it will likely call
 * that this front has not called for PREFETCH_IDLE_MS (likely evicted, so cold): their heads and
 * blocks load while the front plans. A hint only — answers never change — and never sent to shards
 * the search would not start with.
 */

const WORDS = ['hà nội', 'giá vàng', 'bóng đá', 'thời tiết', 'chứng khoán', 'giáo dục', 'du lịch', 'công an'];
function corpus(): string {
  const lines: string[] = [];
  for (let i = 0; i < 160; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
    const title = `${WORDS[i % 8]} ${WORDS[(i * 3 + 1) % 8]}`;
    lines.push(JSON.stringify({ id: `a${i}`, title, body: `${title}, ${WORDS[(i * 5 + 2) % 8]} và ${WORDS[(i * 7 + 3) % 8]}.`, date: day, category: i % 2 ? 'xa-hoi' : 'kinh-te' }));
  }
  return lines.join('\n') + '\n';
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-prefetch-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), corpus());
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: dir, shards: 4, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048 } });
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });
afterEach(() => { vi.restoreAllMocks(); });

/** A fresh front over the built index whose shard clients record the prefetches they receive. */
async function front(): Promise<{ svc: SearchService; prefetches: Array<{ shard: number; forms: string[] }> }> {
  const opened = await openIndex(path.join(dir, 'index'));
  const prefetches: Array<{ shard: number; forms: string[] }> = [];
  const shards: ShardClient[] = opened.shards.map((c, shard) => Object.assign(Object.create(c) as ShardClient, {
    prefetch: (forms: string[]) => { prefetches.push({ shard, forms }); return c.prefetch!(forms); },
  }));
  return { svc: new SearchService(opened.manifest, opened.lexicon, shards, null, opened.scoreBounds, opened.tail), prefetches };
}

const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false, ...over });

describe('prefetching idle shards before planning', () => {
  it('the first relevance search prefetches every shard that can match, with the query\'s folded syllables; then none while they are called', async () => {
    const { svc, prefetches } = await front();
    const first = await svc.search(request('Hà Nội giá vàng'));
    expect(first.routing.prefetched).toBe(4);
    expect(prefetches.map((p) => p.shard).sort()).toEqual([0, 1, 2, 3]);
    expect(prefetches[0].forms).toEqual(['ha', 'noi', 'gia', 'vang']);
    const second = await svc.search(request('bóng đá'));
    expect(second.routing.prefetched).toBeUndefined();
    expect(prefetches).toHaveLength(4);
  });

  it('counts title suggestions and article lookups as calls: a search right after them prefetches nothing', async () => {
    const { svc, prefetches } = await front();
    await svc.suggestTitles('hà', 5);
    expect((await svc.search(request('hà nội'))).routing.prefetched).toBeUndefined();
    const { svc: svc2, prefetches: p2 } = await front();
    await svc2.article('a1');
    expect((await svc2.search(request('hà nội'))).routing.prefetched).toBeUndefined();
    expect([...prefetches, ...p2]).toEqual([]);
  });

  it('prefetches again on shards not called for PREFETCH_IDLE_MS', async () => {
    const { svc, prefetches } = await front();
    const t0 = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(t0);
    await svc.search(request('hà nội'));
    now.mockReturnValue(t0 + PREFETCH_IDLE_MS - 1);
    expect((await svc.search(request('hà nội'))).routing.prefetched).toBeUndefined();
    now.mockReturnValue(t0 + 2 * PREFETCH_IDLE_MS);
    expect((await svc.search(request('hà nội'))).routing.prefetched).toBe(4);
    expect(prefetches).toHaveLength(8);
  });

  it('a date-sorted search (or one with freshness) prefetches only the first shard of its route; filters leave out shards that cannot match', async () => {
    const { svc, prefetches } = await front();
    const newest = svc.manifest.shards.reduce((a, s) => (s.dates!.max > a.dates!.max ? s : a)).shard;
    expect((await svc.search(request('du lịch', { sort: 'date:desc' }))).routing.prefetched).toBe(1);
    expect(prefetches.map((p) => p.shard)).toEqual([newest]);
    // So does relevance with freshness: the newest shard answers first, older ones only if it cannot fill the page.
    const { svc: svc3, prefetches: p3 } = await front();
    const freshness = { halfLifeMinutes: 30 * 1440, referenceMinutes: svc3.manifest.shards[newest].dates!.max };
    expect((await svc3.search(request('du lịch', { freshness }))).routing.prefetched).toBe(1);
    expect(p3.map((p) => p.shard)).toEqual([newest]);
    const { svc: svc2, prefetches: p2 } = await front();
    const firstShard = svc2.manifest.shards[0];
    await svc2.search(request('du lịch', { toMinutes: firstShard.dates!.max }));
    expect(p2.map((p) => p.shard)).toEqual([0]);
  });

  it('changes no answer: same hits, scores and totals as a front without prefetching', async () => {
    const { svc } = await front();
    const opened = await openIndex(path.join(dir, 'index'));
    const plainShards: ShardClient[] = opened.shards.map((c) => ({ search: c.search.bind(c), hits: c.hits.bind(c), suggest: c.suggest.bind(c), article: c.article.bind(c), lookup: c.lookup.bind(c), relatedCandidates: c.relatedCandidates.bind(c) }));
    const plain = new SearchService(opened.manifest, opened.lexicon, plainShards, null, opened.scoreBounds, opened.tail);
    for (const q of ['hà nội', 'gia vang', 'công an du lịch', 'thoi tiet']) {
      for (const sort of ['relevance', 'date:desc'] as const) {
        const [a, b] = [await svc.search(request(q, { sort })), await plain.search(request(q, { sort }))];
        expect(a.hits).toEqual(b.hits);
        expect([a.total, a.totalRelation]).toEqual([b.total, b.totalRelation]);
        expect(b.routing.prefetched).toBeUndefined();
      }
    }
  });
});
