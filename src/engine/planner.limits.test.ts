import { beforeAll, describe, expect, it } from 'vitest';
import { worstCases, type WorstCase } from '../../bench/worst-case/queries.js';
import { openTestIndex } from '../../test/support/node-test-index.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { isFoldedKey } from '../index-format/term-keys.js';
import { FUZZY_MIN_LENGTH } from './fuzzy.js';
import { planBounds } from './planner-bounds.js';
import { planQuery, type PlannedQuery } from './planner.js';
import { LIMITS } from './planner/limits.js';
import { WEIGHTS } from '../scoring/query-weights.js';
import type { SearchService } from './search-service.js';

/** What the planner asked of the lexicon while planning one query. */
interface LexiconUse {
  /** Typo-tolerance scans: `fuzzyCandidates` reads `lexicon.folded` once per scanned word. */
  fuzzyScans: number;
  /** `completions` calls and the largest limit asked for. */
  completionCalls: number;
  completionLimit: number;
}

/** A lexicon that counts the expensive calls the planner (not the lexicon itself) makes on it. */
function countingLexicon(lexicon: Lexicon, use: LexiconUse): Lexicon {
  return new Proxy(lexicon, {
    get(target, prop, receiver) {
      if (prop === 'folded') use.fuzzyScans++;
      if (prop === 'completions') {
        return (prefix: string, limit: number) => {
          use.completionCalls++;
          use.completionLimit = Math.max(use.completionLimit, limit);
          return target.completions(prefix, limit);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      // Methods run on the real lexicon, so only the planner's own reads are counted.
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

let svc: SearchService;
let cases: WorstCase[];

beforeAll(async () => {
  svc = await openTestIndex();
  cases = worstCases(svc.lexicon);
});

function plan(c: WorstCase): { planned: PlannedQuery; use: LexiconUse } {
  const use: LexiconUse = { fuzzyScans: 0, completionCalls: 0, completionLimit: 0 };
  const planned = planQuery(c.q, { lexicon: countingLexicon(svc.lexicon, use), synonyms: svc.synonyms }, { prefixLast: c.prefixLast });
  return { planned, use };
}

describe('planner caps on worst-case queries (see npm run bench:worst for timings)', () => {
  it('builds every worst case up to the query length limit', () => {
    expect(cases.map((c) => c.name)).toContain('fuzzy-8-letter-unknown');
    for (const c of cases) {
      expect(c.q.length, c.name).toBeGreaterThan(400);
      expect(c.q.length, c.name).toBeLessThanOrEqual(512);
    }
  });

  it('typo tolerance runs for at most maxFuzzyWords words, with at most fuzzyExpansions corrections each', () => {
    const c = cases.find((x) => x.name === 'fuzzy-8-letter-unknown')!;
    const words = c.q.split(' ');
    expect(words.length).toBeGreaterThan(LIMITS.maxFuzzyWords * 10);
    expect(words.every((w) => w.length >= FUZZY_MIN_LENGTH && svc.lexicon.df(w) === 0)).toBe(true);
    const { planned, use } = plan(c);
    expect(use.fuzzyScans).toBe(LIMITS.maxFuzzyWords);
    const corrections = planned.plan.terms.filter((t) => !words.includes(t.key) && isFoldedKey(t.key));
    expect(corrections.length).toBeLessThanOrEqual(LIMITS.maxFuzzyWords * LIMITS.fuzzyExpansions + LIMITS.prefixExpansions);
  });

  it('only the last word is completed, with at most prefixExpansions completions', () => {
    const c = cases.find((x) => x.name === 'prefix-2-letter')!;
    const { planned, use } = plan(c);
    expect(use.completionCalls).toBeLessThanOrEqual(1);
    expect(use.completionLimit).toBeLessThanOrEqual(LIMITS.prefixExpansions + 1);
    const prefixTerms = planned.plan.terms.filter((t) => t.weight === WEIGHTS.prefix);
    expect(prefixTerms.length).toBeLessThanOrEqual(LIMITS.prefixExpansions);
  });

  it('plans at most maxSyllables syllables and reports the rest as truncated', () => {
    for (const name of ['common-syllables', 'prefix-2-letter', 'repeated-word']) {
      const c = cases.find((x) => x.name === name)!;
      const { planned } = plan(c);
      expect(planned.plan.clauseCount, name).toBeLessThanOrEqual(LIMITS.maxSyllables);
      expect(planned.truncatedSyllables, name).toBeGreaterThan(0);
    }
  });

  it('every worst case stays within the plan bounds', () => {
    const bounds = planBounds(svc.synonyms, svc.manifest.synonyms);
    for (const c of cases) {
      const { planned, use } = plan(c);
      expect(planned.plan.terms.length, c.name).toBeLessThanOrEqual(bounds.terms);
      expect(planned.plan.required.length, c.name).toBeLessThanOrEqual(bounds.required);
      expect(use.fuzzyScans, c.name).toBeLessThanOrEqual(LIMITS.maxFuzzyWords);
      expect(use.completionCalls, c.name).toBeLessThanOrEqual(1);
    }
  });
});

describe('joined words are capped', () => {
  it('at most maxJoinedWords words are tried as syllables typed joined', () => {
    const c = cases.find((x) => x.name === 'joined-common-syllables')!;
    const words = c.q.split(' ');
    expect(words.length).toBeGreaterThan(LIMITS.maxJoinedWords * 3);
    const { planned } = plan(c);
    const split = planned.plan.syllables.length - words.length;
    expect(split).toBeGreaterThan(0);
    // Each split word adds at most MAX_SPLIT_SYLLABLES − 1 syllables.
    expect(split).toBeLessThanOrEqual(LIMITS.maxJoinedWords * 3);
  });
});

describe('exclusions are capped', () => {
  it('keeps at most LIMITS.maxExcluded excluded keys however many -words are typed', async () => {
    const { SynonymTable } = await import('./synonym-table.js');
    const lexicon = { df: () => 0, exactCount: () => 0, readings: () => [], pairCount: () => 0, completions: () => [], meta: { documentCount: 1 } } as never;
    const q = Array.from({ length: 100 }, (_, i) => `-w${i} -"a${i} b${i} c${i}"`).join(' ');
    const { plan } = planQuery(q, { lexicon, synonyms: new SynonymTable() });
    expect(plan.excluded.length).toBe(LIMITS.maxExcluded);
  });
});
