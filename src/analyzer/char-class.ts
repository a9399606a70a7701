/**
 * Character classes for the tokenizer, computed lazily per code point from Unicode properties and
 * cached in a typed array, so the hot loop does one array read per character.
 * @module
 */

/** Not yet classified (internal). */
const UNKNOWN = 0;
/** Punctuation, symbols, controls, lone surrogates: separates tokens and breaks adjacency. */
export const CC_OTHER = 1;
/** Whitespace and invisible characters: separates tokens, keeps adjacency. */
export const CC_SPACE = 2;
/** Hyphen (U+002D, U+2010, U+2011): separates tokens; one of them keeps adjacency. */
export const CC_HYPHEN = 3;
/** Upper- or title-case letter (`\p{Lu}`, `\p{Lt}`). */
export const CC_UPPER = 4;
/** Any other letter (`\p{L}`). */
export const CC_LETTER = 5;
/** Combining mark (`\p{M}`). */
export const CC_MARK = 6;
/** Number character (`\p{N}`). */
export const CC_DIGIT = 7;

const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

const RE_LETTER = /\p{L}/u;
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_MARK = /\p{M}/u;
const RE_NUMBER = /\p{N}/u;
const RE_SPACE = /\s/u;

function classify(cp: number): number {
  if (cp === 0x2d || cp === 0x2010 || cp === 0x2011) return CC_HYPHEN;
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad) return CC_SPACE;
  if (cp >= 0xd800 && cp <= 0xdfff) return CC_OTHER;
  const ch = String.fromCodePoint(cp);
  if (RE_LETTER.test(ch)) return RE_UPPER.test(ch) ? CC_UPPER : CC_LETTER;
  if (RE_MARK.test(ch)) return CC_MARK;
  if (RE_NUMBER.test(ch)) return CC_DIGIT;
  if (RE_SPACE.test(ch)) return CC_SPACE;
  return CC_OTHER;
}

// Eagerly classify the ranges Vietnamese text lives in; the rest is filled on first sight.
for (let c = 0; c < 0x250; c++) BMP[c] = classify(c);
for (let c = 0x300; c < 0x370; c++) BMP[c] = classify(c);
for (let c = 0x1e00; c < 0x1f00; c++) BMP[c] = classify(c);

/**
 * Class of a BMP code unit (surrogates are {@link CC_OTHER}; use {@link classOfCodePoint} for pairs).
 * @param code UTF-16 code unit
 */
export function classOfCode(code: number): number {
  let k = BMP[code];
  if (k === UNKNOWN) {
    k = classify(code);
    BMP[code] = k;
  }
  return k;
}

/**
 * Class of any code point, including astral ones (`\u{1D400}` is a letter, emoji are
 * {@link CC_OTHER}).
 * @param cp Unicode code point
 */
export function classOfCodePoint(cp: number): number {
  if (cp < 0x10000) return classOfCode(cp);
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(cp);
    if (ASTRAL.size < 10_000) ASTRAL.set(cp, k);
  }
  return k;
}

/**
 * Whether a class is part of words (letters, marks, digits).
 * @param k a class returned by {@link classOfCode} or {@link classOfCodePoint}
 */
export function isWordClass(k: number): boolean {
  return k >= CC_UPPER;
}
