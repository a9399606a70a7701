/**
 * Near-duplicate detection for related articles: an article's text as the set of its word
 * 3-shingles (three consecutive words), hashed to 32 bits, sorted and deduplicated. Two articles
 * are copies of one story when their sets overlap enough ({@link isNearDuplicate}): most of both
 * (Jaccard), or nearly all of the shorter one (containment: a shortened or extended reprint).
 *
 * Computed at query time from stored text, only for the few candidates of one related query, so the
 * index format does not change. The scan is a single pass over UTF-16 code units with no string
 * allocation per word; work is bounded by {@link MAX_SHINGLE_WORDS}.
 * @module
 */
import { classOfCode, isWordClass } from '../../analyzer/char-class.js';

/** Words read from one article; later words do not count (bounds the work on huge articles). */
export const MAX_SHINGLE_WORDS = 4000;

/**
 * Thresholds of {@link isNearDuplicate}, chosen on the baomoi corpus's 113 repeated headlines: pairs
 * of one story republished by two outlets (edited lead, extra paragraph) score Jaccard 0.65–1.0 or
 * containment ≥ 0.9; different stories under the same headline stay below 0.5 and 0.85.
 */
export const NEAR_DUPLICATE = { jaccard: 0.6, containment: 0.9 } as const;

/** Texts shorter than this many words are compared as whole word sequences instead of shingles. */
const MIN_WORDS_FOR_SHINGLES = 3;

/** Per UTF-16 code unit: its lower-case form when it is part of a word, 0 when it separates words, 0xffff unknown yet. */
const WORD_CODE = new Uint16Array(0x10000).fill(0xffff);

/** Lower-case code unit of a word character, or 0 for a separator (memoized per code unit). */
function wordCode(c: number): number {
  let w = WORD_CODE[c];
  if (w === 0xffff) {
    const lower = String.fromCharCode(c).toLowerCase();
    w = isWordClass(classOfCode(c)) ? (lower.length === 1 ? lower.charCodeAt(0) : c) : 0;
    if (w === 0xffff) w = 0xfffe;
    WORD_CODE[c] = w;
  }
  return w;
}

/** murmur3's 32-bit finalizer: spreads the bits of a combined hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The distinct hashed word 3-shingles of a text, ascending. Words are maximal runs of letters, marks
 * and digits, lower-cased; everything else separates them. A text of one or two words gives one
 * "shingle" of those words; an empty text gives an empty set.
 * @param text the article's title, lead and body joined (any string)
 */
export function shingleSet(text: string): Uint32Array {
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0, n = text.length; i < n && words.length < MAX_SHINGLE_WORDS; i++) {
    const c = wordCode(text.charCodeAt(i));
    if (c !== 0) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord && words.length < MAX_SHINGLE_WORDS) words.push(h >>> 0);
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < MIN_WORDS_FOR_SHINGLES) return Uint32Array.of(mix(words.reduce((a, w) => Math.imul(a ^ w, 0x9e3779b1), 7)));
  const out = new Uint32Array(words.length - 2);
  for (let i = 0; i + 2 < words.length; i++) {
    out[i] = mix(Math.imul(words[i], 0x9e3779b1) ^ Math.imul(words[i + 1], 0x85ebca77) ^ Math.imul(words[i + 2], 0xc2b2ae3d));
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.slice(0, n);
}

/** Size of the intersection of two ascending, duplicate-free arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) { n++; i++; j++; } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Overlap of two shingle sets. */
export interface Overlap {
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|). */
  containment: number;
}

/** Jaccard and containment of two shingle sets (0 when either is empty). */
export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  const inter = intersectionSize(a, b);
  return { jaccard: inter / (a.length + b.length - inter), containment: inter / Math.min(a.length, b.length) };
}

/** Elements of each set probed by {@link isNearDuplicate}'s pre-check. */
const PROBES = 24;

/** Share of the first (smallest-hash, so random) `PROBES` elements of `a` that are in `b`. */
function probeShare(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(PROBES, a.length);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    let lo = 0;
    let hi = b.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const y = b[mid];
      if (y === x) { found++; break; }
      if (y < x) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return found / n;
}

/**
 * Whether two articles are copies of one story: Jaccard ≥ {@link NEAR_DUPLICATE}.jaccard, or
 * containment ≥ {@link NEAR_DUPLICATE}.containment when the shorter text has at least
 * {@link MIN_CONTAINED_SHINGLES} shingles (a headline-only stub is not "contained" by chance).
 * Unrelated texts are rejected by a probe: hashes are uniformly spread, so the smallest few elements
 * of a set are a random sample of it, and a copy has most of its sample in the other set.
 */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length > PROBES && b.length > PROBES && Math.max(probeShare(a, b), probeShare(b, a)) < PROBE_REJECT) return false;
  const o = overlap(a, b);
  return o.jaccard >= NEAR_DUPLICATE.jaccard || (o.containment >= NEAR_DUPLICATE.containment && Math.min(a.length, b.length) >= MIN_CONTAINED_SHINGLES);
}

/**
 * Probe share below which two sets cannot be copies: a copy shares ≥ 0.6 of the smaller set (0.75
 * of both at Jaccard 0.6, 0.9 at containment 0.9); a sample of 24 from a set sharing 0.6 falls below
 * 0.3 with probability < 0.2%.
 */
const PROBE_REJECT = 0.3;

/** Fewest shingles the shorter text needs for containment alone to make a copy. */
export const MIN_CONTAINED_SHINGLES = 12;

/** The text of an article that its shingles are computed from: title, lead and body. */
export function shingleText(fields: { title: string; lead?: string; body: string }): string {
  return `${fields.title}\n${fields.lead ?? ''}\n${fields.body}`;
}
