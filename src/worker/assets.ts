/**
 * Reading index artifacts from the Workers static-assets binding.
 * @module
 */
import { INDEX_ASSET_DIR } from '../index-format/manifest.js';
import type { FetchArtifact } from '../engine/artifact.js';
import { ArtifactError } from '../engine/artifact.js';

/** A {@link FetchArtifact} over `env.ASSETS` (the URL's host is ignored by the binding). */
export function assetFetcher(assets: Fetcher): FetchArtifact {
  return async (file: string) => {
    const res = await assets.fetch(`https://assets.invalid/${INDEX_ASSET_DIR}/${file}`);
    if (!res.ok) {
      throw new ArtifactError(`index file ${file} is missing from the deployed assets (HTTP ${res.status}); run \`npm run build:index\` before \`wrangler dev\`/\`wrangler deploy\``);
    }
    return res.arrayBuffer();
  };
}
