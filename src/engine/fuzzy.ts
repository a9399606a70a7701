/**
 * Typo tolerance with a bounded cost: edit distance (with adjacent transpositions) computed with an
 * early exit, only for long query words, over the lexicon's folded syllables of compatible length.
 * @module
 */
import type { Lexicon } from '../index-format/lexicon.js';

/** Shortest folded word that gets typo tolerance (Vietnamese syllables are short: one edit there changes the word). */
export const FUZZY_MIN_LENGTH = 5;
/** Words of at least this length may be two edits away. */
export const FUZZY_TWO_EDITS_LENGTH = 8;

/** The edit distance allowed for a folded word. */
export function allowedEdits(folded: string): number {
  if (folded.length < FUZZY_MIN_LENGTH) return 0;
  return folded.length >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
}

const rowA = new Int32Array(66);
const rowB = new Int32Array(66);
const rowC = new Int32Array(66);

/**
 * Optimal-string-alignment distance between `a` and `b` if it is at most `max`, else `max + 1`.
 * Strings longer than 64 characters are compared only when equal.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la > 64 || lb > 64) return max + 1;
  let prev2 = rowC, prev = rowA, cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[lb];
}

/** A typo-corrected candidate. */
export interface FuzzyCandidate {
  term: string;
  distance: number;
  df: number;
}

/**
 * Folded lexicon words within the allowed edit distance of `folded` (excluding itself), closest
 * and most frequent first, at most `limit`. Cost: one bounded distance per lexicon word of
 * compatible length; call it only for words that {@link allowedEdits} admits.
 */
export function fuzzyCandidates(lexicon: Lexicon, folded: string, limit: number): FuzzyCandidate[] {
  const max = allowedEdits(folded);
  if (max === 0) return [];
  const dict = lexicon.folded;
  const out: FuzzyCandidate[] = [];
  const { offsets } = dict;
  for (let i = 0; i < dict.size; i++) {
    // Byte length approximates character length for mostly-ASCII folded words.
    const len = offsets[i + 1] - offsets[i];
    if (len < folded.length - max || len > folded.length + max) continue;
    const term = dict.termAt(i);
    if (term === folded) continue;
    const d = boundedEditDistance(folded, term, max);
    if (d <= max) out.push({ term, distance: d, df: lexicon.dfAt(i) });
  }
  out.sort((x, y) => x.distance - y.distance || y.df - x.df || (x.term < y.term ? -1 : 1));
  return out.slice(0, limit);
}
