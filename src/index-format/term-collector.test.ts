import { describe, expect, it } from 'vitest';
import { TermCollector } from './term-collector.js';
import { foldedKeyOfExact } from './term-keys.js';

/** The collector's triples seen at least `min` times, as `[a, b, c, occurrences]` strings. */
function tripleCounts(c: TermCollector, min: number): Array<[string, string, string, number]> {
  const text = c.exactCounts().map(([s]) => s);
  const { first, second, third, count } = c.tripleColumns(min);
  return Array.from(count, (n, i) => [text[first[i]], text[second[i]], text[third[i]], n]);
}

describe('TermCollector triples', () => {
  it('counts exact adjacent triples, never across a field or a punctuation break', () => {
    const c = new TermCollector();
    c.add(['Hà Nội mưa to'], ['hà nội mưa to, hà nội mưa']);
    c.add([], ['hà nội mưa']);
    const triples = new Map(tripleCounts(c, 1).map(([a, b, x, n]) => [`${a} ${b} ${x}`, n]));
    expect(triples.get('hà nội mưa')).toBe(4);
    expect(triples.get('nội mưa to')).toBe(2);
    expect(triples.has('mưa to hà')).toBe(false); // the comma breaks adjacency
    expect(tripleCounts(c, 3).map(([a, b, x]) => `${a} ${b} ${x}`)).toEqual(['hà nội mưa']);
  });

  it('keeps its pair counts as before', () => {
    const c = new TermCollector();
    c.add([], ['chính phủ họp', 'chính phủ']);
    expect(new Map(c.pairCounts(1))).toEqual(new Map([['chính phủ', 2], ['phủ họp', 1]]));
  });
});

describe('TermCollector exact keys', () => {
  it('stores an exact key only where the document also holds the folded key it begins with', () => {
    const c = new TermCollector();
    // A word cut to the longest token folds to other than its folded form's cut: folding drops the
    // extra marks, so the cut exact form has fewer letters than the cut folded form.
    const long = 'Ṩ̣'.repeat(40);
    const terms = c.add(['Hà Nội'], [`Đảng ${long} họp`]);
    const keys = new Set(Array.from(terms.termIds, (id) => c.keys[id]));
    expect(keys).toContain('ha=hà');
    expect(keys).toContain('dang=đảng');
    for (const k of keys) {
      const folded = foldedKeyOfExact(k);
      if (folded !== null) expect(keys, k).toContain(folded);
    }
    expect([...keys].some((k) => k.startsWith('ssss'))).toBe(true);
  });
});
