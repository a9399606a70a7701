/**
 * Per-day latency distributions of search insights, stored as a histogram: exact milliseconds up to
 * 20 ms, then buckets 8% wide (so a percentile read from it is within 8% of the true value), up to
 * one minute. A day needs at most 126 rows whatever the traffic.
 * @module
 */

/** Milliseconds counted exactly. */
const EXACT_MS = 20;
const GROWTH = 1.08;
/** Largest latency recorded; slower searches count as this. */
export const MAX_LATENCY_MS = 60_000;

/** The bucket of a latency. */
export function latencyBucket(ms: number): number {
  const v = Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(Number.isFinite(ms) ? ms : 0)));
  if (v <= EXACT_MS) return v;
  return EXACT_MS + Math.ceil(Math.log(v / EXACT_MS) / Math.log(GROWTH) - 1e-9);
}

/** The largest latency (ms) a bucket holds. */
export function bucketUpperMs(bucket: number): number {
  if (bucket <= EXACT_MS) return bucket;
  return Math.min(MAX_LATENCY_MS, Math.floor(EXACT_MS * GROWTH ** (bucket - EXACT_MS)));
}

/** Counts per bucket. */
export type Histogram = Map<number, number>;

/** Adds one histogram into another. */
export function mergeInto(into: Histogram, from: Iterable<[number, number]>): Histogram {
  for (const [b, n] of from) into.set(b, (into.get(b) ?? 0) + n);
  return into;
}

/**
 * The `p`-th percentile (0–100) of a histogram, as the upper bound of the bucket holding it
 * (nearest-rank); `null` when empty.
 */
export function percentile(h: Histogram, p: number): number | null {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((a, [, n]) => a + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [b, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucketUpperMs(b);
  }
  return bucketUpperMs(buckets[buckets.length - 1][0]);
}
