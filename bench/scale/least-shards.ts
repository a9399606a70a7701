/**
 * The lower limit of shard routing: how few shards an exact router could have asked for a page,
 * whatever its score bounds. The scale benchmark's routing step prints it beside the routed design,
 * so "shards called per search" can be read against what perfect per-shard bounds would give.
 * @module
 */
import type { ShardHit, ShardResult } from '../../src/engine/query-plan.js';
import { DEFAULT_TRACK_TOTAL_HITS } from '../../src/engine/search-service.js';

/**
 * The fewest shards an exact router must ask to answer a page: every shard holding a hit of the page
 * and, while the total is counted exactly (fewer than `trackTotalHits` matches in all), every shard
 * holding a match.
 * @param page the merged page (each hit names its shard)
 * @param results every shard's answer to the same plan
 */
export function leastShards(page: readonly Pick<ShardHit, 'shard'>[], results: readonly Pick<ShardResult, 'total'>[], trackTotalHits = DEFAULT_TRACK_TOTAL_HITS): number {
  const total = results.reduce((a, r) => a + r.total, 0);
  if (total < trackTotalHits) return results.filter((r) => r.total > 0).length;
  return new Set(page.map((h) => h.shard)).size;
}
