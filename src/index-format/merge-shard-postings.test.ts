import { describe, expect, it } from 'vitest';
import { mergeShardPostings, mergeShardPostingsArtifact, mergeShardPostingsAsync, TERMS_PER_STEP } from './merge-shard-postings.js';
import { ShardPostingsBuilder, type PostingsDocument } from './shard-postings-builder.js';
import { NO_CATEGORY, NO_DATE, ShardPostings } from './shard-postings.js';
import { sortTermsByBytes } from './sort-terms.js';
import { TermCollector, type DocTerms } from './term-collector.js';

const TEXTS = [
  ['Hà Nội nâng cao chất lượng sinh hoạt chi bộ', 'Thành ủy Hà Nội tổ chức hội nghị về công tác Đảng.'],
  ['Giá vàng hôm nay tăng mạnh', 'Giá vàng SJC đang tăng, người dân Hà Nội xếp hàng mua vàng.'],
  ['U23 Việt Nam thắng đậm', 'Đội tuyển U23 Việt Nam thắng 4-0 trong trận giao hữu.'],
  ['Bão số 3 đổ bộ Quảng Ninh', 'Bão số 3 gây mưa lớn tại Quảng Ninh và Hải Phòng.'],
  ['Hà Giang mùa tam giác mạch', 'Du khách đổ về Hà Giang ngắm hoa tam giác mạch.'],
];

function corpus() {
  const collector = new TermCollector();
  const terms: DocTerms[] = TEXTS.map(([title, body]) => collector.add([title], [body], title));
  const rank = new Uint32Array(collector.keys.length);
  sortTermsByBytes(collector.keys).forEach((id, r) => { rank[id] = r; });
  const builder = new ShardPostingsBuilder(collector.keys, rank);
  const docs: PostingsDocument[] = terms.map((t, i) => ({ termIds: t.termIds, headline: t.headline, headlineExact: t.headlineExact, date: i === 2 ? NO_DATE : 1000 + i, category: i % 2 ? 1 : NO_CATEGORY }));
  // A deterministic impact that differs per document and term.
  const impactOf = (base: number) => (d: number, k: number) => 1 + ((base + d) * 31 + k * 7) % 60000;
  const shard = (from: number, to: number) => {
    const bytes = builder.build(0, docs.slice(from, to), (d, k) => impactOf(from)(d, k));
    return new ShardPostings(bytes.buffer as ArrayBuffer);
  };
  return { docs, builder, shard, impactOf };
}

describe('mergeShardPostings', () => {
  it('merging shards of consecutive documents gives the shard of all of them, byte for byte', () => {
    const { docs, builder, shard, impactOf } = corpus();
    const whole = builder.arrays(docs, (d, k) => impactOf(0)(d, k));
    const merged = mergeShardPostings([{ postings: shard(0, 2) }, { postings: shard(2, 3) }, { postings: shard(3, 5) }]);
    expect(merged.arrays).toEqual(whole);
    expect([...merged.docMaps[2]]).toEqual([3, 4]);
  });

  it('drops documents and the terms only they held, remapping headlines', () => {
    const { docs, builder, shard, impactOf } = corpus();
    const a = shard(0, 3);
    const b = shard(3, 5);
    const merged = mergeShardPostings([{ postings: a, drop: new Set([1]) }, { postings: b, drop: new Set([0]) }]);
    const kept = [0, 2, 4];
    const expected = builder.arrays(kept.map((i) => docs[i]), (d, k) => impactOf(0)(kept[d], k));
    expect(merged.arrays).toEqual(expected);
    expect([...merged.docMaps[0]]).toEqual([0, -1, 1]);
    expect([...merged.docMaps[1]]).toEqual([-1, 2]);
  });

  it('reopens as a searchable artifact; merging everything away leaves an empty one', () => {
    const { shard } = corpus();
    const { postings } = mergeShardPostingsArtifact(0, [{ postings: shard(0, 5) }]);
    expect(postings.documentCount).toBe(5);
    expect(postings.lookup('ha noi')).not.toBeNull();
    const empty = mergeShardPostingsArtifact(0, [{ postings: shard(0, 2), drop: new Set([0, 1]) }]).postings;
    expect(empty.documentCount).toBe(0);
    expect(empty.dictionary.size).toBe(0);
  });
});

describe('mergeShardPostingsAsync', () => {
  it('pauses after every slice of terms (not by the clock, which a Worker stops during sync work) and gives the same shard', async () => {
    const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `từ${from + i}`).join(' ');
    const collector = new TermCollector();
    const terms = [collector.add(['một'], [words(0, 3000)], 'một'), collector.add(['hai'], [words(2500, 3000)], 'hai')];
    const rank = new Uint32Array(collector.keys.length);
    sortTermsByBytes(collector.keys).forEach((id, r) => { rank[id] = r; });
    const builder = new ShardPostingsBuilder(collector.keys, rank);
    const docs: PostingsDocument[] = terms.map((t, i) => ({ termIds: t.termIds, headline: t.headline, headlineExact: t.headlineExact, date: 1000 + i, category: NO_CATEGORY }));
    const shard = (from: number, to: number) => new ShardPostings(builder.build(0, docs.slice(from, to), (d, k) => 1 + ((d * 31 + k * 7) % 60000)).buffer as ArrayBuffer);
    const inputs = [{ postings: shard(0, 1) }, { postings: shard(1, 2) }];
    let pauses = 0;
    const merged = await mergeShardPostingsAsync(inputs, async () => { pauses++; });
    const sync = mergeShardPostingsArtifact(0, inputs);
    const termCount = sync.postings.dictionary.size;
    expect(merged.postings.dictionary.size).toBe(termCount);
    expect([...merged.postings.postingImpacts]).toEqual([...sync.postings.postingImpacts]);
    expect([...merged.postings.postingStarts]).toEqual([...sync.postings.postingStarts]);
    expect(termCount).toBeGreaterThan(2 * TERMS_PER_STEP);
    expect(pauses).toBe(Math.floor(termCount / TERMS_PER_STEP));
  });
});
