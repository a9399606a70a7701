import { describe, expect, it } from 'vitest';
import { bucketUpperMs, latencyBucket, MAX_LATENCY_MS, mergeInto, percentile, type Histogram } from './latency-histogram.js';

describe('latency histogram', () => {
  it('keeps small latencies exact and larger ones within 8%', () => {
    for (let ms = 0; ms <= 20; ms++) expect(bucketUpperMs(latencyBucket(ms))).toBe(ms);
    for (const ms of [21, 37, 100, 454, 999, 1163, 5000, 30_000]) {
      const upper = bucketUpperMs(latencyBucket(ms));
      expect(upper, String(ms)).toBeGreaterThanOrEqual(ms);
      expect(upper, String(ms)).toBeLessThanOrEqual(ms * 1.08 + 1);
    }
  });

  it('clamps nonsense and huge values', () => {
    expect(latencyBucket(-5)).toBe(0);
    expect(latencyBucket(Number.NaN)).toBe(0);
    expect(bucketUpperMs(latencyBucket(10 * MAX_LATENCY_MS))).toBe(MAX_LATENCY_MS);
    expect(latencyBucket(MAX_LATENCY_MS)).toBeLessThanOrEqual(125);
  });

  it('reads percentiles (nearest rank)', () => {
    const h: Histogram = new Map();
    for (let ms = 1; ms <= 100; ms++) mergeInto(h, [[latencyBucket(ms), 1]]);
    expect(percentile(h, 50)).toBeGreaterThanOrEqual(50);
    expect(percentile(h, 50)).toBeLessThanOrEqual(54);
    expect(percentile(h, 95)).toBeGreaterThanOrEqual(95);
    expect(percentile(h, 95)).toBeLessThanOrEqual(103);
    expect(percentile(new Map(), 50)).toBeNull();
    expect(percentile(new Map([[3, 10]]), 99)).toBe(3);
  });
});
