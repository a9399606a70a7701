import { describe, expect, it } from 'vitest';
import { pairsToLookUp, relatedKeys, relatedPlan, RELATED_LIMITS, type PairEstimates } from './related-plan.js';
import { sourceTerms, type SourceTerm } from './source-terms.js';

const term = (key: string, tf: number, first: number, uses = 1): SourceTerm => {
  const parts = key.split(' ');
  return parts.length === 2 ? { key, pair: true, tf, uses, first, exact: [parts[0], parts[1]] } : { key, pair: false, tf, uses, first };
};

describe('pairsToLookUp', () => {
  const counts: Record<string, number> = { 'ha noi': 5000, 'duong sat': 40, 'nhon ga': 3, 'rieng bai': 2 };
  const estimates: PairEstimates = { count: (a, b) => counts[`${a} ${b}`] ?? 0, minCount: 2 };

  it('ranks rarer, more used pairs first and skips pairs only the indexed source uses', () => {
    const terms = [term('ha noi', 4, 0), term('duong sat', 4, 2), term('nhon ga', 4, 5), term('rieng bai', 1, 7, 2), term('chua thay', 1, 9)];
    // 'rieng bai' occurs twice in the collection, both times in the source; 'chua thay' once (the lexicon lacks it).
    expect(pairsToLookUp(terms, 35_000, estimates, true)).toEqual(['nhon ga', 'duong sat', 'ha noi']);
    // A draft is not in the index: every pair may find something (used once, they rank below the pairs used 4 times but rare).
    expect(pairsToLookUp(terms, 35_000, estimates, false)).toEqual(['nhon ga', 'duong sat', 'chua thay', 'rieng bai', 'ha noi']);
  });

  it('looks up at most maxPairLookups pairs whatever the article', () => {
    const many = Array.from({ length: 5000 }, (_, i) => term(`a${i} b${i}`, 1, i));
    const est: PairEstimates = { count: () => 7, minCount: 2 };
    expect(pairsToLookUp(many, 35_000, est, true)).toHaveLength(RELATED_LIMITS.maxPairLookups);
  });
});

describe('relatedKeys and relatedPlan', () => {
  const N = 10_000;
  const df: Record<string, number> = { metro: 30, nhon: 12, ha: 4000, noi: 3500, tau: 900, mot: 1 };
  const stats = (pairDf: Record<string, number> = {}, minDf = 2) => ({ documentCount: N, syllableDf: (f: string) => df[f] ?? 0, pairDf: new Map(Object.entries(pairDf)), minDf });

  it('keeps distinctive keys, strongest first; too rare and too common ones are left out', () => {
    const terms = [term('metro', 8, 0), term('nhon', 2, 1), term('ha', 9, 2), term('tau', 1, 3), term('mot', 3, 4), term('ga ha', 2, 5), term('nhon ga', 4, 6)];
    const keys = relatedKeys(terms, stats({ 'nhon ga': 5, 'ga ha': 1 }));
    const names = keys.map((k) => k.key);
    expect(names.slice(0, 2).sort()).toEqual(['metro', 'nhon ga']);
    expect(names).toEqual(expect.arrayContaining(['metro', 'nhon', 'tau']));
    expect(names).not.toContain('ha'); // in 40% of the collection
    expect(names).not.toContain('mot'); // only in the source
    expect(names).not.toContain('ga ha'); // only in the source
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1].strength).toBeGreaterThanOrEqual(keys[i].strength);
    // For a draft, a key one article has is useful.
    expect(relatedKeys(terms, stats({ 'nhon ga': 5, 'ga ha': 1 }, 1)).map((k) => k.key)).toContain('ga ha');
  });

  it('plans one clause per key with weights relative to the strongest, at least two to match', () => {
    const keys = relatedKeys([term('metro', 8, 0), term('nhon', 2, 1), term('tau', 1, 3)], stats());
    const plan = relatedPlan(keys, ['metro', 'nhon']);
    expect(plan.terms.map((t) => t.clause)).toEqual([0, 1, 2]);
    expect(plan.terms[0].weight).toBe(1);
    expect(plan.terms.every((t) => t.weight > 0 && t.weight <= 1)).toBe(true);
    expect(plan).toMatchObject({ clauseCount: 3, pairClauseCount: 0, minShouldMatch: 2, required: [], excluded: [], syllables: ['metro', 'nhon'] });
    expect(relatedPlan([]).terms).toEqual([]);
    expect(relatedPlan([]).syllables).toEqual([]);
  });

  it('a very long article plans at most maxTerms posting lists', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `tu${i % 700} khac${i % 500}`).join(' ');
    const terms = sourceTerms({ title: 'Một bài viết rất dài', body: words.repeat(3) });
    const everything = { documentCount: N, syllableDf: () => 5, pairDf: new Map(terms.filter((t) => t.pair).map((t) => [t.key, 5])), minDf: 2 };
    const plan = relatedPlan(relatedKeys(terms, everything));
    expect(terms.length).toBeGreaterThan(500);
    expect(plan.terms.length).toBe(RELATED_LIMITS.maxTerms);
    expect(plan.terms.filter((t) => t.key.includes(' ')).length).toBeLessThanOrEqual(RELATED_LIMITS.maxPairs);
  });
});
