import { describe, it, expect } from 'vitest';
import { CC_DIGIT, CC_HYPHEN, CC_LETTER, CC_MARK, CC_OTHER, CC_SPACE, CC_UPPER, classOfCode, classOfCodePoint, isWordClass } from './char-class.js';

const k = (s: string) => classOfCodePoint(s.codePointAt(0)!);

describe('character classes', () => {
  it('classifies letters by case', () => {
    for (const ch of ['A', 'Đ', 'Ư', 'Ặ', 'Σ', 'ǅ']) expect(k(ch)).toBe(CC_UPPER);
    for (const ch of ['a', 'đ', 'ư', 'ặ', 'σ', '中', 'ก', 'ß']) expect(k(ch)).toBe(CC_LETTER);
  });

  it('classifies marks, digits, whitespace, hyphens and the rest', () => {
    for (const ch of ['\u0301', '\u0323', '\u031B', '\u0E31']) expect(k(ch)).toBe(CC_MARK);
    for (const ch of ['0', '9', '٣', '²', 'Ⅻ']) expect(k(ch)).toBe(CC_DIGIT);
    for (const ch of [' ', '\t', '\n', '\u00A0', '\u3000', '\u2009', '\u200B', '\uFEFF', '\u00AD']) expect(k(ch)).toBe(CC_SPACE);
    for (const ch of ['-', '\u2010', '\u2011']) expect(k(ch)).toBe(CC_HYPHEN);
    for (const ch of ['.', ',', '/', '_', '–', '—', '"', '“', '😀', '€', '\u0000']) expect(k(ch)).toBe(CC_OTHER);
  });

  it('treats surrogate code units as other and classifies astral code points', () => {
    expect(classOfCode(0xd800)).toBe(CC_OTHER);
    expect(classOfCode(0xdfff)).toBe(CC_OTHER);
    expect(k('𝐀')).toBe(CC_UPPER);
    expect(k('𠀀')).toBe(CC_LETTER);
  });

  it('agrees with the Unicode property regexes over the whole BMP', () => {
    for (let c = 0; c < 0x10000; c += 7) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      expect(isWordClass(classOfCode(c)), `U+${c.toString(16)}`).toBe(/[\p{L}\p{M}\p{N}]/u.test(ch));
    }
  });
});
