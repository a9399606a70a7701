import { describe, expect, it } from 'vitest';
import { cacheBudgetFor, LARGE_SHARD_CACHE_BUDGET, SHARD_CACHE_BUDGET } from './loaded-shard.js';

describe('cacheBudgetFor', () => {
  it('keeps the default budget for default-size shards and halves it for the bigger shards of large archives', () => {
    const MiB = 1024 * 1024;
    expect(cacheBudgetFor({ files: { documentsBytes: 12 * MiB } })).toBe(SHARD_CACHE_BUDGET);
    expect(cacheBudgetFor(undefined)).toBe(SHARD_CACHE_BUDGET);
    expect(cacheBudgetFor({ files: { documentsBytes: 60 * MiB } })).toBe(LARGE_SHARD_CACHE_BUDGET);
    expect(LARGE_SHARD_CACHE_BUDGET.postings + LARGE_SHARD_CACHE_BUDGET.documents).toBe((SHARD_CACHE_BUDGET.postings + SHARD_CACHE_BUDGET.documents) / 2);
  });
});
