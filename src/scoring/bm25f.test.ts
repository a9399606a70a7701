import { describe, expect, it } from 'vitest';
import { DEFAULT_BM25F, idf, impact, maxImpact, type Bm25fConstants } from './bm25f.js';

const C = DEFAULT_BM25F;
const N = 10_000;
const IDF = idf(N, 50);
/** Impact of a term in a document of average length (title 10, body 300 tokens). */
const at = (tfTitle: number, tfBody: number, c: Bm25fConstants = C) => impact(IDF, tfTitle, tfBody, 10, 300, 10, 300, c);

describe('idf', () => {
  it('is the Robertson–Spärck Jones formula', () => {
    expect(idf(N, 50)).toBeCloseTo(Math.log(1 + (N - 50 + 0.5) / 50.5), 12);
  });

  it('strictly decreases as a term gets more common', () => {
    let prev = Infinity;
    for (const df of [1, 2, 10, 100, 1000, 5000, 9999, N]) {
      const v = idf(N, df);
      expect(v).toBeLessThan(prev);
      prev = v;
    }
  });

  it('stays positive even for a term in every document', () => {
    expect(idf(N, N)).toBeGreaterThan(0);
    expect(idf(1, 1)).toBeGreaterThan(0);
  });
});

describe('impact', () => {
  it('is zero when the term does not occur', () => {
    expect(at(0, 0)).toBe(0);
  });

  it('grows with term frequency, with diminishing returns, below idf × (k1 + 1)', () => {
    const ceiling = IDF * (C.k1 + 1);
    const values = Array.from({ length: 20 }, (_, tf) => at(0, tf));
    for (let tf = 1; tf < values.length; tf++) {
      expect(values[tf]).toBeGreaterThan(values[tf - 1]);
      expect(values[tf]).toBeLessThan(ceiling);
      if (tf >= 2) expect(values[tf] - values[tf - 1]).toBeLessThan(values[tf - 1] - values[tf - 2]);
    }
    expect(at(0, 1e6)).toBeCloseTo(ceiling, 4);
  });

  it('weights one title occurrence like titleWeight body occurrences', () => {
    expect(at(1, 0)).toBeCloseTo(at(0, C.titleWeight), 12);
    expect(at(1, 0)).toBeGreaterThan(at(0, 1));
    expect(at(1, 0, { ...C, titleWeight: 1 })).toBeCloseTo(at(0, 1), 12);
  });

  it('scales linearly with idf', () => {
    expect(impact(2 * IDF, 1, 3, 10, 300, 10, 300, C)).toBeCloseTo(2 * at(1, 3), 12);
  });

  it('favours shorter bodies than average and penalises longer ones (b > 0)', () => {
    const short = impact(IDF, 0, 2, 10, 100, 10, 300, C);
    const long = impact(IDF, 0, 2, 10, 900, 10, 300, C);
    expect(short).toBeGreaterThan(at(0, 2));
    expect(long).toBeLessThan(at(0, 2));
    // With no length normalisation the length does not matter.
    const noB = { ...C, bBody: 0 };
    expect(impact(IDF, 0, 2, 10, 900, 10, 300, noB)).toBeCloseTo(impact(IDF, 0, 2, 10, 100, 10, 300, noB), 12);
  });

  it('treats a zero average length as average (no division by zero)', () => {
    const v = impact(IDF, 1, 1, 0, 0, 0, 0, C);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeCloseTo(at(1, 1), 12);
  });
});

describe('maxImpact', () => {
  it('bounds the impact of any posting in the collection', () => {
    const bound = maxImpact(N, C);
    expect(bound).toBeCloseTo(idf(N, 1) * (C.k1 + 1), 12);
    for (const df of [1, 7, 500]) {
      for (const [tt, tb, lt, lb] of [[1, 0, 1, 1], [5, 500, 2, 600], [0, 1_000_000, 10, 1]]) {
        expect(impact(idf(N, df), tt, tb, lt, lb, 10, 300, C)).toBeLessThan(bound);
      }
    }
  });
});
