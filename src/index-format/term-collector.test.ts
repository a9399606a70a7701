import { describe, expect, it } from 'vitest';
import { TermCollector } from './term-collector.js';

describe('TermCollector triples', () => {
  it('counts exact adjacent triples, never across a field or a punctuation break', () => {
    const c = new TermCollector();
    c.add(['Hà Nội mưa to'], ['hà nội mưa to, hà nội mưa']);
    c.add([], ['hà nội mưa']);
    const triples = new Map(c.tripleCounts(1).map(([a, b, x, n]) => [`${a} ${b} ${x}`, n]));
    expect(triples.get('hà nội mưa')).toBe(4);
    expect(triples.get('nội mưa to')).toBe(2);
    expect(triples.has('mưa to hà')).toBe(false); // the comma breaks adjacency
    expect(c.tripleCounts(3).map(([a, b, x]) => `${a} ${b} ${x}`)).toEqual(['hà nội mưa']);
  });

  it('keeps its pair counts as before', () => {
    const c = new TermCollector();
    c.add([], ['chính phủ họp', 'chính phủ']);
    expect(new Map(c.pairCounts(1))).toEqual(new Map([['chính phủ', 2], ['phủ họp', 1]]));
  });
});
