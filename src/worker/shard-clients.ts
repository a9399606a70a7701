/**
 * How a deployment reaches the shards of its build: inside the calling isolate for a single-shard
 * index (unless `SHARD_MODE = "durable-objects"`), otherwise one Durable Object per shard. Used by the
 * front Worker and by the live index's Durable Object (which needs document frequencies).
 * @module
 */
import { LoadedShard } from '../engine/loaded-shard.js';
import { InProcessShardClient, type ShardClient } from '../engine/shard-client.js';
import type { IndexManifest } from '../index-format/manifest.js';
import { assetFetcher } from './assets.js';
import { DurableShardClient } from './durable-shard-client.js';
import type { Env } from './env.js';

/** Whether a build's shards are served inside the calling isolate. */
export function servesInProcess(env: Env, manifest: IndexManifest): boolean {
  return manifest.shards.length === 1 && env.SHARD_MODE !== 'durable-objects';
}

/** One client per shard of the build. */
export function shardClients(env: Env, manifest: IndexManifest): ShardClient[] {
  const fetchArtifact = assetFetcher(env.ASSETS);
  const inProcess = servesInProcess(env, manifest);
  return manifest.shards.map((s) => {
    if (inProcess) return new InProcessShardClient(() => LoadedShard.load(manifest, s.shard, fetchArtifact));
    const name = `${manifest.contentHash.slice(0, 16)}:${s.shard}`;
    return new DurableShardClient(env.SHARDS, name, { contentHash: manifest.contentHash, shard: s.shard });
  });
}
