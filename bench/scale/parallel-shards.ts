/**
 * A model of a search's latency when its shards run in parallel, as Durable Objects do in production,
 * measured in one process where they cannot.
 *
 * {@link ParallelShardClock.wrap} puts every shard call of a search through one queue, so calls never
 * overlap and each call's own time (its work and its block reads) is measured alone. Calls issued
 * before any call of the search has returned belong to the same round (the front sends a wave with
 * `Promise.all`): in production they would run side by side, so a round costs its slowest call. The
 * search's modelled time is then its wall time, minus the calls' summed time, plus the sum over rounds
 * of each round's slowest call — the front's own work (planning, merging, snippets) plus the critical
 * path through the shards. Network time between the front and its shard objects is not included:
 * callers add an assumed round trip per round (`ASSUMED_RPC_RTT_MS`, projection.ts).
 * @module
 */
import type { ShardClient } from '../../src/engine/shard-client.js';

/** What one search cost under the model. */
export interface ParallelTiming {
  /** Shard calls made. */
  calls: number;
  /** Rounds: groups of calls issued before any of them returned. */
  rounds: number;
  /** Summed time of every call, run one after another (ms). */
  serialMs: number;
  /** Sum over rounds of the round's slowest call (ms). */
  criticalMs: number;
}

/** Serializes and times shard calls; groups them into rounds. See the module comment. */
export class ParallelShardClock {
  private queue: Promise<unknown> = Promise.resolve();
  private returned = 0;
  /** Slowest call per round, keyed by the number of calls returned when the round was issued. */
  private slowest = new Map<number, number>();
  private calls = 0;
  private serialMs = 0;

  /** @param now the clock (milliseconds); tests pass a fake one */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Starts a new search: forgets the previous one's calls. */
  begin(): void {
    this.returned = 0;
    this.slowest.clear();
    this.calls = 0;
    this.serialMs = 0;
  }

  /** The current search's figures. */
  end(): ParallelTiming {
    let criticalMs = 0;
    for (const ms of this.slowest.values()) criticalMs += ms;
    return { calls: this.calls, rounds: this.slowest.size, serialMs: this.serialMs, criticalMs };
  }

  /** Runs one call through the queue, timing it alone. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const round = this.returned;
    this.calls++;
    const result = this.queue.then(async () => {
      const t = this.now();
      try {
        return await fn();
      } finally {
        const ms = this.now() - t;
        this.serialMs += ms;
        this.slowest.set(round, Math.max(this.slowest.get(round) ?? 0, ms));
        this.returned++;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A client that sends every `search` and `hits` call of `shard` through this clock. */
  wrap(shard: ShardClient): ShardClient {
    return {
      search: (plan, opts) => this.run(() => shard.search(plan, opts)),
      hits: (docs, highlight) => this.run(() => shard.hits(docs, highlight)),
      suggest: (q, limit) => shard.suggest(q, limit),
      article: (id) => shard.article(id),
      lookup: (keys, ids) => shard.lookup(keys, ids),
      relatedCandidates: (docs) => shard.relatedCandidates(docs),
    };
  }
}
