/**
 * A query plan over the deployed test index, built inside the Workers test runtime as the front
 * builds it (lexicon with its pair parts, the manifest's synonyms), for tests that call shards directly.
 * @module
 */
import { env } from 'cloudflare:workers';
import { PairPartLoader } from '../../src/engine/pair-part-loader.js';
import { planQuery } from '../../src/engine/planner.js';
import type { QueryPlan } from '../../src/engine/query-plan.js';
import { SynonymTable } from '../../src/engine/synonym-table.js';
import type { IndexManifest } from '../../src/index-format/manifest.js';
import { Lexicon } from '../../src/index-format/lexicon.js';
import { assetFetcher } from '../../src/worker/assets.js';
import { loadManifest } from '../../src/worker/manifest-loader.js';

/** The deployed manifest and the plan of `q` over it. */
export async function deployedPlan(q: string): Promise<{ manifest: IndexManifest; plan: QueryPlan }> {
  const manifest = await loadManifest(env.ASSETS);
  const fetchArtifact = assetFetcher(env.ASSETS);
  const base = new Lexicon(await fetchArtifact(manifest.lexicon.file));
  const parts = PairPartLoader.forIndex(manifest, base, fetchArtifact);
  const lexicon = parts ? base.withPairParts(await parts.all(), new Set()) : base;
  return { manifest, plan: planQuery(q, { lexicon, synonyms: new SynonymTable(manifest.synonyms) }, {}).plan };
}
