/**
 * Summaries of latency samples (milliseconds): count, mean and nearest-rank percentiles.
 * @module
 */
import { percentile, round } from './metrics.js';

/** A latency distribution in milliseconds. */
export interface LatencySummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Summarizes samples (nearest-rank percentiles, values rounded to 0.01 ms).
 * @param ms samples in milliseconds (not modified)
 * @returns the summary; NaN fields for no samples
 */
export function summarizeLatency(ms: readonly number[]): LatencySummary {
  const n = ms.length;
  const mean = n ? ms.reduce((a, b) => a + b, 0) / n : NaN;
  return {
    n,
    mean: round(mean, 2),
    p50: round(percentile(ms, 50), 2),
    p95: round(percentile(ms, 95), 2),
    p99: round(percentile(ms, 99), 2),
    max: round(n ? Math.max(...ms) : NaN, 2),
  };
}
