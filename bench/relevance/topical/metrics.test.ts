import { describe, expect, it } from 'vitest';
import { dcgAtK, gradedPrecisionAtK, ndcgAtK } from './metrics.js';

describe('topical metrics', () => {
  it('counts grades ≥ 1 as relevant and divides by k', () => {
    expect(gradedPrecisionAtK([2, 1, 0, 2])).toBe(0.3);
    expect(gradedPrecisionAtK([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toBe(1);
  });

  it('discounts gains by rank', () => {
    expect(dcgAtK([2])).toBe(3);
    expect(dcgAtK([0, 1])).toBeCloseTo(1 / Math.log2(3));
  });

  it('is 1 for the ideal order, less for a worse one, 0 without relevant articles', () => {
    expect(ndcgAtK([2, 2, 1], [2, 2, 1])).toBe(1);
    expect(ndcgAtK([1, 2, 2], [2, 2, 1])).toBeLessThan(1);
    expect(ndcgAtK([0, 0], [])).toBe(0);
  });
});
