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

/** Lexicon words seen in fewer documents than this are not offered as corrections (often typos themselves). */
export const FUZZY_MIN_DF = 2;

const encoder = new TextEncoder();

/** {@link boundedEditDistance} over UTF-8 bytes `b[bs, be)` (no string decoding in the scan). */
function boundedByteDistance(a: Uint8Array, b: Uint8Array, bs: number, be: number, max: number): number {
  const la = a.length, lb = be - bs;
  if (Math.abs(la - lb) > max || la > 64 || lb > 64) return max + 1;
  let prev2 = rowC, prev = rowA, cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a[i - 1];
    for (let j = 1; j <= lb; j++) {
      const cb = b[bs + j - 1];
      let v = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      const sub = prev[j - 1] + (ca === cb ? 0 : 1);
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ca === b[bs + j - 2] && a[i - 2] === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[lb];
}

/**
 * Folded lexicon words within the allowed edit distance of `folded` (excluding itself and words seen
 * in fewer than {@link FUZZY_MIN_DF} documents), closest and most frequent first, at most `limit`.
 * Cost: one bounded byte-level distance per lexicon word of compatible length (a few ms over a
 * 70,000-word lexicon); call it only for words that {@link allowedEdits} admits.
 */
export function fuzzyCandidates(lexicon: Lexicon, folded: string, limit: number): FuzzyCandidate[] {
  const max = allowedEdits(folded);
  if (max === 0) return [];
  const dict = lexicon.folded;
  const key = encoder.encode(folded);
  const { offsets, bytes } = dict;
  const found: Array<{ i: number; distance: number; df: number }> = [];
  const hist = new Int32Array(256);
  for (const b of key) hist[b]++;
  for (let i = 0; i < dict.size; i++) {
    const s = offsets[i];
    const len = offsets[i + 1] - s;
    if (len < key.length - max || len > key.length + max) continue;
    const df = lexicon.dfAt(i);
    if (df < FUZZY_MIN_DF) continue;
    // Cheap filter: each edit changes the letter multiset by at most 2.
    let diff = 0;
    for (let k = s; k < s + len; k++) diff += hist[bytes[k]]-- > 0 ? -1 : 1;
    for (let k = s; k < s + len; k++) hist[bytes[k]]++;
    if (key.length + diff > 2 * max) continue;
    const d = boundedByteDistance(key, bytes, s, s + len, max);
    if (d > 0 && d <= max) found.push({ i, distance: d, df });
  }
  found.sort((x, y) => x.distance - y.distance || y.df - x.df || x.i - y.i);
  return found.slice(0, limit).map(({ i, distance, df }) => ({ term: dict.termAt(i), distance, df }));
}
