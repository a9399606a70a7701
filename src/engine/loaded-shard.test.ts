import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-build/build-index.js';
import { completeLexicon, readArrayBuffer } from '../../index-build/open-index.js';
import type { IndexManifest } from '../index-format/manifest.js';
import { SynonymTable } from './synonym-table.js';
import { planQuery } from './planner.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { ArtifactError } from './artifact.js';
import { copyMissing } from './artifact-store.js';
import { MemoryArtifactStore } from './memory-artifact-store.js';
import { LoadedShard } from './loaded-shard.js';
import type { SearchOptions } from './query-plan.js';

let dir = '';
let manifest: IndexManifest;
let lexicon: Lexicon;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-lazy-'));
  await buildIndex({ input: 'data', outDir: dir, shards: 1, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048 } });
  manifest = JSON.parse(await readFile(path.join(dir, 'index/manifest.json'), 'utf8')) as IndexManifest;
  lexicon = await completeLexicon(manifest, (file) => readArrayBuffer(path.join(dir, 'index', file)));
}, 60_000);
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

/** A fetcher over the built folder that records which files were read. */
function fetcher(read: string[], root = path.join(dir, 'index')) {
  return async (file: string) => { read.push(file); return readArrayBuffer(path.join(root, file)); };
}
const plan = (q: string) => planQuery(q, { lexicon, synonyms: new SynonymTable(manifest.synonyms) }, {}).plan;
const OPTS: SearchOptions = { topK: 5, sort: 'relevance', facets: [] };

