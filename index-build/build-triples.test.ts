import { describe, expect, it } from 'vitest';
import { MIN_TRIPLE_COUNT, TRIPLE_COST_BYTES, TRIPLE_GROUP_COST_BYTES, chooseTripleMinimum } from './build-triples.js';
import { buildLexicon } from './build-lexicon.js';
import { TermCollector } from '../src/index-format/term-collector.js';
import { lexiconOf, openLexicon, repeat } from '../test/fixtures/lexicon.fixture.js';

describe('chooseTripleMinimum', () => {
  // First pair index and occurrences of each triple: pairs 1 and 2 start two triples each.
  const firstPair = [1, 1, 2, 2, 3];
  const counts = [9, 5, 5, 3, 3];
  const cost = (triplesKept: number, groups: number) => triplesKept * TRIPLE_COST_BYTES + groups * TRIPLE_GROUP_COST_BYTES;

  it('keeps every triple when they fit', () => {
    expect(chooseTripleMinimum(firstPair, counts, cost(5, 3))).toBe(MIN_TRIPLE_COUNT);
  });

  it('raises the minimum count, whole count levels at a time, counting each first pair once', () => {
    expect(chooseTripleMinimum(firstPair, counts, cost(3, 2))).toBe(5); // 9 and both 5s; pair 1 already has a group
    expect(chooseTripleMinimum(firstPair, counts, cost(3, 2) - 1)).toBe(9);
    expect(chooseTripleMinimum(firstPair, counts, 0)).toBe(10);
  });
});

describe('triples in the lexicon', () => {
  const corpus = [
    ...repeat('truyền thông xã hội', 20),
    ...repeat('hãng taxi truyền thống', 5),
    ...repeat('bản sắc văn hóa', 6), // a triple whose pairs are the pairs' only readings: not informative
  ];

  it('keeps a triple whose pair is not the usual reading of its folded pair (taxi truyền thống)', () => {
    const lx = lexiconOf(corpus);
    expect(lx.pairCount('truyền', 'thông')).toBe(20);
    expect(lx.tripleCount('taxi', 'truyền', 'thống')).toBe(5);
    expect(lx.tripleCount('hãng', 'taxi', 'truyền')).toBe(0); // both pairs are their folded pair's top reading
    expect(lx.tripleCount('bản', 'sắc', 'văn')).toBe(0);
    expect(lx.meta.minTrigramCount).toBe(MIN_TRIPLE_COUNT);
  });

  it('keeps the triples of a folded triple read more than one way', () => {
    const lx = lexiconOf([...repeat('đảng bộ tỉnh', 3), ...repeat('đang bổ tỉnh', 2)]);
    expect(lx.tripleCount('đảng', 'bộ', 'tỉnh')).toBe(3);
    expect(lx.tripleCount('đang', 'bổ', 'tỉnh')).toBe(2);
  });

  it('drops the rarest triples first when over budget', () => {
    const lx = lexiconOf(corpus, { tripleBudgetBytes: 0 });
    expect(lx.tripleSize).toBe(0);
    expect(lx.meta.minTrigramCount).toBeGreaterThan(5);
  });

  it('is deterministic: the same documents in another order give identical bytes', () => {
    const build = (texts: string[]) => {
      const c = new TermCollector();
      for (const t of texts) c.add([], [t]);
      return buildLexicon(c);
    };
    const docs = [...corpus, ...repeat('đảng bộ tỉnh', 3), ...repeat('đang bổ tỉnh', 2)];
    const a = build(docs);
    expect(Buffer.from(build([...docs].reverse())).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(build(docs)).equals(Buffer.from(a))).toBe(true);
    expect(openLexicon(a).tripleSize).toBeGreaterThan(0);
  });
});
