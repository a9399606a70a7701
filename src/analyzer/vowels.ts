/**
 * Lookup tables for Vietnamese vowels: which precomposed character carries which tone, what the
 * toneless vowel underneath is, and how to put a tone back on a vowel. Built once at module load
 * from `String.prototype.normalize`, so no hand-typed table can drift from Unicode.
 * @module
 */

/**
 * Tone numbers used throughout the analyzer. They match the VNI input-method digits:
 * 0 ngang (no mark), 1 sắc (acute), 2 huyền (grave), 3 hỏi (hook above), 4 ngã (tilde),
 * 5 nặng (dot below).
 */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** Combining character for each tone number (index 0, no tone, is unused). */
export const TONE_MARKS: readonly number[] = [0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323];

/** All toneless vowels, lower and upper case, including the vowel-quality marks (ă â ê ô ơ ư). */
export const BASE_VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';

/** Toneless vowels that carry a vowel-quality mark (breve, circumflex or horn). */
const QUALITY_VOWELS = 'ăâêôơưĂÂÊÔƠƯ';

/** Every precomposed Vietnamese vowel lies below this code point. */
const TABLE_SIZE = 0x1f00;

const toneTable = new Uint8Array(TABLE_SIZE);
const baseTable = new Uint16Array(TABLE_SIZE);
/** 1 = vowel, 2 = vowel with a quality mark; indexed by the toneless code. */
const vowelTable = new Uint8Array(TABLE_SIZE);
const composeTable = new Map<number, string>();

for (const v of BASE_VOWELS) {
  const base = v.charCodeAt(0);
  vowelTable[base] = QUALITY_VOWELS.includes(v) ? 2 : 1;
  baseTable[base] = base;
  composeTable.set(base * 8, v);
  for (let tone = 1; tone <= 5; tone++) {
    const composed = (v + String.fromCharCode(TONE_MARKS[tone])).normalize('NFC');
    const code = composed.charCodeAt(0);
    if (composed.length !== 1 || code >= TABLE_SIZE) throw new Error(`unexpected composition for ${v}+${tone}`);
    toneTable[code] = tone;
    baseTable[code] = base;
    composeTable.set(base * 8 + tone, composed);
  }
}

/**
 * Tone carried by a precomposed (NFC) character.
 * @param code UTF-16 code unit
 * @returns 1–5 for a toned Vietnamese vowel, 0 for anything else (including toneless vowels)
 */
export function toneOf(code: number): Tone {
  return (code < TABLE_SIZE ? toneTable[code] : 0) as Tone;
}

/**
 * Removes the tone from a precomposed Vietnamese vowel, keeping its quality mark (`ấ` → `â`).
 * @param code UTF-16 code unit
 * @returns the toneless vowel's code, or `code` itself when it is not a toned vowel
 */
export function stripToneCode(code: number): number {
  return code < TABLE_SIZE && toneTable[code] !== 0 ? baseTable[code] : code;
}

/**
 * Whether a toneless character is a Vietnamese vowel (a ă â e ê i o ô ơ u ư y, either case).
 * @param code UTF-16 code unit of a toneless character
 */
export function isBaseVowel(code: number): boolean {
  return code < TABLE_SIZE && vowelTable[code] !== 0;
}

/**
 * Whether a toneless character is a vowel with a quality mark (ă â ê ô ơ ư, either case).
 * @param code UTF-16 code unit of a toneless character
 */
export function hasQualityMark(code: number): boolean {
  return code < TABLE_SIZE && vowelTable[code] === 2;
}

/**
 * Puts a tone on a toneless vowel.
 * @param baseCode code of a toneless vowel from {@link BASE_VOWELS}
 * @param tone tone number (0 returns the vowel itself)
 * @returns the precomposed NFC character, or `undefined` when `baseCode` is not a Vietnamese vowel
 */
export function applyTone(baseCode: number, tone: Tone): string | undefined {
  return composeTable.get(baseCode * 8 + tone);
}
