import { describe, expect, it } from 'vitest';
import { planShards } from './shard-plan.js';

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
});
