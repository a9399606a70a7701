import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../index-build/build-index.js';
import { openIndex } from '../../../index-build/open-index.js';
import type { StoredDocument } from '../../index-format/document-store.js';
import type { SearchRequest, SearchService } from '../search-service.js';
import { liveBaseOf } from './live-base.js';
import { LiveCore, type LiveBase } from './live-core.js';
import { MemoryLiveStorage } from './live-storage.js';

const ARTICLES: StoredDocument[] = [
  { id: 'a1', title: 'Hà Nội nâng cao chất lượng sinh hoạt chi bộ', body: 'Thành ủy Hà Nội tổ chức hội nghị về công tác xây dựng Đảng.', date: '2023-01-15', category: 'thoi-su' },
  { id: 'a2', title: 'Giá vàng hôm nay tăng mạnh', body: 'Giá vàng SJC tăng, người dân Hà Nội xếp hàng mua vàng.', date: '2023-02-01', category: 'kinh-doanh' },
  { id: 'a3', title: 'U23 Việt Nam thắng đậm Thái Lan', body: 'Đội tuyển U23 Việt Nam thắng 4-0 trong trận giao hữu.', date: '2023-03-10', category: 'the-thao' },
  { id: 'a4', title: 'Bão số 3 đổ bộ Quảng Ninh', body: 'Bão số 3 gây mưa lớn tại Quảng Ninh và Hải Phòng, nhiều cây đổ.', date: '2023-07-20', category: 'thoi-su' },
  { id: 'a5', title: 'Hà Giang mùa tam giác mạch', body: 'Du khách đổ về Hà Giang ngắm hoa tam giác mạch nở rộ.', date: '2023-10-05', category: 'du-lich' },
  { id: 'a6', title: 'Giá xăng giảm lần thứ ba', body: 'Liên Bộ Công Thương – Tài chính điều chỉnh giá xăng dầu.', date: '2023-11-11', category: 'kinh-doanh' },
];

let dir = '';
let plain: SearchService;

const req = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false, ...extra });

