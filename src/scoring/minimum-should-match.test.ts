import { describe, expect, it } from 'vitest';
import { minimumShouldMatch, queryMinimumShouldMatch } from './minimum-should-match.js';

describe('minimumShouldMatch', () => {
  it('requires every word of a short query, all but one of 4–6, 40% of a longer one', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10, 20].map(minimumShouldMatch)).toEqual([1, 2, 3, 3, 4, 5, 3, 4, 4, 8]);
  });

  it('never asks more of the remaining words than the whole query would need', () => {
    // 6 syllables of which 1 is a question word: 5 clauses need 4, the whole 6 would need 5 → 4.
    expect(queryMinimumShouldMatch(5, 6)).toBe(4);
    // 7 syllables, 5 clauses: 5 clauses alone would need 4, but 7 syllables need only 3.
    expect(queryMinimumShouldMatch(5, 7)).toBe(3);
    expect(queryMinimumShouldMatch(0, 0)).toBe(0);
  });
});
