/**
 * Collects, while the build writes shards, each key's largest impact per shard, and writes the
 * front's score-bounds artifact (`src/index-format/score-bounds.ts`). Deterministic: entries depend
 * only on the keys, their document frequencies and the impacts.
 * @module
 */
import { alwaysListed, SCORE_BOUNDS_BUDGET_BYTES, SCORE_BOUNDS_MIN_DF, writeScoreBounds } from '../src/index-format/score-bounds.js';
import { encodeTermDictionary } from '../src/index-format/term-dictionary.js';
import { foldedSyllablesOfKey, isFoldedKey } from '../src/index-format/term-keys.js';

/**
 * Whether the artifact lists a key: every single syllable (folded or exact) and every headline start
 * (at most one per article, and in nearly every plan of two words or more), other keys (pairs) from
 * `minDf` documents.
 */
export function listsKey(key: string, df: number, minDf = SCORE_BOUNDS_MIN_DF): boolean {
  return df >= minDf || alwaysListed(key);
}

/** Growable typed array. */
class Column<T extends Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as { new (n: number): T })(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Per-shard maxima of every key, gathered shard by shard (shards in ascending order). */
export class ScoreBoundsBuilder {
  private readonly listed: Uint8Array;
  private readonly shardMax: Uint16Array;
  private readonly touched: number[] = [];
  private readonly entryKey = new Column(new Uint32Array(1 << 16));
  private readonly entryShard = new Column(new Uint16Array(1 << 16));
  private readonly entryImpact = new Column(new Uint16Array(1 << 16));
  private readonly unlistedMax: Uint16Array;
  private current = -1;
  /** 1: a folded syllable of the lexicon's tail (its shards are collected); see {@link leaveTail}. */
  private tailSyllable: Uint8Array | null = null;
  /** Term id of each tail syllable → the shards holding it, ascending. */
  readonly tailShards = new Map<number, number[]>();

  /**
   * @param keys term id → index key
   * @param df term id → documents of the collection holding it
   * @param rank term id → position of its key in UTF-8 byte order
   */
  constructor(private readonly keys: readonly string[], private readonly df: ArrayLike<number>, private readonly rank: Uint32Array, readonly shardCount: number, readonly minDf = SCORE_BOUNDS_MIN_DF, readonly budgetBytes = SCORE_BOUNDS_BUDGET_BYTES) {
    this.listed = Uint8Array.from(keys, (k, id) => (listsKey(k, df[id], minDf) ? 1 : 0));
    this.shardMax = new Uint16Array(keys.length);
    this.unlistedMax = new Uint16Array(shardCount);
  }

  /**
   * Leaves out every key about a syllable of the lexicon's tail (seen in fewer than `minHotDf`
   * documents): the front learns such a syllable's shards from the tail part that holds it, so its
   * keys' maxima only join their shards' unlisted maximum, and {@link tailShards} collects the shards
   * of each tail syllable. Call before recording.
   * @param ids key → term id
   */
  leaveTail(minHotDf: number, ids: ReadonlyMap<string, number>): void {
    if (minHotDf <= 1) return;
    const inTail = (folded: string) => { const id = ids.get(folded); return id !== undefined && this.df[id] < minHotDf; };
    this.tailSyllable = new Uint8Array(this.keys.length);
    this.keys.forEach((k, id) => {
      if (isFoldedKey(k)) { if (this.df[id] < minHotDf) { this.tailSyllable![id] = 1; this.listed[id] = 0; } }
      else if (foldedSyllablesOfKey(k).some(inTail)) this.listed[id] = 0;
    });
  }

  /** Records one posting's quantized impact in `shard` (shards must come in ascending order). */
  record(shard: number, termId: number, impact: number): void {
    if (shard !== this.current) { this.flush(); this.current = shard; }
    const m = this.shardMax;
    if (m[termId] === 0) this.touched.push(termId);
    if (impact > m[termId]) m[termId] = impact;
  }

  private flush(): void {
    const s = this.current;
    if (s < 0) return;
    this.touched.sort((a, b) => this.rank[a] - this.rank[b]);
    for (const id of this.touched) {
      const max = this.shardMax[id];
      this.shardMax[id] = 0;
      if (this.listed[id]) { this.entryKey.push(id); this.entryShard.push(s); this.entryImpact.push(max); }
      else {
        if (max > this.unlistedMax[s]) this.unlistedMax[s] = max;
        if (this.tailSyllable?.[id]) {
          const list = this.tailShards.get(id);
          if (list) list.push(s);
          else this.tailShards.set(id, [s]);
        }
      }
    }
    this.touched.length = 0;
  }

  /**
   * The smallest document frequency from which multi-syllable keys fit the byte budget (single
   * syllables are always listed): rarer keys are dropped first, as the lexicon drops rare pairs.
   */
  private effectiveMinDf(): number {
    const entries = new Map<number, number>();
    for (let i = 0; i < this.entryKey.length; i++) { const id = this.entryKey.data[i]; entries.set(id, (entries.get(id) ?? 0) + 1); }
    const cost = new Map<number, number>(); // bytes by document frequency, multi-syllable keys
    let fixed = 0;
    for (const [id, e] of entries) {
      const bytes = Buffer.byteLength(this.keys[id]) + 8 + 4 * e;
      if (listsKey(this.keys[id], 0)) fixed += bytes;
      else cost.set(this.df[id], (cost.get(this.df[id]) ?? 0) + bytes);
    }
    let total = fixed;
    let minDf = this.minDf;
    for (const df of [...cost.keys()].sort((a, b) => b - a)) {
      if (total + cost.get(df)! > this.budgetBytes) { minDf = df + 1; break; }
      total += cost.get(df)!;
    }
    return Math.max(this.minDf, minDf);
  }

  /** The artifact's bytes. */
  write(): Uint8Array {
    this.flush();
    this.current = -1;
    const minDf = this.effectiveMinDf();
    // Keys dropped for the budget: their maxima join their shards' unlisted maximum.
    let n = 0;
    for (let i = 0; i < this.entryKey.length; i++) {
      const id = this.entryKey.data[i];
      if (this.listed[id] && listsKey(this.keys[id], this.df[id], minDf)) {
        this.entryKey.data[n] = id; this.entryShard.data[n] = this.entryShard.data[i]; this.entryImpact.data[n] = this.entryImpact.data[i]; n++;
      } else {
        const s = this.entryShard.data[i];
        this.unlistedMax[s] = Math.max(this.unlistedMax[s], this.entryImpact.data[i]);
      }
    }
    this.entryKey.length = this.entryShard.length = this.entryImpact.length = n;
    const keyOf = this.entryKey.data;
    // Stable order by key (entries of one key are already in shard order).
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.rank[keyOf[a]] - this.rank[keyOf[b]] || a - b);
    const keys: string[] = [];
    const entryStarts: number[] = [];
    const entryShards = new Uint16Array(n);
    const entryImpacts = new Uint16Array(n);
    let last = -1;
    order.forEach((e, i) => {
      const id = keyOf[e];
      if (id !== last) { keys.push(this.keys[id]); entryStarts.push(i); last = id; }
      entryShards[i] = this.entryShard.data[e];
      entryImpacts[i] = this.entryImpact.data[e];
    });
    entryStarts.push(n);
    const { bytes: termBytes, offsets: termOffsets } = encodeTermDictionary(keys);
    return writeScoreBounds({ shards: this.shardCount, minDf }, {
      termBytes, termOffsets, entryStarts: Uint32Array.from(entryStarts), entryShards, entryImpacts, unlistedMax: this.unlistedMax,
    });
  }
}
