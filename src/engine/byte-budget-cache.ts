/**
 * A least-recently-used cache bounded by bytes, not entries: index blocks, documents and lexicon
 * pieces differ in size by orders of magnitude, so only a byte budget bounds an isolate's memory.
 * Concurrent loads of one key share one promise; a failed load is not cached.
 * @module
 */
import { keepAlive } from './keep-alive.js';

/** Counters of a {@link ByteBudgetCache}. */
export interface CacheStats {
  entries: number;
  bytes: number;
  budget: number;
  hits: number;
  misses: number;
  evictions: number;
}

/** An LRU cache whose entries' byte sizes sum to at most `budget` (one entry larger than the budget is kept alone). */
export class ByteBudgetCache<K, V> {
  private readonly map = new Map<K, { value: V; bytes: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  private held = 0;
  private hitCount = 0;
  private missCount = 0;
  private evicted = 0;

  /** @param budget bytes the entries may hold */
  constructor(readonly budget: number) {}

  /** The value under `key` (refreshing its recency), or undefined. */
  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /**
   * The value under `key` counted as a cache hit (refreshing its recency), or undefined, counting
   * nothing: then load it with {@link getOrLoad}, which counts the miss. Lets a caller take what is in
   * memory without a promise per key.
   */
  hit(key: K): V | undefined {
    const v = this.get(key);
    if (v !== undefined) this.hitCount++;
    return v;
  }

  /** Stores a value of `bytes` bytes, evicting the least recently used entries beyond the budget. */
  set(key: K, value: V, bytes: number): void {
    const old = this.map.get(key);
    if (old) {
      this.held -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, { value, bytes });
    this.held += bytes;
    for (const [k, e] of this.map) {
      if (this.held <= this.budget || k === key) break;
      this.map.delete(k);
      this.held -= e.bytes;
      this.evicted++;
    }
  }

  /**
   * The cached value, or the result of `load` (stored with the size it reports). Callers asking for
   * a key being loaded wait for the same load, which is kept alive past the request that started it
   * ({@link keepAlive}).
   */
  async getOrLoad(key: K, load: () => Promise<{ value: V; bytes: number }>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) {
      this.hitCount++;
      return hit;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      this.missCount++;
      pending = load().then(({ value, bytes }) => {
        this.set(key, value, bytes);
        return value;
      }).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
      keepAlive(pending);
    }
    return pending;
  }

  /** Counters for diagnostics. */
  stats(): CacheStats {
    return { entries: this.map.size, bytes: this.held, budget: this.budget, hits: this.hitCount, misses: this.missCount, evictions: this.evicted };
  }
}
