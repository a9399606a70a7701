import { describe, expect, it } from 'vitest';
import { COVERAGE_EXPONENT, coverageFactor, coverageFactors } from './coverage.js';

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

describe('coverageFactors', () => {
  it('holds coverageFactor for every count of matched clauses', () => {
    const t = coverageFactors(5);
    expect(t.length).toBe(6);
    for (let m = 0; m <= 5; m++) expect(t[m]).toBe(coverageFactor(m, 5));
    expect(Array.from(coverageFactors(0))).toEqual([1]);
  });
});
