/**
 * Worst-case queries for the planner's cost bounds ({@link LIMITS}): each aims at one expensive path
 * (typo tolerance on every word, prefix completion, syllable count, exclusions, phrases). Used by the
 * limits test (which checks the caps hold) and by `npm run bench:worst` (which times them).
 * @module
 */
import type { Lexicon } from '../../src/index-format/lexicon.js';
import { MAX_QUERY_LENGTH } from '../../src/routes/params.js';
import { mulberry32 } from '../lib/prng.js';

/** One named worst case. */
export interface WorstCase {
  name: string;
  /** What it stresses. */
  stresses: string;
  q: string;
  prefixLast: boolean;
}


/** Joins words with spaces up to `max` characters. */
function fill(words: Iterable<string>, max = MAX_QUERY_LENGTH): string {
  let q = '';
  for (const w of words) {
    const next = q ? `${q} ${w}` : w;
    if (next.length > max) break;
    q = next;
  }
  return q;
}

function* forever(list: readonly string[]): Generator<string> {
  for (let i = 0; ; i++) yield list[i % list.length];
}

/** Distinct lower-case ASCII words of `len` letters unknown to the lexicon (so typo tolerance applies). */
export function unknownWords(lexicon: Lexicon, len: number, count: number, seed = 1): string[] {
  const next = mulberry32(seed);
  const out = new Set<string>();
  while (out.size < count) {
    let w = '';
    for (let i = 0; i < len; i++) w += String.fromCharCode(97 + Math.floor(next() * 26));
    if (lexicon.df(w) === 0) out.add(w);
  }
  return [...out];
}

/** The `count` folded syllables with the highest document frequency. */
export function commonWords(lexicon: Lexicon, count: number): string[] {
  const dict = lexicon.folded;
  const top: Array<{ i: number; df: number }> = [];
  for (let i = 0; i < dict.size; i++) {
    const term = dict.termAt(i);
    if (!/^[a-z]+$/.test(term)) continue;
    top.push({ i, df: lexicon.dfAt(i) });
  }
  top.sort((a, b) => b.df - a.df || a.i - b.i);
  return top.slice(0, count).map((t) => dict.termAt(t.i));
}

/** Two-letter folded prefixes that start many lexicon words, most productive first. */
export function busyPrefixes(lexicon: Lexicon, count: number): string[] {
  const dict = lexicon.folded;
  const n = new Map<string, number>();
  for (let i = 0; i < dict.size; i++) {
    const t = dict.termAt(i);
    if (/^[a-z]{2}/.test(t)) n.set(t.slice(0, 2), (n.get(t.slice(0, 2)) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([p]) => p);
}

/**
 * Runs of up to 4 syllables the corpus writes one after another (each common syllable's most
 * frequent unaccented follower, and so on), typed without spaces (`cuacac…`): words the planner
 * tries to split, up to 24 letters each.
 */
function joinedRuns(lexicon: Lexicon, common: readonly string[]): string[] {
  const out: string[] = [];
  for (const first of common) {
    let w = first;
    let last = first;
    for (let k = 1; k < 4; k++) {
      const next = lexicon.followers(last, 200).filter((f) => /^[a-z]+$/.test(f.word)).sort((a, b) => b.count - a.count)[0];
      if (!next || (w + next.word).length > 24) break;
      w += next.word;
      last = next.word;
    }
    if (w !== first) out.push(w);
  }
  return out;
}

/** The worst cases against a lexicon, each at most {@link MAX_QUERY_LENGTH} characters. */
export function worstCases(lexicon: Lexicon): WorstCase[] {
  const common = commonWords(lexicon, 80);
  const prefixes = busyPrefixes(lexicon, 40);
  return [
    { name: 'fuzzy-8-letter-unknown', stresses: 'typo tolerance on every word (2 edits)', q: fill(unknownWords(lexicon, 8, 80)), prefixLast: true },
    { name: 'fuzzy-5-letter-unknown', stresses: 'typo tolerance on every word (1 edit)', q: fill(unknownWords(lexicon, 5, 120, 2)), prefixLast: true },
    { name: 'prefix-2-letter', stresses: 'prefix completion, syllable cap', q: fill(forever(prefixes)), prefixLast: true },
    { name: 'common-syllables', stresses: 'longest posting lists × syllable cap, restoration', q: fill(forever(common)), prefixLast: false },
    { name: 'common-syllables-accented', stresses: 'exact keys + pairs of the most common words', q: fill(forever(common.map((w) => lexicon.readings(w, 1)[0]?.exact ?? w))), prefixLast: true },
    { name: 'quoted-common-pairs', stresses: 'required phrase pairs of common words', q: fill(forever(common.slice(0, 40).map((w, i) => (i % 2 === 0 ? `"${w}` : `${w}"`)))), prefixLast: false },
    { name: 'excluded-common', stresses: 'exclusions of common words (not capped by LIMITS)', q: `${common[0]} ` + fill(forever(common.map((w) => `-${w}`)), MAX_QUERY_LENGTH - common[0].length - 1), prefixLast: false },
    { name: 'repeated-word', stresses: 'one common word repeated', q: fill(forever([common[0]])), prefixLast: true },
    { name: 'joined-common-syllables', stresses: 'splitting words typed joined: runs of common syllables without spaces', q: fill(forever(joinedRuns(lexicon, common))), prefixLast: true },
  ];
}
