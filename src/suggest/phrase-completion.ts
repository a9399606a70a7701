/**
 * Phrase completion for the search box (`/suggest`): completes the last, possibly partial, word of
 * what was typed with the collection lexicon, diacritic-insensitively (`thanh ph` → `thành phố`).
 *
 * - Candidates are the folded syllables starting with the last word's folded prefix, by document
 *   frequency. Each gets the accented reading that best follows the previous word (exact pair
 *   counts), or its most frequent reading when there is no such evidence. Readings must agree with
 *   any diacritics already typed (`thà` completes to `thành`, never `thanh`).
 * - When a one-word query ends with a space the word is complete, and the next word is predicted from
 *   the pairs that start with it (`thành ` → `thành phố`).
 * - The words before are kept as typed, except that unaccented ones are restored when the corpus is
 *   confident (the same restoration the planner uses), and the previous word takes the reading of
 *   the pair that was chosen. Capitalization typed is kept.
 * @module
 */
import { foldDiacritics } from '../analyzer/fold.js';
import { normalizeText } from '../analyzer/normalize.js';
import { tokenize, type Token } from '../analyzer/tokenize.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { escapeHtml } from '../engine/html-escape.js';
import { restoreDiacritics } from '../engine/restore-diacritics.js';

/** One completed phrase. */
export interface PhraseCompletion {
  /** The phrase as it would be searched: the words typed, the last one completed. */
  text: string;
  /** `text` HTML-escaped with the part that was typed in `<mark>`. */
  html: string;
}

/** Bounds that keep a completion cheap whatever the lexicon size. */
export const PHRASE_LIMITS = {
  /** Folded candidates considered for the last word. */
  candidates: 24,
  /** Readings considered per syllable. */
  readings: 6,
  /** Words before the last one that are restored and scored (older words are kept as typed). */
  context: 6,
  /** Pairs scanned per previous reading when predicting the next word. */
  nextWordScan: 5000,
  /** Pair count the previous word needs before its reading is changed to fit the completion. */
  minPairEvidence: 2,
  /** Completions offered without any pair evidence (weak guesses). */
  maxUnsupported: 3,
};

const isWord = (t: Token) => t.kind === 'word';

/** `exact` in the case the user typed `surface` in (Ha → Hà, HA → HÀ, ha → hà). */
function matchCase(surface: string, exact: string): string {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (!letters) return exact;
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return exact.toUpperCase();
  const first = letters[0];
  if (first !== first.toLowerCase()) return exact.charAt(0).toUpperCase() + exact.slice(1);
  return exact;
}

/** Whether a reading agrees with the diacritics typed in a (partial) word. */
function agrees(reading: string, typed: Token): boolean {
  if (typed.exact === typed.folded) return true;
  return reading.startsWith(typed.exact);
}

/** Number of leading characters of `reading` whose folded form has `foldedLength` characters. */
function typedLength(reading: string, foldedLength: number): number {
  let folded = 0;
  let i = 0;
  while (i < reading.length && folded < foldedLength) {
    folded += foldDiacritics(reading[i]).length;
    i++;
  }
  return i;
}

interface Candidate {
  /** Accented completion of the last word (lower case). */
  word: string;
  /** Reading of the previous word the completion was chosen with, when the pair was seen. */
  previous: string | null;
  evidence: number;
  df: number;
}

/**
 * Completes the query. Returns at most `limit` phrases, best first; none when the last word cannot
 * be completed (not a word, unknown prefix, or a lone one-letter word).
 */
export function completePhrases(lexicon: Lexicon, q: string, limit: number): PhraseCompletion[] {
  if (limit <= 0) return [];
  const text = normalizeText(q);
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const nextWord = /\s$/.test(text);
  const last = tokens[tokens.length - 1];
  if (!isWord(last)) return [];

  // Words kept (and possibly restored) before the completed one.
  const contextTokens = nextWord ? tokens : tokens.slice(0, -1);
  const shown = contextTokens.map((t) => t.exact);
  const recent = Math.max(0, contextTokens.length - PHRASE_LIMITS.context);
  if (!tokens.some((t) => t.exact !== t.folded) && contextTokens.length > recent) {
    const window = contextTokens.slice(recent);
    const restored = restoreDiacritics(lexicon, window.map((t) => t.folded), window.map((t, i) => i > 0 && t.joined));
    restored.forEach((r, i) => { if (r && isWord(window[i])) shown[recent + i] = r; });
  }
  // Predicting the next word from one pair only makes sense when that pair is the whole phrase.
  if (nextWord && tokens.length > 1) return [];
  const previous = nextWord ? last : tokens.length > 1 && last.joined ? tokens[tokens.length - 2] : null;
  let previousReadings: string[] = [];
  if (previous && isWord(previous)) {
    const shownPrevious = shown[shown.length - 1];
    if (previous.exact !== previous.folded || (nextWord && shownPrevious !== previous.exact)) previousReadings = [shownPrevious];
    else previousReadings = lexicon.readings(previous.folded, PHRASE_LIMITS.readings).map((r) => r.exact);
  }

  const candidates = nextWord ? predictNext(lexicon, previousReadings, limit) : completeLast(lexicon, last, previousReadings, limit);
  if (candidates.length === 0) return [];

  const allCaps = /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
  const out: PhraseCompletion[] = [];
  const seen = new Set<string>([text.trim()]);
  for (const c of candidates) {
    const words = [...shown];
    if (previous && c.previous && c.evidence >= PHRASE_LIMITS.minPairEvidence && previous.exact === previous.folded) {
      words[words.length - 1] = c.previous; // the previous word is the last context word
    }
    const phrase = render(text, contextTokens, words, nextWord ? null : last, allCaps ? c.word.toUpperCase() : c.word);
    if (seen.has(phrase.text)) continue;
    seen.add(phrase.text);
    out.push(phrase);
    if (out.length >= limit) break;
  }
  return out;
}

