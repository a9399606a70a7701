/**
 * Canonical tone-mark placement. Vietnamese text writes the same syllable with the tone on
 * different vowels (`hoà` / `hòa`, `thuỷ` / `thủy`); the index and queries must agree on one.
 * @module
 */
import { isValidRhyme, parseSyllable, toneVowelIndex } from './syllable.js';
import * as vowels from './vowels.js';
import type { Tone } from './vowels.js';

// Copied once: some loaders compile ES imports to getter calls (see tokenize.ts).
const toneOf = vowels.toneOf;
const stripToneCode = vowels.stripToneCode;
const applyTone = vowels.applyTone;

/** Upper bound of the result cache; it is cleared when full (the syllable vocabulary is small). */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * Moves the tone mark of one lower-case NFC word to its canonical ("old style") position:
 * `hoà` → `hòa`, `thuỷ` → `thủy`, `khoẻ` → `khỏe`, `uý` → `úy`; `quỳ`, `giữa`, `hoàn`, `huỳnh`,
 * `người`, `nguyễn` are already canonical and come back unchanged.
 *
 * The tone goes on the vowel with a quality mark (ơ wins in ươ); else on the only vowel; else on the
 * last vowel when a final consonant follows; else on the middle of three vowels; else on the first
 * of two. Words that do not parse as one Vietnamese syllable with a known rhyme (`café`, `u23`,
 * the typo `xúat`), have no tone mark, or have more than one are returned unchanged. Results are
 * cached.
 * @param lowerWord one lower-case, NFC-normalized word
 * @returns the word with canonical tone placement (the same string when nothing moves)
 */
export function canonicalSyllable(lowerWord: string): string {
  const n = lowerWord.length;
  let tone: Tone = 0;
  let toneAt = -1;
  for (let i = 0; i < n; i++) {
    const c = lowerWord.charCodeAt(i);
    if (c < 0xc0) continue;
    const t = toneOf(c);
    if (t !== 0) {
      if (tone !== 0) return lowerWord;
      tone = t;
      toneAt = i;
    }
  }
  if (tone === 0 || n > 8) return lowerWord;
  const hit = cache.get(lowerWord);
  if (hit !== undefined) return hit;
  const result = place(lowerWord, tone, toneAt);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lowerWord, result);
  return result;
}

function place(word: string, tone: Tone, toneAt: number): string {
  const base = word.slice(0, toneAt) + String.fromCharCode(stripToneCode(word.charCodeAt(toneAt))) + word.slice(toneAt + 1);
  const parts = parseSyllable(base);
  if (parts === null || !isValidRhyme(parts.nucleus, parts.final)) return word;
  const at = parts.initial.length + toneVowelIndex(parts.nucleus, parts.final !== '');
  if (at === toneAt) return word;
  const toned = applyTone(base.charCodeAt(at), tone);
  if (toned === undefined) return word;
  return base.slice(0, at) + toned + base.slice(at + 1);
}
