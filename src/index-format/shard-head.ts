/**
 * The head of a shard (since index format 3): what a shard loads before answering its first query, kept
 * small. It holds the per-document columns every query reads (date, category, headline syllables),
 * the id dictionary, and directories of the shard's postings blocks and document blocks: each block's
 * first key or document, size and SHA-256. The head is verified against the manifest; each block is
 * verified against the head when it is first loaded, so integrity is checked end to end without
 * reading (or hashing) what a query does not need.
 * @module
 */
import { ContainerError, readContainer, requireSections, type SectionArray, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { TermDictionary } from './term-dictionary.js';

const MAGIC = 'VNSH';

/** Header data of a shard head. */
export interface ShardHeadMeta {
  shard: number;
  documentCount: number;
  /** Terms in the shard's dictionary (over all blocks). */
  termCount: number;
}

/** Arrays of a shard head. */
export interface ShardHeadArrays {
  /** Article date as minutes since 1970-01-01 (Vietnam local time), or `NO_DATE`. */
  docDate: Int32Array;
  /** Index into the manifest's `categories`, or `NO_CATEGORY`. */
  docCategory: Uint16Array;
  /** `headlineStarts[d]..headlineStarts[d+1]` index `headlineTerms` for local document d. */
  headlineStarts: Uint32Array;
  /** Term numbers of each headline's folded syllables, in headline order. */
  headlineTerms: Uint32Array;
  /**
   * Parallel to `headlineTerms`: the term number of each headline syllable's exact key (`=đảng`)
   * when it carries diacritics, else of its folded key.
   */
  headlineExact: Uint32Array;
  /** Article ids sorted by bytes, and the local document of each. */
  idBytes: Uint8Array;
  idOffsets: Uint32Array;
  idDocs: Uint32Array;
  /** First key of each postings block, in block order. */
  blockKeyBytes: Uint8Array;
  blockKeyOffsets: Uint32Array;
  /** Term number of each block's first term, plus `termCount`. */
  blockFirstTerm: Uint32Array;
  /** Size and SHA-256 (32 bytes each) of each postings block file. */
  blockBytes: Uint32Array;
  blockSha: Uint8Array;
  /** First local document of each document block, plus `documentCount`. */
  docBlockFirst: Uint32Array;
  /** Size and SHA-256 of each document block file. */
  docBlockBytes: Uint32Array;
  docBlockSha: Uint8Array;
}

/** Serializes a shard head. */
export function writeShardHead(meta: ShardHeadMeta, a: ShardHeadArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a } as unknown as Record<string, SectionArray>);
}

/** A block file as the head lists it. */
export interface BlockFile {
  /** File name inside the index folder (`<shard dir>/<kind>-<first 16 hex digits of the SHA-256>.bin`). */
  file: string;
  bytes: number;
  sha256: string;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Folder of a shard's block files inside the index folder. */
export const shardDir = (shard: number) => `shard-${String(shard).padStart(3, '0')}`;

/** File name of a block: its shard folder, kind (`p` postings, `d` documents) and content hash. */
export const blockFileName = (shard: number, kind: 'p' | 'd', sha256: string) => `${shardDir(shard)}/${kind}-${sha256.slice(0, 16)}.bin`;

/** A loaded shard head. */
export class ShardHead {
  readonly meta: ShardHeadMeta;
  readonly byteLength: number;
  readonly docDate: Int32Array;
  readonly docCategory: Uint16Array;
  readonly headlineStarts: Uint32Array;
  readonly headlineTerms: Uint32Array;
  readonly headlineExact: Uint32Array;
  private readonly ids: TermDictionary;
  private readonly idDocs: Uint32Array;
  private readonly blockKeys: TermDictionary;
  readonly blockFirstTerm: Uint32Array;
  private readonly a: ShardHeadArrays;

  /** Opens the bytes of a shard head; throws `ContainerError` when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<ShardHeadMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const a = c.sections as unknown as ShardHeadArrays;
    requireSections(a as unknown as Record<string, unknown>, ['docDate', 'docCategory', 'headlineStarts', 'headlineTerms', 'headlineExact', 'idBytes', 'idOffsets', 'idDocs', 'blockKeyBytes', 'blockKeyOffsets', 'blockFirstTerm', 'blockBytes', 'blockSha', 'docBlockFirst', 'docBlockBytes', 'docBlockSha'], 'shard head');
    this.a = a;
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.docDate = a.docDate;
    this.docCategory = a.docCategory;
    this.headlineStarts = a.headlineStarts;
    this.headlineTerms = a.headlineTerms;
    this.headlineExact = a.headlineExact;
    this.ids = new TermDictionary(a.idBytes, a.idOffsets);
    this.idDocs = a.idDocs;
    this.blockKeys = new TermDictionary(a.blockKeyBytes, a.blockKeyOffsets);
    this.blockFirstTerm = a.blockFirstTerm;
    const n = c.meta.documentCount;
    const b = this.blockKeys.size;
    const d = a.docBlockBytes.length;
    if (a.docDate.length !== n || a.docCategory.length !== n || a.headlineStarts.length !== n + 1 || a.headlineStarts[n] !== a.headlineTerms.length || a.headlineExact.length !== a.headlineTerms.length
      || this.ids.size !== n || a.idDocs.length !== n
      || a.blockFirstTerm.length !== b + 1 || a.blockFirstTerm[b] !== c.meta.termCount || a.blockBytes.length !== b || a.blockSha.length !== 32 * b
      || a.docBlockFirst.length !== d + 1 || a.docBlockFirst[d] !== n || a.docBlockSha.length !== 32 * d) {
      throw new ContainerError('shard head is inconsistent (corrupt file)');
    }
  }

  /** Number of documents in the shard. */
  get documentCount(): number {
    return this.meta.documentCount;
  }

  /** Number of postings blocks. */
  get blockCount(): number {
    return this.a.blockBytes.length;
  }

  /** Number of document blocks. */
  get docBlockCount(): number {
    return this.a.docBlockBytes.length;
  }

  /** The postings block that would hold `key` (UTF-8 bytes): the last block whose first key is ≤ it, or -1 before the first. */
  blockOf(key: Uint8Array): number {
    return this.blockKeys.floor(key);
  }

  /** The file of postings block `b`. */
  blockFile(b: number): BlockFile {
    const sha256 = hex(this.a.blockSha.subarray(32 * b, 32 * b + 32));
    return { file: blockFileName(this.meta.shard, 'p', sha256), bytes: this.a.blockBytes[b], sha256 };
  }

  /** The document block holding local document `doc`. */
  docBlockOf(doc: number): number {
    const f = this.a.docBlockFirst;
    let lo = 0;
    let hi = f.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (f[mid] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The file of document block `b`. */
  docBlockFile(b: number): BlockFile {
    const sha256 = hex(this.a.docBlockSha.subarray(32 * b, 32 * b + 32));
    return { file: blockFileName(this.meta.shard, 'd', sha256), bytes: this.a.docBlockBytes[b], sha256 };
  }

  /** Local document number of article `id`, or -1. */
  findById(id: string): number {
    const i = this.ids.indexOf(id);
    return i < 0 ? -1 : this.idDocs[i];
  }

  private idPositions: Uint32Array | null = null;

  /** The id of local document `doc` (the inverse of {@link findById}; its table is built on first use). */
  idOf(doc: number): string {
    if (!this.idPositions) {
      const pos = new Uint32Array(this.idDocs.length);
      this.idDocs.forEach((d, i) => { pos[d] = i; });
      this.idPositions = pos;
    }
    return this.ids.termAt(this.idPositions[doc]);
  }
}
