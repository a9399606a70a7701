import { describe, expect, it } from 'vitest';
import { firstRelevantRank, mrrAtK, percentile, precisionAtK, round, successAtK } from './metrics.js';

describe('firstRelevantRank', () => {
  const rel = (id: string) => id === 'x' || id === 'y';
  it('returns the 1-based rank of the first relevant id', () => {
    expect(firstRelevantRank(['a', 'y', 'x'], rel)).toBe(2);
    expect(firstRelevantRank(['x'], rel)).toBe(1);
  });
  it('returns 0 when nothing relevant is within k', () => {
    expect(firstRelevantRank(['a', 'b', 'x'], rel, 2)).toBe(0);
    expect(firstRelevantRank([], rel)).toBe(0);
  });
});

describe('successAtK / mrrAtK', () => {
  const ranks = [1, 2, 0, 11, 10];
  it('counts ranks within the cutoff', () => {
    expect(successAtK(ranks, 1)).toBeCloseTo(1 / 5);
    expect(successAtK(ranks, 10)).toBeCloseTo(3 / 5);
    expect(successAtK(ranks, 100)).toBeCloseTo(4 / 5);
  });
  it('averages reciprocal ranks, 0 beyond the cutoff', () => {
    expect(mrrAtK(ranks, 10)).toBeCloseTo((1 + 1 / 2 + 1 / 10) / 5);
    expect(mrrAtK([1, 1], 10)).toBe(1);
  });
  it('is 0 for no queries', () => {
    expect(successAtK([], 10)).toBe(0);
    expect(mrrAtK([], 10)).toBe(0);
  });
});

describe('precisionAtK', () => {
  const rel = (id: string) => id.startsWith('r');
  it('divides by the entries looked at', () => {
    expect(precisionAtK(['r1', 'a', 'r2', 'b'], rel, 2)).toBe(0.5);
    expect(precisionAtK(['r1', 'r2'], rel, 10)).toBe(1);
    expect(precisionAtK([], rel, 10)).toBe(0);
  });
});

describe('percentile / round', () => {
  it('uses the nearest rank', () => {
    const v = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 95)).toBe(10);
    expect(percentile(v, 100)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });
  it('rounds to fixed decimals', () => {
    expect(round(0.123456)).toBe(0.1235);
    expect(round(2 / 3, 2)).toBe(0.67);
  });
});
