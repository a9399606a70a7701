/**
 * The shared Vietnamese analyzer, used by the index build (Node) and the search Worker alike.
 * No dependencies, no Node APIs.
 * @module
 */
export { ANALYZER_VERSION } from './version.js';
export { normalizeText } from './normalize.js';
export { canonicalSyllable } from './tone.js';
export { foldDiacritics } from './fold.js';
export { tokenize, forEachToken, MAX_TOKEN_LENGTH, type Token, type TokenKind } from './tokenize.js';
export { analyzeQueryText, isAccented } from './analyze.js';
export { decodeTelex, decodeVni, decodeInputMethod } from './input-method.js';
export { BUILTIN_ABBREVIATIONS, parseSynonymsFile } from './abbreviations.js';
export { parseSyllable, toneVowelIndex, isValidRhyme, isPlausibleRhyme, isFoldedSyllable, INITIALS, FINALS, type SyllableParts } from './syllable.js';
export { type Tone, TONE_MARKS, BASE_VOWELS, toneOf, stripToneCode, isBaseVowel, hasQualityMark, applyTone } from './vowels.js';
export { CC_OTHER, CC_SPACE, CC_HYPHEN, CC_UPPER, CC_LETTER, CC_MARK, CC_DIGIT, classOfCode, classOfCodePoint, isWordClass } from './char-class.js';
