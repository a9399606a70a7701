/**
 * Lays out the postings artifact of one shard (or one live-index segment) from analyzed documents:
 * the shard's sorted term dictionary, one posting list per term (local document number + quantized
 * impact), the date and category columns and each headline as dictionary indexes. The build and the
 * live index both write shards through this one function, so a live segment is byte-for-byte what the
 * build would write for the same documents and impacts.
 * @module
 */
import { writeShardPostings, type ShardPostingsArrays } from './shard-postings.js';
import { encodeTermDictionary } from './term-dictionary.js';

/** One document to lay out: its term ids (into the builder's key table) and filter columns. */
export interface PostingsDocument {
  /** Distinct term ids of the document, in any order. */
  termIds: Uint32Array;
  /** Term ids of the headline's folded syllables, in headline order. */
  headline: Uint32Array;
  /** Parallel to `headline`: term ids of the exact keys of syllables with diacritics, else of the folded keys. */
  headlineExact: Uint32Array;
  /** Date in stored minutes, or `NO_DATE`. */
  date: number;
  /** Category index, or `NO_CATEGORY`. */
  category: number;
}

/**
 * Quantized impact of the `k`-th term of document `doc` (an index into the documents given to
 * {@link ShardPostingsBuilder.build}), already clamped to 1..65535.
 */
export type ImpactOf = (doc: number, k: number) => number;

/** Writes shards over one key table; scratch arrays are allocated once per key table. */
export class ShardPostingsBuilder {
  private readonly count: Uint32Array;
  private readonly cursor: Uint32Array;
  private readonly localOf: Uint32Array;
  /** Position in byte order → term id (the inverse of `rank`). */
  private readonly termOfRank: Uint32Array;

  /**
   * @param keys term id → index key (see `term-keys.ts`)
   * @param rank term id → position of its key in UTF-8 byte order (`sortTermsByBytes`)
   */
  constructor(private readonly keys: readonly string[], private readonly rank: Uint32Array) {
    this.count = new Uint32Array(keys.length);
    this.cursor = new Uint32Array(keys.length);
    this.localOf = new Uint32Array(keys.length);
    this.termOfRank = new Uint32Array(keys.length);
    for (let id = 0; id < keys.length; id++) this.termOfRank[rank[id]] = id;
  }

  /** The arrays of a shard holding `docs` as local documents 0…n-1. */
  arrays(docs: readonly PostingsDocument[], impactOf: ImpactOf): ShardPostingsArrays {
    const { count, cursor, localOf, rank } = this;
    const n = docs.length;
    const ranks: number[] = [];
    let postings = 0;
    for (const d of docs) {
      const ids = d.termIds;
      for (let k = 0; k < ids.length; k++) if (count[ids[k]]++ === 0) ranks.push(rank[ids[k]]);
      postings += ids.length;
    }
    // The present keys in byte order: their ranks sorted natively (no comparator), then back to ids.
    const sorted = Uint32Array.from(ranks).sort();
    const { termOfRank } = this;
    const present = Array.from(sorted, (r) => termOfRank[r]);
    const { bytes: termBytes, offsets: termOffsets } = encodeTermDictionary(present.map((id) => this.keys[id]));
    const postingStarts = new Uint32Array(present.length + 1);
    let at = 0;
    present.forEach((id, i) => { postingStarts[i] = at; cursor[id] = at; at += count[id]; count[id] = 0; localOf[id] = i; });
    postingStarts[present.length] = at;
    const postingDocs = n < 0x10000 ? new Uint16Array(postings) : new Uint32Array(postings);
    const postingImpacts = new Uint16Array(postings);
    const docDate = new Int32Array(n);
    const docCategory = new Uint16Array(n);
    const headlineStarts = new Uint32Array(n + 1);
    for (let d = 0; d < n; d++) headlineStarts[d + 1] = headlineStarts[d] + docs[d].headline.length;
    const headlineTerms = new Uint32Array(headlineStarts[n]);
    const headlineExact = new Uint32Array(headlineStarts[n]);
    for (let d = 0; d < n; d++) {
      const { termIds, headline, date, category } = docs[d];
      // Every headline syllable's folded and exact keys are in this shard's dictionary (the document contains them).
      for (let k = 0; k < headline.length; k++) {
        headlineTerms[headlineStarts[d] + k] = localOf[headline[k]];
        headlineExact[headlineStarts[d] + k] = localOf[docs[d].headlineExact[k]];
      }
      for (let k = 0; k < termIds.length; k++) {
        const p = cursor[termIds[k]]++;
        postingDocs[p] = d;
        postingImpacts[p] = impactOf(d, k);
      }
      docDate[d] = date;
      docCategory[d] = category;
    }
    return { termBytes, termOffsets, postingStarts, postingDocs, postingImpacts, docDate, docCategory, headlineStarts, headlineTerms, headlineExact };
  }

  /** The serialized postings artifact of shard number `shard` holding `docs`. */
  build(shard: number, docs: readonly PostingsDocument[], impactOf: ImpactOf): Uint8Array {
    return writeShardPostings({ shard, documentCount: docs.length }, this.arrays(docs, impactOf));
  }
}
