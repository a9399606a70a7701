import { describe, expect, it } from 'vitest';
import { mergeShardPostings, mergeShardPostingsArtifact } from './merge-shard-postings.js';
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
