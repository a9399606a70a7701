import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { DocumentBlock, parseRecord } from './document-block.js';
import { PostingsBlock } from './postings-block.js';
import { ShardHead } from './shard-head.js';
import { layoutShard, type ShardFiles } from './shard-layout.js';
import { NO_CATEGORY, NO_DATE, ShardPostings, writeShardPostings } from './shard-postings.js';
import { ShardPostingsBuilder } from './shard-postings-builder.js';
import { sortTermsByBytes } from './sort-terms.js';
import { bigramKey, exactKey, foldedKey } from './term-keys.js';

const sha = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const enc = new TextEncoder();
const buf = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;

/** A pseudo-random shard: 300 documents over a 200-syllable vocabulary, with pairs and readings. */
function randomShard(seed: number) {
  let x = seed;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const syllables = Array.from({ length: 200 }, (_, i) => `s${i.toString(36)}`);
  const keys: string[] = [];
  const ids = new Map<string, number>();
  const intern = (k: string) => { let id = ids.get(k); if (id === undefined) { id = keys.length; ids.set(k, id); keys.push(k); } return id; };
  const docs = Array.from({ length: 300 }, (_, d) => {
    const words = Array.from({ length: 3 + Math.floor(rand() * 20) }, () => syllables[Math.floor(rand() ** 2 * syllables.length)]);
    const terms = new Set<number>();
    words.forEach((w, i) => {
      terms.add(intern(foldedKey(w)));
      if (rand() < 0.3) terms.add(intern(exactKey(w + 'à')));
      if (i > 0) terms.add(intern(bigramKey(words[i - 1], w)));
    });
    return {
      termIds: Uint32Array.from([...terms]),
      headline: Uint32Array.from(words.slice(0, 4).map((w) => ids.get(foldedKey(w))!)),
      headlineExact: Uint32Array.from(words.slice(0, 4).map((w) => ids.get(foldedKey(w))!)),
      date: d % 7 === 0 ? NO_DATE : 21_000_000 + d * 60,
      category: d % 5 === 0 ? NO_CATEGORY : d % 3,
    };
  });
  const order = sortTermsByBytes(keys);
  const rank = new Uint32Array(order.length);
  order.forEach((id, r) => { rank[id] = r; });
  const arrays = new ShardPostingsBuilder(keys, rank).arrays(docs, (doc, k) => 1 + ((doc * 31 + k * 7) % 60000));
  const records = docs.map((_, d) => enc.encode(JSON.stringify({ id: `doc-${d}`, title: `Bài ${d}`, body: 'x'.repeat(d % 50) })));
  return { keys, arrays, records, ids: docs.map((_, d) => `doc-${d}`) };
}

