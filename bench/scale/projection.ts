/**
 * Extrapolation of the measured 35k deployment to 1M and 10M articles: shard count, memory per
 * shard and in the front Worker, fan-out latency and request cost. Every number that is not
 * measured comes from an explicit assumption below; the printed table labels extrapolated rows.
 * @module
 */
import { pairBudgetFor } from '../../index-build/build-lexicon.js';
import { HOT_DICTIONARY_BUDGET_BYTES } from '../../index-build/lexicon-split.js';
import { STATIC_ASSET_LIMIT_BYTES } from '../../index-build/shard-plan.js';
import type { LexiconPoint } from './growth-child.js';

/**
 * Cloudflare Workers Paid list prices assumed (USD), before the monthly included allowances
 * (10M Worker requests, 30M CPU-ms, 1M DO requests, 400,000 GB-s).
 */
export const PRICES = {
  /** Per million Worker requests. */
  workerRequestsPerMillion: 0.3,
  /** Per million Worker CPU milliseconds. */
  workerCpuPerMillionMs: 0.02,
  /** Per million Durable Object requests (every RPC method call is one). */
  doRequestsPerMillion: 0.15,
  /** Per million GB-s of Durable Object duration (wall time while active, billed at 128 MB). */
  doGbSecondsPerMillion: 12.5,
  /** Memory a Durable Object is billed at, GB. */
  doBilledGb: 0.128,
} as const;

/** Platform limits the projection checks. */
export const PLATFORM = {
  /** Largest single static-asset file. */
  assetFileBytes: STATIC_ASSET_LIMIT_BYTES,
  /** Static-asset files per Worker version (Free / Paid). */
  assetFilesFree: 20_000,
  assetFilesPaid: 100_000,
  /** Memory of one isolate. */
  isolateBytes: 128 * 1024 * 1024,
} as const;

/** Round trip of one RPC from the front Worker to a Durable Object in the same region (assumed). */
export const ASSUMED_RPC_RTT_MS = 2;

/** y = a·x^b fitted by least squares on logarithms. */
export interface PowerLaw { a: number; b: number }

/** Fits y = a·x^b to points (x > 0, y > 0). */
export function fitPowerLaw(points: ReadonlyArray<{ x: number; y: number }>): PowerLaw {
  const lx = points.map((p) => Math.log(p.x));
  const ly = points.map((p) => Math.log(p.y));
  const n = points.length;
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += (lx[i] - mx) * (ly[i] - my); den += (lx[i] - mx) ** 2; }
  const b = den === 0 ? 1 : num / den;
  return { a: Math.exp(my - b * mx), b };
}

/** Evaluates a power law. */
export const powerLaw = (f: PowerLaw, x: number) => f.a * x ** f.b;

/** Measured inputs of the projection (35k run). */
export interface ProjectionInput {
  documents: number;
  shards: number;
  /** Total bytes of the document stores (decides the shard count, see index-build/shard-plan.ts). */
  documentsStoreBytes: number;
  /** Total bytes of all shard artifacts (postings + documents + suggest). */
  shardArtifactBytes: number;
  /** Stored-bytes budget per shard of the build. */
  maxShardBytes: number;
  /** Largest measured shard peak heap (heapUsed + arrayBuffers) during load + query, and with /suggest loaded. */
  shardPeakBytes: number;
  shardPeakWithSuggestBytes: number;
  lexicon: { bytes: number; peakBytes: number; points: LexiconPoint[] };
  /** Per-query means and p50s from the in-process phase profile (all queries of the mix). */
  phases: { planP50: number; planMean: number; mergeMean: number; hitsP50: number; hitsMean: number; meanHitShards: number; relaxedShare: number; perShardEvalMean: number };
  /** Median slowest-of-S shard evaluation time, by S (from the phase profile). */
  slowestOfS: Array<{ shards: number; ms: number }>;
  /** Local fan-out overhead per shard RPC (ms), from /health minus a no-index request. */
  rpcPerCallMs: number;
  /**
   * Measured Durable Object calls per search of the routed design divided by the shard count
   * (relevance, the query mix): scales with S. Without it, the design before routing is projected
   * (every shard, relaxed re-runs, one hits call per shard holding a page hit).
   */
  routedCallsPerShard?: number;
  /**
   * The routed design's modelled production p50 (ms) from the routing child's
   * `ParallelShardClock` (parallel-shards.ts): each search's own rounds, each round charged its
   * slowest shard call, plus the assumed RPC round trip per round. When given, the measured row's
   * parallel fan-out is this figure instead of the phase-profile estimate (plan + slowest shard +
   * hits), which assumed one round of every shard; other sizes have no measured shards to time.
   */
  measuredParallelP50Ms?: number;
  /**
   * The build's shard-size policy (`maxShardBytesFor`, index-build/shard-plan.ts): stored bytes per
   * shard for an archive of that many stored bytes. Absent: every size is cut at `maxShardBytes`.
   * Per-shard evaluation time is scaled by the projected shard size over the measured one.
   */
  maxShardBytesAt?: (totalStoredBytes: number) => number;
  /** Static-asset files per shard (head, blocks, title index). Default 3 (the format before blocks). */
  filesPerShard?: number;
}

