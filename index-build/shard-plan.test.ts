import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_LAYOUT, type ShardLayoutOptions } from '../src/index-format/shard-layout.js';
import { DEFAULT_MAX_SHARD_BYTES, estimatedIndexFiles, INDEX_FILE_BUDGET, LARGE_MAX_SHARD_BYTES, maxShardBytesFor, planShards, SHARD_COUNT_BEFORE_GROWING, shardLayoutFor, STATIC_ASSET_LIMIT_BYTES } from './shard-plan.js';

describe('planShards', () => {
  it('keeps a small corpus in one shard', () => {
    expect(planShards([100, 200, 300])).toEqual([0, 3]);
  });
  it('splits by bytes into balanced contiguous ranges', () => {
    const sizes = Array.from({ length: 100 }, () => 1000);
    const b = planShards(sizes, { maxShardBytes: 30_000 });
    expect(b).toEqual([0, 25, 50, 75, 100]);
  });
  it('honours an explicit shard count', () => {
    const b = planShards(Array.from({ length: 10 }, () => 1), { shards: 3 });
    expect(b[0]).toBe(0);
    expect(b.at(-1)).toBe(10);
    expect(b.length).toBe(4);
    for (let i = 1; i < b.length; i++) expect(b[i]).toBeGreaterThan(b[i - 1]);
  });
  it('never makes empty shards when there are fewer documents than requested shards', () => {
    expect(planShards([5, 5], { shards: 8 })).toEqual([0, 1, 2]);
  });
  it('grows shards instead of their number past SHARD_COUNT_BEFORE_GROWING, up to LARGE_MAX_SHARD_BYTES', () => {
    const MiB = 1024 * 1024;
    expect(maxShardBytesFor(120 * MiB)).toBe(DEFAULT_MAX_SHARD_BYTES); // 35k articles: unchanged
    expect(maxShardBytesFor(SHARD_COUNT_BEFORE_GROWING * DEFAULT_MAX_SHARD_BYTES)).toBe(DEFAULT_MAX_SHARD_BYTES);
    expect(maxShardBytesFor(1200 * MiB)).toBe(60 * MiB);
    expect(maxShardBytesFor(3600 * MiB)).toBe(LARGE_MAX_SHARD_BYTES);
    // An archive of 1.2 GiB in 1 MiB articles: 20 shards, not 100; of 3.6 GiB: 45 shards of the largest size.
    expect(planShards(Array.from({ length: 1200 }, () => MiB)).length - 1).toBe(20);
    expect(planShards(Array.from({ length: 3600 }, () => MiB)).length - 1).toBe(45);
  });
});

describe('shardLayoutFor', () => {
  it('keeps the default blocks for an archive whose files fit the budget', () => {
    expect(shardLayoutFor(120 * 1024 * 1024, 10)).toEqual(DEFAULT_SHARD_LAYOUT);
  });

  it('keeps the default blocks and packs them into bigger files, postings files first, then both, until the estimated files fit the budget', () => {
    const total = 1.64e9; // the 350k synthetic archive's stored bytes
    expect(estimatedIndexFiles(total, 40, DEFAULT_SHARD_LAYOUT)).toBeGreaterThan(INDEX_FILE_BUDGET);
    const layout = shardLayoutFor(total, 40);
    // files of 24/48 → 48/48 → 96/48 → 192/96 → 384/192 KB (the block sizes of the 350k runs before index format 10)
    expect(layout).toEqual({ ...DEFAULT_SHARD_LAYOUT, postingsPackBytes: 384 * 1024, documentPackBytes: 192 * 1024 });
    expect(estimatedIndexFiles(total, 40, layout)).toBeLessThanOrEqual(INDEX_FILE_BUDGET);
    const half = { ...layout, postingsPackBytes: layout.postingsPackBytes! / 2, documentPackBytes: layout.documentPackBytes! / 2 };
    expect(estimatedIndexFiles(total, 40, half)).toBeGreaterThan(INDEX_FILE_BUDGET);
  });

  it('grows only the postings files while they are under twice the document files', () => {
    const fits = (layout: ShardLayoutOptions) => estimatedIndexFiles(300e6, 20, layout) <= INDEX_FILE_BUDGET;
    expect(fits(DEFAULT_SHARD_LAYOUT)).toBe(false);
    const layout = shardLayoutFor(300e6, 20);
    expect(layout.documentPackBytes).toBe(DEFAULT_SHARD_LAYOUT.documentBlockBytes);
    expect(layout.postingsPackBytes).toBeGreaterThan(DEFAULT_SHARD_LAYOUT.postingsBlockBytes);
    expect(layout.postingsBlockBytes).toBe(DEFAULT_SHARD_LAYOUT.postingsBlockBytes);
    expect(fits(layout)).toBe(true);
  });

  it('stops growing files at a cap far under the per-file limit', () => {
    const layout = shardLayoutFor(1e13, 1000);
    expect(layout.postingsPackBytes).toBeLessThan(STATIC_ASSET_LIMIT_BYTES);
  });
});