describe('layoutShard', () => {
  const { keys, arrays, records, ids } = randomShard(7);
  const whole = new ShardPostings(writeShardPostings({ shard: 3, documentCount: records.length }, arrays).slice().buffer);
  const files: ShardFiles = layoutShard(3, arrays, records, ids, sha, { postingsBlockBytes: 2048, documentBlockBytes: 1024 });
  const head = new ShardHead(buf(files.head));
  const blocks = files.postingsBlocks.map((b) => new PostingsBlock(buf(b)));
  const docBlocks = files.documentBlocks.map((b) => new DocumentBlock(buf(b)));

  it('cuts postings and documents into many blocks listed, with their hashes, in the head', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(docBlocks.length).toBeGreaterThan(5);
    expect(head.blockCount).toBe(blocks.length);
    expect(head.docBlockCount).toBe(docBlocks.length);
    files.postingsBlocks.forEach((b, i) => {
      expect(head.blockFile(i)).toEqual({ file: `shard-003/p-${hex(b).slice(0, 16)}.bin`, bytes: b.length, sha256: hex(b) });
    });
    files.documentBlocks.forEach((b, i) => expect(head.docBlockFile(i).sha256).toBe(hex(b)));
    // By default each block is its own file.
    expect(files.postingsPacks).toEqual(files.postingsBlocks);
    expect(files.documentPacks).toEqual(files.documentBlocks);
  });

  it('packs consecutive blocks into bigger files when asked, each block located by its file and offset', () => {
    const packed = layoutShard(3, arrays, records, ids, sha, { postingsBlockBytes: 2048, documentBlockBytes: 1024, postingsPackBytes: 8192, documentPackBytes: 3000 });
    // The blocks themselves do not change; the head is the same but for where the blocks are.
    expect(packed.postingsBlocks).toEqual(files.postingsBlocks);
    expect(packed.documentBlocks).toEqual(files.documentBlocks);
    expect(packed.postingsPacks.length).toBeGreaterThan(1);
    expect(packed.postingsPacks.length).toBeLessThan(files.postingsBlocks.length / 2);
    expect(packed.documentPacks.length).toBeLessThan(files.documentBlocks.length);
    const h = new ShardHead(buf(packed.head));
    const listed = h.packedFiles();
    expect(listed.map((p) => p.file.sha256)).toEqual([...packed.postingsPacks, ...packed.documentPacks].map(hex));
    expect(listed.map((p) => p.file.bytes)).toEqual([...packed.postingsPacks, ...packed.documentPacks].map((p) => p.length));
    const all = [...packed.postingsPacks, ...packed.documentPacks];
    const located = [...listed.flatMap((p, i) => p.blocks.map((b) => ({ b, pack: all[i], name: p.file.file })))];
    expect(located.length).toBe(files.postingsBlocks.length + files.documentBlocks.length);
    for (const [i, block] of files.postingsBlocks.entries()) {
      const at = h.blockFile(i);
      const pack = packed.postingsPacks[listed.findIndex((p) => p.file.file === at.file)];
      expect(pack.subarray(at.offset ?? 0, (at.offset ?? 0) + at.bytes)).toEqual(block);
      expect(at.sha256).toBe(hex(block));
    }
    for (const [i, block] of files.documentBlocks.entries()) {
      const at = h.docBlockFile(i);
      const pack = all[listed.findIndex((p) => p.file.file === at.file)];
      expect(pack.subarray(at.offset ?? 0, (at.offset ?? 0) + at.bytes)).toEqual(block);
    }
    // Every file of packs starts with a block; files are named by their own hash.
    for (const p of listed) expect(p.blocks[0].offset ?? 0).toBe(0);
    // A block alone in its file is listed as the whole file.
    for (const p of listed) expect(p.blocks.length === 1 ? p.blocks[0].offset : 0).toBe(p.blocks.length === 1 ? undefined : 0);
    expect(listed[0].file.file).toBe(`shard-003/p-${hex(packed.postingsPacks[0]).slice(0, 16)}.bin`);
  });

  it('finds every key in its block with the posting list and term number of the uncut shard', () => {
    for (const key of keys) {
      const bytes = enc.encode(key);
      const block = blocks[head.blockOf(bytes)];
      const i = block.indexOf(bytes);
      expect(i, key).toBeGreaterThanOrEqual(0);
      const got = block.list(i);
      const want = whole.list(bytes)!;
      expect([...got.docs.subarray(got.start, got.end)], key).toEqual([...want.docs.subarray(want.start, want.end)]);
      expect([...got.impacts.subarray(got.start, got.end)], key).toEqual([...want.impacts.subarray(want.start, want.end)]);
      expect(got.max, key).toBe(Math.max(...want.impacts.subarray(want.start, want.end)));
      expect(block.meta.firstTerm + i, key).toBe(whole.headlineNumber(bytes));
    }
    for (const absent of ['', 'a', 'zzz', 's0 zz', 'sz=x']) {
      const b = head.blockOf(enc.encode(absent));
      expect(b < 0 || blocks[b].indexOf(enc.encode(absent)) < 0, absent).toBe(true);
    }
  });

  it('keeps the per-document columns, headlines, ids and records', () => {
    expect([...head.docDate]).toEqual([...arrays.docDate]);
    expect([...head.docCategory]).toEqual([...arrays.docCategory]);
    // Headline columns: positions in the head's vocabulary of the uncut shard's term numbers.
    expect(head.headlineTerms.length).toBe(arrays.headlineTerms.length);
    expect(head.headlineTerms).toBeInstanceOf(Uint16Array);
    arrays.headlineTerms.forEach((t, i) => expect(head.headlineNumber(t)).toBe(head.headlineTerms[i]));
    arrays.headlineExact.forEach((t, i) => expect(head.headlineNumber(t)).toBe(head.headlineExact[i]));
    const inHeadlines = new Set([...arrays.headlineTerms, ...arrays.headlineExact]);
    for (let t = 0; t < arrays.termOffsets.length - 1; t++) if (!inHeadlines.has(t)) expect(head.headlineNumber(t)).toBe(-1);
    ids.forEach((id, d) => {
      expect(head.findById(id)).toBe(d);
      expect(head.idOf(d)).toBe(id);
      const block = docBlocks[head.docBlockOf(d)];
      expect(parseRecord(block.record(d))).toEqual(JSON.parse(new TextDecoder().decode(records[d])));
    });
    expect(head.findById('doc-x')).toBe(-1);
  });

  it('is deterministic', () => {
    const again = layoutShard(3, arrays, records, ids, sha, { postingsBlockBytes: 2048, documentBlockBytes: 1024 });
    expect(again.head).toEqual(files.head);
    expect(again.postingsBlocks).toEqual(files.postingsBlocks);
  });

  it('refuses a truncated or altered head', () => {
    expect(() => new ShardHead(buf(files.head.slice(0, files.head.length - 16)))).toThrow(ContainerError);
    const inconsistent = layoutShard(3, { ...arrays, docDate: arrays.docDate.slice(0, 299) }, records, ids, sha).head;
    expect(() => new ShardHead(buf(inconsistent))).toThrow(/inconsistent/);
  });

  it('lays out an empty dictionary as one empty block', () => {
    const empty = { ...arrays, termBytes: new Uint8Array(0), termOffsets: Uint32Array.of(0), postingStarts: Uint32Array.of(0), postingDocs: new Uint16Array(0), postingImpacts: new Uint16Array(0), headlineStarts: new Uint32Array(301), headlineTerms: new Uint32Array(0), headlineExact: new Uint32Array(0) };
    const f = layoutShard(0, empty, records, ids, sha);
    const h = new ShardHead(buf(f.head));
    expect(h.blockCount).toBe(1);
    expect(new PostingsBlock(buf(f.postingsBlocks[0])).indexOf(enc.encode('s1'))).toBe(-1);
  });
});
