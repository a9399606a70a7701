/**
 * Structure of a written Vietnamese syllable: initial consonant, vowel nucleus, final consonant,
 * and where the tone mark belongs in it.
 * @module
 */
import { hasQualityMark, isBaseVowel } from './vowels.js';

/** Initial consonants (lower case). `gi` and `qu` only count as initials when a vowel follows. */
export const INITIALS: ReadonlySet<string> = new Set([
  'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);

/** Final consonants (lower case). */
export const FINALS: ReadonlySet<string> = new Set(['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** The three parts of a toneless syllable; `initial` and `final` may be empty. */
export interface SyllableParts {
  initial: string;
  nucleus: string;
  final: string;
}

/**
 * Splits a toneless, lower-case syllable into initial, nucleus and final.
 *
 * The nucleus is the run of vowels after the initial (1–3 of a ă â e ê i o ô ơ u ư y). `gi` and `qu`
 * followed by a vowel are initials (`già` → gi + a, `quý` → qu + y); `gi` without a following vowel
 * is `g` + vowel `i` (`gìn`). This is a shape check only: it accepts some rhymes Vietnamese does
 * not have; see {@link isValidRhyme} for a stricter check.
 * @param base toneless lower-case word (quality marks kept)
 * @returns the parts, or `null` when the word does not have a syllable's shape
 */
export function parseSyllable(base: string): SyllableParts | null {
  const n = base.length;
  if (n === 0) return null;
  let initial = '';
  if (n >= 3 && base.startsWith('ngh')) initial = 'ngh';
  else if (n >= 2 && INITIALS.has(base.slice(0, 2))) initial = base.slice(0, 2);
  if (initial === '' && INITIALS.has(base[0])) initial = base[0];
  if (initial === 'gi') {
    if (n < 3 || !isBaseVowel(base.charCodeAt(2))) initial = 'g';
  } else if (initial === 'qu') {
    if (n < 3 || !isBaseVowel(base.charCodeAt(2))) return null;
  }
  const p = initial.length;
  let q = p;
  while (q < n && isBaseVowel(base.charCodeAt(q))) q++;
  if (q === p || q - p > 3) return null;
  const final = base.slice(q);
  if (final !== '' && !FINALS.has(final)) return null;
  return { initial, nucleus: base.slice(p, q), final };
}

/**
 * Index inside the nucleus of the vowel that carries the tone, in canonical ("old style") placement:
 * on a vowel with a quality mark when there is one (ơ rather than ư in ươ); else on the only vowel;
 * else on the last vowel when a final consonant follows; else on the middle one of three; else on
 * the first of two (`hòa`, `thủy`, `khỏe`, `mía`, `của`).
 * @param nucleus toneless vowel nucleus from {@link parseSyllable}
 * @param hasFinal whether a final consonant follows the nucleus
 */
export function toneVowelIndex(nucleus: string, hasFinal: boolean): number {
  let marked = -1;
  for (let i = 0; i < nucleus.length; i++) if (hasQualityMark(nucleus.charCodeAt(i))) marked = i;
  if (marked >= 0) return marked;
  if (nucleus.length === 1) return 0;
  if (hasFinal) return nucleus.length - 1;
  if (nucleus.length === 3) return 1;
  return 0;
}

/** Nuclei that can end a syllable (no final consonant). */
const OPEN_NUCLEI = new Set([
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uê', 'ui', 'uơ', 'uy', 'ưa', 'ưi', 'ưu',
  'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu',
]);

/** Nuclei that can be followed by a final consonant. */
const CLOSED_NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'iê', 'yê', 'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uô', 'ươ', 'uy', 'uyê',
]);

/**
 * Stricter check than {@link parseSyllable}: whether nucleus + final is a rhyme Vietnamese
 * spelling uses (`oa`, `uyên`, `ương` yes; `âya`, `ưoi`, `uat` no). Tone is ignored.
 * @param nucleus toneless nucleus
 * @param final final consonant or ''
 */
export function isValidRhyme(nucleus: string, final: string): boolean {
  return final === '' ? OPEN_NUCLEI.has(nucleus) : CLOSED_NUCLEI.has(nucleus);
}

const foldVowels = (nucleus: string) => nucleus.replace(/[ăâ]/g, 'a').replace(/ê/g, 'e').replace(/[ôơ]/g, 'o').replace(/ư/g, 'u');
/** {@link OPEN_NUCLEI} and {@link CLOSED_NUCLEI} without quality marks (what folded text shows). */
const FOLDED_OPEN_NUCLEI: ReadonlySet<string> = new Set([...OPEN_NUCLEI].map(foldVowels));
const FOLDED_CLOSED_NUCLEI: ReadonlySet<string> = new Set([...CLOSED_NUCLEI].map(foldVowels));

/**
 * Whether a folded word (lower case, no diacritics, `đ` written `d`: `nguoi`, `ha`) can be the folded
 * form of one Vietnamese syllable: a syllable's shape ({@link parseSyllable}) and a rhyme Vietnamese
 * spelling uses once its quality marks are dropped (`uong` for ương, `oai`; not `oie`, `anhx`).
 * `hanoi`, `vietnam` and `online` are not; `hoa`, `nghieng` and `khuyu` are.
 * @param folded folded lower-case word
 */
export function isFoldedSyllable(folded: string): boolean {
  const parts = parseSyllable(folded);
  if (!parts) return false;
  return parts.final === '' ? FOLDED_OPEN_NUCLEI.has(parts.nucleus) : FOLDED_CLOSED_NUCLEI.has(parts.nucleus);
}

/**
 * {@link isValidRhyme} plus the tone rule: syllables ending in c, ch, p, t only take sắc or nặng.
 * Used to reject implausible input-method decodings.
 * @param nucleus toneless nucleus
 * @param final final consonant or ''
 * @param tone tone number 0–5
 */
export function isPlausibleRhyme(nucleus: string, final: string, tone: number): boolean {
  if (!isValidRhyme(nucleus, final)) return false;
  if (final === 'c' || final === 'ch' || final === 'p' || final === 't') return tone === 1 || tone === 5;
  return true;
}
