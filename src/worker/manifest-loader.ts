/**
 * Loading and checking the index manifest from static assets (once per isolate: {@link sharedManifest}).
 * @module
 */
import { sharedLoad } from '../engine/keep-alive.js';
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

/** Manifest loaders of this isolate, by assets binding (an isolate's static assets never change). */
const manifestLoaders = new WeakMap<Fetcher, () => Promise<IndexManifest>>();

/**
 * {@link loadManifest} once per isolate and assets binding: every Durable Object sharing an isolate
 * (Cloudflare may co-locate objects of a class; the local runtime runs them all in one) reads and
 * parses the manifest once. A failed load is forgotten, so the next call tries again (`sharedLoad`).
 */
export function sharedManifest(assets: Fetcher): Promise<IndexManifest> {
  let load = manifestLoaders.get(assets);
  if (!load) manifestLoaders.set(assets, (load = sharedLoad(() => loadManifest(assets))));
  return load();
}
