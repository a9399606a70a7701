/**
 * One block of a shard's postings (since index format 3): a contiguous range of the shard's sorted term
 * dictionary with the posting lists of those terms and each term's largest impact. A shard's
 * postings are cut into blocks of a few hundred kilobytes, each its own static asset named by its
 * content hash, so a shard answers a query after loading only the blocks holding the query's keys
 * (keys about one syllable sort together: see `term-keys.ts`).
 * @module
 */
import { ContainerError, readContainer, requireSections, type SectionArray, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { TermDictionary } from './term-dictionary.js';

const MAGIC = 'VNPB';

/** Header data of a postings block. */
export interface PostingsBlockMeta {
  shard: number;
  block: number;
  /** Shard-wide number of the block's first term (term numbers continue across blocks). */
  firstTerm: number;
}

/** Arrays of a postings block. */
export interface PostingsBlockArrays {
  termBytes: Uint8Array;
  termOffsets: Uint32Array;
  /** `postingStarts[t]..postingStarts[t+1]` are local term t's postings (block-relative). */
  postingStarts: Uint32Array;
  /** Local document numbers, ascending within each list. */
  postingDocs: Uint16Array | Uint32Array;
  /** Quantized impacts (multiply by `ScoringParameters.impactScale`). */
  postingImpacts: Uint16Array;
  /** Largest impact of each term's list (score upper bounds). */
  termMax: Uint16Array;
}

/** Serializes a postings block. */
export function writePostingsBlock(meta: PostingsBlockMeta, a: PostingsBlockArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a } as unknown as Record<string, SectionArray>);
}

/** A posting list: `docs[start..end)` with their `impacts`, and the list's largest impact. */
export interface PostingList {
  docs: Uint16Array | Uint32Array;
  impacts: Uint16Array;
  start: number;
  end: number;
  max: number;
}

/** A loaded postings block (zero-copy views over its bytes). */
export class PostingsBlock {
  readonly meta: PostingsBlockMeta;
  readonly dictionary: TermDictionary;
  readonly postingStarts: Uint32Array;
  readonly postingDocs: Uint16Array | Uint32Array;
  readonly postingImpacts: Uint16Array;
  readonly termMax: Uint16Array;
  readonly byteLength: number;

  /** Opens the bytes of a block; throws `ContainerError` when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<PostingsBlockMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const s = c.sections as unknown as PostingsBlockArrays;
    requireSections(s as unknown as Record<string, unknown>, ['termBytes', 'termOffsets', 'postingStarts', 'postingDocs', 'postingImpacts', 'termMax'], 'postings block');
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.dictionary = new TermDictionary(s.termBytes, s.termOffsets);
    this.postingStarts = s.postingStarts;
    this.postingDocs = s.postingDocs;
    this.postingImpacts = s.postingImpacts;
    this.termMax = s.termMax;
    const n = this.dictionary.size;
    if (this.postingStarts.length !== n + 1 || this.postingStarts[n] !== this.postingDocs.length || this.postingDocs.length !== this.postingImpacts.length || this.termMax.length !== n) {
      throw new ContainerError('postings block is inconsistent (corrupt file)');
    }
  }

  /** Local index of a key (UTF-8 bytes) in this block, or -1. */
  indexOf(key: Uint8Array): number {
    return this.dictionary.indexOfBytes(key);
  }

  /** The posting list of local term `i`. */
  list(i: number): PostingList {
    return { docs: this.postingDocs, impacts: this.postingImpacts, start: this.postingStarts[i], end: this.postingStarts[i + 1], max: this.termMax[i] };
  }
}
