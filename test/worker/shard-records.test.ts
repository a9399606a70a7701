import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LoadedShard } from '../../src/engine/loaded-shard.js';
import { parseRecord } from '../../src/index-format/document-block.js';
import { assetFetcher } from '../../src/worker/assets.js';
import { deployedPlan } from '../support/deployed-plan.js';

describe('records sent with a shard object\'s hits', () => {
  it('cross RPC packed in one buffer of exactly their bytes, the same records the shard reads in place', async () => {
    const { manifest, plan } = await deployedPlan('hà nội');
    const fetchArtifact = assetFetcher(env.ASSETS);
    const opts = { topK: 5, sort: 'relevance' as const, facets: [], records: 5 };

    // In the same isolate the shard answers with views into its document blocks, copying nothing.
    const local = await (await LoadedShard.load(manifest, 0, fetchArtifact)).search(plan, opts);
    const localRecords = local.records!.filter((r) => r !== undefined);
    expect(localRecords.length).toBeGreaterThan(1);
    const bytes = localRecords.reduce((a, r) => a + r.byteLength, 0);
    expect(localRecords.some((r) => r.buffer.byteLength > r.byteLength)).toBe(true);

    // Over RPC, the shard object packs them: one buffer holding exactly those bytes, not whole blocks.
    const stub = env.SHARDS.get(env.SHARDS.idFromName('records-test'));
    const remote = await stub.search({ contentHash: manifest.contentHash, shard: 0 }, plan, opts);
    expect(remote.hits).toEqual(local.hits);
    const remoteRecords = remote.records!.filter((r) => r !== undefined);
    expect(remoteRecords.map((r) => parseRecord(r))).toEqual(localRecords.map((r) => parseRecord(r)));
    expect(new Set(remoteRecords.map((r) => r.buffer)).size).toBe(1);
    expect(remoteRecords[0].buffer.byteLength).toBe(bytes);
  });
});
