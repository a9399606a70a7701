import { describe, expect, it } from 'vitest';
import type { IndexManifest, ShardEntry } from '../index-format/manifest.js';
import { NO_DATE } from '../index-format/shard-postings.js';
import { mayMatch, routeShards } from './shard-routing.js';

const file = { file: 'x', bytes: 1, sha256: '0' };
const shard = (n: number, dates: [number, number] | null, categories: number[], undated = 0): ShardEntry => ({
  shard: n, documentCount: 10, head: file, suggest: file, ...(dates ? { dates: { min: dates[0], max: dates[1] } } : {}), undated, categories,
  files: { count: 1, bytes: 1, postingsBytes: 1, documentsBytes: 1 },
});
const manifest = { shards: [shard(0, [100, 200], [0]), shard(1, [200, 300], [1]), shard(2, [300, 400], [0, 1], 2), shard(3, null, [2], 10)] } as IndexManifest;
const hit = (date: number) => ({ shard: 9, doc: 0, score: 1, date });

describe('mayMatch', () => {
  it('rules out shards outside a date range (undated-only shards for any date filter) or without a wanted category', () => {
    expect(mayMatch(manifest.shards[0], { fromMinutes: 201 })).toBe(false);
    expect(mayMatch(manifest.shards[0], { fromMinutes: 200 })).toBe(true);
    expect(mayMatch(manifest.shards[1], { toMinutes: 199 })).toBe(false);
    expect(mayMatch(manifest.shards[3], { toMinutes: 1000 })).toBe(false);
    expect(mayMatch(manifest.shards[0], { categories: [1, -1] })).toBe(false);
    expect(mayMatch(manifest.shards[2], { categories: [1, -1] })).toBe(true);
    expect(mayMatch(manifest.shards[3], {})).toBe(true);
  });
});

describe('routeShards', () => {
  it('orders newest first for relevance and date:desc, oldest first for date:asc, undated last', () => {
    expect(routeShards(manifest, 'relevance', {}).order).toEqual([2, 1, 0, 3]);
    expect(routeShards(manifest, 'date:desc', {}).order).toEqual([2, 1, 0, 3]);
    expect(routeShards(manifest, 'date:asc', {}).order).toEqual([0, 1, 2, 3]);
    const r = routeShards(manifest, 'date:asc', { fromMinutes: 250 });
    expect(r.order).toEqual([1, 2]);
    expect(r.skipped).toEqual([0, 3]);
  });

  it('lets a date-sorted search stop at the first shard that cannot beat the k-th hit (ties still asked)', () => {
    const desc = routeShards(manifest, 'date:desc', {});
    expect(desc.canBeat(1, hit(300))).toBe(true); // a hit dated 300 in shard 1 may beat one at 300 on score
    expect(desc.canBeat(1, hit(301))).toBe(false);
    expect(desc.canBeat(3, hit(0))).toBe(false); // undated articles never beat a dated one
    expect(desc.canBeat(3, hit(NO_DATE))).toBe(true);
    const asc = routeShards(manifest, 'date:asc', {});
    expect(asc.canBeat(2, hit(300))).toBe(true);
    expect(asc.canBeat(2, hit(299))).toBe(false);
    expect(asc.canBeat(0, hit(NO_DATE))).toBe(true);
    expect(routeShards(manifest, 'relevance', {}).canBeat(0, hit(1e9))).toBe(true);
  });
});
