/**
 * The head of a shard (since index format 3): what a shard loads before answering its first query, kept
 * small. It holds the per-document columns every query reads (date, category, headline syllables),
 * the id dictionary, and directories of the shard's postings blocks and document blocks: each block's
 * first key or document, size and SHA-256. The head is verified against the manifest; each block is
 * verified against the head when it is first loaded, so integrity is checked end to end without
 * reading (or hashing) what a query does not need. Since index format 10 the head also says which file
 * holds each block: a file holds one block, or several consecutive ones when the archive is too large
 * for one file per block, and a block is read, verified and cached on its own either way. Since index
 * format 11 the headline columns are positions in the shard's headline vocabulary
 * (`headline-vocabulary.ts`): 16 bits each instead of 32, a third of a large shard's head.
 * @module
 */
import { ContainerError, readContainer, requireSections, type SectionArray, writeContainer } from './binary-container.js';
import { positionIn } from './headline-vocabulary.js';
import { hex } from './hex.js';
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
  /** Term numbers of the keys that occur in `headlineTerms` or `headlineExact`, ascending (since index format 11). */
  headlineVocabulary: Uint32Array;
  /** Each headline's folded syllables, in headline order, as positions in `headlineVocabulary`. */
  headlineTerms: Uint16Array | Uint32Array;
  /**
   * Parallel to `headlineTerms`: the position in `headlineVocabulary` of each headline syllable's exact
   * key (`=đảng`) when it carries diacritics, else of its folded key.
   */
  headlineExact: Uint16Array | Uint32Array;
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
  /** Size and SHA-256 of each document block. */
  docBlockBytes: Uint32Array;
  docBlockSha: Uint8Array;
  /**
   * First postings block of each postings file, plus the block count (since index format 10: a file
   * holds consecutive blocks, concatenated; a block's offset in its file is the sum of the sizes
   * before it).
   */
  packFirstBlock: Uint32Array;
  /** SHA-256 of each postings file (its name). */
  packSha: Uint8Array;
  /** First document block of each document file, plus the document block count. */
  docPackFirstBlock: Uint32Array;
  /** SHA-256 of each document file. */
  docPackSha: Uint8Array;
}

/** Serializes a shard head. */
export function writeShardHead(meta: ShardHeadMeta, a: ShardHeadArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a } as unknown as Record<string, SectionArray>);
}

/**
 * A file of a shard as the head lists it, or one block inside a file: then `offset` says where the
 * block starts in `file`, and `bytes` and `sha256` are the block's own.
 */
export interface BlockFile {
  /** File name inside the index folder (`<shard dir>/<kind>-<first 16 hex digits of the file's SHA-256>.bin`). */
  file: string;
  bytes: number;
  sha256: string;
  /** Where the block starts in `file` (absent: the whole file). */
  offset?: number;
}

/** A file of packed blocks and the blocks it holds (what a shard's copy stores, block by block). */
export interface PackedFile {
  file: BlockFile;
  blocks: BlockFile[];
}

/** Folder of a shard's block files inside the index folder. */
export const shardDir = (shard: number) => `shard-${String(shard).padStart(3, '0')}`;

/** File name of a file of blocks: its shard folder, kind (`p` postings, `d` documents) and content hash. */
export const blockFileName = (shard: number, kind: 'p' | 'd', sha256: string) => `${shardDir(shard)}/${kind}-${sha256.slice(0, 16)}.bin`;

/**
 * Each block's file and offset there, from the files' first blocks; null when the columns disagree
 * (files not starting at block 0, not ending at the block count, not ascending, or hashes missing).
 */
function packPlacement(firstBlock: Uint32Array, packSha: Uint8Array, blockBytes: Uint32Array): [Uint32Array, Uint32Array] | null {
  const packs = firstBlock.length - 1;
  if (packs < 0 || packSha.length !== 32 * packs || firstBlock[0] !== 0 || firstBlock[packs] !== blockBytes.length) return null;
  const pack = new Uint32Array(blockBytes.length);
  const offset = new Uint32Array(blockBytes.length);
  for (let p = 0; p < packs; p++) {
    if (firstBlock[p + 1] <= firstBlock[p]) return null;
    let at = 0;
    for (let b = firstBlock[p]; b < firstBlock[p + 1]; b++) {
      pack[b] = p;
      offset[b] = at;
      at += blockBytes[b];
    }
  }
  return [pack, offset];
}

