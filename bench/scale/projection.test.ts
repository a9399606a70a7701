import { describe, expect, it } from 'vitest';
import { ASSUMED_RPC_RTT_MS, PRICES, fitPowerLaw, project, shardsFor, type ProjectionInput } from './projection.js';

const MiB = 1024 * 1024;

/** A small measured deployment: 1,000 articles of 1 KiB stored in 4 shards. */
const input = (extra: Partial<ProjectionInput> = {}): ProjectionInput => ({
  documents: 1000, shards: 4,
  documentsStoreBytes: 1000 * 1024, shardArtifactBytes: 4 * MiB, maxShardBytes: 256 * 1024,
  shardPeakBytes: 20 * MiB, shardPeakWithSuggestBytes: 30 * MiB,
  lexicon: { bytes: 2 * MiB, peakBytes: 3 * MiB, points: [
    { documents: 250, bytes: 1 * MiB, folded: 1, exact: 1, pairs: 100, pairBytes: 0.25 * MiB },
    { documents: 1000, bytes: 2 * MiB, folded: 2, exact: 2, pairs: 200, pairBytes: 0.5 * MiB },
  ] },
  phases: { planP50: 1, planMean: 1, mergeMean: 0.5, hitsP50: 2, hitsMean: 2, meanHitShards: 3, relaxedShare: 0, perShardEvalMean: 4 },
  slowestOfS: [{ shards: 4, ms: 6 }],
  rpcPerCallMs: 0.1,
  ...extra,
});

describe('project', () => {
  it('estimates the measured row from the phase profile without a production-model figure', () => {
    const [row] = project(input(), [1000]).rows;
    expect(row.measured).toBe(true);
    expect(row.shards).toBe(4);
    // plan p50 + slowest of 4 + hits p50 + 2 round trips + per-call overhead × (4 shards + 3 hit shards)
    expect(row.fanOutParallelMs).toBeCloseTo(1 + 6 + 2 + 2 * ASSUMED_RPC_RTT_MS + 0.1 * 7, 9);
  });

  it('takes the measured row from the production model when given, and only that row', () => {
    const { rows } = project(input({ measuredParallelP50Ms: 17.5, routedCallsPerShard: 1 }), [1000, 4000]);
    expect(rows[0].fanOutParallelMs).toBe(17.5);
    expect(rows[1].measured).toBe(false);
    expect(rows[1].fanOutParallelMs).not.toBe(17.5);
    // Routed calls scale with the shard count.
    expect(rows[0].doRequestsPerSearch).toBe(4);
    expect(rows[1].doRequestsPerSearch).toBe(rows[1].shards);
  });

  it('prices every call and sums the parts', () => {
    const [row] = project(input({ routedCallsPerShard: 1 }), [1000]).rows;
    const c = row.costPerMillion;
    expect(c.doRequests).toBeCloseTo(4 * PRICES.doRequestsPerMillion, 12);
    expect(c.workerRequests).toBe(PRICES.workerRequestsPerMillion);
    expect(c.total).toBeCloseTo(c.workerRequests + c.workerCpu + c.doRequests + c.doDuration, 12);
  });
});

describe('shardsFor and fitPowerLaw', () => {
  it('cuts the stored bytes at the shard budget', () => {
    expect(shardsFor(1000, input())).toBe(4);
    expect(shardsFor(1024, input())).toBe(4);
    expect(shardsFor(1025, input())).toBe(5);
  });

  it('recovers an exact power law', () => {
    const f = fitPowerLaw([1, 10, 100].map((x) => ({ x, y: 3 * x ** 0.5 })));
    expect(f.a).toBeCloseTo(3, 9);
    expect(f.b).toBeCloseTo(0.5, 9);
  });
});
