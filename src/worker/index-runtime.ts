/**
 * The index as seen by the front Worker: loaded once per isolate (not per request) and shared by all
 * requests. Holds the manifest, the lexicon (for query planning) and one client per shard.
 * @module
 */
import { verifyArtifact, type FetchArtifact } from '../engine/artifact.js';
import { keepAlive, sharedLoad } from '../engine/keep-alive.js';
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
import { IndexUnavailableError, loadManifest, REBUILD_ADVICE } from './manifest-loader.js';
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
  /**
   * Loads the score bounds (the first call starts the load, later calls share it; after a failure the
   * next call tries again): resolves once the service routes by them (or the index has none), rejects
   * with what to rebuild when the file is missing or fails its check. Searches never wait for it —
   * until it ends they ask every shard that can match, with the same results — and the index-context
   * middleware starts it only once a request's own work is done, so the 8 MB read and hash do not
   * compete with the first searches of a cold isolate. `/health` waits for it.
   */
  scoreBounds(): Promise<void>;
}

let current: Promise<IndexRuntime> | null = null;

async function createRuntime(env: Env): Promise<IndexRuntime> {
  const started = Date.now();
  const manifest = await loadManifest(env.ASSETS);
  const fetchArtifact = assetFetcher(env.ASSETS);
  let lexicon: Lexicon;
  let tail: LexiconTailLoader | null = null;
  let pairParts: PairPartLoader | null = null;
  try {
    lexicon = new Lexicon(await fetchArtifact(manifest.lexicon.file).then((b) => verifyArtifact(manifest.lexicon, b)));
    tail = LexiconTailLoader.forIndex(manifest, lexicon, fetchArtifact);
    pairParts = PairPartLoader.forIndex(manifest, lexicon, fetchArtifact);
  } catch (e) {
    throw corrupt(e);
  }
  const live = env.LIVE ? new DurableLiveClient(env.LIVE) : null;
  const service = new SearchService(manifest, lexicon, shardClients(env, manifest), live, null, tail, pairParts);
  const runtime: IndexRuntime = {
    manifest,
    service,
    suggest: new SuggestService(service),
    mode: servesInProcess(env, manifest) ? 'in-process' : 'durable-objects',
    loadedAt: started,
    loadMs: Date.now() - started,
    scoreBounds: scoreBoundsLoader(manifest, service, fetchArtifact),
  };
  return runtime;
}

function corrupt(e: unknown): IndexUnavailableError {
  return new IndexUnavailableError('index_corrupt', `${(e as Error).message}. ${REBUILD_ADVICE}`);
}

/** {@link IndexRuntime.scoreBounds} for a service. */
function scoreBoundsLoader(manifest: IndexManifest, service: SearchService, fetchArtifact: FetchArtifact): () => Promise<void> {
  const file = manifest.scoreBounds;
  if (!file) return () => Promise.resolve();
  // sharedLoad handles the rejection it keeps (reported to /health and the log, never unhandled).
  return sharedLoad(() => fetchArtifact(file.file).then((b) => verifyArtifact(file, b)).then((b) => service.useScoreBounds(new ScoreBounds(b))).catch((e: unknown) => {
    console.error(JSON.stringify({ level: 'error', component: 'index', event: 'score_bounds_failed', error: (e as Error).message }));
    throw corrupt(e);
  }));
}

/**
 * The isolate's index, loading it on first call. A failed load is not cached, so a fixed index is
 * picked up by the next request.
 */
export async function getIndexRuntime(env: Env): Promise<IndexRuntime> {
  if (!current) {
    current = createRuntime(env);
    current.catch(() => { current = null; });
    keepAlive(current); // concurrent requests await it too
  }
  return current;
}

/** Forgets the loaded index (tests). */
export function resetIndexRuntime(): void {
  current = null;
}
