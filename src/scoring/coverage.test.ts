import { describe, expect, it } from 'vitest';
import { COVERAGE_EXPONENT, coverageFactor } from './coverage.js';

describe('coverageFactor', () => {
  it('is 1 for a document matching every clause, and for a query without clauses', () => {
    expect(coverageFactor(4, 4)).toBe(1);
    expect(coverageFactor(0, 0)).toBe(1);
  });

  it('is the share of clauses matched to the coverage exponent, increasing with the share', () => {
    expect(coverageFactor(1, 4)).toBeCloseTo(Math.pow(0.25, COVERAGE_EXPONENT));
    expect(coverageFactor(1, 4)).toBeLessThan(coverageFactor(3, 4));
  });
});
