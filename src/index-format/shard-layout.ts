/**
 * Cuts a shard into the files of index format 3 and later: a small head (see `shard-head.ts`), postings
 * blocks of about {@link ShardLayoutOptions.postingsBlockBytes} each (contiguous ranges of the term
 * dictionary, never splitting a posting list) and document blocks of about
 * {@link ShardLayoutOptions.documentBlockBytes}, packed into files (since index format 10: one block
 * per file by default, several for archives whose blocks would not fit the deployment's file budget).
 * Deterministic: the same arrays give the same bytes.
 * @module
 */
import { writeDocumentBlock } from './document-block.js';
import { compactHeadlines } from './headline-vocabulary.js';
import { writePostingsBlock } from './postings-block.js';
import { writeShardHead } from './shard-head.js';
import type { ShardPostingsArrays } from './shard-postings.js';
import { compareTermsByBytes, encodeTermDictionary } from './term-dictionary.js';

/** Block and file sizes of a layout. */
export interface ShardLayoutOptions {
  /** Target bytes of a postings block (a block closes once it reaches this; one long list may exceed it). */
  postingsBlockBytes: number;
  /** Target bytes of a document block. */
  documentBlockBytes: number;
  /**
   * Target bytes of a postings file (since index format 10): consecutive blocks are packed into one
   * file until it reaches this (at least one block per file). Blocks stay the unit a shard reads,
   * verifies and caches; files are only how they are delivered, so an archive too large for one
   * file per block packs more blocks per file instead of growing its blocks. Default: one block per file.
   */
  postingsPackBytes?: number;
  /** Target bytes of a document file (see {@link postingsPackBytes}). */
  documentPackBytes?: number;
}

/**
 * Defaults, chosen with `npm run bench:scale` and the cold first query from a shard object's copy
 * of its files (docs/scaling.md): a query reads about one postings block per syllable and one document
 * block per hit it returns, and a cold shard's time goes with the bytes it reads from its storage.
 * 24 KB postings blocks instead of 96 KB read a quarter of the postings bytes (8,963 index files
 * at baomoi-35k instead of 4,230); big archives grow them to fit the file budget (`shardLayoutFor`).
 */
export const DEFAULT_SHARD_LAYOUT: ShardLayoutOptions = { postingsBlockBytes: 24 * 1024, documentBlockBytes: 48 * 1024 };

/** The files of one shard, before naming (names come from each file's SHA-256). */
export interface ShardFiles {
  head: Uint8Array;
  /** Postings blocks, in order (each verified and cached on its own). */
  postingsBlocks: Uint8Array[];
  /** Document blocks, in order. */
  documentBlocks: Uint8Array[];
  /** The files written: consecutive postings blocks concatenated (see {@link ShardLayoutOptions.postingsPackBytes}). */
  postingsPacks: Uint8Array[];
  /** The files written: consecutive document blocks concatenated. */
  documentPacks: Uint8Array[];
}

/** Consecutive blocks concatenated into files of at least `packBytes` (the last may be smaller), and the first block of each file plus the block count. */
export function packBlocks(blocks: readonly Uint8Array[], packBytes: number): { packs: Uint8Array[]; firstBlock: Uint32Array } {
  const packs: Uint8Array[] = [];
  const firstBlock: number[] = [];
  let from = 0;
  while (from < blocks.length) {
    let to = from;
    let bytes = 0;
    while (to < blocks.length && (to === from || bytes < packBytes)) bytes += blocks[to++].length;
    const out = new Uint8Array(bytes);
    let at = 0;
    for (let b = from; b < to; b++) { out.set(blocks[b], at); at += blocks[b].length; }
    packs.push(out);
    firstBlock.push(from);
    from = to;
  }
  firstBlock.push(blocks.length);
  return { packs, firstBlock: Uint32Array.from(firstBlock) };
}

/** SHA-256 of bytes (32 bytes): passed in so this layer stays free of Node and Workers APIs. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

/**
 * Lays out a shard.
 * @param shard shard number
 * @param a the shard's postings and document columns (`ShardPostingsBuilder.arrays`)
 * @param records each document's stored UTF-8 JSON record, in local document order
 * @param ids each document's id, in local document order
 */
