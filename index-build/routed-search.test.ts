import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchOptions, ShardHit } from '../src/engine/query-plan.js';
import { PROBE_MIN_SHARDS, RECORDS_PER_SHARD, type SearchRequest, type SearchService } from '../src/engine/search-service.js';
import { compareHits } from '../src/engine/shard-searcher.js';
import { freshnessFactor, type Freshness } from '../src/scoring/freshness.js';
import { isoToMinutes } from '../src/index-format/dates.js';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

/**
 * The front's routing (date-ordered shards, waves, hits filtered against the k-th best so far, records
 * sent with hits, shards skipped) must give exactly what asking every shard gives: same hits in the
 * same order, same totals, with `gte` only where the total is allowed to be a lower bound.
 */

const WORDS = ['hà nội', 'giá vàng', 'bóng đá', 'thời tiết', 'chứng khoán', 'giáo dục', 'y tế', 'giao thông', 'xây dựng', 'đảng ủy', 'thuế', 'du lịch', 'công an', 'điện lực', 'nông nghiệp'];
const CATEGORIES = ['thoi-su', 'kinh-te', 'the-thao', 'xa-hoi'];

/** 600 dated articles over ten years (a few undated), four categories, titles and bodies from a small vocabulary. */
function corpus(): string {
  let x = 12345;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = () => WORDS[Math.floor(rand() ** 1.5 * WORDS.length)];
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const title = `${pick()} ${pick()} ${i % 17 === 0 ? 'Vietlott' : ''} ${pick()} ${day.startsWith('2019') ? 'bão Yagi' : ''}`.replace(/\s+/g, ' ').trim();
    const body = Array.from({ length: 3 + Math.floor(rand() * 30) }, pick).join(', ');
    lines.push(JSON.stringify({ id: `a${i}`, title, body, ...(i % 41 === 5 ? {} : { date: day }), category: CATEGORIES[i % 4] }));
  }
  return lines.join('\n') + '\n';
}

let dir = '';
let svc: SearchService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-routed-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), corpus());
  await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: dir, shards: 9, layout: { postingsBlockBytes: 4096, documentBlockBytes: 2048 } });
  svc = await openIndex(path.join(dir, 'index'));
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

/** Every shard asked for its top k, merged: the reference routing must reproduce. */
async function everyShard(req: SearchRequest): Promise<{ ids: string[]; total: number }> {
  const planned = svc.plan(req.q, req.prefixLast);
  const cats = req.categories?.map((c) => svc.manifest.categories.indexOf(c));
  const opts: SearchOptions = { topK: req.offset + req.limit, sort: req.sort, facets: [], ...(req.freshness ? { freshness: req.freshness } : {}), ...(req.fromMinutes !== undefined ? { fromMinutes: req.fromMinutes } : {}), ...(req.toMinutes !== undefined ? { toMinutes: req.toMinutes } : {}), ...(cats ? { categories: cats } : {}) };
  let plan = planned.plan;
  let results = await Promise.all(svc.shards.map((s) => s.search(plan, opts)));
  if (results.every((r) => r.total === 0) && plan.terms.length > 0 && (plan.minShouldMatch > 1 || plan.required.length > 0)) {
    // Nothing matched every word: the service relaxes the query to any word.
    plan = { ...plan, minShouldMatch: 1, required: [] };
    results = await Promise.all(svc.shards.map((s) => s.search(plan, opts)));
  }
  const hits: ShardHit[] = results.flatMap((r) => r.hits).sort(compareHits(req.sort)).slice(req.offset, req.offset + req.limit);
  const ids = await Promise.all(hits.map(async (h) => (await svc.shards[h.shard].hits([h.doc], plan.highlight))[0].id));
  return { ids, total: results.reduce((a, r) => a + r.total, 0) };
}

const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false, ...over });
const QUERIES = ['hà nội', 'gia vang', 'bóng đá thời tiết', 'Vietlott', 'đảng ủy xây dựng', 'du lich', 'thuế', 'công an giao thông', 'bão Yagi', 'yagi hà nội', '"bão yagi"'];

