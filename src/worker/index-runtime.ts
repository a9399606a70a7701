/**
 * The index as seen by the front Worker: loaded once per isolate (not per request) and shared by all
 * requests. Holds the manifest, the lexicon (for query planning) and one client per shard.
 * @module
 */
import { verifyArtifact, type FetchArtifact } from '../engine/artifact.js';
import { keepAlive, sharedLoad } from '../engine/keep-alive.js';
import { LexiconTailLoader } from '../engine/lexicon-tail-loader.js';
import { IdDirectoryLoader } from '../engine/id-directory-loader.js';
import { PairPartLoader } from '../engine/pair-part-loader.js';
import { queryPairForms } from '../engine/query-folded-forms.js';
import { SearchService } from '../engine/search-service.js';
import type { SearchOptions } from '../engine/query-plan.js';
import type { ShardClient } from '../engine/shard-client.js';
import { ShardPrefetcher } from '../engine/shard-prefetcher.js';
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
   * Loads the score bounds (the first call starts the load, later calls share it; after a failure, calls
   * get that failure for `SCORE_BOUNDS_RETRY_MS`, then the next one tries again): resolves once the service routes by them (or the index has none), rejects
   * with what to rebuild when the file is missing or fails its check. Searches never wait for it —
   * until it ends they ask every shard that can match, with the same results — and the index-context
   * middleware starts it only once a request's own work is done, so the 8 MB read and hash do not
   * compete with the first searches of a cold isolate. `/health` waits for it.
   */
  scoreBounds(): Promise<void>;
  /**
   * Verifies every part of the id directory (shared and retried as {@link scoreBounds}): rejects with
   * what to rebuild when one is missing or fails its check. Requests by id never wait for it (a part
   * they cannot read makes them ask every shard, with the same answer); `/health` waits for it.
   */
  idDirectory(): Promise<void>;
}

/** What the front knows once the manifest is loaded: enough to reach and warm the shards. */
interface IndexBase {
  manifest: IndexManifest;
  shards: ShardClient[];
  prefetcher: ShardPrefetcher;
  /** The lexicon's pair parts (null when the lexicon keeps its pairs), warmed before the lexicon is there. */
  pairParts: PairPartLoader | null;
}

let base: Promise<IndexBase> | null = null;
let current: Promise<IndexRuntime> | null = null;
/** The runtime once `current` has resolved (searches then prefetch for themselves). */
let ready: IndexRuntime | null = null;

/** The isolate's manifest and shard clients, loading the manifest on first call (a failure is not cached). */
function getIndexBase(env: Env): Promise<IndexBase> {
  if (!base) {
    // The front's own read (not `sharedManifest`): after a failed index load it is read again, so a
    // fixed index is picked up by the next request.
    base = loadManifest(env.ASSETS).then((manifest) => {
      const shards = shardClients(env, manifest);
      return { manifest, shards, prefetcher: new ShardPrefetcher(manifest, shards), pairParts: PairPartLoader.forManifest(manifest, assetFetcher(env.ASSETS)) };
    });
    base.catch(() => { base = null; });
    keepAlive(base); // concurrent requests await it too
  }
  return base;
}

async function createRuntime(env: Env): Promise<IndexRuntime> {
  const started = Date.now();
  const { manifest, shards, prefetcher, pairParts: early } = await getIndexBase(env);
  const fetchArtifact = assetFetcher(env.ASSETS);
  let lexicon: Lexicon;
  let tail: LexiconTailLoader | null = null;
  let pairParts: PairPartLoader | null = null;
  try {
    lexicon = new Lexicon(await fetchArtifact(manifest.lexicon.file).then((b) => verifyArtifact(manifest.lexicon, b)));
    tail = LexiconTailLoader.forIndex(manifest, lexicon, fetchArtifact);
    pairParts = PairPartLoader.forIndex(manifest, lexicon, fetchArtifact, early);
  } catch (e) {
    throw corrupt(e);
  }
  const live = env.LIVE ? new DurableLiveClient(env.LIVE) : null;
  const service = new SearchService(manifest, lexicon, shards, live, null, tail, pairParts, prefetcher);
  const ids = IdDirectoryLoader.forManifest(manifest, fetchArtifact);
  service.useIdDirectory(ids);
  const runtime: IndexRuntime = {
    manifest,
    service,
    suggest: new SuggestService(service),
    mode: servesInProcess(env, manifest) ? 'in-process' : 'durable-objects',
    loadedAt: started,
    loadMs: Date.now() - started,
    scoreBounds: scoreBoundsLoader(manifest, service, fetchArtifact),
    idDirectory: ids ? checkedLoad('id_directory_failed', () => ids.verifyAll()) : () => Promise.resolve(),
  };
  return runtime;
}

