/**
 * Warming shards a search is about to call. A Durable Object that has been idle for a while may have
 * been evicted, and a cold shard first loads its head and then the postings blocks of the query's
 * keys. Sending it the query's folded syllables first (`ShardClient.prefetch`) lets those loads run
 * while the front is still busy — loading its lexicon in a cold isolate, or planning — instead of
 * after. A hint only: answers never change, and a busy front (no shard idle) sends nothing.
 *
 * One prefetcher per front isolate, shared by the early prefetch of a cold isolate (sent as soon as the
 * manifest is known, `worker/index-runtime.ts`) and the searches themselves (`search-service.ts`), so
 * that a shard is warmed once.
 * @module
 */
import type { IndexManifest } from '../index-format/manifest.js';
import { keepAlive } from './keep-alive.js';
import { queryFoldedForms } from './query-folded-forms.js';
import type { SearchOptions } from './query-plan.js';
import type { ShardClient } from './shard-client.js';
import { routeShards, type RoutingFilter } from './shard-routing.js';

/**
 * A shard this front has not called for this long may have been evicted (Cloudflare evicts an idle
 * Durable Object; the local runtime after ~10 s), so a search first sends it the query's syllables to
 * prefetch. The first search of a front isolate prefetches on every shard that can match the filters.
 */
export const PREFETCH_IDLE_MS = 30_000;

/** Tracks when this front last called each shard and warms the idle ones a search will start with. */
export class ShardPrefetcher {
  /** When this front last called each shard (ms since the epoch; 0: never). */
  private readonly lastCalled: Float64Array;

  constructor(readonly manifest: IndexManifest, readonly shards: readonly ShardClient[]) {
    this.lastCalled = new Float64Array(shards.length);
  }

  /** Records a call to `shard` (it is warm for the next {@link PREFETCH_IDLE_MS}). */
  called(shard: number, now = Date.now()): void {
    this.lastCalled[shard] = now;
  }

  /**
   * Sends the folded syllables of `q` to prefetch to the shards a search will likely call first — for
   * relevance every shard that can match the filters, for a date sort or relevance with freshness the
   * first of its route (the newest shard: the others are asked only if it cannot fill the page) —
   * among those this front has not called for {@link PREFETCH_IDLE_MS}; returns how many it sent.
   * Never waits or fails; when no shard is idle it costs one pass over the shards.
   * @param fresh the search ranks with freshness (`SearchOptions.freshness`)
   */
  prefetchIdle(q: string, sort: SearchOptions['sort'], filter: RoutingFilter, fresh = false): number {
    const now = Date.now();
    const idle = (s: number) => this.shards[s].prefetch !== undefined && now - this.lastCalled[s] >= PREFETCH_IDLE_MS;
    if (!this.shards.some((_, s) => idle(s))) return 0;
    const forms = queryFoldedForms(q);
    if (forms.length === 0) return 0;
    const { order } = routeShards(this.manifest, sort, filter);
    let sent = 0;
    for (const s of sort === 'relevance' && !fresh ? order : order.slice(0, 1)) {
      if (!idle(s)) continue;
      this.lastCalled[s] = now;
      sent++;
      keepAlive(this.shards[s].prefetch!(forms).catch(() => undefined));
    }
    return sent;
  }
}
