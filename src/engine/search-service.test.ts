import { describe, expect, it } from 'vitest';
import { RECORDS_PER_SHARD, recordsPerShard } from './search-service.js';

describe('recordsPerShard', () => {
  it('a lone first shard sends every hit\'s record; a first round of many shares the page like a later wave', () => {
    expect(recordsPerShard(10, 0, 1)).toBe(10);
    expect(recordsPerShard(30, 0, 1)).toBe(30);
    expect(recordsPerShard(10, 0, 10)).toBe(10);
    expect(recordsPerShard(10, 0, 40)).toBe(2);
  });

  it('later waves send fewer, the more shards share the page, never below the minimum nor above k', () => {
    const { spread, min } = RECORDS_PER_SHARD;
    expect(recordsPerShard(10, 1, 1)).toBe(Math.min(10, Math.max(min, Math.floor((spread * 10) / 2))));
    expect(recordsPerShard(10, 1, 39)).toBe(Math.max(min, Math.floor((spread * 10) / 40)));
    expect(recordsPerShard(10, 1, 39)).toBeLessThanOrEqual(recordsPerShard(10, 1, 9));
    expect(recordsPerShard(10, 1, 1000)).toBe(Math.min(10, min));
    expect(recordsPerShard(1, 5, 5)).toBe(1);
  });

  it('with the defaults: every record up to 10 shards, 2 each over 40', () => {
    expect(recordsPerShard(10, 1, 9)).toBe(10);
    expect(recordsPerShard(10, 1, 39)).toBe(2);
    expect(recordsPerShard(20, 1, 39)).toBe(5);
  });
});
