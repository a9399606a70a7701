/**
 * Ranking metrics for known-item and question-answering benchmarks. A query's outcome is the
 * 1-based rank of its first relevant result (0 when none was returned), so every metric can be
 * computed from one number per query.
 * @module
 */

/**
 * The 1-based rank of the first relevant id in a ranked list, looking at the first `k` only.
 * @param ranked result ids, best first
 * @param isRelevant whether an id counts as a correct answer
 * @param k how deep to look (default: the whole list)
 * @returns the rank (1 = first), or 0 when no relevant id is in the first `k`
 */
export function firstRelevantRank(ranked: readonly string[], isRelevant: (id: string) => boolean, k = ranked.length): number {
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) if (isRelevant(ranked[i])) return i + 1;
  return 0;
}

/**
 * Success@k: the share of queries whose first relevant result is at rank ≤ k.
 * @param ranks one {@link firstRelevantRank} per query (0 = not found)
 * @param k cutoff (≥ 1)
 * @returns a number in [0, 1]; 0 for no queries
 */
export function successAtK(ranks: readonly number[], k: number): number {
  if (ranks.length === 0) return 0;
  let hits = 0;
  for (const r of ranks) if (r >= 1 && r <= k) hits++;
  return hits / ranks.length;
}

/**
 * MRR@k: the mean over queries of 1/rank of the first relevant result, counting 0 when it is
 * missing or deeper than k.
 * @param ranks one {@link firstRelevantRank} per query (0 = not found)
 * @param k cutoff (≥ 1)
 * @returns a number in [0, 1]; 0 for no queries
 */
export function mrrAtK(ranks: readonly number[], k: number): number {
  if (ranks.length === 0) return 0;
  let sum = 0;
  for (const r of ranks) if (r >= 1 && r <= k) sum += 1 / r;
  return sum / ranks.length;
}

/**
 * Precision of a ranked list's first `k` entries: relevant ones divided by the entries looked at
 * (fewer than `k` when the list is shorter).
 * @param ranked result ids, best first
 * @param isRelevant whether an id counts as correct
 * @param k cutoff
 * @returns a number in [0, 1]; 0 for an empty list
 */
export function precisionAtK(ranked: readonly string[], isRelevant: (id: string) => boolean, k: number): number {
  const n = Math.min(k, ranked.length);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) if (isRelevant(ranked[i])) good++;
  return good / n;
}

/**
 * A percentile by the nearest-rank method.
 * @param values samples (not modified)
 * @param p percentile in (0, 100]
 * @returns the smallest sample ≥ p % of all samples; NaN for no samples
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/**
 * Rounds to a fixed number of decimals (for stable, diffable JSON).
 * @param x a number
 * @param decimals digits after the point (default 4)
 */
export function round(x: number, decimals = 4): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
