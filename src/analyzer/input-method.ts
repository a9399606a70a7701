/**
 * Decoding of Telex and VNI, the two ways of typing Vietnamese on a keyboard without a Vietnamese
 * input method: `nguyeenx` / `nguye6n4` → `nguyễn`. Used to offer the intended word for queries
 * typed that way.
 * @module
 */
import { isPlausibleRhyme, parseSyllable, toneVowelIndex } from './syllable.js';
import { applyTone, type Tone } from './vowels.js';

/** Longest encoded word considered (a syllable is ≤ 7 letters, plus modifier keys). */
const MAX_INPUT = 16;

const TELEX_TONES: Readonly<Record<string, Tone>> = { s: 1, f: 2, r: 3, x: 4, j: 5 };
const PLAIN_VOWELS = 'aeiouy';
const ALL_VOWELS = 'aăâeêioôơuưy';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && ALL_VOWELS.includes(ch);
}

/** Index range [from, to) of the last run of vowels in `out`, or null. */
function lastVowelRun(out: string[]): [number, number] | null {
  let to = out.length;
  while (to > 0 && !isVowel(out[to - 1])) to--;
  if (to === 0) return null;
  let from = to - 1;
  while (from > 0 && isVowel(out[from - 1])) from--;
  return [from, to];
}

/** Applies a horn (`ơ`, `ư`; `uo` → `ươ`) to the last vowel run. Returns false when nothing takes it. */
function applyHornToNucleus(out: string[]): boolean {
  const run = lastVowelRun(out);
  if (run === null) return false;
  const [from, to] = run;
  for (let i = from; i + 1 < to; i++) {
    if (out[i] === 'u' && out[i + 1] === 'o') {
      out[i] = 'ư';
      out[i + 1] = 'ơ';
      return true;
    }
  }
  for (let i = to - 1; i >= from; i--) {
    if (out[i] === 'o') return (out[i] = 'ơ'), true;
    if (out[i] === 'u') return (out[i] = 'ư'), true;
  }
  return false;
}

/** Replaces the last occurrence of `plain` in the last vowel run with `marked`. */
function applyToNucleus(out: string[], plain: string, marked: string): boolean {
  const run = lastVowelRun(out);
  if (run === null) return false;
  for (let i = run[1] - 1; i >= run[0]; i--) {
    if (out[i] === plain) {
      out[i] = marked;
      return true;
    }
  }
  return false;
}

/**
 * Turns decoded letters + tone into a canonical NFC syllable, or null when the letters are not a
 * plausible Vietnamese syllable.
 */
function finish(out: string[], tone: Tone): string | null {
  let base = out.join('');
  // Forgiving horn spelling: `ưo` / `uơ` before a final or a glide mean `ươ` (`dưong`, `truơng`).
  base = base.replace(/ưo|uơ(?=[cmnptiu])/, 'ươ');
  // …and `ươ` ending the syllable can only be `uơ` (`thuowr` → thuở).
  if (base.endsWith('ươ')) base = base.slice(0, -2) + 'uơ';
  const parts = parseSyllable(base);
  if (parts === null || !isPlausibleRhyme(parts.nucleus, parts.final, tone)) return null;
  if (tone === 0) return base;
  const at = parts.initial.length + toneVowelIndex(parts.nucleus, parts.final !== '');
  const toned = applyTone(base.charCodeAt(at), tone);
  return toned === undefined ? null : base.slice(0, at) + toned + base.slice(at + 1);
}

/**
 * Decodes a Telex-typed syllable: `aa` → â, `aw` → ă, `ee` → ê, `oo` → ô, `ow` → ơ, `uw` / `w` → ư
 * (`w` after the nucleus applies to it: `duongw` → dương), `dd` → đ at the start; tone keys
 * `s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng anywhere after the first vowel; `z` after a tone key clears the
 * tone (elsewhere it is a literal, non-Vietnamese letter). Examples: `haf` → `hà`, `nooij` → `nội`, `dduwowngf` → `đường`, `nguyeenx` → `nguyễn`.
 * The free typing order that input methods accept (marks after the whole word) decodes too: a
 * circumflex vowel typed again later in the word applies to it when nothing else makes a syllable
 * (`vietej` → việt, `noioj` → nội, `tienges` → tiếng).
 * @param word one lower-case ASCII token
 * @returns the lower-case NFC syllable with canonical tone placement, or `null` when no Telex key
 * was used (`ha`, `noi`) or the result is not a plausible Vietnamese syllable (`facebook`)
 */
