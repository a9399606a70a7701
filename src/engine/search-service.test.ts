import { describe, expect, it } from 'vitest';
import { displayedScore, RECORDS_PER_SHARD, recordsPerShard } from './search-service.js';

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

describe('displayedScore', () => {
  it('rounds scores from 1 up to four decimals, and keeps six significant digits of smaller ones (freshness)', () => {
    expect(displayedScore(12.345678)).toBe(12.3457);
    expect(displayedScore(0)).toBe(0);
    expect(displayedScore(0.000123456789)).toBe(0.000123457);
    const tiny = 3.14159265 * 2 ** -900;
    expect(displayedScore(tiny)).toBe(Number(tiny.toPrecision(6)));
    expect(displayedScore(tiny)).toBeGreaterThan(displayedScore(tiny / 2));
  });
});