/** One row of the projection. */
export interface ProjectionRow {
  documents: number;
  measured: boolean;
  shards: number;
  shardPeakMB: number;
  shardPeakWithSuggestMB: number;
  lexiconMB: number;
  frontPeakMB: number;
  lexiconFitsOneAsset: boolean;
  frontFitsIsolate: boolean;
  assetFiles: number;
  assetGB: number;
  /**
   * Fan-out latency with every shard called evaluated in parallel (own Durable Object each): the
   * production model's measured p50 at the measured size when given, else the phase-profile estimate.
   */
  fanOutParallelMs: number;
  /** The same work on 2 cores (`per-shard eval × shards / 2`), as on the benchmark machine. */
  fanOutTwoCoresMs: number;
  doRequestsPerSearch: number;
  costPerMillion: { workerRequests: number; workerCpu: number; doRequests: number; doDuration: number; total: number };
}

/** Stored bytes per shard the build's planner uses for `documents` articles of the measured average size. */
export function shardBytesFor(documents: number, m: Pick<ProjectionInput, 'documents' | 'documentsStoreBytes' | 'maxShardBytes' | 'maxShardBytesAt'>): number {
  return m.maxShardBytesAt ? m.maxShardBytesAt(documents * (m.documentsStoreBytes / m.documents)) : m.maxShardBytes;
}

/** Shard count the build's planner picks for `documents` articles of the measured average size. */
export function shardsFor(documents: number, m: Pick<ProjectionInput, 'documents' | 'documentsStoreBytes' | 'maxShardBytes' | 'maxShardBytesAt'>): number {
  return Math.max(1, Math.ceil((documents * (m.documentsStoreBytes / m.documents)) / shardBytesFor(documents, m)));
}

/** Expected number of distinct shards holding the 10 hits of a page when hits spread evenly over S shards. */
const hitShards = (S: number) => S * (1 - (1 - 1 / S) ** 10);