export function decodeTelex(word: string): string | null {
  if (word.length === 0 || word.length > MAX_INPUT || !/^[a-z]+$/.test(word)) return null;
  const strict = decodeTelexInOrder(word);
  if (strict !== null) return strict;
  const abbreviation = decodeTelexAbbreviation(word);
  if (abbreviation !== null) return abbreviation;
  for (const rewritten of freeOrderRewrites(word)) {
    const d = decodeTelexInOrder(rewritten);
    if (d !== null) return d;
  }
  return null;
}

/** Vowel letters of the plain alphabet. */
const hasVowel = (word: string) => /[aeiouy]/.test(word);

/**
 * An abbreviation typed in Telex (no vowel, `dd` for đ): `hddnd` → hđnd, `ddbscl` → đbscl; null when
 * the word has a vowel or no `dd`.
 */
function decodeTelexAbbreviation(word: string): string | null {
  return !hasVowel(word) && word.includes('dd') && !word.includes('ddd') ? word.replace(/dd/g, 'đ') : null;
}

/**
 * Readings of a word typed in the free order, to try when the strict order makes no syllable: a
 * circumflex vowel typed again later moved next to its vowel (`vietej` → `vieetj`), a late `w` moved
 * right after a `u` or `o` of the word (`luawr` → `luwar`, lửa).
 */
function* freeOrderRewrites(word: string): Generator<string> {
  const moved = moveLateCircumflex(word);
  if (moved !== null) yield moved;
  for (const base of moved === null ? [word] : [word, moved]) {
    const w = base.lastIndexOf('w');
    if (w < 1) continue;
    const rest = base.slice(0, w) + base.slice(w + 1);
    for (let j = 0; j < w; j++) if (rest[j] === 'u' || rest[j] === 'o') yield rest.slice(0, j + 1) + 'w' + rest.slice(j + 1);
  }
}

/**
 * The word with a late circumflex key moved next to its vowel (`vietej` → `vieetj`), or null when it
 * has none: an `a`, `e` or `o` that does not follow the same letter but repeats an earlier one.
 */
function moveLateCircumflex(word: string): string | null {
  for (let i = 1; i < word.length; i++) {
    const ch = word[i];
    if ((ch !== 'a' && ch !== 'e' && ch !== 'o') || word[i - 1] === ch) continue;
    const at = word.lastIndexOf(ch, i - 1);
    if (at < 0) continue;
    return word.slice(0, at + 1) + ch + word.slice(at + 1, i) + word.slice(i + 1);
  }
  return null;
}

/** {@link decodeTelex} for marks typed right after their letter (tone keys anywhere after the first vowel). */
function decodeTelexInOrder(word: string): string | null {
  const out: string[] = [];
  let tone: Tone = 0;
  let changed = false;
  let seenVowel = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (ch === 'd' && out.length === 1 && prev === 'd' && i === 1) {
      out[0] = 'đ';
      changed = true;
      continue;
    }
    if (seenVowel && ch in TELEX_TONES) {
      if (tone !== 0) return null;
      tone = TELEX_TONES[ch];
      changed = true;
      continue;
    }
    if (ch === 'z' && tone !== 0) {
      tone = 0;
      changed = true;
      continue;
    }
    if ((ch === 'a' || ch === 'e' || ch === 'o') && prev === ch && word[i - 1] === ch) {
      out[out.length - 1] = ch === 'a' ? 'â' : ch === 'e' ? 'ê' : 'ô';
      changed = true;
      continue;
    }
    if (ch === 'w') {
      changed = true;
      if (prev === 'u' && out[out.length - 2] === 'u') out[out.length - 2] = 'ư'; // ưu (cứu, hưu)
      else if (prev === 'u') out[out.length - 1] = 'ư';
      else if (prev === 'o' && out[out.length - 2] === 'u') {
        out[out.length - 2] = 'ư';
        out[out.length - 1] = 'ơ';
      } else if (prev === 'o') out[out.length - 1] = 'ơ';
      else if (prev === 'a') out[out.length - 1] = 'ă';
      else if (seenVowel) {
        if (!applyHornToNucleus(out) && !applyToNucleus(out, 'a', 'ă')) return null;
      } else {
        out.push('ư');
        seenVowel = true;
      }
      continue;
    }
    out.push(ch);
    if (PLAIN_VOWELS.includes(ch)) seenVowel = true;
  }
  if (!changed) return null;
  const result = finish(out, tone);
  return result === word ? null : result;
}

