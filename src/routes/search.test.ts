import { describe, expect, it } from 'vitest';
import { routingHeader } from './search.js';

describe('routingHeader (x-shards)', () => {
  const routing = { shards: 10, called: 7, skipped: 3, shardCalls: 8, liveCalls: 1, waves: 2 };

  it('says how the search reached the index', () => {
    expect(routingHeader(routing)).toBe('called=7; of=10; skipped=3; shard-calls=8; live-calls=1; waves=2');
  });

  it('adds the prefetch calls sent to idle shards when there were any', () => {
    expect(routingHeader({ ...routing, prefetched: 10 })).toBe('called=7; of=10; skipped=3; shard-calls=8; live-calls=1; waves=2; prefetched=10');
    expect(routingHeader({ ...routing, prefetched: 0 })).not.toContain('prefetched');
  });
});
