/**
 * Opens a built index from disk in Node with the same engine the Worker runs (query planning,
 * shard evaluation, merging, snippets): used by tests and benchmarks.
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FolderCopyStore } from './folder-copy-store.js';
import { LexiconTailLoader } from '../src/engine/lexicon-tail-loader.js';
import { IdDirectoryLoader } from '../src/engine/id-directory-loader.js';
import { LoadedShard } from '../src/engine/loaded-shard.js';
import { PairPartLoader } from '../src/engine/pair-part-loader.js';
import { SearchService } from '../src/engine/search-service.js';
import { InProcessShardClient, type ShardClient } from '../src/engine/shard-client.js';
import type { LiveLayer } from '../src/engine/live/live-layer.js';
import { verifyArtifact, type FetchArtifact } from '../src/engine/artifact.js';
import { Lexicon } from '../src/index-format/lexicon.js';
import { ScoreBounds } from '../src/index-format/score-bounds.js';
import { checkManifest, MANIFEST_FILE, type IndexManifest } from '../src/index-format/manifest.js';

/** Reads a file into an ArrayBuffer of its own (offset 0, so typed views align). */
export async function readArrayBuffer(file: string): Promise<ArrayBuffer> {
  const b = await readFile(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/**
 * The index's lexicon with every pair part in place (a view that looks any pair up), as tools that
 * plan queries without a search service need it.
 */
export async function completeLexicon(manifest: IndexManifest, fetchArtifact: FetchArtifact): Promise<Lexicon> {
  const base = new Lexicon(await verifyArtifact(manifest.lexicon, await fetchArtifact(manifest.lexicon.file)));
  const pairParts = PairPartLoader.forIndex(manifest, base, fetchArtifact);
  return pairParts ? base.withPairParts(await pairParts.all(), new Set()) : base;
}

/** Options of {@link openIndex}. */
export interface OpenIndexOptions {
  live?: (manifest: IndexManifest, shards: ShardClient[]) => LiveLayer;
  noScoreBounds?: boolean;
  /**
   * Fetch the lexicon's pair parts per query, as the Worker does. Default: load them all at once, so
   * that `service.lexicon` looks up every pair itself (tools and tests that plan with it directly).
   */
  lazyPairs?: boolean;
  /** Called with each index file as it is read (tests count what a cold search reads). */
  onRead?: (file: string) => void;
  /**
   * Serve every shard as its Durable Object does once its copy of its files is complete: shard files
   * are read without hashing them again ({@link FolderCopyStore}). Default: each is verified on read.
   */
  copies?: boolean;
}

/** A search service over an index directory (the `index/` folder of a build). */
export async function openIndex(indexDir: string, options: OpenIndexOptions = {}): Promise<SearchService> {
  const manifest = JSON.parse(await readFile(path.join(indexDir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  const problem = checkManifest(manifest);
  if (problem) throw new Error(problem.message);
  const fetchArtifact = (file: string) => {
    options.onRead?.(file);
    return readArrayBuffer(path.join(indexDir, file));
  };
  const base = new Lexicon(await verifyArtifact(manifest.lexicon, await fetchArtifact(manifest.lexicon.file)));
  const pairParts = PairPartLoader.forIndex(manifest, base, fetchArtifact);
  const lexicon = pairParts && !options.lazyPairs ? base.withPairParts(await pairParts.all(), new Set()) : base;
  const scoreBounds = manifest.scoreBounds && !options.noScoreBounds ? new ScoreBounds(await verifyArtifact(manifest.scoreBounds, await fetchArtifact(manifest.scoreBounds.file))) : null;
  const store = options.copies ? new FolderCopyStore(indexDir, options.onRead) : undefined;
  const clients = manifest.shards.map((s) => new InProcessShardClient(() => LoadedShard.load(manifest, s.shard, fetchArtifact, { store })));
  const service = new SearchService(manifest, lexicon, clients, options.live?.(manifest, clients) ?? null, scoreBounds, LexiconTailLoader.forIndex(manifest, lexicon, fetchArtifact), options.lazyPairs ? pairParts : null);
  service.useIdDirectory(IdDirectoryLoader.forManifest(manifest, fetchArtifact));
  return service;
}
