/**
 * Loading and checking the index manifest from static assets (once per isolate: {@link sharedManifest}).
 * @module
 */
import { checkManifest, INDEX_ASSET_DIR, MANIFEST_FILE, type IndexManifest } from '../index-format/manifest.js';

/** What an operator does about a damaged index (the end of every `index_corrupt` message). */
export const REBUILD_ADVICE = 'Rebuild the index with `npm run build:index` and redeploy.';

/** The index cannot be served; `code` and `message` go into the 503 response. */
export class IndexUnavailableError extends Error {
  override name = 'IndexUnavailableError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Fetches, parses and checks the manifest; throws {@link IndexUnavailableError}. */
export async function loadManifest(assets: Fetcher): Promise<IndexManifest> {
  const res = await assets.fetch(`https://assets.invalid/${INDEX_ASSET_DIR}/${MANIFEST_FILE}`);
  if (!res.ok) {
    throw new IndexUnavailableError('index_missing', 'No search index is deployed. Build one with `npm run build:index` (or `npm run build:index -- --input <corpus>`), then restart `npm run dev` or run `wrangler deploy`.');
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    throw new IndexUnavailableError('manifest_invalid', 'The index manifest is not valid JSON. Rebuild the index with `npm run build:index`.');
  }
  const problem = checkManifest(parsed);
  if (problem) throw new IndexUnavailableError(problem.code, problem.message);
  return parsed as IndexManifest;
}

/** Manifests this isolate has loaded, by assets binding (an isolate's static assets never change). */
const loadedManifests = new WeakMap<Fetcher, IndexManifest>();

/**
 * {@link loadManifest}, kept once loaded for this isolate and assets binding: every Durable Object
 * sharing an isolate (Cloudflare may co-locate objects of a class; the local runtime runs them all in
 * one) reuses the manifest once one of them has read it. Callers that arrive while no read has finished
 * read it themselves rather than await another caller's read: a promise settled in one object's
 * I/O context reaches an awaiter in another object only when that object next receives an event —
 * on the local runtime's cold first search the nine shard objects that awaited the tenth's read
 * resumed ~140 ms later, when the search call arrived, instead of loading their heads during the
 * front's lexicon load. A failed read is not kept, so the next call reads again.
 */
export async function sharedManifest(assets: Fetcher): Promise<IndexManifest> {
  const known = loadedManifests.get(assets);
  if (known) return known;
  const manifest = await loadManifest(assets);
  const first = loadedManifests.get(assets);
  if (first) return first;
  loadedManifests.set(assets, manifest);
  return manifest;
}