/** Candidates completing the partial last word, best first. */
function completeLast(lexicon: Lexicon, last: Token, previousReadings: string[], limit: number): Candidate[] {
  const prefix = last.folded.toLowerCase();
  if (prefix.length < 2 && previousReadings.length === 0) return [];
  const completions = lexicon.completions(prefix, Math.max(PHRASE_LIMITS.candidates, limit * 2));
  const out: Candidate[] = [];
  for (const { term, df } of completions) {
    const readings = lexicon.readings(term, PHRASE_LIMITS.readings).filter((r) => agrees(r.exact, last));
    if (readings.length === 0) continue;
    let best: Candidate = { word: readings[0].exact, previous: null, evidence: 0, df };
    for (const p of previousReadings) {
      for (const r of readings) {
        const n = lexicon.pairCount(p, r.exact);
        if (n > best.evidence) best = { word: r.exact, previous: p, evidence: n, df };
      }
    }
    out.push(best);
  }
  return rank(out, previousReadings.length > 0);
}

/** Candidates for the word after a complete last word, from the pairs starting with it. */
function predictNext(lexicon: Lexicon, previousReadings: string[], limit: number): Candidate[] {
  const out: Candidate[] = [];
  for (const p of previousReadings.slice(0, 3)) {
    for (const { word, count: evidence } of lexicon.followers(p, PHRASE_LIMITS.nextWordScan)) {
      if (evidence > 0 && /\p{L}/u.test(word)) out.push({ word, previous: p, evidence, df: lexicon.df(foldDiacritics(word)) });
    }
  }
  out.sort((a, b) => b.evidence - a.evidence || b.df - a.df);
  return out.slice(0, Math.max(limit, PHRASE_LIMITS.candidates));
}

/**
 * Orders candidates by document frequency; after a previous word, by pair evidence (most seen)
 * first. There, when some candidate has evidence the unsupported ones are dropped, and when none has
 * only a few are kept.
 */
function rank(cands: Candidate[], hasPrevious: boolean): Candidate[] {
  if (!hasPrevious) return cands.sort((a, b) => b.df - a.df);
  const supported = cands.filter((c) => c.evidence > 0).sort((a, b) => b.evidence - a.evidence || b.df - a.df);
  if (supported.length > 0) return supported;
  return cands.sort((a, b) => b.df - a.df).slice(0, PHRASE_LIMITS.maxUnsupported);
}

/**
 * Rebuilds the phrase: separators as typed (whitespace collapsed), each context word in its shown
 * form and the typed case, then the completion. The typed part is marked.
 */
function render(text: string, context: Token[], words: string[], partial: Token | null, completion: string): PhraseCompletion {
  let plain = '';
  let cursor = text.length - text.trimStart().length;
  for (let i = 0; i < context.length; i++) {
    const t = context[i];
    plain += text.slice(cursor, t.start).replace(/\s+/g, ' ') + matchCase(text.slice(t.start, t.end), words[i]);
    cursor = t.end;
  }
  if (partial) {
    const surface = text.slice(partial.start, partial.end);
    const word = matchCase(surface, completion);
    const typed = typedLength(word, partial.folded.length);
    const before = plain + text.slice(cursor, partial.start).replace(/\s+/g, ' ');
    return { text: before + word, html: `<mark>${escapeHtml(before + word.slice(0, typed))}</mark>${escapeHtml(word.slice(typed))}` };
  }
  const typedPart = plain.trimEnd();
  const word = completion;
  return { text: `${typedPart} ${word}`, html: `<mark>${escapeHtml(typedPart)}</mark> ${escapeHtml(word)}` };
}
