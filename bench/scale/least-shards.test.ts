import { describe, expect, it } from 'vitest';
import { leastShards } from './least-shards.js';

describe('leastShards', () => {
  it('counts the shards holding a page hit once the total passes track_total_hits', () => {
    const results = [{ total: 900 }, { total: 300 }, { total: 0 }, { total: 50 }];
    expect(leastShards([{ shard: 1 }, { shard: 1 }, { shard: 3 }], results)).toBe(2);
  });

  it('counts every shard holding a match while the total is exact', () => {
    const results = [{ total: 3 }, { total: 0 }, { total: 5 }, { total: 1 }];
    expect(leastShards([{ shard: 2 }], results)).toBe(3);
    expect(leastShards([{ shard: 2 }], results, 9)).toBe(1);
  });

  it('is 0 when nothing matches', () => {
    expect(leastShards([], [{ total: 0 }, { total: 0 }])).toBe(0);
  });
});
