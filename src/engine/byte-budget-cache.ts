/**
 * A cache bounded by bytes, not entries: index blocks, documents and lexicon pieces differ in size by
 * orders of magnitude, so only a byte budget bounds an isolate's memory. Concurrent loads of one key
 * share one promise; a failed load is not cached.
 *
 * Eviction is segmented LRU: an entry starts on probation and is protected once used again; entries
 * leave from the probation segment first, and the protected segment keeps at most
 * {@link PROTECTED_SHARE} of the budget (its least recent entries go back to probation). So blocks
 * that one query needed once (a pasted headline's rare words) do not push out the blocks of common
 * syllables that most queries read. Measured where the budget is far below a shard's size (350k,
 * 16 MiB of a shard's 83 MB of postings, the 1,100-query mix in process, two runs each): 188.4 →
 * 172.5 postings blocks read per search, 6.43 → 5.30 MB, the mix in 36.9 / 36.4 → 34.9 / 34.4 s.
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

/** Share of the budget that entries used more than once may keep (see the module's notes). */
export const PROTECTED_SHARE = 0.8;

/** A segmented-LRU cache whose entries' byte sizes sum to at most `budget` (one entry larger than the budget is kept alone). */
export class ByteBudgetCache<K, V> {
  /** Entries seen once since they were loaded (or demoted), least recent first. */
  private readonly probation = new Map<K, { value: V; bytes: number }>();
  /** Entries used again after loading, least recent first. */
  private readonly protectedEntries = new Map<K, { value: V; bytes: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  private held = 0;
  private protectedBytes = 0;
  private hitCount = 0;
  private missCount = 0;
  private evicted = 0;
  private readonly protectedBudget: number;

  /** @param budget bytes the entries may hold */
  constructor(readonly budget: number) {
    this.protectedBudget = Math.floor(budget * PROTECTED_SHARE);
  }

  /** The value under `key` (refreshing its recency; protecting it if it was on probation), or undefined. */
  get(key: K): V | undefined {
    const p = this.protectedEntries.get(key);
    if (p) {
      this.protectedEntries.delete(key);
      this.protectedEntries.set(key, p);
      return p.value;
    }
    const e = this.probation.get(key);
    if (!e) return undefined;
    this.probation.delete(key);
    this.protectedEntries.set(key, e);
    this.protectedBytes += e.bytes;
    for (const [k, d] of this.protectedEntries) {
      if (this.protectedBytes <= this.protectedBudget || k === key) break;
      this.protectedEntries.delete(k);
      this.protectedBytes -= d.bytes;
      this.probation.set(k, d);
    }
    return e.value;
  }

  /**
   * Stores a value of `bytes` bytes on probation, evicting beyond the budget the least recent entries
   * on probation, then (only when probation holds too little) the least recent protected ones.
   */
  set(key: K, value: V, bytes: number): void {
    const old = this.probation.get(key) ?? this.protectedEntries.get(key);
    if (old) {
      this.held -= old.bytes;
      if (this.protectedEntries.delete(key)) this.protectedBytes -= old.bytes;
      this.probation.delete(key);
    }
    this.probation.set(key, { value, bytes });
    this.held += bytes;
    for (const [k, e] of this.probation) {
      if (this.held <= this.budget || k === key) break;
      this.probation.delete(k);
      this.held -= e.bytes;
      this.evicted++;
    }
    for (const [k, e] of this.protectedEntries) {
      if (this.held <= this.budget) break;
      this.protectedEntries.delete(k);
      this.protectedBytes -= e.bytes;
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
    const held = this.get(key);
    if (held !== undefined) {
      this.hitCount++;
      return held;
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

  /**
   * The values of `keys` (each distinct key once), as {@link getOrLoad} gives them: those in memory
   * taken at once, without a promise each, the others loaded side by side.
   */
  async getAllOrLoad(keys: Iterable<K>, load: (key: K) => Promise<{ value: V; bytes: number }>): Promise<Map<K, V>> {
    const values = new Map<K, V>();
    let missing: Set<K> | null = null;
    for (const key of keys) {
      if (values.has(key) || missing?.has(key)) continue;
      const held = this.get(key);
      if (held === undefined) (missing ??= new Set()).add(key);
      else {
        this.hitCount++;
        values.set(key, held);
      }
    }
    if (missing) await Promise.all([...missing].map(async (key) => { values.set(key, await this.getOrLoad(key, () => load(key))); }));
    return values;
  }

  /** Counters for diagnostics. */
  stats(): CacheStats {
    return { entries: this.probation.size + this.protectedEntries.size, bytes: this.held, budget: this.budget, hits: this.hitCount, misses: this.missCount, evictions: this.evicted };
  }
}
