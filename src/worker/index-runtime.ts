/**
 * The index as seen by the front Worker: loaded once per isolate (not per request) and shared by all
 * requests. Holds the manifest, the lexicon (for query planning) and one client per shard.
 * @module
 */
import { verifyArtifact } from '../engine/artifact.js';
import { LexiconTailLoader } from '../engine/lexicon-tail-loader.js';
import { PairPartLoader } from '../engine/pair-part-loader.js';
import { SearchService } from '../engine/search-service.js';
import { SuggestService } from '../suggest/suggest-service.js';
import { Lexicon } from '../index-format/lexicon.js';
import { ScoreBounds } from '../index-format/score-bounds.js';
import type { IndexManifest } from '../index-format/manifest.js';
import { assetFetcher } from './assets.js';
import { DurableLiveClient } from './durable-live-client.js';
import type { Env } from './env.js';
import { IndexUnavailableError, loadManifest } from './manifest-loader.js';
import { servesInProcess, shardClients } from './shard-clients.js';

/** A loaded index ready to serve. */
export interface IndexRuntime {
  manifest: IndexManifest;
  service: SearchService;
  /** Search-box suggestions over the same index. */
  suggest: SuggestService;
  /** How shards are served. */
  mode: 'in-process' | 'durable-objects';
  loadedAt: number;
  loadMs: number;
}

let current: Promise<IndexRuntime> | null = null;

async function createRuntime(env: Env): Promise<IndexRuntime> {
  const started = Date.now();
  const manifest = await loadManifest(env.ASSETS);
  const fetchArtifact = assetFetcher(env.ASSETS);
  let lexicon: Lexicon;
  let scoreBounds: ScoreBounds | null = null;
  let tail: LexiconTailLoader | null = null;
  let pairParts: PairPartLoader | null = null;
  try {
    const bounds = manifest.scoreBounds;
    const [lex, sb] = await Promise.all([
      fetchArtifact(manifest.lexicon.file).then((b) => verifyArtifact(manifest.lexicon, b)),
      bounds ? fetchArtifact(bounds.file).then((b) => verifyArtifact(bounds, b)) : null,
    ]);
    lexicon = new Lexicon(lex);
    if (sb) scoreBounds = new ScoreBounds(sb);
    tail = LexiconTailLoader.forIndex(manifest, lexicon, fetchArtifact);
    pairParts = PairPartLoader.forIndex(manifest, lexicon, fetchArtifact);
  } catch (e) {
    throw new IndexUnavailableError('index_corrupt', `${(e as Error).message}. Rebuild the index with \`npm run build:index\` and redeploy.`);
  }
  const live = env.LIVE ? new DurableLiveClient(env.LIVE) : null;
  const service = new SearchService(manifest, lexicon, shardClients(env, manifest), live, scoreBounds, tail, pairParts);
  return {
    manifest,
    service,
    suggest: new SuggestService(service),
    mode: servesInProcess(env, manifest) ? 'in-process' : 'durable-objects',
    loadedAt: started,
    loadMs: Date.now() - started,
  };
}

/**
 * The isolate's index, loading it on first call. A failed load is not cached, so a fixed index is
 * picked up by the next request.
 */
export function getIndexRuntime(env: Env): Promise<IndexRuntime> {
  if (!current) {
    current = createRuntime(env);
    current.catch(() => { current = null; });
  }
  return current;
}

/** Forgets the loaded index (tests). */
export function resetIndexRuntime(): void {
  current = null;
}
