/**
 * The postings artifact of one shard: a term dictionary, one posting list per term (local document
 * number + quantized impact), per-document filter columns (date, category) and each document's
 * headline as a sequence of folded-syllable term numbers and of exact-syllable term numbers (for the
 * headline match, see `scoring/headline-match.ts`).
 *
 * Impacts are BM25F contributions computed at build time with collection-wide statistics (see
 * `ScoringParameters`), so every shard scores with the same document frequencies and a query's score
 * is a sum of stored impacts: shard results merge exactly as one big index would rank them.
 * @module
 */
import { ContainerError, readContainer, requireSections, type SectionArray, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import type { PostingList, PostingsView } from './postings-view.js';
import { TermDictionary } from './term-dictionary.js';

const MAGIC = 'VNSP';

/** Headline syllables stored per document (`headlineTerms`); later ones are not stored. */
export const MAX_HEADLINE_SYLLABLES = 48;

/** Value of {@link ShardPostings.docDate} for articles without a date. */
export const NO_DATE = -2147483648;
/** Value of {@link ShardPostings.docCategory} for articles without a category. */
export const NO_CATEGORY = 0xffff;

/** Header data of a postings artifact. */
export interface ShardPostingsMeta {
  shard: number;
  documentCount: number;
}

/** Arrays that make up a shard's postings, as produced by the build. */
export interface ShardPostingsArrays {
  termBytes: Uint8Array;
  termOffsets: Uint32Array;
  /** `postingStarts[t]..postingStarts[t+1]` are term t's postings. */
  postingStarts: Uint32Array;
  /** Local document numbers, ascending within each list. */
  postingDocs: Uint16Array | Uint32Array;
  /** Quantized impacts (multiply by `ScoringParameters.impactScale`). */
  postingImpacts: Uint16Array;
  /** Article date as minutes since 1970-01-01 (Vietnam local time), or {@link NO_DATE}. */
  docDate: Int32Array;
  /** Index into the manifest's `categories`, or {@link NO_CATEGORY}. */
  docCategory: Uint16Array;
  /** `headlineStarts[d]..headlineStarts[d+1]` index `headlineTerms` for local document d. */
  headlineStarts: Uint32Array;
  /** Dictionary indexes of each headline's folded syllables, in headline order. */
  headlineTerms: Uint32Array;
  /**
   * Parallel to `headlineTerms`: the dictionary index of each headline syllable's exact key (`=đảng`)
   * when it carries diacritics, else of its folded key (the same index as in `headlineTerms`).
   */
  headlineExact: Uint32Array;
}

/** Serializes a shard's postings. */
export function writeShardPostings(meta: ShardPostingsMeta, a: ShardPostingsArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a } as unknown as Record<string, SectionArray>);
}

/**
 * A loaded, read-only postings artifact in one piece (zero-copy views over one buffer): a live-index
 * segment, or a whole shard before it is cut into blocks (`shard-layout.ts`).
 */
export class ShardPostings implements PostingsView {
  readonly meta: ShardPostingsMeta;
  readonly dictionary: TermDictionary;
  readonly postingStarts: Uint32Array;
  readonly postingDocs: Uint16Array | Uint32Array;
  readonly postingImpacts: Uint16Array;
  readonly docDate: Int32Array;
  readonly docCategory: Uint16Array;
  readonly headlineStarts: Uint32Array;
  readonly headlineTerms: Uint32Array;
  readonly headlineExact: Uint32Array;
  readonly byteLength: number;

  /** Opens the bytes of a postings artifact; throws `ContainerError` when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<ShardPostingsMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const s = c.sections as unknown as ShardPostingsArrays;
    requireSections(s as unknown as Record<string, unknown>, ['termBytes', 'termOffsets', 'postingStarts', 'postingDocs', 'postingImpacts', 'docDate', 'docCategory', 'headlineStarts', 'headlineTerms', 'headlineExact'], 'postings artifact');
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.dictionary = new TermDictionary(s.termBytes, s.termOffsets);
    this.postingStarts = s.postingStarts;
    this.postingDocs = s.postingDocs;
    this.postingImpacts = s.postingImpacts;
    this.docDate = s.docDate;
    this.docCategory = s.docCategory;
    this.headlineStarts = s.headlineStarts;
    this.headlineTerms = s.headlineTerms;
    this.headlineExact = s.headlineExact;
    const n = this.dictionary.size;
    if (this.postingStarts.length !== n + 1 || this.postingStarts[n] !== this.postingDocs.length || this.postingDocs.length !== this.postingImpacts.length) {
      throw new ContainerError('postings artifact is inconsistent (corrupt file)');
    }
    if (this.docDate.length !== c.meta.documentCount || this.docCategory.length !== c.meta.documentCount) {
      throw new ContainerError('postings artifact has wrong document column lengths (corrupt file)');
    }
    const h = this.headlineStarts;
    if (h.length !== c.meta.documentCount + 1 || h[0] !== 0 || h[h.length - 1] !== this.headlineTerms.length || this.headlineExact.length !== this.headlineTerms.length) {
      throw new ContainerError('postings artifact has inconsistent headline columns (corrupt file)');
    }
  }

  /** Number of documents in this shard. */
  get documentCount(): number {
    return this.meta.documentCount;
  }

  /** See {@link PostingsView.list}. The list's `max` is the largest impact of the whole artifact (a valid, loose bound). */
  list(key: Uint8Array): PostingList | null {
    const i = this.dictionary.indexOfBytes(key);
    if (i < 0) return null;
    return { docs: this.postingDocs, impacts: this.postingImpacts, start: this.postingStarts[i], end: this.postingStarts[i + 1], max: 0xffff };
  }

  /** See {@link PostingsView.headlineNumber}: here the key's term number (-1 when absent). */
  headlineNumber(key: Uint8Array): number {
    return this.dictionary.indexOfBytes(key);
  }

  /** The posting range of a term key (text or UTF-8 bytes), or null when the shard does not contain it. */
  lookup(key: string | Uint8Array): { start: number; end: number } | null {
    const i = typeof key === 'string' ? this.dictionary.indexOf(key) : this.dictionary.indexOfBytes(key);
    if (i < 0) return null;
    return { start: this.postingStarts[i], end: this.postingStarts[i + 1] };
  }
}