describe('routed search equals asking every shard', () => {
  it('cuts the corpus into date-ordered shards', () => {
    const dated = svc.manifest.shards.filter((s) => s.dates);
    for (let i = 1; i < dated.length; i++) expect(dated[i].dates!.min).toBeGreaterThanOrEqual(dated[i - 1].dates!.max);
    expect(svc.manifest.shards.at(-1)!.undated).toBeGreaterThan(0); // undated articles last
  });

  it('relevance: same hits, order and exact totals; every shard that can match asked (one call each)', async () => {
    for (const q of QUERIES) {
      for (const over of [{}, { offset: 10 }, { offset: 150, limit: 5 }] as Array<Partial<SearchRequest>>) {
        const req = request(q, over);
        const [got, want] = [await svc.search(req), await everyShard(req)];
        expect(got.hits.map((h) => h.id), `${q} ${JSON.stringify(over)}`).toEqual(want.ids);
        expect(got.total).toBe(want.total);
        expect(got.totalRelation).toBe('eq');
      }
    }
    const r = await svc.search(request('hà nội'));
    expect(r.routing.called).toBe(9);
    expect(r.routing.shardCalls).toBe(9); // records came with the hits: no second call
    // A query of several words asks every shard that may match in one round (ONE_ROUND_MIN_SYLLABLES);
    // so does a one-word query over few shards (PROBE_MIN_SHARDS: 9 here) …
    expect(r.routing.waves).toBe(1);
    expect((await svc.search(request('thuế'))).routing.waves).toBe(1);
    // … and over more, it asks the shard with the highest bound first.
    try {
      svc.probeMinShards = 0;
      const one = await svc.search(request('thuế'));
      expect(one.routing.called).toBeGreaterThan(1);
      expect(one.routing.waves).toBeGreaterThan(1);
      for (const q of QUERIES) {
        const req = request(q);
        const [got, want] = [await svc.search(req), await everyShard(req)];
        expect(got.hits.map((h) => h.id), q).toEqual(want.ids);
        expect(got.total, q).toBe(want.total);
      }
    } finally {
      svc.probeMinShards = PROBE_MIN_SHARDS;
    }
  });

  it('records capped per shard: page hits that came without their record are fetched and rendered exactly as when every record is sent', async () => {
    try {
      let fetched = 0;
      for (const q of QUERIES) {
        for (const over of [{}, { limit: 20 }, { offset: 5, limit: 5 }] as Array<Partial<SearchRequest>>) {
          svc.recordsPolicy = { spread: 1000, min: 1000, read: 1000 };
          const all = await svc.search(request(q, over));
          expect(all.routing.shardCalls, q).toBe(all.routing.called); // every record came with the hits
          svc.recordsPolicy = { spread: 0, min: 1, read: RECORDS_PER_SHARD.read };
          const capped = await svc.search(request(q, over));
          expect(capped.hits, `${q} ${JSON.stringify(over)}`).toEqual(all.hits);
          expect(capped.total).toBe(all.total);
          fetched += capped.routing.shardCalls - capped.routing.called;
        }
      }
      expect(fetched).toBeGreaterThan(0); // the cap did leave page hits to fetch
      // A policy sending no records: every page hit comes from a `hits` call, rendered the same.
      svc.recordsPolicy = { spread: 0, min: 0, read: 0 };
      for (const q of QUERIES) {
        svc.recordsPolicy = { spread: 1000, min: 1000, read: 1000 };
        const all = await svc.search(request(q));
        svc.recordsPolicy = { spread: 0, min: 0, read: 0 };
        const none = await svc.search(request(q));
        expect(none.hits, q).toEqual(all.hits);
        const hitsCalls = none.routing.shardCalls - none.routing.called; // one per shard holding page hits
        expect(hitsCalls, q).toBeGreaterThan(0);
        expect(hitsCalls, q).toBeLessThanOrEqual(all.hits.length);
      }
    } finally {
      svc.recordsPolicy = RECORDS_PER_SHARD;
    }
  });

  it('a cold search reads the document blocks of each shard\'s best few records only, and still renders the same page', async () => {
    for (const q of ['hà nội', 'bóng đá thời tiết', 'công an giao thông']) {
      const read: string[] = [];
      const cold = await openIndex(path.join(dir, 'index'), { onRead: (f) => read.push(f) });
      read.length = 0;
      const got = await cold.search(request(q));
      const want = await svc.search(request(q));
      expect(got.hits, q).toEqual(want.hits);
      expect(got.total).toBe(want.total);
      const docBlocks = new Set(read.filter((f) => /\/d-/.test(f)));
      const pageHitsFetched = got.routing.shardCalls - got.routing.called;
      expect(pageHitsFetched, q).toBeGreaterThan(0); // some page hits were not among their shard's best 2
      // Blocks read: those of each asked shard's best `read` hits, plus those of page hits fetched after.
      expect(docBlocks.size, q).toBeLessThanOrEqual(got.routing.called * RECORDS_PER_SHARD.read + got.hits.length);
      expect(docBlocks.size, q).toBeLessThan(got.routing.called * Math.min(10, RECORDS_PER_SHARD.spread)); // what sending every record read
    }
  });

  it('date sorts: same hits; with a small track_total_hits, later shards are skipped and the total is a lower bound', async () => {
    for (const sort of ['date:desc', 'date:asc'] as const) {
      for (const q of QUERIES) {
        const exact = await svc.search(request(q, { sort, trackTotalHits: Infinity }));
        const want = await everyShard(request(q, { sort }));
        expect(exact.hits.map((h) => h.id), `${sort} ${q}`).toEqual(want.ids);
        expect(exact.total).toBe(want.total);
        expect(exact.totalRelation).toBe('eq');
        const quick = await svc.search(request(q, { sort, trackTotalHits: 5 }));
        expect(quick.hits.map((h) => h.id), `${sort} ${q} quick`).toEqual(want.ids);
        if (quick.totalRelation === 'gte') {
          expect(quick.total).toBeLessThan(want.total);
          expect(quick.total).toBeGreaterThanOrEqual(5);
          expect(quick.routing.skipped).toBeGreaterThan(0);
        } else expect(quick.total).toBe(want.total);
      }
    }
    const newest = await svc.search(request('hà nội', { sort: 'date:desc', trackTotalHits: 5 }));
    expect(newest.routing.called).toBeLessThan(9);
    expect(newest.totalRelation).toBe('gte');
  });

  it('filters: shards outside a date range or without the category are never asked, totals stay exact', async () => {
    const from = Date.UTC(2015, 0, 1) / 60000;
    const to = Date.UTC(2016, 11, 31, 23, 59) / 60000;
    for (const q of QUERIES) {
      for (const over of [{ fromMinutes: from, toMinutes: to }, { categories: ['kinh-te'] }, { categories: ['khong-co'] }, { fromMinutes: from, sort: 'date:asc' as const }]) {
        const req = request(q, over);
        const [got, want] = [await svc.search(req), await everyShard(req)];
        expect(got.hits.map((h) => h.id), `${q} ${JSON.stringify(over)}`).toEqual(want.ids);
        expect(got.total).toBe(want.total);
      }
    }
    const ranged = await svc.search(request('hà nội', { fromMinutes: from, toMinutes: to }));
    expect(ranged.routing.skipped).toBeGreaterThan(0);
    expect(ranged.totalRelation).toBe('eq');
    expect((await svc.search(request('hà nội', { categories: ['khong-co'] }))).routing.called).toBe(0);
  });

  it('score bounds: the best score of every shard is within its bound, and a shard said to hold no match has none', async () => {
    const { shardBounds } = await import('../src/engine/shard-bounds.js');
    expect(svc.scoreBounds).not.toBeNull();
    for (const q of [...QUERIES, 'hà', 'thời tiết hà nội giá vàng bóng đá', 'công an thuế -du lịch', 'Yag', 'gia vnag']) {
      for (const prefixLast of [false, true]) {
        const plan = svc.plan(q, prefixLast).plan;
        for (const p of [plan, { ...plan, minShouldMatch: 1, required: [] }]) {
          const b = shardBounds(p, svc.scoreBounds!, svc.manifest.scoring.impactScale);
          const results = await Promise.all(svc.shards.map((s) => s.search(p, { topK: 1, sort: 'relevance', facets: [] })));
          results.forEach((r, s) => {
            if (!b.mayMatch[s]) expect(r.total, `${q} shard ${s}`).toBe(0);
            if (r.hits.length) expect(r.hits[0].score, `${q} shard ${s}`).toBeLessThanOrEqual(b.bound[s]);
          });
        }
      }
    }
  });

  it('relevance with score bounds: shards without a match are never asked; past track_total_hits, shards whose bound cannot reach the page are skipped (same hits, total a lower bound)', async () => {
    const yagi = await svc.search(request('bão Yagi'));
    expect(yagi.totalRelation).toBe('eq');
    expect(yagi.routing.called).toBeLessThan(9);
    expect(yagi.routing.called + yagi.routing.skipped).toBe(9);
    // One-word queries probe one shard first as over a big archive's many shards (PROBE_MIN_SHARDS), so
    // that later waves can skip by bound.
    svc.probeMinShards = 0;
    let skippedByBound = 0;
    try {
      for (const q of [...QUERIES, 'hà', 'thuế du lịch']) {
        for (const over of [{ trackTotalHits: 5 }, { trackTotalHits: 5, limit: 3 }, { trackTotalHits: 50, offset: 20 }] as Array<Partial<SearchRequest>>) {
          const req = request(q, over);
          const [got, want] = [await svc.search(req), await everyShard(req)];
          expect(got.hits.map((h) => h.id), `${q} ${JSON.stringify(over)}`).toEqual(want.ids);
          if (got.totalRelation === 'gte') {
            skippedByBound++;
            expect(got.total).toBeLessThan(want.total);
            expect(got.total).toBeGreaterThanOrEqual(over.trackTotalHits!);
          } else expect(got.total).toBe(want.total);
        }
      }
    } finally {
      svc.probeMinShards = PROBE_MIN_SHARDS;
    }
    expect(skippedByBound).toBeGreaterThan(0);
    // Without the artifact the same searches ask every shard that can match the filters.
    const plain = await openIndex(path.join(dir, 'index'), { noScoreBounds: true });
    expect(plain.scoreBounds).toBeNull();
    expect((await plain.search(request('bão Yagi'))).routing.called).toBe(9);
  });

  it('freshness: the same hits and scores as asking every shard with it; old shards skipped once the page is counted', async () => {
    const newest = Math.max(...svc.manifest.shards.map((s) => s.dates?.max ?? 0));
    let skipped = 0;
    let probed = 0;
    svc.probeMinShards = 0;
    try {
      for (const halfLifeDays of [30, 365, 5000]) {
        const freshness: Freshness = { halfLifeMinutes: halfLifeDays * 1440, referenceMinutes: newest + 1440 };
        // '' with a category: browsing, ordered by freshness alone (each match scores 1 × its factor).
        for (const q of [...QUERIES, 'hà', 'thuế du lịch', '']) {
          for (const over of [{ categories: ['kinh-te'] }, ...(q ? [{}, { trackTotalHits: 20 }, { trackTotalHits: 30, offset: 10 }, { limit: 5, categories: ['kinh-te'] }] : [{ categories: ['kinh-te'], trackTotalHits: 20 }, { categories: ['kinh-te'], trackTotalHits: 20, offset: 30 }, { categories: ['thoi-su', 'kinh-te'], trackTotalHits: 10, offset: 45, limit: 5 }])] as Array<Partial<SearchRequest>>) {
            const req = request(q, { ...over, freshness });
            const [got, want] = [await svc.search(req), await everyShard(req)];
            const label = `${q} ${halfLifeDays}d ${JSON.stringify(over)}`;
            expect(got.hits.map((h) => h.id), label).toEqual(want.ids);
            if (got.totalRelation === 'gte') {
              skipped++;
              expect(got.total, label).toBeLessThan(want.total);
              expect(got.total, label).toBeGreaterThanOrEqual(over.trackTotalHits ?? 1000);
            } else expect(got.total, label).toBe(want.total);
            if (q.includes(' ') && got.routing.waves > 1) probed++;
          }
        }
      }
    } finally {
      svc.probeMinShards = PROBE_MIN_SHARDS;
    }
    // Bounds fall with a shard's age: with a page counted, the old shards are not asked.
    expect(skipped).toBeGreaterThan(5);
    // A query of several words probes the newest shards first too (ONE_ROUND_MIN_SYLLABLES does not apply).
    expect(probed).toBeGreaterThan(0);

    // A score is the plain relevance score times the article's factor; a short half-life puts the newest first.
    const freshness: Freshness = { halfLifeMinutes: 90 * 1440, referenceMinutes: newest + 1440 };
    const plain = await svc.search(request('Vietlott', { limit: 50, trackTotalHits: Infinity }));
    const fresh = await svc.search(request('Vietlott', { limit: 50, trackTotalHits: Infinity, freshness }));
    expect(plain.total).toBeLessThanOrEqual(50);
    expect(fresh.total).toBe(plain.total);
    const relevance = new Map(plain.hits.map((h) => [h.id, h.score]));
    let compared = 0;
    for (const h of fresh.hits) {
      const r = relevance.get(h.id);
      if (r === undefined || !h.date) continue;
      compared++;
      expect(h.score / (r * freshnessFactor(isoToMinutes(h.date)!, freshness)), h.id).toBeCloseTo(1, 3);
    }
    expect(compared).toBeGreaterThan(10);
    const dates = fresh.hits.slice(0, 10).map((h) => h.date!);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
