/**
 * Typo tolerance with a bounded cost: candidates within the edit distance (with adjacent
 * transpositions) a word's length allows, only for long query words, found by walking the lexicon's
 * folded syllables as a trie (see `edit-distance-walk.ts`).
 * @module
 */
import { TYPO_MIN_DF, type Lexicon } from '../index-format/lexicon.js';
import { prefixTable, walkWithinDistance, type Checkpoint, type SortedTerms } from './edit-distance-walk.js';
import { utf8Bytes } from '../index-format/term-dictionary.js';

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
export const FUZZY_MIN_DF = TYPO_MIN_DF;

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

interface TypoWalks {
  forwardTable: Uint32Array;
  reversedTable: Uint32Array;
}

const walks = new WeakMap<SortedTerms, TypoWalks>();

/** Prefix tables of the folded and reversed typo dictionaries (computed once per dictionary: 512 KB). */
function typoWalks(folded: SortedTerms, reversed: SortedTerms): TypoWalks {
  let w = walks.get(folded);
  if (!w) {
    w = { forwardTable: prefixTable(folded), reversedTable: prefixTable(reversed) };
    walks.set(folded, w);
  }
  return w;
}

/**
 * Folded lexicon words within the allowed edit distance of `folded` (excluding itself and words seen
 * in fewer than {@link FUZZY_MIN_DF} documents), closest and most frequent first, at most `limit`.
 * Sublinear: walks the folded dictionary and the lexicon's reversed typo dictionary as tries (see
 * `edit-distance-walk.ts`), visiting only prefixes near the word: about 0.04 ms at the median and
 * 0.3 ms at p99 of CPU time at a million syllables (`npm run bench:typo` measures it).
 * Call it only for words that {@link allowedEdits} admits.
 */
export function fuzzyCandidates(lexicon: Lexicon, folded: string, limit: number): FuzzyCandidate[] {
  const max = allowedEdits(folded);
  if (max === 0) return [];
  const key = utf8Bytes(folded);
  const m = key.length;
  const found = new Map<number, number>();
  const add = (i: number, d: number) => {
    const had = found.get(i);
    if (d > 0 && (had === undefined || d < had)) found.set(i, d);
  };
  const terms = lexicon.folded;
  const reversed = lexicon.typoReversed;
  const { forwardTable, reversedTable } = typoWalks(terms, reversed);
  const reversedKey = key.slice().reverse();
  const forward = (checkpoints: Checkpoint[]) => walkWithinDistance(terms, forwardTable, key, { max, checkpoints, boundary: 'after' }, add);
  const backward = (checkpoints: Checkpoint[]) => walkWithinDistance(reversed, reversedTable, reversedKey, { max, checkpoints, boundary: 'before' }, (p, d) => add(reversed.index[p], d));
  // Pigeonhole over the word's parts A|B: an alignment's edits split into P (in A) + S (in B), an
  // edit on the boundary (a letter inserted there, or the two letters around it swapped) counting in
  // B in both walks. P = 0: the forward walk finds the term with A intact. Otherwise S ≤ max − 1,
  // which the walk over the reversed terms finds with B within that bound. For two edits A is one
  // byte shorter than half the word: B then holds its one edit over more letters, which keeps fewer
  // reversed prefixes alive (at a million syllables this lowers the p99; one more byte raises it).
  const a = (m >> 1) - (max - 1);
  forward([{ at: a, max: 0 }]);
  backward([{ at: m - a, max: max - 1 }]);
  const out = [...found].map(([i, distance]) => ({ i, distance, df: lexicon.dfAt(i) })).filter((c) => c.df >= FUZZY_MIN_DF);
  out.sort((x, y) => x.distance - y.distance || y.df - x.df || x.i - y.i);
  return out.slice(0, limit).map(({ i, distance, df }) => ({ term: terms.termAt(i), distance, df }));
}

/**
 * The same answer as {@link fuzzyCandidates} by a scan of every folded word (the reference the index
 * walk is tested and benchmarked against: linear in the vocabulary).
 */
export function fuzzyCandidatesByScan(lexicon: Lexicon, folded: string, limit: number): FuzzyCandidate[] {
  const max = allowedEdits(folded);
  if (max === 0) return [];
  const dict = lexicon.folded;
  const key = utf8Bytes(folded);
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
