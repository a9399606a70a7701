import { describe, expect, it } from 'vitest';
import { SHORT_QUERY, WEIGHTS, pairWeight } from './query-weights.js';

describe('query weights', () => {
  it('gives adjacency in a short query the stronger weight', () => {
    expect(pairWeight(2)).toBe(WEIGHTS.shortQueryPair);
    expect(pairWeight(SHORT_QUERY)).toBe(WEIGHTS.shortQueryPair);
    expect(pairWeight(SHORT_QUERY + 1)).toBe(WEIGHTS.pair);
    expect(WEIGHTS.shortQueryPair).toBeGreaterThan(WEIGHTS.pair);
  });

  it('weighs what was typed above what was guessed', () => {
    expect(WEIGHTS.restored).toBeLessThan(WEIGHTS.exact);
    expect(WEIGHTS.synonym).toBeLessThan(WEIGHTS.folded);
    expect(WEIGHTS.prefix).toBeLessThan(WEIGHTS.folded);
  });
});