/** Projects the measured deployment to other collection sizes. */
export function project(m: ProjectionInput, sizes: readonly number[]): { rows: ProjectionRow[]; lexiconFit: PowerLaw; pairsFit: PowerLaw } {
  const pts = [...m.lexicon.points].sort((a, b) => a.documents - b.documents);
  const lexiconFit = fitPowerLaw(pts.map((p) => ({ x: p.documents, y: p.bytes })));
  const pairsFit = fitPowerLaw(pts.map((p) => ({ x: p.documents, y: p.pairs })));
  // The build caps the pairs at PAIR_BUDGET_BYTES (rarer pairs dropped first); the rest of the
  // lexicon (folded and exact dictionaries) grows with the vocabulary up to HOT_DICTIONARY_BUDGET_BYTES,
  // past which the rarest syllables go to the lexicon's tail (index-build/lexicon-split.ts).
  const pairBytesFit = fitPowerLaw(pts.map((p) => ({ x: p.documents, y: p.pairBytes })));
  const restFit = fitPowerLaw(pts.map((p) => ({ x: p.documents, y: p.bytes - p.pairBytes })));
  const projectedLexicon = (N: number) => {
    const rest = Math.min(powerLaw(restFit, N), HOT_DICTIONARY_BUDGET_BYTES);
    return rest + Math.min(powerLaw(pairBytesFit, N), pairBudgetFor(rest));
  };
  const MB = 1024 * 1024;
  const rows = sizes.map((N): ProjectionRow => {
    const measured = N === m.documents;
    const S = measured ? m.shards : shardsFor(N, m);
    const lexBytes = measured ? m.lexicon.bytes : projectedLexicon(N);
    const frontPeak = m.lexicon.peakBytes * (lexBytes / m.lexicon.bytes);
    const lexFiles = Math.ceil(lexBytes / PLATFORM.assetFileBytes);
    const hs = measured ? m.phases.meanHitShards : hitShards(S);
    const slowest = m.slowestOfS.find((x) => x.shards === S)?.ms ?? NaN;
    const calls = m.routedCallsPerShard !== undefined ? S * m.routedCallsPerShard : S * (1 + m.phases.relaxedShare) + hs;
    // Bigger shards than measured (the size policy) take proportionally longer per evaluation.
    const sizeRatio = measured ? 1 : shardBytesFor(N, m) / (m.documentsStoreBytes / m.shards);
    const perShardEval = m.phases.perShardEvalMean * sizeRatio;
    const slowestScaled = Math.abs(sizeRatio - 1) < 0.01 ? slowest : NaN; // measured only at the measured size
    // Shards evaluating a search: those called (routed design) or every shard (and again when relaxed).
    const active = m.routedCallsPerShard !== undefined ? calls : S * (1 + m.phases.relaxedShare);
    const fanOutParallelMs = measured && m.measuredParallelP50Ms !== undefined
      ? m.measuredParallelP50Ms
      : m.phases.planP50 + slowestScaled + m.phases.hitsP50 + 2 * ASSUMED_RPC_RTT_MS + m.rpcPerCallMs * calls;
    const fanOutTwoCoresMs = m.phases.planP50 + (perShardEval * active) / 2 + m.phases.hitsP50 + m.rpcPerCallMs * calls;
    const frontCpuMs = m.phases.planMean + m.phases.mergeMean * (S / m.shards) + m.rpcPerCallMs * calls;
    const doActiveMs = perShardEval * active + m.phases.hitsMean;
    const workerRequests = PRICES.workerRequestsPerMillion;
    const workerCpu = frontCpuMs * PRICES.workerCpuPerMillionMs;
    const doRequests = calls * PRICES.doRequestsPerMillion;
    const doDuration = (doActiveMs / 1000) * PRICES.doBilledGb * PRICES.doGbSecondsPerMillion;
    return {
      documents: N, measured, shards: S,
      shardPeakMB: m.shardPeakBytes / MB, shardPeakWithSuggestMB: m.shardPeakWithSuggestBytes / MB,
      lexiconMB: lexBytes / MB, frontPeakMB: frontPeak / MB,
      lexiconFitsOneAsset: lexBytes <= PLATFORM.assetFileBytes, frontFitsIsolate: frontPeak <= PLATFORM.isolateBytes,
      // Bigger shards hold proportionally more blocks (the head and title index are one file each either way).
      assetFiles: Math.round(((m.filesPerShard ?? 3) - 2) * sizeRatio * S + 2 * S) + lexFiles + 1,
      assetGB: ((m.shardArtifactBytes / m.shards) * sizeRatio * S + lexBytes) / 1024 ** 3,
      fanOutParallelMs, fanOutTwoCoresMs, doRequestsPerSearch: calls,
      costPerMillion: { workerRequests, workerCpu, doRequests, doDuration, total: workerRequests + workerCpu + doRequests + doDuration },
    };
  });
  return { rows, lexiconFit, pairsFit };
}
