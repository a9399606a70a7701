/**
 * Seeded single-typo generation for known-item queries: one edit (substitution, deletion,
 * insertion or adjacent transposition) in one randomly chosen word of at least five letters.
 * @module
 */
import { pick, randInt, type Random } from './prng.js';

/** The edit applied. */
export type TypoKind = 'substitution' | 'deletion' | 'insertion' | 'transposition';

/** A typo'd text and what was done. */
export interface Typo {
  /** The text with one edit. */
  text: string;
  /** The word before the edit. */
  word: string;
  /** The word after the edit. */
  typo: string;
  kind: TypoKind;
}

/**
 * Letters used for substitutions and insertions: ASCII a–z plus the Vietnamese base letters with a
 * quality mark (what a slipped key or a missed Telex/VNI keystroke produces).
 */
export const TYPO_LETTERS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', ...'đăâêôơư'];

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const KINDS: readonly TypoKind[] = ['substitution', 'deletion', 'insertion', 'transposition'];

/** Letter count of a word (code points that are letters), after NFC. */
function letterCount(chars: readonly string[]): number {
  let n = 0;
  for (const c of chars) if (LETTER.test(c)) n++;
  return n;
}

/** A random letter other than `not` (compared case-insensitively), in the case of `like`. */
function randomLetter(rand: Random, like: string | null, not: string | null): string {
  for (;;) {
    const l = pick(rand, TYPO_LETTERS);
    if (not !== null && l === not.toLowerCase()) continue;
    return like !== null && like !== like.toLowerCase() ? l.toUpperCase() : l;
  }
}

/** Applies one edit to the letters of a word (as code points), or null when the edit is impossible. */
function edit(rand: Random, chars: string[], kind: TypoKind): string[] | null {
  const letters = chars.map((c, i) => (LETTER.test(c) ? i : -1)).filter((i) => i >= 0);
  const out = chars.slice();
  switch (kind) {
    case 'substitution': {
      const i = pick(rand, letters);
      out[i] = randomLetter(rand, chars[i], chars[i]);
      return out;
    }
    case 'deletion': {
      out.splice(pick(rand, letters), 1);
      return out;
    }
    case 'insertion': {
      // Before any letter, or right after the last one.
      const slots = [...letters, letters[letters.length - 1] + 1];
      const at = pick(rand, slots);
      out.splice(at, 0, randomLetter(rand, chars[Math.min(at, chars.length - 1)], null));
      return out;
    }
    case 'transposition': {
      const pairs = letters.filter((i) => LETTER.test(chars[i + 1] ?? '') && chars[i].toLowerCase() !== chars[i + 1].toLowerCase());
      if (pairs.length === 0) return null;
      const i = pick(rand, pairs);
      [out[i], out[i + 1]] = [out[i + 1], out[i]];
      return out;
    }
  }
}

/**
 * Puts one typo into one word of `text`: a whitespace-separated word with ≥ `minLetters` letters and
 * no digits is chosen uniformly, then an edit kind uniformly (re-drawn when impossible, e.g. a
 * transposition in a word whose neighbouring letters are all equal). Punctuation attached to the
 * word is left alone. Uses a fixed number of draws per attempt, so a seeded `rand` gives
 * reproducible output.
 * @param text NFC text (a headline)
 * @param rand seeded random source
 * @param minLetters shortest eligible word (default 5)
 * @returns the typo, or null when no word is eligible
 */
export function makeTypo(text: string, rand: Random, minLetters = 5): Typo | null {
  const parts = text.split(/(\s+)/);
  const eligible: number[] = [];
  parts.forEach((p, i) => {
    if (i % 2 === 1 || p === '' || DIGIT.test(p)) return;
    if (letterCount([...p]) >= minLetters) eligible.push(i);
  });
  if (eligible.length === 0) return null;
  const at = eligible[randInt(rand, eligible.length)];
  const word = parts[at];
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = pick(rand, KINDS);
    const edited = edit(rand, [...word], kind);
    if (edited === null) continue;
    const typo = edited.join('');
    if (typo === word) continue;
    const out = parts.slice();
    out[at] = typo;
    return { text: out.join(''), word, typo, kind };
  }
  return null;
}
