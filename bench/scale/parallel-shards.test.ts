import { describe, expect, it } from 'vitest';
import type { ShardClient } from '../../src/engine/shard-client.js';
import { ParallelShardClock } from './parallel-shards.js';

/** A fake shard whose calls take `ms` on a shared fake clock, and record whether they overlapped. */
function fakeShard(clock: { t: number; busy: boolean; overlaps: number }, ms: number): ShardClient {
  const call = async <T>(v: T): Promise<T> => {
    if (clock.busy) clock.overlaps++;
    clock.busy = true;
    await Promise.resolve();
    clock.t += ms;
    clock.busy = false;
    return v;
  };
  return {
    search: () => call({ hits: [], total: 0, facets: {} } as never),
    hits: () => call([]),
    suggest: async () => [],
    article: async () => null,
    lookup: async () => ({}) as never,
    relatedCandidates: async () => [],
  };
}

describe('ParallelShardClock', () => {
  it('times calls alone and charges each round its slowest call', async () => {
    const fake = { t: 0, busy: false, overlaps: 0 };
    const clock = new ParallelShardClock(() => fake.t);
    const [a, b, c] = [30, 10, 20].map((ms) => clock.wrap(fakeShard(fake, ms)));
    clock.begin();
    await a.search({} as never, {} as never); // probe round: 30
    await Promise.all([b.search({} as never, {} as never), c.search({} as never, {} as never)]); // wave: max(10, 20)
    await Promise.all([a.hits([1], {} as never), b.hits([2], {} as never)]); // hits round: max(30, 10)
    const t = clock.end();
    expect(fake.overlaps).toBe(0);
    expect(t).toEqual({ calls: 5, rounds: 3, serialMs: 100, criticalMs: 30 + 20 + 30 });
  });

  it('starts afresh for each search and leaves other calls untimed', async () => {
    const fake = { t: 0, busy: false, overlaps: 0 };
    const clock = new ParallelShardClock(() => fake.t);
    const a = clock.wrap(fakeShard(fake, 5));
    clock.begin();
    await a.search({} as never, {} as never);
    clock.begin();
    await a.suggest('x', 1);
    expect(clock.end()).toEqual({ calls: 0, rounds: 0, serialMs: 0, criticalMs: 0 });
  });

  it('keeps timing after a call fails', async () => {
    const fake = { t: 0, busy: false, overlaps: 0 };
    const clock = new ParallelShardClock(() => fake.t);
    const failing: ShardClient = { ...fakeShard(fake, 0), search: async () => { fake.t += 7; throw new Error('shard down'); } };
    const a = clock.wrap(failing);
    const b = clock.wrap(fakeShard(fake, 4));
    clock.begin();
    const results = await Promise.allSettled([a.search({} as never, {} as never), b.search({} as never, {} as never)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(clock.end()).toEqual({ calls: 2, rounds: 1, serialMs: 11, criticalMs: 7 });
  });
});