/** A loaded shard head. */
export class ShardHead {
  readonly meta: ShardHeadMeta;
  readonly byteLength: number;
  readonly docDate: Int32Array;
  readonly docCategory: Uint16Array;
  readonly headlineStarts: Uint32Array;
  readonly headlineTerms: Uint16Array | Uint32Array;
  readonly headlineExact: Uint16Array | Uint32Array;
  private readonly headlineVocabulary: Uint32Array;
  private readonly ids: TermDictionary;
  private readonly idDocs: Uint32Array;
  private readonly blockKeys: TermDictionary;
  readonly blockFirstTerm: Uint32Array;
  private readonly a: ShardHeadArrays;
  /** Offset of each postings block in its file. */
  private readonly blockOffset: Uint32Array;
  /** File of each postings block. */
  private readonly blockPack: Uint32Array;
  /** Offset of each document block in its file. */
  private readonly docBlockOffset: Uint32Array;
  /** File of each document block. */
  private readonly docBlockPack: Uint32Array;

  /** Opens the bytes of a shard head; throws `ContainerError` when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<ShardHeadMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const a = c.sections as unknown as ShardHeadArrays;
    requireSections(a as unknown as Record<string, unknown>, ['docDate', 'docCategory', 'headlineStarts', 'headlineVocabulary', 'headlineTerms', 'headlineExact', 'idBytes', 'idOffsets', 'idDocs', 'blockKeyBytes', 'blockKeyOffsets', 'blockFirstTerm', 'blockBytes', 'blockSha', 'docBlockFirst', 'docBlockBytes', 'docBlockSha', 'packFirstBlock', 'packSha', 'docPackFirstBlock', 'docPackSha'], 'shard head');
    this.a = a;
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.docDate = a.docDate;
    this.docCategory = a.docCategory;
    this.headlineStarts = a.headlineStarts;
    this.headlineTerms = a.headlineTerms;
    this.headlineExact = a.headlineExact;
    this.headlineVocabulary = a.headlineVocabulary;
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
    const postings = packPlacement(a.packFirstBlock, a.packSha, a.blockBytes);
    const documents = packPlacement(a.docPackFirstBlock, a.docPackSha, a.docBlockBytes);
    if (!postings || !documents) throw new ContainerError('shard head is inconsistent (corrupt file)');
    [this.blockPack, this.blockOffset] = postings;
    [this.docBlockPack, this.docBlockOffset] = documents;
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

  /** Postings block `b`: its file, offset there, size and SHA-256. */
  blockFile(b: number): BlockFile {
    return this.located('p', b);
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

  /** Document block `b`: its file, offset there, size and SHA-256. */
  docBlockFile(b: number): BlockFile {
    return this.located('d', b);
  }

  /** Every postings file and then every document file, each with the blocks it holds. */
  packedFiles(): PackedFile[] {
    const out: PackedFile[] = [];
    for (const kind of ['p', 'd'] as const) {
      const first = kind === 'p' ? this.a.packFirstBlock : this.a.docPackFirstBlock;
      for (let p = 0; p + 1 < first.length; p++) {
        const blocks: BlockFile[] = [];
        for (let b = first[p]; b < first[p + 1]; b++) blocks.push(this.located(kind, b));
        out.push({ file: this.packFile(kind, p), blocks });
      }
    }
    return out;
  }

  /** File `p` of a kind, whole. */
  private packFile(kind: 'p' | 'd', p: number): BlockFile {
    const first = kind === 'p' ? this.a.packFirstBlock : this.a.docPackFirstBlock;
    const sizes = kind === 'p' ? this.a.blockBytes : this.a.docBlockBytes;
    const sha256 = hex((kind === 'p' ? this.a.packSha : this.a.docPackSha).subarray(32 * p, 32 * p + 32));
    let bytes = 0;
    for (let b = first[p]; b < first[p + 1]; b++) bytes += sizes[b];
    return { file: blockFileName(this.meta.shard, kind, sha256), bytes, sha256 };
  }

  /** Block `b` of a kind, located in its file. */
  private located(kind: 'p' | 'd', b: number): BlockFile {
    const [sizes, shas, packOf, offsets, packShas] = kind === 'p'
      ? [this.a.blockBytes, this.a.blockSha, this.blockPack, this.blockOffset, this.a.packSha]
      : [this.a.docBlockBytes, this.a.docBlockSha, this.docBlockPack, this.docBlockOffset, this.a.docPackSha];
    const p = packOf[b];
    const packSha = hex(packShas.subarray(32 * p, 32 * p + 32));
    const block: BlockFile = { file: blockFileName(this.meta.shard, kind, packSha), bytes: sizes[b], sha256: hex(shas.subarray(32 * b, 32 * b + 32)) };
    // A block alone in its file is the whole file: no offset, so readers take it whole.
    const first = kind === 'p' ? this.a.packFirstBlock : this.a.docPackFirstBlock;
    if (first[p + 1] - first[p] > 1) block.offset = offsets[b];
    return block;
  }

  /**
   * The number the headline columns use for the key whose shard-wide term number is `term`, or -1
   * when no headline of the shard holds that key.
   */
  headlineNumber(term: number): number {
    return positionIn(this.headlineVocabulary, term);
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
