/**
 * Document frequencies of index keys in the deployed build, remembered by the live index so that a
 * write asks the shards only for keys it has not seen: news articles share most of their keys (in
 * baomoi-35k, 85–90% of an article's keys already occurred in earlier articles). Bounded by entries
 * (least recently used first out); valid for one build (the live index makes a new one on rebase).
 * @module
 */

/** Entries kept by default (about 8 MB of keys and counts). */
export const DF_CACHE_ENTRIES = 100_000;

/** A bounded least-recently-used map from key to document frequency. */
export class DfCache {
  private readonly map = new Map<string, number>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = DF_CACHE_ENTRIES) {}

  /** The cached frequency of `key`, or undefined (refreshes its recency). */
  get(key: string): number | undefined {
    const v = this.map.get(key);
    if (v === undefined) { this.misses++; return undefined; }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  /** Remembers a frequency, dropping the least recently used entry when full. */
  set(key: string, df: number): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, df);
  }

  /** Entries held. */
  get size(): number {
    return this.map.size;
  }
}