/**
 * Decodes a VNI-typed syllable: digits `1` sắc, `2` huyền, `3` hỏi, `4` ngã, `5` nặng,
 * `6` circumflex (a6 → â, e6 → ê, o6 → ô), `7` horn (o7 → ơ, u7 → ư), `8` breve (a8 → ă), `9` đ,
 * typed right after the letter they modify or later in the word: `ha2` → `hà`, `no6i5` → `nội`,
 * `d9a2` → `đà`, `vie6t5` → `việt`.
 * @param word one lower-case ASCII token
 * @returns the lower-case NFC syllable with canonical tone placement, or `null` when there is no
 * modifier digit, a digit modifies nothing (`6x36`), two tones are given (`u23`), or the result is
 * not a plausible Vietnamese syllable
 */
export function decodeVni(word: string): string | null {
  if (word.length === 0 || word.length > MAX_INPUT || !/^[a-z0-9]+$/.test(word)) return null;
  // An abbreviation (no vowel) with `9` for đ: `hdnd9` → hđnd (the first d).
  if (!hasVowel(word) && /^[a-z]*d[a-z]*9$/.test(word)) return word.slice(0, -1).replace('d', 'đ');
  const out: string[] = [];
  let tone: Tone = 0;
  let changed = false;
  let seenVowel = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (ch >= 'a' && ch <= 'z') {
      out.push(ch);
      if (PLAIN_VOWELS.includes(ch)) seenVowel = true;
      continue;
    }
    changed = true;
    switch (ch) {
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
        if (!seenVowel || tone !== 0) return null;
        tone = Number(ch) as Tone;
        break;
      case '6':
        if (prev === 'a' || prev === 'e' || prev === 'o') out[out.length - 1] = prev === 'a' ? 'â' : prev === 'e' ? 'ê' : 'ô';
        else if (!applyToNucleus(out, 'a', 'â') && !applyToNucleus(out, 'e', 'ê') && !applyToNucleus(out, 'o', 'ô')) return null;
        break;
      case '7':
        if (prev === 'u' && out[out.length - 2] === 'o' && out[out.length - 3] === 'u') {
          out[out.length - 3] = 'ư'; // ươu (rượu)
          out[out.length - 2] = 'ơ';
        } else if (prev === 'o' && out[out.length - 2] === 'u') {
          out[out.length - 2] = 'ư';
          out[out.length - 1] = 'ơ';
        } else if (prev === 'o') out[out.length - 1] = 'ơ';
        else if (prev === 'u' && out[out.length - 2] === 'u') out[out.length - 2] = 'ư'; // ưu
        else if (prev === 'u') out[out.length - 1] = 'ư';
        else if (!applyHornToNucleus(out)) return null;
        break;
      case '8':
        if (prev === 'a') out[out.length - 1] = 'ă';
        else if (!applyToNucleus(out, 'a', 'ă')) return null;
        break;
      case '9':
        if (out[0] !== 'd') return null;
        out[0] = 'đ';
        break;
      default:
        return null;
    }
  }
  if (!changed) return null;
  return finish(out, tone);
}

/**
 * All distinct readings of a token typed with an input method, Telex first.
 * @param word one lower-case ASCII token
 * @returns zero, one or two decoded syllables
 */
export function decodeInputMethod(word: string): string[] {
  const result: string[] = [];
  const telex = decodeTelex(word);
  if (telex !== null) result.push(telex);
  const vni = decodeVni(word);
  if (vni !== null && vni !== telex) result.push(vni);
  return result;
}
