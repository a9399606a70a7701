/**
 * Document frequencies of index keys in the deployed build, remembered by the live index so that a
 * write asks the shards only for keys it has not seen: news articles share most of their keys (in
 * baomoi-35k, 85–90% of an article's keys already occurred in earlier articles). Bounded by entries;
 * valid for one build (the live index makes a new one on rebase).
 *
 * Eviction is generational, an approximation of least-recently-used that costs one map lookup per
 * hit instead of a delete and an insert: entries go into a young generation; when it is full it
 * becomes the old one (the previous old generation is dropped), and an entry read from the old
 * generation moves back into the young one. Every entry used within the last `capacity / 2`
 * insertions is kept; at most `capacity` are held.
 * @module
 */

/** Entries kept by default (about 8 MB of keys and counts). */
export const DF_CACHE_ENTRIES = 100_000;

/** A bounded map from key to document frequency that keeps recently used entries. */
export class DfCache {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private readonly generation: number;
  hits = 0;
  misses = 0;

  constructor(capacity = DF_CACHE_ENTRIES) {
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  /** The cached frequency of `key`, or undefined (an old entry becomes young again). */
  get(key: string): number | undefined {
    let v = this.young.get(key);
    if (v === undefined) {
      v = this.old.get(key);
      if (v === undefined) { this.misses++; return undefined; }
      this.old.delete(key);
      this.insert(key, v);
    }
    this.hits++;
    return v;
  }

  /** Remembers a frequency. */
  set(key: string, df: number): void {
    if (this.young.has(key)) { this.young.set(key, df); return; }
    this.old.delete(key);
    this.insert(key, df);
  }

  private insert(key: string, df: number): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, df);
  }

  /** Entries held. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