describe('LoadedShard (since index format 3)', () => {
  it('reads only its head to load, then the blocks a query needs', async () => {
    const read: string[] = [];
    const shard = await LoadedShard.load(manifest, 0, fetcher(read));
    expect(read).toEqual([manifest.shards[0].head.file]);
    const r = await shard.search(plan('hà nội'), OPTS);
    expect(r.total).toBeGreaterThan(0);
    const blocks = read.filter((f) => /\/p-/.test(f));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThan(shard.head.blockCount / 2);
    expect(read.some((f) => /\/d-/.test(f))).toBe(false); // no records asked for
    // The same query again reads nothing more.
    const before = read.length;
    await shard.search(plan('hà nội'), OPTS);
    expect(read.length).toBe(before);
  });

  it('prefetches the postings blocks of folded syllables, so a query about them reads fewer blocks, same answer', async () => {
    const read: string[] = [];
    const warmed = await LoadedShard.load(manifest, 0, fetcher(read));
    await warmed.prefetch(['ha', 'noi']);
    const prefetched = read.filter((f) => /\/p-/.test(f)).length;
    expect(prefetched).toBeGreaterThanOrEqual(1);
    expect(prefetched).toBeLessThanOrEqual(2); // one block where each syllable's keys begin
    read.length = 0;
    const cold: string[] = [];
    const a = await warmed.search(plan('hà nội'), OPTS);
    const b = await (await LoadedShard.load(manifest, 0, fetcher(cold))).search(plan('hà nội'), OPTS);
    expect(a).toEqual(b); // a hint only: the answer is the same
    expect(read.length).toBeLessThan(cold.filter((f) => /\/p-/.test(f)).length);
    await warmed.prefetch(['zzzz', '']); // syllables the shard does not hold: nothing to do, no error
  });

  it('sends the stored records of its hits when asked, equal to what hits() renders from', async () => {
    const shard = await LoadedShard.load(manifest, 0, fetcher([]));
    const p = plan('giá vàng');
    const r = await shard.search(p, { ...OPTS, records: 10 });
    expect(r.records).toHaveLength(r.hits.length);
    const ids = r.records!.map((rec) => (JSON.parse(new TextDecoder().decode(rec)) as { id: string }).id);
    const rendered = await shard.hits(r.hits.map((h) => h.doc), p.highlight);
    expect(ids).toEqual(rendered.map((h) => h.id));
    expect((await shard.article(ids[0]))?.id).toBe(ids[0]);
    expect(await shard.article('no-such-id')).toBeNull();
  });

  it('with recordsRead, reads the blocks of the best hits only and sends later records only from blocks in memory', async () => {
    const read: string[] = [];
    const shard = await LoadedShard.load(manifest, 0, fetcher(read));
    const p = plan('hà nội');
    const full = await (await LoadedShard.load(manifest, 0, fetcher([]))).search(p, { ...OPTS, records: 5 });
    expect(full.records).toHaveLength(5);
    const blockOf = (doc: number) => shard.head.docBlockOf(doc);
    expect(new Set(full.hits.slice(0, 5).map((h) => blockOf(h.doc))).size).toBeGreaterThan(1); // the case is real

    const cold = await shard.search(p, { ...OPTS, records: 5, recordsRead: 1 });
    expect(cold.hits).toEqual(full.hits);
    const docReads = read.filter((f) => /\/d-/.test(f));
    expect(docReads).toEqual([shard.head.docBlockFile(blockOf(cold.hits[0].doc)).file]);
    cold.hits.slice(0, 5).forEach((h, i) => {
      // A record is sent exactly when its block is the one read; every record sent is the right one.
      if (blockOf(h.doc) === blockOf(cold.hits[0].doc)) expect(cold.records?.[i]).toEqual(full.records![i]);
      else expect(cold.records?.[i]).toBeUndefined();
    });

    await shard.hits(cold.hits.slice(0, 5).map((h) => h.doc), p.highlight); // the blocks are now in memory
    const warm = await shard.search(p, { ...OPTS, records: 5, recordsRead: 1 });
    expect(warm.records).toEqual(full.records);
  });

  it('sends the records of only the best hits when asked for fewer than it returns', async () => {
    const shard = await LoadedShard.load(manifest, 0, fetcher([]));
    const p = plan('hà nội');
    const all = await shard.search(p, { ...OPTS, records: 10 });
    expect(all.hits.length).toBeGreaterThan(2);
    const two = await shard.search(p, { ...OPTS, records: 2 });
    expect(two.hits).toEqual(all.hits);
    expect(two.records).toHaveLength(2);
    expect(two.records).toEqual(all.records!.slice(0, 2));
    expect((await shard.search(p, { ...OPTS, records: 0 })).records).toBeUndefined();
  });

  it('gives the same results under a tiny cache budget (blocks evicted and read again)', async () => {
    const big = await LoadedShard.load(manifest, 0, fetcher([]));
    const small = await LoadedShard.load(manifest, 0, fetcher([]), { budget: { postings: 1, documents: 1 } });
    const answer = (s: LoadedShard, q: string) => s.search(plan(q), { ...OPTS, records: 10 });
    for (const q of ['hà nội', 'giá vàng tăng', 'bão số 3', 'ha noi xay dung', 'đảng']) {
      expect(await answer(small, q), q).toEqual(await answer(big, q));
    }
    expect(small.stats().postings.evictions).toBeGreaterThan(0);
    expect(small.stats().postings.bytes).toBeLessThanOrEqual(small.stats().postings.budget + 64 * 1024);
  });

  it('gives the same results while remembering few keys, with searches running concurrently', async () => {
    const fresh = (q: string) => LoadedShard.load(manifest, 0, fetcher([])).then((s) => s.search(plan(q), { ...OPTS, records: 10 }));
    // Remembers few keys and evicts blocks at once: concurrent searches and lookups empty the key
    // memory while others wait for their blocks, and keys absent from the shard are asked for again.
    const queries = ['hà nội', 'giá vàng tăng', 'bão số 3', 'ha noi xay dung', 'đảng', 'quốc hội', 'hà nội'];
    const keys = ['ha', 'khongco', 'ha noi', 'zzqx', 'dang', 'khongco'];
    const want = await Promise.all(queries.map(fresh));
    const wantDf = (await (await LoadedShard.load(manifest, 0, fetcher([]))).lookup(keys, [])).df;
    expect(wantDf.filter((d) => d === 0)).toHaveLength(3);
    for (const keyMemory of [3, 10, 30, 100]) {
      const shard = await LoadedShard.load(manifest, 0, fetcher([]), { budget: { postings: 1, documents: 1 }, keyMemory });
      for (let round = 0; round < 3; round++) {
        const [got, df] = await Promise.all([
          Promise.all(queries.map((q, i) => shard.lookup(keys.slice(i % 3), []).then(() => shard.search(plan(q), { ...OPTS, records: 10 })))),
          Promise.all(queries.map(() => shard.lookup(keys, []).then((l) => l.df))),
        ]);
        got.forEach((g, i) => expect(g, `${queries[i]} (${keyMemory} keys, round ${round})`).toEqual(want[i]));
        for (const d of df) expect(d).toEqual(wantDf);
      }
    }
  });

  it('finds a key again when the key memory is emptied while its search waits for blocks', async () => {
    // Remembers 2 keys; evicts every block, so each call waits for its blocks.
    const shard = await LoadedShard.load(manifest, 0, fetcher([]), { budget: { postings: 1, documents: 1 }, keyMemory: 2 });
    expect((await shard.lookup(['khongco'], [])).df).toEqual([0]); // now known to be absent
    // The first lookup starts with 1 key remembered (kept) and waits for the block of 'ha'; the
    // search starting meanwhile finds 2 and empties the memory, so the first finds 'khongco' anew.
    const [l, r] = await Promise.all([shard.lookup(['khongco', 'ha'], []), shard.search(plan('hà nội'), OPTS)]);
    expect(l.df[0]).toBe(0);
    expect(l.df[1]).toBeGreaterThan(0);
    expect(r.hits.length).toBeGreaterThan(0);
  });

  it('refuses a corrupt block when a query reads it, and serves queries that do not', async () => {
    {
      const shard0 = await LoadedShard.load(manifest, 0, fetcher([]));
      const read: string[] = [];
      await shard0.search(plan('hà nội'), OPTS);
      const probe = await LoadedShard.load(manifest, 0, fetcher(read));
      await probe.search(plan('hà nội'), OPTS);
      const target = read.find((f) => /\/p-/.test(f))!;
      // Serve every file of the index, flipping bytes in the middle of one block read by 'hà nội'.
      const bytesOf = async (f: string) => new Uint8Array(await readArrayBuffer(path.join(dir, 'index', f)));
      const corrupt = async (file: string) => {
        const b = await bytesOf(file);
        if (file === target) for (let i = 0; i < 4; i++) b[(b.length >> 1) + i] ^= 0xff;
        return b.buffer as ArrayBuffer;
      };
      const broken = await LoadedShard.load(manifest, 0, corrupt);
      await expect(broken.search(plan('hà nội'), OPTS)).rejects.toThrow(ArtifactError);
      await expect(broken.search(plan('hà nội'), OPTS)).rejects.toThrow(/corrupt or from another build/);
      const other = ['bóng đá', 'vắc xin', 'thuế'].map(plan);
      let served = 0;
      for (const p of other) { try { await broken.search(p, OPTS); served++; } catch (e) { expect(e).toBeInstanceOf(ArtifactError); } }
      expect(served).toBeGreaterThan(0);
    }
  });

  it('with every file in its store, a fresh shard fetches nothing and answers the same', async () => {
    const reference = await LoadedShard.load(manifest, 0, fetcher([]));
    const store = new MemoryArtifactStore();
    const files = reference.files();
    expect(files.length).toBe(2 + reference.head.blockCount + reference.head.docBlockCount);
    const progress = await copyMissing(files, fetcher([]), store, Infinity);
    expect(progress.next).toBe(files.length);
    const read: string[] = [];
    const stored = await LoadedShard.load(manifest, 0, fetcher(read), { store });
    for (const q of ['hà nội', 'giá vàng', 'bóng đá']) {
      const p = plan(q);
      expect(await stored.search(p, { ...OPTS, records: 5 })).toEqual(await reference.search(p, { ...OPTS, records: 5 }));
    }
    expect(await stored.suggest('ha', 5)).toEqual(await reference.suggest('ha', 5));
    expect(read).toEqual([]);
  });

  it('answers document frequencies and id locations for the live index', async () => {
    const shard = await LoadedShard.load(manifest, 0, fetcher([]));
    const r = await shard.search(plan('hà nội'), { ...OPTS, records: 10 });
    const id = (JSON.parse(new TextDecoder().decode(r.records![0])) as { id: string }).id;
    const l = await shard.lookup(['ha', 'ha noi', 'khongco'], [id, 'nope']);
    expect(l.df[0]).toBeGreaterThanOrEqual(l.df[1]);
    expect(l.df[1]).toBeGreaterThan(0);
    expect(l.df[2]).toBe(0);
    expect(l.docs).toEqual([r.hits[0].doc, -1]);
  });
});

