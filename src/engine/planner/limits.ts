/**
 * Bounds that keep any query's cost small, whatever is typed (see `planner-bounds.ts` for what they
 * imply for a whole plan).
 * @module
 */

/** Bounds that keep any query's cost small, whatever is typed. */
export const LIMITS = {
  /** Syllables planned; the rest of a very long query is ignored (and reported). */
  maxSyllables: 64,
  /** Completions of the last word. */
  prefixExpansions: 6,
  /** Shortest last word that gets completed. */
  minPrefixLength: 2,
  /** Corrections per misspelled word. */
  fuzzyExpansions: 4,
  /** Words per query that get typo tolerance. */
  maxFuzzyWords: 3,
  /** Words per query tried as syllables typed joined (`hanoi`); the rest are taken as typed. */
  maxJoinedWords: 4,
  /** Excluded keys (`-word`, `-"phrase"` pairs); further exclusions are ignored. */
  maxExcluded: 16,
};
