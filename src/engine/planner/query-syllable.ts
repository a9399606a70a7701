/**
 * The planner's working unit: one syllable of the query as it moves through the stages (analyzed,
 * maybe decoded from Telex/VNI, maybe restored), with where it stood in the query.
 * @module
 */
import type { Token } from '../../analyzer/tokenize.js';

/** One query syllable and what the planner learned about it. */
export interface QuerySyllable {
  token: Token;
  exact: string;
  folded: string;
  /** Typed (or decoded) with diacritics that the index keeps an exact key for (`storesExactKey`). */
  accented: boolean;
  /** Directly follows the previous syllable in the same segment. */
  adjacent: boolean;
  quoted: boolean;
  /** Decoded from Telex or VNI. */
  decoded: boolean;
  /** The accented reading restoration chose, or null. */
  restored: string | null;
  /**
   * Typed without marks in a query typed with diacritics, and not restored to a reading with marks:
   * meant as written (`ty` in `công ty`, not tỷ).
   */
  asWritten: boolean;
  /** Index of the query-syntax segment it came from. */
  segment: number;
  /** Set when the syllable is a part of a word typed joined (`ha` of `hanoi`): see `split-joined.ts`. */
  joined?: JoinedWord;
  /**
   * A word kept as typed whose split into syllables (folded) is searched as an alternative
   * (`thethao` → `the`, `thao`): see `split-joined.ts`.
   */
  splitAlternative?: string[];
  /** A whole number's other way of writing (`1000` for `1.000`), searched as an alternative: see `number-forms.ts`. */
  numberAlternative?: string;
}

/** Where a syllable split from a joined word came from. */
export interface JoinedWord {
  /** The word as typed, folded (`hanoi`). */
  literal: string;
  /** The word as typed, exact (`hanoi`, or `hànội`). */
  literalExact: string;
  /** This syllable's place among the word's parts (0 for the first). */
  part: number;
  /** How many syllables the word became. */
  parts: number;
}

/**
 * The syllables written right before and after syllable `i` (null where punctuation, a new segment
 * or the query's edge comes between): the context the planner's stages weigh pairs against.
 */
export function adjacentNeighbours(syllables: readonly QuerySyllable[], i: number): { prev: QuerySyllable | null; next: QuerySyllable | null } {
  return {
    prev: i > 0 && syllables[i].adjacent ? syllables[i - 1] : null,
    next: i + 1 < syllables.length && syllables[i + 1].adjacent ? syllables[i + 1] : null,
  };
}

/** Words and abbreviations (not numbers or symbols): what restoration, completion and synonyms apply to. */
export const isWordLike = (s: QuerySyllable): boolean => s.token.kind === 'word' || s.token.kind === 'abbreviation';

/**
 * The accented reading the query was interpreted as, when decoding, splitting a joined word or
 * restoration changed any syllable (undefined otherwise).
 */
export function interpretation(syllables: readonly QuerySyllable[]): string | undefined {
  const changed = syllables.some((s) => s.decoded || s.restored || s.joined);
  return changed ? syllables.map((s) => (s.restored ?? (s.decoded ? s.exact : s.token.exact))).join(' ') : undefined;
}