export function layoutShard(shard: number, a: ShardPostingsArrays, records: readonly Uint8Array[], ids: readonly string[], sha256: Sha256, opts: ShardLayoutOptions = DEFAULT_SHARD_LAYOUT): ShardFiles {
  const n = a.docDate.length;
  const terms = a.termOffsets.length - 1;
  const docBytes = a.postingDocs.BYTES_PER_ELEMENT;
  const decoder = new TextDecoder();

  // Postings blocks: contiguous term ranges.
  const postingsBlocks: Uint8Array[] = [];
  const blockFirstTerm: number[] = [];
  const firstKeys: string[] = [];
  let start = 0;
  let size = 0;
  const close = (end: number) => {
    const b = postingsBlocks.length;
    // The block's dictionary is the shard dictionary's byte range, offsets rebased.
    const b0 = a.termOffsets[start];
    const termOffsets = new Uint32Array(end - start + 1);
    for (let t = start; t <= end; t++) termOffsets[t - start] = a.termOffsets[t] - b0;
    const p0 = a.postingStarts[start];
    const p1 = a.postingStarts[end];
    const postingStarts = new Uint32Array(end - start + 1);
    const termMax = new Uint16Array(end - start);
    for (let t = start; t < end; t++) {
      postingStarts[t - start] = a.postingStarts[t] - p0;
      let max = 0;
      for (let p = a.postingStarts[t]; p < a.postingStarts[t + 1]; p++) if (a.postingImpacts[p] > max) max = a.postingImpacts[p];
      termMax[t - start] = max;
    }
    postingStarts[end - start] = p1 - p0;
    postingsBlocks.push(writePostingsBlock({ shard, block: b, firstTerm: start }, {
      termBytes: a.termBytes.slice(b0, a.termOffsets[end]), termOffsets, postingStarts,
      postingDocs: a.postingDocs.slice(p0, p1), postingImpacts: a.postingImpacts.slice(p0, p1), termMax,
    }));
    blockFirstTerm.push(start);
    firstKeys.push(end > start ? decoder.decode(a.termBytes.subarray(b0, a.termOffsets[start + 1])) : '');
    start = end;
    size = 0;
  };
  for (let t = 0; t < terms; t++) {
    if (size >= opts.postingsBlockBytes) close(t);
    size += (a.termOffsets[t + 1] - a.termOffsets[t]) + 10 + (a.postingStarts[t + 1] - a.postingStarts[t]) * (docBytes + 2);
  }
  if (terms > start || terms === 0) close(terms);
  blockFirstTerm.push(terms);

  // Document blocks: runs of consecutive documents.
  const documentBlocks: Uint8Array[] = [];
  const docBlockFirst: number[] = [];
  let first = 0;
  let bytes = 0;
  const closeDocs = (end: number) => {
    documentBlocks.push(writeDocumentBlock({ shard, block: documentBlocks.length, firstDoc: first }, records.slice(first, end)));
    docBlockFirst.push(first);
    first = end;
    bytes = 0;
  };
  for (let d = 0; d < n; d++) {
    if (bytes >= opts.documentBlockBytes) closeDocs(d);
    bytes += records[d].length + 4;
  }
  if (n > first || n === 0) closeDocs(n);
  docBlockFirst.push(n);

  const hashes = (files: Uint8Array[]) => {
    const out = new Uint8Array(32 * files.length);
    files.forEach((f, i) => out.set(sha256(f), 32 * i));
    return out;
  };
  const order = ids.map((_, i) => i).sort((x, y) => compareTermsByBytes(ids[x], ids[y]));
  const idDict = encodeTermDictionary(order.map((i) => ids[i]));
  const keyDict = encodeTermDictionary(firstKeys);
  const postingsPacks = packBlocks(postingsBlocks, opts.postingsPackBytes ?? 0);
  const documentPacks = packBlocks(documentBlocks, opts.documentPackBytes ?? 0);
  const headlines = compactHeadlines(a.headlineTerms, a.headlineExact);
  const head = writeShardHead({ shard, documentCount: n, termCount: terms }, {
    docDate: a.docDate, docCategory: a.docCategory, headlineStarts: a.headlineStarts,
    headlineVocabulary: headlines.vocabulary, headlineTerms: headlines.terms, headlineExact: headlines.exact,
    idBytes: idDict.bytes, idOffsets: idDict.offsets, idDocs: Uint32Array.from(order),
    blockKeyBytes: keyDict.bytes, blockKeyOffsets: keyDict.offsets, blockFirstTerm: Uint32Array.from(blockFirstTerm),
    blockBytes: Uint32Array.from(postingsBlocks, (f) => f.length), blockSha: hashes(postingsBlocks),
    docBlockFirst: Uint32Array.from(docBlockFirst), docBlockBytes: Uint32Array.from(documentBlocks, (f) => f.length), docBlockSha: hashes(documentBlocks),
    packFirstBlock: postingsPacks.firstBlock, packSha: hashes(postingsPacks.packs),
    docPackFirstBlock: documentPacks.firstBlock, docPackSha: hashes(documentPacks.packs),
  });
  return { head, postingsBlocks, documentBlocks, postingsPacks: postingsPacks.packs, documentPacks: documentPacks.packs };
}
