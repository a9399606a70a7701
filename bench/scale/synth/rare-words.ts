/**
 * Rare words for the synthetic archive: foreign names, brands, product codes and numbers. In a real
 * archive these never stop arriving (a new phone model, a new club, a new price), so a generator that
 * only recombined the source's words would make the vocabulary saturate far too early. Each derived
 * article therefore replaces the source's rare foreign-looking words with new words drawn from a
 * character-level Markov model trained on such words, replaces long numbers with other numbers of the
 * same length, and moves years by the distance between the source's year and its own.
 * @module
 */
import type { Random } from '../../lib/prng.js';

/** A word in the text: letters and digits. */
const TOKEN = /[\p{L}\p{N}]+/gu;

let wordChar: Uint8Array | null = null;

/** True for a UTF-16 code unit that is a letter, mark or digit (table built once). */
function isWordChar(c: number): boolean {
  if (!wordChar) {
    wordChar = new Uint8Array(65536);
    const re = /[\p{L}\p{M}\p{N}]/u;
    for (let i = 0; i < 65536; i++) if (i < 0xd800 || i > 0xdfff) wordChar[i] = re.test(String.fromCharCode(i)) ? 1 : 0;
  }
  return wordChar[c] === 1;
}

/** Calls `fn` with every run of letters and digits in `text` (faster than a Unicode regex over a 10× corpus). */
export function forEachWord(text: string, fn: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const w = i < text.length && isWordChar(text.charCodeAt(i));
    if (w && start < 0) start = i;
    else if (!w && start >= 0) { fn(text.slice(start, i)); start = -1; }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * True for a word that does not look like a Vietnamese syllable: a letter Vietnamese does not use
 * (f, j, w, z), a capital inside a word that is not all capitals (`iPhone`), letters mixed with
 * digits (`S8`, `U23`), or an ASCII word longer than any Vietnamese syllable. One pass over the
 * characters (this runs on every word of a 10× corpus).
 */
export function looksForeign(word: string): boolean {
  let digits = 0;
  let ascii = 0;
  let upperInside = false;
  let lowerSeen = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isDigit(c)) { digits++; continue; }
    if (c === 102 || c === 106 || c === 119 || c === 122 || c === 70 || c === 74 || c === 87 || c === 90) return true; // f j w z
    if (isAsciiLetter(c)) ascii++;
    const ch = word[i];
    const upper = ch !== ch.toLowerCase();
    if (upper && i > 0) upperInside = true;
    if (!upper) lowerSeen = true;
  }
  if (digits > 0 && digits < word.length) return true;
  if (upperInside && lowerSeen) return true;
  return ascii === word.length && word.length > 7;
}

/** True when every character is an ASCII digit. */
function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isDigit(word.charCodeAt(i))) return false;
  return word.length > 0;
}

/** An order-2 character model of foreign words (lower-case ASCII), for drawing new ones. */
export class WordModel {
  private readonly next = new Map<string, string[]>();
  private readonly known: Set<string>;

  /** @param words training words (foreign-looking words of the source corpus) */
  constructor(words: Iterable<string>) {
    const sorted = [...new Set([...words].map((w) => w.toLowerCase()).filter((w) => /^[a-z]+$/.test(w)))].sort();
    this.known = new Set(sorted);
    for (const w of sorted) {
      const padded = `^^${w}$`;
      for (let i = 2; i < padded.length; i++) {
        const ctx = padded.slice(i - 2, i);
        let list = this.next.get(ctx);
        if (!list) this.next.set(ctx, (list = []));
        list.push(padded[i]);
      }
    }
  }

  /**
   * A new word of about `length` letters, never one of the training words (an order-2 model trained
   * on few words would mostly walk back into them): up to 8 walks, then one letter of the last walk
   * is changed until the word is new.
   */
  draw(rand: Random, length: number): string {
    let w = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      w = this.walk(rand, length);
      if (!this.known.has(w)) return w;
    }
    while (this.known.has(w)) {
      const i = Math.floor(rand() * w.length);
      w = w.slice(0, i) + String.fromCharCode(97 + Math.floor(rand() * 26)) + w.slice(i + 1);
    }
    return w;
  }

  /**
   * One walk of the model: about `length` letters (it ends at a word end once long enough and is cut
   * at `length + 2`), random letters where the model has no continuation.
   */
  private walk(rand: Random, length: number): string {
    let ctx = '^^';
    let out = '';
    while (out.length < length + 2) {
      const options = this.next.get(ctx);
      let c = options ? options[Math.floor(rand() * options.length)] : String.fromCharCode(97 + Math.floor(rand() * 26));
      if (c === '$') {
        if (out.length >= Math.max(2, length - 2)) break;
        c = String.fromCharCode(97 + Math.floor(rand() * 26));
      }
      out += c;
      ctx = ctx[1] + c;
    }
    return out;
  }
}

/** Gives a drawn lower-case word the letter case of the word it replaces. */
function withCaseOf(model: string, word: string): string {
  if (/^\p{Lu}+$/u.test(model) && model.length > 1) return word.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** Options of {@link replaceRareWords}. */
export interface RareWordOptions {
  /** Source words seen in fewer articles than this are rare (replaced); others are kept. */
  isRare: (word: string) => boolean;
  model: WordModel;
  /** Added to every year 1950–2030 written in the text (derived year − source year). */
  yearShift: number;
}

/**
 * Replaces rare foreign-looking words, long numbers and years in an article's fields, consistently
 * within the article (the same source word becomes the same new word everywhere in it).
 * @returns the new fields and how many distinct words were replaced
 */
export function replaceRareWords(texts: readonly string[], rand: Random, opts: RareWordOptions): { texts: string[]; replaced: number } {
  const mapping = new Map<string, string>();
  const replace = (word: string): string => {
    if (isNumber(word)) {
      const n = Number(word);
      if (word.length === 4 && n >= 1950 && n <= 2030) return String(n + opts.yearShift);
      if (word.length < 3 || word.endsWith('00')) return word; // small and round numbers form a closed set
    } else if (!looksForeign(word) || !opts.isRare(word)) {
      return word;
    }
    let to = mapping.get(word);
    if (to === undefined) {
      to = '';
      for (const part of word.match(/\p{N}+|\p{L}+/gu) ?? []) {
        if (/^\p{N}/u.test(part)) {
          to += String(1 + Math.floor(rand() * 9)) + Array.from({ length: part.length - 1 }, () => Math.floor(rand() * 10)).join('');
        } else {
          to += withCaseOf(part, opts.model.draw(rand, part.length));
        }
      }
      mapping.set(word, to);
    }
    return to;
  };
  return { texts: texts.map((t) => t.replace(TOKEN, replace)), replaced: mapping.size };
}