function corrupt(e: unknown): IndexUnavailableError {
  return new IndexUnavailableError('index_corrupt', `${(e as Error).message}. ${REBUILD_ADVICE}`);
}

/**
 * After the score bounds (or the id directory) failed to load (a corrupt or missing file: a redeploy fixes it, a retry does
 * not), requests within this long get the same failure instead of reading and hashing the 8 MB file
 * again; searches are unaffected (they ask every shard that can match), `/health` reports the failure.
 */
export const SCORE_BOUNDS_RETRY_MS = 60_000;

/** {@link IndexRuntime.scoreBounds} for a service. */
function scoreBoundsLoader(manifest: IndexManifest, service: SearchService, fetchArtifact: FetchArtifact): () => Promise<void> {
  const file = manifest.scoreBounds;
  if (!file) return () => Promise.resolve();
  return checkedLoad('score_bounds_failed', () => fetchArtifact(file.file).then((b) => verifyArtifact(file, b)).then((b) => service.useScoreBounds(new ScoreBounds(b))));
}

/**
 * A shared load of index files that searches do not wait for: a failure is logged as `event` and
 * rejected as `index_corrupt` with what to rebuild, and kept for `SCORE_BOUNDS_RETRY_MS`.
 */
function checkedLoad(event: string, load: () => Promise<void>): () => Promise<void> {
  // sharedLoad handles the rejection it keeps (reported to /health and the log, never unhandled).
  return sharedLoad(() => load().catch((e: unknown) => {
    console.error(JSON.stringify({ level: 'error', component: 'index', event, error: (e as Error).message }));
    throw corrupt(e);
  }), { retryAfterMs: SCORE_BOUNDS_RETRY_MS });
}

/**
 * The isolate's index, loading it on first call. A failed load is not cached, so a fixed index is
 * picked up by the next request.
 */
export async function getIndexRuntime(env: Env): Promise<IndexRuntime> {
  if (!current) {
    current = createRuntime(env);
    current.then((rt) => { ready = rt; }, () => { current = null; base = null; });
    keepAlive(current); // concurrent requests await it too
  }
  return current;
}

/**
 * For a search arriving while this isolate is still loading its index: as soon as the manifest is
 * known (before the lexicon, which the plan needs, is fetched and verified), sends the query's
 * syllables to prefetch to the idle shards it will call (`ShardPrefetcher`), so that the shards load
 * their heads and blocks while the front loads its lexicon, and starts fetching the lexicon's pair
 * parts of those syllables (`PairPartLoader.warm`), which the plan needs next. Resolves to the number of shards
 * warmed: 0 once the index is loaded (each search then prefetches for itself), or when the manifest
 * cannot be loaded (the request reports that itself). Filters are not known here: callers send only
 * unfiltered searches.
 * @param fresh the search ranks with freshness (warms only the newest shard, as for a date sort)
 */
export async function prefetchWhileLoading(env: Env, q: string, sort: SearchOptions['sort'], fresh = false): Promise<number> {
  if (ready) return 0;
  try {
    const b = await getIndexBase(env);
    const warmed = b.prefetcher.prefetchIdle(q, sort, {}, fresh);
    b.pairParts?.warm(queryPairForms(q));
    return warmed;
  } catch {
    return 0;
  }
}

/** Forgets the loaded index (tests). */
export function resetIndexRuntime(): void {
  base = null;
  current = null;
  ready = null;
}
