/**
 * Decides how a corpus is split into shards. A shard must stay well inside one Worker isolate
 * (128 MB heap including its load), and each artifact must stay under the 25 MiB limit of a single
 * Workers static asset. Shards are contiguous runs of the corpus order, balanced by stored bytes.
 * @module
 */
import { DEFAULT_SHARD_LAYOUT, type ShardLayoutOptions } from '../src/index-format/shard-layout.js';

/** Largest file Workers static assets accept (every index artifact is one such file). */
export const STATIC_ASSET_LIMIT_BYTES = 25 * 1024 * 1024;

/** Default budget of stored article bytes per shard; postings come to about the same again. */
export const DEFAULT_MAX_SHARD_BYTES = 12 * 1024 * 1024;
/**
 * Shard count past which a growing archive makes its shards bigger instead of more numerous: every
 * relevance search that cannot skip shards costs one Durable Object request per shard. Measured on
 * the 350k synthetic archive (docs/scaling.md, "Fewer, bigger shards for big archives"): 20 shards of
 * ~17,500 articles against 40 of ~8,750 cost half the requests for a modelled production p50 / p99 of
 * 9.78 / 41.13 ms against 8.49 / 35.49 ms (the shard work per search is the same; only its split changes).
 */
export const SHARD_COUNT_BEFORE_GROWING = 20;
/**
 * Largest budget of stored bytes per shard an archive grows to (~23,000 baomoi articles, ~19,000 of
 * the synthetic archive's). A shard's memory is its head, byte-bounded block caches and, once
 * `/suggest` is used, its title index: measured in `npm run bench:scale -- --corpus 350k --shards 20`
 * (shards of ~78 MiB) at 57.5 MiB peak after loading and a whole-headline query and 79.4 MiB with the
 * title index, so with full caches (28 MiB, `LARGE_SHARD_CACHE_BUDGET` in src/engine/loaded-shard.ts)
 * ≤ ~96 MiB (docs/scaling.md). At 1M articles of the synthetic archive's size this makes 56 shards
 * ($9.94 per million searches projected by `npm run bench:scale -- --corpus 350k`).
 */
export const LARGE_MAX_SHARD_BYTES = 80 * 1024 * 1024;

/**
 * Stored bytes per shard for an archive of `totalBytes`: {@link DEFAULT_MAX_SHARD_BYTES} up to
 * {@link SHARD_COUNT_BEFORE_GROWING} shards, then bigger shards up to {@link LARGE_MAX_SHARD_BYTES}.
 */
export function maxShardBytesFor(totalBytes: number): number {
  return Math.min(LARGE_MAX_SHARD_BYTES, Math.max(DEFAULT_MAX_SHARD_BYTES, Math.ceil(totalBytes / SHARD_COUNT_BEFORE_GROWING)));
}

/**
 * Index files one deployment may hold: Workers static assets take 20,000 files per version on the
 * Free plan (100,000 on Paid), and the site (widget, pages) needs a few of its own.
 */
export const INDEX_FILE_BUDGET = 18_000;

/**
 * Postings bytes the build writes per stored article byte, planned high: 1.25 measured on the
 * 350k synthetic archive, 1.31 on baomoi-35k (bench/results/scale*.md).
 */
const POSTINGS_PER_STORED_BYTE = 1.5;

/** Largest postings file the layout grows to (far under the 25 MiB per file). */
const MAX_POSTINGS_PACK_BYTES = 3 * 1024 * 1024;

/** Postings files grow alone until they are this many times the document files; then both grow. */
const POSTINGS_TO_DOCUMENT_PACKS = 2;

/**
 * Block and file sizes for an archive of `totalBytes` stored bytes in `shardCount` shards: the
 * default blocks (`DEFAULT_SHARD_LAYOUT`: small blocks make a query read and cache little), one per
 * file until the estimated index files (plus a head and a title index per shard) would exceed
 * {@link INDEX_FILE_BUDGET}; then consecutive blocks are packed into bigger files — postings files
 * doubled first, up to {@link POSTINGS_TO_DOCUMENT_PACKS} times the document files (24/48 → 48/48 →
 * 96/48 KB), then both doubled (192/96, 384/192, …). Up to ~220 MB of stored text (~60,000 news
 * articles) one block per file fits. Since index format 10 only the files grow, not the blocks: a
 * shard reads, verifies and caches one block from its own copy whatever the file it came in (before,
 * the blocks themselves grew, and a 350k shard read a 384 KB block for each key it missed).
 */
export function shardLayoutFor(totalBytes: number, shardCount: number, budget = INDEX_FILE_BUDGET): ShardLayoutOptions {
  const layout: ShardLayoutOptions = { ...DEFAULT_SHARD_LAYOUT };
  let postings = layout.postingsBlockBytes;
  let documents = layout.documentBlockBytes;
  while (postings < MAX_POSTINGS_PACK_BYTES && estimatedIndexFiles(totalBytes, shardCount, { ...layout, postingsPackBytes: postings, documentPackBytes: documents }) > budget) {
    if (postings >= POSTINGS_TO_DOCUMENT_PACKS * documents) documents *= 2;
    postings *= 2;
  }
  return postings === layout.postingsBlockBytes && documents === layout.documentBlockBytes ? layout : { ...layout, postingsPackBytes: postings, documentPackBytes: documents };
}

/** Estimated files of an index with `layout` (see {@link shardLayoutFor}), a few shared files included. */
export function estimatedIndexFiles(totalBytes: number, shardCount: number, layout: ShardLayoutOptions): number {
  const postings = Math.max(layout.postingsBlockBytes, layout.postingsPackBytes ?? 0);
  const documents = Math.max(layout.documentBlockBytes, layout.documentPackBytes ?? 0);
  const files = totalBytes / documents + (totalBytes * POSTINGS_PER_STORED_BYTE) / postings;
  return Math.ceil(files) + shardCount * 4 + 8;
}

/** Local document numbers are u16 when a shard has fewer documents than this. */
export const MAX_SHARD_DOCUMENTS = 60_000;

/**
 * Splits documents into `shardCount` (or an automatic number of) contiguous ranges.
 * @param sizes stored bytes of each document, in corpus order
 * @returns the start index of each shard plus a final end index
 */
export function planShards(sizes: readonly number[], opts: { shards?: number; maxShardBytes?: number } = {}): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const maxBytes = opts.maxShardBytes ?? maxShardBytesFor(total);
  const auto = Math.max(1, Math.ceil(total / maxBytes), Math.ceil(sizes.length / MAX_SHARD_DOCUMENTS));
  const count = Math.max(1, Math.min(opts.shards ?? auto, Math.max(1, sizes.length)));
  const bounds = [0];
  let acc = 0;
  let next = 1;
  for (let i = 0; i < sizes.length && next < count; i++) {
    acc += sizes[i];
    const remainingDocs = sizes.length - (i + 1);
    const remainingShards = count - next;
    if (acc >= (total * next) / count || remainingDocs === remainingShards) {
      bounds.push(i + 1);
      next++;
    }
  }
  while (bounds.length < count) bounds.push(sizes.length); // only when fewer docs than shards
  bounds.push(sizes.length);
  return bounds;
}
