/**
 * The joined-words set: words typed with their syllables run together (`hanoi`, `giavang`), as in
 * hashtags, domain names, English spellings of places and phones that drop spaces.
 *
 * - **Topics typed joined** (held out: never looked at while the splitting rules were set): every
 *   topical query whose topic is two to four syllables of letters, typed without diacritics and
 *   without spaces (`giá vàng` → `giavang`), graded by the topical judge, beside the same topics
 *   typed without diacritics with their spaces.
 * - **Labelled words** (`joined-words.json`, the list the rules were set on): joined words that
 *   should be split and how, and words that must stay whole (English words, names, tickers and the
 *   typo `vietlot`).
 * - **Words the archive writes that are not one syllable** (every word of four to 24 letters without
 *   diacritics that is not one syllable and occurs in at least {@link GUARD_MIN_DF} baomoi articles):
 *   how many our planner splits, each listed, for review.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeQueryText } from '../../src/analyzer/analyze.js';
import { isFoldedSyllable } from '../../src/analyzer/syllable.js';
import { baomoiBody, type BaomoiArticle } from '../lib/baomoi.js';
import type { TopicalQuery } from './topical/queries.js';

/** Least number of articles a guard word occurs in. */
export const GUARD_MIN_DF = 5;

/** The labelled words. */
export interface JoinedWords {
  /** Joined word → the syllables it should become (folded, space-separated). */
  split: Record<string, string>;
  /** Words that must stay whole. */
  keep: string[];
}

/** Reads `joined-words.json`. */
export function loadJoinedWords(file = fileURLToPath(new URL('./joined-words.json', import.meta.url))): JoinedWords {
  return JSON.parse(readFileSync(file, 'utf8')) as JoinedWords;
}

/** The folded syllables of a text, or null when one of its tokens is not a word of letters. */
function foldedSyllables(text: string): string[] | null {
  const tokens = analyzeQueryText(text);
  if (!tokens.every((t) => t.kind === 'word' && /^[a-z]+$/.test(t.folded))) return null;
  return tokens.map((t) => t.folded);
}

/** The topical queries the set types joined, with both ways of typing them. */
export interface JoinedTopical {
  queries: TopicalQuery[];
  /** Folded, with spaces (`gia vang`). */
  spaced: string[];
  /** Folded, joined (`giavang`). */
  joined: string[];
}

/** Topical queries whose topic is 2–4 syllables of letters (24 letters at most), typed both ways. */
export function joinedTopical(all: readonly TopicalQuery[]): JoinedTopical {
  const out: JoinedTopical = { queries: [], spaced: [], joined: [] };
  for (const q of all) {
    const s = foldedSyllables(q.topic);
    if (!s || s.length < 2 || s.length > 4 || s.join('').length > 24) continue;
    out.queries.push(q);
    out.spaced.push(s.join(' '));
    out.joined.push(s.join(''));
  }
  return out;
}

/** How a set of joined words came back. */
export interface SplitScore {
  words: number;
  /** Split into the expected syllables. */
  right: number;
  /** Split otherwise. */
  wrong: number;
  /** Left whole. */
  whole: number;
}

/** The folded syllables an engine read a query as (its `interpreted_as`, or the query itself). */
export const readAs = (query: string, interpreted: string | null | undefined): string => (foldedSyllables(interpreted ?? query) ?? analyzeQueryText(interpreted ?? query).map((t) => t.folded)).join(' ');

/**
 * Scores splits against the expected syllables (folded, space-separated). A word read as one
 * syllable (a Telex reading, say) counts as whole.
 */
export function scoreSplits(queries: readonly string[], expected: readonly string[], interpreted: ReadonlyArray<string | null | undefined>): SplitScore {
  const s: SplitScore = { words: queries.length, right: 0, wrong: 0, whole: 0 };
  queries.forEach((q, i) => {
    const got = readAs(q, interpreted[i]);
    if (!got.includes(' ')) s.whole++;
    else if (got === expected[i]) s.right++;
    else s.wrong++;
  });
  return s;
}

/** Words of the archive that are not one syllable (see the module comment), most frequent first. */
export function guardWords(articles: readonly BaomoiArticle[], minDf = GUARD_MIN_DF): Array<{ word: string; df: number }> {
  const df = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const t of analyzeQueryText(`${a.title}\n${baomoiBody(a)}`)) {
      const f = t.folded;
      if (f.length >= 4 && f.length <= 24 && t.exact === f && /^[a-z]+$/.test(f) && !isFoldedSyllable(f)) seen.add(f);
    }
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return [...df].filter(([, n]) => n >= minDf).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word, n]) => ({ word, df: n }));
}
