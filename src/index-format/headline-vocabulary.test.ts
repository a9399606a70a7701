import { describe, expect, it } from 'vitest';
import { compactHeadlines, positionIn } from './headline-vocabulary.js';

describe('compactHeadlines', () => {
  it('renumbers both columns to positions in their shared, sorted vocabulary', () => {
    const terms = Uint32Array.from([700_000, 12, 12, 95_000]);
    const exact = Uint32Array.from([700_001, 12, 13, 95_000]);
    const c = compactHeadlines(terms, exact);
    expect([...c.vocabulary]).toEqual([12, 13, 95_000, 700_000, 700_001]);
    expect(c.terms).toBeInstanceOf(Uint16Array);
    expect([...c.terms]).toEqual([3, 0, 0, 2]);
    expect([...c.exact]).toEqual([4, 0, 1, 2]);
    for (let i = 0; i < terms.length; i++) {
      expect(c.vocabulary[c.terms[i]]).toBe(terms[i]);
      expect(c.vocabulary[c.exact[i]]).toBe(exact[i]);
    }
  });

  it('keeps 32-bit positions when the vocabulary is larger than 65,536 keys', () => {
    const terms = Uint32Array.from({ length: 70_000 }, (_, i) => 3 * i);
    const c = compactHeadlines(terms, terms);
    expect(c.vocabulary.length).toBe(70_000);
    expect(c.terms).toBeInstanceOf(Uint32Array);
    expect(c.terms[69_999]).toBe(69_999);
  });

  it('is 16-bit at exactly 65,536 keys (positions 0…65,535)', () => {
    const terms = Uint32Array.from({ length: 0x10000 }, (_, i) => i * 2);
    const c = compactHeadlines(terms, new Uint32Array(0));
    expect(c.terms).toBeInstanceOf(Uint16Array);
    expect(c.terms[0xffff]).toBe(0xffff);
  });

  it('handles empty columns', () => {
    const c = compactHeadlines(new Uint32Array(0), new Uint32Array(0));
    expect(c.vocabulary.length).toBe(0);
    expect(c.terms.length).toBe(0);
  });
});

describe('positionIn', () => {
  it('finds a term or answers -1', () => {
    const v = Uint32Array.from([2, 5, 9, 4_000_000_000]);
    expect(positionIn(v, 2)).toBe(0);
    expect(positionIn(v, 9)).toBe(2);
    expect(positionIn(v, 4_000_000_000)).toBe(3);
    expect(positionIn(v, 0)).toBe(-1);
    expect(positionIn(v, 6)).toBe(-1);
    expect(positionIn(v, 4_000_000_001)).toBe(-1);
    expect(positionIn(new Uint32Array(0), 1)).toBe(-1);
  });
});