describe('LoadedShard over files of packed blocks (since index format 10)', () => {
  let packedDir = '';
  let packed: IndexManifest;
  beforeAll(async () => {
    packedDir = await mkdtemp(path.join(os.tmpdir(), 'vn-packed-'));
    await buildIndex({ input: 'data', outDir: packedDir, shards: 1, layout: { postingsBlockBytes: 2048, documentBlockBytes: 2048, postingsPackBytes: 16_384, documentPackBytes: 8192 } });
    packed = JSON.parse(await readFile(path.join(packedDir, 'index/manifest.json'), 'utf8')) as IndexManifest;
  }, 60_000);
  afterAll(async () => { if (packedDir) await rm(packedDir, { recursive: true, force: true }); });
  const packedFetcher = (read: string[]) => fetcher(read, path.join(packedDir, 'index'));
  const QUERIES = ['hà nội', 'giá vàng tăng', 'bão số 3', 'ha noi xay dung', 'đảng', 'bóng đá'];

  it('writes fewer files than blocks, and answers exactly as one block per file does', async () => {
    const one = await LoadedShard.load(manifest, 0, fetcher([]));
    const read: string[] = [];
    const shard = await LoadedShard.load(packed, 0, packedFetcher(read));
    expect(shard.head.blockCount).toBe(one.head.blockCount);
    expect(packed.shards[0].files.count).toBeLessThan((2 + shard.head.blockCount + shard.head.docBlockCount) / 3);
    for (const q of QUERIES) {
      const p = plan(q);
      expect(await shard.search(p, { ...OPTS, records: 10 }), q).toEqual(await one.search(p, { ...OPTS, records: 10 }));
    }
    // A file holding several of a query's blocks is fetched once for them.
    expect(read.length).toBe(new Set(read).size);
  });

  it('copies block by block: a restarted shard reads single blocks from its store and fetches nothing', async () => {
    const reference = await LoadedShard.load(packed, 0, packedFetcher([]));
    const store = new MemoryArtifactStore();
    const units = reference.files();
    expect(units.length).toBe(packed.shards[0].files.count);
    const progress = await copyMissing(units, packedFetcher([]), store, Infinity);
    expect(progress.next).toBe(units.length);
    expect(store.has(reference.head.blockFile(3))).toBe(true);
    const read: string[] = [];
    const stored = await LoadedShard.load(packed, 0, packedFetcher(read), { store });
    for (const q of QUERIES) {
      const p = plan(q);
      expect(await stored.search(p, { ...OPTS, records: 5 })).toEqual(await reference.search(p, { ...OPTS, records: 5 }));
    }
    expect(read).toEqual([]);
    // What a block read from the store costs: the block, not its file.
    expect(stored.stats().postings.bytes).toBeLessThan(units.filter((u) => /\/p-/.test(u.file.file)).reduce((a, u) => a + u.file.bytes, 0));
  });

  it('refuses a corrupt block inside a file, and serves queries that read other blocks', async () => {
    const probe: string[] = [];
    await (await LoadedShard.load(packed, 0, packedFetcher(probe))).search(plan('hà nội'), OPTS);
    const shard = await LoadedShard.load(packed, 0, packedFetcher([]));
    const target = shard.head.blockFile(shard.head.blockOf(new TextEncoder().encode('ha')));
    const corrupt = async (file: string) => {
      const b = new Uint8Array(await readArrayBuffer(path.join(packedDir, 'index', file)));
      if (file === target.file) for (let i = 0; i < 4; i++) b[(target.offset ?? 0) + (target.bytes >> 1) + i] ^= 0xff;
      return b.buffer as ArrayBuffer;
    };
    const broken = await LoadedShard.load(packed, 0, corrupt);
    expect(target.offset).toBeDefined(); // the block shares its file with others
    await expect(broken.search(plan('hà nội'), OPTS)).rejects.toThrow(/block at byte \d+ of index file .* is corrupt/);
    const store = new MemoryArtifactStore();
    await expect(copyMissing(broken.files(), corrupt, store, Infinity)).rejects.toThrow(ArtifactError);
    expect(store.has(target)).toBe(false);
  });
});