/** A search service whose live index is a fresh in-memory one over the built index. */
async function withLive(limits?: { maxChanges: number; maxBytes: number }) {
  let core!: LiveCore;
  const svc = await openIndex(path.join(dir, 'built', 'index'), {
    live: (manifest, shards) => {
      const base = liveBaseOf(manifest, shards);
      core = new LiveCore(new MemoryLiveStorage(), async (ref) => {
        if (ref.contentHash !== base.ref.contentHash) throw new Error('unknown build');
        return base;
      }, limits);
      return core;
    },
  });
  return { svc, core, ref: svc.base };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-live-'));
  const input = path.join(dir, 'corpus.jsonl');
  await writeFile(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  await buildIndex({ input, outDir: path.join(dir, 'built'), shards: 2 });
  plain = await openIndex(path.join(dir, 'built', 'index'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('LiveCore over a built index', () => {
  it('an article written again as it is scores exactly as the build scored it (same scale)', async () => {
    const { svc, core, ref } = await withLive();
    const results = await core.put(ref, ARTICLES.map((a) => ({ id: a.id, doc: a })));
    expect(results.every((r) => r.status === 'replaced')).toBe(true);
    for (const q of ['ha noi', 'giá vàng', 'bao so 3 quang ninh', 'Việt Nam']) {
      const a = await plain.search(req(q));
      const b = await svc.search(req(q));
      expect(b.hits.map((h) => [h.id, h.score]), q).toEqual(a.hits.map((h) => [h.id, h.score]));
      expect(b.total, q).toBe(a.total);
    }
  });

  it('a new article is found at once, with facets and totals; the page is not short', async () => {
    const { svc, core, ref } = await withLive();
    const doc: StoredDocument = { id: 'new-1', title: 'Hà Nội khai trương tuyến metro mới', body: 'Tuyến metro Nhổn – ga Hà Nội chính thức vận hành.', date: '2024-08-08', category: 'giao-thong' };
    const before = await svc.search(req('ha noi', { facets: ['category', 'year'] }));
    const [r] = await core.put(ref, [{ id: doc.id, doc }]);
    expect(r).toMatchObject({ status: 'created', seq: 1 });
    const after = await svc.search(req('ha noi', { facets: ['category', 'year'] }));
    expect(after.total).toBe(before.total + 1);
    expect(after.hits.map((h) => h.id)).toContain('new-1');
    expect(after.facets?.category?.['giao-thong']).toBe(1);
    expect(after.facets?.year?.['2024']).toBe(1);
    expect(after.liveSeq).toBe(1);
    const hit = after.hits.find((h) => h.id === 'new-1')!;
    expect(hit.title_html).toContain('<mark>Hà Nội</mark>');
    expect((await svc.article('new-1')).article).toEqual(doc);
    expect((await svc.search(req('metro', { categories: ['giao-thong'] }))).hits.map((h) => h.id)).toEqual(['new-1']);
    expect((await svc.suggestTitles('khai truong', 5)).titles.map((s) => s.id)).toContain('new-1');
  });

  it('a deleted built article is gone from hits, totals, facets, suggestions and /articles', async () => {
    const { svc, core, ref } = await withLive();
    const before = await svc.search(req('ha noi', { facets: ['category'] }));
    expect(before.hits.map((h) => h.id)).toContain('a1');
    const [r] = await core.delete(ref, ['a1']);
    expect(r).toMatchObject({ id: 'a1', status: 'deleted' });
    const after = await svc.search(req('ha noi', { facets: ['category'] }));
    expect(after.hits.map((h) => h.id)).not.toContain('a1');
    expect(after.total).toBe(before.total - 1);
    expect(after.facets?.category?.['thoi-su'] ?? 0).toBe((before.facets?.category?.['thoi-su'] ?? 0) - 1);
    expect((await svc.article('a1')).article).toBeNull();
    expect((await svc.suggestTitles('ha noi nang cao', 5)).titles.map((s) => s.id)).not.toContain('a1');
    // Browsing by filter leaves it out too.
    expect((await svc.search(req('', { categories: ['thoi-su'] }))).hits.map((h) => h.id)).toEqual(['a4']);
    expect(await core.delete(ref, ['a1'])).toEqual([{ id: 'a1', status: 'unchanged', seq: r.status === 'deleted' ? r.seq : -1 }]);
    expect(await core.delete(ref, ['no-such-id'])).toEqual([{ id: 'no-such-id', status: 'not_found' }]);
  });

  it('a replaced article appears only in its new version', async () => {
    const { svc, core, ref } = await withLive();
    await core.put(ref, [{ id: 'a2', doc: { ...ARTICLES[1], title: 'Giá bạc hôm nay giảm nhẹ', body: 'Giá bạc giảm.' } }]);
    expect((await svc.search(req('SJC'))).total).toBe(0); // only the old version said it
    expect((await svc.search(req('giá vàng'))).relaxed).toBe(true); // no article has both words any more
    const silver = await svc.search(req('giá bạc'));
    expect(silver.hits.map((h) => h.id)).toEqual(['a2']);
    expect(((await svc.article('a2')).article)?.title).toBe('Giá bạc hôm nay giảm nhẹ');
    // Replaced again (a live article replaced by another version).
    await core.put(ref, [{ id: 'a2', doc: { ...ARTICLES[1], title: 'Giá đồng tăng', body: 'Giá đồng tăng.' } }]);
    expect((await svc.search(req('bạc'))).total).toBe(0);
    expect((await svc.search(req('giá đồng'))).hits.map((h) => h.id)).toEqual(['a2']);
  });

  it('writes are idempotent and the last acknowledged one wins', async () => {
    const { svc, core, ref } = await withLive();
    const doc: StoredDocument = { id: 'n', title: 'Tin mới về giá điện', body: 'Giá điện tăng từ tháng sau.' };
    const [a] = await core.put(ref, [{ id: 'n', doc }]);
    const [b] = await core.put(ref, [{ id: 'n', doc }]);
    expect(b).toEqual({ id: 'n', status: 'unchanged', seq: a.status === 'created' ? a.seq : -1 });
    // Concurrent writers of one id: the later acknowledgement wins.
    const results = await Promise.all([1, 2, 3].map((i) => core.put(ref, [{ id: 'n', doc: { ...doc, title: `Bản ${i} về giá điện` } }])));
    const last = results.map((r) => r[0]).filter((r) => r.status === 'replaced').sort((x, y) => (x as { seq: number }).seq - (y as { seq: number }).seq).pop() as { seq: number };
    const winner = results.findIndex((r) => (r[0] as { seq?: number }).seq === last.seq) + 1;
    expect(((await svc.article('n')).article)?.title).toBe(`Bản ${winner} về giá điện`);
    expect((await svc.search(req('giá điện'))).hits.filter((h) => h.id === 'n')).toHaveLength(1);
  });

  it('refuses writes past its capacity with a message saying how to fold in', async () => {
    const { core, ref } = await withLive({ maxChanges: 2, maxBytes: 1 << 30 });
    const docs = [1, 2, 3].map((i) => ({ id: `c${i}`, doc: { id: `c${i}`, title: `Bài số ${i}`, body: 'Nội dung.' } }));
    const results = await core.put(ref, docs);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'rejected']);
    expect(results[2]).toMatchObject({ code: 'live_index_full' });
    expect((results[2] as { message: string }).message).toMatch(/build:index -- .*--live/);
    // Replacing an article already live does not need room.
    expect((await core.put(ref, [{ id: 'c1', doc: { id: 'c1', title: 'Bài số 1 sửa', body: 'Nội dung.' } }]))[0].status).toBe('replaced');
  });

  it('after a build folds its changes in, serves only later ones: nothing doubled, lost or resurrected', async () => {
    const storage = new MemoryLiveStorage();
    const bases = new Map<string, LiveBase>();
    const core = new LiveCore(storage, async (ref) => {
      const b = bases.get(ref.contentHash);
      if (!b) throw new Error('unknown build');
      return b;
    });
    const open = (name: string) => openIndex(path.join(dir, name, 'index'), {
      live: (manifest, shards) => {
        bases.set(manifest.contentHash, liveBaseOf(manifest, shards));
        return core;
      },
    });
    const b1 = await open('built');
    const ref1 = b1.base;
    await core.put(ref1, [{ id: 'n1', doc: { id: 'n1', title: 'Lễ hội pháo hoa Đà Nẵng', body: 'Pháo hoa rực sáng sông Hàn.', category: 'du-lich' } }]);
    await core.put(ref1, [{ id: 'a2', doc: { ...ARTICLES[1], title: 'Giá vàng hôm nay giảm sâu' } }]);
    await core.delete(ref1, ['a4']);
    const queries = ['pháo hoa', 'giá vàng', 'bão quảng ninh', 'hà nội', 'du lịch'];
    const before = await Promise.all(queries.map((q) => b1.search(req(q, { limit: 20 }))));

    // The nightly build folds the feed in; meanwhile one more article is published on the old deployment.
    const journal = core.changes(0, 1000).changes;
    await buildIndex({ input: path.join(dir, 'corpus.jsonl'), outDir: path.join(dir, 'folded'), shards: 2, journal: { changes: journal, label: 'journal.jsonl' } });
    await core.put(ref1, [{ id: 'n2', doc: { id: 'n2', title: 'Pháo hoa Hà Nội đêm giao thừa', body: 'Hà Nội bắn pháo hoa ở 30 điểm.' } }]);

    const b2 = await open('folded');
    expect(b2.manifest.live).toEqual({ seq: 3 });
    expect(b2.manifest.documentCount).toBe(ARTICLES.length); // +n1 −a4
    const stats = await core.stats(b2.base);
    expect(stats).toMatchObject({ changes: 1, articles: 1, suppressed: 0 });
    for (const [i, q] of queries.entries()) {
      const after = await b2.search(req(q, { limit: 20 }));
      const ids = after.hits.map((h) => h.id);
      expect(new Set(ids).size, q).toBe(ids.length);
      expect(ids.filter((id) => id !== 'n2').sort(), q).toEqual(before[i].hits.map((h) => h.id).sort());
    }
    expect((await b2.search(req('phao hoa'))).hits.map((h) => h.id).sort()).toEqual(['n1', 'n2']);
    expect((await b2.article('a4')).article).toBeNull();
    expect(((await b2.article('a2')).article)?.title).toBe('Giá vàng hôm nay giảm sâu');
    // Dropping the folded changes (after the grace period) changes nothing that is served.
    expect(core.dropThrough(3)).toBe(3);
    expect((await b2.search(req('phao hoa'))).hits.map((h) => h.id).sort()).toEqual(['n1', 'n2']);
  });

  it('serves the change feed in order, one latest change per id', async () => {
    const { core, ref } = await withLive();
    await core.put(ref, [{ id: 'x', doc: { id: 'x', title: 'Một', body: 'a' } }, { id: 'y', doc: { id: 'y', title: 'Hai', body: 'b' } }]);
    await core.delete(ref, ['x', 'a3']);
    const feed = core.changes(0, 10);
    expect(feed.lastSeq).toBe(4);
    expect(feed.changes.map((c) => [c.seq, c.op, c.id])).toEqual([[2, 'put', 'y'], [3, 'delete', 'x'], [4, 'delete', 'a3']]);
    expect(core.changes(3, 10).changes.map((c) => c.id)).toEqual(['a3']);
    expect(core.changes(0, 1).changes.map((c) => c.id)).toEqual(['y']);
  });
});
