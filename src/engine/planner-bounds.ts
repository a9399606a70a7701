/**
 * Upper bounds on the size of any {@link QueryPlan}, derived from the planner's {@link LIMITS} and the
 * synonym table. Tests assert every plan stays within them; they also document what a query can cost.
 * @module
 */
import { BUILTIN_ABBREVIATIONS } from '../analyzer/abbreviations.js';
import { BUILTIN_ALIASES } from '../analyzer/aliases.js';
import { analyzeQueryText } from '../analyzer/analyze.js';
import { LIMITS } from './planner/limits.js';
import { JOINED_TERMS_PER_WORD } from './planner/split-joined.js';
import type { SynonymTable } from './synonym-table.js';

/** Caps on the parts of a plan. */
export interface PlanBounds {
  /** Posting lists a plan may name in `terms`. */
  terms: number;
  /** Word clauses (≤ syllables planned). */
  clauses: number;
  /** Adjacency clauses. */
  pairClauses: number;
  /** Required keys. */
  required: number;
  /** Synonym terms one matched span can add. */
  synonymTermsPerSpan: number;
}

/**
 * Most terms one synonym span can add: the largest, over every rule side, of the terms its
 * alternatives expand to (one per single-word alternative, one per pair of a multi-word one).
 */
export function synonymTermsPerSpan(synonyms: SynonymTable, userPairs: ReadonlyArray<readonly [string, string]> = []): number {
  let max = 0;
  for (const side of [...BUILTIN_ABBREVIATIONS, ...BUILTIN_ALIASES, ...userPairs].flat()) {
    const folded = analyzeQueryText(side).map((t) => t.folded);
    for (const m of synonyms.find(folded)) {
      const n = m.alternatives.reduce((a, alt) => a + Math.max(1, alt.folded.length - 1), 0);
      if (n > max) max = n;
    }
  }
  return max;
}

/**
 * Bounds for plans made with this synonym table. Per planned syllable (≤ `maxSyllables`): its folded
 * key, its exact or restored key, one pair key, and its span's synonym terms; plus the last word's
 * completions, the typo corrections of at most `maxFuzzyWords` words, and the alternatives of at most
 * `maxJoinedWords` words typed joined.
 */
export function planBounds(synonyms: SynonymTable, userPairs: ReadonlyArray<readonly [string, string]> = []): PlanBounds {
  const perSpan = synonymTermsPerSpan(synonyms, userPairs);
  return {
    terms: LIMITS.maxSyllables * (3 + perSpan) + LIMITS.prefixExpansions + LIMITS.maxFuzzyWords * LIMITS.fuzzyExpansions + LIMITS.maxJoinedWords * JOINED_TERMS_PER_WORD,
    clauses: LIMITS.maxSyllables,
    pairClauses: Math.max(0, LIMITS.maxSyllables - 1),
    required: 2 * LIMITS.maxSyllables,
    synonymTermsPerSpan: perSpan,
  };
}
