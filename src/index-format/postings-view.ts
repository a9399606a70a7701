/**
 * What query execution reads from a shard's postings, whatever their layout: the per-document
 * columns and, per key, a posting list. A live-index segment is one in-memory artifact
 * (`ShardPostings`); a built shard is a head plus postings blocks loaded on demand (the blocks a
 * query needs are loaded before it runs, so lookups here are synchronous).
 * @module
 */
import type { PostingList } from './postings-block.js';

export type { PostingList };

/** The postings side of a shard as query execution sees it. */
export interface PostingsView {
  readonly documentCount: number;
  /** Article date as minutes since 1970-01-01 (Vietnam local time), or `NO_DATE`. */
  readonly docDate: Int32Array;
  /** Index into the manifest's `categories`, or `NO_CATEGORY`. */
  readonly docCategory: Uint16Array;
  /** `headlineStarts[d]..headlineStarts[d+1]` index `headlineTerms` for local document d. */
  readonly headlineStarts: Uint32Array;
  /** Numbers (see {@link headlineNumber}) of each headline's folded syllables, in headline order. */
  readonly headlineTerms: Uint16Array | Uint32Array;
  /** Parallel to `headlineTerms`: numbers of each headline syllable's exact key when it carries diacritics, else of its folded key. */
  readonly headlineExact: Uint16Array | Uint32Array;
  /** The posting list of a key (UTF-8 bytes), or null when the shard does not contain it. */
  list(key: Uint8Array): PostingList | null;
  /**
   * The number `headlineTerms` and `headlineExact` use for a key (UTF-8 bytes), or -1 when no headline
   * of the shard holds it: a built shard's position in its headline vocabulary (`headline-vocabulary.ts`),
   * a live segment's term number.
   */
  headlineNumber(key: Uint8Array): number;
}
