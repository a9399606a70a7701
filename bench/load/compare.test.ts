import { describe, expect, it } from 'vitest';
import { compareModes, summarizeMode } from './compare.js';

describe('recording on/off comparison', () => {
  it('summarizes latencies and throughput', () => {
    const s = summarizeMode(Array.from({ length: 100 }, (_, i) => i + 1), 10);
    expect(s).toMatchObject({ responses: 100, perSecond: 10, p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
  });

  it('judges the cost against the budget', () => {
    const off = summarizeMode([10, 10, 10, 20], 1);
    expect(compareModes(off, summarizeMode([10.5, 10.5, 10.5, 21], 1)).within.all).toBe(true);
    const slower = compareModes(off, summarizeMode([12, 12, 12, 24], 1));
    expect(slower).toMatchObject({ p50Pct: 20, p99Pct: 20, within: { p50: false, p99: false, throughput: true, all: false } });
    expect(compareModes(off, summarizeMode([10, 10, 10], 1)).within.throughput).toBe(false);
  });
});
