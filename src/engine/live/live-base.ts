/**
 * The deployed build as the live index sees it, over the build's shard clients: collection
 * statistics from the manifest, and document frequencies and article locations summed over shards.
 * @module
 */
import type { IndexManifest } from '../../index-format/manifest.js';
import type { ShardClient } from '../shard-client.js';
import type { BaseRef } from './live-layer.js';
import type { BaseLocation } from './live-storage.js';
import type { BaseStatistics } from './prepared-article.js';

/** The deployed build as the live index uses it. */
export interface LiveBase {
  ref: BaseRef;
  stats: BaseStatistics;
  /** Per key, built documents containing it; per id, where the build holds it. */
  lookup(keys: string[], ids: string[]): Promise<{ df: number[]; locations: Array<BaseLocation | null> }>;
}


/** The {@link BaseRef} of a build. */
export function baseRefOf(manifest: IndexManifest): BaseRef {
  return { contentHash: manifest.contentHash, liveSeq: manifest.live?.seq ?? 0 };
}

/** A {@link LiveBase} over a build's manifest and shards (one lookup call per shard). */
export function liveBaseOf(manifest: IndexManifest, shards: readonly ShardClient[]): LiveBase {
  return {
    ref: baseRefOf(manifest),
    stats: { documentCount: manifest.documentCount, scoring: manifest.scoring },
    async lookup(keys, ids) {
      const answers = await Promise.all(shards.map((s) => s.lookup(keys, ids)));
      const df = keys.map((_k, i) => answers.reduce((sum, a) => sum + a.df[i], 0));
      const locations = ids.map((_id, j) => {
        const shard = answers.findIndex((a) => a.docs[j] >= 0);
        return shard < 0 ? null : { shard, doc: answers[shard].docs[j] };
      });
      return { df, locations };
    },
  };
}
